"""The full graphkit pipeline: a spaCy model plus graphkit's components."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from .loader import ModelChoice, choose_model, keep_prefixed_verbs_whole, load_spacy


class PipelineSpec(NamedTuple):
    """What a build's pipeline is made of, as one picklable value the engines pass to every worker."""

    model: str | None = None
    relations: str | None = None  # a TSV file of extra relation verbs (graphkit build --relations)

COMPONENTS = ("graphkit_entities", "graphkit_coref", "graphkit_quotes", "graphkit_relations")


def build_pipeline(choice: ModelChoice, relations: str | None = None):
    """Load the base model and add graphkit's components after it."""
    from . import components  # registers the factories

    nlp = load_spacy(choice)
    keep_prefixed_verbs_whole(nlp.tokenizer)
    components.register_extensions()
    if "graphkit_paragraphs" not in nlp.pipe_names:
        anchor = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe("graphkit_paragraphs", **anchor)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            config = {"verbs_file": relations} if name == "graphkit_relations" and relations else {}
            nlp.add_pipe(name, config=config)
    return nlp


@lru_cache(maxsize=4)
def get_pipeline(model: str | PipelineSpec | None = None):
    """The pipeline for ``model`` (see ``choose_model``; or a ``PipelineSpec``), loaded once per process."""
    spec = model if isinstance(model, PipelineSpec) else PipelineSpec(model)
    return build_pipeline(choose_model(spec.model), spec.relations)
