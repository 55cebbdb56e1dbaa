"""graphkit.load: every RDF syntax graphkit writes reopens as the graph that was built."""

from __future__ import annotations

import pytest

import graphkit
from graphkit.graph.load import GraphLoadError


@pytest.fixture(scope="module")
def kg():
    return graphkit.build([graphkit.Article(text="Ola Berg, the mayor of Tromso, said: \"The port stays open.\" "
                                                 "Berg met officials of Nordhavn Shipping in Oslo.", id="one",
                           published="2024-05-02")])


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf"])
def test_load_reopens_what_write_wrote(kg, tmp_path, suffix):
    path = tmp_path / f"graph{suffix}"
    kg.write(path)
    again = graphkit.load(path)
    assert again.serialize("nt") == kg.serialize("nt")  # the same triples, mentions and offsets included
    assert again.summary() == kg.summary()


def test_a_loaded_graph_takes_more_articles(kg, tmp_path):
    path = tmp_path / "graph.jsonld"
    kg.write(path)
    more = graphkit.build([graphkit.Article(text="Nordhavn Shipping is based in Bergen.", id="two")], into=path)
    assert set(more.corpus.articles) == {"one", "two"}


def test_a_graph_that_is_not_graphkits_is_one_clear_error(tmp_path):
    path = tmp_path / "other.ttl"
    path.write_text('<http://x/a> a <https://schema.org/NewsArticle> ; <https://schema.org/identifier> "a" ; '
                    '<https://schema.org/articleBody> "Text." .\n'
                    '<http://x/q> a <https://schema.org/Quotation> ; <https://schema.org/isPartOf> <http://x/a> ; '
                    '<https://schema.org/text> "Hi" .\n', encoding="utf-8")
    with pytest.raises(GraphLoadError, match="other.ttl: not a graph graphkit wrote"):
        graphkit.load(path)


def test_an_unknown_suffix_is_one_clear_error(tmp_path):
    path = tmp_path / "graph.docx"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(GraphLoadError, match="graph.docx: graphkit reads graphs in"):
        graphkit.load(path)


def _graph_of(article: graphkit.Article):
    from graphkit.graph.corpus import merge_results

    return graphkit.KnowledgeGraph(merge_results([graphkit.DocResult(article)])[0])


@pytest.mark.parametrize("suffix", [".ttl", ".trig", ".jsonld", ".rdf"])
def test_load_keeps_the_articles_author(tmp_path, suffix):
    kg = _graph_of(graphkit.Article(text="The port stays open.", id="port", author="Kari Nordmann"))
    path = tmp_path / f"graph{suffix}"
    kg.write(path)
    assert b"Kari Nordmann" in graphkit.load(path).serialize("nt")
    assert graphkit.load(path).serialize("nt") == kg.serialize("nt")


def test_a_blank_node_article_is_one_clear_error(tmp_path):
    kg = _graph_of(graphkit.Article(text="The port stays open.", id="port"))
    article = "<https://example.org/graphkit/id/article/port>"
    path = tmp_path / "blank.nt"
    path.write_bytes(kg.serialize("nt").replace(article.encode(), b"_:a1"))
    with pytest.raises(GraphLoadError, match=r"blank\.nt: article _:a1 is a blank node") as raised:
        graphkit.load(path)
    assert "\n" not in str(raised.value)
