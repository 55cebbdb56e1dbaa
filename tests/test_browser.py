"""The HTML viewer in a real headless Chromium (Debian's /usr/bin/chromium via playwright).

Every test runs with the network blocked: anything not file:// or data: is
aborted and recorded, and the test fails if the page asked for anything.
Skipped when /usr/bin/chromium or playwright is missing, except under CI
(env CI set), where that is a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graphkit.export.html import notebook_html, write_html

try:  # tests/ is on sys.path (rootdir-relative imports), or a package
    from test_html import (ENT, HOSTILE_ATTR, HOSTILE_NAME, HOSTILE_SCRIPT, STOLTENBERG_QUOTES,
                           big_graph, hostile_graph, news_graph)
except ImportError:  # pragma: no cover
    from tests.test_html import (ENT, HOSTILE_ATTR, HOSTILE_NAME, HOSTILE_SCRIPT, STOLTENBERG_QUOTES,
                                 big_graph, hostile_graph, news_graph)

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


class Viewer:
    """One page of the viewer, offline, with what it tried to fetch and say."""

    def __init__(self, browser, path: Path):
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.page = self.context.new_page()
        self.blocked: list[str] = []
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        # Console errors include CSP refusals, e.g. of a resource the page tried to load.
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("dialog", self._dialog)
        # Any script smuggled in by the data would call alert() or set this flag.
        self.page.add_init_script("window.__pwned = false;"
                                  "window.alert = function () { window.__pwned = true; };")
        self.page.goto(path.as_uri())
        self.page.wait_for_function("() => window.graphkitReady === true", timeout=20_000)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def node_id(self, iri: str) -> str:
        return self.js("iri => Object.keys(graphkit.data.entities).find(k => graphkit.data.entities[k].iri === iri)", iri)

    def node_point(self, node_id: str) -> tuple[float, float]:
        """Page coordinates of a node, centred first so no overlay (the legend) covers it."""
        x, y = self.js("""id => {
            graphkit.network.focus(id, {animation: false});
            const d = graphkit.network.canvasToDOM(graphkit.network.getPositions([id])[id]);
            const r = document.querySelector('#gk-graph canvas').getBoundingClientRect();
            return [r.left + d.x, r.top + d.y];
        }""", node_id)
        assert self.js(f"document.elementFromPoint({x}, {y}).tagName") == "CANVAS"
        return x, y

    def click_node(self, node_id: str) -> None:
        """A real mouse click on the node's position on the canvas."""
        self.page.mouse.click(*self.node_point(node_id))

    def hover_node(self, node_id: str) -> str:
        """Move the mouse onto a node and return its tooltip's text."""
        x, y = self.node_point(node_id)
        self.page.mouse.move(x - 3, y - 3)
        self.page.mouse.move(x, y)
        self.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
        return self.page.inner_text("div.vis-tooltip")

    def panel_text(self) -> str:
        return self.page.inner_text("#gk-panel")

    def assert_offline(self) -> None:
        assert self.blocked == []
        assert all(url.startswith(("file:", "data:")) for url in self.requests), self.requests

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def news_viewer(browser, tmp_path):
    path = tmp_path / "news.html"
    write_html(news_graph(), path, title="NATO and Ukraine")
    viewer = Viewer(browser, path)
    yield viewer
    viewer.assert_offline()
    assert viewer.errors == []
    viewer.close()


@pytest.fixture
def hostile_viewer(browser, tmp_path):
    path = tmp_path / "hostile.html"
    write_html(hostile_graph(), path, title=HOSTILE_NAME + HOSTILE_SCRIPT)
    viewer = Viewer(browser, path)
    yield viewer
    viewer.assert_offline()
    viewer.close()


def test_canvas_is_drawn(news_viewer):
    painted = news_viewer.js("""() => {
        const c = document.querySelector('#gk-graph canvas');
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
        return n;
    }""")
    assert painted > 2000  # nine dots, their labels and the edges


def linked(g) -> int:
    """How many entities are in some relation (and so drawn)."""
    return sum(1 for n in g if g.degree(n))


def test_node_and_edge_counts_match_the_graph(news_viewer):
    g = news_graph()
    assert news_viewer.js("graphkit.nodes.length") == linked(g) == g.number_of_nodes() - 1  # not Washington
    assert news_viewer.js("graphkit.edges.length") == g.number_of_edges()
    assert news_viewer.js("Object.keys(graphkit.network.getPositions()).length") == linked(g)
    assert news_viewer.js("Object.keys(graphkit.data.entities).length") == g.number_of_nodes()


def test_layout_settles_and_physics_goes_off(news_viewer):
    assert news_viewer.js("graphkit.network.physics.physicsEnabled") is False
    before = news_viewer.js("JSON.stringify(graphkit.network.getPositions())")
    news_viewer.page.wait_for_timeout(500)
    assert news_viewer.js("JSON.stringify(graphkit.network.getPositions())") == before
    assert news_viewer.page.is_hidden("#gk-loading")


def test_search_by_alias_focuses_the_entity(news_viewer):
    page = news_viewer.page
    page.fill("#gk-search", "zelensky")  # an alias, lower case
    assert "Volodymyr Zelenskyy" in page.inner_text("#gk-search-results")
    page.keyboard.press("Enter")
    zelenskyy = news_viewer.node_id(ENT + "volodymyr-zelenskyy")
    assert news_viewer.js("graphkit.network.getSelectedNodes()") == [zelenskyy]
    assert page.inner_text("#gk-panel h2") == "Volodymyr Zelenskyy"
    assert "President" in news_viewer.panel_text()
    # An alias of an organisation, matched from its middle; "/" focuses the box.
    page.click("#gk-panel h2")
    page.keyboard.press("/")
    assert news_viewer.js("document.activeElement.id") == "gk-search"
    page.fill("#gk-search", "alliance")
    page.keyboard.press("Enter")
    assert page.inner_text("#gk-panel h2") == "North Atlantic Treaty Organization"


def test_clicking_a_node_lists_its_quotes_and_relations(news_viewer):
    news_viewer.click_node(news_viewer.node_id(ENT + "jens-stoltenberg"))
    text = news_viewer.panel_text()
    assert news_viewer.page.inner_text("#gk-panel h2") == "Jens Stoltenberg"
    for quote in STOLTENBERG_QUOTES:
        assert quote["text"] in text
    assert "Secretary-General" in text
    assert "works for" in text and "met with" in text
    assert "Allies promise to deliver ammunition to Kyiv" in text  # a quote's article title
    assert "claim by Jens Stoltenberg" in text  # the claim he made inside a quote
    links = news_viewer.js("Array.from(document.querySelectorAll('#gk-panel a[href]'))"
                           ".map(a => [a.getAttribute('href'), a.rel, a.target])")
    assert links and all(href.startswith("https://news.example/") and rel == "noopener noreferrer"
                         and target == "_blank" for href, rel, target in links)


def test_panel_relation_selects_the_other_entity(news_viewer):
    news_viewer.js("id => graphkit.focusEntity(id)", news_viewer.node_id(ENT + "jens-stoltenberg"))
    zelenskyy = news_viewer.node_id(ENT + "volodymyr-zelenskyy")
    news_viewer.page.click(f"#gk-panel .gk-item button[data-entity='{zelenskyy}']")
    assert news_viewer.js("graphkit.network.getSelectedNodes()") == [zelenskyy]
    assert news_viewer.page.inner_text("#gk-panel h2") == "Volodymyr Zelenskyy"


def test_claim_badge_selects_the_speaker(news_viewer):
    news_viewer.js("id => graphkit.focusEntity(id)", news_viewer.node_id(ENT + "ukraine"))
    news_viewer.page.click("#gk-panel .gk-badge")
    assert news_viewer.page.inner_text("#gk-panel h2") == "Jens Stoltenberg"


def test_panel_quote_opens_its_article(news_viewer):
    news_viewer.js("id => graphkit.focusEntity(id)", news_viewer.node_id(ENT + "jens-stoltenberg"))
    news_viewer.page.click("#gk-panel .gk-quote >> nth=2")
    assert news_viewer.page.inner_text("#gk-panel h2") == "Allies promise to deliver ammunition to Kyiv"
    assert "Kyiv" in news_viewer.panel_text()
    assert len(news_viewer.js("graphkit.network.getSelectedNodes()")) >= 2


def test_hover_shows_a_plain_text_tooltip(news_viewer):
    tip = news_viewer.hover_node(news_viewer.node_id(ENT + "nato"))
    assert "North Atlantic Treaty Organization" in tip and "Organization" in tip and "the alliance" in tip


def test_type_and_predicate_filters(news_viewer):
    page = news_viewer.page
    page.uncheck("#gk-type-filter label[title='Place'] input")
    visible = news_viewer.js("graphkit.network.body.nodeIndices.length")
    assert visible == 4  # two people, two organisations
    # Washington, the one entity in no relation, is not drawn; its list follows the filter.
    assert page.is_hidden("#gk-unlinked .gk-group[data-group='Place']")
    page.check("#gk-type-filter label[title='Place'] input")
    assert news_viewer.js("graphkit.network.body.nodeIndices.length") == 8
    assert page.is_visible("#gk-unlinked .gk-group[data-group='Place']")
    page.click("#gk-pred-none")
    assert news_viewer.js("graphkit.network.body.edgeIndices.length") == 0
    page.check("#gk-predicate-filter label[title='works for'] input")
    assert news_viewer.js("graphkit.network.body.edgeIndices.length") == 1


def test_physics_toggle(news_viewer):
    news_viewer.page.check("#gk-physics")
    assert news_viewer.js("graphkit.network.physics.physicsEnabled") is True
    news_viewer.page.uncheck("#gk-physics")
    assert news_viewer.js("graphkit.network.physics.physicsEnabled") is False


def test_hostile_graph_runs_no_script_and_shows_text(hostile_viewer):
    v = hostile_viewer
    assert v.js("document.title") == HOSTILE_NAME + HOSTILE_SCRIPT
    assert v.page.inner_text("#gk-title") == HOSTILE_NAME + HOSTILE_SCRIPT
    person = v.node_id(ENT + "a<b>")
    v.click_node(person)
    text = v.panel_text()
    for hostile in (HOSTILE_NAME, HOSTILE_SCRIPT, HOSTILE_ATTR):
        assert hostile in text  # shown as text, not parsed
    # The search matches hostile aliases as plain text too.
    v.page.fill("#gk-search", "</script>")
    assert HOSTILE_SCRIPT in v.page.inner_text("#gk-search-results")
    v.page.keyboard.press("Escape")
    # Quote → article panel, whose javascript: URL must not become a link.
    v.page.click("#gk-panel .gk-quote >> nth=0")
    assert v.page.inner_text("#gk-panel h2") == HOSTILE_SCRIPT
    hrefs = v.js("Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))")
    assert hrefs == []
    # Hover tooltip of the hostile node.
    assert HOSTILE_NAME in v.hover_node(person)
    v.page.wait_for_timeout(300)  # give any injected onerror/onload a chance to fire
    assert v.js("window.__pwned") is False
    assert v.dialogs == []
    assert v.js("document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
    assert v.js("document.querySelectorAll('script').length") == 3
    assert v.errors == []


def test_max_nodes_page_reports_the_cut(browser, tmp_path):
    path = tmp_path / "cut.html"
    write_html(news_graph(), path, max_nodes=3)
    viewer = Viewer(browser, path)
    try:
        assert viewer.js("graphkit.nodes.length") == 3
        assert "6 less connected entities left out" in viewer.page.inner_text("#gk-stats")
        assert "6 of 9 entities are left out" in viewer.panel_text()
        viewer.assert_offline()
    finally:
        viewer.close()


def test_notebook_iframe_runs_sandboxed_and_offline(browser):
    """notebook_html's srcdoc iframe draws the graph with scripts only (no same-origin)."""
    context = browser.new_context(viewport={"width": 1100, "height": 760})
    requests: list[str] = []
    context.route("**/*", lambda r: (requests.append(r.request.url), r.abort()))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.set_content(notebook_html(news_graph(), title="nb", height=700))
        frame = page.frames[1]
        frame.wait_for_function("() => window.graphkitReady === true", timeout=20_000)
        assert frame.evaluate("graphkit.nodes.length") == linked(news_graph())
        frame.fill("#gk-search", "Kiev")
        frame.press("#gk-search", "Enter")
        assert frame.inner_text("#gk-panel h2") == "Kyiv"
        assert requests == [] and errors == []
    finally:
        context.close()


def test_seed_graph_in_the_browser(browser, tmp_path, seed_kg):
    """The real graph stage's output on the seed article: every entity drawn or listed, quotes listed."""
    g = seed_kg.nx
    path = tmp_path / "seed.html"
    write_html(g, path, title="seed")
    viewer = Viewer(browser, path)
    try:
        assert viewer.js("graphkit.nodes.length") == linked(g)
        assert viewer.js("graphkit.nodes.length + graphkit.data.unlinked.length") == g.number_of_nodes()
        assert viewer.js("graphkit.edges.length") == g.number_of_edges()
        speaker = max(g.nodes, key=lambda n: len(g.nodes[n]["quotes"]))
        viewer.page.fill("#gk-search", g.nodes[speaker]["name"])
        viewer.page.keyboard.press("Enter")
        assert viewer.page.inner_text("#gk-panel h2") == g.nodes[speaker]["name"]
        shown = viewer.page.locator("#gk-panel .gk-quote").count()
        assert shown == len(g.nodes[speaker]["quotes"]) > 0
        viewer.assert_offline()
        assert viewer.errors == []
    finally:
        viewer.close()


def test_big_graph_settles_and_stays_put(browser, tmp_path):
    g = big_graph()
    path = tmp_path / "big.html"
    write_html(g, path)
    viewer = Viewer(browser, path)
    try:
        assert viewer.js("graphkit.nodes.length") == g.number_of_nodes()
        assert viewer.js("graphkit.network.physics.physicsEnabled") is False
        before = viewer.js("JSON.stringify(graphkit.network.getPositions())")
        viewer.page.wait_for_timeout(500)
        assert viewer.js("JSON.stringify(graphkit.network.getPositions())") == before
        viewer.page.fill("#gk-search", "Entity 0")
        viewer.page.keyboard.press("Enter")
        assert viewer.page.inner_text("#gk-panel h2") == "Entity 0"
        viewer.assert_offline()
        assert viewer.errors == []
    finally:
        viewer.close()


def test_empty_graph_page_is_ready(browser, tmp_path):
    import networkx as nx

    path = tmp_path / "empty.html"
    write_html(nx.MultiDiGraph(), path)
    viewer = Viewer(browser, path)
    try:
        assert viewer.js("graphkit.nodes.length") == 0
        assert "The graph is empty." in viewer.panel_text()
        assert viewer.errors == []
    finally:
        viewer.close()


# ------------------------------------------- unlinked entities and quote search

LONE_QUOTE = "The harbour will reopen in spring, whatever the ministry says."


def lonely_graph():
    """news_graph() plus a quoted person in no relation (Washington is in none either)."""
    g = news_graph()
    g.add_node(ENT + "lone-voice", name="Lone Voice", type="Person", schema_type="Person", aliases=[], roles=[],
               mentions=3, articles=["kyiv-aid"],
               quotes=[{"text": LONE_QUOTE, "article": "kyiv-aid", "kind": "direct", "cue": "say"}])
    return g


@pytest.fixture
def lonely_viewer(browser, tmp_path):
    path = tmp_path / "lonely.html"
    write_html(lonely_graph(), path)
    viewer = Viewer(browser, path)
    yield viewer
    viewer.assert_offline()
    assert viewer.errors == []
    viewer.close()


def test_unlinked_entities_are_listed_and_clickable(lonely_viewer):
    v, page = lonely_viewer, lonely_viewer.page
    lone = v.node_id(ENT + "lone-voice")
    assert v.js("id => graphkit.nodes.get(id)", lone) is None  # not drawn
    assert page.inner_text("#gk-unlinked summary") == "2 entities without relations"
    page.click("#gk-unlinked .gk-group[data-group='Person'] summary")
    row = f"#gk-unlinked li[data-entity='{lone}']"
    assert "❝ 1" in page.inner_text(row)
    page.click(f"{row} button")
    assert page.inner_text("#gk-panel h2") == "Lone Voice"
    text = v.panel_text()
    assert LONE_QUOTE in text and "in no relation" in text
    assert "Allies promise to deliver ammunition to Kyiv" in text  # its article
    assert page.get_attribute(row, "aria-current") == "true"
    assert v.js("graphkit.network.getSelectedNodes()") == []
    # A drawn entity takes the selection back.
    v.click_node(v.node_id(ENT + "nato"))
    assert page.get_attribute(row, "aria-current") is None


def test_quote_words_find_an_unlinked_speaker(lonely_viewer):
    page = lonely_viewer.page
    page.fill("#gk-search", "REOPEN in")  # case and spacing do not matter
    results = page.inner_text("#gk-search-results")
    assert "Lone Voice" in results and "harbour will" in results
    page.keyboard.press("Enter")
    assert page.inner_text("#gk-panel h2") == "Lone Voice"
    assert page.inner_text("#gk-panel .gk-quote.gk-hit mark") == "reopen in"
    # The card opened at its row, so the list shows where it is.
    assert lonely_viewer.js("document.querySelector('#gk-unlinked li[aria-current]').dataset.entity") == \
        lonely_viewer.node_id(ENT + "lone-voice")


def test_quote_search_selects_the_speaker_and_marks_the_quote(news_viewer):
    page = news_viewer.page
    page.fill("#gk-search", "article five")
    assert page.inner_text("#gk-search-results mark") == "Article Five"
    assert "Jens Stoltenberg" in page.inner_text("#gk-search-results")
    page.keyboard.press("Enter")
    assert news_viewer.js("graphkit.network.getSelectedNodes()") == [news_viewer.node_id(ENT + "jens-stoltenberg")]
    assert page.inner_text("#gk-panel h2") == "Jens Stoltenberg"
    assert page.locator("#gk-panel .gk-quote.gk-hit").count() == 1
    assert page.inner_text("#gk-panel .gk-quote.gk-hit mark") == "Article Five"
    # Names still come first: "Ukraine" is a name and inside a quote.
    page.fill("#gk-search", "ukraine")
    first = news_viewer.js("document.querySelector('#gk-search-results li').innerText")
    assert first.strip() == "Ukraine"


def test_hostile_quote_stays_inert(browser, tmp_path):
    from hostile import HOSTILE as PIECES  # tests/ is on sys.path, as for test_html

    payload = "payload " + HOSTILE_NAME + HOSTILE_SCRIPT + HOSTILE_ATTR + "".join(PIECES)
    g = news_graph()
    g.add_node(ENT + "mallory", name=HOSTILE_NAME, type="Person", schema_type="Person", aliases=[HOSTILE_ATTR],
               roles=[], mentions=1, articles=["nato-summit"],
               quotes=[{"text": payload, "article": "nato-summit", "kind": "direct", "cue": HOSTILE_SCRIPT}])
    path = tmp_path / "hostile-quote.html"
    write_html(g, path)
    v = Viewer(browser, path)
    try:
        page = v.page
        page.fill("#gk-search", "payload <img")
        assert page.inner_text("#gk-search-results mark") == "payload <img"
        assert HOSTILE_NAME in page.inner_text("#gk-search-results")
        page.keyboard.press("Enter")
        assert page.inner_text("#gk-panel h2") == HOSTILE_NAME
        assert page.inner_text("#gk-panel .gk-quote.gk-hit mark") == "payload <img"
        # Selecting it opened its row in the list of unlinked entities, as text.
        assert HOSTILE_NAME in page.inner_text("#gk-unlinked .gk-group[data-group='Person']")
        page.wait_for_timeout(300)  # give any injected onerror/onload a chance to fire
        assert v.js("window.__pwned") is False and v.dialogs == []
        assert v.js("document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
        assert v.js("document.querySelectorAll('script').length") == 3
        assert v.errors == []
        v.assert_offline()
    finally:
        v.close()
