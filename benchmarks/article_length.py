"""Build time against article length: graphkit's pipeline and the bare spaCy model on the same long texts.

    python benchmarks/article_length.py [--sizes 10,25,50,100] [--model NAME]

Each text is made at run time by joining PolNeAR train articles
(../shared/benchmarks/polnear/train/text, never copied here) until it is
SIZE kB long, so names recur across the text as they do in a long article.
For each size it prints the CPU seconds of the bare model and of graphkit's
full pipeline (model plus components) on that text, their ratio, and the
seconds per 10 kB. Linear time shows as a flat "s / 10 kB" column and a ratio
that does not grow with the size; a per-mention scan of the document (issue
15 measured 2.4 s at 18 kB against 33.5 s at 72 kB) shows as both growing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEXT = REPO / ".." / "shared" / "benchmarks" / "polnear" / "train" / "text"


def long_text(size_kb: int) -> str:
    parts, total = [], 0
    for path in sorted(TEXT.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        parts.append(text)
        total += len(text) + 2
        if total >= size_kb * 1000:
            break
    return "\n\n".join(parts)[: size_kb * 1000]


def cpu_seconds(nlp, text: str) -> float:
    started = time.process_time()
    nlp(text)
    return time.process_time() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,25,50,100", help="article sizes in kB, comma-separated")
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)
    if not TEXT.is_dir():
        print(f"{TEXT}: not found (the PolNeAR train texts are read from ../shared at run time)", file=sys.stderr)
        return 1
    import graphkit

    bare = graphkit.load_nlp(args.model, components=False)
    full = graphkit.load_nlp(args.model)
    for nlp in (bare, full):
        nlp.max_length = 2_000_000
        nlp("Warm-up: Jane Roe met John Doe in Paris.")
    print(f"{'kB':>5} {'bare s':>8} {'graphkit s':>11} {'ratio':>6} {'s / 10 kB':>10}")
    for size in (int(s) for s in args.sizes.split(",")):
        text = long_text(size)
        plain, ours = cpu_seconds(bare, text), cpu_seconds(full, text)
        print(f"{len(text) // 1000:>5} {plain:>8.2f} {ours:>11.2f} {ours / plain:>6.2f} {ours / (len(text) / 10_000):>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
