"""Corpus -> rdflib Graph, following the RDF contract in the README."""

from __future__ import annotations

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


def _offsets(graph: Graph, node: URIRef, start: int, end: int) -> None:
    graph.add((node, GK.startOffset, Literal(start)))
    graph.add((node, GK.endOffset, Literal(end)))


def corpus_to_rdf(corpus: Corpus, base: str, graph: Graph | None = None) -> Graph:
    """Add the corpus's triples to ``graph`` (a new one by default) and return it."""
    graph = Graph(bind_namespaces="none") if graph is None else graph
    bind_prefixes(graph)
    iris = IRIs(base)
    entity_iri = {key: iris.entity(key) for key in corpus.entities}

    for key, entity in corpus.entities.items():
        node = entity_iri[key]
        cls, place = schema_class(entity)
        graph.add((node, RDF.type, cls))
        graph.add((node, RDFS.label, Literal(entity.name)))
        for alias in entity.aliases:
            graph.add((node, SKOS.altLabel, Literal(alias)))
        for role in entity.roles:
            graph.add((node, SDO.jobTitle, Literal(role)))
        graph.add((node, GK.mentionCount, Literal(entity.mentions)))
        graph.add((node, GK.nerLabel, Literal(entity.labels.most_common(1)[0][0])))
        if place:
            graph.add((node, OWL.sameAs, URIRef(place.iri)))
            if place.kind == "Country" and place.iso:
                graph.add((node, GK.isoCode, Literal(place.iso)))

    for key, article in corpus.articles.items():
        node = iris.article(key)
        graph.add((node, RDF.type, SDO.NewsArticle))
        graph.add((node, SDO.identifier, Literal(key)))
        graph.add((node, GK.contentHash, Literal("sha256:" + article.content_hash)))
        graph.add((node, SDO.articleBody, Literal(article.text)))
        if article.title:
            graph.add((node, SDO.headline, Literal(article.title)))
        if article.url:
            graph.add((node, SDO.url, Literal(article.url, datatype=XSD.anyURI)))
        if article.published:
            graph.add((node, SDO.datePublished, Literal(article.published)))
        for entity_key in corpus.mentions.get(key, ()):
            graph.add((node, SDO.mentions, entity_iri[entity_key]))

    quote_iri = {}
    for cq in corpus.quotes:
        q = cq.quote
        node = iris.quote(cq.article, q.start, q.end)
        quote_iri[(cq.article, q.start, q.end)] = node
        graph.add((node, RDF.type, GK.ReportedSpeech if q.kind == INDIRECT else SDO.Quotation))
        graph.add((node, SDO.text, Literal(q.text)))
        graph.add((node, SDO.isPartOf, iris.article(cq.article)))
        graph.add((node, GK.quoteKind, Literal(q.kind)))
        _offsets(graph, node, q.start, q.end)
        if cq.speaker is not None:
            graph.add((node, SDO.spokenByCharacter, entity_iri[cq.speaker]))
        if q.cue:
            graph.add((node, GK.cue, Literal(q.cue)))
        if q.speaker_mention:
            graph.add((node, GK.speakerMention, Literal(q.speaker_mention.text)))

    used_predicates = set()
    for cr in corpus.relations:
        s, o, p = entity_iri[cr.subject], entity_iri[cr.object], predicate_iri(cr.predicate)
        used_predicates.add((p, cr.predicate))
        rel = cr.relation
        node = iris.statement(cr.article, s, p, o, rel.evidence.start)
        graph.add((node, RDF.type, RDF.Statement))
        graph.add((node, RDF.subject, s))
        graph.add((node, RDF.predicate, p))
        graph.add((node, RDF.object, o))
        graph.add((node, PROV.wasDerivedFrom, iris.article(cr.article)))
        graph.add((node, GK.evidence, Literal(rel.evidence.text)))
        graph.add((node, GK.rule, Literal(rel.rule)))
        _offsets(graph, node, rel.evidence.start, rel.evidence.end)
        if rel.role:
            graph.add((node, GK.roleName, Literal(rel.role)))
        if cr.claimed_by is not None:
            q = cr.claimed_by
            graph.add((node, GK.claimedBy, quote_iri.get((cr.article, q.start, q.end),
                                                         iris.quote(cr.article, q.start, q.end))))
        else:
            graph.add((s, p, o))  # only what the reporter states is asserted as fact

    for p, key in used_predicates:
        graph.add((p, RDF.type, RDF.Property))
        graph.add((p, RDFS.label, Literal(predicate_label(key))))
        if key.startswith(VERB_PREFIX):
            graph.add((p, RDF.type, GK.VerbRelation))
    return graph
