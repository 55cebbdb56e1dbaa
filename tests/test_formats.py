"""Other output formats: N-Triples, TriG/N-Quads with a named graph per article, JSON-LD, GraphML, GEXF."""

from __future__ import annotations

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Graph

import graphkit


@pytest.fixture(scope="module")
def kg():
    return graphkit.build([graphkit.Article(text="Jane Roe, the chief executive of Acme Corp, said: \"We will grow.\"", id="one"),
                           graphkit.Article(text="Acme Corp is based in Denver, Colorado.", id="two")])


@pytest.mark.parametrize("fmt,parse_as", [("nt", "nt"), ("jsonld", "json-ld"), ("turtle", "turtle")])
def test_triple_formats_hold_the_same_graph(kg, fmt, parse_as):
    from rdflib.compare import isomorphic

    assert isomorphic(Graph().parse(data=kg.serialize(fmt), format=parse_as), kg.rdf)


@pytest.mark.parametrize("fmt", ["trig", "nq"])
def test_quad_formats_have_one_named_graph_per_article(kg, fmt):
    quads = list(ox.parse(kg.serialize(fmt), format=ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS))
    graphs = {q.graph_name.value for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert graphs == {"https://example.org/graphkit/id/article/one", "https://example.org/graphkit/id/article/two"}
    union = {(q.subject, q.predicate, q.object) for q in quads}
    assert len(union) == len(kg.rdf)


@pytest.mark.parametrize("fmt,read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_formats_load_in_networkx(kg, tmp_path, fmt, read):
    path = tmp_path / f"graph.{fmt}"
    kg.write(path, fmt)
    loaded = read(path)
    # besides the entities and relations of kg.nx: article nodes and entity -> article edges (see test_exports.py)
    kinds = [d["kind"] for _, d in loaded.nodes(data=True)]
    assert (kinds.count("entity"), kinds.count("article")) == (kg.nx.number_of_nodes(), 2)
    assert [d["kind"] for *_, d in loaded.edges(data=True)].count("relation") == kg.nx.number_of_edges()
    names = {d.get("name") for _, d in loaded.nodes(data=True)}
    assert "Jane Roe" in names


def test_unknown_format_is_refused(kg, tmp_path):
    with pytest.raises(ValueError, match="unknown format"):
        kg.write(tmp_path / "x", "docx")
    with pytest.raises(ValueError, match="unknown RDF format"):
        kg.serialize("graphml")


@pytest.mark.parametrize("suffix,parse_as", [(".jsonld", "json-ld"), (".rdf", "xml"), (".xml", "xml"), (".nt", "nt"),
                                             (".ttl", "turtle"), (".txt", "turtle")])
def test_write_takes_the_format_from_the_suffix(kg, tmp_path, suffix, parse_as):
    from rdflib.compare import isomorphic

    path = tmp_path / f"graph{suffix}"
    kg.write(path)
    assert isomorphic(Graph().parse(path, format=parse_as), kg.rdf)


@pytest.mark.parametrize("name,same_as", [("json-ld", "jsonld"), ("ntriples", "nt"), ("pretty-xml", "xml"),
                                          ("ttl", "turtle"), ("nquads", "nq"), ("application/rdf+xml", "xml")])
def test_rdflib_format_names_are_understood(kg, name, same_as):
    assert kg.serialize(name) == kg.serialize(same_as)


def test_jsonld_is_compacted_with_graphkit_context(kg):
    import json

    from pyld import jsonld

    document = json.loads(kg.serialize("jsonld"))
    assert document["@context"]["@vocab"] == "https://schema.org/"
    types = {t for node in document["@graph"] for t in ([node["@type"]] if isinstance(node.get("@type"), str)
                                                          else node.get("@type", []))}
    assert {"Person", "Organization", "Quotation", "NewsArticle"} <= types
    framed = jsonld.frame(document, {"@context": document["@context"], "@type": "Quotation"})
    quotes = framed["@graph"] if "@graph" in framed else [framed]
    assert [q["text"] for q in quotes] == ["We will grow."]


def test_jsonld_is_the_same_bytes_for_the_same_graph(kg):
    assert kg.serialize("jsonld") == graphkit.KnowledgeGraph(kg.corpus, kg.base_iri).serialize("jsonld")


def test_every_place_is_a_schema_place(kg):
    rows = kg.query("SELECT ?name WHERE { ?p a schema:Place ; rdfs:label ?name }")
    assert {"Denver", "Colorado"} <= {r["name"] for r in rows}


def test_mentions_carry_offsets_that_slice_the_article(kg):
    rows = kg.query("""SELECT ?name ?words ?start ?end ?body WHERE {
        ?m a gk:Mention ; gk:refersTo/rdfs:label ?name ; schema:text ?words ; gk:startOffset ?start ;
           gk:endOffset ?end ; schema:isPartOf/schema:articleBody ?body }""")
    assert {r["name"] for r in rows} >= {"Jane Roe", "Acme Corp", "Denver"}
    assert all(r["body"][r["start"]:r["end"]] == r["words"] for r in rows)


def test_quotes_carry_their_sentence_offsets(kg):
    rows = kg.query("""SELECT ?text ?s ?e ?body WHERE { ?q a schema:Quotation ; schema:text ?text ;
        gk:sentenceStart ?s ; gk:sentenceEnd ?e ; schema:isPartOf/schema:articleBody ?body }""")
    assert rows and all(r["text"] in r["body"][r["s"]:r["e"]] for r in rows)


def test_jsonld_falls_back_to_expanded_when_compaction_would_change_the_graph(kg, monkeypatch):
    from graphkit.export import rdf_io

    real = rdf_io.rdflib_graph

    def lossy(data):  # a compaction that loses a triple, as rdflib did on rare hostile values
        graph = real(data)
        graph.remove(next(iter(graph)))
        return graph

    monkeypatch.setattr(rdf_io, "rdflib_graph", lossy)
    written = set(ox.parse(kg.serialize("jsonld"), format=ox.RdfFormat.JSON_LD))
    assert written == set(ox.parse(kg.serialize("nt"), format=ox.RdfFormat.N_TRIPLES))
