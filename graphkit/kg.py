"""The library API: ``build`` a knowledge graph from articles, ``extract`` one article."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .graph.corpus import Aliases, Corpus, merge_results
from .graph.vocab import DEFAULT_BASE
from .model import Article, DocResult
from .sparql import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT
from .sources import DEFAULT_MAX_CHARS, ErrorHandler, WarningHandler, _raise, _warn, iter_articles


# format name -> file extension
FORMATS = {"turtle": "ttl", "nt": "nt", "nq": "nq", "trig": "trig", "jsonld": "jsonld", "xml": "rdf", "graphml": "graphml",
           "gexf": "gexf", "neo4j": "neo4j"}  # neo4j: a folder of CSV files (output/neo4j/), not one file


@dataclass
class BuildStats:
    articles: int = 0
    duplicates: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # read, but not as given (see sources.py)
    cut: int = 0  # articles cut to max_chars


class KnowledgeGraph:
    """One graph for a corpus: ``.rdf`` (rdflib), ``.nx`` (networkx), writers and SPARQL.

    >>> kg = graphkit.build(["seeds/"])          # doctest: +SKIP
    >>> kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?q a schema:Quotation }")  # doctest: +SKIP
    """

    def __init__(self, corpus: Corpus, base_iri: str = DEFAULT_BASE, stats: BuildStats | None = None):
        self.corpus = corpus
        self.base_iri = base_iri
        self.stats = stats or BuildStats(articles=len(corpus.articles))

    def __repr__(self) -> str:
        s = self.summary()
        return (f"<KnowledgeGraph {s['articles']} articles, {s['entities']} entities, "
                f"{s['relations']} relations, {s['quotes']} quotes>")

    def summary(self) -> dict:
        return {
            "articles": len(self.corpus.articles),
            "entities": len(self.corpus.entities),
            "relations": len(self.corpus.relations),
            "quotes": sum(1 for q in self.corpus.quotes if q.quote.kind == "direct"),
        }

    @cached_property
    def ntriples(self) -> bytes:
        """The whole graph as sorted N-Triples: what every writer and the SPARQL store start from."""
        from .graph.rdf import ntriples

        return ntriples(self.corpus, self.base_iri)

    @cached_property
    def _store(self):
        from .export.rdf_io import store_from_ntriples

        return store_from_ntriples(self.ntriples)

    @cached_property
    def rdf(self):
        """The graph as an ``rdflib.Graph`` (a copy made on first use).

        Writers and ``query`` work from the graph as built, through Oxigraph;
        changes made to this copy are not written back.
        """
        from .export.rdf_io import rdflib_graph

        return rdflib_graph(self.ntriples)

    @cached_property
    def nx(self):
        """The graph as a ``networkx.MultiDiGraph`` of entities and relations."""
        from .graph.nx import corpus_to_nx

        return corpus_to_nx(self.corpus, self.base_iri)

    def serialize(self, format: str = "turtle") -> bytes:
        """The graph as bytes: turtle, nt, xml (RDF/XML), jsonld (compacted), or trig/nq with one named graph
        per article. rdflib's format names (``json-ld``, ``ntriples``, ``pretty-xml``, ...) work too."""
        from .export.rdf_io import FORMATS as RDF_FORMATS
        from .export.rdf_io import QUAD_FORMATS, format_name, from_ntriples
        from .graph.rdf import nquads

        fmt = format_name(format)
        if fmt in QUAD_FORMATS:
            return from_ntriples(nquads(self.corpus, self.base_iri), fmt)
        if fmt not in RDF_FORMATS:
            raise ValueError(f"unknown RDF format {format!r}; choose one of {', '.join(sorted(RDF_FORMATS | QUAD_FORMATS))}")
        return from_ntriples(self.ntriples, fmt)

    def write(self, path: str | os.PathLike, format: str | None = None) -> None:
        """Write the graph to ``path`` atomically; the format is ``format`` or else the one the suffix names
        (``.ttl``, ``.nt``, ``.nq``, ``.trig``, ``.jsonld``, ``.rdf``/``.xml``, ``.graphml``, ``.gexf``; Turtle
        for any other suffix, as rdflib does). See ``FORMATS``."""
        from .export.networkx_io import write_network
        from .export.rdf_io import QUAD_FORMATS, format_for_path, format_name, write_bytes, write_streamed

        fmt = format_name(format) if format else format_for_path(path)
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
        if fmt in ("graphml", "gexf"):
            write_network(self.nx, path, fmt)
        elif fmt == "neo4j":
            from .export.neo4j import write_neo4j

            write_neo4j(self.corpus, self.base_iri, path)
        elif fmt == "jsonld" or ("ntriples" in self.__dict__ and fmt not in QUAD_FORMATS):
            write_bytes(self.serialize(fmt), path)  # compacted in memory, or from the N-Triples already made
        else:
            from .graph.rdf import write_nquads, write_ntriples

            source = write_nquads if fmt in QUAD_FORMATS else write_ntriples
            # streamed through a temporary file: a corpus's N-Triples were the build's peak memory
            write_streamed(lambda out: source(self.corpus, self.base_iri, out), fmt, path)

    def write_turtle(self, path: str | os.PathLike) -> None:
        self.write(path, "turtle")

    def write_html(self, path: str | os.PathLike, *, max_nodes: int | None = None, title: str = "graphkit") -> None:
        """Write the interactive viewer: one self-contained HTML file."""
        from .export.html import write_html

        write_html(self.nx, path, title=title, max_nodes=max_nodes)

    def query(self, sparql: str, *, allow_service: bool = False, timeout: float | None = DEFAULT_TIMEOUT,
              max_rows: int | None = DEFAULT_MAX_ROWS) -> list[dict]:
        """Run read-only SPARQL on Oxigraph; rows as dicts of Python values.

        Standard prefixes (schema, gk, gkv, rdfs, skos, prov, ...) need no declaration.
        Raises ``graphkit.sparql.QueryError`` for a malformed query, for SERVICE
        (a call to another endpoint) unless ``allow_service``, and
        ``QueryTimeout`` (a QueryError) after ``timeout`` seconds. Past
        ``max_rows`` rows the rest are dropped with a ``RowLimitWarning``.
        ``None`` means no limit. A timed-out query that is busy sorting,
        grouping or counting runs on in a background thread until it finishes.
        """
        from .sparql import run_query

        return run_query(self._store, sparql, allow_service=allow_service, timeout=timeout, max_rows=max_rows)[1]

    def validate(self) -> list:
        """SHACL violations of the graph against graphkit's shapes; empty when it conforms."""
        from .validate import validate

        return validate(self.rdf)

    def show(self, *, max_nodes: int | None = None, height: int = 650):
        """Display the viewer inline in Jupyter (writes no files); needs IPython, which Jupyter brings."""
        try:
            from IPython.display import HTML
        except ImportError:
            raise ImportError("KnowledgeGraph.show() displays in Jupyter and needs IPython (pip install ipython); "
                              "kg.write_html(path) writes the same viewer as a file") from None

        from .export.html import notebook_html

        return HTML(notebook_html(self.nx, max_nodes=max_nodes, height=height))


def load(path: str | os.PathLike) -> KnowledgeGraph:
    """Reopen a graph graphkit wrote (any RDF syntax it writes: .ttl, .nt, .nq, .trig, .jsonld, .rdf).

    The result is the graph that was built: query it, write it in another
    format or as a viewer, or pass the file to ``build(..., into=path)`` to add
    articles. Raises ``graphkit.graph.load.GraphLoadError`` for a file that is
    not a graph graphkit wrote.
    """
    from .graph.load import load_corpus

    corpus, base = load_corpus(path)
    return KnowledgeGraph(corpus, base, BuildStats(articles=len(corpus.articles)))


def from_docs(docs: Iterable, *, base_iri: str = DEFAULT_BASE,
              aliases: str | os.PathLike | Aliases | None = None) -> KnowledgeGraph:
    """One graph from ``Doc``s a user processed with graphkit's components in a pipeline of their own.

    Each item is a ``Doc``, or a ``(Doc, Article)`` pair when the article has an
    id, title or date to keep (``nlp.pipe(texts, as_tuples=True)`` gives such
    pairs with any context). A bare ``Doc``'s article id is its text's hash.
    The graph is what ``build`` makes of the same texts with the same pipeline.
    """
    from spacy.tokens import Doc

    from .nlp.convert import doc_result

    if aliases is not None and not isinstance(aliases, Aliases):
        aliases = Aliases.read(aliases)

    def results() -> Iterator[DocResult]:
        for item in docs:
            doc, article = item if isinstance(item, tuple) else (item, None)
            if not isinstance(article, Article):
                article = Article(text=doc.text, **(article if isinstance(article, dict) else {}))
            if not Doc.has_extension("graphkit_entities") or doc._.graphkit_entities is None:
                raise ValueError(f"{article.key}: this Doc was not processed by graphkit's components "
                                 "(add them to the pipeline: graphkit.load_nlp() has them)")
            if article.text != doc.text:
                raise ValueError(f"{article.key}: the Article's text is not the Doc's text")
            yield doc_result(doc, article)

    corpus, duplicates = merge_results(results(), None, aliases)
    return KnowledgeGraph(corpus, base_iri, BuildStats(articles=len(corpus.articles), duplicates=duplicates))


def load_nlp(model: str | None = None, *, components: bool = True):
    """A new spaCy pipeline: the model a build would use, with graphkit's components (or without).

    ``load_nlp()`` runs exactly what ``build`` runs, ``doc._.graphkit_quotes``
    and the rest filled in; ``load_nlp(components=False)`` is the bare spaCy
    model graphkit chose (``graphkit info`` names it), for a pipeline of your
    own. Each call loads a fresh pipeline, so changing it changes no build.
    """
    from .nlp.loader import choose_model, load_spacy
    from .nlp.pipeline import build_pipeline

    choice = choose_model(model)
    return build_pipeline(choice) if components else load_spacy(choice)


def extract(text: str | Article, *, model: str | None = None) -> DocResult:
    """Entities, relations and quotes of one article, as plain dataclasses."""
    from .nlp.convert import doc_result
    from .nlp.pipeline import get_pipeline

    from .sources import _clean

    # control characters and lone surrogates out first: spaCy cannot encode a lone surrogate
    article = _clean(text if isinstance(text, Article) else Article(text=text), _warn)
    return doc_result(get_pipeline(model)(article.text), article)


def extract_many(articles: Iterable[Article], *, model: str | None = None, n_process: int = 1,
                 batch_size: int = 64, engine: str = "local", scheduler: str | None = None, client=None,
                 on_error: ErrorHandler | None = None) -> Iterator[DocResult]:
    """Run the pipeline over many articles, streaming, in input order (see ``graphkit.engines``).

    ``n_process`` local worker processes, or ``engine="dask"`` on a Dask
    cluster (``scheduler`` address or ``client``; neither: a LocalCluster).
    An article whose processing raises is passed to ``on_error(source,
    reason)`` and skipped; by default it raises ``ArticleFailed``.
    """
    from .engines import Failure, raise_failure, run

    for outcome in run(articles, engine=engine, model=model, n_process=n_process, batch_size=batch_size,
                       scheduler=scheduler, client=client):
        if isinstance(outcome, Failure):
            (on_error or raise_failure)(outcome.source, outcome.reason)
        else:
            yield outcome


class RelationFileError(ValueError):
    """A relation file (``--relations``) that cannot be read or has a bad row."""


def _with_relations(model, relations):
    """The pipeline spec with a user's relation file, after checking every row of it."""
    from .nlp.pipeline import PipelineSpec
    from .nlp.relation_verbs import VerbTable

    path = str(relations)
    try:
        VerbTable(VerbTable.read(Path(path).read_text(encoding="utf-8"), path))
    except (OSError, UnicodeDecodeError) as error:
        raise RelationFileError(f"{path}: cannot read relation file: {error}") from None
    except ValueError as error:
        raise RelationFileError(str(error) if path in str(error) else f"{path}: {error}") from None
    return PipelineSpec(model, str(Path(path).resolve()))


def build(sources, *, model: str | None = None, base_iri: str = DEFAULT_BASE, n_process: int = 1,
          batch_size: int = 64, on_error: ErrorHandler | None = None,
          progress: Callable[[DocResult], None] | None = None, max_chars: int | None = DEFAULT_MAX_CHARS,
          on_warning: WarningHandler | None = None, into: str | os.PathLike | None = None,
          engine: str = "local", scheduler: str | None = None, client=None,
          aliases: str | os.PathLike | Aliases | None = None,
          relations: str | os.PathLike | None = None) -> KnowledgeGraph:
    """Build one knowledge graph from ``sources``.

    ``sources`` are article texts, paths (files, folders, ``.jsonl``), ``"-"``
    for stdin, ``Article`` objects or dicts with a ``text`` field. Bad inputs
    are passed to ``on_error(source, message)``; by default they raise.
    So is an article whose processing raises: it is skipped and counted in
    ``stats.failed``. The NLP stage runs in ``n_process`` local processes, or
    with ``engine="dask"`` on a Dask cluster (``scheduler`` address or
    ``client``; neither: a LocalCluster); the graph is the same either way.
    Articles are cut to ``max_chars`` characters (None: no limit); inputs read
    but not as given (cut, duplicate, re-encoded) go to ``on_warning(source,
    message)``, by default a Python warning, and to ``stats.warnings``.

    With ``into``, the graph file graphkit wrote earlier is loaded first and
    the new articles are merged into it (its base IRI is kept); articles
    already in it (same text) are skipped. The result equals a build of
    everything at once.

    ``aliases`` is a file of identity decisions (``NAME = NAME`` merges two
    entities, ``NAME != NAME`` keeps them apart; see ``graph.corpus.Aliases``)
    or an ``Aliases`` object; it is read before any article is.

    ``relations`` is a TSV file of extra relation verbs, in the format of
    graphkit/data/relation_verbs.tsv; it is checked before any article is read.
    """
    if aliases is not None and not isinstance(aliases, Aliases):
        aliases = Aliases.read(aliases)
    stats = BuildStats()
    started = time.perf_counter()
    record_error, record_warning = _recorders(stats, on_error, on_warning)
    existing = None
    if into is not None and os.path.exists(into):
        from .graph.load import load_corpus

        asked = base_iri
        existing, base_iri = load_corpus(into)
        if asked not in (DEFAULT_BASE, base_iri):  # the graph's own base wins: its IRIs must not move
            record_warning(str(into), f"keeps its base IRI {base_iri}; the base IRI {asked} given is not used")
    results = _extracted(sources, stats, record_error, record_warning, model=model, n_process=n_process,
                         batch_size=batch_size, progress=progress, max_chars=max_chars, engine=engine,
                         scheduler=scheduler, client=client, relations=relations,
                         known=existing.hashes if existing is not None else ())
    corpus, merged_duplicates = merge_results(results, existing, aliases)
    stats.duplicates += merged_duplicates
    stats.articles = len(corpus.articles)
    stats.seconds = time.perf_counter() - started
    return KnowledgeGraph(corpus, base_iri, stats)


def _recorders(stats: BuildStats, on_error: ErrorHandler | None, on_warning: WarningHandler | None):
    """The error and warning handlers of a build: they count into ``stats`` and pass on to the caller's."""
    def record_error(source: str, message: str) -> None:
        stats.errors.append((source, message))
        (on_error or _raise)(source, message)

    def record_warning(source: str, message: str) -> None:
        stats.warnings.append((source, message))
        stats.duplicates += message.startswith("duplicate of")
        stats.cut += message.startswith("cut to")
        (on_warning or _warn)(source, message)

    return record_error, record_warning


def _extracted(sources, stats: BuildStats, record_error, record_warning, *, model, n_process, batch_size, progress,
               max_chars, engine, scheduler, client, relations, known) -> Iterator[DocResult]:
    """The articles of ``sources`` through the pipeline, streaming: what ``build`` and the store's add merge."""
    if relations is not None:
        model = _with_relations(model, relations)

    def record_failure(source: str, reason: str) -> None:
        stats.failed += 1
        record_error(source, reason)

    def counted(results: Iterable[DocResult]) -> Iterator[DocResult]:
        for result in results:
            stats.words += len(result.article.text.split())
            if progress:
                progress(result)
            yield result

    if max_chars is None or max_chars >= 1_000_000:  # spaCy refuses texts over nlp.max_length
        from .nlp.pipeline import get_pipeline

        nlp = get_pipeline(model)
        nlp.max_length = max(nlp.max_length, (max_chars or sys.maxsize - 1) + 1)
    articles = iter_articles(sources, record_error, max_chars=max_chars, on_warning=record_warning, known=known)
    return counted(extract_many(articles, model=model, n_process=n_process, batch_size=batch_size, engine=engine,
                                scheduler=scheduler, client=client, on_error=record_failure))
