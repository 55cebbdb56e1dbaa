"""Who said it: from an attribution cue to its grammatical source.

``quotes.py`` finds the cue (the speech verb, or "according to"); this module
finds the cue's source token: its subject (inherited through conj, xcomp and
advcl), a passive agent, a relative clause's head, whoever made a speech noun,
the object of "according to". Which entity that source means ("he", "the
minister", "the Clinton campaign") is the reference layer's work
(``references.py``), shared with the relations.
"""

from __future__ import annotations

from spacy.tokens import Token

from .words import words
from .references import SUBJECT_DEPS

# Speech verbs and nouns ("say", "Lee's claim that ...") are words().speech_verbs/speech_nouns:
# graphkit/data/speech_verbs.txt and speech_nouns.txt plus what a component's config adds.

# A cue without its own subject borrows its head's ("X said ... and added",
# "X declined to say", "X was quoted as saying", "X said, adding that ...").
SUBJECT_INHERITING_DEPS = {"conj", "xcomp", "advcl", "pcomp", "ccomp"}
DONE_TAGS = {"VBD", "VBZ", "VBP", "VBN"}  # a finite verb or a perfect: what was done

NON_FINITE_TAGS = {"VBG", "VBN", "VB"}
PARTICIPLE_REACH = 8



def subject_of(cue: Token, quoted: list[int]) -> Token | None:
    """The grammatical subject of a speech verb, inherited through conj/xcomp/advcl.

    A "subject" inside quoted words is a parse error, never the speaker.
    """
    return next(subject_candidates(cue, quoted), None)


def subject_candidates(cue: Token, quoted: list[int]):
    """Possible subjects of a speech verb, likeliest first.

    The first is what ``subject_of`` returns; the later ones are for a caller
    whose first candidate names no entity ("the advertisement suggests").
    """
    own = _own_subjects(cue, quoted)
    for subject in own:  # "The rules, Lee argued, are …": the parser gives two
        yield subject
        if subject.lemma_.lower() in words().speech_nouns:
            # "a remark that branded the plan "…"": whoever made the remark
            yield source_of_speech_noun(subject, quoted)
    if own:
        return
    if (agent := _passive_agent(cue)) is not None:
        yield agent  # '"…" was written by Lee'
    if (relative := _relative_subject(cue)) is not None:
        yield relative
    done = cue.head.head if cue.dep_ == "pcomp" and cue.head.dep_ == "prep" else None
    if done is not None and done.dep_ == "acomp":
        done = done.head  # "X is wrong for saying …": the verb the adjective completes
    if done is not None and done.tag_ in DONE_TAGS and (subject := _own_subject(done, quoted)) is not None:
        # "X started the rumour by saying …", "after saying": who did what the preposition hangs on (not one
        # expected "to insert himself by calling out Y": words of an act still to come are the expecter's)
        yield subject
    if cue.dep_ in SUBJECT_INHERITING_DEPS:
        # "X said …, but maintained …": the parser often hangs the second verb on a
        # verb of the reported clause; the subject is the speech verb's above it.
        for verb in list(cue.ancestors)[:4]:
            if verb.lemma_.lower() in words().speech_verbs and (subject := _own_subject(verb, quoted)) is not None:
                yield subject
                break
        verb = cue
        for _ in range(4):
            # passive "X was quoted as saying": the subject sits on the verb above
            if verb.dep_ not in SUBJECT_INHERITING_DEPS or verb.head.i == verb.i:
                break
            verb = verb.head
            if (subject := _own_subject(verb, quoted)) is not None:
                yield subject
                break
    if cue.tag_ in NON_FINITE_TAGS:
        yield from _participle_subjects(cue, quoted)
    elif (missed := _subject_the_parser_missed(cue, quoted)) is not None:
        yield missed


def _subject_the_parser_missed(cue: Token, quoted: list[int]) -> Token | None:
    """'In a statement to the Courier, her adviser, Ann Lee, said: "…"': a finite speech verb with no
    subject at all, the parser having hung the noun phrase before it on an earlier noun; the
    name in apposition that ends right before it, set off by one comma, is the subject it lost."""
    i = cue.i - 1
    if i >= cue.sent.start and cue.doc[i].text == ",":
        i -= 1
    if i < cue.sent.start:
        return None
    word = cue.doc[i]
    # only an appositive: a phrase that merely ends there ("…, after winning the primaries, said") is no subject
    if quoted[word.i] != -1 or word.pos_ != "PROPN" or word.dep_ != "appos" or word.head.i > cue.i:
        return None
    return word


def _participle_subjects(cue: Token, quoted: list[int]):
    """"…, comparing him to X" / "despite admitting that …": the subjects of the clauses
    a participle hangs on, nearest first, however deep the parser put it; then, when
    the parser hung it on quoted words, the subject of the clause before it."""
    found = False
    for ancestor in list(cue.ancestors)[:PARTICIPLE_REACH]:
        if ancestor.pos_ in ("VERB", "AUX") and (subject := _own_subject(ancestor, quoted)) is not None:
            found = True
            yield subject
    if found:
        return
    sentence = cue.sent
    for token in reversed(cue.doc[sentence.start:cue.i]):
        if token.dep_ in SUBJECT_DEPS and quoted[token.i] == -1 and quoted[token.head.i] == -1 \
                and token.head.i < cue.i and token.head.dep_ not in ("relcl", "acl"):
            yield token
            return


def _object_below(token: Token, is_preposition) -> Token | None:
    """The object of the first child preposition that ``is_preposition`` accepts: "by X", "to X"."""
    for child in token.children:
        if is_preposition(child):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _passive_agent(verb: Token) -> Token | None:
    return _object_below(verb, lambda child: child.dep_ == "agent")


def _relative_subject(cue: Token) -> Token | None:
    """"which the bank's chair, Ann Lee, called "theater"": a relative clause the parser took
    for a participle on its subject (the noun phrase opens with "which")."""
    if cue.dep_ != "acl" or cue.i < cue.head.i:
        return None
    head = cue.head
    return head if head.left_edge.tag_ == "WDT" else None


def _own_subject(verb: Token, quoted: list[int]) -> Token | None:
    own = _own_subjects(verb, quoted)
    return own[0] if own else None


def _own_subjects(verb: Token, quoted: list[int]) -> list[Token]:
    subjects = []
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and quoted[child.i] == -1:
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                child = verb.head  # "Ann Lee, who said …": the relative's antecedent
            subjects.append(child)
    return subjects


def source_of_speech_noun(noun: Token, quoted: list[int]) -> Token | None:
    """Whose claim: "Trump's claim", "a claim by Trump", "Trump made the claim"."""
    for child in noun.children:
        if child.dep_ == "poss" and quoted[child.i] == -1:
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
        if child.dep_ == "acl" and child.tag_ == "VBN":  # "a letter signed by Lee", "an email sent out by Lee"
            for agent in child.children:
                if agent.dep_ == "agent":
                    return next((o for o in agent.children if o.dep_ == "pobj"), None)
    if noun.dep_ == "dobj" and (maker := _own_subject(noun.head, quoted) or _controller(noun.head, quoted)):
        return maker
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "via", "through") else None
    if verb is not None and verb.pos_ in ("VERB", "AUX") and (maker := _own_subject(verb, quoted)
                                                           or _controller(verb, quoted)):
        return maker  # "X said in a statement ...", "X wrote in a letter ..."; not "replied to the claim"
    for child in noun.children:  # "replying to the Lee campaign claim that …"
        if child.dep_ == "compound" and quoted[child.i] == -1 and child.pos_ in ("PROPN", "NOUN"):
            return child
    return None


def _controller(verb: Token, quoted: list[int]) -> Token | None:
    """Who does a subjectless "to make a remark": the object of "led Lee to make",
    else the subject of "Lee wanted to make"."""
    if verb.dep_ != "xcomp":
        return None
    head = verb.head
    for child in head.children:
        if child.dep_ == "dobj" and quoted[child.i] == -1:
            return child
    return _own_subject(head, quoted)


def source_of_according_to(according: Token) -> Token | None:
    """The object of "according to X"."""
    return _object_below(according, lambda child: child.lower_ == "to")
