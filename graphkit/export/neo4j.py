"""A folder of CSV files for Neo4j: ``neo4j-admin database import full``, or LOAD CSV with import.cypher.

Nodes: entities (labels Entity and Person/Organization/Place), articles
(Article) and quotes (Quote); relationships: one per relation, typed by its
name in UPPER_SNAKE (WORKS_FOR, MEMBER_OF, CRITICIZE) with its status,
evidence and offsets as properties, and SAID_BY (quote -> speaker),
FROM_ARTICLE (quote -> article), MENTIONED_IN (entity -> article). Node ids
are graphkit's IRIs, so one id space serves every file.

The files are RFC 4180 CSV as Neo4j reads it: a field holding a comma, a
double quote or a line break is quoted, and its double quotes are doubled.
Arrays are joined with U+001F, a character no exported text holds (see
export.text), so no element can be split; neo4j-admin is told so with
``--array-delimiter=U+001F``. An empty field is a property not set.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import shutil
import tempfile
from pathlib import Path

from ..dates import published_date
from ..graph.corpus import Corpus
from ..graph.iris import IRIs
from ..graph.nx import date_of
from ..graph.rdf import predicate_iri, schema_class
from ..model import PLANNED
from ..predicates import predicate_label
from .files import _alive, _umask, temp_files
from .text import safe_text

ARRAY_DELIMITER = "\x1f"
NODE_FILES = ("entities.csv", "articles.csv", "quotes.csv")
RELATIONSHIP_FILES = ("relations.csv", "said_by.csv", "from_article.csv", "mentioned_in.csv")
OWN_FILES = set(NODE_FILES + RELATIONSHIP_FILES + ("import.cypher", "README.txt"))

# (header field, Neo4j type); type None for :ID, :LABEL, :START_ID, :END_ID and :TYPE
ENTITY_COLUMNS = [("iri:ID", None), (":LABEL", None), ("name", "string"), ("type", "string"),
                  ("schemaType", "string"), ("aliases", "string[]"), ("roles", "string[]"), ("mentions", "int"),
                  ("articles", "string[]"), ("gender", "string"), ("nerLabel", "string")]
ARTICLE_COLUMNS = [("iri:ID", None), (":LABEL", None), ("key", "string"), ("title", "string"), ("url", "string"),
                   ("published", "string"), ("datePublished", "string"), ("source", "string"), ("author", "string"),
                   ("sha256", "string"), ("text", "string")]
QUOTE_COLUMNS = [("iri:ID", None), (":LABEL", None), ("text", "string"), ("kind", "string"), ("cue", "string"),
                 ("article", "string"), ("startOffset", "int"), ("endOffset", "int"), ("speakerMention", "string"),
                 ("dateText", "string"), ("date", "string")]
RELATION_COLUMNS = [(":START_ID", None), (":END_ID", None), (":TYPE", None), ("name", "string"),
                    ("predicate", "string"), ("status", "string"), ("evidence", "string"), ("article", "string"),
                    ("startOffset", "int"), ("endOffset", "int"), ("rule", "string"), ("role", "string"),
                    ("claimedBy", "string"), ("dateText", "string"), ("date", "string"), ("statement", "string")]
LINK_COLUMNS = [(":START_ID", None), (":END_ID", None), (":TYPE", None)]

IMPORT_COMMAND = (
    "neo4j-admin database import full neo4j \\\n"
    "    --nodes=entities.csv --nodes=articles.csv --nodes=quotes.csv \\\n"
    "    --relationships=relations.csv --relationships=said_by.csv \\\n"
    "    --relationships=from_article.csv --relationships=mentioned_in.csv \\\n"
    "    --array-delimiter=U+001F --multiline-fields=true --overwrite-destination=true"
)


def header(columns) -> list[str]:
    """Header fields: ``name:type`` for typed properties (a plain string needs no type)."""
    return [name if kind in (None, "string") else f"{name}:{kind}" for name, kind in columns]


def relationship_type(label: str) -> str:
    """A relation's name as a Neo4j relationship type: "works for" -> WORKS_FOR, "verb:criticize" -> CRITICIZE."""
    return re.sub(r"\W+", "_", label).strip("_").upper() or "RELATED_TO"


def _field(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ARRAY_DELIMITER.join(safe_text(str(v)) for v in value)
    return safe_text(str(value))


def _unique(iri: str, seen: set) -> str:
    """``iri``, or ``iri-2``, ``iri-3``... when another node has it (two quotes of the very same span)."""
    candidate, n = iri, 1
    while candidate in seen:
        n += 1
        candidate = f"{iri}-{n}"
    seen.add(candidate)
    return candidate


def tables(corpus: Corpus, base: str) -> dict[str, tuple[list, list[list]]]:
    """File name -> (columns, rows) for the whole corpus."""
    iris = IRIs(base)
    entity = {key: str(iris.entity(key)) for key in corpus.entities}
    article = {key: str(iris.article(key)) for key in corpus.articles}
    out = {name: [] for name in NODE_FILES + RELATIONSHIP_FILES}
    for key, e in corpus.entities.items():
        cls, _ = schema_class(e)
        out["entities.csv"].append([entity[key], ["Entity", e.type], e.name, e.type, cls.split("/")[-1], e.aliases,
                                    [r for r, _ in e.roles.most_common()], e.mentions, e.articles,
                                    e.gender if e.type == "Person" else None,
                                    e.labels.most_common(1)[0][0] if e.labels else None])
    for key, a in corpus.articles.items():
        normal = published_date(a.published)
        out["articles.csv"].append([article[key], ["Article"], key, a.title, a.url, a.published,
                                    normal[0] if normal else None, a.source, a.author, a.content_hash, a.text])
        for entity_key in corpus.mentions.get(key, ()):
            if entity_key in entity:
                out["mentioned_in.csv"].append([entity[entity_key], article[key], "MENTIONED_IN"])
    seen, quote_ids = set(), {}
    for cq in corpus.quotes:
        q = cq.quote
        node = _unique(str(iris.quote(cq.article, q.start, q.end)), seen)
        quote_ids.setdefault((cq.article, q.start, q.end), node)
        date_text, date = date_of(q.when, corpus.articles[cq.article].published, False)
        out["quotes.csv"].append([node, ["Quote"], q.text, q.kind, q.cue, cq.article, q.start, q.end,
                                  q.speaker_mention.text if q.speaker_mention else None, date_text, date])
        out["from_article.csv"].append([node, article[cq.article], "FROM_ARTICLE"])
        if cq.speaker is not None:
            out["said_by.csv"].append([node, entity[cq.speaker], "SAID_BY"])
    for cr in corpus.relations:
        rel, label = cr.relation, predicate_label(cr.predicate)
        p_iri = predicate_iri(cr.predicate)
        claimed_by = None
        if cr.claimed_by is not None:  # stated inside a quote: the quote claims it
            claimed_by = quote_ids.get((cr.article, cr.claimed_by.start, cr.claimed_by.end))
        elif cr.claiming_entity is not None:
            claimed_by = entity[cr.claiming_entity]
        date_text, date = date_of(rel.when, corpus.articles[cr.article].published, cr.status == PLANNED)
        statement = iris.statement(cr.article, iris.entity(cr.subject), p_iri, iris.entity(cr.object),
                                   rel.evidence.start)
        out["relations.csv"].append([entity[cr.subject], entity[cr.object], relationship_type(label), label,
                                     str(p_iri), cr.status, rel.evidence.text, cr.article, rel.evidence.start,
                                     rel.evidence.end, rel.rule, rel.role, claimed_by, date_text, date,
                                     str(statement)])
    columns = dict(zip(NODE_FILES, (ENTITY_COLUMNS, ARTICLE_COLUMNS, QUOTE_COLUMNS)))
    columns.update({name: LINK_COLUMNS for name in RELATIONSHIP_FILES})
    columns["relations.csv"] = RELATION_COLUMNS
    return {name: (columns[name], rows) for name, rows in out.items()}


def write_csv(path: Path, columns, rows) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")  # doublequote=True: a " inside a field is written ""
        writer.writerow(header(columns))
        writer.writerows([_field(v) for v in row] for row in rows)


# -------------------------------------------------------------- import.cypher


def _cypher_value(kind: str, column: str) -> str:
    field = f"row.`{column}`"
    if kind == "int":
        return f"toInteger({field})"
    if kind == "string[]":
        return f"CASE WHEN {field} <> '' THEN split({field}, '\\u001f') END"
    return f"CASE WHEN {field} <> '' THEN {field} END"  # an empty field sets nothing, as neo4j-admin does


def _set_clause(var: str, columns) -> str:
    sets = [f"{var}.`{name}` = {_cypher_value(kind, column)}"
            for (name, kind), column in zip(columns, header(columns)) if kind is not None]
    return "SET " + ",\n    ".join(sets)


def cypher_script(entity_types, relation_types) -> str:
    """LOAD CSV statements for every file; types are written out, so no APOC and no dynamic labels are needed."""
    load = "LOAD CSV WITH HEADERS FROM 'file:///{}' AS row\n"
    parts = [
        ("// graphkit export: load it into a running Neo4j 5 with cypher-shell or Neo4j Browser, after copying\n"
         "// the CSV files of this folder into the database's import folder. Statements end with ';'.\n"),
        "CREATE CONSTRAINT graphkit_entity IF NOT EXISTS FOR (n:Entity) REQUIRE n.iri IS UNIQUE;",
        "CREATE CONSTRAINT graphkit_article IF NOT EXISTS FOR (n:Article) REQUIRE n.iri IS UNIQUE;",
        "CREATE CONSTRAINT graphkit_quote IF NOT EXISTS FOR (n:Quote) REQUIRE n.iri IS UNIQUE;\n",
    ]
    for kind in entity_types:
        parts.append(load.format("entities.csv") + f"WITH row WHERE row.type = '{kind}'\n"
                     f"MERGE (n:Entity:`{kind}` {{iri: row.`iri:ID`}})\n" + _set_clause("n", ENTITY_COLUMNS) + ";\n")
    parts.append(load.format("articles.csv") + "MERGE (n:Article {iri: row.`iri:ID`})\n"
                 + _set_clause("n", ARTICLE_COLUMNS) + ";\n")
    parts.append(load.format("quotes.csv") + "MERGE (n:Quote {iri: row.`iri:ID`})\n"
                 + _set_clause("n", QUOTE_COLUMNS) + ";\n")
    for name, start, end, rel in (("said_by.csv", "Quote", "Entity", "SAID_BY"),
                                  ("from_article.csv", "Quote", "Article", "FROM_ARTICLE"),
                                  ("mentioned_in.csv", "Entity", "Article", "MENTIONED_IN")):
        parts.append(load.format(name) + f"MATCH (a:{start} {{iri: row.`:START_ID`}}), (b:{end} {{iri: row.`:END_ID`}})\n"
                     f"MERGE (a)-[:{rel}]->(b);\n")
    for rel in relation_types:
        parts.append(load.format("relations.csv") + f"WITH row WHERE row.`:TYPE` = '{rel}'\n"
                     "MATCH (a:Entity {iri: row.`:START_ID`}), (b:Entity {iri: row.`:END_ID`})\n"
                     f"MERGE (a)-[r:`{rel}` {{statement: row.statement}}]->(b)\n"
                     + _set_clause("r", RELATION_COLUMNS) + ";\n")
    return "\n".join(parts)


def readme() -> str:
    return f"""graphkit export for Neo4j
=========================

Nodes: entities.csv (labels Entity and Person, Organization or Place), articles.csv (Article),
quotes.csv (Quote). Relationships: relations.csv (one type per relation: WORKS_FOR, MEMBER_OF, ...;
properties status, evidence, article, startOffset/endOffset into the article text, rule, role,
claimedBy, dateText/date), said_by.csv (Quote -> Entity), from_article.csv (Quote -> Article),
mentioned_in.csv (Entity -> Article). Node ids (the iri property) are graphkit's IRIs.

Only a relation with status "fact" is stated by the reporter; the others are claimed, planned,
negated or hypothetical. Filter with WHERE r.status = 'fact' for what the articles assert.

Arrays (aliases, roles, articles, and the :LABEL field) are joined with U+001F; fields holding
commas, quotes or line breaks are quoted, with double quotes doubled.

Import into an empty database with neo4j-admin (Neo4j 5; stop the database first; run it from
this folder, or give the files' full paths):

{IMPORT_COMMAND}

Without neo4j-admin: copy the CSV files into the database's import folder and run import.cypher
(LOAD CSV) with cypher-shell -f import.cypher, or paste it into Neo4j Browser. It can be run
again: nodes and relationships are merged, not duplicated. LOAD CSV also reads \" as an escaped
quote unless dbms.import.csv.legacy_quote_escaping=false is set; neo4j-admin does not.
"""


# -------------------------------------------------------------- the folder


class ExportFolderError(ValueError):
    """A path that a Neo4j export may not be written to (a file, or a folder of other files)."""


def write_neo4j(corpus: Corpus, base: str, path: str | os.PathLike) -> None:
    """Write the export folder at ``path``: built in a temporary sibling folder, then renamed into place.

    An existing folder is replaced only if it holds nothing but an earlier
    export's files: ``kg.write("output", "neo4j")`` must not delete graph.ttl.
    """
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise ExportFolderError(f"{path}: a Neo4j export is a folder, and this is a file")
    if path.is_dir() and not {p.name for p in path.iterdir()} <= OWN_FILES:
        raise ExportFolderError(f"{path}: the folder holds files other than a graphkit Neo4j export; choose an empty "
                         "or new folder")
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_folders(path)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent))
    old = None
    try:
        data = tables(corpus, base)
        for name, (columns, rows) in data.items():
            write_csv(tmp / name, columns, rows)
        types = sorted({row[3] for row in data["entities.csv"][1]})
        relations = sorted({row[2] for row in data["relations.csv"][1]})
        (tmp / "import.cypher").write_text(cypher_script(types, relations), encoding="utf-8")
        (tmp / "README.txt").write_text(readme(), encoding="utf-8")
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes 0700
        if path.exists():  # a folder cannot be renamed over a non-empty one: move the old one aside first
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent))
            os.replace(path, old / path.name)
        os.replace(tmp, path)
    except BaseException:
        if old is not None and not path.exists():
            os.replace(old / path.name, path)
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _remove_stale_folders(path: Path) -> None:
    """Temporary folders of exports to ``path`` whose process was killed."""
    for tmp in temp_files(path):
        pid = int(tmp.name[len(path.name) + 2:].split(".", 1)[0])
        if tmp.is_dir() and pid != os.getpid() and not _alive(pid):
            with contextlib.suppress(OSError):
                shutil.rmtree(tmp)
