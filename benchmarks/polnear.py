"""Build a graph from PolNeAR articles and score quotes and speakers with the shared scorer.

    python benchmarks/polnear.py [SPLIT_DIR] [--half A|B] [--model NAME] [--graph OUT.ttl] [--verbose]

SPLIT_DIR defaults to ../shared/benchmarks/polnear/dev relative to the
repository root (read at run time, never copied into the repository). The
graph is written outside the repository (a temporary folder unless --graph is
given), then ../shared/eval/score_polnear.py scores it.

``--half A`` or ``--half B`` scores one fixed half of the split: the articles
in name order, A the 1st, 3rd, 5th ..., B the 2nd, 4th, ... (rules are
developed against A, B is reported beside it). The half is a temporary
folder of symbolic links to the split's files.
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


def half_split(split: Path, half: str) -> Path:
    """A temporary split folder linking to every other article of ``split`` (A: 1st, 3rd, ...; B: 2nd, 4th, ...)."""
    names = sorted(p.stem for p in (split / "text").glob("*.txt"))
    chosen = names[0 if half == "A" else 1::2]
    folder = Path(tempfile.mkdtemp(prefix=f"polnear-{half}-"))
    (folder / "text").mkdir()
    (folder / "attributions").mkdir()
    for name in chosen:
        (folder / "text" / f"{name}.txt").symlink_to((split / "text" / f"{name}.txt").resolve())
        for ann in (split / "attributions").glob(f"{name}_*.ann"):
            (folder / "attributions" / ann.name).symlink_to(ann.resolve())
    return folder


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", nargs="?", default=str(SHARED / "benchmarks" / "polnear" / "dev"))
    parser.add_argument("--model", default=None)
    parser.add_argument("--graph", default=None, help="where to write the graph (default: a temporary file)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--half", choices=("A", "B"), default=None, help="score one fixed half of the split")
    parser.add_argument("--verbose", action="store_true", help="list every miss and misattribution")
    args = parser.parse_args(argv)

    import graphkit
    from graphkit.nlp.loader import choose_model, describe_model

    graph = Path(args.graph) if args.graph else Path(tempfile.mkdtemp()) / "polnear.ttl"
    split = Path(args.split) if args.half is None else half_split(Path(args.split), args.half)
    started = time.perf_counter()
    kg = graphkit.build([split / "text"], model=args.model, n_process=args.jobs)
    kg.write_turtle(graph)
    print(f"model {describe_model(choose_model(args.model))}; {kg}; built in {time.perf_counter() - started:.0f} s")
    command = [sys.executable, str(SHARED / "eval" / "score_polnear.py"), str(graph), str(split)]
    return subprocess.call(command + (["--verbose"] if args.verbose else []))


if __name__ == "__main__":
    sys.exit(main())
