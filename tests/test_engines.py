"""Streaming builds: worker processes, failure isolation, progress bar (graphkit.engines)."""

from __future__ import annotations

import io

import pytest

import graphkit
from graphkit.kg import extract_many
from graphkit.model import Article

GOOD = [
    Article("Jane Roe, the chief executive of Acme Corp, said: \"We will open a plant in Ohio.\"", id="a"),
    Article("Acme Corp opened an office in Denver. John Smith works for Acme Corp.", id="b"),
    Article("Mary Major met Jane Roe in Paris on Monday.", id="c"),
]
BAD = Article("This one is cursed: BOOM. Jane Roe said nothing.", id="bad", source="cursed.txt")


@pytest.fixture
def boom(monkeypatch):
    """Make graphkit's relation component raise on any article containing BOOM."""
    from graphkit.nlp import relations

    real = relations.find_relations

    def find_relations(doc, *args, **kwargs):
        if "BOOM" in doc.text:
            raise RuntimeError("boom")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(relations, "find_relations", find_relations)


def test_worker_processes_give_the_same_graph_as_one_process():
    one = graphkit.build(GOOD)
    two = graphkit.build(GOOD, n_process=2, batch_size=1)
    assert two.serialize() == one.serialize()
    assert [r.article.key for r in extract_many(GOOD, n_process=2, batch_size=2)] == ["a", "b", "c"]


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_failing_article_is_reported_and_skipped(boom, n_process):
    errors = []
    kg = graphkit.build([GOOD[0], BAD, GOOD[1]], n_process=n_process, batch_size=2,
                        on_error=lambda source, reason: errors.append((source, reason)))
    assert errors == [("cursed.txt", "graphkit_relations: RuntimeError: boom")]
    assert kg.stats.failed == 1 and kg.stats.errors == errors
    assert list(kg.corpus.articles) == ["a", "b"]
    assert kg.serialize() == graphkit.build(GOOD[:2]).serialize()


def test_a_failing_article_raises_without_a_handler(boom):
    from graphkit.engines import ArticleFailed

    with pytest.raises(ArticleFailed, match="cursed.txt: graphkit_relations: RuntimeError: boom"):
        list(extract_many([BAD]))


def test_a_batch_that_fails_as_a_whole_is_retried_article_by_article(monkeypatch):
    """A model component that raises on a batch loses only the article that caused it."""
    from graphkit.engines import Failure, pipeline, process_batch

    nlp = pipeline()
    tagger_name = next(name for name in nlp.pipe_names if name in ("tagger", "tok2vec"))
    component = nlp.get_pipe(tagger_name)
    real_pipe = component.pipe

    def pipe(docs, **kwargs):
        for doc in docs:
            if "BOOM" in doc.text:
                raise ValueError("bad batch")
            yield from real_pipe([doc], **kwargs)

    monkeypatch.setattr(component, "pipe", pipe, raising=False)
    if getattr(component, "pipe") is not pipe:
        pytest.skip("cannot patch a Cython component's pipe")
    outcomes = process_batch([GOOD[0], BAD, GOOD[1]], batch_size=3)
    assert [type(o).__name__ for o in outcomes] == ["DocResult", "Failure", "DocResult"]
    assert isinstance(outcomes[1], Failure) and outcomes[1].source == "cursed.txt"


def test_cli_reports_failures_and_exits_1(boom, tmp_path, capsys):
    from graphkit.cli import main

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD[1].text, encoding="utf-8")
    (tmp_path / "in" / "cursed.txt").write_text(BAD.text, encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"])
    assert done.value.code == 1
    err = capsys.readouterr().err
    assert "cursed.txt: graphkit_relations: RuntimeError: boom" in err
    assert "1 inputs failed, 1 of them in processing" in err
    assert (tmp_path / "out" / "graph.ttl").exists()


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal():
    from graphkit.progress import progress_bar

    assert progress_bar(stream=io.StringIO()) is None
    assert progress_bar(quiet=True, stream=Terminal()) is None
    screen = Terminal()
    bar = progress_bar(stream=screen)
    graphkit.build(GOOD, progress=bar)
    bar.close()
    assert bar.bar.n == 3 and bar.words == sum(len(a.text.split()) for a in GOOD)
    assert "articles" in screen.getvalue()


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")  # spaCy forks
def test_graphkit_doc_extensions_survive_spacys_own_worker_processes(nlp):
    """Users who run nlp.pipe(n_process=2) on graphkit's components get the same per-article data back."""
    from graphkit.nlp.convert import doc_result

    pairs = [(a.text, a) for a in GOOD]
    here = [doc_result(doc, a) for doc, a in nlp.pipe(pairs, as_tuples=True)]
    there = [doc_result(doc, a) for doc, a in nlp.pipe(pairs, as_tuples=True, n_process=2, batch_size=1)]
    assert there == here
    assert any(r.quotes for r in there) and any(r.relations for r in there)


@pytest.fixture
def lethal(monkeypatch, tmp_path):
    """Kill the worker process (SIGKILL, as the OOM killer would) on an article containing DIE;
    on one containing ONCE, only the first time."""
    import os
    import signal

    from graphkit.nlp import relations

    real = relations.find_relations
    flag = tmp_path / "killed-once"

    def find_relations(doc, *args, **kwargs):
        if "DIE" in doc.text or ("ONCE" in doc.text and not flag.exists()):
            flag.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(relations, "find_relations", find_relations)


def test_a_killed_worker_loses_only_the_article_that_kills_it(lethal):
    dying = Article("Jane Roe said DIE twice.", id="dies", source="dies.txt")
    failures = []
    kg = graphkit.build([GOOD[0], dying, *GOOD[1:]], n_process=2, batch_size=2,
                        on_error=lambda source, message: failures.append((source, message)))
    assert set(kg.corpus.articles) == {"a", "b", "c"}
    assert [(s, "worker process died" in m) for s, m in failures] == [("dies.txt", True)]


def test_a_worker_killed_once_costs_no_article(lethal):
    once = Article("Jane Roe said ONCE and left.", id="once")
    kg = graphkit.build([*GOOD, once], n_process=2, batch_size=2)
    assert set(kg.corpus.articles) == {"a", "b", "c", "once"}
