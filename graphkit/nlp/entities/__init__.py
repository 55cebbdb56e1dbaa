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
from ..shared import facts
from .merge import add_missed_mentions, drop_description_words, drop_lone_kind_words, group_by_name, merge_clusters
from .spans import raw_mentions

__all__ = ["resolve_entities", "name_key"]


def resolve_entities(doc: Doc) -> list[Entity]:
    """The article's entities, one per real thing, with every mention."""
    clusters = merge_clusters(doc, group_by_name(doc, raw_mentions(doc)))
    clusters = drop_lone_kind_words(drop_description_words(doc, add_missed_mentions(doc, clusters)))
    shared = facts(doc)
    entities = []
    for cluster in sorted(clusters, key=lambda c: c.first):
        name, etype = cluster.name, cluster.type
        key = name_key(name)
        mentions = sorted(cluster.mentions, key=lambda m: m.start)
        texts = [shared.span_text(m.start, m.end) for m in mentions]
        aliases = []
        # a literal that is its name plus glued junk ("Ted Cruz—35", "Lund‘s") gives the name; an
        # abbreviation a mention stands for ("Ind." for Indiana) stays an alias as written
        names = [m.name if m.name and text.startswith(m.name) else text for m, text in zip(mentions, texts)]
        for text in map(visible, names):
            if name_key(text) != key and text not in aliases:
                aliases.append(text)
        roles = list(dict.fromkeys(r for m in mentions for r in m.roles))
        labels = cluster.ner_labels()
        entities.append(Entity(
            id=f"e{len(entities)}", name=name, type=etype,
            label=labels.most_common(1)[0][0] if labels else "ORG",
            aliases=tuple(aliases), roles=tuple(roles),
            mentions=tuple(Mention(shared.starts[m.start], shared.ends[m.end - 1], text, m.sentence)
                           for m, text in zip(mentions, texts)),
        ))
    return entities
