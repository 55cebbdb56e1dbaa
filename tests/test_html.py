"""The offline HTML viewer, without a browser: structure, escaping, no network, no mutation.

The fixture graphs here are shaped like graphkit.graph's output and are
reused by tests/test_browser.py.
"""

from __future__ import annotations

import copy
import html as htmllib
import json
import math
import os
import re
import subprocess
import sys

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphkit.export.html import LARGE_GRAPH, _parallel_curves, _vis_js, initial_positions, notebook_html, render_html, safe_url, script_json, write_html

ENT = "https://graphkit.example/entity/"
SCHEMA = "https://schema.org/"
GK = "https://graphkit.example/vocab#"

A1 = "nato-summit"
A2 = "kyiv-aid"

STOLTENBERG_QUOTES = [
    {"text": "They need security guarantees. And of course, the best and strongest security "
             "guarantee will be Article Five,", "article": A1, "kind": "direct", "cue": "say"},
    {"text": "too early to say exactly when", "article": A1, "kind": "direct", "cue": "say"},
    {"text": "I'm confident that allies will now actually deliver.", "article": A2, "kind": "direct", "cue": "add"},
]


def _entity(g, slug, name, type_, schema_type, *, aliases=(), roles=(), mentions=1, articles=(A1,), quotes=()):
    g.add_node(ENT + slug, name=name, type=type_, schema_type=schema_type, aliases=list(aliases),
               roles=list(roles), mentions=mentions, articles=list(articles), quotes=list(quotes))


def _relation(g, s, p, o, label, evidence, *, article=A1, role=None, claimed_by=None, ns=SCHEMA):
    g.add_edge(ENT + s, ENT + o, predicate=ns + p, label=label, evidence=evidence, article=article,
               start=0, end=len(evidence), rule="test", role=role,
               claimed_by=ENT + claimed_by if claimed_by else None, status="claimed" if claimed_by else "fact")


def news_graph() -> nx.MultiDiGraph:
    """A small, realistic graph from two NATO/Ukraine news stories."""
    g = nx.MultiDiGraph()
    g.graph["articles"] = {
        A1: {"title": "NATO chief: membership is Ukraine's best security guarantee",
             "url": "https://news.example/nato-summit", "published": "2024-07-10"},
        A2: {"title": "Allies promise to deliver ammunition to Kyiv",
             "url": "https://news.example/kyiv-aid", "published": "2024-07-11"},
    }
    _entity(g, "jens-stoltenberg", "Jens Stoltenberg", "Person", "Person", aliases=["Stoltenberg"],
            roles=["Secretary-General"], mentions=6, articles=[A1, A2], quotes=STOLTENBERG_QUOTES)
    _entity(g, "volodymyr-zelenskyy", "Volodymyr Zelenskyy", "Person", "Person",
            aliases=["Zelenskyy", "Zelensky"], roles=["President"], mentions=2,
            quotes=[{"text": "Ukraine is ready to join", "article": A1, "kind": "indirect", "cue": "say"}])
    _entity(g, "nato", "North Atlantic Treaty Organization", "Organization", "Organization",
            aliases=["NATO", "the alliance", "Transatlantic alliance"], mentions=11, articles=[A1, A2])
    _entity(g, "nato-ukraine-council", "NATO-Ukraine Council", "Organization", "Organization")
    _entity(g, "ukraine", "Ukraine", "Place", "Country", mentions=12, articles=[A1, A2])
    _entity(g, "kyiv", "Kyiv", "Place", "City", aliases=["Kiev"], mentions=2, articles=[A1, A2])
    _entity(g, "russia", "Russia", "Place", "Country", mentions=1)
    _entity(g, "germany", "Germany", "Place", "Country", mentions=1)
    _entity(g, "washington", "Washington", "Place", "City", mentions=2, articles=[A1, A2])

    _relation(g, "jens-stoltenberg", "worksFor", "nato", "works for",
              "NATO Secretary-General Jens Stoltenberg said Wednesday that the best guarantee is membership.",
              role="Secretary-General")
    _relation(g, "volodymyr-zelenskyy", "holdsOfficeIn", "ukraine", "holds office in",
              "NATO's 32 leaders are expected to sit down with Ukrainian President Volodymyr Zelenskyy.",
              role="President", ns=GK)
    _relation(g, "jens-stoltenberg", "metWith", "volodymyr-zelenskyy", "met with",
              "NATO's 32 leaders and Stoltenberg are expected to sit down with Ukrainian President "
              "Volodymyr Zelenskyy on Thursday.", ns=GK)
    _relation(g, "ukraine", "seeksMembershipOf", "nato", "seeks membership of",
              "Ukraine's aspirations for membership in NATO.", ns=GK)
    _relation(g, "ukraine", "memberOf", "nato", "member of",
              "Stoltenberg said allies will agree on Ukraine's eventual membership.",
              claimed_by="jens-stoltenberg")
    _relation(g, "nato-ukraine-council", "parentOrganization", "nato", "part of",
              "a meeting of the NATO-Ukraine Council")
    _relation(g, "nato", "hasPresenceIn", "germany", "has presence in",
              "plans to set up a new NATO command at a headquarters in Germany", ns=GK)
    _relation(g, "kyiv", "containedInPlace", "ukraine", "located in",
              "military assistance to Kyiv", article=A2)
    _relation(g, "russia", "verb:wage", "ukraine", "wage",
              "Russia's ongoing war in Ukraine", ns="")
    return g


# The strings an article could smuggle in, and what must never run.
HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_SCRIPT = "</script><script>alert(1)</script>"
HOSTILE_ATTR = "\"'><svg onload=alert(1)>"
HOSTILE_URL = "javascript:alert(1)"
HOSTILE_STRINGS = [HOSTILE_NAME, HOSTILE_SCRIPT, HOSTILE_ATTR]


def hostile_graph() -> nx.MultiDiGraph:
    """Every text field holds markup that would run if it were not escaped."""
    g = nx.MultiDiGraph()
    g.graph["articles"] = {
        "evil": {"title": HOSTILE_SCRIPT, "url": HOSTILE_URL, "published": HOSTILE_ATTR},
        HOSTILE_ATTR: {"title": HOSTILE_NAME, "url": " JavaScript:alert(1)", "published": None},
    }
    g.add_node(ENT + "a<b>", name=HOSTILE_NAME, type="Person", schema_type=HOSTILE_ATTR,
               aliases=[HOSTILE_SCRIPT, "Mallory"], roles=[HOSTILE_ATTR], mentions=3,
               articles=["evil", HOSTILE_ATTR],
               quotes=[{"text": HOSTILE_SCRIPT, "article": "evil", "kind": "direct", "cue": HOSTILE_NAME},
                       {"text": "plain words", "article": HOSTILE_ATTR, "kind": "indirect", "cue": "say"}])
    g.add_node(ENT + "x\u2028y", name=HOSTILE_SCRIPT, type="Organization", schema_type="Organization",
               aliases=[HOSTILE_NAME], roles=[], mentions=1, articles=["evil"], quotes=[])
    g.add_node(ENT + "p", name=HOSTILE_ATTR, type=HOSTILE_NAME, schema_type=None,
               aliases=[], roles=[], mentions=None, articles=[], quotes=[])
    g.add_edge(ENT + "a<b>", ENT + "x\u2028y", predicate="gk:<b>bold</b>", label=HOSTILE_NAME,
               evidence=HOSTILE_SCRIPT + " & " + HOSTILE_ATTR, article="evil", start=0, end=5,
               rule="r", role=HOSTILE_ATTR, claimed_by=ENT + "a<b>")
    g.add_edge(ENT + "x\u2028y", ENT + "p", predicate="p", label=HOSTILE_SCRIPT,
               evidence="\u2028\u2029", article=HOSTILE_ATTR, start=0, end=1, rule="r", role=None,
               claimed_by=None)
    return g


def without_vis(page: str) -> str:
    """The page less vis-network's own (trusted, minified) code."""
    return page.replace(_vis_js(), "")


def page_data(page: str) -> dict:
    """The JSON data block, parsed back."""
    match = re.search(r'<script type="application/json" id="graphkit-data">(.*?)</script>', page, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


# --------------------------------------------------------------------- tests


def test_page_is_self_contained():
    page = render_html(news_graph(), title="NATO and Ukraine")
    # No attribute or CSS reference to anything outside the page.
    assert not re.search(r"""\b(src|href|action|poster|data)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"@import", page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"<iframe|<object|<embed", page, re.I)
    assert "bootstrap" not in page.lower()
    # The only http(s) strings left are vis-network's license comments, the SVG
    # namespace and the article links, which live inside the JSON data.
    allowed = {"http://almende.com", "http://opensource.org/licenses/MIT",
               "http://www.apache.org/licenses/LICENSE-2.0", "http://www.w3.org/2000/svg",
               "https://github.com/uuidjs/uuid#getrandomvalues-not-supported", "https://github.com/visjs",
               "https://github.com/zloirock/core-js", "https://github.com/zloirock/core-js/blob/v3.21.1/LICENSE",
               "https://visjs.github.io/vis-network/"}
    data_block = re.search(r'id="graphkit-data">(.*?)</script>', page, re.S).group(1)
    outside = page.replace(data_block, "")
    urls = set(re.findall(r"""https?://[^\s"'<>)\\]+""", outside))
    assert urls <= allowed, urls - allowed
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_page_has_every_entity_and_relation():
    g = news_graph()
    data = page_data(render_html(g))
    assert len(data["entities"]) == g.number_of_nodes()
    assert len(data["edges"]) == len(data["relations"]) == g.number_of_edges()
    names = {e["name"] for e in data["entities"].values()}
    assert names == {attrs["name"] for _, attrs in g.nodes(data=True)}
    # Washington is in no relation: listed apart, not drawn.
    assert {n["label"] for n in data["nodes"]} == names - {"Washington"}
    assert [data["entities"][i]["name"] for i in data["unlinked"]] == ["Washington"]
    assert {e["label"] for e in data["edges"]} >= {"works for", "member of", "wage"}
    assert data["omitted"] == 0


def test_nodes_coloured_by_type_and_sized_by_mentions():
    data = page_data(render_html(news_graph()))
    by_label = {n["label"]: n for n in data["nodes"]}
    colours = {data["entities"][n["id"]]["group"]: n["color"]["background"] for n in data["nodes"]}
    assert len(set(colours.values())) == 3
    assert by_label["Ukraine"]["size"] > by_label["Russia"]["size"]
    assert by_label["Jens Stoltenberg"]["size"] > by_label["NATO-Ukraine Council"]["size"]


def test_unlinked_entities_are_listed_not_drawn():
    g = news_graph()
    for i, mentions in enumerate([1, 9, 4, 9]):
        _entity(g, f"lone-{i}", f"Lone {i}", "Person", "Person", mentions=mentions)
    page = render_html(g)
    data = page_data(page)
    unlinked = [data["entities"][i]["name"] for i in data["unlinked"]]
    assert unlinked == ["Lone 1", "Lone 3", "Lone 2", "Washington", "Lone 0"]  # most mentioned, then by name
    assert not set(data["unlinked"]) & {n["id"] for n in data["nodes"]}
    assert "13 entities · 9 relations · 5 without relations, listed apart" in page
    # The hubs (labelled from far out) are drawn entities, best connected first (a tie: more mentions).
    assert [data["entities"][i]["name"] for i in data["hubs"][:2]] == ["Ukraine", "North Atlantic Treaty Organization"]
    assert set(data["hubs"]) <= {n["id"] for n in data["nodes"]}


def test_unlinked_entities_do_not_make_a_graph_large():
    """Hundreds of entities without relations: still laid out in the browser, as a small graph."""
    g = news_graph()
    for i in range(LARGE_GRAPH + 50):
        _entity(g, f"lone-{i}", f"Lone {i}", "Organization", "Organization")
    data = page_data(render_html(g))
    assert len(data["nodes"]) == 8 and len(data["unlinked"]) == LARGE_GRAPH + 51
    assert all("x" not in n for n in data["nodes"])


def test_claims_are_marked():
    data = page_data(render_html(news_graph()))
    claims = [r for r in data["relations"] if r["claimed_by_name"]]
    assert [r["label"] for r in claims] == ["member of"]
    assert claims[0]["claimed_by_name"] == "Jens Stoltenberg"
    assert data["entities"][claims[0]["claimed_by"]]["name"] == "Jens Stoltenberg"
    dashed = [e for e in data["edges"] if e.get("dashes")]
    assert [e["label"] for e in dashed] == ["member of"]


def test_callers_graph_is_unchanged():
    g = news_graph()
    before = (copy.deepcopy(dict(g.graph)), copy.deepcopy(list(g.nodes(data=True))),
              copy.deepcopy(list(g.edges(keys=True, data=True))))
    render_html(g, max_nodes=4)
    notebook_html(g)
    after = (dict(g.graph), list(g.nodes(data=True)), list(g.edges(keys=True, data=True)))
    assert after == before


@pytest.mark.parametrize("hostile", HOSTILE_STRINGS + [HOSTILE_URL])
def test_hostile_strings_never_appear_unescaped(hostile):
    page = render_html(hostile_graph(), title=HOSTILE_NAME + HOSTILE_SCRIPT)
    assert hostile not in page
    # No markup from the data survives as markup anywhere: the JSON holds
    # \u003cimg…, the <title> holds &lt;img….
    lowered = without_vis(page).lower()
    for tag in ("<img", "<svg", "<script>alert", "<b>"):
        assert tag not in lowered
    assert lowered.count("<script") == 3  # data block, vis-network, viewer
    assert lowered.count("</script") == 3


def test_hostile_text_survives_as_data():
    """Escaping must not lose the text: it comes back intact from the JSON."""
    data = page_data(render_html(hostile_graph()))
    names = {e["name"] for e in data["entities"].values()}
    assert names == {HOSTILE_NAME, HOSTILE_SCRIPT, HOSTILE_ATTR}
    assert {r["evidence"] for r in data["relations"]} == {HOSTILE_SCRIPT + " & " + HOSTILE_ATTR, "\u2028\u2029"}


def test_only_http_links_survive():
    data = page_data(render_html(hostile_graph()))
    assert all(a["url"] is None for a in data["articles"].values())
    assert data["articles"]["evil"]["title"] == HOSTILE_SCRIPT
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("HTTP://example.org") == "HTTP://example.org"
    for bad in ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.example",
                "https://a.example/\nb", "vbscript:x", None, 3]:
        assert safe_url(bad) is None, bad


def test_title_is_escaped():
    page = render_html(news_graph(), title=HOSTILE_ATTR)
    assert f"<title>{htmllib.escape(HOSTILE_ATTR)}</title>" in page


def test_lone_surrogates_do_not_break_the_page(tmp_path):
    g = news_graph()
    g.nodes[ENT + "kyiv"]["name"] = "Ky\udcffiv"
    write_html(g, tmp_path / "g.html", title="bad \ud800 title")
    data = page_data((tmp_path / "g.html").read_text(encoding="utf-8"))
    assert "Ky\udcffiv" in {e["name"] for e in data["entities"].values()}


def test_script_json_escapes_breakouts():
    text = script_json({"a": "</script><!-- & \u2028\u2029 >"})
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 >"}


def test_max_nodes_keeps_most_connected_and_reports():
    g = news_graph()
    page = render_html(g, max_nodes=3)
    data = page_data(page)
    kept = {e["name"] for e in data["entities"].values()}
    degree = sorted(g.nodes, key=lambda n: -g.degree(n))
    assert len(kept) == 3
    assert "North Atlantic Treaty Organization" in kept and "Ukraine" in kept
    assert g.degree(degree[0]) >= max(g.degree(n) for n in g if g.nodes[n]["name"] not in kept)
    assert data["omitted"] == g.number_of_nodes() - 3 == 6
    assert "6 less connected entities left out" in page
    # Edges only between kept nodes.
    ids = set(data["entities"])
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])


def test_max_nodes_larger_than_graph_keeps_all():
    g = news_graph()
    data = page_data(render_html(g, max_nodes=1000))
    assert data["omitted"] == 0 and len(data["entities"]) == g.number_of_nodes()


def test_empty_graph_renders():
    data = page_data(render_html(nx.MultiDiGraph()))
    assert data["nodes"] == [] and data["edges"] == []


def test_write_html_is_atomic_and_writes_nothing_else(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "graph.html"
    target.write_text("old")
    write_html(news_graph(), target, title="t")
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(os.listdir(out)) == ["graph.html"]  # no temp file left behind
    assert os.listdir(tmp_path) == ["out"]  # nothing written into the working directory (no lib/)


def test_write_html_failure_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "graph.html"
    target.write_text("old")

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("graphkit.export.html.os.replace", boom)
    with pytest.raises(OSError):
        write_html(news_graph(), target)
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["graph.html"]


def test_notebook_html_is_an_escaped_iframe(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    snippet = notebook_html(hostile_graph(), title="nb")
    assert snippet.startswith("<iframe srcdoc=\"") and snippet.endswith("</iframe>")
    srcdoc = re.match(r'<iframe srcdoc="([^"]*)"', snippet).group(1)
    assert "<" not in srcdoc and '"' not in srcdoc
    assert htmllib.unescape(srcdoc) == render_html(hostile_graph(), title="nb")
    sandbox = re.search(r'sandbox="([^"]*)"', snippet).group(1).split()
    assert "allow-scripts" in sandbox and "allow-same-origin" not in sandbox
    assert os.listdir(tmp_path) == []


def test_render_is_deterministic():
    assert render_html(news_graph()) == render_html(news_graph())


@settings(max_examples=60, deadline=None)
@given(text=st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=6)
                     | st.sampled_from(["<", ">", "&", "</script>", "<!--", "\u2028", "\u2029", "javascript:"]),
                     max_size=8).map("".join))
def test_any_text_stays_inside_the_data_block(text):
    g = nx.MultiDiGraph()
    g.graph["articles"] = {text: {"title": text, "url": text, "published": text}}
    g.add_node(text, name=text, type=text, schema_type=text, aliases=[text], roles=[text], mentions=1,
               articles=[text], quotes=[{"text": text, "article": text, "kind": "direct", "cue": text}])
    g.add_edge(text, text, predicate=text, label=text, evidence=text, article=text, start=0, end=1,
               rule="r", role=text, claimed_by=text)
    page = render_html(g, title="t")
    block = re.search(r'id="graphkit-data">(.*?)</script>', page, re.S).group(1)
    assert not re.search("[<>&\u2028\u2029]", block)
    data = json.loads(block)
    entity = next(iter(data["entities"].values()))
    assert entity["name"] == entity["iri"] == text and entity["aliases"] == [text]
    assert without_vis(page).lower().count("</script") == 3


def big_graph(n: int = LARGE_GRAPH + 100) -> nx.MultiDiGraph:
    """Above the large-graph threshold: a scale-free core plus a few separate pairs."""
    core = nx.barabasi_albert_graph(n - 10, 2, seed=3)
    g = nx.MultiDiGraph()
    g.graph["articles"] = {"a": {"title": "A", "url": None, "published": None}}
    for i in range(n):
        g.add_node(f"{ENT}{i}", name=f"Entity {i}", type=("Person", "Organization", "Place")[i % 3],
                   schema_type="Thing", aliases=[], roles=[], mentions=i % 7, articles=["a"], quotes=[])
    edges = list(core.edges) + [(n - 10 + k, n - 9 + k) for k in range(0, 10, 2)]
    for u, v in edges:
        g.add_edge(f"{ENT}{u}", f"{ENT}{v}", predicate="p", label="related", evidence="e", article="a",
                   start=0, end=1, rule="r", role=None, claimed_by=None)
    return g


def test_big_graphs_start_from_precomputed_positions():
    g = big_graph()
    data = page_data(render_html(g))
    xs = [n["x"] for n in data["nodes"]]
    ys = [n["y"] for n in data["nodes"]]
    assert len(xs) == len(ys) == g.number_of_nodes()
    assert all(math.isfinite(v) for v in xs + ys)
    assert len(set(zip(xs, ys))) > 0.95 * len(xs)  # not piled on one spot
    assert data["options"]["physics"]["stabilization"]["iterations"] <= 100
    assert data["options"]["edges"]["smooth"] is False
    assert initial_positions(g, list(g.nodes)) == initial_positions(g, list(g.nodes))


# Renders big_graph() to the file named by argv[1], in a fresh interpreter.
_RENDER_BIG = """
import sys
sys.path.insert(0, sys.argv[2])
from test_html import big_graph
from graphkit.export.html import write_html
write_html(big_graph(), sys.argv[1], title="big")
"""


def test_big_page_is_the_same_whatever_the_hash_seed(tmp_path):
    """Same graph, same bytes, also above LARGE_GRAPH where positions are computed in Python.

    String hashing (and so set order) changes with PYTHONHASHSEED; two fresh
    processes with different seeds must still write identical pages."""
    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", _RENDER_BIG, str(out), os.path.dirname(__file__)],
                       env=env, check=True, timeout=120)
        pages.append(out.read_bytes())
    assert len(page_data(pages[0].decode())["nodes"]) > LARGE_GRAPH
    assert pages[0] == pages[1]


def test_small_graphs_are_laid_out_in_the_browser():
    data = page_data(render_html(news_graph()))
    assert all("x" not in n for n in data["nodes"])


def test_parallel_edges_fan_out():
    pairs = [("a", "b"), ("b", "a"), ("a", "b"), ("a", "c"), ("c", "c")]
    curves = _parallel_curves(pairs)
    assert set(curves) == {0, 2}  # the middle one of three stays straight; singles and loops too
    # Seen from a to b, the two curves bend to opposite sides.
    seen = {(c["type"] if pairs[i][0] == "a" else {"curvedCW": "curvedCCW", "curvedCCW": "curvedCW"}[c["type"]],
             c["roundness"]) for i, c in curves.items()}
    assert len({side for side, _ in seen}) == 2
    data = page_data(render_html(news_graph()))
    assert sum("smooth" in e for e in data["edges"]) == 2  # Ukraine→NATO: seeks membership, member of


def test_sparse_and_odd_attributes_render():
    """Nodes without attributes, non-string ids and values, missing article metadata."""
    g = nx.MultiDiGraph()
    g.graph["articles"] = None
    g.add_node(1)
    g.add_node(("t", 2), name=None, type="Event", aliases={"x"}, mentions="many", quotes=[None, {"text": 3}])
    g.add_edge(1, ("t", 2))
    g.add_edge(1, 1, label=None, predicate="https://schema.org/knows", claimed_by="nobody")
    data = page_data(render_html(g))
    names = sorted(e["name"] for e in data["entities"].values())
    assert names == ["('t', 2)", "1"]
    assert [r["label"] for r in data["relations"]] == ["related to", "knows"]
    assert data["relations"][1]["claimed_by"] is None and data["relations"][1]["claimed_by_name"] == "nobody"
    odd = next(e for e in data["entities"].values() if e["iri"] == "('t', 2)")
    assert odd["group"] == "other" and odd["mentions"] == 0 and odd["quotes"] == [
        {"text": "3", "article": "", "kind": "", "cue": ""}]


def test_small_separate_components_are_islands_out_of_physics():
    g = big_graph()
    data = page_data(render_html(g))
    names = [[data["entities"][i]["name"] for i in island] for island in data["islands"]]
    n = g.number_of_nodes()
    assert names == [[f"Entity {k}", f"Entity {k + 1}"] for k in range(n - 10, n, 2)]  # the five pairs
    fixed = {node["id"] for node in data["nodes"] if node.get("physics") is False}
    assert fixed == {i for island in data["islands"] for i in island}
