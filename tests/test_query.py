"""`graphkit query` and the SPARQL layer behave as SPARQL tools do.

Shipped queries run unchanged in other engines; results come out in the W3C
formats; a query is bounded in time and rows; FROM is honoured on datasets;
bad input is one line and exit 1.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import re
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest

from graphkit.query_cli import shipped_queries
from graphkit.sparql import PREFIXES, QueryError, QueryTimeout, RowLimitWarning, run_query

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SR = "{http://www.w3.org/2005/sparql-results#}"
XSD = "http://www.w3.org/2001/XMLSchema#"

# A small graph of our own: two people, one with a long note, one typed by a wrong literal.
PEOPLE = """\
@prefix ex: <https://test.example/> .
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:ada a schema:Person ; rdfs:label "Ada Quill" ; schema:age 41 ;
    rdfs:comment "Ada keeps bees on the roof of the old mill and sells the honey at the Saturday market." .
ex:bo a schema:Person ; rdfs:label "Bo Fennick" ; schema:age "forty"^^xsd:integer .
"""
TRIG = """\
<https://test.example/a> <https://test.example/says> "in the default graph" .
<https://test.example/g1> { <https://test.example/a> <https://test.example/says> "in graph one" . }
<https://test.example/g2> { <https://test.example/a> <https://test.example/says> "in graph two" . }
"""
SLOW_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?h ?i }"


def graphkit(*args, input=None):
    return subprocess.run([sys.executable, "-m", "graphkit", *map(str, args)], capture_output=True, text=True,
                          input=input, timeout=120, check=False)


def one_error_line(result) -> str:
    """The single stderr line of a failed command (exit 1, no traceback)."""
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    return line


@pytest.fixture
def people(tmp_path) -> Path:
    path = tmp_path / "people.ttl"
    path.write_text(PEOPLE, encoding="utf-8")
    return path


@pytest.fixture
def numbers(tmp_path) -> Path:
    """200 triples: a four-way cartesian product of them is 1.6e9 rows, minutes of work."""
    path = tmp_path / "numbers.nt"
    path.write_text("".join(f'<https://test.example/n{i}> <https://test.example/v> "{i}" .\n' for i in range(200)))
    return path


def numbers_store(count: int) -> ox.Store:
    store = ox.Store()
    for i in range(count):
        store.add(ox.Quad(ox.NamedNode(f"https://test.example/n{i}"), ox.NamedNode("https://test.example/v"),
                          ox.Literal(str(i))))
    return store


# ---------------------------------------------------------------- queries that run anywhere

@pytest.fixture(scope="module")
def seed_engines(seed_kg):
    """The seed graph in a plain Oxigraph store (no graphkit prefixes) and in rdflib."""
    store = ox.Store()
    store.bulk_load(input=seed_kg.ntriples, format=ox.RdfFormat.N_TRIPLES)
    return store, seed_kg.rdf


@pytest.mark.parametrize("name", sorted(shipped_queries()))
def test_shipped_query_runs_unchanged_in_oxigraph_and_rdflib(seed_engines, name):
    store, graph = seed_engines
    query = shipped_queries()[name]
    solutions = store.query(query)
    names = [v.value for v in solutions.variables]
    in_oxigraph = sorted(tuple("" if row[n] is None else row[n].value for n in names) for row in solutions)
    in_rdflib = sorted(tuple("" if row[n] is None else str(row[n]) for n in names) for row in graph.query(query))
    assert in_oxigraph, f"{name} finds nothing in the seed graph"
    assert in_oxigraph == in_rdflib


def readme_queries() -> list[str]:
    blocks = re.findall(r"```(?:sparql|text)\n(.*?)```", README, re.DOTALL)
    return [b for b in blocks if re.match(r"\s*(PREFIX|SELECT|ASK|CONSTRUCT|DESCRIBE)\b", b)]


@pytest.mark.parametrize("query", readme_queries())
def test_readme_query_declares_its_prefixes(query):
    ox.Store().query(query)  # raises SyntaxError ("Prefix not found") for an undeclared prefix


def test_readme_lists_every_predeclared_prefix():
    contract = README[README.index("## The RDF contract"):README.index("predeclare them")]
    for prefix in PREFIXES:
        assert f"`{prefix}:" in contract, prefix
    assert f"`gkv: <{PREFIXES['gkv']}>`" in contract


def test_predeclared_prefixes_give_way_to_the_query_own(people):
    store = ox.Store()
    store.bulk_load(path=str(people), format=ox.RdfFormat.TURTLE)
    assert len(run_query(store, "SELECT ?p WHERE { ?p a schema:Person }")[1]) == 2
    moved = "PREFIX schema: <https://elsewhere.example/>\nSELECT ?p WHERE { ?p a schema:Person }"
    assert run_query(store, moved)[1] == []


def test_syntax_errors_count_lines_and_columns_in_the_user_query():
    query = "SELECT ?name WHERE {\n  ?p a schema:Person .\n  ?p rdfs:label }"  # the object is missing
    with pytest.raises(QueryError, match=r"^invalid SPARQL: error at 3:17: "):
        run_query(ox.Store(), query)
    with pytest.raises(QueryError, match=r"^invalid SPARQL update: error at 2:"):
        run_query(ox.Store(), "INSERT DATA {\n  <urn:a> schema:name }", allow_update=True)


# ---------------------------------------------------------------- W3C result formats

PEOPLE_QUERY = "SELECT ?person ?name ?age WHERE { ?person a schema:Person ; rdfs:label ?name ; schema:age ?age } ORDER BY ?name"


def test_json_is_w3c_sparql_results_with_typed_terms(people):
    result = graphkit("query", people, PEOPLE_QUERY, "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["head"]["vars"] == ["person", "name", "age"]
    ada, bo = document["results"]["bindings"]
    assert ada["person"] == {"type": "uri", "value": "https://test.example/ada"}
    assert ada["name"] == {"type": "literal", "value": "Ada Quill"}
    assert ada["age"] == {"type": "literal", "value": "41", "datatype": XSD + "integer"}
    assert bo["age"] == {"type": "literal", "value": "forty", "datatype": XSD + "integer"}


def test_blank_nodes_are_typed_bnode(tmp_path):
    path = tmp_path / "blank.ttl"
    path.write_text('[] <https://test.example/p> "held by a blank node" .\n', encoding="utf-8")
    result = graphkit("query", path, "SELECT ?s WHERE { ?s ?p ?o }", "--format", "json")
    [binding] = json.loads(result.stdout)["results"]["bindings"]
    assert binding["s"]["type"] == "bnode" and binding["s"]["value"]


def test_xml_is_w3c_sparql_results(people):
    result = graphkit("query", people, PEOPLE_QUERY, "--format", "xml")
    root = ET.fromstring(result.stdout)
    assert root.tag == SR + "sparql"
    assert [v.get("name") for v in root.iter(SR + "variable")] == ["person", "name", "age"]
    first = root.find(f"{SR}results/{SR}result")
    bound = {b.get("name"): b[0] for b in first.iter(SR + "binding")}
    assert bound["person"].tag == SR + "uri" and bound["person"].text == "https://test.example/ada"
    assert bound["name"].tag == SR + "literal" and bound["name"].text == "Ada Quill"


def test_csv_and_tsv_parse(people):
    rows = list(csv.reader(io.StringIO(graphkit("query", people, PEOPLE_QUERY, "--format", "csv").stdout)))
    assert rows == [["person", "name", "age"], ["https://test.example/ada", "Ada Quill", "41"],
                    ["https://test.example/bo", "Bo Fennick", "forty"]]
    tsv = graphkit("query", people, PEOPLE_QUERY, "--format", "tsv").stdout
    lines = [line.split("\t") for line in tsv.splitlines()]
    assert lines[0] == ["?person", "?name", "?age"]
    assert lines[1] == ["<https://test.example/ada>", '"Ada Quill"', "41"]
    parsed = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)
    assert len(list(parsed)) == 2


@pytest.mark.parametrize("fmt, expected", [
    ("json", lambda out: json.loads(out) == {"head": {}, "boolean": True}),
    ("xml", lambda out: ET.fromstring(out).find(SR + "boolean").text == "true"),
    ("csv", lambda out: out.strip() == "true"),
    ("tsv", lambda out: out.strip() == "true"),
    ("table", lambda out: out.splitlines()[2].strip() == "true"),
])
def test_ask_in_every_result_format(people, fmt, expected):
    result = graphkit("query", people, 'ASK { ?p rdfs:label "Ada Quill" }', "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert expected(result.stdout), result.stdout


CONSTRUCT = "CONSTRUCT { ?p schema:name ?name } WHERE { ?p rdfs:label ?name }"


@pytest.mark.parametrize("fmt, syntax", [(None, ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES),
                                         ("trig", ox.RdfFormat.TRIG), ("jsonld", ox.RdfFormat.JSON_LD),
                                         ("json", ox.RdfFormat.JSON_LD), ("xml", ox.RdfFormat.RDF_XML)])
def test_construct_writes_rdf(people, fmt, syntax):
    result = graphkit("query", people, CONSTRUCT, *(["--format", fmt] if fmt else []))
    assert result.returncode == 0, result.stderr
    triples = {(t.subject.value, t.predicate.value, t.object.value)
               for t in ox.parse(result.stdout.encode(), format=syntax)}
    assert triples == {("https://test.example/ada", "https://schema.org/name", "Ada Quill"),
                       ("https://test.example/bo", "https://schema.org/name", "Bo Fennick")}


def test_a_format_that_does_not_fit_the_result_is_one_error(people):
    line = one_error_line(graphkit("query", people, CONSTRUCT, "--format", "csv"))
    assert line.startswith("graphkit: --format csv: CONSTRUCT and DESCRIBE give RDF") and "ttl" in line
    line = one_error_line(graphkit("query", people, PEOPLE_QUERY, "--format", "nt"))
    assert line.startswith("graphkit: --format nt: SELECT and ASK give a table") and "json" in line


def test_table_marks_every_cut_value(people):
    result = graphkit("query", people, "SELECT ?note WHERE { ?p rdfs:comment ?note }")
    lines = result.stdout.splitlines()
    note = "Ada keeps bees on the roof of the old mill and sells the honey at the Saturday market."
    assert lines[2] == note[:59] + "…"
    assert "1 value was longer than 60 characters, cut and marked …" in lines[-1]
    whole = graphkit("query", people, PEOPLE_QUERY).stdout
    assert "…" not in whole and "cut" not in whole and "Bo Fennick" in whole


def test_closed_pipe_ends_quietly(numbers):
    """`graphkit query ... | head -1`: no BrokenPipeError, no message, exit 0."""
    command = [sys.executable, "-m", "graphkit", "query", numbers, "--format", "tsv",
               "SELECT ?a ?b WHERE { ?a ?p ?x . ?b ?q ?y }"]  # 40,000 rows, about 3 MB
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.readline().startswith(b"?a")
    process.stdout.close()
    assert process.wait(timeout=60) == 0
    assert process.stderr.read() == b""


# ---------------------------------------------------------------- bounds on cost

def test_slow_query_stops_at_the_time_limit(numbers):
    started = time.monotonic()
    result = graphkit("query", numbers, SLOW_COUNT, "--timeout", "1")
    assert time.monotonic() - started < 5
    line = one_error_line(result)
    assert line.startswith("graphkit: query: stopped at the time limit of 1 s")
    assert result.stdout == ""


def test_ctrl_c_interrupts_a_running_query(numbers):
    import signal

    process = subprocess.Popen([sys.executable, "-m", "graphkit", "query", numbers, SLOW_COUNT],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)  # started, loaded, and deep in the count
    process.send_signal(signal.SIGINT)
    asked = time.monotonic()
    _, err = process.communicate(timeout=10)
    assert time.monotonic() - asked < 2
    assert process.returncode == 1 and "Traceback" not in err


def test_library_time_limit_and_the_abandoned_worker():
    store = numbers_store(200)  # 200 ** 3 = 8 million rows to count: about a second
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="time limit of 0.1 s"):
        run_query(store, count, timeout=0.1)
    assert time.monotonic() - started < 0.5
    # the count ends on its own a little later; wait, so no busy thread outlives this test
    for worker in [t for t in threading.enumerate() if t.name == "graphkit-query"]:
        worker.join(timeout=30)
    # a query still yielding rows notices that it was given up at its next row
    with pytest.raises(QueryTimeout):
        run_query(store, "SELECT ?a WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }", timeout=0.2, max_rows=None)
    time.sleep(0.3)
    assert not [t for t in threading.enumerate() if t.name == "graphkit-query"]


def test_gc_stays_off_until_every_overlapping_worker_ends():
    from graphkit.sparql import in_worker

    def waiting(started, release):
        def work(stop):
            started.set()
            release.wait(10)
            return "done"
        return work

    assert gc.isenabled()
    first = (threading.Event(), threading.Event())
    second = (threading.Event(), threading.Event())
    results = {}
    callers = [threading.Thread(target=lambda: results.setdefault("first", in_worker(waiting(*first), None))),
               threading.Thread(target=lambda: results.setdefault("second", in_worker(waiting(*second), None)))]
    try:
        for caller, (started, _) in zip(callers, (first, second)):
            caller.start()
            assert started.wait(5)
        assert not gc.isenabled()
        first[1].set()
        callers[0].join(5)
        assert results.get("first") == "done"
        assert not gc.isenabled()  # the second worker still runs
        second[1].set()
        callers[1].join(5)
        assert results.get("second") == "done"
        assert gc.isenabled()
        # an abandoned (timed-out) worker keeps gc off until it really ends
        started, release = threading.Event(), threading.Event()
        with pytest.raises(QueryTimeout):
            in_worker(waiting(started, release), 0.05)
        assert started.is_set() and not gc.isenabled()
        release.set()
        for worker in [t for t in threading.enumerate() if t.name == "graphkit-query"]:
            worker.join(5)
        assert gc.isenabled()
    finally:
        for _, release in (first, second):
            release.set()
        gc.enable()


def test_rows_past_max_rows_are_dropped_and_said(numbers):
    result = graphkit("query", numbers, "SELECT ?a WHERE { ?a ?p ?o }", "--format", "csv", "--max-rows", "5")
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 1 + 5
    assert result.stderr.strip() == "graphkit: query: stopped at 5 rows (--max-rows); the rest were not read"
    exact = graphkit("query", numbers, "SELECT ?a WHERE { ?a ?p ?o } LIMIT 5", "--format", "csv", "--max-rows", "5")
    assert exact.stderr == "" and len(exact.stdout.splitlines()) == 6
    unlimited = graphkit("query", numbers, "SELECT ?a WHERE { ?a ?p ?o }", "--format", "csv", "--max-rows", "0")
    assert len(unlimited.stdout.splitlines()) == 201 and unlimited.stderr == ""


def test_library_max_rows_warns():
    store = numbers_store(30)
    with pytest.warns(RowLimitWarning, match="stopped at 7 rows"):
        _, rows = run_query(store, "SELECT ?a ?b WHERE { ?a ?p ?x . ?b ?q ?y }", max_rows=7)
    assert len(rows) == 7
    assert len(run_query(store, "SELECT ?a ?b WHERE { ?a ?p ?x . ?b ?q ?y }", max_rows=None)[1]) == 900


def test_kg_query_takes_the_same_limits(seed_kg):
    import inspect

    from graphkit import sparql

    parameters = inspect.signature(seed_kg.query).parameters
    assert parameters["timeout"].default == sparql.DEFAULT_TIMEOUT
    assert parameters["max_rows"].default == sparql.DEFAULT_MAX_ROWS
    with pytest.warns(RowLimitWarning):
        assert len(seed_kg.query("SELECT * WHERE { ?s ?p ?o }", max_rows=3)) == 3


# ---------------------------------------------------------------- datasets and odd data

@pytest.mark.parametrize("query, expected", [
    ("SELECT ?said WHERE { ?s ?p ?said }", ["in graph one", "in graph two", "in the default graph"]),
    ("SELECT ?said FROM <https://test.example/g1> WHERE { ?s ?p ?said }", ["in graph one"]),
    ("SELECT ?said FROM <https://test.example/g1> FROM <https://test.example/g2> WHERE { ?s ?p ?said }",
     ["in graph one", "in graph two"]),
    ("SELECT ?said FROM NAMED <https://test.example/g2> WHERE { GRAPH ?g { ?s ?p ?said } }", ["in graph two"]),
    ('SELECT ?said WHERE { ?s ?p ?said FILTER(?said != "from") }',  # the word in a string is no FROM
     ["in graph one", "in graph two", "in the default graph"]),
])
@pytest.mark.parametrize("suffix", [".trig", ".nq"])
def test_from_chooses_the_graphs_of_a_dataset(tmp_path, query, expected, suffix):
    path = tmp_path / f"data{suffix}"
    dataset = ox.parse(TRIG.encode(), format=ox.RdfFormat.TRIG)
    path.write_bytes(ox.serialize(dataset, format=ox.RdfFormat.TRIG if suffix == ".trig" else ox.RdfFormat.N_QUADS))
    result = graphkit("query", path, query + " ORDER BY ?said", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == expected


def test_an_ill_typed_literal_does_not_fail_the_query(people):
    result = graphkit("query", people, PEOPLE_QUERY)
    assert result.returncode == 0, result.stderr
    assert "forty" in result.stdout
    store = ox.Store()
    store.bulk_load(path=str(people), format=ox.RdfFormat.TURTLE)
    rows = run_query(store, PEOPLE_QUERY)[1]
    assert [row["age"] for row in rows] == [41, "forty"]


def test_update_counts_come_out_as_results(people, tmp_path):
    result = graphkit("query", people, "DELETE WHERE { ?p schema:age ?a }", "--allow-update", "--format", "json")
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)["results"]["bindings"]
    assert int(row["before"]["value"]) - int(row["after"]["value"]) == 2


# ---------------------------------------------------------------- bad input

@pytest.mark.parametrize("case", ["missing", "folder", "not rdf", "binary", "no query file", "query file not utf-8",
                                  "malformed", "query not utf-8", "both", "service fails"])
def test_bad_input_is_one_line_naming_the_source(people, tmp_path, case):
    query = "SELECT * WHERE { ?s ?p ?o }"
    graph, args, source = people, [query], None
    if case == "missing":
        graph, source = tmp_path / "absent.ttl", f"{tmp_path / 'absent.ttl'}: no such file"
    elif case == "folder":
        graph, source = tmp_path, f"{tmp_path}: is a folder"
    elif case == "not rdf":
        graph = tmp_path / "notes.ttl"
        graph.write_text("these are notes, not triples\n", encoding="utf-8")
        source = f"{graph}: cannot parse as Turtle: "
    elif case == "binary":
        graph = tmp_path / "blob.nt"
        graph.write_bytes(bytes(range(256)) * 4)
        source = f"{graph}: cannot parse as N-Triples: "
    elif case == "no query file":
        args, source = ["-f", tmp_path / "absent.rq"], f"{tmp_path / 'absent.rq'}: no such query file"
    elif case == "query file not utf-8":
        bad = tmp_path / "latin.rq"
        bad.write_bytes('SELECT * WHERE { ?s ?p "caf\xe9" }'.encode("latin-1"))
        args, source = ["-f", bad], f"{bad}: cannot read: "
    elif case == "malformed":
        args, source = ["SELECT ?s WHERE { ?s ?p }"], "query: invalid SPARQL: error at 1:"
    elif case == "query not utf-8":
        result = subprocess.run([sys.executable, "-m", "graphkit", "query", str(people).encode(),
                                 b'SELECT * WHERE { ?s ?p "caf\xe9" }'], capture_output=True, text=True, timeout=60,
                                check=False)
        assert one_error_line(result) == "graphkit: query: the query is not valid UTF-8"
        return
    elif case == "service fails":  # Oxigraph's HTTP client refuses port 9 before connecting anywhere
        args = ["SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "--allow-service"]
        source = "query: evaluation failed: "
    elif case == "both":
        args, source = [query, "-f", "who-said-what"], "give a query or -f FILE.rq (not both)"
    line = one_error_line(graphkit("query", graph, *args))
    assert line.startswith(f"graphkit: {source}"), line


NESTED = {  # what the SPARQL parser recursed into: 3,000 braces overflowed its stack, 200 lists took 8 s to parse
    "braces": "SELECT * WHERE {" + "{" * 3000 + "}" * 3000 + "}",
    "lists": "SELECT * WHERE { ?s ?p " + "(" * 200 + " 1 " + ")" * 200 + " }",
    "blank nodes": "SELECT * WHERE { ?s ?p " + "[ ?p " * 200 + "1" + " ]" * 200 + " }",
    "unclosed": "SELECT * WHERE { FILTER(" + "(" * 5000,
}


@pytest.mark.parametrize("case", sorted(NESTED))
def test_deeply_nested_query_is_one_error_not_a_crash_or_a_stall(case):
    script = ("import sys, time, pyoxigraph as ox\n"
              "from graphkit.sparql import QueryError, run_query\n"
              "started = time.perf_counter()\n"
              "try:\n    run_query(ox.Store(), sys.stdin.read(), timeout=30)\n"
              "except QueryError as error:\n    print(time.perf_counter() - started, error)\n")
    result = subprocess.run([sys.executable, "-c", script], input=NESTED[case], capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.returncode  # -11: the parser overflowed its stack
    seconds, message = result.stdout.split(" ", 1)
    assert "nested more than 64 deep" in message and float(seconds) < 1, result.stdout


def test_nesting_counts_brackets_outside_strings_iris_and_comments():
    from graphkit.sparql import nesting

    assert nesting('SELECT * WHERE { ?s ?p "((((" . ?s <http://x/(((> ?o # {{{{\n FILTER((?o > 1)) }') == 3
    assert nesting("SELECT * WHERE { ?s ?p ?o }") == 1
