"""SPARQL over an Oxigraph store: graphkit's standard prefixes, read-only by default, bounded in time and rows."""

from __future__ import annotations

import gc
import re
import threading
import warnings
from dataclasses import dataclass, field
from functools import partial

import pyoxigraph as ox

from .graph.vocab import GK_IRI, VERB

# Predeclared for graphkit's own queries (passed to Oxigraph beside the query, so
# error positions stay the user's); the shipped queries declare theirs anyway.
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


def _python(term):
    """A term as a Python value: numbers for xsd numeric literals, else the lexical form or IRI.

    An ill-typed literal in the data ("abc"^^xsd:integer) keeps its lexical form
    rather than failing the query.
    """
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        value = term.value
        dt = term.datatype.value if term.datatype else ""
        try:
            if dt.endswith(("#integer", "#int", "#long")):
                return int(value)
            if dt.endswith(("#decimal", "#double", "#float")):
                return float(value)
        except ValueError:
            pass
        return value
    return term.value


class QueryError(ValueError):
    """A SPARQL query that cannot run: a syntax error, an update on a read-only graph, or the time limit."""


class QueryTimeout(QueryError):
    """The query ran past its time limit and was abandoned."""


class RowLimitWarning(UserWarning):
    """The query had more rows than ``max_rows``: the rest were not read."""


DEFAULT_TIMEOUT = 60.0  # seconds
DEFAULT_MAX_ROWS = 100_000

UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
_PROLOGUE = re.compile(r"(?is)\A(\s+|#[^\n]*|(PREFIX\s+[\w.-]*:\s*<[^>]*>)|(BASE\s*<[^>]*>))*")


def is_update(sparql: str) -> bool:
    """True for a SPARQL Update request (INSERT, DELETE, LOAD, CLEAR, DROP, ...)."""
    body = sparql[_PROLOGUE.match(sparql).end():]
    return re.match(rf"(?i)({'|'.join(UPDATE_WORDS)})\b", body) is not None


# What hides a word of the query from the keyword scan: strings, IRIs and comments.
_OPAQUE = re.compile(r'"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')


def _has_keyword(sparql: str, word: str) -> bool:
    """Does the keyword occur outside strings, IRIs, comments, variables and prefixed names?"""
    bare = _OPAQUE.sub(" ", sparql)
    return re.search(rf"(?<![\w?$:\-]){word}(?![\w:\-])", bare, re.IGNORECASE) is not None


def uses_service(sparql: str) -> bool:
    """Does the query call another endpoint (SERVICE)? Words inside strings, IRIs, comments and names do not count."""
    return _has_keyword(sparql, "SERVICE")


def names_its_dataset(sparql: str) -> bool:
    """Does the query say which graphs it reads (FROM or FROM NAMED)?"""
    return _has_keyword(sparql, "FROM")


MAX_NESTING = 64  # brackets inside brackets; real queries stay under 10


def nesting(sparql: str) -> int:
    """How deep ``{ }``, ``( )`` and ``[ ]`` nest in the query, outside strings, IRIs and comments."""
    depth = deepest = 0
    for char in re.sub(r"[^{}()\[\]]+", "", _OPAQUE.sub(" ", sparql)):
        depth = depth + 1 if char in "{([" else max(0, depth - 1)
        deepest = max(deepest, depth)
    return deepest


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def _syntax_message(error: SyntaxError) -> str:
    """Oxigraph's 'error at LINE:COL: ...' on one line (the prefixes are passed apart, so LINE is the user's)."""
    message = _one_line(error)
    return message if len(message) <= 300 else message[:297] + "..."


@dataclass
class Answer:
    """A query's result as Oxigraph terms, read to at most ``max_rows``.

    ``kind`` is "solutions" (SELECT, and an update's triple counts), "boolean"
    (ASK) or "graph" (CONSTRUCT/DESCRIBE). ``rows`` holds one list of terms per
    solution (None where unbound), or Triples for a graph.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list = field(default_factory=list)
    boolean: bool = False
    truncated: bool = False


def evaluate(store: ox.Store, sparql: str, *, allow_update: bool = False, allow_service: bool = False,
             timeout: float | None = DEFAULT_TIMEOUT, max_rows: int | None = DEFAULT_MAX_ROWS) -> Answer:
    """Run a SPARQL query or (with ``allow_update``) update on ``store``, within ``timeout`` seconds.

    The standard prefixes (graphkit.sparql.PREFIXES) are predeclared; the
    query's own PREFIX lines win. A federated query (SERVICE, which fetches
    from another endpoint over the network) raises QueryError unless
    ``allow_service``, and so does one whose brackets nest more than
    MAX_NESTING deep. Without FROM/FROM NAMED the default graph is the union of
    all graphs (TriG/N-Quads inputs); with them, the graphs they name.
    ``None`` for ``timeout`` or ``max_rows`` means no limit.
    """
    if not allow_service and uses_service(sparql):
        raise QueryError("SERVICE (a query to another endpoint over the network) is refused: pass --allow-service "
                         "(library: allow_service=True) to let the query reach other hosts")
    update = is_update(sparql)
    if update and not allow_update:
        raise QueryError("update queries (INSERT, DELETE, LOAD, CLEAR, ...) are refused: the query is "
                         "read-only unless you pass --allow-update")
    try:
        sparql.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: bytes that were not UTF-8 on the command line
        raise QueryError("the query is not valid UTF-8") from None
    # Oxigraph's parser recurses per bracket: 3,000 nested { } overflow its stack and kill the
    # process (a segfault, in the CLI and the served endpoint alike), and nested lists or [ ]
    # take time cubic in their depth (200 deep: 8 s to parse, before any time limit applies).
    if nesting(sparql) > MAX_NESTING:
        raise QueryError(f"brackets nested more than {MAX_NESTING} deep: refused (the parser would take "
                         "too long or run out of stack)")
    if update:
        work = partial(_update, store, sparql, PREFIXES)
    else:
        work = partial(_select, store, sparql, PREFIXES, not names_its_dataset(sparql), max_rows)
    return in_worker(work, timeout)


def _update(store: ox.Store, sparql: str, prefixes: dict, stop: threading.Event) -> Answer:
    before = len(store)
    try:
        store.update(sparql, prefixes=prefixes)
    except SyntaxError as error:
        raise QueryError(f"invalid SPARQL update: {_syntax_message(error)}") from None
    except (OSError, RuntimeError, ValueError) as error:
        raise QueryError(f"update failed: {_one_line(error)}") from None
    return Answer("solutions", ["before", "after"], [[ox.Literal(before), ox.Literal(len(store))]])


def _select(store: ox.Store, sparql: str, prefixes: dict, union: bool, max_rows: int | None,
            stop: threading.Event) -> Answer:
    try:
        result = store.query(sparql, prefixes=prefixes, use_default_graph_as_union=union)
    except SyntaxError as error:
        raise QueryError(f"invalid SPARQL: {_syntax_message(error)}") from None
    except (OSError, RuntimeError, ValueError) as error:
        raise QueryError(f"evaluation failed: {_one_line(error)}") from None
    try:
        return _read(result, max_rows, stop)
    except (OSError, RuntimeError, ValueError) as error:
        failure = f"evaluation failed: {_one_line(error)}"
    finally:
        del result  # Oxigraph's results belong to their thread: not kept alive by the traceback below
    raise QueryError(failure)


def _read(result, max_rows: int | None, stop: threading.Event) -> Answer:
    """Read the result's rows, at most ``max_rows``, stopping early once the caller has given up."""
    if isinstance(result, ox.QueryBoolean):
        return Answer("boolean", boolean=bool(result))
    solutions = isinstance(result, ox.QuerySolutions)
    answer = Answer("solutions", [v.value for v in result.variables]) if solutions else Answer("graph")
    for row in result:
        if stop.is_set():
            break
        if max_rows is not None and len(answer.rows) >= max_rows:
            answer.truncated = True
            break
        answer.rows.append([row[name] for name in answer.variables] if solutions else row)
    return answer


# gc is process-wide and several workers run at once (a server's queries, its
# search warming): it stays off while any worker runs, and comes back on (if it
# was on before the first) when the last one ends.
_gc_lock = threading.Lock()
_gc_workers = 0
_gc_was_enabled = False


def _gc_hold() -> None:
    global _gc_workers, _gc_was_enabled
    with _gc_lock:
        if _gc_workers == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_workers += 1


def _gc_release() -> None:
    global _gc_workers
    with _gc_lock:
        _gc_workers -= 1
        if _gc_workers == 0 and _gc_was_enabled:
            gc.enable()


def in_worker(work, timeout: float | None):
    """Run ``work(stop)`` in a worker thread and wait at most ``timeout`` seconds (None: no limit).

    Oxigraph loads and evaluates in Rust without the GIL and never checks for
    signals, so in the calling thread a long load or query would ignore both
    the time limit and Ctrl-C. Here the caller waits instead, and on timeout or
    Ctrl-C abandons the worker: ``stop`` ends a query that is still yielding rows at its next row; a
    query busy inside one step (sorting, grouping, counting) runs on in the
    background until that step ends, or until the process exits.
    """
    outcome: dict = {}
    stop = threading.Event()

    def target():
        try:
            outcome["value"] = work(stop)
        except BaseException as error:  # noqa: BLE001 - handed to the caller's thread
            outcome["error"] = error
        finally:
            _gc_release()  # here, not in the caller: an abandoned worker keeps gc off until it ends

    worker = threading.Thread(target=target, name="graphkit-query", daemon=True)
    # A garbage collection run from the worker would free other threads' unreachable
    # Oxigraph results, which fail when freed outside their thread; none runs meanwhile.
    _gc_hold()
    try:
        worker.start()
    except BaseException:
        _gc_release()
        raise
    try:
        worker.join(timeout)
    finally:
        stop.set()
    if worker.is_alive():
        raise QueryTimeout(f"stopped at the time limit of {timeout:g} s (--timeout SECONDS, library: "
                           f"timeout=SECONDS, sets it; 0 or None: no limit)")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def python_rows(answer: Answer) -> tuple[list[str], list[dict]]:
    """(column names, rows as dicts of Python values); ASK gives one column "ask",
    CONSTRUCT/DESCRIBE subject/predicate/object rows."""
    if answer.kind == "boolean":
        return ["ask"], [{"ask": answer.boolean}]
    if answer.kind == "graph":
        names = ["subject", "predicate", "object"]
        return names, [dict(zip(names, map(_python, (t.subject, t.predicate, t.object)))) for t in answer.rows]
    return answer.variables, [dict(zip(answer.variables, map(_python, row))) for row in answer.rows]


def run_query(store: ox.Store, sparql: str, *, allow_update: bool = False, allow_service: bool = False,
              timeout: float | None = DEFAULT_TIMEOUT,
              max_rows: int | None = DEFAULT_MAX_ROWS) -> tuple[list[str], list[dict]]:
    """Run a SPARQL query (see ``evaluate``): (column names, rows as dicts of Python values).

    Updates give one row with the triple counts before and after. Past
    ``max_rows`` rows the rest are dropped with a RowLimitWarning.
    """
    answer = evaluate(store, sparql, allow_update=allow_update, allow_service=allow_service, timeout=timeout,
                      max_rows=max_rows)
    if answer.truncated:
        warnings.warn(f"query stopped at {max_rows:,} rows (max_rows); the rest were not read",
                      RowLimitWarning, stacklevel=3)
    return python_rows(answer)
