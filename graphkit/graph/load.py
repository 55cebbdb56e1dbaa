"""Read a graph graphkit wrote back into a ``Corpus``, for incremental builds.

``graphkit build NEW... --into GRAPH`` loads GRAPH, adds the new articles'
results with the same merge code as a full build, and writes the whole graph
again, so the result is the graph a build of everything at once would give.
Parsing uses Oxigraph (fast at corpus size).
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from ..export.rdf_io import FORMATS as RDF_FORMATS
from ..export.rdf_io import QUAD_FORMATS, SUFFIX_FORMATS
from ..model import FACT, ORGANIZATION, PERSON, PLACE, Article, Quote, Relation, Span
from ..names import name_key
from ..predicates import CUSTOM_PREFIX, PREDICATES, VERB_PREFIX
from .corpus import Corpus, CorpusEntity, CorpusQuote, CorpusRelation
from .iris import check_base
from .vocab import GK_IRI, STATUS_IRIS
from .vocab import VERB as VERB_NS

SDO = "https://schema.org/"
GK = GK_IRI
VERB = str(VERB_NS)
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
TYPES = {SDO + "Person": PERSON, SDO + "Organization": ORGANIZATION, SDO + "Place": PLACE,
         SDO + "Country": PLACE, SDO + "City": PLACE, SDO + "State": PLACE}
# RDF syntaxes by file suffix (also used by `graphkit query`); --into reads the ones graphkit writes in order.
# the RDF syntaxes by file suffix: the writers' own table (export/rdf_io.py), read the other way
PARSE_FORMATS = {suffix: {**RDF_FORMATS, **QUAD_FORMATS}[name] for suffix, name in SUFFIX_FORMATS.items()
                 if name in RDF_FORMATS or name in QUAD_FORMATS}
STATUS_KEYS = {str(iri): key for key, iri in STATUS_IRIS.items()}


class GraphLoadError(ValueError):
    """A file that is not a graph graphkit wrote."""


def _predicate_keys() -> dict[str, str]:
    keys = {}
    for key, p in PREDICATES.items():
        keys[(SDO if p.namespace == "schema" else GK) + p.local] = key
    return keys


def _read(path: Path) -> dict[str, dict[str, list]]:
    """Subject -> predicate -> objects (Oxigraph terms)."""
    fmt = PARSE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphLoadError(f"{path}: graphkit reads graphs in {', '.join(sorted(PARSE_FORMATS))} files")
    try:
        return _subjects(ox.parse(path=str(path), format=fmt))
    except (SyntaxError, ValueError, OSError) as error:
        raise GraphLoadError(f"{path}: cannot parse: {error}") from None


def _subjects(triples) -> dict[str, dict[str, list]]:
    """Subject -> predicate -> objects; a blank node subject is keyed ``_:ID`` (graphkit writes none)."""
    subjects: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for t in triples:
        subject = t.subject.value if isinstance(t.subject, ox.NamedNode) else f"_:{t.subject.value}"
        subjects[subject][t.predicate.value].append(t.object)
    return subjects


def _one(props: dict, predicate: str, default=None):
    values = props.get(predicate)
    return values[0].value if values else default


def load_corpus(path: str | os.PathLike) -> tuple[Corpus, str]:
    """The corpus a graph file describes, and the base IRI it was built with.

    A graph that is RDF but not quite graphkit's (a quote without offsets, a
    count that is not a number, an article that is a blank node) raises
    GraphLoadError with what is wrong, never a bare TypeError.
    """
    path = Path(path)
    return _checked(path, lambda: _load(path, _read(path)))


def corpus_from_quads(quads, name: str) -> tuple[Corpus, str]:
    """The corpus held by Oxigraph quads or triples (e.g. a store's ``quads_for_pattern``); ``name`` for errors."""
    return _checked(name, lambda: _load(name, _subjects(quads)))


def _checked(path, load) -> tuple[Corpus, str]:
    try:
        return load()
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        if isinstance(error, GraphLoadError):
            raise
        raise GraphLoadError(f"{path}: not a graph graphkit wrote ({type(error).__name__}: {error})") from None


def _load(path, subjects: dict) -> tuple[Corpus, str]:
    corpus = Corpus()
    articles = {s: p for s, p in subjects.items() if any(t.value == SDO + "NewsArticle" for t in p.get(RDF_TYPE, ()))}
    if not articles:
        raise GraphLoadError(f"{path}: no schema:NewsArticle in it; not a graph graphkit built")
    blank = sorted(iri for iri in articles if iri.startswith("_:"))
    if blank:
        raise GraphLoadError(f"{path}: article {blank[0]} is a blank node; graphkit names every article with an IRI")
    base = _base_iri(next(iter(articles)))
    try:
        check_base(base)
    except ValueError as error:
        raise GraphLoadError(f"{path}: its articles' IRIs give no usable base IRI: {error}") from None

    article_key = {}
    for iri, props in sorted(articles.items()):
        key = _one(props, SDO + "identifier")
        text = _one(props, SDO + "articleBody")
        if key is None or text is None:
            raise GraphLoadError(f"{path}: article {iri} lacks its identifier or text")
        article = Article(text=text, id=key, title=_one(props, SDO + "headline"), url=_one(props, SDO + "url"),
                          published=_one(props, SDO + "datePublished"), author=_one(props, SDO + "author"))
        article_key[iri] = key
        corpus.articles[key] = article
        corpus.hashes.add(article.content_hash)

    entity_key = {}
    for iri, props in subjects.items():
        etype = next((TYPES[t.value] for t in props.get(RDF_TYPE, ()) if t.value in TYPES), None)
        label = _one(props, RDFS_LABEL)
        if etype is None or label is None:
            continue
        key = name_key(label)
        mentions = int(_one(props, GK + "mentionCount", 0))
        entity = CorpusEntity(key, label, mentions=mentions)
        entity.types[etype] += mentions or 1
        entity.canonical[label] += mentions or 1
        entity.names[label] += 1
        entity.names.update(a.value for a in props.get(SKOS_ALT, ()))
        entity.roles.update(r.value for r in props.get(SDO + "jobTitle", ()))
        entity.labels[_one(props, GK + "nerLabel", "")] += 1
        gender = {SDO + "Male": "m", SDO + "Female": "f"}.get(_one(props, SDO + "gender"))
        if gender:
            entity.genders[gender] += 1
        corpus.entities[key] = entity
        entity_key[iri] = key
    for iri, props in sorted(articles.items()):
        keys = sorted(entity_key[e.value] for e in props.get(SDO + "mentions", ()) if e.value in entity_key)
        corpus.mentions[article_key[iri]] = keys
        for k in keys:
            corpus.entities[k].articles.append(article_key[iri])

    for iri, props in subjects.items():
        if not any(t.value == GK + "Mention" for t in props.get(RDF_TYPE, ())):
            continue
        article, entity = article_key.get(_one(props, SDO + "isPartOf")), entity_key.get(_one(props, GK + "refersTo"))
        if article is not None and entity is not None:
            start, end, words = _slice(path, "mention", iri, corpus.articles[article], props, SDO + "text")
            corpus.spans.setdefault(article, []).append((entity, start, end, words))
    for spans in corpus.spans.values():
        spans.sort(key=lambda s: (s[1], s[2]))

    quotes = {}
    for iri, props in sorted(subjects.items()):
        kinds = {t.value for t in props.get(RDF_TYPE, ())}
        if not kinds & {SDO + "Quotation", GK + "ReportedSpeech"}:
            continue
        article = article_key.get(_one(props, SDO + "isPartOf"))
        if article is None:
            raise GraphLoadError(f"{path}: quote {iri} is part of no article in the graph")
        start, end, text = _slice(path, "quote", iri, corpus.articles[article], props, SDO + "text")
        speaker_iri = _one(props, SDO + "spokenByCharacter")
        mention = _one(props, GK + "speakerMention")
        quote = Quote(text=text, start=start, end=end, speaker=speaker_iri,
                      speaker_mention=Span(0, 0, mention) if mention is not None else None,
                      cue=_one(props, GK + "cue"), kind=_one(props, GK + "quoteKind", "direct"),
                      when=_when(props), sentence=_sentence(props, corpus.articles.get(article)))
        quotes[iri] = quote
        corpus.quotes.append(CorpusQuote(article, quote, entity_key.get(speaker_iri)))

    predicate_keys = _predicate_keys()
    for iri, props in sorted(subjects.items()):
        if not any(t.value == RDF + "Statement" for t in props.get(RDF_TYPE, ())):
            continue
        p = _one(props, RDF + "predicate")
        key = predicate_keys.get(p)
        if key is None and p.startswith(VERB):
            key = VERB_PREFIX + _one(subjects.get(p, {}), RDFS_LABEL, p[len(VERB):])
        elif key is None and p.startswith(GK) and p[len(GK):].isalnum():
            key = CUSTOM_PREFIX + p[len(GK):]  # a user's own relation type
        s, o = entity_key.get(_one(props, RDF + "subject")), entity_key.get(_one(props, RDF + "object"))
        if key is None or s is None or o is None:
            continue
        article = article_key.get(_one(props, PROV_DERIVED))
        if article is None:
            raise GraphLoadError(f"{path}: statement {iri} is derived from no article in the graph")
        claimers = [t.value for t in props.get(GK + "claimedBy", ())]  # a quote, an entity, or both (nested speech)
        claimed = next((quotes[c] for c in claimers if c in quotes), None)
        status = STATUS_KEYS.get(_one(props, GK + "status"), FACT)
        evidence = Span(*_slice(path, "statement", iri, corpus.articles[article], props, GK + "evidence"))
        speaker = entity_key.get(claimed.speaker) if claimed else None
        claimant = next((entity_key[c] for c in claimers if c in entity_key), None) or speaker
        # one statement, several rules (and roles): a relation per rule, and one more per role left over,
        # so every rule and every role is written back
        rules = sorted(r.value for r in props.get(GK + "rule", ()))
        roles = sorted(r.value for r in props.get(GK + "roleName", ())) or [None]
        pairs = [(rule, roles[min(i, len(roles) - 1)]) for i, rule in enumerate(rules)]
        pairs += [(rules[-1], role) for role in roles[len(rules):]] if rules else []
        for rule, role in pairs:
            relation = Relation("", key, "", evidence, rule, role=role, when=_when(props))
            corpus.relations.append(CorpusRelation(s, key, o, article, relation,
                                                   claimed, claimant, status, speaker))
    return corpus, base


def _slice(path, kind: str, iri: str, article: Article, props: dict, words: str) -> tuple[int, int, str]:
    """(start, end, words) of a mention, quote or statement, checked against its article's text.

    graphkit writes offsets that slice the article text to exactly the words
    beside them; a graph where they do not (an offset changed, the words gone)
    would be written back as a graph ``validate`` rejects, so it is refused.
    """
    start, end, text = int(_one(props, GK + "startOffset")), int(_one(props, GK + "endOffset")), _one(props, words)
    if text is None or not 0 <= start <= end <= len(article.text) or article.text[start:end] != text:
        raise GraphLoadError(f"{path}: {kind} {iri}: its offsets {start}-{end} do not give its text in its article")
    return start, end, text


def _sentence(props: dict, article: Article | None) -> Span | None:
    """The sentence offsets of a quote, with the sentence's text taken from the article."""
    start, end = _one(props, GK + "sentenceStart"), _one(props, GK + "sentenceEnd")
    if start is None or end is None or article is None:
        return None
    return Span(int(start), int(end), article.text[int(start):int(end)])


def _when(props: dict) -> Span | None:
    """The dating words of a statement or quote (only their text is written, and only it is needed)."""
    text = _one(props, GK + "dateText")
    return Span(0, 0, text) if text is not None else None


def _base_iri(article_iri: str) -> str:
    marker = "article/"
    return article_iri[: article_iri.rindex(marker)] if marker in article_iri else article_iri
