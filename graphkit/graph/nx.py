"""Corpus -> networkx MultiDiGraph: entities as nodes, relations as edges."""

from __future__ import annotations

import networkx as nx

from ..predicates import predicate_label
from .corpus import Corpus
from .iris import IRIs
from .rdf import predicate_iri, schema_class


def corpus_to_nx(corpus: Corpus, base: str) -> nx.MultiDiGraph:
    """Nodes are entity IRIs with name/type/aliases/roles/mentions/quotes;
    edges carry the predicate, its label and the evidence sentence."""
    iris = IRIs(base)
    graph = nx.MultiDiGraph()
    graph.graph["articles"] = {
        key: {"title": a.title, "url": a.url, "published": a.published} for key, a in corpus.articles.items()
    }
    for key, entity in corpus.entities.items():
        cls, _ = schema_class(entity)
        graph.add_node(
            str(iris.entity(key)), name=entity.name, type=entity.type, schema_type=cls.split("/")[-1],
            aliases=entity.aliases, roles=[r for r, _ in entity.roles.most_common()],
            mentions=entity.mentions, articles=list(entity.articles), quotes=[],
        )
    for cq in corpus.quotes:
        if cq.speaker is not None:
            graph.nodes[str(iris.entity(cq.speaker))]["quotes"].append(
                {"text": cq.quote.text, "article": cq.article, "kind": cq.quote.kind, "cue": cq.quote.cue})
    for cr in corpus.relations:
        rel = cr.relation
        speaker = str(iris.entity(cr.claimant)) if cr.claimant else None
        graph.add_edge(
            str(iris.entity(cr.subject)), str(iris.entity(cr.object)),
            predicate=str(predicate_iri(cr.predicate)), label=predicate_label(cr.predicate),
            evidence=rel.evidence.text, article=cr.article, start=rel.evidence.start, end=rel.evidence.end,
            rule=rel.rule, role=rel.role, claimed_by=speaker, status=cr.status,
        )
    return graph
