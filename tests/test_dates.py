"""Dates of statements, quotes and articles (graphkit/dates.py, graphkit/nlp/when.py)."""

from __future__ import annotations

import pytest
from rdflib import XSD, Literal

import graphkit
from graphkit.dates import published_date, resolve
from graphkit.graph.vocab import GK

WEDNESDAY = "2024-07-10"


@pytest.mark.parametrize("words,future,meant", [
    ("Thursday", True, ("2024-07-11", "day")),         # the coming Thursday for a plan
    ("on Thursday", True, ("2024-07-11", "day")),
    ("Wednesday", False, ("2024-07-10", "day")),       # "said Wednesday" in Wednesday's paper: that day
    ("earlier Wednesday", False, ("2024-07-10", "day")),
    ("Monday", False, ("2024-07-08", "day")),          # a past weekday: the one before
    ("last month", False, ("2024-06", "month")),
    ("in 2019", False, ("2019", "year")),
    ("March 2021", False, ("2021-03", "month")),
])
def test_date_words_resolve_against_the_publication_date(words, future, meant):
    assert tuple(resolve(words, WEDNESDAY, future)) == meant


@pytest.mark.parametrize("words", ["eleven years", "the third quarter", "decades"])
def test_durations_are_no_dates(words):
    assert resolve(words, WEDNESDAY) is None


def test_relative_words_need_a_publication_date_but_a_year_does_not():
    assert resolve("Thursday", None, True) is None
    assert tuple(resolve("in 2019", None)) == ("2019", "year")


@pytest.mark.parametrize("text,normal", [
    ("2024-07-10", ("2024-07-10", "date")),
    ("July 10, 2024", ("2024-07-10", "date")),
    ("10 July 2024 14:30", ("2024-07-10T14:30:00", "dateTime")),
    ("not a date at all", None),
])
def test_publication_dates_are_normalised(text, normal):
    assert published_date(text) == normal


def test_a_planned_meeting_is_dated_to_the_coming_day_and_the_article_date_is_typed():
    article = {"id": "a", "published": "July 10, 2024",
               "text": "Jens Halvorsen is expected to meet Ana Ruiz in Oslo on Thursday."}
    g = graphkit.build([article]).rdf
    assert Literal("2024-07-11", datatype=XSD.date) in set(g.objects(None, GK.date))
    assert Literal("on Thursday") in set(g.objects(None, GK.dateText)) or \
        Literal("Thursday") in set(g.objects(None, GK.dateText))
    from rdflib.namespace import SDO
    assert Literal("2024-07-10", datatype=XSD.date) in set(g.objects(None, SDO.datePublished))


def test_a_date_describing_a_party_does_not_date_the_act():
    from graphkit.nlp.convert import entities_from_doc, relations_from_doc
    from graphkit.nlp.pipeline import get_pipeline

    def dated(text):
        doc = get_pipeline()(text)
        names = {e.id: e.name for e in entities_from_doc(doc)}
        return {(names[r.subject], r.predicate, names[r.object]): r.when.text if r.when else None
                for r in relations_from_doc(doc)}

    # "an independent since 1998" dates Berg's allegiance, not the attack
    assert dated("Anna Lind attacked Tomas Berg, a registered independent since 1998.")[
        ("Anna Lind", "verb:attack", "Tomas Berg")] is None
    assert dated("Anna Lind attacked Tomas Berg in 1998.")[("Anna Lind", "verb:attack", "Tomas Berg")] == "1998"
