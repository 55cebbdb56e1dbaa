"""Time to interactive of the HTML viewer on a synthetic 2,000-entity graph.

    .venv/bin/python benchmarks/html_2000.py [--nodes 2000] [--runs 3] [--keep out.html]

Builds a scale-free graph shaped like graphkit.graph's output (names, types,
aliases, mentions, quotes, relations with evidence), renders the page, opens
it from file:// in Debian's headless Chromium with the network blocked and
reports the time from navigation start until the page sets
``window.graphkitReady`` (layout stabilised, physics off, first frame drawn).
Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from graphkit.export.html import render_html

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]
TYPES = [("Person", "Person"), ("Organization", "Organization"), ("Place", "Country"), ("Place", "City")]
LABELS = ["member of", "works for", "based in", "met with", "located in", "criticize", "support", "visit"]


def synthetic_graph(n: int, seed: int = 1) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    skeleton = nx.barabasi_albert_graph(n, 2, seed=seed)
    g = nx.MultiDiGraph()
    g.graph["articles"] = {f"a{i}": {"title": f"Article {i}", "url": f"https://news.example/{i}",
                                     "published": "2024-07-10"} for i in range(max(1, n // 10))}
    articles = list(g.graph["articles"])
    for node in skeleton:
        coarse, fine = rng.choice(TYPES)
        seen_in = rng.sample(articles, k=min(len(articles), 1 + skeleton.degree(node) // 3))
        g.add_node(
            f"https://graphkit.example/entity/{node}", name=f"{coarse} {node}", type=coarse, schema_type=fine,
            aliases=[f"E{node}"], roles=["Minister"] if coarse == "Person" and node % 5 == 0 else [],
            mentions=skeleton.degree(node) + rng.randint(0, 5), articles=seen_in,
            quotes=[{"text": f"Quote {node}", "article": seen_in[0], "kind": "direct", "cue": "say"}]
            if coarse == "Person" else [])
    for u, v in skeleton.edges:
        label = rng.choice(LABELS)
        g.add_edge(f"https://graphkit.example/entity/{u}", f"https://graphkit.example/entity/{v}",
                   predicate=f"https://graphkit.example/vocab#{label.replace(' ', '_')}", label=label,
                   evidence=f"Sentence stating that {u} {label} {v}.", article=rng.choice(articles),
                   start=0, end=10, rule="synthetic", role=None, claimed_by=None)
    return g


def time_to_interactive(page_path: Path, runs: int) -> list[tuple[float, float, dict]]:
    """Per run: ms from navigation start to graphkitReady, wall ms around goto+wait,
    and the page's own performance marks (script start, data, network built, stabilised, ready)."""
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:"))
                          else r.abort())
            page = context.new_page()
            started = time.perf_counter()
            page.goto(page_path.as_uri())
            page.wait_for_function("() => window.graphkitReady === true", timeout=120_000, polling=50)
            wall = (time.perf_counter() - started) * 1000
            marks = page.evaluate("() => Object.fromEntries(performance.getEntriesByType('mark')"
                                  ".map(m => [m.name.replace('graphkit:', ''), Math.round(m.startTime)]))")
            results.append((page.evaluate("window.graphkitReadyAt"), wall, marks))
            context.close()
        browser.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-nodes", type=int, default=None)
    parser.add_argument("--keep", type=Path, help="also write the page here")
    args = parser.parse_args(argv)

    g = synthetic_graph(args.nodes)
    started = time.perf_counter()
    page = render_html(g, title=f"synthetic {args.nodes}", max_nodes=args.max_nodes)
    render_ms = (time.perf_counter() - started) * 1000
    print(f"graph: {g.number_of_nodes():,} entities, {g.number_of_edges():,} relations")
    print(f"render_html: {render_ms:.0f} ms, page {len(page.encode()) / 1e6:.2f} MB")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.html"
        path.write_text(page, encoding="utf-8")
        if args.keep:
            args.keep.write_text(page, encoding="utf-8")
        results = time_to_interactive(path, args.runs)
    for i, (ready, wall, marks) in enumerate(results, 1):
        phases = ", ".join(f"{name} {ms:,}" for name, ms in marks.items())
        print(f"run {i}: interactive {ready:,.0f} ms after navigation start (wall {wall:,.0f} ms; marks: {phases})")
    best = min(r for r, _, _ in results)
    median = sorted(r for r, _, _ in results)[len(results) // 2]
    print(f"time to interactive, {args.nodes:,} entities: median {median:,.0f} ms, best {best:,.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
