"""The README's promises: its two commands, its SPARQL examples, and a fresh output/."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import graphkit
from graphkit.export.rdf_io import run_query
from graphkit.query_cli import load_store, shipped_queries

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SPARQL_BLOCKS = re.findall(r"```sparql\n(.*?)```", README, re.S)


def test_readme_starts_with_the_two_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert [line.split("#")[0].strip() for line in first_block] == ["make run", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()


@pytest.fixture(scope="module")
def output_store():
    return load_store(str(ROOT / "output" / "graph.ttl"))


@pytest.mark.parametrize("index", range(len(SPARQL_BLOCKS)))
def test_readme_sparql_examples_return_rows(output_store, index):
    names, rows = run_query(output_store, SPARQL_BLOCKS[index])
    assert rows, SPARQL_BLOCKS[index]


def test_readme_shows_every_shipped_query():
    def strip(q):
        return "\n".join(l for l in q.strip().splitlines() if not l.startswith("#")).strip()
    assert {strip(q) for q in shipped_queries().values()} == {strip(b) for b in SPARQL_BLOCKS}


def test_output_is_fresh(tmp_path):
    """output/ must be what `make run` builds from seeds/ today."""
    result = subprocess.run([sys.executable, "-m", "graphkit", "build", str(ROOT / "seeds"), "-o", str(tmp_path), "-q"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / name).read_bytes() == (ROOT / "output" / name).read_bytes(), \
            f"output/{name} is stale: run `make run` and commit output/"


def test_vocabulary_file_defines_every_gk_term_used():
    from rdflib import RDFS, Graph

    from graphkit.graph.vocab import GK, vocabulary_turtle

    vocab = Graph().parse(data=vocabulary_turtle(), format="turtle")
    graph = graphkit.build([ROOT / "seeds"]).rdf
    used = {t for triple in graph for t in triple if str(t).startswith(str(GK._NS))}
    for term in used:
        assert vocab.value(term, RDFS.label) is not None and vocab.value(term, RDFS.comment) is not None, term


PYTHON_BLOCKS = re.findall(r"```python\n(.*?)```", README, re.S)


def test_readme_spacy_example_runs_and_names_the_seed_speaker(capsys, monkeypatch):
    """The README's spaCy example, as written, from the repository root."""
    block = next(b for b in PYTHON_BLOCKS if "load_nlp" in b)
    monkeypatch.chdir(ROOT)
    exec(compile(block, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "Jens Stoltenberg - " in printed


@pytest.mark.parametrize("index", range(len(PYTHON_BLOCKS)))
def test_every_readme_python_example_runs_as_written(tmp_path, monkeypatch, index):
    """Each ```python block of the README, in a fresh folder holding seeds/ (its writes land there)."""
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    (tmp_path / "output").mkdir()
    monkeypatch.chdir(tmp_path)
    exec(compile(PYTHON_BLOCKS[index], f"README.md python block {index + 1}", "exec"), {})
