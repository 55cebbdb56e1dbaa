"""Corpus -> rdflib Graph, following the RDF contract in the README."""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, SDO, SKOS

from .. import places
from ..model import INDIRECT, ORGANIZATION, PERSON, PLACE
from ..predicates import PREDICATES, VERB_PREFIX, predicate_label
from .corpus import Corpus, CorpusEntity
from .iris import IRIs, slug
from .vocab import GK, VERB

PLACE_KINDS = {"Country": SDO.Country, "City": SDO.City, "State": SDO.State}


def bind_prefixes(graph: Graph) -> None:
    graph.bind("schema", SDO, replace=True)
    graph.bind("gk", GK._NS)
    graph.bind("gkv", VERB)
    for prefix, ns in (("rdf", RDF), ("rdfs", RDFS), ("skos", SKOS), ("prov", PROV), ("owl", OWL), ("xsd", XSD)):
        graph.bind(prefix, ns)


def predicate_iri(key: str) -> URIRef:
    if key.startswith(VERB_PREFIX):
        return VERB[slug(key[len(VERB_PREFIX):])]
    predicate = PREDICATES[key]
    return SDO[predicate.local] if predicate.namespace == "schema" else GK._NS[predicate.local]


def schema_class(entity: CorpusEntity) -> tuple[URIRef, places.Place | None]:
    if entity.type == PERSON:
        return SDO.Person, None
    if entity.type == ORGANIZATION:
        return SDO.Organization, None
    place = places.lookup(entity.name)
    return (PLACE_KINDS.get(place.kind, SDO.Place) if place else SDO.Place), place


def corpus_quads(corpus: Corpus, base: str) -> Iterator[tuple]:
    """Every triple of the corpus with the article it comes from (None: corpus-wide).

    Entity descriptions and predicate definitions are corpus-wide; articles,
    quotes, statements and the relations they assert belong to their article.
    """
    iris = IRIs(base)
    entity_iri = {key: iris.entity(key) for key in corpus.entities}

    for key, entity in corpus.entities.items():
        node = entity_iri[key]
        cls, place = schema_class(entity)
        yield node, RDF.type, cls, None
        yield node, RDFS.label, Literal(entity.name), None
        for alias in entity.aliases:
            yield node, SKOS.altLabel, Literal(alias), None
        for role in entity.roles:
            yield node, SDO.jobTitle, Literal(role), None
        yield node, GK.mentionCount, Literal(entity.mentions), None
        yield node, GK.nerLabel, Literal(entity.labels.most_common(1)[0][0]), None
        if place:
            yield node, OWL.sameAs, URIRef(place.iri), None
            if place.kind == "Country" and place.iso:
                yield node, GK.isoCode, Literal(place.iso), None

    for key, article in corpus.articles.items():
        node = g = iris.article(key)
        yield node, RDF.type, SDO.NewsArticle, g
        yield node, SDO.identifier, Literal(key), g
        yield node, GK.contentHash, Literal("sha256:" + article.content_hash), g
        yield node, SDO.articleBody, Literal(article.text), g
        if article.title:
            yield node, SDO.headline, Literal(article.title), g
        if article.url:
            yield node, SDO.url, Literal(article.url, datatype=XSD.anyURI), g
        if article.published:
            yield node, SDO.datePublished, Literal(article.published), g
        if getattr(article, "author", None):
            yield node, SDO.author, Literal(article.author), g
        for entity_key in corpus.mentions.get(key, ()):
            yield node, SDO.mentions, entity_iri[entity_key], g

    for cq in corpus.quotes:
        q, g = cq.quote, iris.article(cq.article)
        node = iris.quote(cq.article, q.start, q.end)
        yield node, RDF.type, (GK.ReportedSpeech if q.kind == INDIRECT else SDO.Quotation), g
        yield node, SDO.text, Literal(q.text), g
        yield node, SDO.isPartOf, g, g
        yield node, GK.quoteKind, Literal(q.kind), g
        yield node, GK.startOffset, Literal(q.start), g
        yield node, GK.endOffset, Literal(q.end), g
        if cq.speaker is not None:
            yield node, SDO.spokenByCharacter, entity_iri[cq.speaker], g
        if q.cue:
            yield node, GK.cue, Literal(q.cue), g
        if q.speaker_mention:
            yield node, GK.speakerMention, Literal(q.speaker_mention.text), g

    used_predicates = {}
    for cr in corpus.relations:
        s, o, p = entity_iri[cr.subject], entity_iri[cr.object], predicate_iri(cr.predicate)
        used_predicates[p] = cr.predicate
        rel, g = cr.relation, iris.article(cr.article)
        node = iris.statement(cr.article, s, p, o, rel.evidence.start)
        yield node, RDF.type, RDF.Statement, g
        yield node, RDF.subject, s, g
        yield node, RDF.predicate, p, g
        yield node, RDF.object, o, g
        yield node, PROV.wasDerivedFrom, g, g
        yield node, GK.evidence, Literal(rel.evidence.text), g
        yield node, GK.rule, Literal(rel.rule), g
        yield node, GK.startOffset, Literal(rel.evidence.start), g
        yield node, GK.endOffset, Literal(rel.evidence.end), g
        if rel.role:
            yield node, GK.roleName, Literal(rel.role), g
        if cr.claimed_by is not None:
            yield node, GK.claimedBy, iris.quote(cr.article, cr.claimed_by.start, cr.claimed_by.end), g
        else:
            yield s, p, o, g  # only what the reporter states is asserted as fact

    for p, key in used_predicates.items():
        yield p, RDF.type, RDF.Property, None
        yield p, RDFS.label, Literal(predicate_label(key)), None
        if key.startswith(VERB_PREFIX):
            yield p, RDF.type, GK.VerbRelation, None


def corpus_to_rdf(corpus: Corpus, base: str, graph: Graph | None = None) -> Graph:
    """Add the corpus's triples to ``graph`` (a new one by default) and return it."""
    graph = Graph(bind_namespaces="none") if graph is None else graph
    bind_prefixes(graph)
    graph.addN((s, p, o, graph) for s, p, o, _ in corpus_quads(corpus, base))
    return graph
