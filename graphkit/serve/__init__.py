"""``graphkit serve``: a SPARQL 1.1 Protocol endpoint and the viewer over a store or a graph file.

A small starlette app on uvicorn over pyoxigraph, rather than Oxigraph's
own server binary: queries go through graphkit.sparql (graphkit's prefixes,
time and row limits, SERVICE refused), and the same process serves the
viewer's JSON APIs and its files.

Modules: ``app`` (routes, security headers, Host/Origin checks),
``endpoint`` (/sparql), ``negotiate`` (Accept), ``api`` (/api/*),
``assets`` (the page and vis-network), ``limits`` (time, rows, queries at
once), ``source`` (opening a folder or a file).
"""

from __future__ import annotations

import socket
import sys
import threading

from .app import create_app, is_loopback
from .limits import Limits

__all__ = ["Limits", "create_app", "exposure_warning", "is_loopback", "serve"]


def exposure_warning(host: str, port: int, allow_update: bool) -> str | None:
    """What to say on stderr when the server will be reachable from other machines."""
    if is_loopback(host):
        return None
    return (f"graphkit: warning: listening on {host}, not a loopback address: anyone who can reach this machine "
            f"on port {port} can query the graph" + (" and change it (--allow-update)" if allow_update else ""))


def _warm(server) -> None:
    """Count /api/stats and read the search lists now rather than on the first page and search (which
    retry if this fails). The counts first: the page waits for them, a search only once it is typed."""
    from .api import count_stats

    steps = [("read the names and quotes to search", server.search.get)]
    if not server.limits.allow_update:  # the counts of a graph that may change are not kept
        steps.insert(0, ("count the graph", lambda: count_stats(server)))
    for what, work in steps:
        try:
            work()
        except Exception as error:  # noqa: BLE001 - said once here; the first request tries again
            print(f"graphkit: warning: cannot {what}: {error}", file=sys.stderr)


def serve(path: str, *, host: str = "127.0.0.1", port: int = 7878, limits: Limits | None = None,
          log_level: str = "warning") -> None:
    """Open ``path`` (a store folder or a graph file) and serve it until Ctrl-C."""
    import uvicorn

    from .source import open_source

    limits = limits or Limits()
    store, what = open_source(path, allow_update=limits.allow_update)
    listening = _listen(host, port)  # before saying "serving": a port in use is one error line
    warning = exposure_warning(host, port, limits.allow_update)
    if warning:
        print(warning, file=sys.stderr)
    shown = f"[{host}]" if ":" in host else host
    size = f", {len(store):,} triples" if what.startswith("graph file") else ""  # counting a big store is slow
    print(f"graphkit: serving {what}{size}, at http://{shown}:{port}/ "
          f"(SPARQL endpoint: http://{shown}:{port}/sparql); Ctrl-C stops", file=sys.stderr, flush=True)
    app = create_app(store, limits, source=path, host=host)
    threading.Thread(target=_warm, args=(app.state.server,), name="graphkit-search-index", daemon=True).start()
    # No proxy headers: behind a proxy, X-Forwarded-For must not let a client pick its own address. Ctrl-C
    # waits at most 2 s for answers in flight (a query with --timeout 0 could otherwise hold it forever).
    config = uvicorn.Config(app, log_level=log_level, proxy_headers=False, server_header=False,
                            timeout_graceful_shutdown=2)
    uvicorn.Server(config).run(sockets=[listening])


def _listen(host: str, port: int) -> socket.socket:
    import click

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        listening = socket.socket(family, kind, proto)
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: restarts at once
        listening.bind(address)
    except OSError as error:
        raise click.ClickException(f"cannot listen on {host} port {port}: {error.strerror or error}") from None
    return listening
