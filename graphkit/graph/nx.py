"""Corpus -> networkx MultiDiGraph: entities as nodes, relations as edges."""

from __future__ import annotations

import networkx as nx

from ..dates import resolve
from ..model import PLANNED
from ..predicates import predicate_label
from .corpus import Corpus
from .iris import IRIs
from .rdf import predicate_iri, schema_class


def corpus_to_nx(corpus: Corpus, base: str) -> nx.MultiDiGraph:
    """Nodes are entity IRIs with name/type/aliases/roles/mentions/quotes;
    edges carry the predicate, its label, status, date and the evidence sentence.

    ``graph.graph["articles"]`` maps article keys to their metadata and the
    quotes whose speaker the text does not name (no node to hang them on).
    """
    iris = IRIs(base)
    graph = nx.MultiDiGraph()
    graph.graph["articles"] = {
        key: {"iri": str(iris.article(key)), "title": a.title, "url": a.url, "published": a.published,
              "source": a.source, "author": a.author, "sha256": a.content_hash, "unattributed_quotes": []}
        for key, a in corpus.articles.items()
    }
    for key, entity in corpus.entities.items():
        cls, _ = schema_class(entity)
        graph.add_node(
            str(iris.entity(key)), name=entity.name, type=entity.type, schema_type=cls.split("/")[-1],
            aliases=entity.aliases, roles=[r for r, _ in entity.roles.most_common()],
            mentions=entity.mentions, articles=list(entity.articles), quotes=[],
        )
    for cq in corpus.quotes:
        q = cq.quote
        date_text, date = date_of(q.when, corpus.articles[cq.article].published, False)
        quote = {"text": q.text, "article": cq.article, "start": q.start, "end": q.end, "kind": q.kind, "cue": q.cue,
                 "speaker_mention": q.speaker_mention.text if q.speaker_mention else None,
                 "date_text": date_text, "date": date}
        if cq.speaker is not None:
            graph.nodes[str(iris.entity(cq.speaker))]["quotes"].append(quote)
        else:
            graph.graph["articles"][cq.article]["unattributed_quotes"].append(quote)
    for cr in corpus.relations:
        rel = cr.relation
        speaker = str(iris.entity(cr.claiming_entity)) if cr.claiming_entity else None
        date_text, date = date_of(rel.when, corpus.articles[cr.article].published, cr.status == PLANNED)
        graph.add_edge(
            str(iris.entity(cr.subject)), str(iris.entity(cr.object)),
            predicate=str(predicate_iri(cr.predicate)), label=predicate_label(cr.predicate),
            evidence=rel.evidence.text, article=cr.article, start=rel.evidence.start, end=rel.evidence.end,
            rule=rel.rule, role=rel.role, claimed_by=speaker, status=cr.status, date_text=date_text, date=date,
        )
    return graph


def date_of(when, published: str | None, future: bool) -> tuple[str | None, str | None]:
    """The words that date a statement and the ISO date they mean (None when the text does not tell)."""
    if when is None:
        return None, None
    meant = resolve(when.text, published, future)
    return when.text, meant.value if meant else None
