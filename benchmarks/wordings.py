"""How many wordings of each relation family and status graphkit reads: batteries of invented sentences.

    .venv/bin/python benchmarks/wordings.py            # every battery
    .venv/bin/python benchmarks/wordings.py --misses   # and each sentence it does not read

Each file in benchmarks/wordings/ holds one sentence a line, written for
this check (no corpus text): ``family|sentence`` for the relation files, a
hit being any relation of that family in the sentence; ``status|sentence``
for status.txt, a hit being that the sentence's relations, at least one,
all have that status. The batteries measure breadth of wording,
not accuracy on news: the dev set and the judged samples do that.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "wordings"
sys.path.insert(0, str(HERE.parent.parent))

# relation families -> the predicates that count for them (generic verbs count as interactions)
FAMILIES = {
    "affiliation": {"worksFor", "memberOf", "holdsOfficeIn", "founder"},
    "location": {"location"},
    "presence": {"hasPresenceIn", "location"},
    "contained": {"containedInPlace"},
    "home": {"homeLocation", "birthPlace"},
    "org": {"parentOrganization", "owns", "acquired", "founder", "partner", "represents", "listedOn", "memberOf",
            "verb:merge"},
    "interaction": None,  # any predicate
}


def read(path: Path) -> list[tuple[str, str]]:
    return [tuple(line.split("|", 1)) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print each sentence not read")
    args = parser.parse_args()

    from graphkit.nlp.convert import entities_from_doc, relations_from_doc
    from graphkit.nlp.pipeline import get_pipeline

    nlp = get_pipeline()
    for path in sorted(HERE.glob("*.txt")):
        rows = read(path)
        hits = 0
        for want, text in rows:
            doc = nlp(text)
            names = {e.id: e.name for e in entities_from_doc(doc)}
            relations = relations_from_doc(doc)
            if path.stem == "status":
                hit = {r.status for r in relations} == {want}
            else:
                family = FAMILIES[want]
                hit = any(family is None or r.predicate in family for r in relations)
            hits += hit
            if args.misses and not hit:
                print(f"  miss {path.stem}: {text}  ->  "
                      f"{[(names[r.subject], r.predicate, names[r.object], r.status) for r in relations]}")
        print(f"{path.stem:13} {hits:3} / {len(rows):3}")


if __name__ == "__main__":
    main()
