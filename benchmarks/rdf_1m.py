"""graphkit's RDF path vs plain rdflib on a synthetic 1M-triple graph, in one run.

    python benchmarks/rdf_1m.py [--articles N]

Builds a corpus of synthetic articles in graphkit's vocabulary (no model runs;
~100 triples per article, 10,000 articles ~ 1M triples), then times:

  write   graphkit: KnowledgeGraph.write_turtle, from the merged corpus
          (N-Triples lines, sorted, Turtle through Oxigraph; deterministic)
          rdflib:   Graph.serialize(format="turtle") of the same graph
  load    graphkit: the Turtle file into an Oxigraph store (what `graphkit query` does)
          rdflib:   Graph().parse(file)
  query   a two-hop query (entities two relations away from the most connected one),
          graphkit: Oxigraph SPARQL; rdflib: Graph.query

and prints seconds and the rdflib/graphkit ratio for each.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from synthetic import synthetic_results

TWO_HOPS = """
SELECT (COUNT(DISTINCT ?y) AS ?n) WHERE {
  ?x ?p1 ?m . ?m ?p2 ?y .
  ?p1 a rdf:Property . ?p2 a rdf:Property .
  FILTER(?x = <%s> && ?y != ?x)
}"""
PREFIXES = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"


def timed(label: str, results: dict, func):
    started = time.perf_counter()
    value = func()
    results[label] = time.perf_counter() - started
    return value


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args(argv)

    from rdflib import Graph

    from graphkit import places
    from graphkit.export.rdf_io import run_query
    from graphkit.graph.corpus import merge_results
    from graphkit.graph.iris import IRIs
    from graphkit.kg import KnowledgeGraph
    from graphkit.query_cli import load_store

    times: dict[str, float] = {}
    corpus, _ = timed("merge", times, lambda: merge_results(synthetic_results(args.articles)))
    kg = KnowledgeGraph(corpus)
    places.lookup("")  # load the gazetteer (a one-off second per process) outside the timings
    folder = Path(tempfile.mkdtemp())
    gk_path, rdflib_path = folder / "graphkit.ttl", folder / "rdflib.ttl"
    timed("graphkit write", times, lambda: kg.write_turtle(gk_path))  # from the corpus: triples, sort, Turtle
    graph = timed("rdflib parse", times, lambda: Graph().parse(str(gk_path), format="turtle"))
    triples = len(graph)
    timed("rdflib write", times, lambda: graph.serialize(destination=str(rdflib_path), format="turtle"))
    store = timed("graphkit load", times, lambda: load_store(str(gk_path)))
    times["rdflib load"] = times["rdflib parse"]
    hub = max(corpus.entities, key=lambda k: corpus.entities[k].mentions)
    query = TWO_HOPS % IRIs(kg.base_iri).entity(hub)
    gk_rows = timed("graphkit query", times, lambda: run_query(store, PREFIXES + query)[1])
    rdflib_rows = timed("rdflib query", times, lambda: list(graph.query(PREFIXES + query)))
    assert int(gk_rows[0]["n"]) == int(rdflib_rows[0][0]), (gk_rows, rdflib_rows)

    print(f"{args.articles:,} synthetic articles, {triples:,} triples (corpus merge {times['merge']:.1f} s)")
    print(f"{'step':8} {'graphkit s':>11} {'rdflib s':>10} {'rdflib/graphkit':>16}")
    for step in ("write", "load", "query"):
        g, r = times[f"graphkit {step}"], times[f"rdflib {step}"]
        print(f"{step:8} {g:11.2f} {r:10.2f} {r / g:15.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
