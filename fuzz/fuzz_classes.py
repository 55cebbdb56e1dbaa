"""The fuzz levels of issue 15's classes, imported by fuzz_build.py.

- ``collisions``: articles whose ids or file paths differ only by case, ``/``,
  ``-``, ``_``, spaces or accents, and entities whose names differ only by
  case, accents, punctuation, apostrophes or hyphen/space. One input: one
  article. Distinct articles must get distinct IRIs, every IRI at most one
  label, body, identifier and speaker, and the graph must pass validate.
- ``quads``: every generated graph written as TriG and N-Quads and parsed back
  by Oxigraph (the union of the graphs is the triples), and written as
  .trig/.nq/.jsonld/.rdf and reloaded by ``graphkit.load`` to the same
  N-Triples. One input: one article.
- ``into``: Turtle (and the other syntaxes) that is almost graphkit's: a real
  graph with triples dropped, blank-node articles, wrong datatypes, doubled
  values and random extra triples, given to ``graphkit.load`` and
  ``graphkit.build([...], into=path)``: GraphLoadError (one line, naming the
  file) or a graph that passes validate; never another exception. One input:
  one hostile file.
- ``sparql``: generated queries (SERVICE in many spellings and places, and
  the word in strings, IRIs, comments and names; FROM / FROM NAMED on quad
  data, checked against the quads; ill-typed literals in the data and the
  query; bracket soup and random text) through ``kg.query`` and
  ``graphkit.sparql.run_query``: rows or a QueryError, never another
  exception; SERVICE refused unless allowed. One input: one query.
"""

from __future__ import annotations

import hashlib
import random
import re
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import hostile
import pyoxigraph as ox
from hypothesis import strategies as st

SDO, GK = "https://schema.org/", "https://example.org/graphkit/ns#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"
# at most one of these per subject, whatever the input
SINGLE = (RDFS_LABEL, SDO + "articleBody", SDO + "identifier", SDO + "spokenByCharacter", GK + "mentionCount",
          GK + "contentHash", GK + "startOffset", GK + "endOffset")

# ---------------------------------------------------------------- colliding ids and names

ACCENTS = {"a": "àáâäå", "e": "éèêë", "i": "íîï", "o": "óôöø", "u": "úûü", "c": "ç", "n": "ñ"}
SEPARATORS = ("/", "-", "_", " ", ".", "--", "__", "")
APOSTROPHES = ("'", "\u2019", "`", " ", "")


def _case(draw, word: str) -> str:
    return draw(st.sampled_from([word, word.lower(), word.upper(), word.title(), word.swapcase()]))


def _accent(draw, word: str) -> str:
    if not draw(st.booleans()):
        return word
    out = []
    for char in word:
        if char.lower() in ACCENTS and draw(st.integers(0, 2)) == 0:
            accented = draw(st.sampled_from(ACCENTS[char.lower()]))
            accented = accented.upper() if char.isupper() else accented
            out.append(draw(st.sampled_from([accented, char + "\u0301"])))  # precomposed or combining
        else:
            out.append(char)
    return "".join(out)


base_word = st.text(alphabet="abcdeinouyrstlmRAEJCKOB0123", min_size=1, max_size=7)


@st.composite
def colliding_ids(draw) -> list[str]:
    """2-6 distinct ids that one careless slug would map to one: 'Report', 'report', '2024/jan', '2024-jan'..."""
    words = draw(st.lists(base_word, min_size=1, max_size=3))
    ids = []
    for _ in range(draw(st.integers(2, 6))):
        parts = [_accent(draw, _case(draw, w)) for w in words]
        sep = draw(st.sampled_from(SEPARATORS))
        ids.append(sep.join(parts) + draw(st.sampled_from(["", "", ".", "-", "_"])))
    return list(dict.fromkeys(i for i in ids if i.strip()))


NAME_FRAMES = ("{a} {b}", "{a}-{b}", "{a} {b}.", "{a}.{b}", "{a} {b} Corp", "{a} {b} Corp.", "{a}, {b}",
               "{a}{apo}{b}", "{a} {b}-{c}", "{a}-{b} {c}", "{a} {b} {c}", "{a}  {b}")


@st.composite
def colliding_names(draw) -> list[str]:
    """2-6 spellings of one name: 'Jean-Claude Juncker' / 'Jean Claude Juncker', 'Acme Corp' / 'Acme Corp.'..."""
    a, b, c = (draw(st.sampled_from(["Jean", "Claude", "Conan", "Brien", "Acme", "Zoe", "Rene", "Muller", "Ana"]))
               for _ in range(3))
    names = []
    for _ in range(draw(st.integers(2, 6))):
        frame = draw(st.sampled_from(NAME_FRAMES))
        names.append(frame.format(a=_accent(draw, _case(draw, a)), b=_accent(draw, _case(draw, b)),
                                  c=_accent(draw, _case(draw, c)), apo=draw(st.sampled_from(APOSTROPHES))))
    return list(dict.fromkeys(names))


@st.composite
def colliding_corpus(draw):
    """(article ids, texts, entity names per article): ids collide, names collide, texts differ."""
    from graphkit.model import ENTITY_TYPES

    ids = draw(colliding_ids())
    groups = draw(st.lists(colliding_names(), min_size=1, max_size=2))
    types = {name: draw(st.sampled_from(ENTITY_TYPES)) for group in groups for name in group}
    articles = []
    for index, article_id in enumerate(ids):
        names = [draw(st.sampled_from(group)) for group in groups for _ in range(draw(st.integers(1, 2)))]
        text = " and ".join(names) + f' met on day {index}. "We agree {index}," said {names[0]}.'
        articles.append((article_id, text, names))
    if draw(st.booleans()) and len(articles) >= 2:  # an id that is what the merge renames a clashing id to
        _, _, names = articles[0]
        text = articles[1][1]
        clash = f"{articles[1][0]}-{hashlib.sha256(text.encode()).hexdigest()[:8]}"
        articles.insert(0, (clash, articles[0][1].replace("met", "talked"), names))
        articles.append((articles[1][0], text + " Again.", names))
    return articles, types


def doc_result(article, names: list[str], types: dict):
    """A DocResult for ``article`` whose entities are ``names`` (each at its first occurrence in the text)."""
    from graphkit.model import DIRECT, DocResult, Entity, Mention, Quote, Relation, Span

    text, entities, seen = article.text, [], {}
    for name in names:
        start = text.find(name)
        if start < 0 or name in seen:
            continue
        seen[name] = f"e{len(entities)}"
        entities.append(Entity(id=seen[name], name=name, type=types.get(name, "PERSON"), label="PERSON",
                               mentions=(Mention(start, start + len(name), name, 0),)))
    quote_text = re.search(r'"([^"]*)"', text)
    quotes = ()
    if quote_text:
        quotes = (Quote(text=quote_text.group(1), start=quote_text.start(1), end=quote_text.end(1),
                        speaker=entities[0].id if entities else None, kind=DIRECT),)
    relations = ()
    if len(entities) >= 2:
        relations = (Relation(entities[0].id, "worksFor", entities[1].id, Span(0, len(text), text), "fuzz"),)
    return DocResult(article=article, entities=tuple(entities), relations=relations, quotes=quotes)


def subjects_of(nt: bytes) -> dict[str, dict[str, list]]:
    out: dict = defaultdict(lambda: defaultdict(list))
    for t in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES):
        out[str(t.subject)][t.predicate.value].append(t.object)
    return out


def check_identity(kg, distinct_texts: int) -> None:
    """Distinct articles, distinct IRIs; one label, body, identifier, speaker per IRI; the graph validates."""
    subjects = subjects_of(kg.serialize("nt"))
    articles = [s for s, p in subjects.items() if any(o.value == SDO + "NewsArticle" for o in p.get(RDF + "type", ()))]
    assert len(articles) == distinct_texts == len(kg.corpus.articles), (len(articles), distinct_texts)
    identifiers = Counter(subjects[a][SDO + "identifier"][0].value for a in articles)
    assert max(identifiers.values()) == 1, identifiers
    for subject, props in subjects.items():
        for predicate in SINGLE:
            assert len(props.get(predicate, ())) <= 1, (subject, predicate, props[predicate])
    violations = kg.validate()
    assert not violations, violations[:3]


def files_for(folder: Path, articles: list) -> list[tuple[Path, str, list]]:
    """Write each article as FOLDER/ID.txt where the id is a path that can exist; skip the others."""
    written = []
    for article_id, text, names in articles:
        parts = article_id.split("/")
        if any(p in ("", ".", "..") or p.startswith(".") for p in parts):
            continue  # not a path a folder can hold, or a hidden file the reader skips
        path = folder.joinpath(*parts[:-1], parts[-1] + ".txt")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "x", encoding="utf-8") as file:  # a file where another id needs a folder: skipped
                file.write(text)
        except OSError:
            continue
        written.append((path, text, names))
    return written


def fuzz_collisions(n: int, Level, run) -> dict:
    import shutil

    from graphkit.graph.corpus import merge_results
    from graphkit.kg import KnowledgeGraph
    from graphkit.model import Article
    from graphkit.sources import iter_articles

    level = Level("collisions")
    root = Path(tempfile.mkdtemp(prefix="gk-fuzz-ids-"))

    def test(corpus, from_files):
        articles, types = corpus
        level.add(len(articles))
        try:
            if from_files:  # ids from paths: 'Report.txt' / 'report.txt', '2024/jan.txt' / '2024-jan.txt'
                folder = root / f"c{level.inputs}"
                written = files_for(folder, articles)
                names = {text: n for _, text, n in written}
                read = list(iter_articles([folder], on_error=lambda s, m: None, on_warning=lambda s, m: None))
                assert len({a.key for a in read}) == len(read) == len(written), [a.key for a in read]
                results = [doc_result(a, names[a.text], types) for a in read]
                shutil.rmtree(folder)
            else:  # JSONL-like ids given as they are
                results = [doc_result(Article(text=text, id=article_id), names, types)
                           for article_id, text, names in articles]
            corpus_, _ = merge_results(results)
            kg = KnowledgeGraph(corpus_)
            check_identity(kg, len({r.article.text for r in results}))
            hostile.check_graph(kg, html=False, rdflib_parse=False)
        except Exception:  # noqa: BLE001 - counting every failure is the point
            level.fail(corpus)

    while level.inputs < n:
        run((colliding_corpus(), st.integers(0, 3).map(lambda i: i == 0)), test, max(1, (n - level.inputs) // 4))
    shutil.rmtree(root, ignore_errors=True)
    return level.report()


# ---------------------------------------------------------------- quad formats and reloading

LOAD_SUFFIXES = (".trig", ".nq", ".jsonld", ".rdf")


def check_quads(kg, folder: Path, suffixes=LOAD_SUFFIXES) -> None:
    """TriG and N-Quads hold the triples (union of their graphs); every syntax reloads to the same N-Triples."""
    import graphkit

    nt = kg.serialize("nt")
    triples = {(t.subject, t.predicate, t.object) for t in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)}
    articles = {t[0] for t in triples if t[1].value == RDF + "type" and t[2].value == SDO + "NewsArticle"}
    for fmt, rdf_format in (("trig", ox.RdfFormat.TRIG), ("nq", ox.RdfFormat.N_QUADS)):
        quads = list(ox.parse(kg.serialize(fmt), format=rdf_format))
        assert {(q.subject, q.predicate, q.object) for q in quads} == triples, fmt
        for q in quads:  # every named graph is an article's
            assert isinstance(q.graph_name, ox.DefaultGraph) or q.graph_name in articles, q
    for suffix in suffixes:
        path = folder / f"graph{suffix}"
        kg.write(path)
        again = graphkit.load(path).serialize("nt")
        assert again == nt, (suffix, sorted(set(again.splitlines()) ^ set(nt.splitlines()))[:6])


def fuzz_quads(n: int, Level, run) -> dict:
    from graphkit.graph.corpus import merge_results
    from graphkit.kg import KnowledgeGraph

    level = Level("quads")
    folder = Path(tempfile.mkdtemp(prefix="gk-fuzz-quads-"))

    def test(results):
        level.add(len(results))
        try:
            corpus, _ = merge_results(results)
            check_quads(KnowledgeGraph(corpus), folder)
        except Exception:  # noqa: BLE001
            level.fail(results)

    while level.inputs < n:
        run((st.lists(hostile.doc_results(), min_size=1, max_size=5),), test, max(1, (n - level.inputs) // 3))
    return level.report()


# ---------------------------------------------------------------- hostile --into graphs

VOCAB = [SDO + p for p in ("identifier", "articleBody", "headline", "url", "datePublished", "mentions", "text",
                           "isPartOf", "spokenByCharacter", "jobTitle", "gender", "author")]
VOCAB += [GK + p for p in ("mentionCount", "startOffset", "endOffset", "refersTo", "contentHash", "quoteKind", "cue",
                           "speakerMention", "claimedBy", "status", "rule", "evidence", "nerLabel", "roleName",
                           "sentenceStart", "sentenceEnd", "dateText")]
VOCAB += [RDF + p for p in ("type", "subject", "predicate", "object")] + [RDFS_LABEL,
                                                                          "http://www.w3.org/ns/prov#wasDerivedFrom"]
CLASSES = [SDO + c for c in ("NewsArticle", "Person", "Organization", "Place", "Country", "Quotation")]
CLASSES += [GK + "Mention", GK + "ReportedSpeech", RDF + "Statement", RDF + "Property", "http://x/Other"]
DATATYPES = [XSD + d for d in ("integer", "string", "decimal", "double", "boolean", "date", "anyURI", "int")]
DATATYPES += [RDF + "langString", "http://x/type"]
LEXICAL = ["abc", "1.5", "-3", "0", "1e3", "", " 7 ", "9" * 5000, "NaN", "2024-13-45", "true", "\u0663", "+4",
           "99999999999999999999999"]
DROPS = {  # what an almost-graphkit graph lacks: (subject class, predicate)
    "article without identifier": (SDO + "NewsArticle", SDO + "identifier"),
    "article without text": (SDO + "NewsArticle", SDO + "articleBody"),
    "quote without start": (SDO + "Quotation", GK + "startOffset"),
    "quote without end": (SDO + "Quotation", GK + "endOffset"),
    "quote without article": (SDO + "Quotation", SDO + "isPartOf"),
    "quote without text": (SDO + "Quotation", SDO + "text"),
    "mention without offsets": (GK + "Mention", GK + "startOffset"),
    "mention without entity": (GK + "Mention", GK + "refersTo"),
    "statement without predicate": (RDF + "Statement", RDF + "predicate"),
    "statement without subject": (RDF + "Statement", RDF + "subject"),
    "statement without evidence offsets": (RDF + "Statement", GK + "endOffset"),
    "statement without article": (RDF + "Statement", "http://www.w3.org/ns/prov#wasDerivedFrom"),
    "entity without label": (SDO + "Person", RDFS_LABEL),
    "entity without type": (SDO + "Person", RDF + "type"),
}


def _typed(rng: random.Random) -> ox.Literal:
    lexical, datatype = rng.choice(LEXICAL), rng.choice(DATATYPES)
    if datatype == RDF + "langString":
        return ox.Literal(lexical, language="en")
    return ox.Literal(lexical, datatype=ox.NamedNode(datatype))


def mutate(triples: list, seed: int, steps: int) -> tuple[list, list[str]]:
    """Up to ``steps`` damages to a graphkit graph's triples, chosen by ``seed``; (triples, what was done)."""
    rng = random.Random(seed)
    done = []
    by_class = defaultdict(set)
    for t in triples:
        if t.predicate.value == RDF + "type":
            by_class[t.object.value].add(t.subject)
    subjects = sorted({t.subject for t in triples}, key=str) or [ox.NamedNode("http://x/s")]
    for _ in range(steps):
        kind = rng.choice(["drop", "drop", "blank article", "blank any", "retype", "retype", "double", "extra",
                           "extra", "literal for iri", "iri for literal", "offset", "drop type"])
        if kind == "drop":
            what = rng.choice(sorted(DROPS))
            cls, predicate = DROPS[what]
            targets = by_class.get(cls) or set()
            victims = {s for s in targets if rng.random() < 0.7} or set(list(targets)[:1])
            triples = [t for t in triples if not (t.subject in victims and t.predicate.value == predicate)]
        elif kind in ("blank article", "blank any"):
            pool = sorted(by_class.get(SDO + "NewsArticle", ()), key=str) if kind == "blank article" else subjects
            if not pool:
                continue
            victim, blank = rng.choice(pool), ox.BlankNode()
            triples = [ox.Triple(blank if t.subject == victim else t.subject, t.predicate,
                                 blank if t.object == victim else t.object) for t in triples]
            what = f"{kind}: {victim}"
        elif kind == "retype":  # a literal of the wrong type or value: "abc"^^xsd:integer, "3"@en, a huge count
            i = rng.randrange(len(triples))
            t = triples[i]
            triples[i] = ox.Triple(t.subject, t.predicate, _typed(rng))
            what = f"retype {t.predicate.value}"
        elif kind == "double":  # a second value where one is promised
            t = rng.choice(triples)
            obj = _typed(rng) if isinstance(t.object, ox.Literal) else rng.choice(subjects)
            triples.append(ox.Triple(t.subject, t.predicate, obj))
            what = f"double {t.predicate.value}"
        elif kind == "extra":
            subject = rng.choice(subjects + [ox.BlankNode(), ox.NamedNode("http://x/new")])
            predicate = ox.NamedNode(rng.choice(VOCAB))
            obj = rng.choice([_typed(rng), rng.choice(subjects), ox.NamedNode(rng.choice(CLASSES)), ox.BlankNode(),
                              ox.Literal(rng.choice(LEXICAL))])
            triples.append(ox.Triple(subject, predicate, obj))
            what = f"extra {predicate.value}"
        elif kind in ("literal for iri", "iri for literal"):  # an object of the other kind than the vocabulary's
            wanted = ox.NamedNode if kind == "literal for iri" else ox.Literal
            pool = [i for i, t in enumerate(triples) if isinstance(t.object, wanted)]
            if not pool:
                continue
            i = rng.choice(pool)
            t = triples[i]
            swapped = ox.Literal(t.object.value) if kind == "literal for iri" else rng.choice(subjects)
            triples[i] = ox.Triple(t.subject, t.predicate, swapped)
            what = f"{kind} {t.predicate.value}"
        elif kind == "offset":  # an integer offset outside the text or past the other end
            pool = [i for i, t in enumerate(triples) if t.predicate.value.endswith(("Offset", "sentenceStart",
                                                                                     "sentenceEnd"))]
            if not pool:
                continue
            i = rng.choice(pool)
            t = triples[i]
            triples[i] = ox.Triple(t.subject, t.predicate, ox.Literal(str(rng.choice([-5, 0, 1, 10**6, 2**63])),
                                                                      datatype=ox.NamedNode(XSD + "integer")))
            what = f"offset {t.predicate.value}"
        else:  # drop type
            t = rng.choice([t for t in triples if t.predicate.value == RDF + "type"] or triples)
            triples = [x for x in triples if x != t]
            what = f"drop type {t.object}"
        done.append(what)
    return triples, done


INTO_FORMATS = ((".ttl", ox.RdfFormat.TURTLE), (".ttl", ox.RdfFormat.TURTLE), (".nt", ox.RdfFormat.N_TRIPLES),
                (".trig", ox.RdfFormat.TRIG), (".jsonld", ox.RdfFormat.JSON_LD), (".rdf", ox.RdfFormat.RDF_XML))
NEW_ARTICLE = "Maria Lopez, the mayor of Springfield, said: \"We will build the bridge.\""


def fuzz_into(n: int, Level, run, *, build_every: int = 25) -> dict:
    """Hostile graphs through graphkit.load, the merge of new results into them, and (1 in ``build_every``) build."""
    import graphkit
    from graphkit.graph.corpus import merge_results
    from graphkit.graph.load import GraphLoadError, load_corpus
    from graphkit.kg import KnowledgeGraph

    level = Level("into")
    level.outcomes = Counter()
    folder = Path(tempfile.mkdtemp(prefix="gk-fuzz-into-"))

    def expect_load_error(error: GraphLoadError, path: Path) -> None:
        message = str(error)
        assert "\n" not in message and str(path) in message and len(message) < 2000, message[:500]

    def test(results, seed, steps, fmt, new):
        level.add()
        path = folder / f"g{fmt[0]}"
        try:
            corpus, _ = merge_results(results)
            triples = list(ox.parse(KnowledgeGraph(corpus).serialize("nt"), format=ox.RdfFormat.N_TRIPLES))
            triples, done = mutate(triples, seed, steps)
            path.write_bytes(ox.serialize(triples, format=fmt[1]))
        except Exception:  # noqa: BLE001 - making the input failed: a fuzzer bug, counted all the same
            level.fail(("make", results, seed, steps))
            return
        try:
            try:
                kg = graphkit.load(path)
            except GraphLoadError as error:
                expect_load_error(error, path)
                level.outcomes["refused"] += 1
                return
            kg.serialize("nt")
            if level.inputs % build_every == 0:  # the real thing, spaCy included
                try:
                    built = graphkit.build([NEW_ARTICLE], into=path, on_warning=lambda s, m: None)
                except GraphLoadError as error:
                    expect_load_error(error, path)
                    raise AssertionError("load accepted what build --into refused") from None
            else:  # what build does after NLP: merge new results into the loaded corpus
                existing, base = load_corpus(path)
                built = KnowledgeGraph(merge_results(new, existing)[0], base)
            violations = built.validate()
            assert not violations, (done, [str(v) for v in violations[:3]])
            if level.inputs % 4 == 0:  # the writers and IRIs, as the graph level checks them
                hostile.check_graph(built, html=False, rdflib_parse=False)
            level.outcomes["loaded"] += 1
        except Exception:  # noqa: BLE001
            level.fail((results, seed, steps, fmt[0]))

    strategies = (st.lists(hostile.doc_results(), min_size=1, max_size=2), st.integers(0, 2**32),
                  st.integers(1, 4), st.sampled_from(INTO_FORMATS),
                  st.lists(hostile.doc_results(), min_size=0, max_size=1))
    while level.inputs < n:
        run(strategies, test, n - level.inputs)
    print(f"into: {dict(level.outcomes)}", flush=True)
    return level.report()


# ---------------------------------------------------------------- SPARQL

# nothing to reach: with allow_service the queries may only fail to connect (port 9 on this host)
ENDPOINTS = ("<http://127.0.0.1:9/sparql>", "?endpoint", "here:sparql", "<http://[::1]:9/>")
SERVICE_SPELLINGS = ("SERVICE", "service", "Service", "sErViCe", "SERVICE SILENT", "service silent",
                     "SERVICE\n", "SERVICE\t", "SERVICE#c\n", "SERVICE SILENT#c\n", "SERVICE/**/")
DECOYS = ('"SERVICE <http://127.0.0.1:9/> { }"', "'service'", '"""\nSERVICE <x> {}\n"""',
          "<http://x/SERVICE>", "?service", "$SERVICE", "ex:SERVICE", "ex:service-x", "# SERVICE <http://x/> {}\n",
          "ex:a-service")
ILL_TYPED = ('"abc"^^xsd:integer', '"1.5"^^xsd:integer', '"x"^^xsd:boolean', '"2024-13-45"^^xsd:date',
             '"NaN"^^xsd:double', '"1e999"^^xsd:double', '""^^xsd:decimal', '"9999999999999999999999"^^xsd:int',
             '"\u0663"^^xsd:integer', '"3"@en', '"4"^^<http://x/t>', "1e400", "-0.0")
TERMS = ("?s", "?p", "?o", "?g", "?x", "schema:Person", "rdfs:label", "a", "gk:mentionCount", "schema:text",
         '"x"', "1", "ex:thing", "<http://x/y>", "_:b", "[]", "()", "(1 2)") + ILL_TYPED
FILTERS = ("?o > {lit}", "?o = {lit}", "xsd:integer(?o) > 1", "?o + {lit} > 0", "STRLEN(?o) > {lit}",
           "SUBSTR(?o, {lit}, 2) = ?o", "REGEX(STR(?o), {pat})", "ABS(?o) < {lit}", "isLiteral(?o)",
           "DATATYPE(?o) = xsd:integer", "xsd:dateTime(?o) < NOW()", "?o / 0 = 1", "BOUND(?zzz)",
           "EXISTS {{ ?s ?p {lit} }}", "LANG(?o) = 'en'", "COALESCE(?o, {lit}) != 2")
PATTERNS = ('"."', '"(a+)+$"', '"[["', '"\\\\"', '"^.*$"', '"(?i)x"', "?o")
WORDS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "FROM", "NAMED", "GRAPH", "SERVICE", "OPTIONAL", "UNION",
         "MINUS", "FILTER", "BIND", "VALUES", "ORDER", "BY", "GROUP", "LIMIT", "OFFSET", "{", "}", "(", ")", ".", ";",
         ",", "*", "?s", "?o", "<http://x/>", '"s"', "PREFIX", "ex:", "BASE", "AS", "COUNT", "INSERT", "DATA",
         "DELETE", "LOAD", "\\u0053ERVICE", "#", "\n", "^^", "@en", "a", "NOT", "EXISTS", "IN", "!", "&&", "||")


@st.composite
def group(draw, depth: int = 0, service: list | None = None) -> str:
    """A group graph pattern; appends to ``service`` each SERVICE it puts in a real (non-decoy) position."""
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["triple", "triple", "filter", "bind", "values", "decoy"] +
                                    (["optional", "union", "minus", "graph", "service", "sub", "exists"]
                                     if depth < 3 else [])))
        if kind == "triple":
            parts.append(" ".join(draw(st.sampled_from(TERMS)) for _ in range(3)) + " .")
        elif kind == "filter":
            parts.append("FILTER (" + draw(st.sampled_from(FILTERS)).format(
                lit=draw(st.sampled_from(ILL_TYPED + ("1", '"a"'))), pat=draw(st.sampled_from(PATTERNS))) + ")")
        elif kind == "bind":
            parts.append(f"BIND ({draw(st.sampled_from(ILL_TYPED))} + 1 AS ?b{depth}{len(parts)})")
        elif kind == "values":
            parts.append(f"VALUES ?o {{ {' '.join(draw(st.lists(st.sampled_from(ILL_TYPED), max_size=3)))} }}")
        elif kind == "decoy":  # the word SERVICE where it is no keyword
            decoy = draw(st.sampled_from(DECOYS))
            parts.append(decoy if decoy.startswith("#") else f"?s ?p {decoy} .")
        elif kind == "service":
            if service is not None:
                service.append(True)
            parts.append(f"{draw(st.sampled_from(SERVICE_SPELLINGS))} {draw(st.sampled_from(ENDPOINTS))} "
                         f"{draw(group(depth + 1, service))}")
        elif kind == "optional":
            parts.append("OPTIONAL " + draw(group(depth + 1, service)))
        elif kind == "union":
            parts.append(draw(group(depth + 1, service)) + " UNION " + draw(group(depth + 1, service)))
        elif kind == "minus":
            parts.append("MINUS " + draw(group(depth + 1, service)))
        elif kind == "graph":
            parts.append(f"GRAPH {draw(st.sampled_from(['?g', '<http://x/g>', 'ex:g']))} "
                         f"{draw(group(depth + 1, service))}")
        elif kind == "exists":
            parts.append(f"FILTER {draw(st.sampled_from(['EXISTS', 'NOT EXISTS']))} {draw(group(depth + 1, service))}")
        else:
            parts.append("{ SELECT * WHERE " + draw(group(depth + 1, service)) + " LIMIT 5 }")
    return "{ " + " ".join(parts) + " }"


@st.composite
def generated_query(draw, graphs: list[str]) -> tuple[str, bool]:
    """(query, has a real SERVICE) from a small SPARQL grammar, with FROM clauses naming ``graphs``."""
    service: list = []
    where = draw(group(0, service))
    prologue = draw(st.sampled_from(["", "PREFIX ex: <http://x/>\n", "# a comment\nPREFIX ex: <http://x/>\n",
                                     "BASE <http://x/>\nPREFIX ex: <http://x/>\n", "PREFIX service: <http://x/>\n"]))
    if "ex:" in where and "PREFIX ex:" not in prologue:
        prologue += "PREFIX ex: <http://x/>\n"
    if "here:" in where:
        prologue += "PREFIX here: <http://127.0.0.1:9/>\n"
    form = draw(st.sampled_from(["SELECT *", "SELECT ?s ?o", "SELECT (COUNT(*) AS ?n)", "SELECT DISTINCT ?o",
                                 "ASK", "CONSTRUCT { ?s ?p ?o }", "DESCRIBE ?s", "SELECT (SUM(?o) AS ?n)",
                                 "SELECT (AVG(xsd:integer(?o)) AS ?n)"]))
    names = graphs + ["<http://x/nowhere>"]
    dataset = " ".join(f"FROM {'NAMED ' if draw(st.booleans()) else ''}{draw(st.sampled_from(names))}"
                       for _ in range(draw(st.integers(0, 2))))
    tail = draw(st.sampled_from(["", " LIMIT 7", " ORDER BY ?o", " ORDER BY DESC(?o) LIMIT 3", " OFFSET 2",
                                 " GROUP BY ?o", " LIMIT abc", " ORDER BY ?o + 1"]))
    if form.startswith(("ASK", "CONSTRUCT", "DESCRIBE")) and "GROUP" in tail:
        tail = ""
    return f"{prologue}{form} {dataset} WHERE {where}{tail}", bool(service)


garbage_query = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    st.builds(lambda n, c: "SELECT * WHERE " + c[0] * n + c[1] * n, st.integers(0, 400),
              st.sampled_from([("{", "}"), ("(", ")"), ("[", "]"), ("{ OPTIONAL {", "}}"), ("((", "")])),
)


def quad_data(seed: int):
    """A built graph as N-Quads in a store, with ill-typed literals added; (kg, quad store, graph IRIs, quads)."""
    from graphkit.graph.corpus import merge_results
    from graphkit.kg import KnowledgeGraph

    results = [hostile.doc_results().example() for _ in range(3)]  # outside a test: example() is what it is for
    kg = KnowledgeGraph(merge_results(results)[0])
    quads = list(ox.parse(kg.serialize("nq"), format=ox.RdfFormat.N_QUADS))
    graphs = sorted({q.graph_name for q in quads if isinstance(q.graph_name, ox.NamedNode)}, key=str)
    rng = random.Random(seed)
    for index, lexical in enumerate(LEXICAL + ["abc", "x"]):  # "abc"^^xsd:integer and kin, in graphs and not
        literal = ox.Literal(lexical, datatype=ox.NamedNode(rng.choice(DATATYPES[:-2] + [XSD + "integer"] * 3)))
        subject = ox.NamedNode(f"http://x/ill/{index}")
        graph = rng.choice(graphs + [ox.DefaultGraph()])
        quads.append(ox.Quad(subject, ox.NamedNode(GK + "mentionCount"), literal, graph))
        kg._store.add(ox.Quad(subject, ox.NamedNode(GK + "mentionCount"), literal))
    store = ox.Store()
    store.extend(quads)
    quads = list(store)  # as Oxigraph holds them: it writes "+4"^^xsd:int back as "4"^^xsd:integer
    return kg, store, graphs, quads


def check_dataset(store, graphs: list, quads: list, pick: int, named: bool) -> None:
    """FROM <g> reads exactly g's triples; FROM NAMED <g> with GRAPH ?g, only g; no FROM, the union."""
    from graphkit.sparql import evaluate

    g = graphs[pick % len(graphs)]
    if named:
        answer = evaluate(store, f"SELECT ?g ?s ?p ?o FROM NAMED {g} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
                          timeout=10, max_rows=None)
        got = {tuple(row) for row in answer.rows}
        want = {(q.graph_name, q.subject, q.predicate, q.object) for q in quads if q.graph_name == g}
    else:
        answer = evaluate(store, f"SELECT ?s ?p ?o FROM {g} WHERE {{ ?s ?p ?o }}", timeout=10, max_rows=None)
        got = {tuple(row) for row in answer.rows}
        want = {(q.subject, q.predicate, q.object) for q in quads if q.graph_name == g}
    assert got == want, (g, len(got), len(want))
    union = evaluate(store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", timeout=10, max_rows=None)
    assert {tuple(r) for r in union.rows} == {(q.subject, q.predicate, q.object) for q in quads}


REFUSED = "SERVICE (a query to another endpoint"


def fuzz_sparql(n: int, Level, run, *, timeout: float = 2.0) -> dict:
    from graphkit.sparql import QueryError, QueryTimeout, run_query

    level = Level("sparql")
    level.outcomes = Counter()
    data = [quad_data(seed) for seed in range(3)]
    iris = [[str(g) for g in d[2]] for d in data]  # "<IRI>"

    def one(kg, store, sparql: str, has_service: bool, allow: bool, through_kg: bool) -> None:
        try:
            if through_kg:
                rows = kg.query(sparql, allow_service=allow, timeout=timeout, max_rows=500)
            else:
                rows = run_query(store, sparql, allow_service=allow, timeout=timeout, max_rows=500)[1]
            assert isinstance(rows, list)
            assert not (has_service and not allow), "SERVICE ran without allow_service"
            level.outcomes["rows"] += 1
        except QueryTimeout:
            level.outcomes["timeout"] += 1
        except QueryError as error:
            message = str(error)
            assert "\n" not in message, message
            if has_service and not allow:
                assert message.startswith(REFUSED), message
            elif not has_service:
                assert not message.startswith(REFUSED), ("refused without SERVICE", message)
            level.outcomes["refused SERVICE" if message.startswith(REFUSED) else "QueryError"] += 1

    def test(which, query, garbage, allow, through_kg, use_garbage, dataset_check):
        level.add()
        kg, store, graphs, quads = data[which]
        sparql, has_service = (garbage, None) if use_garbage else query
        try:
            if dataset_check is not None:
                check_dataset(store, graphs, quads, *dataset_check)
            if has_service is None:  # garbage: whether it holds a real SERVICE is not known; either answer goes
                has_service = False if "service" not in sparql.lower() else None
                allow = False
            if has_service is None:
                try:
                    (kg.query if through_kg else lambda q, **k: run_query(store, q, **k))(
                        sparql, timeout=timeout, max_rows=500)
                except QueryError:
                    pass
                level.outcomes["garbage"] += 1
            else:
                one(kg, store, sparql, has_service, allow and has_service, through_kg)
        except Exception:  # noqa: BLE001
            level.fail((which, sparql, allow, through_kg))

    strategies = (st.integers(0, len(data) - 1),
                  st.integers(0, len(data) - 1).flatmap(lambda i: generated_query(iris[i])),
                  garbage_query, st.integers(0, 9).map(lambda i: i == 0), st.booleans(),
                  st.integers(0, 4).map(lambda i: i == 0),
                  st.one_of(st.none(), st.none(), st.none(), st.tuples(st.integers(0, 99), st.booleans())))
    while level.inputs < n:
        run(strategies, test, n - level.inputs)
    print(f"sparql: {dict(level.outcomes)}", flush=True)
    return level.report()
