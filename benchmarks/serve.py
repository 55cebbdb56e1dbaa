"""graphkit serve: SPARQL through the endpoint vs in-process at ~1M triples, and the viewer's time to interactive.

    python benchmarks/serve.py [--articles 6500] [--viewer-articles 30000] [--pool 120000] [--repeat 5]
                               [--data DIR] [--only sparql|viewer]

No model runs: the graphs are benchmarks/synthetic.py's DocResults, added
to a graphkit store 5,000 at a time (GraphStore.add, what `graphkit build
--store DIR` does after the model) and served by ``python -m graphkit serve
DIR`` in a subprocess on a free loopback port.

  sparql   ``--articles`` synthetic articles (6,500 ~ 1M quads). Each query
           (a label lookup, graphkit/queries/who-said-what.rq, a two-hop
           query, a COUNT) is run ``--repeat`` times (a fast one more, up to
           100) over HTTP (GET /sparql, JSON results, parsed) and through
           pyoxigraph.Store.query
           in this process on the same store (every row's values read),
           alternating; medians and the endpoint/in-process ratio.
  viewer   ``--viewer-articles`` articles from a pool of ``--pool`` names
           (30,000 of 120,000: ~100,000 entities, 120,000 quotes). The page
           in headless Chromium (Playwright, /usr/bin/chromium): navigation
           start to performance.mark("graphkit:ready") (counts shown, search
           wired), once as soon as the server listens (cold: it is still
           reading its search lists) and then warm; a search and an expand,
           timed in the page from the call to the answer drawn.
  start-up for both servers: process start to listening, and to the first
           /api/search answered (the names and quote texts are in memory).

Every figure is from this one run (other jobs may share the machine: compare
the ratios, not the seconds with another run's). ``--data DIR`` keeps the
generated stores there and reuses them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyoxigraph as ox
from synthetic import synthetic_results

from graphkit.serve.launch import free_port, stop, wait_listening
from graphkit.sparql import PREFIXES
from graphkit.store import close_store, open_store

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]
# urllib would send 127.0.0.1 to a configured proxy
HTTP = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def log(*args) -> None:
    print(*args, file=sys.stderr, flush=True)


# ------------------------------------------------------------- data


def make_store(folder: Path, n_articles: int, pool: int, chunk: int = 5_000) -> None:
    """A graphkit store of ``n_articles`` synthetic articles, added as a user would: batch after batch
    (reused if it exists; bulk-loaded quads were not the same: their uncompacted files made joins 2-4x slower)."""
    from graphkit.store import GraphStore

    if (folder / "done").exists():
        return
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    results = list(synthetic_results(n_articles, pool_size=pool))
    for first in range(0, n_articles, chunk):
        with GraphStore(folder / "store") as store:
            store.add(results[first:first + chunk])
        log(f"{folder.name}: {min(first + chunk, n_articles):,} articles stored, {time.perf_counter() - started:.0f} s")
    (folder / "done").write_text("")


def one(store: ox.Store, sparql: str) -> list[str]:
    return [t.value for t in next(iter(store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)))]


def describe(store: ox.Store) -> dict:
    """Counts, and the most mentioned person (the hub the queries and the viewer start from)."""
    entities, = one(store, "SELECT (COUNT(?e) AS ?n) WHERE { ?e gk:mentionCount ?m }")
    quotes, = one(store, "SELECT (COUNT(?q) AS ?n) WHERE { ?q gk:quoteKind ?k }")
    hub, name = one(store, "SELECT ?e ?name WHERE { ?e a schema:Person ; gk:mentionCount ?m ; rdfs:label ?name } "
                           "ORDER BY DESC(?m) ?e LIMIT 1")
    return {"quads": len(store), "entities": int(entities), "quotes": int(quotes), "hub": hub,
            "name": name}


# ------------------------------------------------------------- the server


def get(url: str, accept: str = "application/json") -> dict:
    request = urllib.request.Request(url, headers={"Accept": accept})
    with HTTP.open(request, timeout=600) as response:
        return json.loads(response.read())


class Served:
    """`python -m graphkit serve DIR` on a free loopback port; ``listening`` is seconds from the process start."""

    def __init__(self, folder: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.started = time.perf_counter()
        self.process = subprocess.Popen([sys.executable, "-m", "graphkit", "serve", str(folder), "--port",
                                         str(self.port)], stderr=subprocess.DEVNULL, cwd=ROOT)
        if not wait_listening(self.process, self.port):
            raise SystemExit(f"graphkit serve {folder} exited ({self.process.returncode})")
        self.listening = time.perf_counter() - self.started

    def searchable(self) -> float:
        """Seconds from the process start to a search answered (it waits for the search lists)."""
        get(self.url + "/api/search?q=zzzz-no-such-name")
        return time.perf_counter() - self.started

    def stop(self) -> None:
        stop(self.process)


# ------------------------------------------------------------- SPARQL


def queries(hub_name: str) -> dict[str, str]:
    label = str(ox.Literal(hub_name))
    two_hops = (ROOT / "graphkit/queries/two-hops.rq").read_text().replace('"Jens Stoltenberg"', label)
    return {
        "label lookup": f"SELECT ?e WHERE {{ ?e rdfs:label {label} }}",
        "who said what (.rq)": (ROOT / "graphkit/queries/who-said-what.rq").read_text(),
        "two hops (.rq)": two_hops,
        "COUNT of all quads": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    }


def over_http(url: str, sparql: str) -> int:
    body = get(url + "/sparql?" + urllib.parse.urlencode({"query": sparql}), "application/sparql-results+json")
    return len(body["results"]["bindings"])


def in_process(store: ox.Store, sparql: str) -> int:
    # what a client of the store does with an answer: every row's values read
    rows = [[term.value if term is not None else None for term in row]
            for row in store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)]
    return len(rows)


def seconds(func, *args) -> tuple[float, int]:
    started = time.perf_counter()
    rows = func(*args)
    return time.perf_counter() - started, rows


def bench_sparql(folder: Path, repeat: int) -> None:
    store = open_store(folder / "store")  # read-only, a shared lock as the server's
    info = describe(store)
    served = Served(folder / "store")
    try:
        ready = served.searchable()
        rows = []
        for label, sparql in queries(info["name"]).items():
            http, local = [], []
            # alternating, so both see the same load; fast queries more often (a few ms are noisy here)
            while len(http) < repeat or (sum(local) < 1 and len(http) < 100):
                t, n_http = seconds(over_http, served.url, sparql)
                http.append(t)
                t, n_local = seconds(in_process, store, sparql)
                local.append(t)
                assert n_http == n_local, (label, n_http, n_local)
            rows.append((label, n_local, len(http), statistics.median(http), statistics.median(local)))
    finally:
        served.stop()
        close_store(store)
    print(f"SPARQL at {info['quads']:,} quads ({folder.name}: {info['entities']:,} entities, "
          f"{info['quotes']:,} quotes); medians of at least {repeat} runs (fast queries: until 1 s in-process "
          "or 100 runs), endpoint and in-process alternating")
    print(f"server start-up: listening after {served.listening:.1f} s, search lists read after {ready:.1f} s")
    print("| query | rows | runs | endpoint (HTTP, JSON) | in-process (pyoxigraph) | endpoint / in-process |")
    print("|---|---|---|---|---|---|")
    for label, n, runs, http, local in rows:
        print(f"| {label} | {n:,} | {runs} | {http * 1000:.1f} ms | {local * 1000:.1f} ms | {http / local:.2f}x |")


# ------------------------------------------------------------- the viewer

READY = "() => performance.getEntriesByName('graphkit:ready').length > 0"
TIME_TO_READY = "() => performance.getEntriesByName('graphkit:ready')[0].startTime"
SEARCH = """async q => {
  document.querySelector('#gk-search').value = q;
  const t = performance.now();
  await graphkitServe.search();
  return [performance.now() - t, document.querySelectorAll('#gk-found-entities li').length];
}"""
SETTLED = """async t => { while (graphkitServe.pending) await new Promise(r => setTimeout(r, 2));
  return performance.now() - t; }"""
OPEN = "async iri => { const t = performance.now(); await graphkitServe.openEntity(iri); return t; }"
EXPAND = """async () => {
  const centre = graphkitServe.nodes.get().find(n => n.borderWidth === 3);
  const other = graphkitServe.nodes.get().find(n => n.id !== (centre && centre.id));
  const before = graphkitServe.nodes.length;
  const t = performance.now();
  await graphkitServe.expand(other.id);
  return [t, before];
}"""


def load_page(browser, url: str) -> tuple[object, float]:
    context = browser.new_context(viewport={"width": 1400, "height": 850})  # fresh: no cache
    page = context.new_page()
    page.goto(url + "/")
    page.wait_for_function(READY, timeout=120_000, polling=10)
    return page, page.evaluate(TIME_TO_READY) / 1000


def bench_viewer(folder: Path, repeat: int) -> None:
    from playwright.sync_api import sync_playwright

    store = open_store(folder / "store")
    info = describe(store)
    close_store(store)
    os.environ["no_proxy"] = os.environ["NO_PROXY"] = "*"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        first = Served(folder / "store")  # start-up alone: nothing else asks the server anything
        ready = first.searchable()
        first.stop()
        served = Served(folder / "store")
        try:
            page, cold = load_page(browser, served.url)  # as soon as it listens, as a user would
            cold_search, _ = page.evaluate(SEARCH, info["name"])
            page.context.close()
            served.searchable()
            warm, searches, opens, expands, grown = [], [], [], [], []
            for _ in range(repeat):
                page, seconds_ready = load_page(browser, served.url)
                warm.append(seconds_ready)
                took, found = page.evaluate(SEARCH, info["name"])
                assert found >= 1, found
                searches.append(took / 1000)
                opens.append(page.evaluate(SETTLED, page.evaluate(OPEN, info["hub"])) / 1000)
                t, before = page.evaluate(EXPAND)
                expands.append(page.evaluate(SETTLED, t) / 1000)
                grown.append(page.evaluate("graphkitServe.nodes.length") - before)
                page.context.close()
        finally:
            served.stop()
        browser.close()
    print(f"viewer at {info['entities']:,} entities, {info['quotes']:,} quotes, {info['quads']:,} quads "
          f"({folder.name}); headless Chromium, a fresh context a load; warm: median of {repeat}")
    print(f"server start-up: listening after {first.listening:.1f} s, search lists read after {ready:.1f} s")
    print("| step | seconds |")
    print("|---|---|")
    print(f"| time to interactive, page opened as the server starts listening | {cold:.2f} s |")
    print(f"| a search then (waits for the search lists) | {cold_search / 1000:.2f} s |")
    print(f"| time to interactive, warm server | {statistics.median(warm):.2f} s |")
    print(f"| a search (a full name: every name and quote scanned) | {statistics.median(searches):.2f} s |")
    print(f"| open the most mentioned person (neighbourhood drawn, panel filled) | {statistics.median(opens):.2f} s |")
    print(f"| expand one neighbour (+{statistics.median(grown):.0f} nodes, its panel filled) "
          f"| {statistics.median(expands):.2f} s |")
    print(f"target (issue 13): interactive <= 3 s at 100,000 entities: cold {cold:.2f} s "
          f"({cold / 3:.2f} of it), warm {statistics.median(warm):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=6_500)
    parser.add_argument("--viewer-articles", type=int, default=30_000)
    parser.add_argument("--pool", type=int, default=120_000, help="names the viewer's articles draw from")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data", type=Path, help="keep the generated stores here (and reuse them)")
    parser.add_argument("--only", choices=("sparql", "viewer"))
    args = parser.parse_args()
    base = args.data or Path(tempfile.mkdtemp(prefix="graphkit-serve-bench-"))
    try:
        if args.only != "viewer":
            folder = base / f"sparql-{args.articles}"
            make_store(folder, args.articles, 20_000)
            bench_sparql(folder, args.repeat)
        if args.only != "sparql":
            folder = base / f"viewer-{args.viewer_articles}-{args.pool}"
            make_store(folder, args.viewer_articles, args.pool)
            bench_viewer(folder, args.repeat)
    finally:
        if args.data is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
