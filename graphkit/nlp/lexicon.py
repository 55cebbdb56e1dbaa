"""Closed word lists the rules rely on: titles, honorifics, descriptor nouns.

These are general English news vocabulary, not names from any article.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from ..data import read_table


def descriptors() -> Mapping[str, str]:
    """Descriptor nouns and the type they describe: graphkit/data/descriptors.tsv, plus a component's config."""
    from .words import words

    return words().descriptors


def possessions() -> dict[str, str]:
    """Possessed nouns and the type of their possessor: graphkit/data/possessions.tsv."""
    return read_table("possessions.tsv")

HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "fr", "hon"}
# Honorifics that tell a person's gender: "Mr. Lee" is no woman, "Mrs. Lee" no man (references, entities.merge).
MALE_HONORIFICS = {"mr", "mr.", "sir", "mister"}
FEMALE_HONORIFICS = {"mrs", "mrs.", "ms", "ms.", "miss", "madam", "lady"}

# Words that, capitalised before a name, are a title ("Secretary-General", "President").
TITLES = HONORIFICS | {
    "president", "vice", "prime", "minister", "secretary", "general", "secretary-general",
    "chancellor", "premier", "king", "queen", "prince", "princess", "emperor", "pope", "cardinal",
    "bishop", "archbishop", "sheikh", "ayatollah", "del", "delegate", "rabbi", "imam", "pastor", "reverend", "cantor", "senator", "sen", "sens", "senators", "representative", "rep", "reps", "govs",
    "pres", "sec", "amb", "atty", "supt", "cmdr", "insp", "det", "cpl", "pvt",  # abbreviated titles ("Pres.")
    "congressman", "congresswoman", "congressmember", "assemblyman", "assemblywoman", "assemblymember",
    "councilman", "councilwoman", "councilmember", "councillor", "alderman", "alderwoman", "governor", "gov", "lt", "mayor", "judge", "justice",
    "chief", "executive", "officer", "ceo", "cfo", "coo", "cto", "chair", "chairman", "chairwoman",
    "chairperson", "director", "commissioner", "ambassador", "envoy", "spokesman", "spokeswoman",
    "spokesperson", "attorney", "deputy", "assistant", "foreign", "defense", "defence", "finance",
    "interior", "state", "speaker", "leader", "majority", "minority", "commander", "colonel", "col",
    "major", "maj", "captain", "capt", "lieutenant", "sergeant", "sgt", "admiral", "adm", "gen",
    "officer", "founder", "co-founder", "coach", "manager", "head", "professor", "dean", "sheriff",
    "detective", "inspector", "superintendent", "police", "mp", "mep", "first", "lady",
    "candidate", "nominee", "democratic", "republican", "former", "acting", "interim", "then",
    # the middle words of company titles: "Chief Financial Officer", "Chief Operating Officer"
    "financial", "operating", "technology", "information", "marketing", "investment", "managing", "commercial",
}

# Head nouns of institution names: "the NATO-Ukraine Council", "the Federal Reserve Bank".
# The last words of newspapers' names, by which a paper is called once named in full ("the Post", "the Globe").
PUBLICATION_HEADS = frozenset("""
post times journal herald tribune globe gazette courier chronicle examiner observer telegraph inquirer register
bulletin dispatch sentinel enquirer
""".split())

INSTITUTION_HEADS = {
    "council", "committee", "commission", "union", "party", "bank", "ministry", "agency", "organization",
    "organisation", "association", "federation", "institute", "university", "alliance", "coalition",
    "corporation", "company", "court", "parliament", "assembly", "congress", "senate", "department",
    "bureau", "authority", "fund", "foundation", "forum", "board", "tribunal", "institution",
}

# Non-title words that still belong inside a title phrase ("Secretary of State").
TITLE_GLUE = {"of", "for", "and", "the", "-"}


@lru_cache(maxsize=8192)  # asked of every word before and inside each person's name, mostly the same words
def is_title(word: str) -> bool:
    """Is ``word`` (as written) a capitalised title word?"""
    if not word or not word[0].isupper():
        return False
    parts = [p for p in word.rstrip(".").lower().split("-") if p]
    return bool(parts) and all(p in TITLES for p in parts)

# Nouns only a person has or suffers: "X's widow", "the assassination of X".
VICTIM_NOUNS = {"assassination", "assassin", "killing", "killer", "murder", "murderer", "slaying", "shooting",
                "kidnapping", "kidnapper", "funeral", "widow", "widower"}
PERSON_POSSESSIONS = VICTIM_NOUNS | {
    "wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "widow", "widower",
    "grandson", "granddaughter", "nephew", "niece", "cousin", "fiancee", "fiance", "girlfriend", "boyfriend",
}
# Verbs whose object (or passive subject) is a person: "X was shot", "killed X".
VICTIM_VERBS = {"assassinate", "kill", "murder", "slay", "shoot", "wound", "kidnap", "stab", "strangle", "behead"}

# Last words that make a name a place's: "Cameron Parish", "Rift Valley".
PLACE_HEADS = {"county", "counties", "parish", "province", "prefecture", "district", "river", "mountains", "valley",
               "peninsula", "desert", "canyon", "gulf", "ocean", "strait", "straits"}

# Kinds of place a name follows with "of": "the town of Horsham", "the province of Aceh" (the town is Horsham).
PLACE_KIND_NOUNS = frozenset("""town city village province state region county district island islands
municipality prefecture canton republic kingdom emirate""".split())

# Abbreviations a company's name is followed by: "Kaido Inc.", "Kaido Corp."
CORPORATE_ABBREVIATIONS = {"inc", "corp", "co", "ltd", "llc", "plc", "ag", "gmbh", "nv", "bv", "spa", "lp", "llp"}
# Last words of organisations' names: "Kaido Holdings", "National Rifle Association".
ORG_SUFFIXES = INSTITUTION_HEADS | CORPORATE_ABBREVIATIONS | {
    "holdings", "properties", "industries", "enterprises", "associates", "partners", "airlines", "airways",
    "motors", "systems", "technologies", "communications", "laboratories", "pharmaceuticals", "corporation",
    "incorporated", "limited", "society", "league", "federation", "institute", "college", "school", "academy",
    "club", "team", "network", "group", "exchange",
    # trades and media a company's name ends in: "Fox News", "Halden Paper", "Corvo Logistics"
    "news", "media", "broadcasting", "television", "radio", "magazine", "logistics", "shipping", "freight",
    "mining", "minerals", "steel", "energy", "foods", "paper", "capital", "insurance", "pharma", "telecom",
    # a sports club's last word after its town: "Orvel United", "Tromso Rovers", "Hamilton Wanderers"
    "united", "rovers", "wanderers", "athletic",
}
# Nouns only a company or body has: "an Emery employee", "shares of Toyota". Not a spokesman: a
# candidate has one as often as a company ("Clinton spokesman X").
ORG_POSSESSIONS = {"employee", "share", "stock", "shareholder", "subsidiary", "stake"}  # lemmas
# Titles that, with "of" and a place, name a person: "Duchess of York".
NOBLE_TITLES = {"duke", "duchess", "earl", "countess", "baron", "baroness", "archduke", "archduchess", "marquess",
                "prince", "princess", "viscount"}


def is_infinitive(verb) -> bool:
    """A to-infinitive: "to buy Y" (the verb in its base form with "to" as its auxiliary)."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def base_forms(token) -> tuple[str, ...]:
    """The forms a word list is asked for: the lemma, the word, and the word without an inflection.

    The lemmatizer errs on some verbs ("hopes" -> "hop", "eyed" -> "eye"); a
    list of lemmas still finds them through the word's own regular endings.
    """
    lower = token.lower_
    forms = [token.lemma_.lower(), lower]
    for ending, stem_end in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e")):
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            forms.append(lower[:-len(ending)] + stem_end)
    return tuple(dict.fromkeys(forms))

