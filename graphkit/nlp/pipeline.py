"""The full graphkit pipeline: a spaCy model plus graphkit's components."""

from __future__ import annotations

from functools import lru_cache

from .loader import ModelChoice, choose_model, load_spacy

COMPONENTS = ("graphkit_entities", "graphkit_coref", "graphkit_quotes", "graphkit_relations")


def build_pipeline(choice: ModelChoice):
    """Load the base model and add graphkit's components after it."""
    from . import components  # registers the factories

    nlp = load_spacy(choice)
    components.register_extensions()
    if "graphkit_paragraphs" not in nlp.pipe_names:
        anchor = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe("graphkit_paragraphs", **anchor)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=4)
def get_pipeline(model: str | None = None):
    """The pipeline for ``model`` (see ``choose_model``), loaded once per process."""
    return build_pipeline(choose_model(model))
