"""Score graphkit on the shared dev set, half by half, with the shared scorer.

    python benchmarks/devset.py [--half A|B|all] [--model NAME] [--verbose]

The dev set (../shared/eval/dev/, read at run time, never copied into the
repository) is split in two fixed halves: A holds the odd-numbered articles
(d01, d03, ...), B the even-numbered ones. Rules are developed against A;
B is reported beside it so a gain that only shows on A is seen for what it
is. Each half is built as its own corpus (so corpus-level identity is
exercised too) and scored by ../shared/eval/score.py against a gold file
holding only that half, written to a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV = REPO / ".." / "shared" / "eval" / "dev"
SCORER = REPO / ".." / "shared" / "eval" / "score.py"


def half_of(doc_id: str) -> str:
    """A for odd-numbered articles, B for even ones."""
    return "A" if int(doc_id.lstrip("d")) % 2 else "B"


def score_half(half: str, model: str | None, workdir: Path, verbose: bool) -> dict:
    import graphkit

    gold = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))
    ids = sorted(k for k in gold if not k.startswith("_") and (half == "all" or half_of(k) == half))
    gold_path = workdir / f"gold-{half}.json"
    gold_path.write_text(json.dumps({k: gold[k] for k in ids}), encoding="utf-8")
    kg = graphkit.build([DEV / "articles" / f"{k}.txt" for k in ids], model=model)
    graph = workdir / f"dev-{half}.ttl"
    kg.write_turtle(graph)
    command = [sys.executable, str(SCORER), str(graph), str(gold_path)]
    if verbose:
        print(f"--- half {half}")
        subprocess.call(command + ["--verbose"])
    return json.loads(subprocess.check_output(command + ["--json"]))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("A", "B", "all"), action="append",
                        help="which half to score (repeatable; default: A, B and all)")
    parser.add_argument("--model", default=None)
    parser.add_argument("--verbose", action="store_true", help="list every miss (the scorer's --verbose)")
    args = parser.parse_args(argv)
    halves = args.half or ["A", "B", "all"]
    workdir = Path(tempfile.mkdtemp(prefix="graphkit-dev-"))
    print(f"{'half':<5} {'ent-F1':>6} {'dup':>4} {'typed':>6} {'quote':>6} {'attr-F1':>7} {'rel-F1':>6} "
          f"{'typed-rel':>9} {'false-facts':>11}")
    for half in halves:
        s = score_half(half, args.model, workdir, args.verbose)
        e, q, r = s["entities"], s["quotes"], s["relations"]
        print(f"{half:<5} {e['f1']:6.3f} {e['duplicates']:4d} {e['typed_f1']:6.3f} {q['f1']:6.3f} "
              f"{q['attributed_f1']:7.3f} {r['f1']:6.3f} {r['typed_f1'] or 0:9.3f} "
              f"{r['false_facts']:>5}/{r['non_facts']:<5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
