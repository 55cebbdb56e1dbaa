"""SPARQL helpers: the prefixes every graphkit query may use without declaring them."""

from __future__ import annotations

import re

from .graph.vocab import GK_IRI, VERB

PREFIXES = {
    "schema": "https://schema.org/",
    "gk": GK_IRI,
    "gkv": str(VERB),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def with_prefixes(sparql: str) -> str:
    """Prepend PREFIX lines for the standard prefixes the query uses but does not declare."""
    declared = {m.lower() for m in re.findall(r"(?im)^\s*PREFIX\s+([\w-]*):", sparql)}
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items()
             if p not in declared and re.search(rf"\b{p}:", sparql)]
    return "\n".join(lines + [sparql]) if lines else sparql
