"""GraphML and GEXF for Gephi, yEd, Cytoscape and networkx, from graphkit's NetworkX graph.

Both formats hold scalar attributes only. Lists and objects are written as
JSON text (the attributes below say which), never joined with a separator
that a quote could contain. Articles become nodes of their own, linked from
the entities they mention; every node and edge has a ``kind`` to filter on
(Gephi: Filters > Attributes > Partition > kind). A missing value (no role,
no date) is left out, not written as "". Text goes through ``safe_text``, so
the files are well-formed XML whatever the articles hold. The caller's graph
is not changed.
"""

from __future__ import annotations

import io
import json
import os

import networkx as nx

from .files import atomic_writer
from .text import safe_text

# attribute -> what it holds; "JSON" marks JSON-encoded text
ENTITY_ATTRIBUTES = {
    "kind": '"entity"',
    "label": "the entity's name (GEXF: the node label)",
    "name": "the entity's name",
    "type": "Person, Organization or Place",
    "schema_type": "the schema.org class (Person, Organization, Country, City, ...)",
    "aliases": "JSON list of other names seen",
    "roles": "JSON list of titles (\"Secretary-General\"), most frequent first",
    "mentions": "integer: mentions in the corpus",
    "articles": "JSON list of the keys of the articles mentioning it",
    "quote_count": "integer: quotes it is the speaker of",
    "quotes": "JSON list of quote objects: text, article (key), start, end (character offsets into the "
              "article text), kind (direct/indirect), cue, speaker_mention, date_text, date",
}
ARTICLE_ATTRIBUTES = {
    "kind": '"article"',
    "label": "the title, else the key",
    "article_key": "the article key, as entities' articles and relations' article give it",
    "title": "headline", "url": "URL", "published": "publication date as given", "source": "where it was read from",
    "author": "byline", "sha256": "SHA-256 of the text",
    "unattributed_quotes": "JSON list of quote objects (as an entity's quotes) whose speaker the text does not name",
}
RELATION_ATTRIBUTES = {
    "kind": '"relation"',
    "label": "the relation's name (\"works for\"; GEXF: the edge label)",
    "predicate": "the predicate IRI",
    "status": "fact, claimed, planned, negated or hypothetical: only a fact is stated by the reporter",
    "evidence": "the sentence that states it",
    "article": "key of the article it is stated in",
    "evidence_start": "integer: offset of the evidence in the article text",
    "evidence_end": "integer: end offset of the evidence",
    "rule": "the pattern that found it", "role": "the title, for role relations",
    "claimed_by": "IRI of the entity who claims it, when not the reporter",
    "date_text": "the words that date it (\"on Thursday\")", "date": "the ISO date they mean",
}
MENTION_ATTRIBUTES = {"kind": '"mentioned_in"', "label": '"mentioned in"'}

JSON_ATTRIBUTES = {"aliases", "roles", "articles", "quotes", "unattributed_quotes"}
# GEXF reads an edge's start/end as a time interval: the evidence offsets are renamed in both formats
RENAMED = {"start": "evidence_start", "end": "evidence_end"}


def _clean(value):
    """Every string inside ``value`` made XML-safe; before JSON encoding, which would keep U+0000 as an escape."""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def _value(name: str, value):
    value = _clean(value)
    if name in JSON_ATTRIBUTES or isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _attrs(data: dict) -> dict:
    return {RENAMED.get(k, k): _value(k, v) for k, v in data.items() if v is not None}


def export_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph as written: entity and article nodes, relation and mention edges, scalar attributes."""
    out = nx.MultiDiGraph()
    articles = graph.graph.get("articles") or {}
    iri = {key: meta.get("iri") or key for key, meta in articles.items()}
    for node, data in graph.nodes(data=True):
        quotes = data.get("quotes") or []
        out.add_node(safe_text(str(node)), **_attrs({
            "kind": "entity", "label": data.get("name", node), **data, "quote_count": len(quotes), "quotes": quotes}))
    for key, meta in articles.items():
        fields = {k: v for k, v in meta.items() if k != "iri"}
        fields.setdefault("unattributed_quotes", [])
        out.add_node(safe_text(iri[key]), **_attrs({"kind": "article", "label": meta.get("title") or key,
                                                    "article_key": key, **fields}))
    # unique edge keys: GraphML writes them as edge ids, which must be unique in the document
    for n, (u, v, data) in enumerate(graph.edges(data=True)):
        out.add_edge(safe_text(str(u)), safe_text(str(v)), key=f"r{n}", **_attrs({"kind": "relation", **data}))
    n = 0
    for node, data in graph.nodes(data=True):
        for key in data.get("articles") or ():
            if key in iri:
                out.add_edge(safe_text(str(node)), safe_text(iri[key]), key=f"m{n}", kind="mentioned_in",
                             label="mentioned in")
                n += 1
    return out


def write_network(graph: nx.MultiDiGraph, path: str | os.PathLike, format: str) -> None:
    """Write ``graphml`` or ``gexf`` to ``path`` atomically."""
    flat = export_graph(graph)
    buffer = io.BytesIO()
    if format == "gexf":
        # explicit edge ids: networkx would number them itself and add its key as one more attribute
        for u, v, key in list(flat.edges(keys=True)):
            flat.edges[u, v, key]["id"] = key
        nx.write_gexf(flat, buffer)
    else:
        nx.write_graphml(flat, buffer)
    with atomic_writer(path) as handle:
        handle.write(buffer.getvalue())
