"""Draw relations (or quotes) at random from a build of real news, for a careful reader to judge.

    python benchmarks/relation_sample.py [TEXT_DIR] [--n 100] [--seed 7] [--out FILE.tsv] [--graph G.ttl] [--quotes]

TEXT_DIR defaults to ../shared/benchmarks/polnear/dev/text (read at run
time). The build's statements (every status; facts and non-facts alike) are
sampled with a fixed seed, and each is written as one row of a TSV file
outside the repository (the rows quote the corpus, so they must not be
committed): id, status, subject, predicate label, object, claimed by, date,
rule, article, evidence sentence, and two empty columns, ``verdict``
(accept / reject) and ``class`` (why a rejected one is wrong), for the judge.

    python benchmarks/relation_sample.py --score FILE.tsv

reads a judged file back and prints the share accepted, by status and by
predicate, and the classes of the rejected ones.

With ``--quotes`` the rows are quotations instead (direct and indirect):
id, kind, the quoted words, speaker (empty: the graph names none), the
speaker's words as written, cue, article, and the text from a few hundred
characters before the quotation's sentence to its end, for judging whether
the speaker is right (a pronoun's antecedent lies before it).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEXT = REPO / ".." / "shared" / "benchmarks" / "polnear" / "dev" / "text"
COLUMNS = ["id", "status", "subject", "predicate", "object", "claimed_by", "date", "rule", "article", "evidence",
           "verdict", "class"]

QUERY = """
SELECT ?st ?status ?s ?p ?o ?claimant ?date ?rule ?article ?evidence WHERE {
  ?st a rdf:Statement ; rdf:subject ?sn ; rdf:predicate ?pn ; rdf:object ?on ; gk:status ?statusn ;
      gk:evidence ?evidence ; prov:wasDerivedFrom/schema:identifier ?article .
  ?sn rdfs:label ?s . ?on rdfs:label ?o . ?pn rdfs:label ?p . ?statusn rdfs:label ?status .
  OPTIONAL { ?st gk:rule ?rule }
  OPTIONAL { ?st gk:date ?date }
  OPTIONAL { ?st gk:claimedBy ?c . ?c rdfs:label ?claimant }
  OPTIONAL { ?st gk:claimedBy ?q . ?q schema:spokenByCharacter/rdfs:label ?claimant }
}
"""

QUOTE_COLUMNS = ["id", "kind", "quote", "speaker", "mention", "cue", "article", "context", "verdict", "class"]
QUOTE_QUERY = """
SELECT ?q ?kind ?text ?speaker ?mention ?cue ?article ?body ?start ?end WHERE {
  ?q a schema:Quotation ; schema:text ?text ; gk:quoteKind ?kind ; gk:sentenceStart ?start ; gk:sentenceEnd ?end ;
     schema:isPartOf ?a . ?a schema:identifier ?article ; schema:articleBody ?body .
  OPTIONAL { ?q schema:spokenByCharacter/rdfs:label ?speaker }
  OPTIONAL { ?q gk:speakerMention ?mention }
  OPTIONAL { ?q gk:cue ?cue }
}
"""
CONTEXT_BEFORE = 400  # characters before the quotation's sentence: where a "he" or "the minister" was named
PREFIXES = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "gk": "https://example.org/graphkit/ns#", "prov": "http://www.w3.org/ns/prov#",
            "schema": "https://schema.org/"}


def _store(graph_path: Path):
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(graph_path), format=ox.RdfFormat.TURTLE)
    vocab = (REPO / "graphkit" / "vocab.ttl").read_text(encoding="utf-8")
    store.load(vocab.encode("utf-8"), format=ox.RdfFormat.TURTLE)  # status labels
    return store


def draw_quotes(graph_path: Path, n: int, seed: int) -> list[dict]:
    rows: dict[str, dict] = {}
    for solution in _store(graph_path).query(QUOTE_QUERY, prefixes=PREFIXES):
        key = solution["q"].value
        if key in rows:
            continue
        body, start, end = solution["body"].value, int(solution["start"].value), int(solution["end"].value)
        rows[key] = {"id": key.rsplit("/", 2)[-2] + "/" + key.rsplit("/", 1)[-1], "kind": solution["kind"].value,
                     "quote": " ".join(solution["text"].value.split()),
                     "speaker": solution["speaker"].value if solution["speaker"] else "",
                     "mention": solution["mention"].value if solution["mention"] else "",
                     "cue": solution["cue"].value if solution["cue"] else "", "article": solution["article"].value,
                     "context": " ".join(body[max(0, start - CONTEXT_BEFORE):end].split()), "verdict": "", "class": ""}
    ordered = [rows[k] for k in sorted(rows)]
    return random.Random(seed).sample(ordered, min(n, len(ordered)))


def draw(graph_path: Path, n: int, seed: int) -> list[dict]:
    rows: dict[str, dict] = {}
    for solution in _store(graph_path).query(QUERY, prefixes=PREFIXES):
        key = solution["st"].value
        row = rows.setdefault(key, {"id": key.rsplit("/", 1)[-1], "status": solution["status"].value,
                                    "subject": solution["s"].value, "predicate": solution["p"].value,
                                    "object": solution["o"].value, "claimed_by": "", "date": "",
                                    "rule": "", "article": solution["article"].value,
                                    "evidence": " ".join(solution["evidence"].value.split()), "verdict": "",
                                    "class": ""})
        for field, var in (("claimed_by", "claimant"), ("date", "date"), ("rule", "rule")):
            if solution[var] is not None and not row[field]:
                row[field] = solution[var].value
    ordered = [rows[k] for k in sorted(rows)]
    return random.Random(seed).sample(ordered, min(n, len(ordered)))


def score(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r.get("verdict", "").strip()]
    if not rows:
        print(f"{path}: no judged rows (fill the verdict column with accept or reject)", file=sys.stderr)
        return 1
    accepted = [r for r in rows if r["verdict"].strip().lower().startswith("a")]
    print(f"accepted {len(accepted)} of {len(rows)} ({len(accepted) / len(rows):.2f})")
    for field in ("status", "predicate", "kind", "cue"):
        if field not in rows[0]:
            continue
        totals, good = Counter(r[field] for r in rows), Counter(r[field] for r in accepted)
        print(f"by {field}: " + ", ".join(f"{k} {good[k]}/{v}" for k, v in totals.most_common()))
    classes = Counter(r["class"].strip() or "(no class)" for r in rows if r not in accepted)
    print("rejected, by class: " + ", ".join(f"{k} {v}" for k, v in classes.most_common()))
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", nargs="?", default=str(TEXT))
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default=None, help="the TSV to write (default: a temporary file)")
    parser.add_argument("--graph", default=None, help="sample this graph instead of building one")
    parser.add_argument("--score", default=None, help="score a judged TSV and stop")
    parser.add_argument("--quotes", action="store_true", help="draw quotations and their speakers instead")
    args = parser.parse_args(argv)
    if args.score:
        return score(Path(args.score))
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="graphkit-sample-")) / "sample.tsv"
    if REPO in out.resolve().parents:
        print("the sample quotes the corpus: write it outside the repository", file=sys.stderr)
        return 1
    graph = Path(args.graph) if args.graph else out.with_suffix(".ttl")
    if not args.graph:
        import graphkit

        graphkit.build([Path(args.text)]).write_turtle(graph)
    rows = (draw_quotes if args.quotes else draw)(graph, args.n, args.seed)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, QUOTE_COLUMNS if args.quotes else COLUMNS, delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} {'quotes' if args.quotes else 'relations'} drawn (seed {args.seed}) -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
