"""Small JSON APIs the served viewer fetches, so a large corpus is browsed a neighbourhood at a time.

GET /api/stats                     counts and the span of article dates
GET /api/search?q=                 entities by any name, and quotes by their text
GET /api/entity?iri=               one entity: names, roles, relations (with status), quotes, articles
GET /api/neighbourhood?iri=        the entities related to one, and the edges between them (expand on click)
GET /api/said?iri=                 who said what: a person's quotes and the statements they claim

Every list is cut at ``limit`` (and says so with ``more``). ``from`` and
``to`` (YYYY, YYYY-MM or YYYY-MM-DD) narrow everything by date: an entity
by the dates of the articles that mention it, a relation or quote by its own
date, else its article's. A date of a lower precision ("2024-07") is in the
range when any part of it is.

Values from the request reach SPARQL only as Oxigraph terms written out by
Oxigraph (an IRI it has checked, a literal it has escaped), never pasted
text. All queries go through graphkit.sparql with the server's limits.
"""

from __future__ import annotations

import re

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import JSONResponse

from ..graph.load import STATUS_KEYS
from ..model import FACT
from ..sparql import QueryError, QueryTimeout, evaluate
from .limits import Busy, Server, check_room, in_thread, run

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_LIMIT = 500
MAX_QUERY_CHARS = 200
COARSE_TYPES = ("Person", "Organization", "Place")
SCHEMA = "https://schema.org/"


class BadRequest(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


# ------------------------------------------------------------- request values


def _iri(request: Request) -> str:
    value = request.query_params.get("iri", "")
    try:
        return str(ox.NamedNode(value))  # "<...>", checked by Oxigraph
    except ValueError:
        raise BadRequest("iri= must be an IRI") from None


def _text(value: str) -> str:
    return str(ox.Literal(value))  # a quoted, escaped SPARQL literal


def _limit(request: Request, default: int) -> int:
    raw = request.query_params.get("limit", str(default))
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
        raise BadRequest(f"limit= must be a whole number from 1 to {MAX_LIMIT}")
    return int(raw)


def _range(request: Request) -> tuple[str | None, str | None]:
    bounds = []
    for name in ("from", "to"):
        value = request.query_params.get(name, "").strip()
        if value and not DATE.match(value):
            raise BadRequest(f"{name}= must be a date: YYYY, YYYY-MM or YYYY-MM-DD")
        bounds.append(value or None)
    return bounds[0], bounds[1]


def in_range(var: str, span: tuple[str | None, str | None]) -> str:
    """A SPARQL condition: the date in ``var`` overlaps the range. "~" sorts after digits and "-", so
    "2024-07~" >= "2024-07-10" (July is not all before the 10th) and "2024-07" <= "2024-07-10~"."""
    start, end = span
    parts = [f'REGEX(STR({var}), "^[0-9]{{4}}")']
    if start:
        parts.append(f'CONCAT(STR({var}), "~") >= {_text(start)}')
    if end:
        parts.append(f'STR({var}) <= {_text(end + "~")}')
    return " && ".join(parts)


def _filtered(span) -> bool:
    return span != (None, None)


# ------------------------------------------------------------- running queries


def _value(term) -> str | None:
    return None if term is None else term.value


async def _rows(server: Server, sparql: str) -> list[dict]:
    answer = await run(server, sparql, max_rows=None)  # every query here has its own LIMIT
    return [dict(zip(answer.variables, map(_value, row))) for row in answer.rows]


def _values(iris) -> str:
    return " ".join(str(ox.NamedNode(i)) for i in iris)


async def entities(server: Server, iris) -> dict[str, dict]:
    """Name, coarse type and mention count of each entity IRI."""
    iris = sorted(set(iris))
    if not iris:
        return {}
    rows = await _rows(server, f"""
        SELECT ?e (SAMPLE(?n) AS ?name) (MAX(?m) AS ?mentions) (GROUP_CONCAT(DISTINCT STR(?t); separator=" ") AS ?types)
        WHERE {{ VALUES ?e {{ {_values(iris)} }}
                 OPTIONAL {{ ?e rdfs:label ?n }} OPTIONAL {{ ?e gk:mentionCount ?m }} OPTIONAL {{ ?e a ?t }} }}
        GROUP BY ?e""")
    return {r["e"]: {"iri": r["e"], "name": r["name"] or r["e"], "type": _coarse(r["types"] or ""),
                     "mentions": int(r["mentions"] or 0)} for r in rows}


def _coarse(types: str) -> str:
    names = {t[len(SCHEMA):] for t in types.split() if t.startswith(SCHEMA)}
    return next((t for t in COARSE_TYPES if t in names), "Other")


async def articles(server: Server, iris) -> dict[str, dict]:
    iris = sorted({i for i in iris if i})
    if not iris:
        return {}
    rows = await _rows(server, f"""
        SELECT ?a (SAMPLE(?h) AS ?title) (SAMPLE(?u) AS ?url) (SAMPLE(?d) AS ?date) (SAMPLE(?id) AS ?key)
        WHERE {{ VALUES ?a {{ {_values(iris)} }}
                 OPTIONAL {{ ?a schema:headline ?h }} OPTIONAL {{ ?a schema:url ?u }}
                 OPTIONAL {{ ?a schema:datePublished ?d }} OPTIONAL {{ ?a schema:identifier ?id }} }}
        GROUP BY ?a""")
    return {r["a"]: {"iri": r["a"], "title": r["title"] or r["key"] or r["a"], "url": r["url"], "date": r["date"]}
            for r in rows}


def _status(iri: str | None) -> str:
    return STATUS_KEYS.get(iri or "", FACT)  # as graphkit.load reads it: a status graphkit does not write is a fact


async def statements(server: Server, patterns: list[str], span, limit: int, *, evidence: bool = False) -> list[dict]:
    """Reified statements matching any of ``patterns`` (each binds ?st), with status, date, article and
    predicate label, oldest first. One query per pattern: Oxigraph plans a UNION of them badly (14 s for
    one person's claims at 86,000 entities, against milliseconds for each part)."""
    date_filter = f"FILTER({in_range('?when', span)})" if _filtered(span) else ""
    rows: dict[str, dict] = {}
    for where in patterns:
        for r in await _rows(server, f"""
            SELECT ?st ?s ?p ?o ?status ?art ?when ?label {'?evidence' if evidence else ''} WHERE {{
              {where}
              ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
              OPTIONAL {{ ?st prov:wasDerivedFrom ?art }}
              OPTIONAL {{ ?st gk:status ?status }}
              OPTIONAL {{ ?st gk:date ?sd }}
              OPTIONAL {{ ?art schema:datePublished ?ad }}
              OPTIONAL {{ ?p rdfs:label ?label }}
              {'OPTIONAL { ?st gk:evidence ?evidence }' if evidence else ''}
              BIND(COALESCE(?sd, ?ad) AS ?when)
              {date_filter}
            }} ORDER BY ?when ?st LIMIT {limit + 1}"""):
            rows.setdefault(r["st"], r)
    ordered = sorted(rows.values(), key=lambda r: (r["when"] or "", r["st"]))[:limit + 1]
    return [{"statement": r["st"], "subject": r["s"], "predicate": r["p"],
             "label": r["label"] or r["p"].rsplit("/", 1)[-1].rsplit("#", 1)[-1], "object": r["o"],
             "status": _status(r["status"]), "article": r["art"], "date": r["when"],
             **({"evidence": r.get("evidence")} if evidence else {})} for r in ordered]


async def quotes(server: Server, where: str, span, limit: int) -> list[dict]:
    """Quotes matching ``where`` (which binds ?q), with speaker, kind, cue, date and article."""
    date_filter = f"FILTER({in_range('?when', span)})" if _filtered(span) else ""
    rows = await _rows(server, f"""
        SELECT ?q ?text ?kind ?cue ?speaker ?art ?when WHERE {{
          {where}
          ?q gk:quoteKind ?kind ; schema:text ?text .
          OPTIONAL {{ ?q schema:isPartOf ?art }}
          OPTIONAL {{ ?q schema:spokenByCharacter ?speaker }}
          OPTIONAL {{ ?q gk:cue ?cue }}
          OPTIONAL {{ ?q gk:date ?qd }}
          OPTIONAL {{ ?art schema:datePublished ?ad }}
          BIND(COALESCE(?qd, ?ad) AS ?when)
          {date_filter}
        }} ORDER BY ?when ?q LIMIT {limit + 1}""")
    return [{"iri": r["q"], "text": r["text"], "kind": r["kind"], "cue": r["cue"], "speaker": r["speaker"],
             "article": r["art"], "date": r["when"]} for r in rows]


def _cut(items: list, limit: int) -> tuple[list, bool]:
    return items[:limit], len(items) > limit


async def _attach(server: Server, items: list[dict], entity_keys=(), article_key="article") -> dict:
    """Replace entity and article IRIs in ``items`` by their descriptions; returns the entities seen."""
    seen = await entities(server, [i[k] for i in items for k in entity_keys if i.get(k)])
    docs = await articles(server, [i.get(article_key) for i in items])
    for item in items:
        for key in entity_keys:
            if item.get(key):
                item[key] = seen.get(item[key], {"iri": item[key], "name": item[key], "type": "Other", "mentions": 0})
        if item.get(article_key):
            item[article_key] = docs.get(item[article_key], {"iri": item[article_key], "title": item[article_key]})
    return seen


# ------------------------------------------------------------- endpoints


STATS_QUERIES = (
    "SELECT (COUNT(?e) AS ?entities) WHERE { ?e gk:mentionCount ?m }",
    """SELECT (COUNT(?a) AS ?articles) (MIN(STR(?d)) AS ?first) (MAX(STR(?d)) AS ?last) WHERE {
         ?a a schema:NewsArticle . OPTIONAL { ?a schema:datePublished ?d FILTER(REGEX(STR(?d), "^[0-9]{4}")) } }""",
    "SELECT (COUNT(?q) AS ?quotes) WHERE { ?q gk:quoteKind ?k }",
    "SELECT (COUNT(?s) AS ?relations) WHERE { ?s a rdf:Statement }",
)


def count_stats(server: Server) -> dict:
    """/api/stats, counted in this thread. One count at a time: ``graphkit serve`` counts at start, ahead
    of the search lists, and a page opened meanwhile waits for that count rather than running a second
    one beside it (about 1 s at 100,000 entities; counted beside the lists, the first page took 2-3 s)."""
    with server.stats_lock:
        if server.cached_stats is not None:
            return server.cached_stats
        counts: dict = {}
        for sparql in STATS_QUERIES:
            answer = evaluate(server.store, sparql, allow_service=False, timeout=server.limits.timeout,
                              max_rows=None)
            counts.update(zip(answer.variables, map(_value, answer.rows[0])))
        result = {"source": server.source, "entities": int(counts["entities"]), "articles": int(counts["articles"]),
                  "quotes": int(counts["quotes"]), "relations": int(counts["relations"]),
                  "dates": {"first": counts["first"], "last": counts["last"]}}
        if not server.limits.allow_update:  # the store cannot change under a read-only server
            server.cached_stats = result
        return result


async def stats(server: Server) -> dict:
    if server.cached_stats is not None:
        return server.cached_stats
    check_room(server)
    return await in_thread(lambda: count_stats(server))


async def search(server: Server, request: Request) -> dict:
    q = request.query_params.get("q", "").strip()
    if not q:
        raise BadRequest("q= is empty")
    if len(q) > MAX_QUERY_CHARS:
        raise BadRequest(f"q= is over {MAX_QUERY_CHARS} characters")
    limit, span = _limit(request, 20), _range(request)
    index = await in_thread(server.search.get)
    pairs, more = await _dated(server, index.find_entities(q), lambda pair: pair[0].iri, span, limit, ENTITY_DATES)
    hits = {entry.iri: hit for entry, hit in pairs}
    described = await entities(server, hits)
    found = [{**described[iri], "matched": hit} for iri, hit in hits.items() if iri in described]
    quote_iris, more_quotes = await _dated(server, index.find_quotes(q), lambda iri: iri, span, limit, QUOTE_DATES)
    said = await quotes(server, f"VALUES ?q {{ {_values(quote_iris)} }}", (None, None), limit) if quote_iris else []
    await _attach(server, said, ("speaker",))
    return {"q": q, "entities": found, "more_entities": more, "quotes": said, "more_quotes": more_quotes}


ENTITY_DATES = "?a schema:mentions ?x ; schema:datePublished ?when ."
QUOTE_DATES = "OPTIONAL { ?x gk:date ?qd } OPTIONAL { ?x schema:isPartOf ?a . ?a schema:datePublished ?ad } " \
              "BIND(COALESCE(?qd, ?ad) AS ?when)"
DATE_BATCH = 1000
DATE_CHECKS = 5_000  # candidates checked at most; past them the answer says there may be more


async def _dated(server: Server, candidates, iri_of, span, limit: int, dating: str) -> tuple[list, bool]:
    """(the first ``limit`` candidates in the date range, whether there are more): checked in SPARQL a
    batch at a time, so a search that matches much asks about only as many as it lists. Past
    DATE_CHECKS candidates it stops and says there may be more."""
    kept, batch, checked = [], [], 0

    async def check():
        if not _filtered(span):
            kept.extend(batch)
        else:
            rows = await _rows(server, f"SELECT DISTINCT ?x WHERE {{ VALUES ?x {{ {_values(map(iri_of, batch))} }} "
                                       f"{dating} FILTER({in_range('?when', span)}) }}")
            inside = {r["x"] for r in rows}
            kept.extend(c for c in batch if iri_of(c) in inside)
        batch.clear()

    for candidate in candidates:
        batch.append(candidate)
        if len(batch) >= (limit + 1 if not _filtered(span) else DATE_BATCH):
            checked += len(batch)
            await check()
            if len(kept) > limit:
                break
            if checked >= DATE_CHECKS:
                return kept, True
    if batch and len(kept) <= limit:
        await check()
    return kept[:limit], len(kept) > limit


async def entity(server: Server, request: Request) -> dict:
    node, limit, span = _iri(request), _limit(request, 100), _range(request)
    facts = await _rows(server, f"SELECT ?p ?o WHERE {{ {node} ?p ?o }} LIMIT 5000")
    if not any(f["p"].endswith("#mentionCount") for f in facts):
        raise BadRequest(f"no entity {node[1:-1]}", 404)
    described = (await entities(server, [node[1:-1]]))[node[1:-1]]
    def by(predicate: str) -> list[str]:
        return sorted({f["o"] for f in facts if f["p"] == predicate})

    described.update(aliases=by("http://www.w3.org/2004/02/skos/core#altLabel"), roles=by(SCHEMA + "jobTitle"),
                     same_as=by("http://www.w3.org/2002/07/owl#sameAs"))
    relations, more_relations = _cut(await statements(
        server, [f"?st rdf:subject {node} .", f"?st rdf:object {node} ."], span, limit, evidence=True), limit)
    await _attach(server, relations, ("subject", "object"))
    said, more_quotes = _cut(await quotes(server, f"?q schema:spokenByCharacter {node} .", span, limit), limit)
    await _attach(server, said, ())
    dated = f"?a schema:datePublished ?d . FILTER({in_range('?d', span)})" if _filtered(span) else ""
    rows = await _rows(server, f"SELECT DISTINCT ?a WHERE {{ ?a schema:mentions {node} . {dated} }} "
                               f"ORDER BY ?a LIMIT {limit + 1}")
    rows, more_articles = _cut(rows, limit)
    docs = sorted((await articles(server, [r["a"] for r in rows])).values(), key=lambda a: (a.get("date") or "", a["iri"]))
    return {"entity": described, "relations": relations, "more_relations": more_relations, "quotes": said,
            "more_quotes": more_quotes, "articles": docs, "more_articles": more_articles}


async def neighbourhood(server: Server, request: Request) -> dict:
    node, limit, span = _iri(request), _limit(request, 50), _range(request)
    centre = node[1:-1]
    found = await statements(server, [f"?st rdf:subject {node} .", f"?st rdf:object {node} ."], span, limit * 4)
    edges: dict[tuple, dict] = {}
    neighbours: list[str] = []
    for st in found[:limit * 4]:
        other = st["object"] if st["subject"] == centre else st["subject"]
        if other not in neighbours:
            if len(neighbours) >= limit:
                continue
            neighbours.append(other)
        key = (st["subject"], st["predicate"], st["object"], st["status"])
        edge = edges.setdefault(key, {"from": st["subject"], "to": st["object"], "label": st["label"],
                                      "predicate": st["predicate"], "status": st["status"], "statements": 0})
        edge["statements"] += 1
    nodes = await entities(server, [centre, *neighbours])
    more = len(found) > limit * 4 or len(neighbours) >= limit
    return {"centre": centre, "nodes": list(nodes.values()), "edges": list(edges.values()), "more": more}


async def said(server: Server, request: Request) -> dict:
    node, limit, span = _iri(request), _limit(request, 100), _range(request)
    speaker = (await entities(server, [node[1:-1]])).get(node[1:-1])
    if speaker is None or not speaker["mentions"]:
        raise BadRequest(f"no entity {node[1:-1]}", 404)
    words, more_quotes = _cut(await quotes(server, f"?q schema:spokenByCharacter {node} .", span, limit), limit)
    await _attach(server, words, ())
    claims, more_claims = _cut(await statements(
        server, [f"?st gk:claimedBy {node} .", f"?said schema:spokenByCharacter {node} . ?st gk:claimedBy ?said ."],
        span, limit, evidence=True), limit)
    await _attach(server, claims, ("subject", "object"))
    return {"speaker": speaker, "quotes": words, "more_quotes": more_quotes, "claims": claims, "more_claims": more_claims}


ROUTES = {"stats": None, "search": search, "entity": entity, "neighbourhood": neighbourhood, "said": said}


async def handle(request: Request) -> JSONResponse:
    server: Server = request.app.state.server
    name = request.path_params["name"]
    if name not in ROUTES:
        return JSONResponse({"error": f"no API /api/{name}"}, status_code=404)
    try:
        body = await stats(server) if name == "stats" else await ROUTES[name](server, request)
    except BadRequest as error:
        return JSONResponse({"error": str(error)}, status_code=error.status)
    except (QueryTimeout, Busy) as error:
        return JSONResponse({"error": str(error)}, status_code=503, headers={"Retry-After": "5"})
    except QueryError as error:  # a query of ours that failed: the store, not the request
        return JSONResponse({"error": str(error)}, status_code=500)
    return JSONResponse(body)
