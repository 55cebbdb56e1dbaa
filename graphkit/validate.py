"""Check a graph against graphkit's SHACL shapes (``graphkit/shapes.ttl``)."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from importlib import resources
from typing import NamedTuple

from rdflib import Graph
from rdflib.namespace import SH


class Violation(NamedTuple):
    focus: str
    path: str | None
    message: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.focus}{where}: {self.message}"


def shapes_graph() -> Graph:
    return Graph().parse(data=resources.files("graphkit").joinpath("shapes.ttl").read_text(encoding="utf-8"),
                         format="turtle")


_parsed = threading.local()  # while a validation runs in this thread: query text -> parsed query


def _install_query_cache() -> None:
    """Let rdflib's SPARQL processor reuse a parsed query while ``_queries_parsed_once`` is active.

    pyshacl hands each SPARQL constraint to rdflib as text once per focus node,
    and rdflib parses it every time (pyparsing, about 50 ms a parse): a graph
    with 2,000 mentions parsed the same three queries 2,000 times. A parsed and
    translated query is reusable with other bindings (it is what
    ``prepareQuery`` gives), so each is parsed once per validation.
    """
    from rdflib.plugins.sparql import processor

    if getattr(processor.SPARQLProcessor.query, "graphkit_cached", False):
        return
    original = processor.SPARQLProcessor.query

    def query(self, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):
        cache = getattr(_parsed, "cache", None)
        if cache is not None and isinstance(strOrQuery, str):
            key = (strOrQuery, base, tuple(sorted((str(k), str(v)) for k, v in (initNs or {}).items())))
            if key not in cache:
                cache[key] = processor.translateQuery(processor.parseQuery(strOrQuery), base, initNs)
            strOrQuery = cache[key]
        return original(self, strOrQuery, initBindings, initNs, base, DEBUG)

    query.graphkit_cached = True
    processor.SPARQLProcessor.query = query


@contextmanager
def _queries_parsed_once():
    _install_query_cache()
    _parsed.cache = {}
    try:
        yield
    finally:
        _parsed.cache = None


def validate(graph: Graph) -> list[Violation]:
    """The graph's SHACL violations; an empty list means it conforms.

    Shapes only speak of the nodes they target, so an empty file or a graph
    in another vocabulary would "conform": a graphkit graph has at least one
    article, and that is checked first.
    """
    import pyshacl
    from rdflib import RDF
    from rdflib.namespace import SDO

    if (None, RDF.type, SDO.NewsArticle) not in graph:
        return [Violation("graph", None, "no schema:NewsArticle: not a graph graphkit built (empty, or another vocabulary)")]

    with _queries_parsed_once():
        conforms, report, _ = pyshacl.validate(graph, shacl_graph=shapes_graph(), advanced=True, allow_warnings=True)
    if conforms:
        return []
    violations = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        path = report.value(result, SH.resultPath)
        violations.append(Violation(str(report.value(result, SH.focusNode)), str(path) if path else None,
                                    str(report.value(result, SH.resultMessage))))
    return sorted(violations)
