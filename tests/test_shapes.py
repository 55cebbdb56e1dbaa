"""graphkit's vocabulary and SHACL shapes: every term documented, every built graph conforms."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import SDO

import graphkit
from graphkit.graph.vocab import GK, vocabulary_turtle
from graphkit.predicates import PREDICATES
from graphkit.validate import validate

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "seed": [ROOT / "seeds"],
    "hand-written": [
        graphkit.Article(text="BERLIN\nGerman Chancellor Olaf Scholz met French President Emmanuel Macron on Friday. "
                              "\"We agree on the essentials,\" Scholz told reporters. Macron said France would join "
                              "the new initiative, adding that \"Europe must act.\"", id="berlin", title="Talks",
                         url="https://news.example/talks", published="2024-01-05"),
        graphkit.Article(text="Acme Corp, a subsidiary of Globex, is headquartered in Denver. Its founder, Jane Roe, "
                              "said: \"We will grow.\" The company’s plans were announced on Monday.", id="acme"),
    ],
}


@pytest.fixture(scope="module")
def vocab():
    return Graph().parse(data=vocabulary_turtle(), format="turtle")


def test_every_vocabulary_term_has_label_and_comment(vocab):
    terms = {s for s in vocab.subjects(RDF.type, None) if str(s).startswith(str(GK._NS)) and str(s) != str(GK._NS)}
    assert terms
    for term in terms:
        assert isinstance(vocab.value(term, RDFS.label), Literal), term
        assert isinstance(vocab.value(term, RDFS.comment), Literal), term


def test_defined_namespace_mirrors_the_turtle_file(vocab):
    in_file = {str(s)[len(str(GK._NS)):] for s in vocab.subjects(RDF.type, None)
               if str(s).startswith(str(GK._NS)) and str(s) != str(GK._NS)}
    in_class = set(GK.__annotations__)
    assert in_file == in_class


def test_every_gk_relation_type_is_defined(vocab):
    for key, predicate in PREDICATES.items():
        if predicate.namespace == "gk":
            assert (GK._NS[predicate.local], RDF.type, RDF.Property) in vocab, key


def test_vocabulary_links_to_standard_vocabularies(vocab):
    links = set(vocab.objects(None, RDFS.subPropertyOf)) | set(vocab.objects(None, RDFS.subClassOf))
    assert any(str(o).startswith(str(SDO)) for o in links)
    assert any(str(o).startswith("http://www.w3.org/ns/prov#") for o in links)


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_built_graphs_conform_to_the_shapes(name):
    kg = graphkit.build(CORPORA[name])
    assert validate(kg.rdf) == []


def test_shapes_catch_broken_offsets_and_missing_labels():
    kg = graphkit.build(CORPORA["hand-written"])
    g = Graph()
    for triple in kg.rdf:
        g.add(triple)
    quote = next(iter(g.subjects(RDF.type, SDO.Quotation)))
    g.set((quote, GK.startOffset, Literal(0)))
    person = next(iter(g.subjects(RDF.type, SDO.Person)))
    g.remove((person, RDFS.label, None))
    messages = [v.message for v in validate(g)]
    assert any("offsets" in m for m in messages)
    assert any("Less than 1" in m for m in messages)


FOAF_GRAPH = '@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n<http://x/a> a foaf:Person ; foaf:name "A" .\n'


@pytest.mark.parametrize("content", ["", FOAF_GRAPH])
def test_an_empty_graph_or_another_vocabulary_does_not_conform(tmp_path, content):
    import subprocess
    import sys

    path = tmp_path / "g.ttl"
    path.write_text(content, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "graphkit", "validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 1 and "no schema:NewsArticle" in result.stdout + result.stderr


def test_each_sparql_constraint_is_parsed_once_per_validation(monkeypatch):
    """pyshacl passed the offset checks to rdflib as text per focus node: 20 quotes were 20 parses of one query."""
    from rdflib.plugins.sparql import processor

    text = " ".join(f'Ann Lee said "point {i}."' for i in range(20))
    quotes = tuple(graphkit.Quote(text=f"point {i}.", start=text.index(f"point {i}."),
                                  end=text.index(f"point {i}.") + len(f"point {i}."), speaker=None)
                   for i in range(20))
    from graphkit.graph.corpus import merge_results

    corpus, _ = merge_results([graphkit.DocResult(graphkit.Article(text=text, id="many-quotes"), (), (), quotes)])
    graph = graphkit.KnowledgeGraph(corpus).rdf
    parses = []
    parse = processor.parseQuery
    monkeypatch.setattr(processor, "parseQuery", lambda q: parses.append(q) or parse(q))
    assert validate(graph) == []
    assert 0 < len(parses) <= 3, len(parses)  # one per SPARQL constraint, not one per quote
    graph.set((next(iter(graph.subjects(RDF.type, SDO.Quotation))), GK.startOffset, Literal(1)))
    assert any("offsets" in v.message for v in validate(graph))  # the parsed queries still find a broken quote
