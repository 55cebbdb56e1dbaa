"""GraphML, GEXF and the Neo4j CSV folder: read back what was written and find the graph in it.

Most tests use a hand-made corpus (no model run): its texts hold what broke
or blurred the exports before, "; " and quotes inside a quote, line breaks,
and characters XML cannot hold (issue 15). The seed graph checks a real build.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

import graphkit
from graphkit.export.neo4j import ARRAY_DELIMITER, IMPORT_COMMAND, NODE_FILES, RELATIONSHIP_FILES, relationship_type
from graphkit.export.networkx_io import ARTICLE_ATTRIBUTES, ENTITY_ATTRIBUTES, RELATION_ATTRIBUTES
from graphkit.export.text import safe_text
from graphkit.graph.corpus import merge_results
from graphkit.graph.iris import IRIs
from graphkit.model import CLAIMED, DocResult, Entity, Mention, Quote, Relation, Span
from graphkit.predicates import predicate_label

ROOT = Path(__file__).resolve().parent.parent
QUOTE = 'We build; then, we "rest",\r\nsoon\ufffe\uffff\x00\x07\x1f.'  # a lone surrogate cannot even be hashed
TEXT = (f'Ana Ruiz of Acme Corp said: "{QUOTE}" Someone added: "It rains in Lyon." '
        "Ana Ruiz works for Acme Corp since Monday.")


def _span(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span(start, start + len(words), words)


def _mention(text: str, words: str, after: int = 0) -> Mention:
    span = _span(text, words, after)
    return Mention(span.start, span.end, words)


def hand_corpus():
    article = graphkit.Article(text=TEXT, id="a;1", title='Lyon, "today"; news', url="https://example.org/a?x=1&y=2",
                               published="2024-07-10", author="Jo Doe", source="hand")
    last = TEXT.rindex("Ana Ruiz")
    entities = (
        Entity("e0", "Ana Ruiz", "Person", "PERSON", aliases=("Ruiz; A.|R",), roles=('mayor, of "Lyon"',),
               mentions=(_mention(TEXT, "Ana Ruiz"), _mention(TEXT, "Ana Ruiz", last))),
        Entity("e1", "Acme Corp", "Organization", "ORG",
               mentions=(_mention(TEXT, "Acme Corp"), _mention(TEXT, "Acme Corp", last))),
        Entity("e2", "Lyon", "Place", "GPE", mentions=(_mention(TEXT, "Lyon"),)),
    )
    quoted = _span(TEXT, QUOTE)
    unattributed = _span(TEXT, "It rains in Lyon.")
    quotes = (Quote(QUOTE, quoted.start, quoted.end, speaker="e0", speaker_mention=_span(TEXT, "Ana Ruiz"), cue="say"),
              Quote(unattributed.text, unattributed.start, unattributed.end))
    sentence = _span(TEXT, "Ana Ruiz works for Acme Corp since Monday.")
    relations = (
        Relation("e0", "worksFor", "e1", sentence, "test-rule", when=_span(TEXT, "since Monday")),
        Relation("e1", "verb:build", "e2", Span(quoted.start, quoted.end, QUOTE), "test-claim", claimed_by=0,
                 status=CLAIMED),
    )
    second = graphkit.Article(text="Lyon is calm.", id="b2")
    results = [DocResult(article, entities, relations, quotes),
               DocResult(second, (Entity("e0", "Lyon", "Place", "GPE", mentions=(Mention(0, 4, "Lyon"),)),))]
    corpus, _ = merge_results(results)
    return corpus


@pytest.fixture(scope="module")
def hand_kg():
    return graphkit.KnowledgeGraph(hand_corpus())


def expected(kg):
    """What any export must give back: entities, relations, quotes (speaker "" if none) and articles, text as exports write it."""
    iris = IRIs(kg.base_iri)
    c = kg.corpus
    entities = {str(iris.entity(k)): (e.name, e.type, [safe_text(a) for a in e.aliases]) for k, e in c.entities.items()}
    relations = sorted((str(iris.entity(r.subject)), str(iris.entity(r.object)), predicate_label(r.predicate), r.status,
                        r.article, r.relation.evidence.start, r.relation.evidence.end) for r in c.relations)
    quotes = sorted((str(iris.entity(q.speaker)) if q.speaker else "", safe_text(q.quote.text), q.article,
                     q.quote.start, q.quote.end) for q in c.quotes)
    articles = {str(iris.article(k)): (k, a.title, a.url, a.published) for k, a in c.articles.items()}
    return entities, relations, quotes, articles


# ------------------------------------------------------------------ GraphML and GEXF

READERS = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}


def read_back(g: nx.Graph):
    """The same four things, from a graph networkx read."""
    nodes = dict(g.nodes(data=True))
    entities = {n: (d["name"], d["type"], json.loads(d["aliases"])) for n, d in nodes.items() if d["kind"] == "entity"}
    relations = sorted((u, v, d["label"], d["status"], d["article"], d["evidence_start"], d["evidence_end"])
                       for u, v, d in g.edges(data=True) if d["kind"] == "relation")
    quotes = sorted([(n, q["text"], q["article"], q["start"], q["end"])
                     for n, d in nodes.items() if d["kind"] == "entity" for q in json.loads(d["quotes"])]
                    + [("", q["text"], q["article"], q["start"], q["end"])
                       for d in nodes.values() if d["kind"] == "article" for q in json.loads(d["unattributed_quotes"])])
    articles = {n: (d["article_key"], d.get("title"), d.get("url"), d.get("published"))
                for n, d in nodes.items() if d["kind"] == "article"}
    return entities, relations, quotes, articles


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_formats_round_trip_through_networkx(hand_kg, tmp_path, fmt):
    path = tmp_path / f"graph.{fmt}"
    hand_kg.write(path, fmt)
    ET.parse(path)  # well-formed XML, whatever the texts held
    g = READERS[fmt](path)
    assert read_back(g) == expected(hand_kg)
    entities, _, quotes, _ = read_back(g)
    assert ["Ruiz; A.|R"] in [aliases for _, _, aliases in entities.values()]  # one alias, not split at "; "
    assert any(text.startswith('We build; then, we "rest",\r\nsoon\ufffd\ufffd\ufffd\ufffd\ufffd.')
               for _, text, *_ in quotes)
    mentions = {(u, v) for u, v, d in g.edges(data=True) if d["kind"] == "mentioned_in"}
    lyon = next(n for n, (name, *_) in entities.items() if name == "Lyon")
    assert {v for u, v in mentions if u == lyon} == set(read_back(g)[3])  # Lyon is in both articles
    claimed = [d for *_, d in g.edges(data=True) if d.get("status") == "claimed"]
    assert [d["label"] for d in claimed] == ["build"]
    dated = next(d for *_, d in g.edges(data=True) if d.get("label") == "works for")
    assert (dated["date_text"], dated["date"]) == ("since Monday", "2024-07-08")


def test_safe_text_replaces_what_xml_cannot_hold_one_for_one():
    bad = "\x00\x08\x0b\x0c\x1f\ud800\udfff\ufffe\uffff"
    assert safe_text(f"a{bad}b") == "a" + "\ufffd" * len(bad) + "b"
    kept = "\t\n\r \u00e9\ud7ff\ue000\ufffd\U00010000\U0010ffff"
    assert safe_text(kept) == kept


def test_offsets_still_slice_the_article_after_cleaning(hand_kg, tmp_path):
    """Bad characters are replaced one for one, so offsets count the same characters."""
    path = tmp_path / "graph.graphml"
    hand_kg.write(path, "graphml")
    g = nx.read_graphml(path)
    [quote] = json.loads(next(d for _, d in g.nodes(data=True) if d.get("name") == "Ana Ruiz")["quotes"])
    assert quote["text"] == safe_text(TEXT[quote["start"]:quote["end"]])


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_the_seed_graph_round_trips(seed_kg, tmp_path, fmt):
    path = tmp_path / f"graph.{fmt}"
    seed_kg.write(path, fmt)
    got = read_back(READERS[fmt](path))
    assert got == expected(seed_kg)
    article = next(iter(seed_kg.corpus.articles.values())).text
    assert all(article[start:end] == text for _, text, _, start, end in got[2])
    assert {status for *_, status, _, _, _ in got[1]} >= {"fact", "claimed", "planned"}


def test_every_written_attribute_is_documented(hand_kg, tmp_path):
    path = tmp_path / "graph.graphml"
    hand_kg.write(path, "graphml")
    g = nx.read_graphml(path)
    documented = {"entity": ENTITY_ATTRIBUTES, "article": ARTICLE_ATTRIBUTES}
    for _, d in g.nodes(data=True):
        assert set(d) <= set(documented[d["kind"]]), set(d) - set(documented[d["kind"]])
    for *_, d in g.edges(data=True):
        if d["kind"] == "relation":
            assert set(d) - {"id"} <= set(RELATION_ATTRIBUTES)


GEXF_NS = "{http://www.gexf.net/1.2draft}"
GEXF_TYPES = {"integer", "long", "double", "float", "boolean", "liststring", "string", "anyURI"}


def test_gexf_follows_the_gexf_1_2_structure(hand_kg, tmp_path):
    """The rules of Gephi's GEXF 1.2 schema that matter (the XSD itself is not on this machine)."""
    path = tmp_path / "graph.gexf"
    hand_kg.write(path, "gexf")
    root = ET.parse(path).getroot()
    assert root.tag == f"{GEXF_NS}gexf" and root.get("version") == "1.2"
    assert [c.tag for c in root] == [f"{GEXF_NS}meta", f"{GEXF_NS}graph"]
    graph = root.find(f"{GEXF_NS}graph")
    assert graph.get("defaultedgetype") == "directed"
    assert graph.get("mode") == "static" and graph.get("timeformat") is None  # offsets are not time intervals
    children = [c.tag.removeprefix(GEXF_NS) for c in graph]
    assert children == ["attributes"] * children.count("attributes") + ["nodes", "edges"]  # declared before use
    declared = {"node": {}, "edge": {}}
    for block in graph.findall(f"{GEXF_NS}attributes"):
        assert block.get("class") in declared and block.get("mode", "static") == "static"
        for attribute in block:
            assert attribute.tag == f"{GEXF_NS}attribute" and attribute.get("title")
            assert attribute.get("type") in GEXF_TYPES
            assert attribute.get("id") not in declared[block.get("class")]
            declared[block.get("class")][attribute.get("id")] = attribute.get("type")
    node_ids = [n.get("id") for n in graph.iter(f"{GEXF_NS}node")]
    edge_ids = [e.get("id") for e in graph.iter(f"{GEXF_NS}edge")]
    assert len(set(node_ids)) == len(node_ids) and len(set(edge_ids)) == len(edge_ids) and None not in edge_ids
    for kind in ("node", "edge"):
        for element in graph.iter(f"{GEXF_NS}{kind}"):
            assert element.get("start") is None and element.get("end") is None
            for value in element.iter(f"{GEXF_NS}attvalue"):
                assert value.get("for") in declared[kind]
                if declared[kind][value.get("for")] in ("integer", "long"):
                    int(value.get("value"))
    for edge in graph.iter(f"{GEXF_NS}edge"):
        assert edge.get("source") in node_ids and edge.get("target") in node_ids
        assert edge.get("type") in (None, "directed", "undirected", "mutual")


def graphkit_cli(*args):
    return subprocess.run([sys.executable, "-m", "graphkit", *map(str, args)], capture_output=True, text=True,
                          timeout=600, check=False)


def test_build_with_xml_invalid_characters_writes_parseable_files(tmp_path):
    """Issue 15: U+FFFE/U+FFFF in an article made GraphML exit 2 and GEXF invalid XML."""
    source = tmp_path / "a.txt"
    source.write_text('Ana Ruiz, the mayor of Lyon, said: "We will \ufffe build \uffff now."\n', encoding="utf-8")
    result = graphkit_cli("build", source, "-o", tmp_path / "out", "--format", "graphml", "--format", "gexf")
    assert result.returncode == 0, result.stderr
    for name in ("graph.graphml", "graph.gexf"):
        ET.parse(tmp_path / "out" / name)
        assert "\ufffe" not in (tmp_path / "out" / name).read_text(encoding="utf-8")


# ------------------------------------------------------------------ Neo4j

HEADER = re.compile(r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)?(?::(?P<type>[A-Za-z_]+)(?P<array>\[\])?)?")
NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date",
               "localtime", "time", "localdatetime", "datetime", "duration"}
SPECIAL = {"ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"}


def read_folder(folder: Path) -> dict[str, list[dict]]:
    """Each CSV as rows of {header field: value}, after checking its header."""
    tables = {}
    for name in NODE_FILES + RELATIONSHIP_FILES:
        with open(folder / name, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        header = rows[0]
        for field in header:
            match = HEADER.fullmatch(field)
            assert match and (match["name"] or match["type"]), field
            kind = match["type"]
            assert kind is None or kind in NEO4J_TYPES | SPECIAL, field
            assert not (match["array"] and kind in SPECIAL), field
        specials = [f.split(":")[1] for f in header if ":" in f and f.split(":")[1] in SPECIAL]
        assert specials == (["ID", "LABEL"] if name in NODE_FILES else ["START_ID", "END_ID", "TYPE"]), name
        assert all(len(row) == len(header) for row in rows[1:])
        tables[name] = [dict(zip(header, row)) for row in rows[1:]]
    return tables


@pytest.fixture(scope="module")
def hand_neo4j(hand_kg, tmp_path_factory):
    folder = tmp_path_factory.mktemp("neo4j") / "neo4j"
    hand_kg.write(folder, "neo4j")
    return folder, read_folder(folder)


def node_ids(tables) -> list[str]:
    return [row["iri:ID"] for name in NODE_FILES for row in tables[name]]


def test_neo4j_ids_are_unique_and_every_relationship_end_exists(hand_neo4j, seed_kg, tmp_path):
    seed = tmp_path / "neo4j"
    seed_kg.write(seed, "neo4j")
    for tables in (hand_neo4j[1], read_folder(seed)):
        ids = node_ids(tables)
        assert len(ids) == len(set(ids))
        for name in RELATIONSHIP_FILES:
            for row in tables[name]:
                assert row[":START_ID"] in ids and row[":END_ID"] in ids
                assert re.fullmatch(r"[A-Z0-9_]+", row[":TYPE"])


def test_neo4j_holds_the_graph(hand_kg, hand_neo4j):
    _, tables = hand_neo4j
    entities, relations, quotes, articles = expected(hand_kg)
    split = lambda value: value.split(ARRAY_DELIMITER) if value else []
    assert {r["iri:ID"]: (r["name"], r["type"], split(r["aliases:string[]"])) for r in tables["entities.csv"]} \
        == entities
    assert {tuple(split(r[":LABEL"])) for r in tables["entities.csv"]} \
        == {("Entity", "Person"), ("Entity", "Organization"), ("Entity", "Place")}
    assert [split(r["roles:string[]"]) for r in tables["entities.csv"] if r["name"] == "Ana Ruiz"] == [['mayor, of "Lyon"']]
    assert sorted((r[":START_ID"], r[":END_ID"], r["name"], r["status"], r["article"], int(r["startOffset:int"]),
                   int(r["endOffset:int"])) for r in tables["relations.csv"]) == relations
    assert {r[":TYPE"] for r in tables["relations.csv"]} == {"WORKS_FOR", "BUILD"}
    speakers = {r[":START_ID"]: r[":END_ID"] for r in tables["said_by.csv"]}
    assert sorted((speakers.get(r["iri:ID"], ""), r["text"], r["article"], int(r["startOffset:int"]),
                   int(r["endOffset:int"])) for r in tables["quotes.csv"]) == quotes
    unset = lambda value: value or None  # an empty field is a property not set
    assert {r["iri:ID"]: (r["key"], unset(r["title"]), unset(r["url"]), unset(r["published"]))
            for r in tables["articles.csv"]} == articles
    assert {r[":START_ID"] for r in tables["from_article.csv"]} == {r["iri:ID"] for r in tables["quotes.csv"]}
    lyon = next(r["iri:ID"] for r in tables["entities.csv"] if r["name"] == "Lyon")
    assert len([r for r in tables["mentioned_in.csv"] if r[":START_ID"] == lyon]) == 2


def test_neo4j_relation_properties(hand_neo4j):
    _, tables = hand_neo4j
    works = next(r for r in tables["relations.csv"] if r[":TYPE"] == "WORKS_FOR")
    assert (works["evidence"], works["dateText"], works["date"], works["rule"]) == \
        ("Ana Ruiz works for Acme Corp since Monday.", "since Monday", "2024-07-08", "test-rule")
    claimed = next(r for r in tables["relations.csv"] if r[":TYPE"] == "BUILD")
    quote = next(r for r in tables["quotes.csv"] if r["text"].startswith("We build"))
    assert claimed["status"] == "claimed" and claimed["claimedBy"] == quote["iri:ID"]
    [article] = [r for r in tables["articles.csv"] if r["key"] == "a;1"]
    assert (article["author"], article["datePublished"]) == ("Jo Doe", "2024-07-10")
    assert article["text"] == safe_text(TEXT)


def test_a_quote_with_commas_quotes_and_line_breaks_survives_csv(hand_neo4j):
    folder, tables = hand_neo4j
    [quote] = [r for r in tables["quotes.csv"] if r["text"].startswith("We build")]
    assert quote["text"] == safe_text(QUOTE)
    raw = (folder / "quotes.csv").read_bytes().decode("utf-8")  # not read_text: it would turn \r\n into \n
    assert '"We build; then, we ""rest"",\r\nsoon' in raw  # quoted, with its quotes doubled, as Neo4j reads CSV


def test_relationship_types_are_upper_snake():
    assert relationship_type("works for") == "WORKS_FOR"
    assert relationship_type("holds office in") == "HOLDS_OFFICE_IN"
    assert relationship_type("sign-up") == "SIGN_UP"
    assert relationship_type("!!") == "RELATED_TO"


def test_neo4j_folder_has_readme_command_and_cypher(hand_neo4j):
    folder, tables = hand_neo4j
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    assert IMPORT_COMMAND in readme
    for name in NODE_FILES:
        assert f"--nodes={name}" in IMPORT_COMMAND
    for name in RELATIONSHIP_FILES:
        assert f"--relationships={name}" in IMPORT_COMMAND
    assert "--array-delimiter=U+001F" in IMPORT_COMMAND and "--multiline-fields=true" in IMPORT_COMMAND
    cypher = (folder / "import.cypher").read_text(encoding="utf-8")
    for name in NODE_FILES + RELATIONSHIP_FILES:
        assert f"'file:///{name}'" in cypher
    for rel in {r[":TYPE"] for r in tables["relations.csv"]}:
        assert f"[r:`{rel}`" in cypher
    for header in (folder / "entities.csv").read_text(encoding="utf-8").splitlines()[0].split(",")[2:]:
        assert f"row.`{header}`" in cypher  # every property column is loaded
    assert "split(row.`aliases:string[]`, '\\u001f')" in cypher


def test_readme_gives_the_import_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(line.strip() in readme for line in IMPORT_COMMAND.splitlines())


def test_neo4j_write_replaces_an_export_and_refuses_other_folders(hand_kg, tmp_path):
    folder = tmp_path / "out" / "neo4j"
    hand_kg.write(folder, "neo4j")
    (folder / "entities.csv").write_text("stale", encoding="utf-8")
    hand_kg.write(folder, "neo4j")
    assert (folder / "entities.csv").read_text(encoding="utf-8").startswith("iri:ID,")
    assert [p.name for p in folder.parent.iterdir()] == ["neo4j"]  # no temporary folder left behind
    (tmp_path / "out" / "graph.ttl").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError, match="other than a graphkit Neo4j export"):
        hand_kg.write(tmp_path / "out", "neo4j")
    assert (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8") == "mine"


def test_build_format_neo4j_writes_the_folder(tmp_path):
    result = graphkit_cli("build", ROOT / "seeds", "-o", tmp_path / "out", "--format", "neo4j")
    assert result.returncode == 0, result.stderr
    tables = read_folder(tmp_path / "out" / "neo4j")
    assert "Jens Stoltenberg" in {r["name"] for r in tables["entities.csv"]}
    assert tables["said_by.csv"] and tables["relations.csv"]


@pytest.mark.parametrize("run_lines", [1, 2, 3, 1000])
def test_sorted_lines_merged_from_runs_are_the_sorted_distinct_lines(run_lines):
    """The external merge sort behind every RDF writer gives what sorting everything at once gives."""
    import io

    from graphkit.graph.rdf import write_sorted_lines

    lines = ['<b> <p> "é" .', "<a> <p> <c> .", '<b> <p> "é" .', "<a> <p> <b> .", '<a> <p> "z\\n" .']
    out = io.BytesIO()
    write_sorted_lines(iter(lines), out, run_lines=run_lines)
    assert out.getvalue() == "".join(f"{line}\n" for line in sorted(set(lines))).encode("utf-8")


def test_a_graph_streamed_to_a_file_is_the_graph_serialised_in_memory(seed_kg, tmp_path):
    for fmt in ("turtle", "nt", "trig", "xml"):
        fresh = graphkit.KnowledgeGraph(seed_kg.corpus, seed_kg.base_iri)  # nothing cached: the streamed path
        fresh.write(tmp_path / f"graph.{fmt}", fmt)
        assert (tmp_path / f"graph.{fmt}").read_bytes() == seed_kg.serialize(fmt)
