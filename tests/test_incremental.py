"""Incremental builds (--into) equal a build of everything at once; a graph reads back losslessly."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

import graphkit
from graphkit.graph.load import GraphLoadError, load_corpus
from graphkit.kg import KnowledgeGraph

ARTICLES = [
    "Jane Roe, the chief executive of Acme Corp, said on Monday that the company would open a plant in Ohio. "
    "\"We will hire 500 people,\" Roe said.",
    "Acme Corp is based in Denver. Roe met Governor John Smith of Ohio on Tuesday. "
    "\"The plant is good news,\" Smith told reporters.",
    "John Smith said Ohio would join the Midwest Compact. \"We are ready,\" he said.",
]


@pytest.fixture(scope="module")
def all_at_once():
    return graphkit.build([graphkit.Article(text=t, id=f"a{i}") for i, t in enumerate(ARTICLES)])


def test_written_graph_reads_back_to_the_same_graph(all_at_once, tmp_path):
    path = tmp_path / "graph.ttl"
    all_at_once.write_turtle(path)
    corpus, base = load_corpus(path)
    assert KnowledgeGraph(corpus, base).serialize() == all_at_once.serialize()


def test_into_equals_building_everything_at_once(all_at_once, tmp_path):
    path = tmp_path / "graph.ttl"
    graphkit.build([graphkit.Article(text=ARTICLES[0], id="a0")]).write_turtle(path)
    for i in (1, 2):
        graphkit.build([graphkit.Article(text=ARTICLES[i], id=f"a{i}")], into=path).write_turtle(path)
    assert isomorphic(Graph().parse(path), all_at_once.rdf)


def test_adding_an_article_already_in_the_graph_changes_nothing(all_at_once, tmp_path):
    path = tmp_path / "graph.ttl"
    all_at_once.write_turtle(path)
    before = path.read_bytes()
    again = graphkit.build([graphkit.Article(text=ARTICLES[1], id="other-name")], into=path, on_warning=lambda *a: None)
    again.write_turtle(path)
    assert path.read_bytes() == before
    assert again.stats.duplicates == 1


def test_into_through_the_cli(tmp_path):
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text(ARTICLES[0], encoding="utf-8")
    second.write_text(ARTICLES[1], encoding="utf-8")
    out = tmp_path / "out"
    run = lambda *args: subprocess.run([sys.executable, "-m", "graphkit", "build", *map(str, args), "-q"],
                                       capture_output=True, text=True, timeout=300)
    assert run(first, "-o", out).returncode == 0
    result = run(second, "-o", out, "--into", out / "graph.ttl")
    assert result.returncode == 0, result.stderr
    text = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "Denver" in text and "Jane Roe" in text


def test_a_file_that_is_not_a_graphkit_graph_is_refused(tmp_path):
    path = tmp_path / "other.ttl"
    path.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    with pytest.raises(GraphLoadError, match="not a graph graphkit built"):
        load_corpus(path)


def test_a_base_iri_given_with_into_is_not_silently_ignored(tmp_path):
    import graphkit

    graph = tmp_path / "g.ttl"
    graphkit.build(["Ana Ruiz visited Oslo."], base_iri="http://one.example/id/").write_turtle(graph)
    seen = []
    kg = graphkit.build(["Tomas Berg visited Bergen."], into=graph, base_iri="http://two.example/id/",
                        on_warning=lambda source, message: seen.append(message))
    assert kg.base_iri == "http://one.example/id/"
    assert any("keeps its base IRI http://one.example/id/" in m for m in seen)


def test_two_builds_into_one_graph_at_once_keep_both(tmp_path):
    """The second waits for the first's lock, then adds to what the first wrote (issue 15: one was lost)."""
    out = tmp_path / "out"
    seed = tmp_path / "seed.txt"
    seed.write_text(ARTICLES[0], encoding="utf-8")
    assert subprocess.run([sys.executable, "-m", "graphkit", "build", str(seed), "-o", str(out), "-q"],
                          timeout=300).returncode == 0
    extra = []
    for n, text in enumerate(["Tomas Berg joined Kestrel Foods in Oslo.", "Ana Ruiz founded Marrow Mills in Lima."]):
        path = tmp_path / f"extra{n}.txt"
        path.write_text(text, encoding="utf-8")
        extra.append(path)
    runs = [subprocess.Popen([sys.executable, "-m", "graphkit", "build", str(path), "-o", str(out), "-q",
                              "--into", str(out / "graph.ttl")], stderr=subprocess.PIPE, text=True) for path in extra]
    for run in runs:
        assert run.wait(timeout=300) == 0, run.stderr.read()
    text = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "Kestrel Foods" in text and "Marrow Mills" in text and "Jane Roe" in text
