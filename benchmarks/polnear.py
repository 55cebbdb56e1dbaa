"""Build a graph from PolNeAR articles and score quotes and speakers with the shared scorer.

    python benchmarks/polnear.py [SPLIT_DIR] [--model NAME] [--graph OUT.ttl] [--verbose]

SPLIT_DIR defaults to ../shared/benchmarks/polnear/dev relative to the
repository root (read at run time, never copied into the repository). The
graph is written outside the repository (a temporary folder unless --graph is
given), then ../shared/eval/score_polnear.py scores it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO / ".." / "shared"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", nargs="?", default=str(SHARED / "benchmarks" / "polnear" / "dev"))
    parser.add_argument("--model", default=None)
    parser.add_argument("--graph", default=None, help="where to write the graph (default: a temporary file)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--verbose", action="store_true", help="list every miss and misattribution")
    args = parser.parse_args(argv)

    import graphkit
    from graphkit.nlp.loader import choose_model, describe_model

    graph = Path(args.graph) if args.graph else Path(tempfile.mkdtemp()) / "polnear.ttl"
    started = time.perf_counter()
    kg = graphkit.build([Path(args.split) / "text"], model=args.model, n_process=args.jobs)
    kg.write_turtle(graph)
    print(f"model {describe_model(choose_model(args.model))}; {kg}; built in {time.perf_counter() - started:.0f} s")
    command = [sys.executable, str(SHARED / "eval" / "score_polnear.py"), str(graph), args.split]
    return subprocess.call(command + (["--verbose"] if args.verbose else []))


if __name__ == "__main__":
    sys.exit(main())
