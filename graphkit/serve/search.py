"""The viewer's search: every entity name and quote text, held in memory and scanned in Python.

Oxigraph has no text index, and a substring FILTER over every label joined
to the entities took 3.5 s at 86,000 entities (over every quote, 1 s more);
a scan of these lists takes milliseconds. They are read once, on the first
search (``graphkit serve`` starts reading at once: about 10 s at 86,000
entities and 100,000 quotes), and read again after an update. A date range
is checked afterwards, in SPARQL, on the matches only (api.search).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..sparql import PREFIXES, in_worker

# Entity descriptions are corpus-wide, in the default graph (of a file build and of a store alike);
# reading only it spares Oxigraph a union over every article's graph (2x faster).
ENTITY_NAMES = "SELECT ?e ?name ?m WHERE { ?e gk:mentionCount ?m ; rdfs:label ?name }"
ENTITY_ALIASES = "SELECT ?e ?name WHERE { ?e skos:altLabel ?name }"
QUOTES = "SELECT ?q ?text WHERE { ?q gk:quoteKind ?kind ; schema:text ?text }"  # in the article graphs


def _rows(store: ox.Store, sparql: str, union: bool) -> list[tuple[str, ...]]:
    def work(stop):
        result = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=union)
        try:
            return [tuple(term.value for term in row) for row in result]
        finally:
            del result  # Oxigraph's results belong to their thread

    return in_worker(work, None)


@dataclass
class Entry:
    iri: str
    mentions: int
    names: list[str] = field(default_factory=list)  # the label first, then the aliases
    folded: list[str] = field(default_factory=list)  # lower-cased, for matching


class SearchIndex:
    def __init__(self, store: ox.Store):
        entries: dict[str, Entry] = {}
        for e, name, m in _rows(store, ENTITY_NAMES, union=False):
            entry = entries.get(e) or entries.setdefault(e, Entry(e, _int(m)))
            entry.names.append(name)
            entry.folded.append(name.lower())
        for e, name in _rows(store, ENTITY_ALIASES, union=False):
            if e in entries:
                entries[e].names.append(name)
                entries[e].folded.append(name.lower())
        # most mentioned first: what a search lists when more match than it shows
        self.entities = sorted(entries.values(), key=lambda x: (-x.mentions, x.iri))
        self.quotes = sorted((q, text.lower()) for q, text in _rows(store, QUOTES, union=True))

    def find_entities(self, q: str):
        """(entity, the name that matched) for every entity a name of which holds ``q``, most mentioned first."""
        needle = q.lower()
        for entry in self.entities:
            hit = next((name for name, folded in zip(entry.names, entry.folded) if needle in folded), None)
            if hit is not None:
                yield entry, hit

    def find_quotes(self, q: str):
        """The IRI of every quote whose text holds ``q``."""
        needle = q.lower()
        return (iri for iri, text in self.quotes if needle in text)


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return 0


class Lazy:
    """The server's index: built once by whichever request (or start-up thread) asks first; dropped on update."""

    def __init__(self, store):
        self.store, self.lock, self.index = store, threading.Lock(), None

    def get(self) -> SearchIndex:
        with self.lock:
            if self.index is None:
                self.index = SearchIndex(self.store)
            return self.index

    def drop(self) -> None:
        with self.lock:
            self.index = None
