"""JSON for what the index keeps: each article's DocResult and each entity's merge state.

JSON rather than pickle, so a store handed over by someone else cannot run
code when it is opened. Counters are kept as lists of pairs: their order is
the order names were first seen, which breaks ties in a label vote exactly as
a build of everything at once does.
"""

from __future__ import annotations

import json

from ..graph.corpus import CorpusEntity
from ..model import Article, DocResult, Entity, Mention, Quote, Relation, Span

_COUNTERS = ("types", "labels", "names", "canonical", "roles", "genders")


def dump_entity(entity: CorpusEntity) -> str:
    state = {"key": entity.key, "name": entity.name, "mentions": entity.mentions}
    state.update({name: list(getattr(entity, name).items()) for name in _COUNTERS})
    return json.dumps(state, ensure_ascii=False, separators=(",", ":"))


def load_entity(text: str) -> CorpusEntity:
    state = json.loads(text)
    entity = CorpusEntity(state["key"], state["name"], mentions=state["mentions"])
    for name in _COUNTERS:
        getattr(entity, name).update(dict(state[name]))  # a dict keeps the pairs' order
    return entity


def add_counts(entity: CorpusEntity, more: CorpusEntity) -> None:
    """``entity`` plus what later articles said of the same name (not a merge of two names: see absorb)."""
    for name in _COUNTERS:
        getattr(entity, name).update(getattr(more, name))
    entity.mentions += more.mentions


def _span(value, cls=Span):
    return None if value is None else cls(*value)


def _pair(span) -> list | None:
    return None if span is None else [span.start, span.end, span.text]


def dump_result(result: DocResult) -> str:
    a = result.article
    data = {
        "article": [a.text, a.id, a.title, a.url, a.published, a.source, a.author],
        "entities": [[e.id, e.name, e.type, e.label, list(e.aliases), list(e.roles),
                      [[m.start, m.end, m.text, m.sentence] for m in e.mentions], e.gender] for e in result.entities],
        "relations": [[r.subject, r.predicate, r.object, _pair(r.evidence), r.rule, r.role, r.claimed_by, r.status,
                       r.claimant, _pair(r.when)] for r in result.relations],
        "quotes": [[q.text, q.start, q.end, q.speaker, _pair(q.speaker_mention), q.cue, _pair(q.cue_span), q.kind,
                    _pair(q.sentence), _pair(q.when)] for q in result.quotes],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def load_result(text: str) -> DocResult:
    data = json.loads(text)
    entities = tuple(Entity(id_, name, type_, label, tuple(aliases), tuple(roles),
                            tuple(Mention(*m) for m in mentions), gender)
                     for id_, name, type_, label, aliases, roles, mentions, gender in data["entities"])
    relations = tuple(Relation(s, p, o, Span(*evidence), rule, role, claimed, status, claimant, _span(when))
                      for s, p, o, evidence, rule, role, claimed, status, claimant, when in data["relations"])
    quotes = tuple(Quote(t, start, end, speaker, _span(mention), cue, _span(cue_span), kind, _span(sentence),
                         _span(when))
                   for t, start, end, speaker, mention, cue, cue_span, kind, sentence, when in data["quotes"])
    return DocResult(Article(*data["article"]), entities, relations, quotes)
