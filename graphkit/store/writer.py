"""Adding articles to a store: resolve what they touch against the index, rewrite only what changed.

One add, in order:

1. Under the exclusive lock, finish the previous add if it was killed after
   its commit point (``_recover``).
2. In one SQLite transaction: skip articles already stored (same hash),
   fold the new articles' names into the stored atoms (the per-name
   counters), and record the articles.
3. Find the atoms linked to the touched ones through ``short_forms`` and the
   alias table (the only entities whose merges the new names can change),
   and run graph.corpus's own resolution (aliases, short names, labels) on
   just those, in the order they were first seen. Every entity of that group
   whose description changed, and every stored article that mentions an atom
   now in another entity, is regenerated with graph.rdf's generators and
   diffed against Oxigraph (subject and graph look-ups, never a scan).
4. Record that RDF change in ``pending`` and commit SQLite: the commit point.
5. Apply the change to Oxigraph in one SPARQL update (one transaction), then
   clear ``pending``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import pyoxigraph as ox

from .. import __version__
from ..graph.corpus import Aliases, Corpus, short_form_keys
from ..graph.iris import IRIs, check_base
from ..graph.rdf import (
    EntityIRIs,
    article_quads,
    entity_quads,
    predicate_iri,
    predicate_quads,
)
from ..graph.vocab import DEFAULT_BASE
from ..model import DocResult
from ..names import name_key
from . import layout
from .codec import add_counts, dump_entity, dump_result, load_entity, load_result
from .index import Index


@dataclass
class AddStats:
    added: int = 0  # articles stored by this add
    skipped: int = 0  # already in the store (same text), or twice in the input
    entities_changed: int = 0  # entity descriptions rewritten (new, changed or gone)
    articles_rewritten: int = 0  # stored articles whose references moved to another entity
    quads_removed: int = 0
    quads_added: int = 0
    articles: int = 0  # articles in the store after the add
    seconds: float = 0.0


class KnownHashes:
    """The store's content hashes as a container (``in`` is one index look-up), for sources.iter_articles."""

    def __init__(self, index: Index):
        self.index = index

    def __contains__(self, content_hash: object) -> bool:
        return isinstance(content_hash, str) and self.index.has_hash(content_hash)


def _quads(rows: Iterable[tuple]) -> set:
    """graph.rdf's (s, p, o, graph) N-Triples terms as Oxigraph quads (parsed in Rust, compared as sets)."""
    lines = [f"{s} {p} {o} <{g}> .\n" if g else f"{s} {p} {o} .\n" for s, p, o, g in rows]
    return set(ox.parse("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_QUADS)) if lines else set()


def _nquads(quads: Iterable) -> bytes:
    return ox.serialize(sorted(quads, key=str), format=ox.RdfFormat.N_QUADS) or b""


def _update_text(deletes: Iterable, inserts: Iterable) -> str:
    """One SPARQL update that removes ``deletes`` and adds ``inserts`` (Oxigraph runs it as one transaction)."""
    def block(quads) -> str:
        graphs: dict = {}
        for q in quads:
            graphs.setdefault(q.graph_name, []).append(f"{q.subject} {q.predicate} {q.object} .")
        parts = []
        for g, triples in graphs.items():
            body = "\n".join(triples)
            parts.append(body if isinstance(g, ox.DefaultGraph) else f"GRAPH {g} {{\n{body}\n}}")
        return "\n".join(parts)
    return f"DELETE DATA {{\n{block(deletes)}\n}} ;\nINSERT DATA {{\n{block(inserts)}\n}}"


class GraphStore:
    """A store opened for writing: ``with GraphStore(dir) as store: store.add(results)``.

    The folder is created if missing (with ``base_iri``; an existing store
    keeps its own). Holds the store's exclusive lock until ``close``.
    """

    def __init__(self, folder: str | os.PathLike, *, base_iri: str = DEFAULT_BASE, create: bool = True):
        self.folder = Path(folder)
        check_base(base_iri)
        new = create and layout.is_new(self.folder)
        if new:
            self.folder.mkdir(parents=True, exist_ok=True)
        else:
            layout.read_marker(self.folder)  # before touching anything: not a store, or another layout
        self._lock = layout.Lock(self.folder, exclusive=True)
        try:
            if new and not (self.folder / layout.MARKER).exists():
                layout.clear_leftovers(self.folder)
                Index(self.folder / layout.INDEX).close()
                ox.Store(str(self.folder / layout.OXIGRAPH)).flush()
                layout.write_marker(self.folder, base_iri, __version__)  # last: until now there is no store
            marker = layout.read_marker(self.folder)
            self.index = Index(self.folder / layout.INDEX)
            try:
                self.rdf = ox.Store(str(self.folder / layout.OXIGRAPH))
            except OSError as error:
                self.index.close()
                raise layout.StoreLocked(f"{self.folder}: store is in use by another program ({error})") from None
        except BaseException:
            self._lock.release()
            raise
        self.base_iri = marker["base_iri"]
        self.iris = IRIs(self.base_iri)
        self._recover()

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._lock is None:
            return
        self.rdf.flush()
        self.index.close()
        del self.rdf  # let RocksDB release its own LOCK before ours
        self._lock.release()
        self._lock = None

    def __len__(self) -> int:
        return self.index.article_count()

    @property
    def known_hashes(self) -> KnownHashes:
        return KnownHashes(self.index)

    # -- the add ---------------------------------------------------------------------------------------

    def add(self, results: Iterable[DocResult], aliases: Aliases | None = None) -> AddStats:
        """Store the articles' results; the store's graph is then a build of everything stored at once.

        ``aliases`` join the store's table of identity decisions for this and
        every later add (a store has one table, as a build has one file).
        """
        started = time.perf_counter()
        stats = AddStats()
        index = self.index
        index.begin()
        try:
            batch, touched = self._take(results, stats)
            touched |= self._take_aliases(aliases)
            if not batch.articles and not touched:  # nothing new: the store stays byte for byte as it was
                index.rollback()
                stats.articles = len(self)
                stats.seconds = time.perf_counter() - started
                return stats
            self._store_atoms(batch)
            deletes, inserts, moved = self._resolve(touched, stats)
            rewrite = index.articles_of(moved) - set(batch.articles)
            stats.articles_rewritten = len(rewrite)
            d, i = self._articles(batch, rewrite)
            deletes |= d
            inserts |= i
            both = deletes & inserts
            deletes, inserts = deletes - both, inserts - both
            batch_number = int(index.get("batches", "0")) + 1
            index.set("batches", batch_number)
            index.set_pending(batch_number, _nquads(deletes), _nquads(inserts))
            index.commit()  # the commit point: from here on, the add happens (see _recover)
        except BaseException:
            index.rollback()
            raise
        self._apply(deletes, inserts)
        index.begin()
        index.clear_pending()
        index.commit()
        stats.quads_removed, stats.quads_added = len(deletes), len(inserts)
        stats.articles = len(self)
        stats.seconds = time.perf_counter() - started
        return stats

    def _take(self, results: Iterable[DocResult], stats: AddStats) -> tuple[Corpus, set[str]]:
        """The new articles as a corpus of their own (names not yet merged), and the names they use."""
        batch, index = Corpus(), self.index
        for result in results:
            article = result.article
            if article.content_hash in batch.hashes or index.has_hash(article.content_hash):
                stats.skipped += 1
                continue
            if index.has_key(article.key):  # same name, different text: keep both, as Corpus.add does
                article = replace(article, id=f"{article.key}-{article.content_hash[:8]}")
            batch.add(replace(result, article=article))
            key = next(reversed(batch.articles))
            index.add_article(key, article.content_hash, dump_result(replace(result, article=batch.articles[key])))
            stats.added += 1
        return batch, set(batch.entities)

    def _take_aliases(self, aliases: Aliases | None) -> set[str]:
        """Record new identity decisions; the names they mention must be resolved again."""
        touched = set()
        if aliases is not None:
            for a, b in aliases.same:
                if self.index.add_alias(a, b, True):
                    touched |= {name_key(a), name_key(b)}
            for pair in aliases.different:
                a, b = sorted(pair) if len(pair) == 2 else (next(iter(pair)),) * 2
                if self.index.add_alias(a, b, False):
                    touched |= {a, b}
        return touched

    def _store_atoms(self, batch: Corpus) -> None:
        """Fold the batch's per-name counters into the stored atoms, and file new short forms."""
        index = self.index
        stored = index.atoms(batch.entities)
        seq = index.next_atom_seq()
        for key, node in batch.entities.items():
            if key in stored:
                atom_seq, cluster, state = stored[key]
                atom = load_entity(state)
                add_counts(atom, node)
            else:
                atom, atom_seq, cluster = node, seq, key
                seq += 1
            index.put_atom(key, atom_seq, cluster, dump_entity(atom))
            index.add_short_forms(key, short_form_keys(atom))
        index.add_atom_articles((k, article) for article, keys in batch.mentions.items() for k in keys)

    def _group(self, start: set[str]) -> set[str]:
        """Every atom linked to ``start`` by a possible short form or an alias decision: all a merge can reach."""
        index = self.index
        links: dict[str, set] = {}
        for a, b, _ in index.alias_pairs():
            a, b = name_key(a), name_key(b)
            links.setdefault(a, set()).add(b)
            links.setdefault(b, set()).add(a)
        group = set(index.existing(start))
        frontier = set(group)
        while frontier:
            found = index.filed_under(frontier)  # the atoms a frontier name may be a short form of
            found |= index.existing(index.short_forms_of(frontier))  # the names that may be short forms of these
            for key in frontier:
                found |= links.get(key, set())
            frontier = index.existing(found - group)
            group |= frontier
        return group

    def _resolve(self, touched: set[str], stats: AddStats) -> tuple[set, set, set[str]]:
        """Resolve the group the touched names belong to; the entity triples to change, and the atoms moved."""
        index = self.index
        group = self._group(touched)
        rows = sorted(index.atoms(group).items(), key=lambda kv: kv[1][0])  # first seen first, as in a build
        old_cluster = {key: cluster for key, (_, cluster, _) in rows}
        corpus = Corpus(entities={key: load_entity(state) for key, (_, _, state) in rows},
                        aliases=self._aliases())
        corpus.finish()  # graph.corpus's own resolution: aliases, short names, labels
        new_cluster = {}
        for key, node in corpus.entities.items():
            for member in {key} | node.merged:
                new_cluster[member] = key
        moved = {k for k in group if new_cluster[k] != old_cluster[k]}
        index.set_clusters((k, new_cluster[k]) for k in moved)
        entity_iri = EntityIRIs(self.iris)
        keys = set(old_cluster.values()) | set(corpus.entities)
        old = set()
        for key in keys:
            old.update(self.rdf.quads_for_pattern(ox.NamedNode(entity_iri[key][1:-1]), None, None, ox.DefaultGraph()))
        new = _quads(q for key, node in corpus.entities.items() for q in entity_quads(entity_iri[key], node))
        deletes, inserts = old - new, new - old
        stats.entities_changed = len({q.subject for q in deletes | inserts})
        return deletes, inserts, moved

    def _aliases(self) -> Aliases:
        table = Aliases()
        for a, b, same in self.index.alias_pairs():
            table.add(a, b, same)
        return table

    def _articles(self, batch: Corpus, rewrite: set[str]) -> tuple[set, set]:
        """The named graphs of the new articles, and of stored ones whose references moved, as changes."""
        index = self.index
        corpus = Corpus()
        for result in map(load_result, index.results(rewrite).values()):
            corpus.add(result)
        corpus.articles.update(batch.articles)
        corpus.mentions.update(batch.mentions)
        corpus.spans.update(batch.spans)
        corpus.quotes.extend(batch.quotes)
        corpus.relations.extend(batch.relations)
        atoms = {k for keys in corpus.mentions.values() for k in keys}
        clusters = index.clusters(atoms)
        corpus.rename({k: c for k, c in clusters.items() if k != c})

        used_before = index.predicates_of(rewrite)
        used: dict[str, set] = {key: set() for key in corpus.articles}
        for cr in corpus.relations:
            used[cr.article].add((f"<{predicate_iri(cr.predicate)}>", cr.predicate))
        for key, pairs in used.items():
            index.set_predicates(key, pairs)
        used_now = set().union(*used.values()) if used else set()

        new = _quads(article_quads(corpus, self.iris, EntityIRIs(self.iris), {}))
        old = set()
        for key in rewrite:
            old.update(self.rdf.quads_for_pattern(None, None, None, self.iris_graph(key)))
        # a predicate's definition comes with its first use and goes with its last
        new |= {q for q in _quads(predicate_quads(dict(sorted(used_now)))) if q not in self.rdf}
        for p, _ in used_before - used_now:
            if not index.predicate_used(p):
                old.update(self.rdf.quads_for_pattern(ox.NamedNode(p[1:-1]), None, None, ox.DefaultGraph()))
        return old - new, new - old

    def iris_graph(self, article_key: str) -> ox.NamedNode:
        return ox.NamedNode(str(self.iris.article(article_key)))

    # -- the RDF side and recovery ---------------------------------------------------------------------

    def _apply(self, deletes: set, inserts: set) -> None:
        if deletes or inserts:
            self.rdf.update(_update_text(deletes, inserts))

    def _recover(self) -> None:
        """Finish an add killed after its commit point: apply its recorded RDF change unless Oxigraph has it.

        Every quad an add inserts was absent before it and every quad it
        deletes was present, and Oxigraph applies the change in one
        transaction, so one quad tells whether it was applied.
        """
        pending = self.index.pending()
        if pending is None:
            return
        _, deletes, inserts = pending
        deletes = set(ox.parse(deletes, format=ox.RdfFormat.N_QUADS)) if deletes else set()
        inserts = set(ox.parse(inserts, format=ox.RdfFormat.N_QUADS)) if inserts else set()
        if inserts:
            applied = next(iter(inserts)) in self.rdf
        else:
            applied = not deletes or next(iter(deletes)) not in self.rdf
        if not applied:
            self._apply(deletes, inserts)
        self.index.begin()
        self.index.clear_pending()
        self.index.commit()
