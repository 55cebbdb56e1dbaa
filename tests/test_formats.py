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
    assert loaded.number_of_nodes() == kg.nx.number_of_nodes()
    assert loaded.number_of_edges() == kg.nx.number_of_edges()
    names = {d.get("name") for _, d in loaded.nodes(data=True)}
    assert "Jane Roe" in names


def test_unknown_format_is_refused(kg, tmp_path):
    with pytest.raises(ValueError, match="unknown format"):
        kg.write(tmp_path / "x", "xml")
