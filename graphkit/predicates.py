"""The relation types graphkit extracts, as plain data shared by every stage.

Each key is what ``Relation.predicate`` holds. ``schema`` names a schema.org
property reused as is; ``gk`` names a term of graphkit's own vocabulary
(``graphkit/vocab.ttl``). Generic subject-verb-object relations use
``"verb:<lemma>"`` and get a property per lemma.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Predicate(NamedTuple):
    namespace: str  # "schema" or "gk"
    local: str  # local name in that namespace
    label: str  # rdfs:label, also the edge label in the viewer
    comment: str


PREDICATES: dict[str, Predicate] = {
    "worksFor": Predicate("schema", "worksFor", "works for",
                          "A person holds a position in or is employed by an organization."),
    "holdsOfficeIn": Predicate("gk", "holdsOfficeIn", "holds office in",
                               "A person holds a public office of a place, as in 'Ukrainian President X'."),
    "memberOf": Predicate("schema", "memberOf", "member of",
                          "A person, organization or country belongs to an organization."),
    "seeksMembershipOf": Predicate("gk", "seeksMembershipOf", "seeks membership of",
                                   "A country or organization aspires to join an organization but is not (yet) a member."),
    "location": Predicate("schema", "location", "based in",
                          "An organization is based or headquartered in a place."),
    "hasPresenceIn": Predicate("gk", "hasPresenceIn", "has presence in",
                               "An organization has a unit, office, base or command in a place."),
    "containedInPlace": Predicate("schema", "containedInPlace", "located in",
                                  "A place lies inside another place."),
    "homeLocation": Predicate("schema", "homeLocation", "lives in",
                              "A person lives in or comes from a place."),
    "nationality": Predicate("schema", "nationality", "citizen of", "A person is a citizen or national of a country."),
    "birthPlace": Predicate("schema", "birthPlace", "born in",
                            "A person was born in a place."),
    "parentOrganization": Predicate("schema", "parentOrganization", "part of",
                                    "An organization is a unit, subsidiary or body of another."),
    "owns": Predicate("gk", "owns", "owns",
                      "An organization or person owns another organization."),
    "acquired": Predicate("gk", "acquired", "acquired",
                          "An organization or person bought another organization."),
    "founder": Predicate("schema", "founder", "founded by",
                         "An organization was founded by a person or organization."),
    "metWith": Predicate("gk", "metWith", "met with",
                         "Two parties met or are to meet."),
    "agreementWith": Predicate("gk", "agreementWith", "agreement with",
                               "Two parties made or are negotiating an agreement."),
    "killed": Predicate("gk", "killed", "killed",
                        "A person killed or assassinated another person."),
    "partner": Predicate("gk", "partner", "partner of",
                         "Two organizations (or an organization and a country) work together as partners."),
    "listedOn": Predicate("gk", "listedOn", "listed on",
                          "A company's shares are listed on a stock exchange."),
    "represents": Predicate("gk", "represents", "represents",
                            "A person or organization represents another party: a client, members, a country."),
    "aideTo": Predicate("gk", "aideTo", "aide to",
                        "A person works for another person: an aide, adviser, assistant, bodyguard or driver."),
    # kinship, as schema.org states it
    "spouse": Predicate("schema", "spouse", "spouse of", "Two people are or were married."),
    "parent": Predicate("schema", "parent", "child of", "The object is a parent of the subject."),
    "sibling": Predicate("schema", "sibling", "sibling of", "Two people are brothers or sisters."),
}

# A predicate a user's relation file names that graphkit does not define: gk:<name>, labelled from the name.
CUSTOM_PREFIX = "custom:"


def custom_label(name: str) -> str:
    """"suppliesTo" -> "supplies to"."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).lower()

VERB_PREFIX = "verb:"


def predicate_label(key: str) -> str:
    """Human-readable label of a predicate key, e.g. "member of" or "criticize"."""
    if key.startswith(VERB_PREFIX):
        return key[len(VERB_PREFIX):]
    if key.startswith(CUSTOM_PREFIX):
        return custom_label(key[len(CUSTOM_PREFIX):])
    return PREDICATES[key].label
