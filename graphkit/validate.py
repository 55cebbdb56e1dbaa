"""Check a graph against graphkit's SHACL shapes (``graphkit/shapes.ttl``)."""

from __future__ import annotations

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

    conforms, report, _ = pyshacl.validate(graph, shacl_graph=shapes_graph(), advanced=True, allow_warnings=True)
    if conforms:
        return []
    violations = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        path = report.value(result, SH.resultPath)
        violations.append(Violation(str(report.value(result, SH.focusNode)), str(path) if path else None,
                                    str(report.value(result, SH.resultMessage))))
    return sorted(violations)
