"""The graph store (graphkit.store): adding in batches equals building everything at once; a killed add
leaves the before or the after state; bad folders and a store in use are one-line errors."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

import graphkit
from graphkit.graph.corpus import (
    Aliases,
    CorpusEntity,
    _ShortFormIndex,
    merge_results,
    short_form_keys,
)
from graphkit.graph.iris import IRIs
from graphkit.graph.vocab import DEFAULT_BASE
from graphkit.kg import KnowledgeGraph
from graphkit.model import Article, DocResult, Entity, Mention, Quote, Relation, Span
from graphkit.names import name_key
from graphkit.store import (
    GraphStore,
    StoreError,
    StoreLocked,
    close_store,
    load_store,
    open_store,
)
from graphkit.store.layout import LAYOUT, MARKER, Lock

REPO = Path(__file__).resolve().parent.parent
IRI = IRIs(DEFAULT_BASE)


def doc(key: str, *names, relation: str | None = "metWith", quote: bool = True) -> DocResult:
    """One article naming ``names``: (name, type, spaCy label[, mentions[, gender]]) each, first two related."""
    parts, entities = [f"Report {key}."], []  # the key in the text: one text per key
    for i, (name, etype, label, *rest) in enumerate(names):
        count, gender = (rest + [1, None])[:2] if rest else (1, None)
        start = sum(len(p) + 1 for p in parts)
        parts.append(f"{name} spoke here.")
        entities.append(Entity(f"e{i}", name, etype, label,
                               mentions=tuple(Mention(start, start + len(name), name) for _ in range(count)),
                               gender=gender))
    relations, quotes = [], []
    if relation and len(entities) > 1:
        start = sum(len(p) + 1 for p in parts)
        parts.append("They met.")
        relations.append(Relation("e0", relation, "e1", Span(start, start + 9, "They met."), "test"))
    if quote:
        start = sum(len(p) + 1 for p in parts)
        parts.append('"Fine," one said.')
        quotes.append(Quote("Fine", start + 1, start + 5, speaker=f"e{len(entities) - 1}", cue="say"))
    text = "\n".join(parts)
    return DocResult(Article(text=text, id=key, published="2024-03-01"), tuple(entities), tuple(relations),
                     tuple(quotes))


def full_nq(results, aliases=None) -> bytes:
    return KnowledgeGraph(merge_results(results, None, aliases)[0]).serialize("nq")


def stored_nq(folder) -> bytes:
    return load_store(folder).serialize("nq")


def add(folder, results, aliases=None):
    with GraphStore(folder) as store:
        return store.add(results, aliases)


def labels(folder) -> dict[str, str]:
    """Entity IRI -> label, read from the Oxigraph store itself."""
    store = open_store(folder)
    try:
        rows = store.query("SELECT ?e ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }")
        return {row["e"].value: row["l"].value for row in rows}
    finally:
        close_store(store)


PERSON, ORG, PLACE = ("Person", "PERSON"), ("Organization", "ORG"), ("Place", "GPE")


# -- equal to a build of everything at once ---------------------------------------------------------------

def test_a_bare_surname_stored_earlier_joins_the_full_name_that_comes_later(tmp_path):
    first = [doc("a1", ("Lee", *PERSON, 2), ("Acme Corp", *ORG)), doc("a2", ("Lee", *PERSON), ("Oslo", *PLACE))]
    second = [doc("a3", ("Ann Lee", *PERSON), ("Acme Corp", *ORG))]
    add(tmp_path / "s", first)
    lee = str(IRI.entity("lee"))
    assert lee in labels(tmp_path / "s")
    stats = add(tmp_path / "s", second)
    assert stats.articles_rewritten == 2  # a1 and a2 mention Lee, now Ann Lee
    assert stored_nq(tmp_path / "s") == full_nq(first + second)
    assert lee not in labels(tmp_path / "s")


def test_a_merged_surname_splits_again_when_a_second_person_of_that_name_arrives(tmp_path):
    first = [doc("a1", ("Ann Lee", *PERSON), ("Lee", *PERSON, 3))]
    second = [doc("a2", ("Bo Lee", *PERSON), ("Acme Corp", *ORG))]
    add(tmp_path / "s", first)
    assert str(IRI.entity("lee")) not in labels(tmp_path / "s")  # Lee is Ann Lee ...
    add(tmp_path / "s", second)
    assert str(IRI.entity("lee")) in labels(tmp_path / "s")  # ... until Bo Lee makes it ambiguous
    assert stored_nq(tmp_path / "s") == full_nq(first + second)


def test_a_later_batch_changes_an_entitys_label_and_type_by_frequency(tmp_path):
    first = [doc("a1", ("ACME Corp", *PLACE), ("Oslo", *PLACE))]
    second = [doc(f"b{i}", ("Acme Corp", *ORG, 2), ("Jane Roe", *PERSON)) for i in range(2)]
    add(tmp_path / "s", first)
    iri = str(IRI.entity("acme corp"))
    assert labels(tmp_path / "s")[iri] == "ACME Corp"
    add(tmp_path / "s", second)
    assert labels(tmp_path / "s")[iri] == "Acme Corp"
    nq = stored_nq(tmp_path / "s")
    assert nq == full_nq(first + second)
    assert f"<{iri}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Organization> .".encode() in nq


def test_three_batches_give_the_graph_of_one_build_byte_for_byte(tmp_path):
    sys.path.insert(0, str(REPO / "benchmarks"))
    from synthetic import synthetic_results

    results = list(synthetic_results(45, pool_size=60))  # a small pool: names recur across batches
    results += [doc("x1", ("Lee", *PERSON, 4), ("Kaido", *ORG)), doc("x2", ("Ann Lee", *PERSON), ("Kaido Holdings", *ORG))]
    for chunk in (results[:10], results[10:30], results[30:]):
        add(tmp_path / "s", chunk)
    assert stored_nq(tmp_path / "s") == full_nq(results)
    exported = tmp_path / "all.ttl"
    assert subprocess.run([sys.executable, "-m", "graphkit", "export", str(tmp_path / "s"), "-o", str(exported)],
                          capture_output=True, text=True, timeout=120).returncode == 0
    built = KnowledgeGraph(merge_results(results)[0])
    assert exported.read_bytes() == built.serialize("turtle")
    assert isomorphic(Graph().parse(exported), built.rdf)


# Names whose short forms interact: surnames of one or two people, acronyms, generic organisation words,
# a middle initial, a gazetteer place, a sex that keeps "Mr. Lee" from Ann Lee.
POOL = [("Ann Lee", *PERSON), ("Lee", *PERSON), ("Bo Lee", *PERSON, 1, "m"), ("Mr. Lee", *PERSON, 1, "m"),
        ("Ann", *PERSON), ("Acme Corp", *ORG), ("ACME Corp", *PLACE), ("Acme", *ORG),
        ("North Atlantic Treaty Organization", *ORG), ("NATO", *ORG), ("Donald J. Trump", *PERSON),
        ("Donald Trump", *PERSON), ("Trump", *ORG), ("U.S.", *PLACE), ("United States", *PLACE), ("Georgia", *PLACE),
        ("Georgia", *PERSON), ("Samuel Alito Jr.", *PERSON), ("Alito", *PERSON), ("Kaido Holdings", *ORG),
        ("Kaido", *ORG), ("Jane Roe", *PERSON, 1, "f"), ("Roe", *PERSON)]


def _random_corpus(rng: random.Random) -> list[DocResult]:
    results = []
    for i in range(rng.randint(4, 12)):
        names = [(*n[:3], rng.randint(1, 3), *n[4:]) for n in rng.sample(POOL, rng.randint(2, 5))]
        results.append(doc(f"r{i}" if rng.random() < 0.8 else "same-id", *names,
                           relation=rng.choice(["worksFor", "metWith", "verb:criticize", None])))
    results.append(results[0])  # a duplicate
    return results


@pytest.mark.parametrize("seed", range(25))
def test_random_batches_of_interacting_names_equal_one_build(tmp_path, seed):
    rng = random.Random(seed)
    results = _random_corpus(rng)
    aliases = None
    if seed % 3 == 0:
        aliases = Aliases()
        aliases.add("Jane Roe", "Ann", True)
        aliases.add("Ann Lee", "Lee", False)
    cuts = sorted(rng.sample(range(1, len(results)), 2))
    for k, chunk in enumerate((results[:cuts[0]], results[cuts[0]:cuts[1]], results[cuts[1]:])):
        add(tmp_path / "s", chunk, aliases if k == 0 else None)
    assert stored_nq(tmp_path / "s") == full_nq(results, aliases)


def test_short_form_keys_cover_every_key_the_sieve_files_an_entity_under():
    entities = {}
    for name, etype, _label, *_ in POOL + [("Bank of England", *ORG), ("Luiz Inacio Lula da Silva", *PERSON)]:
        for kind in ("Person", "Organization", "Place"):  # whatever type the corpus votes
            node = CorpusEntity(name_key(name), name)
            node.types[kind] += 1
            node.canonical[name] += 1
            node.names[name] += 1
            node.names["Alias " + name] += 1
            index = _ShortFormIndex({node.key: node})
            filed = {k for table in (index.person_words, index.aliases, index.prefixes, index.initials)
                     for k, keys in table.items() if node.key in keys}
            assert filed <= short_form_keys(node), (name, kind)
            entities[node.key] = node
    assert short_form_keys(entities["ann lee"]) >= {"ann", "lee"}


def test_adding_what_is_stored_changes_nothing(tmp_path):
    results = [doc("a1", ("Ann Lee", *PERSON), ("Acme Corp", *ORG)), doc("a2", ("Lee", *PERSON), ("Oslo", *PLACE))]
    add(tmp_path / "s", results)
    before = stored_nq(tmp_path / "s")
    index = sqlite3.connect(tmp_path / "s" / "index.sqlite")
    dump = list(index.iterdump())
    index.close()
    renamed = DocResult(Article(text=results[1].article.text, id="other-id"), results[1].entities)
    stats = add(tmp_path / "s", [results[0], renamed])
    assert (stats.added, stats.skipped) == (0, 2)
    assert stored_nq(tmp_path / "s") == before
    index = sqlite3.connect(tmp_path / "s" / "index.sqlite")
    assert list(index.iterdump()) == dump
    index.close()


def test_an_article_key_taken_by_another_text_is_kept_apart_as_a_build_does(tmp_path):
    one, other = doc("same", ("Ann Lee", *PERSON)), doc("same", ("Acme Corp", *ORG), ("Oslo", *PLACE))
    add(tmp_path / "s", [one])
    add(tmp_path / "s", [other])
    assert stored_nq(tmp_path / "s") == full_nq([one, other])


def test_the_store_is_the_trig_a_file_build_writes(tmp_path):
    results = [doc("a1", ("Ann Lee", *PERSON), ("Acme Corp", *ORG)), doc("a2", ("Lee", *PERSON), ("Oslo", *PLACE))]
    add(tmp_path / "s", results)
    store = open_store(tmp_path / "s")
    try:
        got = set(store.quads_for_pattern(None, None, None, None))
        graphs = {str(g.value) for g in store.named_graphs()}
    finally:
        close_store(store)
    trig = KnowledgeGraph(merge_results(results)[0]).serialize("trig")
    assert got == set(ox.parse(trig, format=ox.RdfFormat.TRIG))
    assert graphs == {str(IRI.article("a1")), str(IRI.article("a2"))}


def test_real_text_through_the_model(tmp_path):
    texts = [("Maria Lopez, the mayor of Valencia, said on Monday that the port would expand. "
              "\"We are ready,\" Lopez said."),
             "The port of Valencia hired Tomas Berg from Nordline Shipping. Berg met Maria Lopez on Friday.",
             "Lopez said Nordline Shipping would move its office. \"It is settled,\" she said."]
    paths = []
    for i, text in enumerate(texts):
        paths.append(tmp_path / f"t{i}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    run = lambda *args: subprocess.run([sys.executable, "-m", "graphkit", *map(str, args)],
                                       capture_output=True, text=True, timeout=600)
    first = run("build", paths[0], "--store", tmp_path / "s", "-q")
    assert first.returncode == 0, first.stderr
    second = run("build", paths[1], paths[2], paths[0], "--store", tmp_path / "s")
    assert second.returncode == 0, second.stderr
    assert "2 articles added (1 duplicates skipped)" in second.stdout
    assert run("export", tmp_path / "s", "-o", tmp_path / "all.ttl").returncode == 0
    built = graphkit.build([str(p) for p in paths])
    assert isomorphic(Graph().parse(tmp_path / "all.ttl"), built.rdf)


# -- a killed add -------------------------------------------------------------------------------------------

KILLER = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, {bench!r})
    from synthetic import synthetic_results
    from graphkit.store import GraphStore, writer, index
    folder, where, first, last = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    die = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
    if where == "after-commit":
        writer.GraphStore._apply = die          # the index is committed, Oxigraph not yet changed
    elif where == "before-commit":
        index.Index.set_pending = die           # everything computed, nothing committed
    results = list(synthetic_results(last, pool_size=300))[first:last]
    print("adding", flush=True)
    with GraphStore(folder) as store:
        store.add(results)
""").format(bench=str(REPO / "benchmarks"))


def _synthetic(n: int) -> list[DocResult]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from synthetic import synthetic_results

    return list(synthetic_results(n, pool_size=300))


def _kill_at(folder: Path, where: str, first: int, last: int) -> int:
    return subprocess.run([sys.executable, "-c", KILLER, str(folder), where, str(first), str(last)],
                          capture_output=True, timeout=300).returncode


@pytest.mark.parametrize("where, expected", [("before-commit", 20), ("after-commit", 40)])
def test_an_add_killed_at_its_commit_point_leaves_the_before_or_the_after_state(tmp_path, where, expected):
    results = _synthetic(60)
    add(tmp_path / "s", results[:20])
    assert _kill_at(tmp_path / "s", where, 20, 40) == -signal.SIGKILL
    # A reader sees the state before the add either way: Oxigraph was not changed.
    assert stored_nq(tmp_path / "s") == full_nq(results[:20])
    with GraphStore(tmp_path / "s") as store:  # a writer opening the store finishes a committed add
        assert len(store) == expected
    assert stored_nq(tmp_path / "s") == full_nq(results[:expected])
    add(tmp_path / "s", results[20:60])  # the index agrees with the RDF: the rest adds as in one build
    assert stored_nq(tmp_path / "s") == full_nq(results)


def test_an_add_killed_at_any_moment_leaves_no_mix(tmp_path):
    results = _synthetic(300)
    add(tmp_path / "s", results[:50])
    before, after = full_nq(results[:50]), full_nq(results)
    for delay in (0.1, 0.3, 0.5, 0.7, 1.0, 1.5, 3.0):
        process = subprocess.Popen([sys.executable, "-c", KILLER, str(tmp_path / "s"), "anywhere", "50", "300"],
                                   stdout=subprocess.PIPE)
        assert process.stdout.readline() == b"adding\n"
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        with GraphStore(tmp_path / "s"):  # recovery, if the kill came after the commit point
            pass
        state = stored_nq(tmp_path / "s")
        assert state in (before, after), delay
        if state == after:
            break
    add(tmp_path / "s", results[50:])
    assert stored_nq(tmp_path / "s") == after


# -- bad input ------------------------------------------------------------------------------------------------

def test_a_folder_that_is_not_a_store_is_refused_and_left_alone(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "todo.txt").write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match=r"notes: not a graphkit store \(no graphkit-store.json\)$"):
        GraphStore(folder)
    assert [p.name for p in folder.iterdir()] == ["todo.txt"]
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="a file, not a folder"):
        open_store(tmp_path / "file")


def test_a_marker_temp_left_by_a_killed_creation_does_not_block_the_store(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "lock").touch()
    leftover = folder / f".{MARKER}.{dead.pid}.x1y2z3.tmp"  # killed between the marker's write and its rename
    leftover.write_text("{", encoding="utf-8")
    add(folder, [doc("a1", ("Ann Lee", *PERSON))])
    assert json.loads((folder / MARKER).read_text(encoding="utf-8"))["layout"] == LAYOUT
    assert not leftover.exists()  # the marker's own atomic write removed the dead process's temp
    assert stored_nq(folder) == full_nq([doc("a1", ("Ann Lee", *PERSON))])


@pytest.mark.parametrize("layout, word", [(LAYOUT + 1, "newer"), (LAYOUT - 1, "older")])
def test_a_store_of_another_layout_is_refused(tmp_path, layout, word):
    add(tmp_path / "s", [doc("a1", ("Ann Lee", *PERSON))])
    marker = tmp_path / "s" / MARKER
    marker.write_text(json.dumps({**json.loads(marker.read_text(encoding="utf-8")), "layout": layout}), encoding="utf-8")
    for opening in (GraphStore, open_store, load_store):
        with pytest.raises(StoreError, match=f"store layout {layout} is {word} than the layout {LAYOUT}"):
            opening(tmp_path / "s")


def test_a_store_in_use_is_refused_with_the_holders_pid(tmp_path):
    add(tmp_path / "s", [doc("a1", ("Ann Lee", *PERSON))])
    holder = Lock(tmp_path / "s", exclusive=True)
    try:
        with pytest.raises(StoreLocked, match=rf"store is in use by another graphkit \(pid {os.getpid()}\)$"):
            GraphStore(tmp_path / "s")
        with pytest.raises(StoreLocked):
            open_store(tmp_path / "s")
    finally:
        holder.release()
    reader = open_store(tmp_path / "s")  # a reader keeps writers out until it closes
    with pytest.raises(StoreLocked):
        GraphStore(tmp_path / "s")
    close_store(reader)
    add(tmp_path / "s", [doc("a2", ("Bo Lee", *PERSON))])


def test_the_cli_gives_one_line_errors_with_exit_1(tmp_path):
    add(tmp_path / "s", [doc("a1", ("Ann Lee", *PERSON))])
    text = tmp_path / "a.txt"
    text.write_text("Ann Lee visited Oslo on Monday.", encoding="utf-8")
    script = ("import sys, time\nfrom graphkit.store import GraphStore\n"
              "s = GraphStore(sys.argv[1]); print('open', flush=True); time.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", script, str(tmp_path / "s")], stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline() == b"open\n"
        run = lambda *args: subprocess.run([sys.executable, "-m", "graphkit", *map(str, args)],
                                           capture_output=True, text=True, timeout=300)
        for args in (("build", text, "--store", tmp_path / "s"), ("export", tmp_path / "s", "-o", tmp_path / "x.ttl")):
            result = run(*args)
            assert result.returncode == 1
            assert result.stderr == f"graphkit: {tmp_path / 's'}: store is in use by another graphkit (pid {holder.pid})\n"
    finally:
        holder.kill()
        holder.wait()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x").write_text("x", encoding="utf-8")
    result = run("export", tmp_path / "other", "-o", tmp_path / "x.ttl")
    assert (result.returncode, result.stderr.count("\n")) == (1, 1)
    assert "not a graphkit store" in result.stderr
    result = run("build", text, "--store", tmp_path / "s", "--format", "nt")
    assert result.returncode == 1 and "--store writes the store only" in result.stderr
