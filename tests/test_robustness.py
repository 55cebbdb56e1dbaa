"""Bad input: every class gets one line naming the file, and the rest of the build goes on.

One folder holds good articles and one file of each bad class. The CLI builds
it once (a real subprocess); each test checks its class's message and that the
good articles still made it into the graph. The library tests run the same
folder through ``graphkit.build``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SDO

GOOD = {
    "alpha": "Jane Roe, the chief executive of Acme Corp, said: \"We will grow in Ohio.\"\n",
    "beta": "Mary Major met Chancellor Olaf Scholz in Berlin on Monday.\n",
}
BIG_BYTES = 50 * 1024 * 1024
HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Bridge to reopen</title>
<meta name="author" content="Ann Writer">
<meta property="article:published_time" content="2024-03-05">
<link rel="canonical" href="https://news.example.com/bridge">
<script>var tracking = "Do not read me";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Bridge to reopen</h1>
<p>John Smith, the mayor of Springfield, said the bridge will reopen next week after repairs.</p>
<p>Engineers from Acme Corp inspected the bridge on Tuesday.</p></article>
<footer>Copyright Example News</footer></body></html>
"""
SAVED_PAGE = HTML_PAGE.replace("John Smith", "Peter Parker").replace("Springfield", "Queens")


def make_corpus(folder: Path) -> dict[str, Path]:
    """A folder with two good articles and one file of each bad class; returns the files by class."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for name, text in GOOD.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")

    def put(cls: str, name: str, data: bytes) -> None:
        files[cls] = folder / name
        files[cls].write_bytes(data)

    put("empty", "empty.txt", b"")
    put("whitespace", "blank.txt", b"  \n\t\n   \n")
    put("binary", "data.txt", b"abc\x00\x01\x02\x00" * 50)
    put("pdf", "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    put("invalid_utf8", "broken.txt", "Caf\u00e9 owner Pierre Martin said the shop in Lyon will close.".encode()
        .replace(b"shop", b"sh\xffop"))
    put("cp1252", "legacy.txt", "Anna Schmidt, the mayor of Bonn, said \u201cwe are ready\u201d on Friday."
        .encode("cp1252"))
    put("duplicate", "copy-of-alpha.txt", GOOD["alpha"].encode())
    put("image", "photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    put("html", "page.html", HTML_PAGE.encode())
    put("saved_page", "saved.txt", SAVED_PAGE.encode())
    records = [{"id": "gamma", "text": "Carlos Ruiz visited Madrid on Tuesday."}, None,
               {"id": "delta", "text": "Lena Park joined Samsung in Seoul last year."}]
    lines = [json.dumps(r) if r else '{"id": "oops", "text": "unterminated' for r in records]
    put("jsonl", "feed.jsonl", ("\n".join(lines) + "\n").encode())
    # 50 MB on one line: real sentences, no line break anywhere
    sentence = b"Tom Lee met Sara Diaz in Paris to discuss the budget of the city. "
    with open(folder / "huge.txt", "wb") as out:
        out.write(sentence * (BIG_BYTES // len(sentence) + 1))
    files["huge"] = folder / "huge.txt"
    return files


def graphkit(*args, **kw):
    return subprocess.run([sys.executable, "-m", "graphkit", *map(str, args)], capture_output=True, text=True,
                          timeout=600, **kw)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad") / "in"
    return folder, make_corpus(folder)


@pytest.fixture(scope="module")
def cli_run(corpus, tmp_path_factory):
    folder, files = corpus
    out = tmp_path_factory.mktemp("out")
    missing = folder.parent / "missing.txt"
    result = graphkit("build", folder, missing, "-o", out)
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    return result, graph, files, missing


def lines_about(stderr: str, path: Path) -> list[str]:
    return [line for line in stderr.splitlines() if str(path) in line]


def article_ids(graph: Graph) -> set[str]:
    return {str(o) for o in graph.objects(None, SDO.identifier)}


def test_the_good_articles_are_built_and_failures_exit_1(cli_run):
    result, graph, _, _ = cli_run
    assert result.returncode == 1  # some inputs failed
    assert {"alpha", "beta", "gamma", "delta", "page", "saved", "broken", "legacy", "huge"} == article_ids(graph)
    labels = {str(o) for o in graph.objects(None, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
    assert {"Jane Roe", "Acme Corp", "Mary Major", "Carlos Ruiz", "Lena Park"} <= labels
    for line in result.stderr.splitlines():  # every message is one line naming its input
        assert line.startswith("graphkit: ")


@pytest.mark.parametrize("cls, words", [
    ("empty", "empty, no text"),
    ("whitespace", "only whitespace"),
    ("binary", "binary file, not text"),
    ("pdf", "a PDF, not text"),
    ("image", "skipped: not a text file (.png)"),
])
def test_unreadable_inputs_are_named_and_skipped(cli_run, cls, words):
    result, graph, files, _ = cli_run
    lines = lines_about(result.stderr, files[cls])
    assert len(lines) == 1 and words in lines[0] and "warning" not in lines[0], result.stderr
    assert files[cls].stem not in article_ids(graph)
    assert "alpha" in article_ids(graph) and "beta" in article_ids(graph)


def test_missing_path(cli_run):
    result, graph, _, missing = cli_run
    assert lines_about(result.stderr, missing) == [f"graphkit: {missing}: no such file or directory"]
    assert "alpha" in article_ids(graph)


def test_invalid_utf8_is_decoded_with_a_warning(cli_run):
    result, graph, files, _ = cli_run
    [line] = lines_about(result.stderr, files["invalid_utf8"])
    assert "warning" in line and "not valid UTF-8 at byte 37" in line and "replaced with U+FFFD" in line
    body = next(str(o) for s, o in graph.subject_objects(SDO.articleBody) if "Pierre Martin" in str(o))
    assert "Caf\u00e9" in body and "sh\ufffdop" in body


def test_windows_1252_is_read_as_such(cli_run):
    result, graph, files, _ = cli_run
    [line] = lines_about(result.stderr, files["cp1252"])
    assert "warning" in line and "read as Windows-1252" in line
    assert any("\u201cwe are ready\u201d" in str(o) for o in graph.objects(None, SDO.articleBody))


def test_malformed_jsonl_line_is_named_by_number(cli_run):
    result, graph, files, _ = cli_run
    lines = lines_about(result.stderr, files["jsonl"])
    assert lines == [f"graphkit: {files['jsonl']}:2: malformed JSON at column 24: Unterminated string starting"]
    assert {"gamma", "delta"} <= article_ids(graph)


def test_duplicate_is_counted_once(cli_run):
    result, graph, files, _ = cli_run
    [line] = lines_about(result.stderr, files["duplicate"])
    assert "warning" in line and "duplicate of" in line and "alpha.txt" in line
    assert "1 duplicate articles counted once" in result.stdout
    bodies = [o for o in graph.objects(None, SDO.articleBody) if str(o) == GOOD["alpha"]]
    assert len(bodies) == 1


def test_html_is_reduced_to_article_text_and_metadata(cli_run):
    result, graph, files, _ = cli_run
    assert not lines_about(result.stderr, files["html"])
    article = URIRef("https://example.org/graphkit/id/article/page")
    body = str(graph.value(article, SDO.articleBody))
    assert "John Smith, the mayor of Springfield" in body
    assert "tracking" not in body and "Copyright" not in body and "World" not in body
    assert graph.value(article, SDO.headline) == Literal("Bridge to reopen")
    assert str(graph.value(article, SDO.author)) == "Ann Writer"
    assert str(graph.value(article, SDO.datePublished)) == "2024-03-05"
    assert str(graph.value(article, SDO.url)) == "https://news.example.com/bridge"


def test_a_saved_web_page_named_txt_is_read_as_html(cli_run):
    result, graph, files, _ = cli_run
    [line] = lines_about(result.stderr, files["saved_page"])
    assert "warning" in line and "a saved web page: read as HTML" in line
    body = str(graph.value(URIRef("https://example.org/graphkit/id/article/saved"), SDO.articleBody))
    assert "Peter Parker" in body and "<p>" not in body


def test_a_50_mb_single_line_file_is_cut(cli_run):
    from graphkit.sources import DEFAULT_MAX_CHARS

    result, graph, files, _ = cli_run
    [line] = lines_about(result.stderr, files["huge"])
    assert "warning" in line and f"of a {files['huge'].stat().st_size:,}-byte file" in line
    assert f"--max-chars {DEFAULT_MAX_CHARS:,}" in line
    body = str(graph.value(URIRef("https://example.org/graphkit/id/article/huge"), SDO.articleBody))
    assert DEFAULT_MAX_CHARS * 0.9 <= len(body) <= DEFAULT_MAX_CHARS and body.endswith("city.")
    assert "1 articles cut to --max-chars" in result.stdout


# ---------------------------------------------------------------- the library

def collect(folder, *extra, **kw):
    import graphkit

    errors, warnings = [], []
    kg = graphkit.build([folder, *extra], on_error=lambda s, m: errors.append((s, m)),
                        on_warning=lambda s, m: warnings.append((s, m)), **kw)
    return kg, dict(errors), dict(warnings)


def test_library_reports_each_class_and_builds_the_rest(corpus, nlp):
    folder, files = corpus
    kg, errors, warnings = collect(folder, folder.parent / "missing.txt", max_chars=5000)
    assert errors[str(files["pdf"])] == "a PDF, not text"
    assert errors[str(files["empty"])] == "empty, no text"
    assert errors[str(folder.parent / "missing.txt")] == "no such file or directory"
    assert errors[f"{files['jsonl']}:2"].startswith("malformed JSON")
    assert warnings[str(files["duplicate"])].startswith("duplicate of")
    assert warnings[str(files["huge"])].startswith("cut to ")
    assert kg.stats.duplicates == 1 and kg.stats.cut == 1
    assert {"alpha", "beta", "gamma", "delta", "page", "huge"} <= set(kg.corpus.articles)
    assert len(kg.corpus.articles["huge"].text) <= 5000


def test_library_raises_by_default():
    import graphkit
    from graphkit.sources import InputError

    with pytest.raises(InputError, match="no such file"):
        graphkit.build(["no/such/file.txt"])


def _locked_folder(tmp_path, monkeypatch):
    """A folder with one good article and one file nobody may read (as root too: opening it is made to fail)."""
    (tmp_path / "good.txt").write_text(GOOD["beta"], encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text("Secret text about Paris.", encoding="utf-8")
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make opening this one file fail as it would for a user
        real_open = Path.open

        def guarded(self, *args, **kw):
            if self == locked:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kw)

        monkeypatch.setattr(Path, "open", guarded)
    return locked


def test_permission_denied_is_named(tmp_path, nlp, monkeypatch):
    import graphkit

    locked = _locked_folder(tmp_path, monkeypatch)
    errors = []
    kg = graphkit.build([tmp_path], on_error=lambda s, m: errors.append((s, m)))
    assert errors == [(str(locked), "permission denied")]
    assert list(kg.corpus.articles) == ["good"]


def test_permission_denied_through_the_cli(tmp_path, nlp, monkeypatch, capsys):
    from graphkit.cli import main

    locked = _locked_folder(tmp_path, monkeypatch)
    with pytest.raises(SystemExit) as done:
        main(["build", str(tmp_path), "-o", str(tmp_path / "out"), "-q"])
    assert done.value.code == 1
    assert capsys.readouterr().err.splitlines()[0] == f"graphkit: {locked}: permission denied"
    assert "Mary Major" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


def test_unreadable_folder_is_named(tmp_path, nlp, monkeypatch):
    import graphkit

    (tmp_path / "good.txt").write_text(GOOD["beta"], encoding="utf-8")
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "a.txt").write_text("Hidden.", encoding="utf-8")
    real_scandir = os.scandir

    def guarded(path="."):
        if Path(path) == tmp_path / "private":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", guarded)
    errors = []
    kg = graphkit.build([tmp_path], on_error=lambda s, m: errors.append((s, m)))
    assert errors == [(str(tmp_path / "private"), "permission denied")]
    assert list(kg.corpus.articles) == ["good"]


@pytest.mark.parametrize("data, message", [
    (b"\xff\xfeH\x00i\x00 \x00t\x00h\x00e\x00r\x00e\x00", None),  # UTF-16 with a BOM is text
    (b"PK\x03\x04rest", "a ZIP archive (Word, EPUB, ...), not text"),
    (b"\x1f\x8b\x08\x00", "a gzip archive, not text"),
])
def test_sniffing(tmp_path, data, message):
    from graphkit.sources import iter_articles

    path = tmp_path / "x.txt"
    path.write_bytes(data)
    errors = []
    articles = list(iter_articles([path], lambda s, m: errors.append(m)))
    if message:
        assert errors == [message] and not articles
    else:
        assert not errors and articles[0].text == "Hi there"


def test_control_characters_and_lone_surrogates_are_removed(tmp_path):
    from graphkit.sources import iter_articles

    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "x", "title": "T\u0007itle", "text": "Jane\u0000 Roe \ud800met\u001b Bob."}) + "\n",
                    encoding="utf-8")
    warnings = []
    [article] = iter_articles([path], on_warning=lambda s, m: warnings.append((s, m)))
    assert article.text == "Jane Roe met Bob." and article.title == "Title"
    assert warnings == [(f"{path}:1", "removed 4 control characters")]


def test_cut_prefers_a_paragraph_end():
    from graphkit.model import Article
    from graphkit.sources import iter_articles

    first = "Jane Roe spoke. " * 6  # 96 characters
    text = first + "\n\n" + "Then a long second paragraph. " * 20
    warnings = []
    [article] = iter_articles([Article(text=text, source="s")], max_chars=100,
                              on_warning=lambda s, m: warnings.append(m))
    assert article.text == first.rstrip()
    assert warnings == [f"cut to 95 of {len(text)} characters (--max-chars 100)"]


def test_stdin_with_invalid_utf8(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "graphkit", "build", "-", "-o", str(tmp_path)],
                          input="Caf\u00e9 owner Jane Roe visited Ohio \udcff on Monday.\n".encode("utf-8", "surrogateescape"), capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert b"graphkit: warning: <stdin>: not valid UTF-8 at byte 34: 1 invalid byte sequence replaced" in proc.stderr
    assert "Jane Roe" in (tmp_path / "graph.ttl").read_text(encoding="utf-8")


# ---------------------------------------------------------------- queries

GRAPH = Path(__file__).resolve().parent.parent / "output" / "graph.ttl"


def test_malformed_query_gives_its_position_and_exit_1():
    result = graphkit("query", GRAPH, "SELECT ?name WHERE {\n  ?p a schema:Person ;\n     rdfs:label ?name ")
    assert result.returncode == 1 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("graphkit: query: invalid SPARQL: error at 3:") and "expected" in line


@pytest.mark.parametrize("update", [
    "INSERT DATA { <https://x.org/a> <https://x.org/b> <https://x.org/c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX ex: <https://x.org/>\n# a comment\nCLEAR DEFAULT",
    "LOAD <https://example.org/data.ttl>",
    "DROP ALL",
    "with <https://x.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
def test_updates_are_refused_without_the_flag(update, tmp_path):
    before = GRAPH.read_bytes()
    result = graphkit("query", GRAPH, update)
    assert result.returncode == 1
    assert "update queries (INSERT, DELETE, LOAD, CLEAR, ...) are refused" in result.stderr
    assert "--allow-update" in result.stderr
    assert GRAPH.read_bytes() == before


def test_allow_update_changes_only_memory_unless_output_is_given(tmp_path):
    copy = tmp_path / "graph.ttl"
    copy.write_bytes(GRAPH.read_bytes())
    delete = "DELETE WHERE { ?q a schema:Quotation ; ?p ?o }"
    result = graphkit("query", copy, delete, "--allow-update", "--format", "json")
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)["results"]["bindings"]
    assert int(row["after"]["value"]) < int(row["before"]["value"])
    assert "not saved" in result.stderr and copy.read_bytes() == GRAPH.read_bytes()
    out = tmp_path / "trimmed.ttl"
    result = graphkit("query", copy, delete, "--allow-update", "-o", out)
    assert result.returncode == 0 and out.exists()
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?q a schema:Quotation }"
    assert graphkit("query", out, count, "--format", "csv").stdout.splitlines() == ["n", "0"]
    assert int(graphkit("query", copy, count, "--format", "csv").stdout.splitlines()[1]) > 0


def test_output_without_allow_update_is_refused(tmp_path):
    result = graphkit("query", GRAPH, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "-o", tmp_path / "x.ttl")
    assert result.returncode == 1 and "needs --allow-update" in result.stderr
    assert not (tmp_path / "x.ttl").exists()


def test_library_query_refuses_updates(seed_kg):
    from graphkit.export.rdf_io import QueryError

    with pytest.raises(QueryError, match="refused"):
        seed_kg.query("DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match=r"invalid SPARQL: error at 1:\d+"):
        seed_kg.query("SELECT ?x WHERE { ?x schema:name }")
    assert seed_kg.query("ASK { ?s ?p ?o }") == [{"ask": True}]


def test_extract_survives_lone_surrogates_and_control_characters(nlp):
    import graphkit

    with pytest.warns(UserWarning, match="removed 3 control characters"):
        result = graphkit.extract("Jane \ud800Roe\x00 met John \x1bDoe in Paris.")
    assert result.article.text == "Jane Roe met John Doe in Paris."
    for entity in result.entities:
        for m in entity.mentions:
            assert result.article.text[m.start:m.end] == m.text


def test_a_bad_base_iri_is_a_usage_error(tmp_path):
    result = graphkit("build", Path(__file__).resolve().parent.parent / "seeds", "--base-iri", "not an iri",
                      "-o", tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == "graphkit: --base-iri: not an absolute IRI (like https://example.org/id/): 'not an iri'"
    assert not (tmp_path / "graph.ttl").exists()


@pytest.mark.parametrize("base,problem", [("http://x/%zz/", "percent encoding"), ("http://x/#f#", "'#'"),
                                          ("http://[::1", "host")])
def test_a_base_iri_the_writers_would_refuse_is_refused_first(tmp_path, base, problem):
    from graphkit.graph.iris import check_base

    with pytest.raises(ValueError, match=problem):
        check_base(base)  # before any article is read, never as exit 2 at the end


def test_pipes_and_broken_links_in_a_folder_are_skipped(tmp_path):
    from graphkit.sources import iter_articles

    (tmp_path / "good.txt").write_text("Jane Roe met John Doe.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block forever
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    errors = []
    articles = list(iter_articles([tmp_path], lambda s, m: errors.append((Path(s).name, m))))
    assert [a.id for a in articles] == ["good"]
    assert sorted(errors) == [("gone.txt", "broken link"), ("pipe.txt", "skipped: not a regular file")]


def test_a_huge_file_costs_a_prefix_not_its_size(tmp_path):
    import tracemalloc

    from graphkit.sources import iter_articles

    path = tmp_path / "dump.txt"
    with open(path, "wb") as out:
        out.write(b"The council met in Paris again. " * (50 * 1024 * 1024 // 32))  # 50 MB, one line
    warnings = []
    tracemalloc.start()
    [article] = iter_articles([path], max_chars=10_000, on_warning=lambda s, m: warnings.append(m))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 1_000_000  # 4 x 10,000 bytes read, not 50 MB
    assert len(article.text) <= 10_000 and article.text.endswith("again.")
    assert warnings == [f"cut to {len(article.text):,} characters of a {path.stat().st_size:,}-byte file "
                        "(--max-chars 10,000)"]


def test_blobs_without_spaces_are_cut_before_spacy_sees_them(nlp):
    import time

    import graphkit

    warnings = []
    text = "Jane Roe, the mayor of Lyon, said: \"" + "%" * 20_000 + "\" " + "=" * 50_000 + " Then she left."
    started = time.perf_counter()
    kg = graphkit.build([text], on_warning=lambda s, m: warnings.append(m))
    assert time.perf_counter() - started < 60  # uncut, spaCy's tokenizer takes hours over these
    assert warnings == ["cut 2 words longer than 500 characters to 500 (a blob, not prose; spaCy would take "
                        "minutes over it)"]
    [article] = kg.corpus.articles.values()
    assert 'said: "' + "%" * 499 + " " + "=" * 500 + " Then she left." in article.text  # the first 500 of each
    assert "Jane Roe" in {e.name for e in kg.corpus.entities.values()}


# ---------------------------------------------------------------- issue 15: inputs that stopped a build

def test_a_pipe_named_like_jsonl_in_a_folder_is_skipped_not_opened(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Ana Ruiz visited Oslo on Monday.", encoding="utf-8")
    os.mkfifo(folder / "trap.jsonl")  # opening it for reading would block forever
    result = graphkit("build", folder, "-o", tmp_path / "out")
    assert result.returncode == 1
    assert "trap.jsonl: skipped: not a regular file" in result.stderr
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_a_huge_integer_id_is_a_bad_line_not_a_failed_build(tmp_path):
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps({"text": "Ana Ruiz visited Oslo."}) + "\n"
                      + '{"id": ' + "9" * 5000 + ', "text": "Tomas Berg visited Bergen."}\n', encoding="utf-8")
    result = graphkit("build", source, "-o", tmp_path / "out")
    assert result.returncode == 1 and "a.jsonl:2: unreadable JSON value" in result.stderr
    assert "Ana Ruiz" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


def test_an_empty_argument_is_an_error_not_the_current_folder(tmp_path):
    result = graphkit("build", "", "-o", tmp_path / "out", cwd=tmp_path)
    assert result.returncode == 1 and "an empty argument" in result.stderr
    import graphkit as gk

    with pytest.raises(Exception, match="an empty argument"):
        gk.build("")


def test_a_json_file_holds_one_article_or_a_list_of_them(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "x", "text": "Ana Ruiz visited Oslo."}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "y", "text": "Tomas Berg visited Bergen."}, {"id": "z"}]), encoding="utf-8")
    errors = []
    import graphkit as gk

    kg = gk.build([one, many], on_error=lambda source, message: errors.append((source, message)))
    assert sorted(kg.corpus.articles) == ["x", "y"]
    assert errors == [(f"{many}[1]", "missing or empty 'text'")]


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be", "utf-16"])
def test_utf32_and_utf16_with_a_byte_order_mark_are_read_as_such(tmp_path, encoding):
    import graphkit as gk

    path = tmp_path / "a.txt"
    text = "Ana Ruiz visited Oslo on Monday."
    data = text.encode(encoding)
    if encoding == "utf-32-be":
        data = b"\x00\x00\xfe\xff" + data
    path.write_bytes(data)
    kg = gk.build([path])
    (article,) = kg.corpus.articles.values()
    assert article.text == text


def test_service_is_refused_unless_allowed(tmp_path):
    """A query never reaches another host unless the user says so (no network is touched here)."""
    import graphkit as gk
    from graphkit.export.rdf_io import QueryError

    query = "SELECT * WHERE { SERVICE <http://192.0.2.1/sparql> { ?s ?p ?o } }"
    kg = gk.build(["Ana Ruiz visited Oslo."])
    with pytest.raises(QueryError, match="SERVICE .* is refused"):
        kg.query(query)
    graph = tmp_path / "g.ttl"
    kg.write_turtle(graph)
    result = graphkit("query", graph, query)
    assert result.returncode == 1 and "SERVICE (a query to another endpoint over the network) is refused" in result.stderr
    assert kg.query('SELECT ?service WHERE { ?service ?p "SERVICE" }') == []  # the word alone is no call


def test_query_json_is_valid_json_even_for_nan_and_infinity(tmp_path):
    import graphkit as gk

    graph = tmp_path / "g.ttl"
    gk.build(["Ana Ruiz visited Oslo."]).write_turtle(graph)
    result = graphkit("query", graph, 'SELECT ?n ?i WHERE { BIND(xsd:double("NaN") AS ?n) BIND(xsd:double("INF") AS ?i) }',
                      "--format", "json")
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)["results"]["bindings"]
    double = "http://www.w3.org/2001/XMLSchema#double"
    assert row == {"n": {"type": "literal", "value": "NaN", "datatype": double},
                   "i": {"type": "literal", "value": "INF", "datatype": double}}


@pytest.mark.parametrize("text,code_page", [
    ("Le ministre a déclaré à Genève que la réforme était prête, « sans délai », après l'été. " * 2, "cp1252"),
    ("Žluťoučký kůň úpěl ďábelské ódy, řekl ministr. " * 2, "cp1250"),  # letters Windows-1252 reads as noise
    ("Министр заявил в понедельник, что переговоры продолжатся на следующей неделе.", "cp1251"),
])
def test_a_legacy_file_is_read_in_its_code_page(text, code_page):
    from graphkit.sources import decode

    warnings = []
    assert decode(text.encode(code_page), "old.txt", lambda source, message: warnings.append(message)) == text
    assert warnings and "read as Windows-125" in warnings[0]


def test_a_short_legacy_text_is_read_as_windows_1252():
    from graphkit.sources import decode

    assert decode(b"caf\xe9 cr\xe8me", "old.txt", lambda source, message: None) == "caf\u00e9 cr\u00e8me"


def test_a_json_file_over_the_size_limit_says_so_plainly(tmp_path, monkeypatch):
    from graphkit import sources

    path = tmp_path / "big.json"
    path.write_text('{"text": "Anna Lind spoke in Oslo on Monday."}', encoding="utf-8")
    monkeypatch.setattr(sources, "JSON_MAX_BYTES", 10)
    errors = []
    assert list(sources.iter_articles([path], lambda source, message: errors.append(message))) == []
    assert len(errors) == 1 and errors[0].startswith("a ") and "split it into JSON Lines" in errors[0]


def test_noncharacters_are_removed_at_input_so_every_xml_writer_can_hold_the_text():
    from graphkit.sources import CONTROL

    assert CONTROL.sub("", "A\ufffeB\uffffC") == "ABC"


def test_utf8_decoded_as_windows_1252_upstream_is_repaired_with_a_warning(tmp_path):
    from graphkit.sources import iter_articles

    path = tmp_path / "a.txt"
    clean = "Inès Laurent met René Varga in Göteborg. “We agree,” she said."
    path.write_text(clean.encode("utf-8").decode("latin-1"), encoding="utf-8")  # "InÃ¨s"
    warned = []
    (article,) = iter_articles([path], on_warning=lambda source, message: warned.append(message))
    assert article.text == clean
    assert len(warned) == 1 and warned[0].startswith("repaired ")
    # ... also when the feed then decomposed each accent ("Ã" as "A" and a combining tilde)
    import unicodedata

    path.write_text(unicodedata.normalize("NFD", clean.encode("utf-8").decode("latin-1")), encoding="utf-8")
    (article,) = iter_articles([path], on_warning=lambda source, message: None)
    assert article.text == clean


def test_text_in_its_own_right_is_not_repaired(tmp_path):
    from graphkit.sources import iter_articles

    path = tmp_path / "a.txt"
    text = "SÃO PAULO - Ana Ruiz paid 5 Â£? No: she paid £5 at the CÂBLE store."
    path.write_text(text, encoding="utf-8")
    (article,) = iter_articles([path], on_warning=lambda source, message: None)
    assert "SÃO PAULO" in article.text and "CÂBLE" in article.text
