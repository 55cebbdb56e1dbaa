"""What bounds the server's work: the query time limit, the row limit, and how many queries run at once.

Every query, the endpoint's and the viewer API's alike, goes through
graphkit.sparql.evaluate, which runs it in a worker thread and gives up on
it at the time limit. A query that is still yielding rows stops at its next
row; one busy inside a single step (sorting, grouping, counting a cartesian
product) cannot be interrupted by Oxigraph and runs on in the background
until that step ends. So the server counts the query threads still alive,
abandoned ones included, and answers 503 while ``max_running`` are: a few
runaway queries cost CPU for a while but cannot pile up without bound.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..sparql import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, Answer, evaluate
from .search import Lazy

WORKER_NAME = "graphkit-query"  # the name graphkit.sparql.in_worker gives its threads


@dataclass
class Limits:
    timeout: float | None = DEFAULT_TIMEOUT  # seconds; None: no limit
    max_rows: int | None = DEFAULT_MAX_ROWS  # None: no limit
    allow_update: bool = False
    max_running: int = 8  # query threads alive at once, abandoned ones included
    max_body: int = 1 << 20  # bytes of a POSTed query or form


class Busy(Exception):
    """Too many queries are running (or still running after their time limit)."""


@dataclass
class Server:
    """What every request handler needs: the store and the limits."""

    store: ox.Store
    limits: Limits = field(default_factory=Limits)
    source: str = ""
    cached_stats: dict | None = None  # /api/stats of a read-only store, counted once
    stats_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    search: Lazy = field(init=False)  # the viewer's search lists

    def __post_init__(self):
        self.search = Lazy(self.store)

    def changed(self) -> None:
        """After an update: what was read from the store is read again."""
        self.cached_stats = None
        self.search.drop()


def running_queries() -> int:
    return sum(1 for t in threading.enumerate() if t.name == WORKER_NAME and t.is_alive())


def check_room(server: Server) -> None:
    """Busy while ``max_running`` query threads are alive."""
    if running_queries() >= server.limits.max_running:
        raise Busy(f"{server.limits.max_running} queries are running (some past their time limit, which "
                   "Oxigraph cannot interrupt inside one step): try again shortly")


async def run(server: Server, sparql: str, *, update: bool = False, max_rows: int | None = -1,
              then=None) -> Answer:
    """``evaluate`` in a thread of its own (in_thread), within the limits; ``then(answer)`` runs there too
    (rendering a large answer is CPU work that must not block the event loop)."""
    check_room(server)
    rows = server.limits.max_rows if max_rows == -1 else max_rows

    def work():
        answer = evaluate(server.store, sparql, allow_update=update, allow_service=False,
                          timeout=server.limits.timeout, max_rows=rows)
        return then(answer) if then else answer

    return await in_thread(work)


async def in_thread(func):
    """``func()`` in a daemon thread of its own, awaited; abandoned if the request is cancelled.

    Not starlette's run_in_threadpool: anyio's pool threads are not daemons
    and its waits shield against cancellation, so one query running on (with
    --timeout 0, or inside a step Oxigraph cannot interrupt) kept Ctrl-C from
    ending the server.
    """
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def settle(outcome, error):
        if future.done():  # cancelled meanwhile: nobody is waiting
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(outcome)

    def target():
        try:
            outcome, error = func(), None
        except BaseException as caught:  # noqa: BLE001 - handed to the awaiting request
            outcome, error = None, caught
        try:
            loop.call_soon_threadsafe(settle, outcome, error)
        except RuntimeError:  # the event loop has closed: the server is stopping
            pass

    threading.Thread(target=target, name="graphkit-request", daemon=True).start()
    return await future
