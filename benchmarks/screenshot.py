"""Screenshot a graphkit viewer page (for the README's docs image).

    .venv/bin/python benchmarks/screenshot.py GRAPH_HTML|GRAPH_TTL OUT_PNG [--width 1400 --height 860]
        [--select NAME] [--scale 2]

Given a graph file (graph.ttl as ``graphkit build`` wrote it), first renders
the page anew with the current viewer code (graphkit.load + write_html), so a
viewer change needs no new model build. Then opens the page from file:// in Debian's headless Chromium with the network
blocked, waits until the layout has settled (``window.graphkitReady``),
optionally selects an entity by name (as the search box would, so the
details panel is filled) and writes a PNG.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--hide-scrollbars"]


def screenshot(html: Path, out: Path, *, width: int, height: int, select: str | None, scale: float) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale)
        # Offline, like a reader opening the file with the network off.
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:"))
                      else r.abort())
        page = context.new_page()
        page.goto(html.resolve().as_uri())
        page.wait_for_function("() => window.graphkitReady === true", timeout=120_000)
        if select:
            page.fill("#gk-search", select)
            page.keyboard.press("Enter")
            page.wait_for_timeout(700)  # the focus animation
            page.mouse.move(0, 0)
        page.screenshot(path=str(out))
        browser.close()


def page_for(graph: Path, tmp: Path) -> Path:
    """``graph`` itself if it is a page, else the page rendered from it into ``tmp``."""
    if graph.suffix.lower() in (".html", ".htm"):
        return graph
    import graphkit

    page = tmp / "graph.html"
    graphkit.load(graph).write_html(page)
    return page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path, help="a page written by graphkit.export.html.write_html, or a graph.ttl")
    parser.add_argument("out", type=Path, help="the PNG to write")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=860)
    parser.add_argument("--select", help="an entity name (or alias) to select first")
    parser.add_argument("--scale", type=float, default=1.0, help="device pixel ratio (2 for a sharp image)")
    args = parser.parse_args(argv)
    if not args.html.is_file():
        parser.error(f"no such file: {args.html}")
    with tempfile.TemporaryDirectory() as tmp:
        page = page_for(args.html, Path(tmp))
        screenshot(page, args.out, width=args.width, height=args.height, select=args.select, scale=args.scale)
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
