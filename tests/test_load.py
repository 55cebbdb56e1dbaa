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


def _quoted_graph():
    """One article with two entities, a mention each, a quote by the first and a relation between them."""
    from graphkit.graph.corpus import merge_results
    from graphkit.model import Entity, Mention, Quote, Relation, Span

    text = 'Ola Berg met Kari Lund. "The port stays open," Berg said.'
    ola = Entity("e0", "Ola Berg", "Person", "PERSON", mentions=(Mention(0, 8, "Ola Berg", 0),))
    kari = Entity("e1", "Kari Lund", "Person", "PERSON", mentions=(Mention(13, 22, "Kari Lund", 0),))
    quote = Quote("The port stays open,", 25, 45, speaker="e0")
    relation = Relation("e0", "worksFor", "e1", Span(0, 23, text[:23]), "test")
    result = graphkit.DocResult(graphkit.Article(text=text, id="port"), (ola, kari), (relation,), (quote,))
    return graphkit.KnowledgeGraph(merge_results([result])[0])


BROKEN = {  # a line of the N-Triples replaced: what a hand edit or another tool might leave
    "quote offset moved": ('/quote/port/25-45> <https://example.org/graphkit/ns#startOffset> "25"',
                           '/quote/port/25-45> <https://example.org/graphkit/ns#startOffset> "26"'),
    "quote past the text": ('/quote/port/25-45> <https://example.org/graphkit/ns#endOffset> "45"',
                            '/quote/port/25-45> <https://example.org/graphkit/ns#endOffset> "4500"'),
    "mention words changed": ('/mention/port/0-8> <https://schema.org/text> "Ola Berg"',
                              '/mention/port/0-8> <https://schema.org/text> "Ola Berk"'),
    "quote without text": ('/quote/port/25-45> <https://schema.org/text> "The port stays open,"',
                           '/quote/port/25-45> <https://schema.org/name> "The port stays open,"'),
    "quote of no article": ('/quote/port/25-45> <https://schema.org/isPartOf>', '/quote/port/25-45> <http://x/p>'),
    "statement of no article": ('<http://www.w3.org/ns/prov#wasDerivedFrom>', '<http://x/p>'),
    "evidence offset moved": ('<https://example.org/graphkit/ns#evidence> "Ola Berg met Kari Lund."',
                              '<https://example.org/graphkit/ns#evidence> "Ola Berg met Kari Lund"'),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_offsets_that_do_not_slice_the_article_are_one_clear_error(tmp_path, case):
    """Such a graph was loaded, and --into then wrote a graph that graphkit validate rejects."""
    nt = _quoted_graph().serialize("nt").decode()
    old, new = BROKEN[case]
    assert old in nt, old
    path = tmp_path / "broken.nt"
    path.write_text(nt.replace(old, new), encoding="utf-8")
    with pytest.raises(GraphLoadError, match=r"broken\.nt: ") as raised:
        graphkit.load(path)
    assert "\n" not in str(raised.value)


def test_the_quoted_graph_itself_loads_back(tmp_path):
    kg = _quoted_graph()
    assert kg.validate() == []
    path = tmp_path / "fine.nt"
    kg.write(path)
    assert graphkit.load(path).serialize("nt") == kg.serialize("nt")


def test_a_statement_with_two_roles_keeps_both(tmp_path):
    """Two relations of one statement (same entities, predicate and evidence) with different roles: load kept one."""
    from graphkit.graph.corpus import merge_results
    from graphkit.model import Entity, Mention, Relation, Span

    text = "Ola Berg works for Nordhavn."
    ola = Entity("e0", "Ola Berg", "Person", "PERSON", mentions=(Mention(0, 8, "Ola Berg", 0),))
    firm = Entity("e1", "Nordhavn", "Organization", "ORG", mentions=(Mention(19, 27, "Nordhavn", 0),))
    evidence = Span(0, len(text), text)
    relations = tuple(Relation("e0", "worksFor", "e1", evidence, rule, role=role)
                      for rule, role in (("appos", "pilot"), ("verb", "captain"), ("verb", "owner")))
    result = graphkit.DocResult(graphkit.Article(text=text, id="roles"), (ola, firm), relations)
    kg = graphkit.KnowledgeGraph(merge_results([result])[0])
    assert kg.serialize("nt").count(b"roleName") == 3
    path = tmp_path / "roles.trig"
    kg.write(path)
    assert graphkit.load(path).serialize("nt") == kg.serialize("nt")
