"""An on-disk graph store that grows by adding articles: ``graphkit build PATHS --store DIR``.

A store is a folder::

    DIR/
      graphkit-store.json   marker: {"layout": 1, "base_iri": ..., "created_by": ...}; written last at creation
      oxigraph/             an Oxigraph (RocksDB) store: exactly the quads a file build writes as TriG or
                            N-Quads — entity descriptions and predicate definitions in the default graph,
                            each article's triples in the named graph of the article's IRI
      index.sqlite          what adding needs without reading the graph (graphkit/store/index.py): the
                            articles (hash, key, DocResult as JSON), each name's merge state before
                            merging (the CorpusEntity counters) and the entity it belongs to, the
                            short-form links the short-name sieve can follow, predicate use, the alias
                            table, and the pending RDF change of an add in progress
      lock                  flock target: exclusive while an add runs, shared while a reader has it open;
                            holds the pid of the last process that locked it

The graph equals a build of every stored article at once, in the order they
were added: an add resolves the names it brings in against the index, runs
graph.corpus's merge logic on the group of names they are linked to, and
rewrites exactly the entity descriptions and article graphs that changed.

Guarantees. An add commits at one point (the SQLite commit that records the
RDF change it is about to make); killed before it, the store is as it was
before the add; killed after it, Oxigraph still holds the state before the
add (its change is one transaction) and the next writer to open the store
applies the recorded change first, so the store becomes the state after the
add. A reader never sees a mix. Articles already stored (same SHA-256 of
the text) are skipped, and an add of only those changes no file.

Library::

    from graphkit.store import GraphStore, add, load_store, open_store
    add("corpus.store", ["new-articles/"])            # like graphkit.build, returns AddStats
    with GraphStore("corpus.store") as store:          # DocResults you made yourself
        store.add(results)
    load_store("corpus.store").write("all.trig")       # any format a build writes
    open_store("corpus.store")                         # pyoxigraph.Store, read-only, for a server
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ..graph.corpus import Aliases
from ..graph.vocab import DEFAULT_BASE
from ..model import DocResult
from ..sources import DEFAULT_MAX_CHARS, ErrorHandler, WarningHandler
from .layout import LAYOUT, StoreError, StoreLocked
from .read import close_store, load_store, open_store
from .writer import AddStats, GraphStore

__all__ = ["LAYOUT", "AddStats", "GraphStore", "StoreAddResult", "StoreError", "StoreLocked", "add", "close_store",
           "load_store", "open_store"]


@dataclass
class StoreAddResult:
    """What ``add`` did: the store's side (``store``) and the reading and NLP side (``build``)."""

    store: AddStats
    build: object = field(default=None)  # kg.BuildStats: errors, warnings, failed, words, cut


def add(folder: str | os.PathLike, sources, *, model: str | None = None, base_iri: str = DEFAULT_BASE,
        n_process: int = 1, batch_size: int = 64, on_error: ErrorHandler | None = None,
        progress: Callable[[DocResult], None] | None = None, max_chars: int | None = DEFAULT_MAX_CHARS,
        on_warning: WarningHandler | None = None, engine: str = "local", scheduler: str | None = None,
        client=None, aliases: str | os.PathLike | Aliases | None = None,
        relations: str | os.PathLike | None = None) -> StoreAddResult:
    """Add the articles of ``sources`` to the store in ``folder`` (created if missing), as ``graphkit.build``
    reads and processes them; articles already stored are skipped before the model sees them.

    ``base_iri`` is used when the store is created; an existing store keeps
    its own (a different one given is reported to ``on_warning``).
    ``aliases`` join the store's identity decisions for this and later adds.
    """
    from ..kg import BuildStats, _extracted, _recorders

    if aliases is not None and not isinstance(aliases, Aliases):
        aliases = Aliases.read(aliases)
    stats = BuildStats()
    started = time.perf_counter()
    record_error, record_warning = _recorders(stats, on_error, on_warning)
    with GraphStore(folder, base_iri=base_iri) as store:
        if base_iri not in (DEFAULT_BASE, store.base_iri):
            record_warning(str(folder), f"keeps its base IRI {store.base_iri}; the base IRI {base_iri} given is not used")
        results = _extracted(sources, stats, record_error, record_warning, model=model, n_process=n_process,
                             batch_size=batch_size, progress=progress, max_chars=max_chars, engine=engine,
                             scheduler=scheduler, client=client, relations=relations, known=store.known_hashes)
        added = store.add(results, aliases)
    stats.duplicates += added.skipped
    stats.articles = added.added
    stats.seconds = time.perf_counter() - started
    return StoreAddResult(added, stats)
