"""Entities inside one article: mentions found, typed by evidence, merged by a sieve.

- ``spans``: the mentions, from NER spans repaired class by class;
- ``evidence``: each entity's type, voted from what the text says about it;
- ``merge``: one cluster per real thing (same name, acronyms, short forms),
  and the names NER tagged once but missed elsewhere in the article.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...model import Entity, Mention
from ...names import name_key, visible
from .merge import add_missed_mentions, drop_description_words, drop_lone_kind_words, group_by_name, merge_clusters
from .spans import raw_mentions

__all__ = ["resolve_entities", "name_key"]


def resolve_entities(doc: Doc) -> list[Entity]:
    """The article's entities, one per real thing, with every mention."""
    clusters = merge_clusters(doc, group_by_name(doc, raw_mentions(doc)))
    clusters = drop_lone_kind_words(drop_description_words(doc, add_missed_mentions(doc, clusters)))
    entities = []
    for cluster in sorted(clusters, key=lambda c: c.first):
        name, etype = cluster.name, cluster.type
        mentions = sorted(cluster.mentions, key=lambda m: m.start)
        aliases = []
        for m in mentions:
            text = visible(m.span(doc).text)
            if name_key(text) != name_key(name) and text not in aliases:
                aliases.append(text)
        roles = list(dict.fromkeys(r for m in mentions for r in m.roles))
        labels = cluster.ner_labels()
        entities.append(Entity(
            id=f"e{len(entities)}", name=name, type=etype,
            label=labels.most_common(1)[0][0] if labels else "ORG",
            aliases=tuple(aliases), roles=tuple(roles),
            mentions=tuple(Mention(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text),
                                   m.span(doc).text, m.sentence) for m in mentions),
        ))
    return entities
