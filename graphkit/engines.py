"""Where the NLP stage runs: in this process, in N local processes, or on a Dask cluster.

Every engine does the same thing: cut the (lazily read) articles into
batches, run ``process_batch`` on each batch where the model lives, and hand
back one outcome per article, in input order. An outcome is a
``graphkit.model.DocResult`` (plain, picklable data) or a ``Failure`` naming
the article and the reason; the graph is merged from the results by the same
code whatever the engine, so a Dask build gives the same graph as a local one.

Memory: at most ``WINDOW * workers`` batches are in flight, so the corpus text is
never all in memory at once, however many articles there are.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .model import Article, DocResult

ENGINES = ("local", "dask")
# Articles per task for worker processes and Dask: small enough that workers finish together (a
# 64-article task takes a minute), large enough that task overhead stays negligible.
TASK_ARTICLES = 16
# Characters per batch. spaCy's memory grows with the text of a batch, not with its number of
# articles: 64 long articles take about 1 GB with en_core_web_sm, and the peak of a build would
# follow the longest stretch of long articles in the corpus. 100,000 characters (about 16 news
# articles) keeps the peak flat at no cost in words per second (measured: 4.4k vs 4.1k words per
# CPU second for batches of 16 vs 64 PolNeAR articles, 590 vs 1,060 MB).
BATCH_CHARS = 100_000
# Tasks in flight per worker. Results are yielded in input order, so a slow task holds back the
# ones after it; with only 2 per worker the others soon ran dry and idled behind it.
WINDOW = 8


@dataclass(frozen=True)
class Failure:
    """An article whose processing raised: where it came from, and why."""

    source: str
    reason: str


Outcome = DocResult | Failure


class ArticleFailed(RuntimeError):
    """Processing one article raised (raised only when no ``on_error`` handler is given)."""


def raise_failure(source: str, reason: str) -> None:
    raise ArticleFailed(f"{source}: {reason}")


class _Slot:
    """The per-article context that travels through ``nlp.pipe``: its index, and an error if one occurred."""

    __slots__ = ("index", "error", "retry")

    def __init__(self, index: int):
        self.index = index
        self.error: str | None = None
        self.retry = False  # failed with a whole batch: may be innocent


def _record_error(name, proc, docs, error) -> None:
    """spaCy error handler: mark the failed docs of a graphkit batch; anywhere else, raise as spaCy would."""
    slots = [getattr(doc, "_context", None) for doc in docs]
    if not slots or not all(isinstance(slot, _Slot) for slot in slots):
        raise error
    for slot in slots:
        slot.error = f"{name}: {type(error).__name__}: {error}"
        slot.retry = len(slots) > 1


def pipeline(model: str | None = None):
    """graphkit's pipeline, loaded once per process, with the error handler that isolates failures."""
    from .nlp.pipeline import get_pipeline

    nlp = get_pipeline(model)
    if nlp.default_error_handler is not _record_error:
        nlp.default_error_handler = _record_error  # graphkit's components and plain functions use this one
        for _, pipe in nlp.pipeline:
            try:
                pipe.set_error_handler(_record_error)
            except AttributeError:  # spaCy's Cython parser/NER cannot take one: their errors fail the batch,
                pass  # which process_batch retries article by article
    return nlp


def _source(article: Article) -> str:
    return article.source or article.key


def _one(nlp, article: Article) -> Outcome:
    """Process one article alone; any exception becomes a Failure."""
    from .nlp.convert import doc_result

    slot = _Slot(0)
    try:
        for doc, _ in nlp.pipe([(article.text, slot)], as_tuples=True):
            return doc_result(doc, article)
    except Exception as error:  # noqa: BLE001 - an article's failure must not stop the build
        return Failure(_source(article), f"{type(error).__name__}: {error}")
    return Failure(_source(article), slot.error or "dropped by the pipeline")


def process_batch(articles: list[Article], model: str | None = None, batch_size: int = 64) -> list[Outcome]:
    """Run the pipeline over ``articles``: one DocResult or Failure per article, in order.

    A component that raises on one document loses only that document (spaCy's
    error handler); a model component that raises on a batch loses the batch,
    whose articles are then retried one by one so only the bad one fails.
    """
    from .nlp.convert import doc_result

    nlp = pipeline(model)
    longest = max((len(a.text) for a in articles), default=0)
    if longest >= nlp.max_length:  # sources.py already cut articles to the caller's --max-chars
        nlp.max_length = longest + 1
    slots = [_Slot(i) for i in range(len(articles))]
    outcomes: list[Outcome | None] = [None] * len(articles)
    try:
        for doc, slot in nlp.pipe(((a.text, s) for a, s in zip(articles, slots)), as_tuples=True,
                                  batch_size=batch_size):
            try:
                outcomes[slot.index] = doc_result(doc, articles[slot.index])
            except Exception as error:  # noqa: BLE001
                outcomes[slot.index] = Failure(_source(articles[slot.index]), f"{type(error).__name__}: {error}")
    except Exception:  # noqa: BLE001 - e.g. the tokenizer raised outside the error handler: retry one by one
        pass
    for i, outcome in enumerate(outcomes):
        if outcome is None:
            slot = slots[i]
            outcomes[i] = (Failure(_source(articles[i]), slot.error) if slot.error and not slot.retry
                           else _one(nlp, articles[i]))
    return outcomes  # type: ignore[return-value]


def _batches(articles: Iterable[Article], size: int, max_chars: int | None = None) -> Iterator[list[Article]]:
    """Consecutive batches of at most ``size`` articles and ``max_chars`` characters (a longer article goes alone)."""
    max_chars = BATCH_CHARS if max_chars is None else max_chars
    batch: list[Article] = []
    chars = 0
    for article in articles:
        if batch and (len(batch) >= size or chars + len(article.text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += len(article.text)
    if batch:
        yield batch


def _failed_batch(batch: list[Article], error: BaseException) -> list[Outcome]:
    return [Failure(_source(a), f"worker failed: {type(error).__name__}: {error}") for a in batch]


def _ordered(submit, batches: Iterator[list[Article]], window: int, collect=None) -> Iterator[Outcome]:
    """Submit batches with at most ``window`` in flight; yield outcomes in input order.

    ``collect(batch, future, pending)`` turns a finished task into outcomes; ``pending``
    holds the ``[batch, future]`` pairs still in flight, for a collector that resubmits them.
    """
    collect = collect or (lambda batch, future, pending: _collect(batch, future))
    pending: deque = deque()
    for batch in batches:
        pending.append([batch, submit(batch)])
        if len(pending) >= window:
            yield from collect(*pending.popleft(), pending)
    while pending:
        yield from collect(*pending.popleft(), pending)


def _collect(batch, future) -> list[Outcome]:
    try:
        return future.result()
    except Exception as error:  # noqa: BLE001 - a lost batch fails its articles, not the build
        return _failed_batch(batch, error)


def _init_worker(model: str | None) -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    pipeline(model)


def run_local(articles: Iterable[Article], *, model: str | None = None, n_process: int = 1,
              batch_size: int = 64) -> Iterator[Outcome]:
    """Outcomes for ``articles`` in input order, on this machine.

    ``n_process`` > 1 starts that many worker processes, each loading the
    model once (or inheriting it); batches go out, and only DocResults, not
    spaCy Docs, come back, so the parent does little but merge.
    """
    if n_process <= 1:
        for batch in _batches(articles, batch_size):
            yield from process_batch(batch, model, batch_size)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork where the OS has it (as spaCy's own n_process does): workers inherit a loaded model and the
    # caller needs no ``if __name__ == "__main__"`` guard; spawn elsewhere.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    pool = _RestartingPool(lambda: ProcessPoolExecutor(n_process, mp_context=context, initializer=_init_worker,
                                                       initargs=(model,)), model, batch_size)
    try:
        yield from _ordered(pool.submit, _batches(articles, min(batch_size, TASK_ARTICLES)), WINDOW * n_process,
                            lambda batch, future, pending: _survive(pool, batch, future, pending, retried=False))
    finally:
        pool.shutdown()


class _RestartingPool:
    """A process pool that starts again when a worker dies (killed, out of memory, a crash in native code).

    A dead worker breaks the whole ``ProcessPoolExecutor``: every task in
    flight fails with it. The batches are submitted again to a new pool, so
    one dead worker costs time, not the articles other workers had done.
    """

    def __init__(self, make, model: str | None, batch_size: int):
        self.make, self.model, self.batch_size = make, model, batch_size
        self.pool = make()

    def submit(self, batch: list[Article]):
        return self.pool.submit(process_batch, batch, self.model, self.batch_size)

    def restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self.make()

    def shutdown(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _survive(pool: _RestartingPool, batch: list[Article], future, pending: deque, retried: bool) -> list[Outcome]:
    """The outcomes of one batch; if its worker died, restart the pool, resubmit what was in flight, retry.

    A batch that kills a worker twice is split into single articles, so only
    an article that kills its worker by itself fails ("worker process died").
    """
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool as error:
        pool.restart()
        for item in pending:  # every task in flight died with the pool
            item[1] = pool.submit(item[0])
        if not retried:
            return _survive(pool, batch, pool.submit(batch), pending, retried=True)
        if len(batch) > 1:
            return [o for a in batch for o in _survive(pool, [a], pool.submit([a]), pending, retried=True)]
        return [Failure(_source(batch[0]), f"worker process died while processing it ({error})")]
    except Exception as error:  # noqa: BLE001 - a lost batch fails its articles, not the build
        return _failed_batch(batch, error)


def dask_client(scheduler: str | None = None, n_workers: int | None = None):
    """A ``distributed.Client`` for ``scheduler`` (an address like tcp://host:8786), else a LocalCluster."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - depends on the install
        raise RuntimeError("the Dask engine needs dask and distributed: pip install 'graphkit[dask]'") from None
    if scheduler:
        return Client(scheduler)
    import logging

    cluster = LocalCluster(n_workers=n_workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    client = Client(cluster)
    client._graphkit_cluster = cluster  # closed with the client by run_dask
    return client


def run_dask(articles: Iterable[Article], *, model: str | None = None, batch_size: int = 64,
             scheduler: str | None = None, client=None, n_workers: int | None = None) -> Iterator[Outcome]:
    """Outcomes for ``articles`` in input order, computed on a Dask distributed cluster.

    Each batch of articles is one task (a partition); the workers import
    graphkit and load the model once per worker process (``get_pipeline`` is
    cached), and send back DocResults. Give ``client`` to reuse a Client,
    ``scheduler`` to connect to one, or neither for a LocalCluster.
    """
    own = client is None
    if own:
        client = dask_client(scheduler, n_workers)
    try:
        threads = sum(client.nthreads().values()) or 1
        submit = lambda batch: client.submit(process_batch, batch, model, batch_size, pure=False)  # noqa: E731
        yield from _ordered(submit, _batches(articles, min(batch_size, TASK_ARTICLES)), WINDOW * threads)
    finally:
        if own:
            cluster = getattr(client, "_graphkit_cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()


def run(articles: Iterable[Article], *, engine: str = "local", model: str | None = None, n_process: int = 1,
        batch_size: int = 64, scheduler: str | None = None, client=None) -> Iterator[Outcome]:
    """Dispatch to an engine: ``local`` (``n_process`` processes) or ``dask``."""
    if engine == "dask" or scheduler or client is not None:
        return run_dask(articles, model=model, batch_size=batch_size, scheduler=scheduler, client=client,
                        n_workers=n_process if n_process > 1 else None)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    return run_local(articles, model=model, n_process=n_process, batch_size=batch_size)
