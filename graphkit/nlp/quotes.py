"""Quotation detection and speaker attribution.

Three passes over one parsed ``Doc``:

1. ``quote_marks.scan_quotations`` pairs quote marks paragraph by paragraph
   (curly, straight, `` ''), chaining multi-paragraph quotations; each
   paragraph's piece becomes its own Quote so offsets stay exact.
2. Each quoted piece gets a cue, tried in this order:
   - syntax: a speech verb or speech noun governing the quoted words, or
     "according to" on their clause (this also covers fragments quoted inside
     a reported clause: X said allies will send a "strong message"), or a
     parenthetical ", he added," on the sentence root,
   - layout: "…," X said / "…," said X right after the closing mark, or
     X said: "…" / X said, "…" / X said -- "…" right before the opening mark
     (the colon may end the previous paragraph),
   - continuation: the other pieces of a multi-paragraph quotation, a name
     signed after a dash ("…" ― Ann Lee), a quotation opening the sentence
     after a speech sentence ("Lee praised the plan. "…""), or the previous
     quotation's speaker when this one opens a sentence in the same paragraph
     or opens the next paragraph.
   A paragraph that opens with a mark and ends '…" ― Ann Lee' is all the
   signer's words, whatever cues stand inside it.
   Quoted words with none of these (scare quotes, titles), shows named as
   the venue or addressee ('said on "Face the Nation"'), are not emitted.
   The speaker is the first of the cue's candidate sources that names an
   entity: the cue's subjects, then the speech verbs above it (not through a
   preposition: 'responded to the claim that …'), then the cues beside the
   quotation, then a name set before it with a dash. A pronoun ends the search.
3. Speech verbs with a reported clause and no quote marks ("X said that Y")
   become indirect quotes.

``speakers.py`` finds each cue's source; the reference layer (``references.py``)
maps the source ("he", "the minister", "Dr. Lee") to an entity id.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from itertools import accumulate

from spacy.tokens import Doc, Token

from ..model import DIRECT, INDIRECT, PERSON, Entity, Quote, Span
from .quote_marks import Quoted, quoted_tokens, scan_quotations  # noqa: F401 (scan_quotations: tests import it here)
from .references import References, core_phrase, references_for
from .shared import facts
from .words import words
from .status import CIRCUMSTANCE_MARKS
from .speakers import (SUBJECT_INHERITING_DEPS, source_of_according_to, source_of_speech_noun, subject_candidates,
                       subject_of)

# How a quotation may end when its cue follows: '"…," she said', '"…?" he asked'.
QUOTE_FINAL = set(",?!—–-…:;")
# What may stand between a speaker-first cue and the opening mark.
LEADS_INTO_QUOTE = re.compile(r"(?:[:,—–]|--|,\s+(?:but|and))$")
# Verbs that are cues only right beside a quotation: "Lee continued: "…"", "…," the letter read.
LAYOUT_VERBS = frozenset({"continue", "go", "begin", "conclude", "finish", "read"})
# Cues that say the speaker has just spoken ("he added", "she continued"): a he or she with one goes on
# with the last speaker of that gender past a few sentences about someone else (a photo caption, an aside).
CONTINUING_CUES = frozenset({"add", "continue"})
CONTINUING_REACH = 4  # sentences from the last quotation's end; a bare "he said" goes on one only
# Prepositions that attach a venue or medium to a speech verb ('said on "Face the Nation"').
VENUE_PREPS = frozenset({"on", "in", "at", "during", "via"})
# Verbs whose direct object is the one spoken to: "told "Morning Joe"".
ADDRESSING_VERBS = frozenset({"tell", "ask", "inform", "brief", "thank", "urge", "warn", "remind"})
# Small words that may stay lowercase inside a title: "Fox and Friends".
# the small words title case leaves lower-case ("Bernie or Bust", "Midday with Ann Lee")
NAME_GLUE = frozenset({"and", "or", "nor", "but", "of", "the", "a", "an", "in", "on", "at", "by", "with", "from",
                       "for", "to", "&"})
# How far the governing cue may sit above a quoted fragment in the parse.
MAX_CUE_DEPTH = 6
# Links inside a noun phrase, climbed from its first word to its head.
NOUN_PHRASE_DEPS = frozenset({"compound", "poss", "det", "amod", "flat", "nmod", "case"})
# Where a quoted title stands as a noun: a preposition's object (or a title the parser read as a verb
# after it, 'on "Meet the Press"'), beside a noun, a noun's modifier.
TITLE_SLOTS = frozenset({"pobj", "pcomp", "appos", "compound", "nmod", "poss"})
# How many tokens after a closing mark the "…," X said cue may start.
TRAILING_CUE_REACH = 12


# ---------------------------------------------------------------- pass 2: cues

class _Attributor:
    """Finds the cue of each quoted piece of one document."""

    def __init__(self, doc: Doc, pieces: list[Quoted]):
        shared = facts(doc)  # text, sentences, quote marks and dates the other components read too
        self.doc = doc
        self.text = shared.text
        self.pieces = pieces
        self.sentences = shared.sentences
        self.sentence_at = shared.sentence_of  # per token: index into self.sentences
        self.token_spans = [shared.char_span(p.start, p.end) for p in pieces]
        self.inside = shared.quoted if pieces is shared.quote_pieces else quoted_tokens(doc, pieces)  # per token: the piece holding it, or -1
        self.dates = shared.dates
        self.heads = shared.heads  # per token: its head's index (the climb below reads it for every quoted word)
        # the words with a clausal child, the only ones whose children can be a cue hung below a quote
        self.clausal_heads = shared.heads_of("ccomp") | shared.heads_of("parataxis")

    def sentence(self, token_index: int):
        return self.sentences[self.sentence_at[token_index]]

    def sentence_span(self, first: int, last: int) -> Span:
        """The sentence(s) from the one holding token ``first`` to the one holding ``last``."""
        return _span(self.doc, self.sentence(first).start, self.sentence(last).end)

    def is_cue(self, token: Token) -> bool:
        if self.inside[token.i] != -1:
            return False
        if token.lower_ == "according":
            return token.i + 1 < len(self.doc) and token.nbor(1).lower_ == "to"
        if token.pos_ not in ("VERB", "AUX"):
            return False
        lemma = token.lemma_.lower()
        # "as Lee put it": put is a speech verb only with that "it"
        return lemma in words().speech_verbs or (lemma == "put" and any(c.lower_ == "it" for c in token.children))

    def is_speech_noun(self, token: Token) -> bool:
        return self.inside[token.i] == -1 and token.pos_ == "NOUN" and token.lemma_.lower() in words().speech_nouns

    def cue_of(self, index: int) -> Token | None:
        if self._names_a_work(index):
            return None
        return (self._governing_cue(index) or self._trailing_cue(index)
                or self._leading_cue(index))

    def _names_a_work(self, index: int) -> bool:
        """A title in quotation marks where a noun goes: 'an interview with "Fox and Friends"', 'the author
        of "Hacked World Order"', 'their new book "Concrete Economics"'. It names a show, a book, a film,
        not words anyone is said to say. Titles a speech verb takes as its object or predicate ('called
        her "Miss Piggy"', 'refers to her as "the boss"') stay quotations."""
        piece = self.pieces[index]
        if not _looks_like_a_name(self.text[piece.start:piece.end]):
            return False
        inside, heads = self.inside, self.heads
        tops = [t for t in self.token_spans[index] if not t.is_punct and inside[heads[t.i]] != index]
        if len(tops) != 1 or tops[0].dep_ not in TITLE_SLOTS or self.is_cue(tops[0].head):
            return False
        head = tops[0].head
        if head.lower_ == "of" and head.head.dep_ == "dobj" and self.is_cue(head.head.head):
            return False  # 'proclaimed a goal of "Peace at Home"': the words of the one proclaiming, a slogan
        return head.lower_ != "as"  # 'refers to him as "Mr. Lee"': what someone calls him

    def _parenthetical_cue(self, root: Token) -> Token | None:
        """A speech verb set into the sentence as an aside: ', he added,'."""
        for child in root.children:
            if child.dep_ in ("parataxis", "advcl", "ccomp", "conj") and self.is_cue(child) \
                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children) \
                    and not any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.lower_ != "it" for c in child.children):
                return child
        return None

    def _according_to_on(self, node: Token) -> Token | None:
        """'According to X, the deal is "dead"': the phrase modifies the quoted clause's verb."""
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "according" and self.is_cue(child):
                return child
        return None

    def _governing_cue(self, index: int) -> Token | None:
        """The nearest speech verb above the quoted words in the parse.

        Words are followed first; punctuation, which the parser hangs anywhere,
        only when no word leads to a cue.
        """
        tokens = self.token_spans[index]
        words = [t for t in tokens if not t.is_punct]
        best, best_depth, venue = self._climb_to_cue(index, words)
        if best is None and not venue:
            best, _, _ = self._climb_to_cue(index, [t for t in tokens if t.is_punct])
        return best

    def _climb_to_cue(self, index: int, tokens) -> tuple[Token | None, int, bool]:
        """The cue nearest above ``tokens``, its depth, and whether a venue was seen instead."""
        best, best_depth, venue = None, MAX_CUE_DEPTH + 1, False
        heads, clausal_heads = self.heads, self.clausal_heads
        for token in tokens:
            i = token.i
            if i in clausal_heads:
                for child in token.children:  # '"…," he said' parsed with "said" below the quote
                    if self.inside[child.i] != index and child.dep_ in ("ccomp", "parataxis") and self.is_cue(child):
                        if best_depth > 1:
                            best, best_depth = child, 1
            if heads[i] == i:
                # 'As Lee put it, the plan is "…"' with the quoted words heading the sentence
                aside = self._parenthetical_cue(token) or self._according_to_on(token)
                if aside is not None and best_depth > 1:
                    best, best_depth = aside, 1  # 'According to Lee, the plan "will not last"': on the quoted root
                continue
            if self.inside[heads[i]] == index:
                continue
            if self._venue_or_addressee(index, token):
                venue = True
                continue
            cue, depth = self._nearest_cue_above(token.head, best_depth)
            if cue is not None:
                best, best_depth = cue, depth
        return best, best_depth, venue

    def _venue_or_addressee(self, index: int, token: Token) -> bool:
        """'said on "Meet the Press"', 'told "Morning Joe"': where or to whom, not what."""
        head = token.head
        if head.dep_ == "prep" and head.lower_ in VENUE_PREPS and self.is_cue(head.head):
            return True
        addressed = token.dep_ == "dative" or (token.dep_ == "dobj" and head.lemma_.lower() in ADDRESSING_VERBS)
        piece = self.pieces[index]
        return addressed and self.is_cue(head) and _looks_like_a_name(self.text[piece.start:piece.end])

    def _nearest_cue_above(self, node: Token, limit: int) -> tuple[Token | None, int]:
        """Climb from ``node`` towards the root, at most ``limit - 1`` steps, to a cue.

        A speech noun reached through its "as" is what the quotation describes, not whose words
        it holds ('Lee described Park's comments as "reckless"'): the climb goes on to the verb.
        """
        below = None
        for depth in range(1, limit):
            if self.is_cue(node) or (self.is_speech_noun(node) and not _described_as(node, below)):
                return node, depth
            cue = self._according_to_on(node)
            if cue is not None:
                return cue, depth
            if node.head.i == node.i:
                # 'the weapons, he added, are like "bombs"': a parenthetical on the root
                aside = self._parenthetical_cue(node)
                return (aside, depth + 1) if aside is not None else (None, limit)
            below, node = node, node.head
        return None, limit

    def _trailing_cue(self, index: int) -> Token | None:
        """'"…," X said' / '"…," said X': a cue right after the closing mark."""
        piece, doc = self.pieces[index], self.doc
        if piece.close_at is None:
            return None
        after_at = piece.close_at + piece.close_len
        text = self.text
        last_char = text[piece.start:piece.close_at].rstrip()[-1:]
        follows = text[after_at:after_at + 2].strip()[:1]
        if last_char not in QUOTE_FINAL and follows not in (",", "—", "–") and not self.opens_sentence(index):
            return None
        span = doc.char_span(piece.close_at, after_at, alignment_mode="expand")
        if span is None:
            return None
        sentence_end = self.sentence(span[-1].i).end
        if sentence_end == span.end and span.end < len(doc):
            # '"…?" Lee said': the parser may end the sentence at the mark; then the
            # next sentence's first verb must be the cue
            sentence_end = self.sentence(span.end).end
        for i in range(span.end, min(sentence_end, span.end + TRAILING_CUE_REACH)):
            if self.inside[i] != -1:
                break  # the next quotation begins
            if doc[i].lower_ in CIRCUMSTANCE_WORDS and (doc[i].dep_ == "mark" or (
                    doc[i].dep_ == "advmod" and doc[i].lower_ != "as" and doc[i].head.i > i)):
                return None  # '"…," when Y blasted him': a clause saying when, not who said it
            if self.is_cue(doc[i]) or self.is_layout_cue(doc[i]):
                if i >= self.sentence(span[-1].i).end and _reports_its_own_words(doc[i]):
                    return None  # '"…." Lee said he would resign': the next sentence's cue has its own content
                return doc[i]
            if i >= self.sentence(span[-1].i).end and doc[i].pos_ in ("VERB", "AUX"):
                return None
        return self._cue_of_subject_after(piece, span.end)

    def _cue_of_subject_after(self, piece: Quoted, first: int) -> Token | None:
        """'"…," Ann Lee, the director of a long-named institute, told us': the words
        after the mark are the subject of a speech verb, however long the phrase."""
        doc = self.doc
        while first < len(doc) and doc[first].is_punct and self.inside[first] == -1:
            first += 1
        if first >= len(doc) or self.inside[first] != -1 or doc[first].pos_ not in ("PROPN", "NOUN", "DET", "PRON"):
            return None
        if _looks_like_a_name(self.text[piece.start:piece.end]):
            return None  # 'on "Morning Desk," Sen. Lee told …': a show, not words
        token = doc[first]
        for _ in range(4):  # up through the noun phrase: "Lee's aide" -> aide
            if token.dep_ in ("nsubj", "nsubjpass") and token.head.i > token.i and self.is_cue(token.head):
                return token.head
            if token.dep_ not in NOUN_PHRASE_DEPS or token.head.i <= token.i:
                return None
            token = token.head
        return None

    def signature(self, index: int) -> Token | None:
        """'"…" — Ann Lee': a name signed after a dash that ends the paragraph."""
        piece = self.pieces[index]
        if piece.close_at is None:
            return None
        return self._signed_after(piece.close_at + piece.close_len)

    def paragraph_signature(self, index: int) -> Token | None:
        """A paragraph that opens with a quote mark and ends '…" ― Ann Lee' is all
        Ann Lee's words, whatever verbs or marks stand inside it."""
        piece, text = self.pieces[index], self.text
        line_start = text.rfind("\n", 0, piece.open_at) + 1
        line_end = text.find("\n", piece.open_at)
        line_end = len(text) if line_end == -1 else line_end
        opening = text[line_start:line_end].lstrip()[:2]
        if not opening or not (opening[0] in "“\"" or opening == "``"):
            return None
        last_mark = max(text.rfind(mark, line_start, line_end) for mark in ("”", '"', "''"))
        if last_mark < piece.open_at:
            return None
        return self._signed_after(last_mark + (2 if text.startswith("''", last_mark) else 1))

    def _signed_after(self, after_at: int) -> Token | None:
        doc = self.doc
        line_end = self.text.find("\n", after_at)
        tail = self.text[after_at:line_end if line_end != -1 else len(self.text)]
        stripped = tail.strip()
        if not stripped or stripped[0] not in "―—–-" or len(stripped) > 80:
            return None
        name_text = stripped[1:].strip()
        name_at = after_at + tail.index(name_text) if name_text else -1
        name = doc.char_span(name_at, name_at + len(name_text), alignment_mode="expand") if name_text else None
        if name is None:
            return None
        heads = [t for t in name if t.head.i < name.start or t.head.i >= name.end or t.head.i == t.i]
        candidates = [t for t in heads if t.pos_ in ("PROPN", "NOUN")]
        return candidates[0] if candidates else None

    def opens_sentence(self, index: int) -> bool:
        span = self.token_spans[index]
        first = span[0].i
        start = self.sentence(span[0].i).start
        return all(self.inside[i] != -1 or self.doc[i].is_punct for i in range(start, first))

    def _leading_cue(self, index: int) -> Token | None:
        """'X said: "…"', 'X said, "…"', 'X said -- "…"', '"…," he said, but "…"'.

        The colon may end the previous paragraph ("Lee continued:" then the
        quotation as its own paragraph).
        """
        piece, doc = self.pieces[index], self.doc
        before = self.text[max(0, piece.open_at - 400):piece.open_at]
        stripped = before.rstrip()
        if not LEADS_INTO_QUOTE.search(stripped):
            return None
        if "\n" in before[len(stripped):] and not stripped.endswith(":"):
            return None  # only a colon carries a cue across a paragraph break
        last = doc.char_span(piece.open_at - (len(before) - len(stripped)) - 1, piece.open_at, alignment_mode="expand")
        if last is None:
            return None
        end = last.start
        if stripped.endswith(":") and end > 0 and self.is_speech_noun(doc[end - 1]):
            return doc[end - 1]  # 'a new campaign message: "…"'
        start = self.sentence(end).start
        for i in range(end, start - 1, -1):
            if self.inside[i] not in (-1, index):
                break  # the previous quotation ends here
            if self.is_cue(doc[i]) or self.is_layout_cue(doc[i]):
                return doc[i]
        return None

    def previous_sentence_cue(self, index: int) -> Token | None:
        """The speech verb heading the sentence just before the quotation, in its paragraph."""
        first = self.token_spans[index][0]
        number = self.sentence_at[first.i]
        if number == 0:
            return None
        before = self.sentences[number - 1]
        if "\n" in self.text[before[-1].idx:first.idx]:
            return None
        root = before.root
        if self.is_cue(root) and root.lower_ != "according" and subject_of(root, self.inside) is not None:
            return root
        return None

    def is_layout_cue(self, token: Token) -> bool:
        """Verbs that introduce a quotation only when right beside it ("Lee continued:")."""
        return self.inside[token.i] == -1 and (
            token.lemma_.lower() in LAYOUT_VERBS or token.lower_ in ("said", "says"))


# Subordinators opening a clause after a quotation that tells its circumstance, not its source: those of
# a saying's circumstance (``status.CIRCUMSTANCE_MARKS``), and of a condition or concession.
CIRCUMSTANCE_WORDS = CIRCUMSTANCE_MARKS | {"if", "although"}


def _reports_its_own_words(cue: Token) -> bool:
    """Does a speech verb carry its own reported clause ("said he would go", "said that …")?"""
    return any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children)


def _described_as(noun: Token, below: Token | None) -> bool:
    """Whether ``below`` is the "as" of a speech noun that a verb takes as its object: 'called his
    remarks as "…"', 'dismissed the claim as "…"'."""
    return below is not None and below.dep_ == "prep" and below.lower_ == "as" and noun.dep_ == "dobj"


def _looks_like_a_name(words: str) -> bool:
    """A short quotation of capitalised words with no closing punctuation: a title or a name.

    A comma or period the sentence puts inside the closing mark, as American style does ('his book "Low
    Tide," which', 'told "Morning Report."'), is the sentence's, not the title's."""
    if words[-1:] in (",", ".") and not words[-2:-1] == ".":
        words = words[:-1]  # (not the period of an initial: 'on "Meet John Q."')
    tokens = words.split()
    if not tokens or len(tokens) > 4 or not words[-1].isalnum():
        return False
    return all(token[0].isupper() or token.lower() in NAME_GLUE for token in tokens)


# ---------------------------------------------------------------- assembly

def _span(doc: Doc, start_token: int, end_token: int) -> Span:
    shared = facts(doc)  # offsets from the shared index: no spaCy Span built
    if start_token >= end_token:
        span = doc[start_token:end_token]
        return Span(span.start_char, span.end_char, span.text)
    start, end = shared.starts[start_token], shared.ends[end_token - 1]
    return Span(start, end, shared.text[start:end])


def _source_token(cue: Token, quoted: list[int]) -> Token | None:
    if cue.lower_ == "according":
        return source_of_according_to(cue)
    if cue.pos_ == "NOUN":
        return source_of_speech_noun(cue, quoted)
    return subject_of(cue, quoted)


def _cue_name(cue: Token) -> str:
    if cue.lower_ == "according":
        return "according to"
    return "say" if cue.lower_ in ("said", "says") else cue.lemma_.lower()


def _cue_span(cue: Token) -> Span:
    end = cue.i + 2 if cue.lower_ == "according" else cue.i + 1
    return _span(cue.doc, cue.i, end)


def find_quotes(doc: Doc, entities: list[Entity]) -> list[Quote]:
    """Direct and indirect quotations of ``doc``, attributed to ``entities``."""
    text = facts(doc).text
    pieces = facts(doc).quote_pieces
    attributor = _Attributor(doc, pieces)
    resolver = references_for(doc, entities, attributor.inside)
    cues = [attributor.cue_of(i) for i in range(len(pieces))]
    cue_of_chain: dict[int, Token] = {}
    for piece, cue in zip(pieces, cues):
        if cue is not None:
            cue_of_chain.setdefault(piece.chain, cue)

    quotes: list[Quote] = []
    previous: Quote | None = None
    for index, (piece, cue) in enumerate(zip(pieces, cues)):
        span = attributor.token_spans[index]
        sentence = attributor.sentence_span(span[0].i, span[-1].i)
        words = text[piece.start:piece.end]
        cue = cue or cue_of_chain.get(piece.chain)
        if cue is None and attributor.opens_sentence(index):
            # "Lee praised the plan. "It works."": the sentence before names the speaker,
            # unless an earlier quotation stands between them and continues instead
            introducing = attributor.previous_sentence_cue(index)
            if introducing is not None and (previous is None or introducing.idx > previous.end):
                cue = introducing
        if (signed := attributor.paragraph_signature(index)) is not None:
            quote = Quote(text=words, start=piece.start, end=piece.end, speaker=resolver.resolve(signed),
                          speaker_mention=_mention_span(signed), kind=DIRECT, sentence=sentence)
        elif cue is not None:
            cue, source, speaker = _attribute(attributor, resolver, index, cue)
            quote = Quote(text=words, start=piece.start, end=piece.end,
                          speaker=speaker, speaker_mention=_mention_span(source),
                          cue=_cue_name(cue), cue_span=_cue_span(cue), kind=DIRECT, sentence=sentence,
                          when=attributor.dates.words(cue) if isinstance(cue, Token) else None)
        elif (signed := attributor.signature(index)) is not None:
            quote = Quote(text=words, start=piece.start, end=piece.end, speaker=resolver.resolve(signed),
                          speaker_mention=_mention_span(signed), kind=DIRECT, sentence=sentence)
        elif previous is not None and attributor.opens_sentence(index) \
                and _continues(text, previous, piece):
            # the speaker goes on talking: "…," she said. "…"  /  a paragraph that is only a quote
            quote = Quote(text=words, start=piece.start, end=piece.end, speaker=previous.speaker,
                          speaker_mention=previous.speaker_mention, kind=DIRECT, sentence=sentence)
        else:
            continue  # scare quotes, titles: nobody is said to have said them
        quotes.append(quote)
        previous = quote
    quotes.extend(_indirect_quotes(doc, attributor, resolver))
    quotes.sort(key=lambda q: q.start)
    return _speakers_go_on(doc, quotes, resolver)


def _speakers_go_on(doc: Doc, quotes: list[Quote], resolver: References) -> list[Quote]:
    """"…, Kennedy said. '…,' he wrote.": a he or she speaking in the sentence after an attribution
    is its speaker, when the gender agrees and no other person is a subject in between.

    The news convention behind it: a reporter switching speakers names the new
    one; a bare pronoun goes on with the one who just spoke. Not after a
    question: who speaks next is the one asked (``References._answerer``). The pronoun
    resolver reads salience over all mentions and can pick the person spoken
    to ("Kennedy wrote Linick") or someone named in a quoted question.
    """
    shared = facts(doc)
    out: list[Quote] = []
    previous: Quote | None = None
    for quote in quotes:
        mention = quote.speaker_mention
        gender = {"he": "m", "she": "f"}.get(mention.text.lower()) if mention else None
        if gender and previous is not None and previous.sentence and quote.sentence \
                and previous.speaker != quote.speaker and previous.cue != "ask" \
                and resolver.entities[previous.speaker].type == PERSON \
                and resolver.gender.get(previous.speaker, gender) == gender:
            # sentences are counted from where the last quotation ended, however many it ran to
            first = _sentence_at(shared, quote.sentence.start)
            last = _sentence_at(shared, max(previous.end, previous.sentence.end) - 1)
            going_on = quote.cue in CONTINUING_CUES
            if first - last <= (CONTINUING_REACH if going_on else 1) and not _other_subject(
                    resolver, previous.speaker, previous.sentence.end, mention.start, speaking=going_on):
                quote = replace(quote, speaker=previous.speaker)
        out.append(quote)
        if quote.speaker is not None:
            previous = quote
    return out


def _sentence_at(shared, char: int) -> int:
    """The index of the sentence holding the character ``char``."""
    return shared.sentence_of[bisect.bisect_right(shared.starts, char) - 1]


def _other_subject(resolver: References, speaker: str, start: int, end: int, speaking: bool = False) -> bool:
    """Is another person the subject of a clause between the characters ``start`` and ``end``, or the
    owner of one ("Lee's advice earned him a hearing, where he said": the sentence is about Lee)?

    ``speaking``: only a clause that reports speech counts ("Kim spoke too, stating …" before "he
    added"; a caption's "Kim holds up the gun" does not make Kim the one who adds).
    """
    doc = resolver.doc
    for token_start, entity in resolver.person_mentions:
        token = doc[token_start]
        if start <= token.idx < end and entity != speaker and resolver.quoted[token.i] == -1 \
                and (resolver.is_subject(token) or (token.dep_ == "poss" and resolver.is_subject(token.head))) \
                and (not speaking or _reports_speech(token.head)):
            return True
    return False


def _reports_speech(verb: Token) -> bool:
    """A speech verb, or one hung on it that shares its subject ("addressed the crowd, stating that …")."""
    speech = words().speech_verbs
    return verb.lemma_.lower() in speech or any(
        c.dep_ in SUBJECT_INHERITING_DEPS and c.lemma_.lower() in speech for c in verb.children)


def _attribute(attributor: _Attributor, resolver: References, index: int,
               cue: Token) -> tuple[Token, Token | None, str | None]:
    """The cue, source and speaker of a quoted piece.

    The first candidate source that names an entity wins; a pronoun ends the
    search (it is the speaker, known or not). With none, the first candidate.
    """
    first = None
    for option, source in _candidate_sources(attributor, resolver, index, cue):
        if first is None:
            first = (option, source)
        if source is None:
            continue
        speaker = resolver.resolve(source)
        if speaker is not None:
            return option, source, speaker
        if source.pos_ == "PRON":
            break
    return first[0], first[1], None


def _candidate_sources(attributor: _Attributor, resolver: References, index: int, cue: Token):
    """(cue, source) pairs for a piece, likeliest first.

    A cue inside a reported clause often has a subject that is no speaker ("Lee
    said the plan "quietly" favours …", "… carries the message that "…," Lee said"),
    so the speech verbs above it and the cues beside the quotation follow.
    """
    yield from _sources_of(attributor, resolver, index, cue)
    node = cue
    for _ in range(2):  # the speech verbs above the cue
        if node.head.i == node.i:
            break
        above, _ = attributor._nearest_cue_above(node.head, MAX_CUE_DEPTH + 1)
        if above is None or _through_a_preposition(node, above):
            break  # "Lee responded to the accusation that …": not Lee's words
        node = above
        yield from _sources_of(attributor, resolver, index, node)
    for beside in (attributor._trailing_cue(index), attributor._leading_cue(index)):
        if beside is not None and beside.i != cue.i:
            yield from _sources_of(attributor, resolver, index, beside)
    yield cue, _name_before_mark(resolver, attributor, index)


def _name_before_mark(resolver: References, attributor: _Attributor, index: int) -> Token | None:
    """'two members, among them Ann Lee -- "…" -- objected': a name set right before the quotation
    with only a dash or colon between speaks it."""
    piece, doc = attributor.pieces[index], attributor.doc
    window = max(0, piece.open_at - 40)
    before = attributor.text[window:piece.open_at].rstrip()
    glue = re.search(r"(?:--|[—–:])$", before)
    if glue is None:
        return None
    name_end = window + len(before[:glue.start()].rstrip())
    span = doc.char_span(max(0, name_end - 1), name_end, alignment_mode="expand")
    if span is None or resolver.entity_at[span.start] is None or attributor.inside[span.start] != -1:
        return None
    token = span[0]
    while token.head.i != token.i and resolver.entity_at[token.head.i] == resolver.entity_at[token.i]:
        token = token.head
    return token


def _through_a_preposition(low: Token, high: Token) -> bool:
    """Whether the way up from ``low`` to ``high`` passes a preposition's object."""
    node = low
    while node.i != high.i and node.head.i != node.i:
        if node.dep_ == "pobj":
            return True
        node = node.head
    return False


def _sources_of(attributor: _Attributor, resolver: References, index: int, cue: Token):
    """(cue, source) pairs of one cue: its grammatical source(s), then a name beside it."""
    quoted = attributor.inside
    if cue.lower_ == "according":
        yield cue, source_of_according_to(cue)
        return
    if cue.pos_ == "NOUN":
        yield cue, source_of_speech_noun(cue, quoted)
        return
    found = False
    if cue.tag_ in ("VBG", "VB") and cue.i > 0 and cue.doc[cue.i - 1].dep_ == "pobj":
        # "footage of Lee asking", "a video of Lee saying": the one shown speaking, before the subject
        # of the clause ("the ad uses footage of Lee asking")
        yield cue, _name_before(resolver, cue)
    for source in subject_candidates(cue, quoted):
        found = True
        yield cue, source
    if not found and cue.idx > attributor.pieces[index].end:
        yield cue, _source_beside_trailing_cue(resolver, attributor, attributor.token_spans[index][-1].i, cue)
    if not found or cue.tag_ in ("VBG", "VB"):
        yield cue, _name_before(resolver, cue)


def _name_before(resolver: References, cue: Token) -> Token | None:
    """'At the rally Lee declared "…"' parsed with Lee inside the prepositional phrase:
    a name right before a finite speech verb without a subject is its subject; so is
    the object right before a participle or infinitive ('a clip of Lee asking')."""
    if cue.i == 0 or cue.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VB"):
        return None
    before = cue.doc[cue.i - 1]
    if cue.tag_ in ("VBG", "VB") and before.dep_ not in ("pobj", "dobj", "compound"):
        return None  # 'a clip of Lee asking', 'heard Lee say': the object is the speaker
    named = resolver.entity_at[before.i] is not None or before.pos_ == "PROPN" or before.is_title
    if not named or resolver.quoted[before.i] != -1 or before.dep_ in ("nsubj", "nsubjpass"):
        return None
    return before


def _source_beside_trailing_cue(resolver: References, attributor: _Attributor,
                                last_quoted: int, cue: Token) -> Token | None:
    """'"…," Lee, a top adviser, said' parsed without a subject: the first name after the quotation.

    With nothing between the quotation and the cue ('"…," said Lee'), the name right after the cue.
    """
    doc = cue.doc
    stretch = [t for t in doc[last_quoted + 1:cue.i]
               if attributor.inside[t.i] == -1 and not (t.is_punct or t.is_space)]  # a no-break space too
    if not stretch:  # inverted: the name (after a title or two) must follow the cue at once
        stretch = []
        for token in doc[cue.i + 1:min(cue.i + 4, attributor.sentence(cue.i).end)]:
            stretch.append(token)
            if token.pos_ not in ("PROPN", "DET", "ADJ", "NOUN") or resolver.entity_at[token.i]:
                break
    for token in stretch:
        if resolver.entity_at[token.i] is not None and attributor.inside[token.i] == -1:
            while token.head.i != token.i and resolver.entity_at[token.head.i] == resolver.entity_at[token.i]:
                token = token.head  # the head of the name: "Michael Flynn" -> Flynn
            return token
    return None


def _continues(text: str, previous: Quote, piece: Quoted) -> bool:
    """A cue-less quotation continues the previous one when at most a paragraph lies between.

    Either it follows in the same paragraph, or it opens the next paragraph.
    """
    between = text[previous.end:piece.open_at]
    if "\n" not in between:
        return True
    line_start = text.rfind("\n", 0, piece.open_at) + 1
    opens_paragraph = not text[line_start:piece.open_at].strip()
    previous_paragraph_end = len(text[:line_start].rstrip())
    return opens_paragraph and "\n" not in text[previous.end:previous_paragraph_end]


def _mention_span(source: Token | None) -> Span | None:
    if source is None:
        return None
    phrase = core_phrase(source)
    return _span(source.doc, phrase.start, phrase.end)


# ---------------------------------------------------------------- pass 3: indirect

def _indirect_quotes(doc: Doc, attributor: _Attributor, resolver: References) -> list[Quote]:
    """'X said (that) Y' and 'According to X, Y' with no quote marks in Y."""
    # prefix counts of quoted tokens: any span is checked in O(1); counted when a cue first reports a clause
    quoted_before: list[int] | None = None
    result = []
    shared = facts(doc)
    # is_cue passes only speech verbs, "put" and "according": read just those tokens
    maybe = set(shared.having(words().speech_verbs | {"put"})) | set(shared.having(("according",), by="lower"))
    for cue in (doc[i] for i in sorted(maybe)):
        if not attributor.is_cue(cue):
            continue
        for start, end in _reported_clauses(cue):
            if quoted_before is None:
                quoted_before = list(accumulate((flag != -1 for flag in attributor.inside), initial=0))
            if quoted_before[end] - quoted_before[start]:
                continue  # its quoted words are direct quotes already
            while start < end and (shared.deps[start] == "mark" or shared.is_punct[start]):
                start += 1
            while end > start and shared.is_punct[end - 1]:
                end -= 1
            if end - start < 3:
                continue
            source = _source_token(cue, attributor.inside)
            result.append(Quote(  # ``doc[start:end]``'s text and offsets, from the doc's columns
                text=shared.span_text(start, end), start=shared.starts[start], end=shared.ends[end - 1],
                speaker=resolver.resolve(source), speaker_mention=_mention_span(source),
                cue=_cue_name(cue), cue_span=_cue_span(cue), kind=INDIRECT,
                sentence=attributor.sentence_span(start, end - 1),
                when=attributor.dates.words(cue) if isinstance(cue, Token) else None))
    return result


def _reported_clauses(cue: Token):
    """Token ranges of what ``cue`` reports: its ccomp, or the clause "according to X" frames."""
    if cue.lower_ == "according":
        if cue.dep_ != "prep":
            return
        clause = cue.head
        start, end = clause.left_edge.i, clause.right_edge.i + 1
        phrase_start, phrase_end = cue.left_edge.i, cue.right_edge.i + 1
        if phrase_start == start:  # "According to X, Y."
            yield phrase_end, end
        elif phrase_end >= end - 1:  # "Y, according to X."
            yield start, phrase_start
        return
    if cue.pos_ != "VERB":
        return
    for clause in cue.children:
        if clause.dep_ == "ccomp":
            yield clause.left_edge.i, clause.right_edge.i + 1
