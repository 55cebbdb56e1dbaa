"""Adding 100 articles to a graph store of 100 vs 5,000 articles, against --into on a Turtle file.

    python benchmarks/store.py [--small 100] [--large 5000] [--batch 100] [--repeat 3]

No model runs: the articles are benchmarks/synthetic.py's DocResults, so
what is timed is the graph stage: for the store, ``GraphStore.add`` (index
look-ups, resolution of the names touched, the RDF change in one Oxigraph
transaction); for ``--into``, what ``graphkit build NEW --into graph.ttl``
does after the model (read the Turtle file back, merge, write it again).
The same 100 new articles are added to both sizes, in one run, and each
timing is the best of ``--repeat`` fresh copies; the figures printed are
seconds and the large/small ratios (the corpus grows 50x).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from synthetic import synthetic_results

from graphkit.graph.corpus import merge_results
from graphkit.graph.load import load_corpus
from graphkit.kg import KnowledgeGraph
from graphkit.store import GraphStore


def make_store(folder: Path, results, chunk: int = 500) -> None:
    for start in range(0, len(results), chunk):  # as a user would fill it: batch after batch
        with GraphStore(folder) as store:
            store.add(results[start:start + chunk])


STATS = {}


def time_store(base: Path, work: Path, new) -> float:
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(base, work)
    started = time.perf_counter()
    with GraphStore(work) as store:  # opening and closing the store count too
        stats = store.add(new)
    seconds = time.perf_counter() - started
    assert stats.added == len(new), stats
    STATS[base.name] = stats
    return seconds


def time_into(base: Path, work: Path, new) -> float:
    shutil.copyfile(base, work)
    started = time.perf_counter()
    corpus, base_iri = load_corpus(work)
    corpus, _ = merge_results(new, corpus)
    KnowledgeGraph(corpus, base_iri).write_turtle(work)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = list(synthetic_results(args.large + args.batch))
    new = results[args.large:]
    rows = {}
    with tempfile.TemporaryDirectory(prefix="graphkit-store-bench-") as tmp:
        tmp = Path(tmp)
        for size in (args.small, args.large):
            t = time.perf_counter()
            make_store(tmp / f"store-{size}", results[:size])
            KnowledgeGraph(merge_results(results[:size])[0]).write_turtle(tmp / f"graph-{size}.ttl")
            print(f"made a store and a Turtle file of {size:,} articles in {time.perf_counter() - t:.1f} s",
                  file=sys.stderr)
        for size in (args.small, args.large):
            rows[("store", size)] = min(time_store(tmp / f"store-{size}", tmp / "work-store", new)
                                        for _ in range(args.repeat))
            rows[("into", size)] = min(time_into(tmp / f"graph-{size}.ttl", tmp / "work.ttl", new)
                                       for _ in range(args.repeat))
    print(f"adding {args.batch} articles (best of {args.repeat}); the corpus grows {args.large / args.small:.0f}x")
    print(f"| path | at {args.small:,} articles | at {args.large:,} articles | ratio |")
    print("|---|---|---|---|")
    for path, label in (("store", "--store DIR"), ("into", "--into graph.ttl")):
        small, large = rows[(path, args.small)], rows[(path, args.large)]
        print(f"| {label} | {small:.2f} s | {large:.2f} s | {large / small:.2f}x |")
    for size in (args.small, args.large):
        s = STATS[f"store-{size}"]
        print(f"store at {size:,}: {s.entities_changed} entity descriptions written ({s.quads_removed} triples "
              f"removed, {s.quads_added:,} added), {s.articles_rewritten} stored articles rewritten")
    print(f"at {args.large:,} articles the store adds {rows[('into', args.large)] / rows[('store', args.large)]:.0f}x "
          "faster than --into")


if __name__ == "__main__":
    main()
