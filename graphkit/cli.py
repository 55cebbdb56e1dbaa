"""The graphkit command: a thin layer over the library API.

Exit codes: 0 success; 1 bad input or usage (one line naming the file and the
problem); 2 internal error.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from . import __version__
from .kg import FORMATS


class WriteFormat(click.Choice):
    """A format a build writes, also in rdflib's or the W3C spelling ("ttl", "rdf-xml", "json-ld"), as query takes."""

    def __init__(self):
        super().__init__(sorted(FORMATS))

    def convert(self, value, param, ctx):
        from .export.rdf_io import format_name

        return super().convert(format_name(value) if isinstance(value, str) else value, param, ctx)
from .query_cli import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, FORMAT_NAMES
from .sources import DEFAULT_MAX_CHARS

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class UserError(click.ClickException):
    exit_code = 1


def _fail_internal(error: BaseException) -> None:
    click.echo(f"graphkit: internal error: {type(error).__name__}: {error}", err=True)
    sys.exit(2)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="graphkit")
def cli() -> None:
    """Build a knowledge graph from news articles, and query it.

    \b
    Example:
      graphkit build seeds/ -o output
      graphkit query output/graph.ttl "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name }"
    """


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", default="output", show_default=True, type=click.Path(file_okay=False),
              help="Folder for graph.ttl and graph.html.")
@click.option("--model", default=None, help="spaCy pipeline name or path (default: best installed; or $GRAPHKIT_MODEL).")
@click.option("--base-iri", default=None, help="Base IRI for entities, articles and quotes.")
@click.option("--max-nodes", type=click.IntRange(min=1), default=None,
              help="Show only the N most connected entities in graph.html.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Processes for the NLP stage.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where the NLP stage runs: local processes (--jobs), or a Dask cluster (pip install 'graphkit[dask]').")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (implies --engine dask). Without it, "
                   "--engine dask starts a local cluster of --jobs workers.")
@click.option("--max-chars", type=click.IntRange(min=0), default=DEFAULT_MAX_CHARS, show_default=True,
              help="Cut each article to N characters, at a paragraph or sentence end (0: no limit). The "
                   "default fits any news article; spaCy needs about 1 GB of memory per 100,000 characters.")
@click.option("--into", "into", type=click.Path(dir_okay=False), default=None,
              help="Add the articles to this existing graph (.ttl/.nt/.nq/.trig graphkit wrote) instead of starting anew.")
@click.option("--store", "store_dir", type=click.Path(dir_okay=True), default=None, metavar="DIR",
              help="Add the articles to the graph store in DIR (created if missing) and write no files; the "
                   "cost grows with what is added, not with the store. Write files with 'graphkit export'.")
@click.option("--format", "formats", multiple=True, type=WriteFormat(),
              help="Also write graph.<ext> in this format (repeatable): nt, nq/trig (a named graph per article), "
                   "jsonld, graphml/gexf (Gephi); neo4j writes the folder neo4j/ (CSV for neo4j-admin import).")
@click.option("--relations", "relations_file", type=click.Path(dir_okay=False), default=None,
              help="Extra relation verbs, a TSV file in the format of graphkit/data/relation_verbs.tsv.")
@click.option("--aliases", "aliases_file", type=click.Path(dir_okay=False), default=None,
              help="Identity decisions, one a line: 'NAME = NAME' is one entity, 'NAME != NAME' never is.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build(paths, out_dir, model, base_iri, max_nodes, jobs, engine, scheduler, max_chars, into, store_dir, formats,
          relations_file, aliases_file, quiet) -> None:
    """Build graph.ttl and graph.html from articles.

    PATHS are .txt/.md files, folders (read recursively), .jsonl files (one
    article per line: text, and optional id, title, url, published) or - for
    standard input.

    \b
    Example:
      graphkit build seeds/ -o output
      cat articles.jsonl | graphkit build - -o out
      graphkit build new-articles/ -o output --into output/graph.ttl --format trig
      graphkit build corpus/ -o out --aliases aliases.txt
      graphkit build new-articles/ --store corpus.store
    """
    from .export.neo4j import ExportFolderError
    from .graph.corpus import AliasError, Aliases
    from .graph.load import GraphLoadError
    from .graph.vocab import DEFAULT_BASE
    from .kg import RelationFileError, build as build_graph
    from .nlp.loader import ModelNotFound

    problems: list[str] = []

    def report(source: str, message: str) -> None:
        problems.append(source)
        click.echo(f"graphkit: {source}: {message}", err=True)

    def warn(source: str, message: str) -> None:
        if not quiet:
            click.echo(f"graphkit: warning: {source}: {message}", err=True)

    from .graph.iris import check_base

    try:
        check_base(base_iri or DEFAULT_BASE)
    except ValueError as error:
        raise UserError(f"--base-iri: {error}") from None

    try:
        aliases = Aliases.read(aliases_file) if aliases_file else None
    except AliasError as error:
        raise UserError(str(error)) from None
    if store_dir:
        return _build_store(store_dir, paths, model=model, base_iri=base_iri, jobs=jobs, engine=engine,
                            scheduler=scheduler, max_chars=max_chars, into=into, formats=formats, max_nodes=max_nodes,
                            relations_file=relations_file, aliases=aliases, quiet=quiet, report=report, warn=warn,
                            problems=problems)
    _check_writable(Path(out_dir))  # before any NLP work, not after it

    import contextlib

    from .export.files import exclusive
    from .progress import progress_bar

    held = contextlib.ExitStack()  # a second build into the same graph waits, then reads what this one wrote
    if into:
        held.enter_context(exclusive(into, lambda pid: click.echo(
            f"graphkit: {into}: another graphkit (pid {pid}) is adding to it; waiting", err=True)))
    bar = progress_bar(quiet)  # articles and words per second, on a terminal only
    started = time.perf_counter()
    try:
        kg = build_graph(list(paths), model=model, base_iri=base_iri or DEFAULT_BASE, n_process=jobs, on_error=report,
                         engine=engine, scheduler=scheduler, progress=bar,
                         max_chars=max_chars or None, on_warning=warn, into=into, aliases=aliases,
                         relations=relations_file)
    except (ModelNotFound, GraphLoadError, RelationFileError) as error:
        raise UserError(str(error)) from None
    if bar:
        bar.close()
    if not kg.corpus.articles:
        raise UserError("no articles to build from" + (f" ({len(problems)} inputs failed)" if problems else ""))
    out = Path(out_dir)
    kg.write_turtle(out / "graph.ttl")
    kg.write_html(out / "graph.html", max_nodes=max_nodes)
    for fmt in formats:
        if fmt != "turtle":
            try:
                kg.write(out / ("neo4j" if fmt == "neo4j" else f"graph.{FORMATS[fmt]}"), fmt)
            except ExportFolderError as error:
                raise UserError(str(error)) from None
    held.close()
    if not quiet:
        s = kg.summary()
        click.echo(f"{s['articles']} articles, {s['entities']} entities, {s['relations']} relations, "
                   f"{s['quotes']} quotes in {time.perf_counter() - started:.1f} s -> {out / 'graph.ttl'}, "
                   f"{out / 'graph.html'}")
        if kg.stats.duplicates:
            click.echo(f"{kg.stats.duplicates} duplicate articles counted once")
        if kg.stats.cut:
            click.echo(f"{kg.stats.cut} articles cut to --max-chars {max_chars:,}")
    if problems:
        failed = f", {kg.stats.failed} of them in processing" if kg.stats.failed else ""
        click.echo(f"graphkit: {len(problems)} inputs failed{failed}; the graph holds the rest", err=True)
        sys.exit(1)


def _build_store(store_dir, paths, *, model, base_iri, jobs, engine, scheduler, max_chars, into, formats, max_nodes,
                 relations_file, aliases, quiet, report, warn, problems) -> None:
    """``graphkit build --store``: add to the store, write no files (export does that)."""
    from .graph.vocab import DEFAULT_BASE
    from .kg import RelationFileError
    from .nlp.loader import ModelNotFound
    from .progress import progress_bar
    from .store import StoreError, add

    given = [name for name, value in (("--into", into), ("--format", formats), ("--max-nodes", max_nodes)) if value]
    if click.get_current_context().get_parameter_source("out_dir").name != "DEFAULT":
        given.insert(0, "-o/--output")
    if given:
        raise UserError(f"--store writes the store only, not with {', '.join(given)}: "
                        "write files with 'graphkit export DIR -o FILE'")
    bar = progress_bar(quiet)
    try:
        done = add(store_dir, list(paths), model=model, base_iri=base_iri or DEFAULT_BASE, n_process=jobs,
                   on_error=report, engine=engine, scheduler=scheduler, progress=bar, max_chars=max_chars or None,
                   on_warning=warn, aliases=aliases, relations=relations_file)
    except (ModelNotFound, RelationFileError, StoreError) as error:
        raise UserError(str(error)) from None
    if bar:
        bar.close()
    s = done.store
    if not quiet:
        click.echo(f"{s.added} articles added ({done.build.duplicates} duplicates skipped), {s.entities_changed} entities and "
                   f"{s.articles_rewritten} stored articles rewritten, +{s.quads_added:,}/-{s.quads_removed:,} "
                   f"triples in {s.seconds:.1f} s -> {store_dir} ({s.articles:,} articles)")
    if problems:
        failed = f", {done.build.failed} of them in processing" if done.build.failed else ""
        click.echo(f"graphkit: {len(problems)} inputs failed{failed}; the store holds the rest", err=True)
        sys.exit(1)


@cli.command(context_settings=CONTEXT)
@click.argument("store_dir", metavar="DIR")
@click.option("-o", "--output", "out", required=True, type=click.Path(), help="File to write (a folder for neo4j).")
@click.option("--format", "fmt", type=WriteFormat(), default=None,
              help="Format to write; default: from the suffix of OUT, as build's files (Turtle otherwise).")
def export(store_dir, out, fmt) -> None:
    """Write the graph of a store (graphkit build --store) in any format a build writes.

    The file is what a build of every stored article at once writes. The
    whole graph is read into memory; to query a large store in place, serve it.

    \b
    Example:
      graphkit export corpus.store -o corpus.ttl
      graphkit export corpus.store -o corpus.trig --format trig
    """
    from .export.neo4j import ExportFolderError
    from .graph.load import GraphLoadError
    from .store import StoreError, load_store

    try:
        kg = load_store(store_dir)
        kg.write(out, fmt)
    except (StoreError, GraphLoadError, ExportFolderError) as error:
        raise UserError(str(error)) from None
    except OSError as error:
        raise UserError(f"{out}: cannot write: {error.strerror or error}") from None
    s = kg.summary()
    click.echo(f"{s['articles']} articles, {s['entities']} entities, {s['relations']} relations, "
               f"{s['quotes']} quotes -> {out}", err=True)


def _check_writable(folder: Path) -> None:
    """One clear error now if the output folder cannot be written (it is made only when the graph is written)."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise UserError(f"{folder}: cannot write there ({existing} is a file, not a folder)")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise UserError(f"{folder}: cannot write there (permission denied on {existing})")


@cli.command(context_settings=CONTEXT)
@click.argument("graph")
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", help="Read the query from FILE.rq, or a shipped query by name (e.g. who-said-what).")
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default=None, metavar="FORMAT",
              help="SELECT/ASK: table (default), or the W3C SPARQL result formats json, xml, csv, tsv. "
                   "CONSTRUCT/DESCRIBE: RDF, ttl/turtle (default), nt, nq, trig, jsonld/json-ld, rdf-xml; "
                   "json and xml mean JSON-LD and RDF/XML there.")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True, metavar="SECONDS",
              help="Stop the query after SECONDS and exit 1 (0: no limit).")
@click.option("--max-rows", type=click.IntRange(min=0), default=DEFAULT_MAX_ROWS, show_default=True, metavar="N",
              help="Write at most N rows (triples for CONSTRUCT), and say so on stderr if there were more (0: no limit).")
@click.option("--allow-update", is_flag=True,
              help="Run SPARQL Update (INSERT, DELETE, LOAD, CLEAR, ...); refused without this flag.")
@click.option("--allow-service", is_flag=True,
              help="Let SERVICE fetch from other SPARQL endpoints over the network; refused without this flag.")
@click.option("-o", "--output", "out_file", type=click.Path(dir_okay=False),
              help="With --allow-update: write the updated graph to FILE (may be GRAPH itself). Without it "
                   "nothing is written.")
def query(graph, sparql, query_file, fmt, timeout, max_rows, allow_update, allow_service, out_file) -> None:
    """Run a SPARQL query over a graph file (.ttl, .nt, .nq, .trig, .jsonld, .rdf).

    Prefixes schema:, gk:, gkv:, rdf:, rdfs:, skos:, prov:, owl:, xsd: are
    predeclared (a PREFIX line in the query wins). Without FROM, the query reads
    the union of all graphs in a TriG/N-Quads file; FROM and FROM NAMED choose.
    Queries are read-only: an update (INSERT, DELETE, LOAD, CLEAR, ...) exits
    1 unless --allow-update is given, and even then changes only the graph in
    memory unless -o FILE says where to write it.

    \b
    Example:
      graphkit query output/graph.ttl "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name }"
      graphkit query output/graph.ttl -f who-said-what --format csv   (a query shipped with graphkit)
    """
    from .export.rdf_io import is_update
    from .query_cli import emit, load_store, read_query_file, render, run, save_store

    if bool(sparql) == bool(query_file):
        raise UserError("give a query or -f FILE.rq (not both)")
    if out_file and not allow_update:
        raise UserError("-o/--output writes an updated graph: it needs --allow-update")
    text = read_query_file(query_file) if query_file else sparql
    store = load_store(graph)
    answer = run(store, text, source=query_file or "query", allow_update=allow_update, allow_service=allow_service,
                 timeout=timeout or None, max_rows=max_rows or None)
    reader_there = emit(render(answer, fmt))
    if answer.truncated and reader_there:
        click.echo(f"graphkit: {query_file or 'query'}: stopped at {max_rows:,} rows (--max-rows); "
                   "the rest were not read", err=True)
    if is_update(text):
        if out_file:
            save_store(store, out_file)
            click.echo(f"updated graph written to {out_file}", err=True)
        else:
            click.echo("graph not saved: pass -o FILE to write the updated graph", err=True)


@cli.command(context_settings=CONTEXT)
@click.argument("source", metavar="DIR|GRAPH")
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Only loopback is private: any other (0.0.0.0, a LAN address) lets "
                   "other machines query the graph, and says so on stderr.")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True, metavar="SECONDS",
              help="Stop a query after SECONDS and answer 503 (0: no limit).")
@click.option("--max-rows", type=click.IntRange(min=0), default=DEFAULT_MAX_ROWS, show_default=True, metavar="N",
              help="Answer at most N rows (triples for CONSTRUCT) per query (0: no limit).")
@click.option("--allow-update", is_flag=True,
              help="Accept SPARQL Update at /sparql (POST update= or application/sparql-update); refused "
                   "(403) without this flag. A graph file's updates stay in memory.")
def serve(source, port, host, timeout, max_rows, allow_update) -> None:
    """Serve a store folder or a graph file: a SPARQL endpoint at /sparql and the viewer at /.

    \b
    The endpoint speaks the SPARQL 1.1 Protocol (GET ?query=, POST form or
    application/sparql-query) with the W3C result formats and RDF syntaxes
    by Accept header. It is read-only unless --allow-update, never runs
    SERVICE, and bounds every query by --timeout and --max-rows.

    \b
    Example:
      graphkit serve output/graph.ttl
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' http://127.0.0.1:7878/sparql
    """
    from .serve import Limits, serve as run_server

    run_server(source, host=host, port=port,
               limits=Limits(timeout=timeout or None, max_rows=max_rows or None, allow_update=allow_update))


@cli.command(context_settings=CONTEXT)
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
def validate(graph) -> None:
    """Check a graph against graphkit's SHACL shapes.

    Prints one line per violation; exits 0 when the graph conforms, 1 when it does not.

    \b
    Example:
      graphkit validate output/graph.ttl
    """
    from rdflib import Graph

    from .validate import validate as check

    try:
        data = Graph().parse(graph)
    except Exception as error:  # rdflib raises many parser-specific types
        raise UserError(f"{graph}: cannot parse: {error}") from None
    violations = check(data)
    for violation in violations:
        click.echo(str(violation))
    if violations:
        raise UserError(f"{graph}: {len(violations)} SHACL violations")
    click.echo(f"{graph}: conforms to graphkit's shapes ({len(data)} triples)")


@cli.command(context_settings=CONTEXT)
@click.option("--model", default=None, help="spaCy pipeline name or path to describe.")
def info(model) -> None:
    """Print graphkit's version and the spaCy pipeline a build will use.

    \b
    Example:
      graphkit info
    """
    from .nlp.loader import ModelNotFound, choose_model, describe_model

    click.echo(f"graphkit {__version__}")
    try:
        click.echo(f"model: {describe_model(choose_model(model))}")
    except ModelNotFound as error:
        raise UserError(str(error)) from None


def main(argv=None) -> None:
    try:
        cli.main(args=argv, prog_name="graphkit", standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        click.echo(f"graphkit: {error.format_message()}", err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo("graphkit: aborted", err=True)
        sys.exit(1)
    except (BrokenPipeError, KeyboardInterrupt):
        sys.exit(1)
    except SystemExit:
        raise
    except Exception as error:  # noqa: BLE001 - the one place internal errors become exit 2
        _fail_internal(error)


if __name__ == "__main__":
    main()
