"""Corpus -> RDF, following the RDF contract in the README.

The graph is generated as N-Triples lines straight from the corpus: Python
string formatting is cheap, and everything after it (sorting, Turtle, the
SPARQL store, the rdflib view) runs in Oxigraph. rdflib's own ``Graph.add``
costs about 100 µs a triple, which at a million triples is minutes.
"""

from __future__ import annotations

import contextlib
import heapq
import io
import re
import tempfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import BinaryIO

from rdflib import RDF, RDFS, XSD, URIRef
from rdflib.namespace import OWL, PROV, SDO, SKOS

from .. import places
from ..dates import published_date, resolve
from ..model import FACT, INDIRECT, ORGANIZATION, PERSON, PLANNED
from ..predicates import CUSTOM_PREFIX, PREDICATES, VERB_PREFIX, predicate_label
from .corpus import Corpus, CorpusEntity
from .iris import IRIs, slug
from .vocab import GK, STATUS_IRIS, VERB

NAMESPACES = {"SDO": SDO, "GK": GK, "RDF": RDF, "RDFS": RDFS, "SKOS": SKOS, "OWL": OWL, "PROV": PROV}
PLACE_KINDS = {"Country": SDO.Country, "City": SDO.City, "State": SDO.State}


def predicate_iri(key: str) -> URIRef:
    if key.startswith(VERB_PREFIX):
        return VERB[slug(key[len(VERB_PREFIX):])]
    if key.startswith(CUSTOM_PREFIX):
        return GK._NS[key[len(CUSTOM_PREFIX):]]  # a user's own relation type (a checked plain word)
    predicate = PREDICATES[key]
    return SDO[predicate.local] if predicate.namespace == "schema" else GK._NS[predicate.local]


def schema_class(entity: CorpusEntity) -> tuple[URIRef, places.Place | None]:
    if entity.type == PERSON:
        return SDO.Person, None
    if entity.type == ORGANIZATION:
        return SDO.Organization, None
    place = places.lookup(entity.name)
    return (PLACE_KINDS.get(place.kind, SDO.Place) if place else SDO.Place), place


# N-Triples escapes: the named ones, then every other control character, and
# lone surrogates (which UTF-8 cannot encode) become U+FFFD.
_ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}
_ESCAPES.update({c: f"\\u{c:04X}" for c in range(0x20) if c not in _ESCAPES})
_ESCAPES.update({c: "\\uFFFD" for c in range(0xD800, 0xE000)})
_ESCAPES[0x7F] = "\\u007F"

_INTEGER = f"^^<{XSD.integer}>"
_ANY_URI = f"^^<{XSD.anyURI}>"


_NEEDS_ESCAPE = re.compile('[\x00-\x1f"\\\\\x7f\ud800-\udfff]')


def _escape(match: re.Match) -> str:
    return _ESCAPES[ord(match.group())]


def literal(value) -> str:
    """A literal in N-Triples syntax: integers typed xsd:integer, everything else a plain string."""
    if isinstance(value, int):
        return f'"{value}"{_INTEGER}'
    text = str(value)
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


@lru_cache(maxsize=1)
def _terms() -> dict[str, str]:
    """The vocabulary terms the generator writes, as N-Triples IRIs (looked up once)."""
    names = [
        'GK.ReportedSpeech',
        'GK.Mention',
        'GK.refersTo',
        'GK.sentenceStart',
        'GK.sentenceEnd',
        'SDO.Place',
        'GK.VerbRelation',
        'GK.claimedBy',
        'GK.contentHash',
        'GK.cue',
        'GK.endOffset',
        'GK.evidence',
        'GK.isoCode',
        'GK.mentionCount',
        'GK.nerLabel',
        'GK.date',
        'GK.dateText',
        'GK.status',
        'GK.quoteKind',
        'GK.roleName',
        'GK.rule',
        'GK.speakerMention',
        'GK.startOffset',
        'OWL.sameAs',
        'PROV.wasDerivedFrom',
        'RDF.Property',
        'RDF.Statement',
        'RDF.object',
        'RDF.predicate',
        'RDF.subject',
        'RDF.type',
        'RDFS.label',
        'SDO.NewsArticle',
        'SDO.Quotation',
        'SDO.articleBody',
        'SDO.author',
        'SDO.datePublished',
        'SDO.headline',
        'SDO.gender',
        'SDO.Male',
        'SDO.Female',
        'SDO.identifier',
        'SDO.isPartOf',
        'SDO.jobTitle',
        'SDO.mentions',
        'SDO.spokenByCharacter',
        'SDO.text',
        'SDO.url',
        'SKOS.altLabel',
    ]
    return {name: f"<{getattr(NAMESPACES[name.split('.')[0]], name.split('.')[1])}>" for name in names}


def corpus_quads(corpus: Corpus, base: str) -> Iterator[tuple[str, str, str, str | None]]:
    """Every triple of the corpus, N-Triples terms, with the article graph it belongs to (None: corpus-wide).

    Entity descriptions and predicate definitions are corpus-wide; articles,
    quotes, statements and the relations they assert belong to their article.
    The parts (``entity_quads``, ``article_quads``, ``predicate_quads``) are
    also what the store (graphkit.store) rewrites one entity or article at a time.
    """
    iris = IRIs(base)
    entity_iri = EntityIRIs(iris)
    for key, entity in corpus.entities.items():
        yield from entity_quads(entity_iri[key], entity)
    used_predicates: dict[str, str] = {}
    yield from article_quads(corpus, iris, entity_iri, used_predicates)
    yield from predicate_quads(used_predicates)


class EntityIRIs(dict):
    """Entity key -> its IRI in N-Triples syntax, minted on first use."""

    def __init__(self, iris: IRIs):
        super().__init__()
        self.iris = iris

    def __missing__(self, key: str) -> str:
        value = self[key] = f"<{self.iris.entity(key)}>"
        return value


def entity_quads(node: str, entity: CorpusEntity) -> Iterator[tuple[str, str, str, None]]:
    """The corpus-wide description of one entity (``node``: its IRI in N-Triples syntax)."""
    T = _terms()
    a = T["RDF.type"]
    cls, place = schema_class(entity)
    yield node, a, f"<{cls}>", None
    if cls in PLACE_KINDS.values():
        yield node, a, T["SDO.Place"], None  # a Country, City or State is a schema:Place too
    yield node, T["RDFS.label"], literal(entity.name), None
    for alias in entity.aliases:
        yield node, T["SKOS.altLabel"], literal(alias), None
    for role in entity.roles:
        yield node, T["SDO.jobTitle"], literal(role), None
    yield node, T["GK.mentionCount"], literal(entity.mentions), None
    if entity.type == PERSON and entity.gender:
        yield node, T["SDO.gender"], T["SDO.Male"] if entity.gender == "m" else T["SDO.Female"], None
    yield node, T["GK.nerLabel"], literal(entity.labels.most_common(1)[0][0]), None
    if place:
        yield node, T["OWL.sameAs"], f"<{place.iri}>", None
        if place.kind == "Country" and place.iso:
            yield node, T["GK.isoCode"], literal(place.iso), None


def article_quads(corpus: Corpus, iris: IRIs, entity_iri, used_predicates: dict[str, str]) -> Iterator[tuple]:
    """The named graph of every article in ``corpus``: the article, its mentions, quotes and statements.

    ``entity_iri`` maps an entity key to its IRI (N-Triples syntax); the
    predicates the relations use are recorded in ``used_predicates`` (IRI -> key).
    """
    T = _terms()
    a = T["RDF.type"]
    start_offset, end_offset = T["GK.startOffset"], T["GK.endOffset"]

    for key, article in corpus.articles.items():
        g = str(iris.article(key))
        node = f"<{g}>"
        yield node, a, T["SDO.NewsArticle"], g
        yield node, T["SDO.identifier"], literal(key), g
        yield node, T["GK.contentHash"], literal("sha256:" + article.content_hash), g
        yield node, T["SDO.articleBody"], literal(article.text), g
        if article.title:
            yield node, T["SDO.headline"], literal(article.title), g
        if article.url:
            yield node, T["SDO.url"], literal(article.url) + _ANY_URI, g
        if article.published:
            normal = published_date(article.published)  # "July 10, 2024" -> "2024-07-10"^^xsd:date
            yield node, T["SDO.datePublished"], (f'{literal(normal[0])}^^<{XSD[normal[1]]}>' if normal
                                                  else literal(article.published)), g
        if getattr(article, "author", None):
            yield node, T["SDO.author"], literal(article.author), g
        for entity_key in corpus.mentions.get(key, ()):
            yield node, T["SDO.mentions"], entity_iri[entity_key], g
        for entity_key, start, end, words in corpus.spans.get(key, ()):
            mention = f"<{iris.mention(key, start, end)}>"
            yield mention, a, T["GK.Mention"], g
            yield mention, T["GK.refersTo"], entity_iri[entity_key], g
            yield mention, T["SDO.isPartOf"], node, g
            yield mention, start_offset, literal(start), g
            yield mention, end_offset, literal(end), g
            yield mention, T["SDO.text"], literal(words), g

    for cq in corpus.quotes:
        q, g = cq.quote, str(iris.article(cq.article))
        node = f"<{iris.quote(cq.article, q.start, q.end)}>"
        yield node, a, (T["GK.ReportedSpeech"] if q.kind == INDIRECT else T["SDO.Quotation"]), g
        yield node, T["SDO.text"], literal(q.text), g
        yield node, T["SDO.isPartOf"], f"<{g}>", g
        yield node, T["GK.quoteKind"], literal(q.kind), g
        yield node, start_offset, literal(q.start), g
        yield node, end_offset, literal(q.end), g
        if q.sentence is not None:
            yield node, T["GK.sentenceStart"], literal(q.sentence.start), g
            yield node, T["GK.sentenceEnd"], literal(q.sentence.end), g
        if cq.speaker is not None:
            yield node, T["SDO.spokenByCharacter"], entity_iri[cq.speaker], g
        if q.cue:
            yield node, T["GK.cue"], literal(q.cue), g
        if q.speaker_mention:
            yield node, T["GK.speakerMention"], literal(q.speaker_mention.text), g
        yield from _dated(node, q.when, corpus.articles[cq.article].published, False, T, g)

    for cr in corpus.relations:
        p_iri = predicate_iri(cr.predicate)
        s, o, p = entity_iri[cr.subject], entity_iri[cr.object], f"<{p_iri}>"
        used_predicates[p] = cr.predicate
        rel, g = cr.relation, str(iris.article(cr.article))
        node = f"<{iris.statement(cr.article, URIRef(s[1:-1]), p_iri, URIRef(o[1:-1]), rel.evidence.start)}>"
        yield node, a, T["RDF.Statement"], g
        yield node, T["RDF.subject"], s, g
        yield node, T["RDF.predicate"], p, g
        yield node, T["RDF.object"], o, g
        yield node, T["PROV.wasDerivedFrom"], f"<{g}>", g
        yield node, T["GK.evidence"], literal(rel.evidence.text), g
        yield node, T["GK.rule"], literal(rel.rule), g
        yield node, start_offset, literal(rel.evidence.start), g
        yield node, end_offset, literal(rel.evidence.end), g
        if rel.role:
            yield node, T["GK.roleName"], literal(rel.role), g
        yield node, T["GK.status"], f"<{STATUS_IRIS[cr.status]}>", g
        yield from _dated(node, rel.when, corpus.articles[cr.article].published, cr.status == PLANNED, T, g)
        if cr.claimed_by is not None:
            yield node, T["GK.claimedBy"], f"<{iris.quote(cr.article, cr.claimed_by.start, cr.claimed_by.end)}>", g
            if cr.claiming_entity is not None and cr.claiming_entity != cr.quote_speaker:
                # '"He started it by saying ...," X said': told in X's quotation, claimed by the one X reports
                yield node, T["GK.claimedBy"], entity_iri[cr.claiming_entity], g
        elif cr.claiming_entity is not None:
            yield node, T["GK.claimedBy"], entity_iri[cr.claiming_entity], g  # "X said that ...": X claims it
        if cr.status == FACT:
            yield s, p, o, g  # only what the reporter states as fact is asserted as a plain triple


def predicate_quads(used_predicates: dict[str, str]) -> Iterator[tuple[str, str, str, None]]:
    """The corpus-wide definitions of the predicates used (IRI in N-Triples syntax -> predicate key)."""
    T = _terms()
    for p, key in used_predicates.items():
        yield p, T["RDF.type"], T["RDF.Property"], None
        yield p, T["RDFS.label"], literal(predicate_label(key)), None
        if key.startswith(VERB_PREFIX):
            yield p, T["RDF.type"], T["GK.VerbRelation"], None


DATE_TYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def _dated(node: str, when, published: str | None, future: bool, T: dict, g: str):
    """The words that date a statement or quote, and the date they mean when the article's date tells it."""
    if when is None:
        return
    yield node, T["GK.dateText"], literal(when.text), g
    meant = resolve(when.text, published, future)
    if meant is not None:
        yield node, T["GK.date"], f'{literal(meant.value)}^^<{DATE_TYPES[meant.precision]}>', g


def ntriples(corpus: Corpus, base: str) -> bytes:
    """The corpus as sorted, de-duplicated N-Triples: the same corpus gives the same bytes."""
    buffer = io.BytesIO()
    write_ntriples(corpus, base, buffer)
    return buffer.getvalue()


def nquads(corpus: Corpus, base: str) -> bytes:
    """The corpus as sorted N-Quads, one named graph per article (corpus-wide triples in the default graph)."""
    buffer = io.BytesIO()
    write_nquads(corpus, base, buffer)
    return buffer.getvalue()


def write_ntriples(corpus: Corpus, base: str, out: BinaryIO) -> None:
    """``ntriples`` written into ``out``, with no more than a run of lines in memory at once."""
    write_sorted_lines((f"{s} {p} {o} ." for s, p, o, _ in corpus_quads(corpus, base)), out)


def write_nquads(corpus: Corpus, base: str, out: BinaryIO) -> None:
    write_sorted_lines((f"{s} {p} {o} <{g}> ." if g else f"{s} {p} {o} ." for s, p, o, g in corpus_quads(corpus, base)),
                       out)


RUN_LINES = 100_000  # lines sorted in memory at once: about 25 MB of a corpus's N-Triples


def write_sorted_lines(lines: Iterable[str], out: BinaryIO, run_lines: int = RUN_LINES) -> None:
    """The distinct lines, sorted, each ended by a newline, as UTF-8 into ``out``.

    An external merge sort: runs of ``run_lines`` lines are sorted and kept
    in temporary files, then merged. Holding every line of a corpus (and the
    joined result beside them) was the build's peak memory at corpus size.
    UTF-8 bytes sort as their characters do, so the order is the one sorted
    strings give. N-Triples lines never hold a raw newline (literal escapes).
    """
    with contextlib.ExitStack() as stack:
        runs: list[BinaryIO] = []
        lines = iter(lines)
        while run := list(islice(lines, run_lines)):
            run.sort()
            file = stack.enter_context(tempfile.TemporaryFile())
            file.writelines(line.encode("utf-8") + b"\n" for line in run)
            file.seek(0)
            runs.append(file)
        previous = None
        for line in heapq.merge(*runs) if len(runs) > 1 else (runs[0] if runs else ()):
            if line != previous:
                out.write(line)
                previous = line
        if previous is None:
            out.write(b"\n")  # as the joined form gave: an empty graph is one newline
