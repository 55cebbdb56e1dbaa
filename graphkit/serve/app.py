"""The ASGI app: /sparql, /api/*, the viewer at /, and the headers that keep the page inert.

Every response carries a Content-Security-Policy in the static viewer's
spirit (scripts and styles only as files from this server, fetches only to
it, no frames, no forms) and X-Content-Type-Options: nosniff, so a JSON or
result body holding markup is never read as HTML.

Two checks protect a server on 127.0.0.1 from web pages the user has open:
the Host header must name this server (a DNS-rebinding page sends its own
name), and a request with an Origin header must come from this server's own
origin (another site's page can POST a form to localhost, and with
--allow-update that would be an update).
"""

from __future__ import annotations

import ipaddress

from starlette.applications import Starlette
from starlette.routing import Route

from . import api, assets, endpoint
from .limits import Limits, Server

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"),
           (b"cross-origin-resource-policy", b"same-origin")]
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _host_name(header: str) -> str:
    """The host of a Host header, without the port ("[::1]:7878" -> "::1")."""
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    """ASGI middleware: the Host and Origin checks, and the security headers on every response."""

    def __init__(self, app, allowed_hosts: set[str] | None):
        self.app, self.allowed_hosts = app, allowed_hosts  # None: any host (a server bound for the network)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        refusal = None
        if self.allowed_hosts is not None and _host_name(host).lower() not in self.allowed_hosts:
            refusal = f"Host {host!r} is not this server (a loopback server answers only to its own name)"
        elif "origin" in headers and headers["origin"] != f"{scope.get('scheme', 'http')}://{host}":
            refusal = f"requests from pages of other origins ({headers['origin']}) are refused"
        if refusal:
            response = endpoint.problem(403, refusal)
            return await self._secured(response, scope, receive, send)

        async def send_secured(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + HEADERS
            await send(message)

        await self.app(scope, receive, send_secured)

    async def _secured(self, response, scope, receive, send):
        response.headers.update({k.decode(): v.decode() for k, v in HEADERS})
        await response(scope, receive, send)


def create_app(store, limits: Limits | None = None, *, source: str = "", host: str = "127.0.0.1") -> Starlette:
    """The app over ``store``. ``host`` is the address it will listen on: on a loopback address only
    requests naming a loopback host are answered."""
    app = Starlette(routes=[
        Route("/", assets.index),
        Route("/assets/{name}", assets.asset),
        Route("/favicon.ico", assets.no_icon),
        Route("/sparql", endpoint.sparql, methods=["GET", "POST"]),
        Route("/api/{name}", api.handle),
    ])
    app.state.server = Server(store, limits or Limits(), source)
    allowed = {*LOOPBACK_NAMES, host.lower()} if is_loopback(host) else None
    app.add_middleware(Guard, allowed_hosts=allowed)
    return app
