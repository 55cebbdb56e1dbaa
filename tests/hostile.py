"""Hostile text for property tests and the fuzz run (fuzz/fuzz_build.py).

Names and quotes hold what real input can: quote marks, backslashes, ``<>``,
braces, control characters, right-to-left and zero-width marks, emoji, and
10,000-character names. Two levels:

- ``articles()``: article texts for the whole pipeline (spaCy included);
- ``doc_results()``: ``DocResult`` objects for the stages after NLP (corpus
  merge, RDF, Turtle, N-Triples, JSON-LD, NetworkX, the HTML page), fast
  enough for many thousands of examples.

``check_graph(kg)`` asserts what must hold for any graph: every IRI valid,
Turtle that rdflib and Oxigraph parse to the same number of triples, an HTML
page whose data block cannot break out of its script tag.
"""

from __future__ import annotations

import json
import re

from hypothesis import strategies as st

HOSTILE = ('"', "'", "\\", "<", ">", "{", "}", "|", "^", "`", "&", "#", "%", ";", "\u201c", "\u201d", "\u2019",
           "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\r", "\t",
           "\u200b", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u2028", "\u2029",
           "\ufeff", "\ufffd", "\U0001F600", "\U0001F1FA\U0001F1F8", "\U0001F468\u200d\U0001F469", "\u0627\u0644",
           "\u05e9\u05dc\u05d5\u05dd", "\u00e9", "e\u0301", "\u4e2d", "</script>", "<!--", "]]>", "${x}", "\\u0022",
           "\\n", "%20", "http://x/y?z=1#f", " ", "-", ".", "_:b0", "@en")
LETTERS = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

piece = st.one_of(st.sampled_from(HOSTILE), st.sampled_from(LETTERS),
                  st.text(min_size=1, max_size=3))  # any code point, surrogates included
word = st.lists(piece, min_size=1, max_size=6).map("".join)
long_name = st.builds(lambda w, n: (w * (10_000 // max(1, len(w)) + 1))[:10_000], word, st.integers(1, 3))
short_name = st.one_of(st.builds(lambda first, last: f"{first.title()} {last.title()}", word, word), word)
# mostly short names; one in 40 is 10,000 characters long
name = st.integers(0, 39).flatmap(lambda i: long_name if i == 0 else short_name)


def no_surrogates(text: str) -> str:
    return re.sub(r"[\ud800-\udfff]", "\ufffd", text)


# ---------------------------------------------------------------- whole articles

TEMPLATES = (
    '{a}, the chief executive of {org}, said: "{q}"',
    '"{q}," said {a}, who met {b} in {place} on Monday.',
    "{a} joined {org} last year. {b} is the president of {org}.",
    "{org} opened a plant in {place}. According to {a}, \u201c{q}\u201d",
    "{a} told reporters that {q}.\n\n{b}, a spokesman for {org}, declined to comment.",
)


@st.composite
def articles(draw) -> str:
    """An article text with hostile names and quotes around a realistic frame."""
    parts = []
    for _ in range(draw(st.integers(1, 2))):
        template = draw(st.sampled_from(TEMPLATES))
        parts.append(template.format(a=draw(name), b=draw(name), org=draw(name), place=draw(name),
                                     q=draw(st.text(max_size=40)) + draw(word)))
    return "\n".join(parts)


# ---------------------------------------------------------------- results after NLP

@st.composite
def doc_results(draw, index: int = 0):
    """A DocResult with consistent offsets: each entity's mention is a slice of the article text."""
    from graphkit.model import DIRECT, ENTITY_TYPES, INDIRECT, Article, DocResult, Entity, Mention, Quote, Relation, Span
    from graphkit.predicates import PREDICATES

    clean = lambda s: no_surrogates(s)  # noqa: E731 - what sources.py guarantees for built articles
    names = [clean(draw(name)) for _ in range(draw(st.integers(1, 4)))]
    text, spans = "", []
    for n in names:
        text += clean(draw(st.sampled_from(["", " ", "\n", " said "]) ))
        spans.append((len(text), len(text) + len(n)))
        text += n
    quote_text = clean(draw(word))
    text += ' "'
    quote_span = (len(text), len(text) + len(quote_text))
    text += quote_text + '"'
    entities = tuple(
        Entity(id=f"e{i}", name=n, type=draw(st.sampled_from(ENTITY_TYPES)), label=clean(draw(word)),
               aliases=tuple(clean(a) for a in draw(st.lists(word, max_size=2))),
               roles=tuple(clean(r) for r in draw(st.lists(word, max_size=2))),
               mentions=(Mention(s, e, text[s:e], 0),))
        for i, (n, (s, e)) in enumerate(zip(names, spans)))
    ids = [e.id for e in entities]
    quotes = (Quote(text=quote_text, start=quote_span[0], end=quote_span[1],
                    speaker=draw(st.sampled_from(ids + [None])), cue=clean(draw(word)),
                    speaker_mention=Span(*spans[0], names[0]), kind=draw(st.sampled_from([DIRECT, INDIRECT]))),)
    predicates = sorted(PREDICATES) + ["verb:" + clean(draw(word))]
    relations = tuple(
        Relation(subject=draw(st.sampled_from(ids)), predicate=draw(st.sampled_from(predicates)),
                 object=draw(st.sampled_from(ids)), evidence=Span(0, len(text), text), rule=clean(draw(word)),
                 role=draw(st.one_of(st.none(), word.map(clean))), claimed_by=draw(st.sampled_from([None, 0])))
        for _ in range(draw(st.integers(0, 3))))
    meta = st.one_of(st.none(), word.map(clean))
    article = Article(text=text, id=draw(st.one_of(st.none(), word.map(clean))) or f"a{index}",
                      title=draw(meta), url=draw(meta), published=draw(meta), author=draw(meta), source=draw(meta))
    return DocResult(article=article, entities=entities, relations=relations, quotes=quotes)


# ---------------------------------------------------------------- what must hold

BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def check_iri(iri: str) -> None:
    import pyoxigraph as ox
    from rdflib import URIRef

    assert not BAD_IRI.search(iri), iri
    assert re.match(r"^[a-z][a-z0-9+.-]*:", iri), iri
    ox.NamedNode(iri)  # raises ValueError on an invalid IRI
    URIRef(iri)


def check_graph(kg, *, html: bool = True, rdflib_parse: bool = True) -> None:
    """Everything graphkit writes for ``kg`` is valid."""
    import pyoxigraph as ox
    from rdflib import Graph, URIRef

    triples = list(ox.parse(kg.serialize("nt"), format=ox.RdfFormat.N_TRIPLES))
    for triple in triples:
        for term in triple:
            if isinstance(term, ox.NamedNode):
                check_iri(term.value)
    turtle = kg.serialize("turtle")
    assert len(list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))) == len(triples)
    assert len(list(ox.parse(kg.serialize("jsonld"), format=ox.RdfFormat.JSON_LD))) == len(triples)
    if rdflib_parse:
        parsed = Graph().parse(data=turtle.decode("utf-8"), format="turtle")
        assert len(parsed) == len(triples)
        for triple in kg.rdf:
            for term in triple:
                if isinstance(term, URIRef):
                    check_iri(str(term))
    if html:
        from graphkit.export.html import render_html

        page = render_html(kg.nx)
        data = re.search(r'<script type="application/json"[^>]*>(.*?)</script>', page, re.S)
        assert data, "no data block"
        json.loads(data.group(1))  # the data block is intact JSON
        assert page.count("</script>") == EMPTY_PAGE_SCRIPTS()


_SCRIPTS: list[int] = []


def EMPTY_PAGE_SCRIPTS() -> int:  # noqa: N802 - a cached constant
    """How many </script> tags the page template itself has."""
    if not _SCRIPTS:
        import networkx as nx

        from graphkit.export.html import render_html

        g = nx.MultiDiGraph()
        g.graph["articles"] = {}
        _SCRIPTS.append(render_html(g).count("</script>"))
    return _SCRIPTS[0]
