"""Dump what graphkit's components store in ``doc._`` for a set of articles, and compare two dumps.

A safety net for speed work: an optimisation must leave every output as it was.

    .venv/bin/python benchmarks/equivalence.py dump /tmp/gk/perf/before.json        # first 200 PolNeAR train articles
    .venv/bin/python benchmarks/equivalence.py dump /tmp/gk/perf/after.json
    .venv/bin/python benchmarks/equivalence.py compare /tmp/gk/perf/before.json /tmp/gk/perf/after.json

``dump --parsed FILE`` keeps the model's output (a DocBin) in FILE and, when
FILE exists, runs only graphkit's components over it: a check in seconds
instead of a minute. The authoritative check runs the whole pipeline (no
``--parsed``). Dumps are written outside the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = Path(os.environ.get("GRAPHKIT_BENCH_TEXTS", ROOT.parent / "shared" / "benchmarks" / "polnear" / "train" / "text"))
FIELDS = ("graphkit_entities", "graphkit_references", "graphkit_quotes", "graphkit_relations")


def texts(folder: Path, limit: int) -> list[tuple[str, str]]:
    """(file name, article text as a build reads it) of the first ``limit`` articles, sorted by name."""
    from graphkit.sources import iter_articles

    paths = sorted(p for p in folder.iterdir() if p.suffix == ".txt")[:limit]
    warnings.simplefilter("ignore")
    return [(Path(a.source).name, a.text) for a in iter_articles(paths, dedupe=False)]


def parsed_docs(nlp, articles: list[str], cache: Path | None):
    """The model's docs for ``articles``: parsed now, or read back from ``cache`` (a DocBin)."""
    from spacy.tokens import DocBin

    model = [name for name in nlp.pipe_names if not name.startswith("graphkit_") or name == "graphkit_paragraphs"]
    if cache and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    with nlp.select_pipes(enable=model):
        docs = list(nlp.pipe(articles, batch_size=64))
    if cache:
        DocBin(store_user_data=False, docs=docs).to_disk(cache)
    return docs


def dump(out: Path, limit: int, model: str | None, cache: Path | None) -> None:
    from graphkit.nlp.pipeline import COMPONENTS, get_pipeline

    nlp = get_pipeline(model)
    articles = texts(TEXTS, limit)
    if cache:
        docs = parsed_docs(nlp, [t for _, t in articles], cache)
        for doc in docs:
            for name in COMPONENTS:
                doc = nlp.get_pipe(name)(doc)
    else:
        docs = list(nlp.pipe((t for _, t in articles), batch_size=64))
    result = {name: {field: getattr(doc._, field) for field in FIELDS} for (name, _), doc in zip(articles, docs)}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, sort_keys=True, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(result)} docs -> {out}")


def compare(before: Path, after: Path) -> int:
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (before, after))
    differ = [name for name in sorted(a.keys() | b.keys()) if a.get(name) != b.get(name)]
    for name in differ[:10]:
        fields = [f for f in FIELDS if (a.get(name) or {}).get(f) != (b.get(name) or {}).get(f)]
        print(f"differs: {name}: {', '.join(fields)}")
    print(f"{len(a)} / {len(b)} docs compared: {'identical' if not differ else f'{len(differ)} differ'}")
    return 1 if differ else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--limit", type=int, default=200)
    d.add_argument("--model", default=None)
    d.add_argument("--parsed", type=Path, default=None, help="DocBin of the model's output, made if missing")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out, args.limit, args.model, args.parsed)
    else:
        sys.exit(compare(args.before, args.after))


if __name__ == "__main__":
    main()
