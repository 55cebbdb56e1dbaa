"""The viewer's files: our page, script and style (graphkit/serve/assets/), and vis-network from pyvis.

vis-network is the copy the pyvis package ships (the static viewer inlines
the same file), served from this app: the page loads nothing from elsewhere.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".css": "text/css; charset=utf-8"}
OURS = ("index.html", "viewer.js", "viewer.css")
SHARED = ("dom.js",)  # graphkit/export/assets: the DOM helpers both viewers use
VIS = ("vis-network.min.js", "vis-network.css")


@cache
def read(name: str) -> bytes:
    if name in VIS:
        from ..export.html import vis_folder  # here: the static viewer's module is not needed until then

        return (vis_folder() / name).read_bytes()
    if name in SHARED:
        return resources.files("graphkit.export").joinpath("assets", name).read_bytes()
    return resources.files("graphkit.serve").joinpath("assets", name).read_bytes()


def _response(name: str) -> Response:
    return Response(read(name), media_type=TYPES[Path(name).suffix],
                    headers={"Cache-Control": "no-cache"})  # revalidated, so an upgraded graphkit shows at once


async def index(request: Request) -> Response:
    return _response("index.html")


async def no_icon(request: Request) -> Response:
    return Response(status_code=204)  # browsers ask for one; a 404 would be a console error on every visit


async def asset(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in OURS[1:] + SHARED + VIS:  # a fixed list: no path from the request reaches the file system
        return PlainTextResponse("graphkit: no such file\n", status_code=404)
    return _response(name)
