"""Report corpus-level entity identity problems in a graph built from news articles.

    python benchmarks/identity.py [TEXT_DIR] [--limit N] [--graph OUT.ttl] [--from-graph GRAPH.ttl]
                                  [--model NAME] [--top 20]

TEXT_DIR defaults to ../shared/benchmarks/polnear/train/text relative to the
repository root (read at run time, never copied into the repository); --limit
N builds only the first N files in sorted order. The graph is written outside
the repository (a temporary folder unless --graph is given); --from-graph
skips the build and analyses an existing Turtle file. The analysis reads only
the RDF, as a SPARQL user would: label collisions, distinct IRIs with equal
normalised labels, persons split by surname, entities named only by an
abbreviation, and the most-mentioned entities with their aliases.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

from rdflib import RDF, RDFS, Graph
from rdflib.namespace import SDO, SKOS

from graphkit.graph.vocab import GK

REPO = Path(__file__).resolve().parent.parent
TEXT = REPO / ".." / "shared" / "benchmarks" / "polnear" / "train" / "text"
SCHEMA = "https://schema.org/"
# schema.org's Person, Organization and Place and the subclasses an entity might carry.
ENTITY_CLASSES = {SCHEMA + name for name in (
    "Person Organization Corporation GovernmentOrganization PoliticalParty NewsMediaOrganization "
    "EducationalOrganization CollegeOrUniversity SportsOrganization SportsTeam NGO WorkersUnion "
    "MedicalOrganization ResearchOrganization PerformingGroup Airline Consortium LocalBusiness "
    "Place AdministrativeArea Country State City SchoolDistrict Continent Landform BodyOfWater "
    "CivicStructure LandmarksOrHistoricalBuildings TouristAttraction Residence").split()}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
EXAMPLES = 10


class Entity(NamedTuple):
    iri: str
    types: tuple[str, ...]  # schema.org local names
    labels: tuple[str, ...]
    aliases: tuple[str, ...]
    mentions: int | None  # gk:mentionCount, when the graph carries one
    articles: int  # subjects linking to it by schema:mentions


def entities(g: Graph) -> list[Entity]:
    """Every subject with an rdfs:label and a schema.org person, organization or place type."""
    found = []
    for s in sorted({s for s, t in g.subject_objects(RDF.type) if str(t) in ENTITY_CLASSES}):
        labels = tuple(sorted({str(o) for o in g.objects(s, RDFS.label)}))
        if not labels:
            continue
        types = tuple(sorted(str(t)[len(SCHEMA):] for t in g.objects(s, RDF.type) if str(t) in ENTITY_CLASSES))
        count = g.value(s, GK.mentionCount)
        found.append(Entity(str(s), types, labels, tuple(sorted({str(o) for o in g.objects(s, SKOS.altLabel)})),
                            int(count) if count is not None else None, len(set(g.subjects(SDO.mentions, s)))))
    return found


def normalise(name: str) -> str:
    """NFKD, no accents, casefolded, dashes as spaces, other punctuation dropped, no leading "the"."""
    text = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()
    text = "".join(" " if unicodedata.category(c) == "Pd" else c for c in text)
    text = re.sub(r"[^\w\s]|_", "", text)
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def label_collisions(g: Graph, ents: list[Entity] | None = None) -> list[tuple[str, tuple[str, ...]]]:
    """IRIs carrying two or more distinct rdfs:label values."""
    return [(e.iri, e.labels) for e in ents or entities(g) if len(e.labels) > 1]


def equal_normalised(g: Graph, ents: list[Entity] | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """Groups of two or more entity IRIs whose labels normalise alike: (key, [(iri, label), ...])."""
    groups = defaultdict(dict)
    for e in ents or entities(g):
        for label in e.labels:
            if normalise(label):
                groups[normalise(label)].setdefault(e.iri, label)
    return [(key, sorted(members.items())) for key, members in sorted(groups.items()) if len(members) > 1]


def _words(label: str) -> list[str]:
    words = normalise(label).split()
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return words


def split_persons(g: Graph, ents: list[Entity] | None = None) -> list[tuple[str, str, str, str]]:
    """Single-word person nodes equal to the surname of exactly one multi-word person: (iri, label, full iri, full)."""
    persons = [e for e in ents or entities(g) if "Person" in e.types]
    by_surname = defaultdict(dict)
    for e in persons:
        for label in e.labels:
            if len(_words(label)) > 1:
                by_surname[_words(label)[-1]].setdefault(e.iri, label)
    found = []
    for e in persons:
        for label in e.labels:
            words = normalise(label).split()
            full = {i: f for i, f in by_surname.get(words[0], {}).items() if i != e.iri} if len(words) == 1 else {}
            if len(full) == 1:
                found.append((e.iri, label, *next(iter(full.items()))))
                break
    return found


def is_abbreviation(name: str) -> bool:
    letters = name.replace(".", "")
    return (letters.isalpha() and letters.isupper() and len(letters) <= 6) or (name.endswith(".") and len(name) <= 5)


def abbreviation_only(g: Graph, ents: list[Entity] | None = None) -> list[tuple[str, tuple[str, ...]]]:
    """Entities whose label and every altLabel is an abbreviation ("FBI", "U.S.", "Va.")."""
    return [(e.iri, e.labels + e.aliases) for e in ents or entities(g)
            if all(is_abbreviation(n) for n in e.labels + e.aliases)]


def top_entities(g: Graph, n: int = 20, ents: list[Entity] | None = None) -> list[Entity]:
    """The n most-mentioned entities: by gk:mentionCount when present, else by articles mentioning them."""
    key = lambda e: (-(e.mentions if e.mentions is not None else e.articles), e.iri)  # noqa: E731
    return sorted(ents or entities(g), key=key)[:n]


def short(iri: str) -> str:
    return re.sub(r"^.*?/id/", "", iri)


def report(title: str, rows: list, show) -> int:
    print(f"\n{title}: {len(rows)}")
    for row in rows[:EXAMPLES]:
        print("  " + show(row))
    return len(rows)


def analyse(g: Graph, top: int, check: bool = True) -> str:
    from graphkit.validate import validate

    articles = len(set(g.subjects(RDF.type, SDO.NewsArticle)))
    ents = entities(g)
    print(f"articles {articles}, entities {len(ents)}, triples {len(g)}")
    violations = validate(g) if check else []
    print("validate: conforms" if not violations else f"validate: {len(violations)} violations")
    for v in violations[:5]:
        print(f"  {v}")
    quoted = lambda names: ", ".join(f'"{n}"' for n in names)  # noqa: E731
    counts = [
        report("label collisions", label_collisions(g, ents), lambda r: f"{short(r[0])}: {quoted(r[1])}"),
        report("equal normalised labels", equal_normalised(g, ents),
               lambda r: f'"{r[0]}": ' + "; ".join(f'{short(i)} "{lab}"' for i, lab in r[1])),
        report("split persons (surname test)", split_persons(g, ents),
               lambda r: f'{short(r[0])} "{r[1]}" beside {short(r[2])} "{r[3]}"'),
        report("abbreviation-only entities", abbreviation_only(g, ents), lambda r: f"{short(r[0])}: {quoted(r[1])}"),
    ]
    counted = "gk:mentionCount" if any(e.mentions is not None for e in ents) else "articles mentioning"
    print(f"\ntop {top} entities by {counted} (mentions, articles, type, label, aliases)")
    for e in top_entities(g, top, ents):
        more = f" (+{len(e.aliases) - 8})" if len(e.aliases) > 8 else ""
        print(f"  {e.mentions if e.mentions is not None else '-':>5} {e.articles:>4} art  {'/'.join(e.types):<14} "
              f"{' | '.join(e.labels)}  aka {quoted(e.aliases[:8]) or '-'}{more}")
    return ("identity: label-collisions {} equal-normalised {} split-persons {} abbreviation-only {} validate {}"
            .format(*counts, "FAIL" if violations else "ok" if check else "skipped"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", nargs="?", default=str(TEXT))
    parser.add_argument("--limit", type=int, default=None, help="build only the first N files (sorted)")
    parser.add_argument("--graph", default=None, help="where to write the graph (default: a temporary file)")
    parser.add_argument("--from-graph", default=None, help="analyse this Turtle file instead of building")
    parser.add_argument("--model", default=None)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--no-validate", action="store_true", help="skip the SHACL check (minutes at 800 articles)")
    args = parser.parse_args(argv)

    if args.from_graph:
        graph = Path(args.from_graph)
    else:
        import graphkit

        paths = sorted(p for p in Path(args.text).iterdir() if p.is_file())[:args.limit]
        graph = Path(args.graph) if args.graph else Path(tempfile.mkdtemp(prefix="graphkit-identity-")) / "identity.ttl"
        started = time.perf_counter()
        try:
            kg = graphkit.build(paths, model=args.model)
            kg.write_turtle(graph)
        except Exception as error:  # noqa: BLE001 - any build failure ends the benchmark
            print(f"build failed: {type(error).__name__}: {error}", file=sys.stderr)
            return 1
        print(f"{len(paths)} files; {kg}; built in {time.perf_counter() - started:.0f} s; graph {graph}")
    summary = analyse(Graph().parse(graph, format="turtle"), args.top, check=not args.no_validate)
    print(f"\n{summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
