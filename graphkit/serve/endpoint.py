"""The SPARQL 1.1 Protocol endpoint at /sparql (https://www.w3.org/TR/sparql11-protocol/).

Query: GET ?query=, POST application/x-www-form-urlencoded (query=), POST
application/sparql-query. Update, only with --allow-update: POST
application/x-www-form-urlencoded (update=) or application/sparql-update.
Answers are negotiated from Accept and written by the same code as
``graphkit query --format`` (Oxigraph's W3C serializers).

Status codes: 400 a query that does not parse (the parser's message) or a
request the protocol does not allow; 403 an update on a read-only server, or
SERVICE; 406 an Accept this endpoint cannot serve; 413 a body over the
limit; 415 another POST content type; 503 the time limit, or too many
queries running.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from ..query_cli import render
from ..sparql import QueryError, QueryTimeout, is_update, uses_service
from .limits import Busy, Server, run
from .negotiate import GRAPH_TYPES, RESULT_TYPES, choose, offered

FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"
# Protocol parameters for choosing the dataset: graphkit answers with FROM / FROM NAMED instead.
DATASET_PARAMS = ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")


class Refused(Exception):
    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.headers = status, headers


def problem(status: int, message: str, headers: dict | None = None) -> Response:
    return PlainTextResponse(f"graphkit: {message}\n", status_code=status, headers=headers)


async def sparql(request: Request) -> Response:
    server: Server = request.app.state.server
    try:
        operation, text = await _operation(request, server)
        if operation == "update":
            return await _update(server, text)
        return await _query(request, server, text)
    except Refused as refusal:
        return problem(refusal.status, str(refusal), refusal.headers)


async def _operation(request: Request, server: Server) -> tuple[str, str]:
    """("query" | "update", the SPARQL text) from the request, or Refused."""
    params = {k: request.query_params.getlist(k) for k in request.query_params}
    if request.method == "POST":
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await _body(request, server.limits.max_body)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise Refused(400, "the request body is not UTF-8") from None
        if media == FORM:
            for key, values in parse_qs(text, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        elif media in (QUERY_BODY, UPDATE_BODY):
            params.setdefault("update" if media == UPDATE_BODY else "query", []).append(text)
        else:
            raise Refused(415, f"POST a query as {FORM} (query=...) or {QUERY_BODY}, an update as "
                               f"{FORM} (update=...) or {UPDATE_BODY}; not {media or 'no content type'}")
    for name in DATASET_PARAMS:
        if params.get(name):
            raise Refused(400, f"{name} is not supported: name the graphs in the query (FROM, FROM NAMED, USING)")
    queries, updates = params.get("query", []), params.get("update", [])
    if len(queries) + len(updates) != 1:
        raise Refused(400, "give exactly one query= or update= (SPARQL 1.1 Protocol)")
    if updates:
        if not server.limits.allow_update:
            raise Refused(403, "SPARQL Update is refused: this server is read-only (start it with --allow-update)")
        if request.method != "POST":
            raise Refused(400, "an update must be POSTed (SPARQL 1.1 Protocol)")
        return "update", updates[0]
    return "query", queries[0]


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise Refused(413, f"the request body is over {limit:,} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Refused(413, f"the request body is over {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _guard(text: str) -> None:
    # Checked here as well as in evaluate, for a message that fits a server: it has no --allow-service.
    if uses_service(text):
        raise Refused(403, "SERVICE is refused: this server never sends queries to other endpoints")


async def _evaluate(server: Server, text: str, *, update: bool, then=None):
    try:
        return await run(server, text, update=update, then=then)
    except QueryTimeout as error:
        raise Refused(503, f"query {error}", {"Retry-After": "5"}) from None
    except QueryError as error:
        raise Refused(400, str(error)) from None
    except Busy as error:
        raise Refused(503, str(error), {"Retry-After": "5"}) from None


async def _query(request: Request, server: Server, text: str) -> Response:
    _guard(text)
    if is_update(text):
        if not server.limits.allow_update:
            raise Refused(403, "SPARQL Update is refused: this server is read-only (start it with --allow-update)")
        raise Refused(400, "an update goes in update= or an application/sparql-update body, not query=")
    accept = request.headers.get("accept")
    results, graph = choose(accept, RESULT_TYPES), choose(accept, GRAPH_TYPES)
    if results is None and graph is None:  # before running it: no answer could be sent anyway
        raise Refused(406, f"cannot answer in {accept}: SELECT/ASK give {offered(RESULT_TYPES)}; "
                           f"CONSTRUCT/DESCRIBE give {offered(GRAPH_TYPES)}")

    def rendered(answer):
        chosen = graph if answer.kind == "graph" else results
        return answer, chosen, (render(answer, chosen[0]) if chosen else b"")

    answer, chosen, body = await _evaluate(server, text, update=False, then=rendered)
    if chosen is None:
        kind, types = ("CONSTRUCT/DESCRIBE", GRAPH_TYPES) if answer.kind == "graph" else ("SELECT/ASK", RESULT_TYPES)
        raise Refused(406, f"cannot answer in {accept}: {kind} give {offered(types)}")
    headers = {"Vary": "Accept"}
    if answer.truncated:
        headers["X-Graphkit-Truncated"] = f"max-rows={server.limits.max_rows}"
    return Response(body, media_type=chosen[1], headers=headers)


async def _update(server: Server, text: str) -> Response:
    _guard(text)
    if not is_update(text):
        raise Refused(400, "update= does not hold an update (INSERT, DELETE, LOAD, CLEAR, ...): send a query as query=")
    try:
        await _evaluate(server, text, update=True)
    finally:
        server.changed()  # even a failed or timed-out update may have changed the store
    return Response(status_code=204)
