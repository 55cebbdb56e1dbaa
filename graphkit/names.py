"""Names as text: the normal form that decides identity, and the short forms a name has.

Pure string functions, shared by the NLP stage (which builds entities inside
an article) and the graph stage (which merges them across a corpus), so both
agree on when two names are the same name. Nothing here imports spaCy.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Words that join the parts of a name without being initials of it:
# "Bank of England", "Luiz Inacio Lula da Silva", "Ludwig van Beethoven".
CONNECTORS = frozenset({"of", "the", "and", "for", "&", "on", "in", "at"})
PARTICLES = frozenset({"da", "de", "di", "do", "dos", "das", "del", "della", "du", "des", "la", "le", "van", "von",
                       "der", "den", "ter", "ten", "bin", "bint", "ibn", "al", "el", "ben", "abu", "y", "e", "st"})

# What follows a personal name without being part of who it is: "Carl Moss Jr.", "Harry Hurt III".
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Last words an organisation's name can drop and stay the same body: "Ashanti Flour (Company)", "Kaido (Holdings)".
GENERIC_ORG_WORDS = frozenset({"company", "co", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "plc",
                               "llc", "llp", "lp", "group", "holdings", "ag", "sa", "nv", "bv", "spa", "gmbh"})

_DASHES = re.compile(r"[\u2010-\u2015\u2212-]")
_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc`]")
_SPACES = re.compile(r"\s+")
# control, direction and zero-width characters: invisible, and never part of a name
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The normal form two names must share to be one name.

    Accents, case, punctuation and spacing do not tell names apart: "Acme
    Corp." is "Acme Corp", "Jean-Claude" is "Jean Claude", "O'Brien" is
    "OBrien", "U.S." is "US". Letters and digits of any script are kept.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", _INVISIBLE.sub("", text))
    text = re.sub(r"(?<=\w)\.(?=\w)", "", text)  # "U.S." -> "US."; "St.Louis" stays two words below
    text = re.sub(r"[^\w]+|_", " ", _DASHES.sub(" ", text))
    return " ".join(text.split()).casefold()


@lru_cache(maxsize=8192)  # asked of every mention's text, and an article repeats its names
def visible(text: str) -> str:
    """A name as shown: no control, direction or zero-width characters; single spaces.

    Only canonical names and aliases are cleaned; a mention keeps the raw
    slice of the article text, so its offsets stay exact.
    """
    text = _INVISIBLE.sub("", text)
    if "[" in text or "]" in text:  # "Chuck [Todd]": an editor's completion is part of the name, not its marks
        text = text.replace("[", " ").replace("]", " ")
    return _SPACES.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """The words of a name in normal form."""
    return name_key(text).split()


def is_acronym(text: str) -> bool:
    """"NATO", "U.S.", "PNG": 2-6 capitals, periods allowed between them."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


@lru_cache(maxsize=65536)  # the entity sieve asks it of every acronym against every name of an article
def acronym_of(short: str, full: str) -> bool:
    """Is ``short`` an acronym of the multi-word name ``full``?

    Each letter is the initial of a word of ``full``, in order; connector
    words ("of", "and") may give a letter or not: "DOJ" and "DJ" both
    abbreviate "Department of Justice", "ERCOT" the "Electric Reliability
    Council of Texas". A hyphenated word gives one initial per part
    ("NATO-Ukraine Council" -> "NUC").
    """
    if not is_acronym(short):
        return False
    letters = short.replace(".", "").casefold()
    parts = [w for w in _DASHES.sub(" ", full).split() if w[:1].isalnum()]
    if len(parts) < max(2, len(letters)):
        return False  # each letter is one word's initial: fewer words than letters cannot match

    known: dict[tuple[int, int], bool] = {}  # a plain memo: an lru_cache here would be a new wrapper per call

    def match(i: int, j: int) -> bool:  # letters[i:] from parts[j:]
        if (i, j) not in known:
            known[i, j] = _match(i, j)
        return known[i, j]

    def _match(i: int, j: int) -> bool:
        if j == len(parts):
            return i == len(letters)
        word = parts[j].casefold()
        optional = word in CONNECTORS or word in PARTICLES
        if optional and match(i, j + 1):
            return True
        return i < len(letters) and word[0] == letters[i] and match(i + 1, j + 1)

    return match(0, 0)


def without_initials(parts: list[str]) -> list[str]:
    """A personal name's words without middle initials: "donald j trump" -> "donald trump".

    In normal form "H.W." is "hw", so a middle word of one or two letters
    counts as initials (a particle such as "da" goes too: the result is only
    ever a second key to find the same person by).
    """
    if len(parts) < 3:
        return parts
    middle = [w for w in parts[1:-1] if not (len(w.replace(".", "")) <= 2)]
    return [parts[0], *middle, parts[-1]]


def acronyms(full: str, limit: int = 8) -> list[str]:
    """The acronyms ``acronym_of`` accepts for ``full``, in normal form: "Bank of England" -> ["boe", "be"]."""
    parts = [w.casefold() for w in _DASHES.sub(" ", full).split() if w[:1].isalnum()]
    if len(parts) < 2:
        return []
    found = [""]
    for word in parts:
        optional = word in CONNECTORS or word in PARTICLES
        found = [f + word[0] for f in found] + (found if optional else [])
        if len(found) > limit:
            found = found[:limit]
    return [f for f in dict.fromkeys(found) if 2 <= len(f) <= 6]


# Bearers a given name needs before its gender is trusted for "he"/"she": a name rare in the US
# data may be another culture's name of the other sex ("Tama": a US woman's name, a Maori man's).
COMMON_NAME = 5000


@lru_cache(maxsize=4096)
def given_name_gender(word: str, common: bool = False) -> str | None:
    """"m" or "f" when ``word`` is a given name nearly all of whose bearers have that gender, else None.

    The table (graphkit/data/given_names.tsv) comes from the US Social
    Security Administration's first-name counts (public domain): names such
    as "Morgan" or "Kim", given to both, and unknown words decide nothing.
    ``common``: only a name given to at least COMMON_NAME babies answers.
    """
    from .data import read_table

    if not word[:1].isupper() or not word.replace("-", "").isalpha():
        return None
    # the table is written without accents, names often are not: "Lucía", "José", "Zoë", "Björn"
    plain = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    found = read_table("given_names.tsv").get(plain.lower())
    if found is None:
        return None
    gender, babies = found.split(":")
    return gender if not common or int(babies) >= COMMON_NAME else None
