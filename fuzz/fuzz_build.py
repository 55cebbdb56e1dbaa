"""Fuzz graphkit with hypothesis: ≥ 10,000 inputs at each of seven levels.

    .venv/bin/python fuzz/fuzz_build.py                      # 10,000 of each (see the README for the time)
    .venv/bin/python fuzz/fuzz_build.py --pipeline 1000       # fewer through spaCy
    .venv/bin/python fuzz/fuzz_build.py --bytes 0 --graph 0 --pipeline 0   # only issue 15's classes

1. ``bytes``: arbitrary bytes saved as .txt/.html/.jsonl files, read by
   ``graphkit.sources``: every failure must come through ``on_error``, never
   as an exception.
2. ``graph``: generated ``DocResult`` objects (hostile names, quotes, titles,
   URLs, ids) through the stages after NLP: corpus merge, RDF, Turtle /
   N-Triples / JSON-LD, NetworkX and the HTML page (1 graph in 5). Every IRI
   valid, every serialisation parsed back by rdflib and Oxigraph, the page's
   data block intact, and the graph passes ``graphkit validate``.
3. ``pipeline``: generated article texts with hostile names and quotes
   through ``graphkit.build`` (spaCy included, 20 articles per build), with
   the same checks, validate included, on each batch's graph.
4-7. ``collisions``, ``quads``, ``into``, ``sparql``: issue 15's classes
   (colliding ids and names, TriG/N-Quads and reloading, hostile ``--into``
   graphs, SPARQL with SERVICE / FROM / ill-typed literals); see
   fuzz_classes.py, whose docstring says what one input is and what must hold.

Prints one line per level: inputs run, failures, seconds (into and sparql
also count their outcomes); exits 1 on any failure, after printing the first
failing input of each level.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import hostile  # noqa: E402

sys.path.insert(0, str(ROOT / "fuzz"))
import fuzz_classes  # noqa: E402

ALLOWED_ERRORS = ("empty, no text", "only whitespace, no text", "no text besides control characters")


class Level:
    def __init__(self, name: str):
        self.name, self.inputs, self.failures, self.first = name, 0, 0, None
        self.started = time.perf_counter()

    def add(self, count: int = 1) -> None:
        before, self.inputs = self.inputs, self.inputs + count
        if before // 1000 != self.inputs // 1000:  # progress on stderr, every 1,000 inputs
            print(f"{self.name}: {self.inputs} inputs, {self.failures} failures, "
                  f"{time.perf_counter() - self.started:.0f} s", file=sys.stderr, flush=True)

    def fail(self, example) -> None:
        self.failures += 1
        if self.first is None:
            self.first = (repr(example)[:2000], traceback.format_exc())

    def report(self) -> dict:
        result = {"level": self.name, "inputs": self.inputs, "failures": self.failures,
                  "seconds": round(time.perf_counter() - self.started, 1)}
        print(json.dumps(result), flush=True)
        if self.first:
            print(f"first failing input: {self.first[0]}\n{self.first[1]}", file=sys.stderr)
        return result


def run(strategies: tuple, body, examples: int) -> None:
    """Run ``body`` on ``examples`` generated inputs (a fresh hypothesis test each call)."""
    test = given(st.tuples(*strategies))(lambda args: body(*args))
    settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
             suppress_health_check=list(HealthCheck))(test)()


def fuzz_bytes(n: int) -> dict:
    from graphkit.sources import iter_articles

    level = Level("bytes")
    folder = Path(tempfile.mkdtemp(prefix="gk-fuzz-"))
    suffixes = [".txt", ".html", ".jsonl", ".md"]

    strategies = (st.binary(max_size=2000) | st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
                  st.sampled_from(suffixes))

    def test(data, suffix):
        level.add()
        path = folder / f"f{level.inputs % 50}{suffix}"
        path.write_bytes(data)
        try:
            for article in iter_articles([path], on_error=lambda s, m: None, on_warning=lambda s, m: None):
                article.text.encode("utf-8")  # no lone surrogates
                assert article.text.strip()
        except Exception:  # noqa: BLE001 - counting every failure is the point
            level.fail(data)

    while level.inputs < n:
        run(strategies, test, n - level.inputs)
    return level.report()


def fuzz_graph(n: int) -> dict:
    from graphkit.graph.corpus import merge_results
    from graphkit.kg import KnowledgeGraph

    level = Level("graph")

    def test(results):
        level.add(len(results))  # one input: one article's results
        try:
            corpus, _ = merge_results(results)
            kg = KnowledgeGraph(corpus)
            hostile.check_graph(kg, html=level.inputs % 10 < 2)  # the page is slow: 1 in 5
            violations = kg.validate()
            assert not violations, violations[:3]
        except Exception:  # noqa: BLE001
            level.fail(results)

    while level.inputs < n:
        run((st.lists(hostile.doc_results(), min_size=1, max_size=5),), test, max(1, (n - level.inputs) // 3))
    return level.report()


def fuzz_pipeline(n: int, batch: int) -> dict:
    import graphkit
    from graphkit.nlp.pipeline import get_pipeline

    get_pipeline()
    level = Level("pipeline")

    def test(texts):
        level.add(len(texts))
        try:
            problems = []
            kg = graphkit.build(texts, on_error=lambda s, m: problems.append(m), on_warning=lambda s, m: None,
                                batch_size=batch)
            assert all(m in ALLOWED_ERRORS for m in problems), problems
            hostile.check_graph(kg)
            violations = kg.validate()
            assert not violations, violations[:3]
        except Exception:  # noqa: BLE001
            level.fail(texts)

    while level.inputs < n:  # examples that overrun hypothesis' buffer are not run: go on until n
        run((st.lists(hostile.articles(), min_size=batch, max_size=batch),), test,
            max(1, -(-(n - level.inputs) // batch)))
    return level.report()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bytes", type=int, default=10_000)
    parser.add_argument("--graph", type=int, default=10_000)
    parser.add_argument("--pipeline", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=20, help="articles per build in the pipeline level")
    parser.add_argument("--collisions", type=int, default=10_000)
    parser.add_argument("--quads", type=int, default=10_000)
    parser.add_argument("--into", type=int, default=10_000)
    parser.add_argument("--sparql", type=int, default=10_000)
    args = parser.parse_args()
    results = []
    if args.bytes:
        results.append(fuzz_bytes(args.bytes))
    if args.graph:
        results.append(fuzz_graph(args.graph))
    if args.pipeline:
        results.append(fuzz_pipeline(args.pipeline, args.batch))
    for name, fuzz in (("collisions", fuzz_classes.fuzz_collisions), ("quads", fuzz_classes.fuzz_quads),
                       ("into", fuzz_classes.fuzz_into), ("sparql", fuzz_classes.fuzz_sparql)):
        if getattr(args, name):
            results.append(fuzz(getattr(args, name), Level, run))
    return 1 if any(r["failures"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
