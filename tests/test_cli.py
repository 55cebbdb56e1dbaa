"""The graphkit command: help, exit codes, one-line errors, output files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def graphkit(*args, input=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "graphkit", *map(str, args)], capture_output=True, text=True,
                          input=input, cwd=cwd, timeout=300)


@pytest.mark.parametrize("command", ["build", "query", "info"])
def test_every_command_has_help_with_an_example(command):
    result = graphkit(command, "-h")
    assert result.returncode == 0
    assert "Example:" in result.stdout and f"graphkit {command}" in result.stdout


def test_version():
    import graphkit as gk

    result = graphkit("--version")
    assert result.returncode == 0 and gk.__version__ in result.stdout


def test_info_names_the_model():
    result = graphkit("info")
    assert result.returncode == 0
    line = next(l for l in result.stdout.splitlines() if l.startswith("model: "))
    assert "en_core_web" in line and "(" in line


def test_a_missing_model_is_one_clear_line():
    result = graphkit("info")  # sanity: the default works
    assert result.returncode == 0
    result = graphkit("build", ROOT / "seeds", "--model", "no_such_model_xyz", "-o", "unused")
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "no_such_model_xyz" in result.stderr


def test_build_writes_both_files_and_prints_a_summary(tmp_path):
    result = graphkit("build", ROOT / "seeds", "-o", tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "graph.ttl").stat().st_size > 0 and (tmp_path / "graph.html").stat().st_size > 0
    for word in ("articles", "entities", "relations", "quotes", " s "):
        assert word in result.stdout


def test_build_from_jsonl_and_stdin(tmp_path):
    records = [{"id": "one", "title": "Talks", "url": "https://example.com/1", "published": "2024-07-10",
                "text": "Jane Roe, the chief executive of Acme Corp, said: \"We will grow.\""}]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert graphkit("build", path, "-o", tmp_path / "a", "-q").returncode == 0
    ttl = (tmp_path / "a" / "graph.ttl").read_text(encoding="utf-8")
    assert '"Talks"' in ttl and "2024-07-10" in ttl
    result = graphkit("build", "-", "-o", tmp_path / "b", "-q", input="Acme Corp opened an office in Ohio.\n")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "b" / "graph.ttl").exists()


def test_bad_input_is_named_and_the_rest_is_built(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Jane Roe met officials in Ohio on Monday.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = graphkit("build", good, empty, tmp_path / "missing.txt", "-o", tmp_path / "out")
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert any("empty.txt" in e and "empty" in e for e in errors)
    assert any("missing.txt" in e and "no such file" in e for e in errors)
    assert "Jane Roe" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


def test_query_formats_and_errors():
    graph = ROOT / "output" / "graph.ttl"
    sparql = "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name"
    table = graphkit("query", graph, sparql)
    assert table.returncode == 0 and "Jens Stoltenberg" in table.stdout
    csv_out = graphkit("query", graph, sparql, "--format", "csv")
    assert csv_out.stdout.splitlines()[0] == "name"
    bindings = json.loads(graphkit("query", graph, sparql, "--format", "json").stdout)["results"]["bindings"]
    assert {"name": {"type": "literal", "value": "Jens Stoltenberg"}} in bindings
    bad = graphkit("query", graph, "SELECT WHERE {")
    assert bad.returncode == 1 and "invalid SPARQL" in bad.stderr and bad.stderr.count("\n") == 1
    update = graphkit("query", graph, "DELETE WHERE { ?s ?p ?o }")
    assert update.returncode == 1 and "read-only" in update.stderr
    missing = graphkit("query", ROOT / "nope.ttl", sparql)
    assert missing.returncode in (1, 2) and "nope.ttl" in missing.stderr


def test_relations_file_adds_a_relation_type(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Kestrel Grid supplies Norvale Energy with turbines.\n", encoding="utf-8")
    table = tmp_path / "supply.tsv"
    table.write_text("# my relations\nsupply\t-\tpair\tsuppliesTo\tagent\tpatient\n", encoding="utf-8")
    result = graphkit("build", article, "-o", tmp_path / "out", "--relations", table, "-q")
    assert result.returncode == 0, result.stderr
    assert "gk:suppliesTo" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


@pytest.mark.parametrize("content,message", [
    ("supply\tpair\n", "supply.tsv:1: a relation verb needs 6 tab-separated cells"),
    ("supply\t-\tguess\tsuppliesTo\tagent\tpatient\n", "unknown frame 'guess'"),
    ("supply\t-\tpair\tsupplies to\tagent\tpatient\n", "a new predicate is one word"),
])
def test_a_bad_relations_file_is_one_error_before_any_work(tmp_path, content, message):
    article = tmp_path / "a.txt"
    article.write_text("Kestrel Grid supplies Norvale Energy.\n", encoding="utf-8")
    table = tmp_path / "supply.tsv"
    table.write_text(content, encoding="utf-8")
    result = graphkit("build", article, "-o", tmp_path / "out", "--relations", table)
    assert result.returncode == 1 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_an_unwritable_output_folder_is_one_error_before_any_work(tmp_path):
    import os

    if os.geteuid() == 0:  # root writes anywhere: a folder inside a file is what cannot be made
        blocked = tmp_path / "file-not-folder"
        blocked.write_text("x", encoding="utf-8")
        target, message = blocked / "out", "is a file, not a folder"
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        target, message = locked / "out", "cannot write there"
    result = graphkit("build", "Ana Ruiz visited Oslo.", "-o", target)
    assert result.returncode == 1 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_build_takes_the_format_names_query_takes(tmp_path):
    # "rdf-xml", "ttl" and "json-ld" (query's and rdflib's spellings) name the same files as "xml", "turtle", "jsonld"
    article = tmp_path / "a.txt"
    article.write_text("Ana Lund, the chief executive of Kestrel Foods, said sales rose.\n", encoding="utf-8")
    result = graphkit("build", article, "-o", tmp_path / "out", "--format", "rdf-xml", "--format", "json-ld")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "graph.rdf").exists() and (tmp_path / "out" / "graph.jsonld").exists()
