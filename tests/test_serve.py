"""`graphkit serve` with real clients: SPARQLWrapper, curl, and the viewer in headless Chromium.

The servers run as `python -m graphkit serve` subprocesses on a free
loopback port (a timed-out query that Oxigraph cannot interrupt keeps
running in its server, so it must not be this test process). The graph is
built from hand-made extraction results through graphkit's own corpus and
RDF stages, so it has exactly the shape a build writes, and holds a hostile
article whose names, quote, headline and relation label are markup.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from graphkit.model import INDIRECT, Article, DocResult, Entity, Mention, Quote, Relation, Span
from graphkit.serve import launch
from graphkit.serve.launch import free_port, wait_listening

try:  # tests/ is on sys.path (rootdir-relative imports), or a package
    from hostile import HOSTILE as HOSTILE_PIECES
    from test_html import HOSTILE_ATTR, HOSTILE_NAME, HOSTILE_SCRIPT, HOSTILE_URL
except ImportError:  # pragma: no cover
    from tests.hostile import HOSTILE as HOSTILE_PIECES
    from tests.test_html import HOSTILE_ATTR, HOSTILE_NAME, HOSTILE_SCRIPT, HOSTILE_URL

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
ENTITY = "https://example.org/graphkit/id/entity/"
HOSTILE_QUOTE = HOSTILE_SCRIPT + " and " + HOSTILE_NAME
SLOW_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?h ?i }"


# ------------------------------------------------------------- a corpus by hand


class Story:
    """One article written piece by piece, so every mention and quote has true offsets."""

    def __init__(self, key: str, published: str | None, title: str, url: str | None = None):
        self.key, self.published, self.title, self.url = key, published, title, url
        self.text, self.entities, self.relations, self.quotes = "", {}, [], []

    def say(self, words: str) -> Span:
        start = len(self.text)
        self.text += words
        return Span(start, len(self.text), words)

    def name(self, key: str, name: str, type_: str, **extra) -> Mention:
        span = self.say(name)
        mention = Mention(span.start, span.end, name, 0)
        old = self.entities.get(key)
        self.entities[key] = Entity(id=key, name=name, type=type_, mentions=(*(old.mentions if old else ()), mention),
                                    **({k: getattr(old, k) for k in ("aliases", "roles")} if old else extra))
        return mention

    def quote(self, speaker: str, words: str, kind: str = "direct") -> int:
        self.say(' "')
        span = self.say(words)
        self.say('" ')
        self.quotes.append(Quote(text=words, start=span.start, end=span.end, speaker=speaker, cue="say", kind=kind,
                                 speaker_mention=Span(0, 1, self.text[0])))
        return len(self.quotes) - 1

    def relate(self, s: str, predicate: str, o: str, **extra) -> None:
        self.relations.append(Relation(subject=s, predicate=predicate, object=o, rule="test",
                                       evidence=Span(0, len(self.text), self.text), **extra))

    def result(self) -> DocResult:
        return DocResult(article=Article(text=self.text, id=self.key, title=self.title, url=self.url,
                                         published=self.published),
                         entities=tuple(self.entities.values()), relations=tuple(self.relations),
                         quotes=tuple(self.quotes))


def stories() -> list[DocResult]:
    summit = Story("nato-summit", "2024-07-10", "NATO chief: membership is Ukraine's best guarantee",
                   "https://news.example/nato-summit")
    summit.name("js", "Jens Stoltenberg", "Person", aliases=("Stoltenberg",), roles=("Secretary-General",))
    summit.say(", the head of ")
    summit.name("nato", "NATO", "Organization")
    summit.say(", met ")
    summit.name("vz", "Volodymyr Zelenskyy", "Person")
    summit.say(" of ")
    summit.name("ua", "Ukraine", "Place")
    summit.say(". Stoltenberg said")
    promise = summit.quote("js", "allies will deliver the air defence they promised")
    summit.relate("js", "worksFor", "nato", role="Secretary-General")
    summit.relate("js", "metWith", "vz")
    summit.relate("ua", "seeksMembershipOf", "nato", status="claimed", claimed_by=promise)

    aid = Story("kyiv-aid", "2024-09-02", "Kyiv asks for more ammunition", "https://news.example/kyiv-aid")
    aid.name("vz", "Volodymyr Zelenskyy", "Person")
    aid.say(" met ")
    aid.name("ob", "Olena Bondarenko", "Person")
    aid.say(" of ")
    aid.name("kyiv", "Kyiv", "Place")
    aid.say(". He said")
    aid.quote("vz", "the shells must arrive before winter", kind=INDIRECT)
    aid.relate("vz", "holdsOfficeIn", "kyiv")
    aid.relate("vz", "metWith", "ob")

    evil = Story("evil", "2024-08-01", HOSTILE_ATTR, HOSTILE_URL)
    evil.name("m", HOSTILE_NAME, "Person", aliases=(HOSTILE_SCRIPT,), roles=(HOSTILE_ATTR,))
    evil.say(" works with ")
    evil.name("nato", "NATO", "Organization")
    evil.say(" and said")
    evil.quote("m", HOSTILE_QUOTE + " " + "".join(HOSTILE_PIECES))
    evil.relate("m", "verb:" + HOSTILE_ATTR, "nato")
    return [summit.result(), aid.result(), evil.result()]


def build_graph():
    from graphkit.graph.corpus import merge_results
    from graphkit.kg import KnowledgeGraph

    corpus, _ = merge_results(stories())
    return KnowledgeGraph(corpus)


def iri_of(store: ox.Store, name: str) -> str:
    [row] = store.query(f'SELECT ?e WHERE {{ ?e <http://www.w3.org/2000/01/rdf-schema#label> {ox.Literal(name)} }}')
    return row["e"].value


# ------------------------------------------------------------- servers


class Served:
    """`graphkit serve` in a subprocess, on a free loopback port, until stop()."""

    def __init__(self, source: Path, *args: str):
        self.source, self.port = source, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "no_proxy": "*", "NO_PROXY": "*"}
        self.process = subprocess.Popen([sys.executable, "-m", "graphkit", "serve", str(source), "--port",
                                         str(self.port), *args], stderr=subprocess.PIPE, text=True, env=env)
        if wait_listening(self.process, self.port, timeout=30, pause=0.05):
            return
        if self.process.poll() is not None:
            raise AssertionError(f"graphkit serve exited: {self.process.stderr.read()}")
        self.stop()
        raise AssertionError("graphkit serve did not start in 30 s")

    def stop(self) -> str:
        launch.stop(self.process)
        return self.process.stderr.read()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    # urllib (and so SPARQLWrapper) would send 127.0.0.1 to a configured proxy
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("NO_PROXY", "*")


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    """An Oxigraph store folder holding what a file build writes as TriG."""
    folder = tmp_path_factory.mktemp("store") / "store"
    store = ox.Store(str(folder))
    store.bulk_load(build_graph().serialize("trig"), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    return folder


@pytest.fixture(scope="module")
def server(store_dir):
    served = Served(store_dir, "--max-rows", "50")
    yield served
    served.stop()


@pytest.fixture(scope="module")
def store(store_dir) -> ox.Store:
    return ox.Store.read_only(str(store_dir))


def get(url: str, headers: dict | None = None, data: bytes | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def sparql_url(server, query: str) -> str:
    return f"{server.url}/sparql?" + urllib.parse.urlencode({"query": query})


# ------------------------------------------------------------- SPARQLWrapper


def test_sparqlwrapper_select_ask_construct(server, store):
    from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setQuery("SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name")
    client.setReturnFormat(JSON)
    names = [b["name"]["value"] for b in client.query().convert()["results"]["bindings"]]
    assert names == sorted([HOSTILE_NAME, "Jens Stoltenberg", "Olena Bondarenko", "Volodymyr Zelenskyy"])

    client.setQuery('ASK { ?q schema:text "the shells must arrive before winter" }')
    assert client.query().convert()["boolean"] is True
    client.setMethod(POST)  # a form POST (SPARQLWrapper's URLENCODED)
    client.setQuery('ASK { ?q schema:text "nobody said this" }')
    assert client.query().convert()["boolean"] is False

    client.setQuery("CONSTRUCT { ?p rdfs:label ?name } WHERE { ?p a schema:Person ; rdfs:label ?name }")
    client.setReturnFormat(TURTLE)
    turtle = client.query().convert()
    triples = list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))
    assert {t.object.value for t in triples} == set(names)
    assert {t.subject.value for t in triples} == {iri_of(store, n) for n in names}


# ------------------------------------------------------------- the protocol, by urllib


RESULT_PARSERS = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
                  "application/sparql-results+xml": ox.QueryResultsFormat.XML,
                  "text/csv": None, "text/tab-separated-values": ox.QueryResultsFormat.TSV}
RDF_PARSERS = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
               "application/ld+json": ox.RdfFormat.JSON_LD, "application/rdf+xml": ox.RdfFormat.RDF_XML,
               "application/trig": ox.RdfFormat.TRIG, "application/n-quads": ox.RdfFormat.N_QUADS}
PEOPLE = "SELECT ?p ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name"
PEOPLE_GRAPH = "CONSTRUCT { ?p rdfs:label ?name } WHERE { ?p a schema:Person ; rdfs:label ?name }"


@pytest.mark.parametrize("media", RESULT_PARSERS)
def test_every_result_format_reads_back(server, media):
    status, headers, body = get(sparql_url(server, PEOPLE), {"Accept": media})
    assert status == 200 and headers["content-type"].split(";")[0] == media
    if media == "text/csv":  # lossy, so Oxigraph reads it not: the csv module does
        names = [row["name"] for row in csv.DictReader(io.StringIO(body.decode("utf-8")))]
    else:
        names = [row["name"].value for row in ox.parse_query_results(body, RESULT_PARSERS[media])]
    assert sorted(names) == sorted(
        [HOSTILE_NAME, "Jens Stoltenberg", "Olena Bondarenko", "Volodymyr Zelenskyy"])


@pytest.mark.parametrize("media", RDF_PARSERS)
def test_every_rdf_syntax_reads_back(server, media):
    status, headers, body = get(sparql_url(server, PEOPLE_GRAPH), {"Accept": media})
    assert status == 200 and headers["content-type"].split(";")[0] == media
    assert len(list(ox.parse(body, format=RDF_PARSERS[media]))) == 4


def test_accept_weights_and_defaults(server):
    # q-values decide; */* (or no Accept) is JSON for SELECT, Turtle for CONSTRUCT
    cases = [("text/csv;q=0.5, application/sparql-results+xml", PEOPLE, "application/sparql-results+xml"),
             ("application/sparql-results+xml;q=0.2, text/tab-separated-values;q=0.9", PEOPLE,
              "text/tab-separated-values"),
             ("*/*", PEOPLE, "application/sparql-results+json"), (None, PEOPLE, "application/sparql-results+json"),
             ("*/*", PEOPLE_GRAPH, "text/turtle"), ("application/*", PEOPLE_GRAPH, "application/n-triples"),
             ("text/html, */*;q=0.1", PEOPLE_GRAPH, "text/turtle")]
    for accept, query, expected in cases:
        status, headers, _ = get(sparql_url(server, query), {"Accept": accept} if accept else {})
        assert (status, headers["content-type"].split(";")[0]) == (200, expected), accept


def test_406_for_what_cannot_be_served(server):
    status, _, body = get(sparql_url(server, PEOPLE), {"Accept": "image/png"})
    assert status == 406 and b"application/sparql-results+json" in body
    # Turtle is fine for CONSTRUCT but a SELECT has no Turtle form
    status, _, body = get(sparql_url(server, PEOPLE), {"Accept": "text/turtle"})
    assert status == 406 and b"SELECT/ASK" in body
    status, _, _ = get(sparql_url(server, PEOPLE), {"Accept": "text/csv;q=0"})
    assert status == 406


def test_bad_query_is_400_with_the_parsers_message(server):
    status, _, body = get(sparql_url(server, "SELECT ?x WHERE { ?x ?y }"))
    assert status == 400
    assert re.search(rb"invalid SPARQL: error at 1:\d+", body), body


@pytest.mark.parametrize("how", ["update-body", "update-form", "query-param", "get"])
def test_updates_are_refused_by_default(server, how):
    insert = 'INSERT DATA { <https://x.example/a> <https://x.example/b> "c" }'
    request = {"update-body": ({"Content-Type": "application/sparql-update"}, insert.encode()),
               "update-form": ({"Content-Type": "application/x-www-form-urlencoded"},
                               urllib.parse.urlencode({"update": insert}).encode()),
               "query-param": ({}, None), "get": ({}, None)}[how]
    url = sparql_url(server, insert) if how == "query-param" else f"{server.url}/sparql"
    if how == "get":
        url += "?" + urllib.parse.urlencode({"update": insert})
    status, _, body = get(url, *request)
    assert status == 403 and b"read-only" in body, body
    assert not ox.Store.read_only(str(server.source)).query("ASK { ?s <https://x.example/b> ?o }")


def test_service_is_refused(server):
    for query in ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
                  "select * where { service silent <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"):
        status, _, body = get(sparql_url(server, query))
        assert status == 403 and b"SERVICE is refused" in body
    # the word in a string is no SERVICE call
    status, _, _ = get(sparql_url(server, 'ASK { FILTER("SERVICE" != "") }'))
    assert status == 200


def test_row_limit(server):
    status, headers, body = get(sparql_url(server, "SELECT * WHERE { ?s ?p ?o }"),
                                {"Accept": "application/sparql-results+json"})
    assert status == 200 and headers["x-graphkit-truncated"] == "max-rows=50"
    assert len(json.loads(body)["results"]["bindings"]) == 50


def test_protocol_misuse_is_400_or_415(server):
    assert get(f"{server.url}/sparql")[0] == 400  # no query at all
    two = f"{server.url}/sparql?" + urllib.parse.urlencode([("query", "ASK {}"), ("query", "ASK {}")])
    assert get(two)[0] == 400
    assert get(f"{server.url}/sparql", {"Content-Type": "text/plain"}, b"ASK {}")[0] == 415
    dataset = sparql_url(server, "ASK {}") + "&default-graph-uri=https%3A%2F%2Fx.example%2F"
    status, _, body = get(dataset)
    assert status == 400 and b"FROM" in body


def test_other_hosts_and_origins_are_refused(server):
    # DNS rebinding: a page of evil.example whose name now points at 127.0.0.1
    status, _, body = get(sparql_url(server, "ASK {}"), {"Host": "evil.example"})
    assert status == 403 and b"not this server" in body
    # a form another site's page POSTs to the local server
    status, _, _ = get(f"{server.url}/sparql", {"Origin": "https://evil.example",
                                                "Content-Type": "application/x-www-form-urlencoded"},
                       b"query=ASK+%7B%7D")
    assert status == 403
    status, headers, _ = get(f"{server.url}/sparql", {"Origin": server.url,
                                                      "Content-Type": "application/x-www-form-urlencoded"},
                             b"query=ASK+%7B%7D")
    assert status == 200 and headers["x-content-type-options"] == "nosniff"
    status, _, _ = get(sparql_url(server, "ASK {}"), {"Host": f"localhost:{server.port}"})
    assert status == 200


# ------------------------------------------------------------- time limit, updates


def synthetic(n: int) -> ox.Store:
    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(f"https://x.example/s{i}"), ox.NamedNode("https://x.example/p"), ox.Literal(i))
                 for i in range(n))
    return store


def test_time_limit_answers_503_and_the_server_goes_on(tmp_path):
    graph = tmp_path / "cartesian.nt"
    graph.write_bytes(synthetic(300).dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()))
    served = Served(graph, "--timeout", "1")
    try:
        started = time.monotonic()
        status, headers, body = get(sparql_url(served, SLOW_COUNT))  # 300^4 rows to count: hours
        assert status == 503 and b"time limit of 1 s" in body and headers["retry-after"]
        assert time.monotonic() - started < 5
        started = time.monotonic()
        status, _, body = get(sparql_url(served, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
        assert status == 200 and b'"300"' in body
        assert time.monotonic() - started < 1  # not queued behind the abandoned query
    finally:
        served.stop()


def test_ctrl_c_ends_the_server_during_an_endless_query(tmp_path):
    import signal
    import threading

    graph = tmp_path / "cartesian.nt"
    graph.write_bytes(synthetic(300).dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()))
    served = Served(graph, "--timeout", "0")  # no time limit: the count would run for hours
    try:
        threading.Thread(target=get, args=(sparql_url(served, SLOW_COUNT),), daemon=True).start()
        time.sleep(1)
        started = time.monotonic()
        served.process.send_signal(signal.SIGINT)
        served.process.wait(15)
        assert time.monotonic() - started < 6  # 2 s of grace for answers in flight, then out
    finally:
        served.stop()


def test_abandoned_queries_are_counted_until_they_end():
    """Oxigraph cannot stop a count in the middle: the thread runs on, and while max_running
    threads are alive the server answers 503 rather than starting more."""
    import threading

    import uvicorn

    from graphkit.serve import Limits, create_app

    # a 3-way count over 300 triples takes a few seconds: past the 0.3 s limit, then done
    app = create_app(synthetic(300), Limits(timeout=0.3, max_running=1))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    base = f"http://127.0.0.1:{port}/sparql?"
    try:
        three_way = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
        status, _, body = get(base + urllib.parse.urlencode({"query": three_way}))
        assert status == 503 and b"time limit" in body
        status, _, body = get(base + "query=ASK+%7B%7D")
        assert status == 503 and b"queries are running" in body
        deadline = time.monotonic() + 60
        while get(base + "query=ASK+%7B%7D")[0] == 503:
            assert time.monotonic() < deadline, "the abandoned query never ended"
            time.sleep(0.2)
    finally:
        server.should_exit = True
        thread.join(10)


def test_stats_are_counted_once_for_callers_at_once(monkeypatch):
    """`graphkit serve` counts at start; a page opened meanwhile waits for that count, not a second one."""
    import threading

    from graphkit.serve import api
    from graphkit.serve.limits import Limits, Server

    store = ox.Store()
    store.bulk_load(build_graph().serialize("trig"), format=ox.RdfFormat.TRIG)
    server = Server(store, Limits())
    calls = []

    def slow_evaluate(*args, **kwargs):
        calls.append(args[1])
        time.sleep(0.05)  # long enough for the other caller to arrive mid-count
        return api_evaluate(*args, **kwargs)

    api_evaluate = api.evaluate
    monkeypatch.setattr(api, "evaluate", slow_evaluate)
    answers = []
    callers = [threading.Thread(target=lambda: answers.append(api.count_stats(server))) for _ in range(3)]
    for caller in callers:
        caller.start()
    for caller in callers:
        caller.join(10)
    assert len(calls) == len(api.STATS_QUERIES)
    assert answers[0] == answers[1] == answers[2] and answers[0]["entities"] > 0


def test_allow_update(tmp_path):
    graph = tmp_path / "graph.trig"
    graph.write_bytes(build_graph().serialize("trig"))
    served = Served(graph, "--allow-update")
    try:
        insert = 'INSERT DATA { <https://x.example/a> <https://x.example/b> "added" }'
        assert get(f"{served.url}/sparql", {"Content-Type": "application/sparql-update"}, insert.encode())[0] == 204
        form = urllib.parse.urlencode({"update": 'INSERT DATA { <https://x.example/a> <https://x.example/b> "form" }'})
        assert get(f"{served.url}/sparql", {"Content-Type": "application/x-www-form-urlencoded"}, form.encode())[0] == 204
        status, _, body = get(sparql_url(served, "SELECT ?o WHERE { <https://x.example/a> ?p ?o } ORDER BY ?o"),
                              {"Accept": "text/csv"})
        assert body.decode().split() == ["o", "added", "form"]
        # an update is still no query, and a bad update is the parser's 400
        assert get(sparql_url(served, insert))[0] == 400
        status, _, body = get(f"{served.url}/sparql", {"Content-Type": "application/sparql-update"}, b"INSERT DATA {")
        assert status == 400 and b"invalid SPARQL update" in body
        # and another site's page cannot post one
        assert get(f"{served.url}/sparql", {"Content-Type": "application/sparql-update",
                                             "Origin": "http://localhost:1"}, insert.encode())[0] == 403
    finally:
        assert "in memory" in served.stop()


# ------------------------------------------------------------- curl


def curl(*args: str) -> tuple[int, str]:
    """(HTTP status, body) of a curl run; -w puts the status on the last line."""
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    done = subprocess.run(["curl", "-sS", "--noproxy", "*", "-w", "\n%{http_code}", *args], capture_output=True,
                          text=True, timeout=30, check=True)
    body, _, code = done.stdout.rpartition("\n")
    return int(code), body


def test_api_gives_each_statement_its_status(server, store):
    ukraine = iri_of(store, "Ukraine")
    status, _, body = get(f"{server.url}/api/entity?" + urllib.parse.urlencode({"iri": ukraine}))
    assert status == 200
    relations = json.loads(body)["relations"]
    assert {(re.split("[/#]", r["predicate"])[-1], r["status"]) for r in relations} >= {("seeksMembershipOf", "claimed")}
    assert {r["status"] for r in relations} <= {"fact", "claimed", "planned", "negated", "hypothetical"}


def test_curl_get_post_and_negotiation(server):
    endpoint = f"{server.url}/sparql"
    who = "SELECT ?name ?text WHERE { ?q schema:spokenByCharacter ?p ; schema:text ?text . ?p rdfs:label ?name } ORDER BY ?text"
    code, body = curl("-G", endpoint, "--data-urlencode", f"query={who}", "-H", "Accept: text/csv")
    assert code == 200
    assert body.splitlines()[0] == "name,text"
    assert "Jens Stoltenberg,allies will deliver the air defence they promised" in body.splitlines()
    code, body = curl(endpoint, "--data-urlencode", f"query={who}", "-H", "Accept: text/tab-separated-values")
    assert code == 200 and body.splitlines()[0] == "?name\t?text"
    code, body = curl(endpoint, "-H", "Content-Type: application/sparql-query", "-H",
                      "Accept: application/sparql-results+xml", "--data-binary", "ASK { ?p a schema:Person }")
    assert code == 200 and "<boolean>true</boolean>" in body
    code, body = curl(endpoint, "-H", "Content-Type: application/sparql-query", "-H", "Accept: application/n-triples",
                      "--data-binary", "DESCRIBE ?p WHERE { ?p rdfs:label \"Olena Bondarenko\" }")
    assert code == 200 and '"Olena Bondarenko"' in body
    assert curl("-G", endpoint, "--data-urlencode", "query=SELECT * WHERE {", "-H", "Accept: text/csv")[0] == 400
    assert curl("-G", endpoint, "--data-urlencode", f"query={who}", "-H", "Accept: application/pdf")[0] == 406
    code, body = curl(endpoint, "--data-urlencode", "update=CLEAR ALL")
    assert code == 403 and "read-only" in body
    code, body = curl("-G", endpoint, "--data-urlencode", "query=ASK { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert code == 403 and "SERVICE" in body


# ------------------------------------------------------------- the viewer in Chromium


class Page:
    """The served viewer in a fresh browser context that may reach only the server."""

    def __init__(self, browser, server):
        self.origin = server.url
        self.context = browser.new_context(viewport={"width": 1400, "height": 850})
        self.page = self.context.new_page()
        self.requests, self.blocked, self.errors, self.dialogs = [], [], [], []
        self.context.route("**/*", self._route)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        # console errors include CSP refusals (an inline script or style, a fetch elsewhere)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.add_init_script("window.__pwned = false; window.alert = function () { window.__pwned = true; };")
        self.response = self.page.goto(server.url + "/")
        self.page.wait_for_function("() => window.graphkitReady === true", timeout=20_000)

    def _route(self, route):
        if route.request.url.startswith(self.origin + "/"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def settle(self, condition: str, arg=None) -> None:
        """Wait until ``condition`` holds and no request of the page is in flight."""
        self.page.wait_for_function(f"arg => ({condition}) && graphkitServe.pending === 0", arg=arg, timeout=10_000)

    def search(self, words: str, expect: str, where: str = "#gk-results") -> str:
        self.page.fill("#gk-search", words)
        self.page.keyboard.press("Enter")
        self.settle("(document.querySelector(arg.where) || {innerText: ''}).innerText.includes(arg.expect)", {"where": where, "expect": expect})
        return self.page.inner_text(where)

    def open(self, name: str) -> None:
        """Search a name and click it in the results: its neighbourhood and panel."""
        self.search(name, name, "#gk-found-entities")
        self.page.locator("#gk-found-entities button", has_text=name).first.click()
        self.settle("document.querySelector('#gk-entity-name') && "
                    "document.querySelector('#gk-entity-name').textContent === arg", name)

    def names(self) -> set[str]:
        return set(self.js("graphkitServe.nodes.get().map(n => n.entity.name)"))

    def click_node(self, iri: str) -> None:
        x, y = self.js("""id => {
            const net = graphkitServe.network;
            net.stopSimulation();
            net.focus(id, {animation: false});
            const d = net.canvasToDOM(net.getPositions([id])[id]);
            const r = document.querySelector('#gk-graph canvas').getBoundingClientRect();
            return [r.left + d.x, r.top + d.y];
        }""", iri)
        assert self.js(f"document.elementFromPoint({x}, {y}).tagName") == "CANVAS"
        self.page.mouse.click(x, y)

    def close(self) -> None:
        assert self.blocked == [] and all(u.startswith(self.origin + "/") for u in self.requests), self.requests
        self.context.close()


@pytest.fixture
def viewer(browser, server):
    page = Page(browser, server)
    yield page
    assert page.errors == []
    page.close()


@pytest.mark.browser
def test_viewer_page_headers_and_stats(viewer):
    headers = viewer.response.headers
    assert "default-src 'self'" in headers["content-security-policy"]
    assert "connect-src 'self'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert viewer.page.inner_text("#gk-stats").startswith("7 entities · 6 relations · 3 quotes · 3 articles")
    # vis-network came from this server, not a CDN
    assert f"{viewer.origin}/assets/vis-network.min.js" in viewer.requests


@pytest.mark.browser
def test_viewer_search_expand_and_who_said_what(viewer, store):
    found = viewer.search("zelensk", "Volodymyr Zelenskyy", "#gk-found-entities")
    assert "Olena Bondarenko" not in found
    quotes = viewer.search("SHELLS must", "before winter", "#gk-found-quotes")
    assert "Volodymyr Zelenskyy" in quotes and "Kyiv asks for more ammunition" in quotes

    viewer.open("Jens Stoltenberg")  # found by its alias "Stoltenberg" too
    assert viewer.names() == {"Jens Stoltenberg", "NATO", "Volodymyr Zelenskyy"}
    panel = viewer.page.inner_text("#gk-panel")
    assert "works for" in panel and "Secretary-General" in panel
    # a click on Zelenskyy's node expands his neighbourhood into the graph
    viewer.click_node(iri_of(store, "Volodymyr Zelenskyy"))
    viewer.settle("graphkitServe.nodes.length === 5 && "
                  "document.querySelector('#gk-entity-name').textContent === 'Volodymyr Zelenskyy'")
    assert viewer.names() == {"Jens Stoltenberg", "NATO", "Volodymyr Zelenskyy", "Olena Bondarenko", "Kyiv"}
    assert viewer.js("graphkitServe.edges.length") == 4
    viewer.page.click("#gk-said-button")
    viewer.settle("(document.querySelector('#gk-said') || {innerText: ''}).innerText.includes('before winter')")


@pytest.mark.browser
def test_viewer_date_filter_narrows(viewer):
    viewer.open("Volodymyr Zelenskyy")
    assert viewer.names() == {"Volodymyr Zelenskyy", "Jens Stoltenberg", "Olena Bondarenko", "Kyiv"}
    assert "Jens Stoltenberg" in viewer.page.inner_text("#gk-panel")
    viewer.page.fill("#gk-from", "2024-09-01")  # after the July summit where he met Stoltenberg
    viewer.settle("graphkitServe.nodes.length === 3")
    assert viewer.names() == {"Volodymyr Zelenskyy", "Olena Bondarenko", "Kyiv"}
    viewer.settle("!document.querySelector('#gk-panel').innerText.includes('Jens Stoltenberg')")
    assert "Olena Bondarenko" in viewer.page.inner_text("#gk-panel")
    # Stoltenberg's July quote is outside the range, and back once the range is cleared
    assert "No quote with these words" in viewer.search("allies will deliver", "No quote", "#gk-results")
    viewer.page.click("#gk-dates-clear")
    viewer.settle("document.querySelector('#gk-results').innerText.includes('air defence they promised')")
    viewer.settle("graphkitServe.nodes.length === 4")


@pytest.mark.browser
def test_viewer_hostile_article_stays_inert(viewer, store):
    found = viewer.search("<img src", HOSTILE_NAME, "#gk-found-entities")
    assert HOSTILE_SCRIPT in viewer.search("</script>", HOSTILE_SCRIPT)  # the alias, matched and shown as text
    assert HOSTILE_NAME in found
    quotes = viewer.search("and <img", "and " + HOSTILE_NAME, "#gk-found-quotes")
    assert HOSTILE_SCRIPT in quotes and HOSTILE_ATTR in quotes  # the quote and its headline
    viewer.open(HOSTILE_NAME)
    assert viewer.page.inner_text("#gk-entity-name") == HOSTILE_NAME
    panel = viewer.page.inner_text("#gk-panel")
    assert HOSTILE_ATTR in panel and HOSTILE_SCRIPT in panel
    assert viewer.names() == {HOSTILE_NAME, "NATO"}
    assert any(HOSTILE_ATTR in e for e in viewer.js("graphkitServe.edges.get().map(e => e.label)"))
    viewer.page.click("#gk-said-button")
    viewer.settle("(document.querySelector('#gk-said') || {innerText: ''}).innerText.includes(arg)", HOSTILE_SCRIPT + " and")
    viewer.page.wait_for_timeout(300)  # a chance for any injected onerror/onload to fire
    assert viewer.js("window.__pwned") is False and viewer.dialogs == []
    assert viewer.js("document.querySelectorAll('img, svg, iframe, object, embed, style').length") == 0
    assert viewer.js("document.querySelectorAll('script').length") == 3  # vis-network, dom.js, viewer.js: none injected
    # the javascript: URL of the article is shown as its title, never a link
    assert viewer.js("[...document.querySelectorAll('a')].every(a => a.href.startsWith('https://'))")


# ------------------------------------------------------------- small parts, and the command line


def test_accept_parsing():
    from graphkit.serve.negotiate import GRAPH_TYPES, RESULT_TYPES, choose

    assert choose("text/csv; charset=utf-8", RESULT_TYPES) == ("csv", "text/csv; charset=utf-8")
    assert choose("TEXT/TURTLE;q=0.3, application/ld+json;q=0.8", GRAPH_TYPES)[0] == "jsonld"
    assert choose("text/*;q=0.5, application/rdf+xml;q=0.4", GRAPH_TYPES)[0] == "ttl"
    assert choose("*/*;q=0.1, application/sparql-results+xml", RESULT_TYPES)[0] == "xml"
    assert choose("application/json;q=x", RESULT_TYPES) is None  # an unreadable weight accepts nothing
    assert choose("*/*, text/csv;q=0", RESULT_TYPES)[0] == "json"  # the specific q=0 wins over */*
    assert choose("text/csv;q=0", RESULT_TYPES) is None


def test_only_loopback_is_quiet():
    from graphkit.serve import exposure_warning

    for host in ("127.0.0.1", "127.0.0.2", "::1", "localhost"):
        assert exposure_warning(host, 7878, False) is None
    assert "0.0.0.0" in exposure_warning("0.0.0.0", 7878, False)
    assert "change it" in exposure_warning("192.168.1.10", 7878, True)


def one_error_line(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "graphkit", "serve", *args], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    [line] = done.stderr.splitlines()
    return line


def test_what_cannot_be_served_is_one_line(tmp_path):
    assert one_error_line(str(tmp_path / "missing.ttl")) == f"graphkit: {tmp_path / 'missing.ttl'}: no such file"
    (tmp_path / "empty").mkdir()
    assert "not a store" in one_error_line(str(tmp_path / "empty"))
    (tmp_path / "bad.ttl").write_text("this is not turtle", encoding="utf-8")
    assert "cannot parse" in one_error_line(str(tmp_path / "bad.ttl"))
    graph = tmp_path / "graph.nt"
    graph.write_bytes(synthetic(3).dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert one_error_line(str(graph), "--port", str(port)) == (
            f"graphkit: cannot listen on 127.0.0.1 port {port}: Address already in use")


def test_a_graphkit_store_is_served_read_only(tmp_path):
    store_package = pytest.importorskip("graphkit.store")
    folder = tmp_path / "corpus.store"
    with store_package.GraphStore(folder) as writer:
        writer.add(stories())
    assert "--allow-update serves a graph file" in one_error_line(str(folder), "--allow-update")
    served = Served(folder)
    try:
        status, _, body = get(sparql_url(served, "SELECT (COUNT(*) AS ?n) WHERE { ?q gk:quoteKind ?k }"),
                              {"Accept": "text/csv"})
        assert (status, body.split()) == (200, [b"n", b"3"])
        # the same quads as the file build's TriG
        status, _, body = get(sparql_url(served, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"),
                              {"Accept": "application/n-triples"})
        expected = ox.Store()
        expected.bulk_load(build_graph().serialize("trig"), format=ox.RdfFormat.TRIG)
        assert status == 200 and len(set(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))) == len(
            {(q.subject, q.predicate, q.object) for q in expected})
        # while it is served, an add waits for the reader to go (the store's shared lock)
        with pytest.raises(store_package.StoreLocked):
            store_package.GraphStore(folder)
    finally:
        assert "graphkit store" in served.stop()


# ------------------------------------------------------------- the README's examples


def readme_block(language: str, holding: str) -> str:
    """The README's ```language block in the Serve section that holds ``holding``."""
    section = README[README.index("\n## Serve\n"):]
    section = section[:section.index("\n## ", 1)]
    blocks = [b for b in re.findall(rf"```{language}\n(.*?)```", section, re.DOTALL) if holding in b]
    assert len(blocks) == 1, blocks
    return blocks[0]


def test_readme_curl_example(server):
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    command = readme_block("sh", "curl").replace("http://127.0.0.1:7878", server.url)
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=30, check=True)
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert {"speaker": "Volodymyr Zelenskyy", "words": "the shells must arrive before winter"} in rows
    assert len(rows) == 3


def test_readme_sparqlwrapper_example(server):
    # fenced ```py, not ```python: test_docs runs every ```python block with no server to talk to
    code = readme_block("py", "SPARQLWrapper").replace("http://127.0.0.1:7878", server.url)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    lines = done.stdout.splitlines()
    assert len(lines) == 4 and "Jens Stoltenberg 1" in lines and "Olena Bondarenko 0" in lines
