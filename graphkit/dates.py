"""Dates: an article's publication date, and what "on Thursday" or "last month" in it means.

Parsing is dateparser's (a maintained library that knows relative
expressions, month names and formats); graphkit adds only the news
conventions it cannot know:

- a bare weekday means the one nearest the publication date in the
  statement's direction: "said Wednesday" in Wednesday's paper is that day,
  "will meet on Thursday" the coming Thursday;
- only expressions anchored in time resolve: a weekday, a month, a year, or
  "yesterday", "last week", "two years ago"; durations ("eleven years", "the
  third quarter") are not dates;
- a value keeps the precision of its words: a day (xsd:date), a month
  (xsd:gYearMonth) or a year (xsd:gYear).

Nothing here imports spaCy or rdflib; results are cached.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import NamedTuple

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
ANCHORS = re.compile(r"\b(?:%s|\d{4}|yesterday|today|tomorrow|tonight|ago|last|next|this|past|coming)\b"
                     % "|".join(WEEKDAYS + MONTHS), re.IGNORECASE)
# Words around a date that say where in it, not which: "earlier Wednesday", "late last month".
LOOSE = re.compile(r"^(?:on|in|at|by|since|from|until|during|earlier|later|late|early|this past)\s+", re.IGNORECASE)


class When(NamedTuple):
    value: str  # "2024-07-11", "2024-07" or "2024"
    precision: str  # "day", "month" or "year"


@lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False})


@lru_cache(maxsize=4096)
def published_date(text: str | None) -> tuple[str, str] | None:
    """A publication date as written, normalised: ("2024-07-10", "date") or ("2024-07-10T12:00:00", "dateTime")."""
    if not text or not text.strip():
        return None
    data = _parser().get_date_data(text.strip())
    if data.date_obj is None:
        return None
    moment = data.date_obj
    if re.search(r"\d{1,2}:\d{2}", text):
        return moment.replace(microsecond=0).isoformat(), "dateTime"
    return moment.date().isoformat(), "date"


@lru_cache(maxsize=8192)
def resolve(text: str, published: str | None, future: bool = False) -> When | None:
    """What a date expression of the article means, given its publication date; None when it cannot be said."""
    words = LOOSE.sub("", text.strip().rstrip(".,"))
    while LOOSE.match(words):
        words = LOOSE.sub("", words)
    if not ANCHORS.search(words):
        return None  # "eleven years", "the third quarter": no point in time
    base = _base(published)
    weekday = words.lower().rstrip("s") if words.lower().rstrip("s") in WEEKDAYS else None
    if weekday is not None:
        if base is None:
            return None
        step = (WEEKDAYS.index(weekday) - base.weekday()) % 7
        day = base + timedelta(days=step if future else -((7 - step) % 7))
        return When(day.isoformat(), "day")
    explicit_year = re.search(r"\b\d{4}\b", words) is not None
    if base is None and not explicit_year:
        return None
    data = _relative_parser(base, future).get_date_data(words)
    if data.date_obj is None:
        return None
    moment = data.date_obj.date()
    if data.period == "year" or (re.fullmatch(r"\d{4}", words)):
        return When(f"{moment.year:04d}", "year")
    if data.period == "month":
        return When(f"{moment.year:04d}-{moment.month:02d}", "month")
    return When(moment.isoformat(), "day")


@lru_cache(maxsize=256)
def _relative_parser(base: date | None, future: bool):
    """A parser reading relative dates from ``base`` (one per article date and direction, not per phrase)."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "future" if future else "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def _base(published: str | None) -> date | None:
    found = published_date(published) if published else None
    return date.fromisoformat(found[0][:10]) if found else None
