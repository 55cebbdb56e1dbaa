"""Synthetic per-article results in graphkit's data model, for benchmarks of the graph stage.

No model runs: ``synthetic_results(n)`` makes ``n`` DocResults with entities
drawn from a fixed pool, quotes and relations, deterministically (seeded).
"""

from __future__ import annotations

import random

from graphkit.model import Article, DocResult, Entity, Mention, Quote, Relation, Span

TYPES = (("Person", "PERSON"), ("Organization", "ORG"), ("Place", "GPE"))
PREDICATES = ("worksFor", "memberOf", "location", "metWith", "verb:criticize", "verb:support", "seeksMembershipOf")


def _pool(size: int, rng: random.Random) -> list[tuple[str, str, str]]:
    syllables = ["ka", "lo", "mer", "ta", "vin", "so", "dra", "pel", "nu", "rik", "zan", "bo"]
    pool = []
    for i in range(size):
        etype, label = TYPES[i % 3]
        words = 2 if etype == "Person" else 1 + (i % 2)
        name = " ".join("".join(rng.choice(syllables) for _ in range(3)).title() for _ in range(words)) + f" {i}"
        pool.append((name, etype, label))
    return pool


def synthetic_results(n_articles: int, *, entities_per_article: int = 8, relations_per_article: int = 5,
                      quotes_per_article: int = 4, pool_size: int = 20_000, seed: int = 7):
    """Yield ``n_articles`` DocResults whose graph has about 100 triples each."""
    rng = random.Random(seed)
    pool = _pool(pool_size, rng)
    for a in range(n_articles):
        chosen = rng.sample(pool, entities_per_article)
        sentence = "Synthetic sentence number {} says that {} met {} on Monday."
        text_parts, entities = [], []
        for i, (name, etype, label) in enumerate(chosen):
            start = sum(len(p) + 1 for p in text_parts)
            part = f"{name} was mentioned here."
            text_parts.append(part)
            entities.append(Entity(f"e{i}", name, etype, label, mentions=(Mention(start, start + len(name), name, i),)))
        relations = []
        for r in range(relations_per_article):
            start = sum(len(p) + 1 for p in text_parts)
            s, o = rng.sample(range(entities_per_article), 2)
            part = sentence.format(r, chosen[s][0], chosen[o][0])
            text_parts.append(part)
            relations.append(Relation(f"e{s}", rng.choice(PREDICATES), f"e{o}", Span(start, start + len(part), part),
                                      "synthetic"))
        quotes = []
        for q in range(quotes_per_article):
            start = sum(len(p) + 1 for p in text_parts)
            words = f"We will do thing number {q} in article {a}"
            part = f"\"{words},\" someone said."
            text_parts.append(part)
            speaker = f"e{rng.randrange(entities_per_article)}"
            quotes.append(Quote(words, start + 1, start + 1 + len(words), speaker=speaker, cue="say"))
        yield DocResult(Article(text="\n".join(text_parts), id=f"article-{a}"), tuple(entities), tuple(relations),
                        tuple(quotes))
