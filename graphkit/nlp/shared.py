"""Facts about one parsed document that several components read, computed once per ``Doc``.

``Doc.text`` joins every token on each access, ``Token.sent`` walks to the
sentence's bounds, and ``doc[i:j]`` builds a ``Span``: asked per mention or
per token, they cost more than the rules that use them. ``facts(doc)``
computes such things once, and graphkit's components share them: the
entities' headline lines are the relations' too, the quote marks the
reference layer reads are the quotes component's.

The cache holds the last ``KEEP`` documents. A pipeline passes each doc
through all its components before the next one comes, so a few suffice; a
weak-key cache would never let a doc go, as its facts point back at it.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import cached_property

from spacy.attrs import DEP, ENT_IOB, IDX, IS_PUNCT, IS_SPACE, LENGTH, LIKE_NUM, LOWER, ORTH, POS, SENT_START, SPACY, TAG
from spacy.tokens import Doc

KEEP = 16
TOKEN_ATTRS = [ORTH, LOWER, TAG, POS, DEP, SPACY, ENT_IOB, SENT_START, IS_PUNCT, IS_SPACE, LIKE_NUM, IDX, LENGTH]
IOB_NAMES = {0: "", 1: "I", 2: "O", 3: "B"}  # to_array's ENT_IOB codes as Token.ent_iob_ spells them
# String ids to their strings, across docs: a StringStore look-up builds a new str each time, and most of a doc's
# words were in an earlier doc. An id is the hash of its string, the same in any vocab.
_STRINGS: dict[int, str] = {}
_LOWERED: dict[int, str] = {}  # the same, lower-cased (DocFacts.having)
_IDS_OF: dict[str, list[int]] = {}  # a lower-cased string -> the ids in _LOWERED of the strings that lower to it
_GENERATION = [0]  # counts the clearings of _LOWERED and _IDS_OF
MAX_STRINGS = 500_000
_RECENT: OrderedDict[int, DocFacts] = OrderedDict()  # id(doc) -> its facts; each holds its doc, so ids stay unique


_last: list = [None]  # the doc asked for last: rules ask per mention, mostly of the same doc


def facts(doc: Doc) -> DocFacts:
    """The shared facts of ``doc``, computed on first use."""
    found = _last[0]
    if found is not None and found.doc is doc and found.size == len(doc):
        return found
    found = _RECENT.get(id(doc))
    if found is not None and found.doc is doc and found.size == len(doc):
        _RECENT.move_to_end(id(doc))
    else:
        found = _RECENT[id(doc)] = DocFacts(doc)
        while len(_RECENT) > KEEP:
            _RECENT.popitem(last=False)
    _last[0] = found
    return found


class DocFacts:
    """Offsets, sentences, lines, dates and quote marks of one doc; each built when first asked for."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.size = len(doc)
        # Doc.text, from the token columns instead of a Token object per token
        self.text = "".join([word + " " if space else word for word, space in zip(self.texts, self._column(SPACY))])
        self.references = None  # the reference layer's resolver (references.references_for)
        self.memo: dict = {}  # a rule's own per-doc results, keyed by (rule name, ...): see entities.evidence
        self.entities: tuple | None = None  # (the list in doc._.graphkit_entities, its Entity objects): see convert
        self.quotes: tuple | None = None  # (the list in doc._.graphkit_quotes, its Quote objects): see convert
        self._char_spans: dict = {}  # see char_span

    # Per-token columns, read from one ``to_array`` instead of a ``Token`` object per token and attribute:
    # the entity rules ask each token's text, tag or flags many times over (``doc[i].tag_`` builds a Token each time).

    @cached_property
    def _array(self):
        """The ``TOKEN_ATTRS`` of every token, one row per token. Each column becomes a list only when asked for,
        and a flag column straight from numpy: a list of every column, as Python ints, cost more than the rules
        read of it."""
        import numpy

        return self.doc.to_array(TOKEN_ATTRS) if self.size else numpy.zeros((0, len(TOKEN_ATTRS)), dtype="uint64")

    def _numbers(self, attr: int):
        """One column of ``_array`` (a numpy view)."""
        return self._array[:, TOKEN_ATTRS.index(attr)]

    def _column(self, attr: int) -> list[int]:
        return self._numbers(attr).tolist()

    def _flags(self, attr: int) -> list[bool]:
        return self._numbers(attr).astype(bool).tolist()

    def _strings(self, attr: int) -> list[str]:
        """A column of string ids as the strings."""
        codes = self._column(attr)
        if len(_STRINGS) > MAX_STRINGS:
            _STRINGS.clear()
        try:
            return list(map(_STRINGS.__getitem__, codes))  # most of a doc's words were in an earlier doc
        except KeyError:
            strings = self.doc.vocab.strings
            for code in set(codes).difference(_STRINGS):
                _STRINGS[code] = strings[code]
            return list(map(_STRINGS.__getitem__, codes))

    @cached_property
    def texts(self) -> list[str]:
        """Per token: ``token.text``."""
        return self._strings(ORTH)

    @cached_property
    def lowers(self) -> list[str]:
        """Per token: ``token.lower_``."""
        return self._strings(LOWER)

    @cached_property
    def tags(self) -> list[str]:
        """Per token: ``token.tag_``."""
        return self._strings(TAG)

    @cached_property
    def pos(self) -> list[str]:
        """Per token: ``token.pos_``."""
        return self._strings(POS)

    @cached_property
    def deps(self) -> list[str]:
        """Per token: ``token.dep_``."""
        return self._strings(DEP)

    @cached_property
    def spaces(self) -> list[str]:
        """Per token: ``token.whitespace_``."""
        return [" " if space else "" for space in self._column(SPACY)]

    @cached_property
    def iob(self) -> list[str]:
        """Per token: ``token.ent_iob_``."""
        return [IOB_NAMES[code] for code in self._column(ENT_IOB)]

    @cached_property
    def sent_start(self) -> list[bool]:
        """Per token: ``bool(token.is_sent_start)``."""
        return (self._numbers(SENT_START) == 1).tolist()

    @cached_property
    def is_punct(self) -> list[bool]:
        return self._flags(IS_PUNCT)

    @cached_property
    def is_space(self) -> list[bool]:
        return self._flags(IS_SPACE)

    @cached_property
    def like_num(self) -> list[bool]:
        return self._flags(LIKE_NUM)

    @cached_property
    def starts(self) -> list[int]:
        """Per token: its first character."""
        return self._column(IDX)

    @cached_property
    def ends(self) -> list[int]:
        """Per token: the character after it."""
        return (self._numbers(IDX) + self._numbers(LENGTH)).tolist()

    def char_span(self, start: int, end: int):
        """``doc.char_span(start, end, alignment_mode="expand")``, once per doc: coref and relations both
        map every entity mention to its tokens. The Span is shared: read it, do not change it."""
        key = (start, end)
        if key not in self._char_spans:
            self._char_spans[key] = self.doc.char_span(start, end, alignment_mode="expand")
        return self._char_spans[key]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without building the Span."""
        return self.text[self.starts[start]:self.ends[end - 1]] if start < end else ""

    @cached_property
    def sentences(self) -> list:
        return list(self.doc.sents)

    @cached_property
    def ents(self) -> list:
        """``doc.ents``, once: each access builds a Span per entity (the mentions and the dates both read them)."""
        return list(self.doc.ents)

    @cached_property
    def sentence_of(self) -> list[int]:
        """Per token: the position of its sentence in ``sentences``."""
        index = [0] * self.size
        for n, sent in enumerate(self.sentences):
            index[sent.start:sent.end] = [n] * (sent.end - sent.start)
        return index

    @cached_property
    def sentence_start(self) -> list[int]:
        """Per token: the first token of its sentence."""
        starts = [sent.start for sent in self.sentences]
        return [starts[n] for n in self.sentence_of]

    @cached_property
    def heads(self) -> list[int]:
        """Per token: its syntactic head's index (``token.head.i``)."""
        import numpy
        from spacy.attrs import HEAD

        return (self.doc.to_array(HEAD).astype("int64") + numpy.arange(self.size)).tolist() if self.size else []

    @cached_property
    def conjoined(self) -> set[int]:
        """The tokens in a coordination: each conjunct and the head of each; ``Token.conjuncts`` of any other is empty."""
        import numpy

        conjuncts = numpy.flatnonzero(self._numbers(DEP) == self.doc.vocab.strings["conj"]).tolist()
        heads = self.heads
        return set(conjuncts).union(heads[i] for i in conjuncts)

    def with_pos(self, pos: str) -> list[int]:
        """The tokens whose ``pos_`` is ``pos``, in text order (found in C, not by a test per token)."""
        import numpy

        return numpy.flatnonzero(self._numbers(POS) == self.doc.vocab.strings[pos]).tolist()

    def with_tag(self, *tags: str) -> list[int]:
        """The tokens whose ``tag_`` is one of ``tags``, in text order (found in C, not by a test per token)."""
        import numpy

        strings = self.doc.vocab.strings
        return numpy.flatnonzero(numpy.isin(self._numbers(TAG), [strings[tag] for tag in tags])).tolist()

    def heads_of(self, dep: str, lower: str | None = None) -> set[int]:
        """The tokens with a child labelled ``dep`` (whose lower-cased text is ``lower``, if given): ("det", "the")
        gives the nouns "the" determines. Read from the columns once per doc, not from each token's children."""
        key = ("heads_of", dep, lower)
        found = self.memo.get(key)
        if found is None:
            import numpy

            strings = self.doc.vocab.strings
            labelled = self._numbers(DEP) == strings[dep]
            if lower is not None:
                labelled &= self._numbers(LOWER) == strings[lower]
            heads = self.heads
            found = self.memo[key] = {heads[i] for i in numpy.flatnonzero(labelled).tolist() if heads[i] != i}
        return found

    @cached_property
    def first_word(self) -> int:
        """The first token that is not whitespace (``size`` if none is)."""
        return next((i for i, space in enumerate(self.is_space) if not space), self.size)

    @cached_property
    def _codes(self):
        """Per token: the string ids of its lemma and lower-cased text (one array, read in C)."""
        from spacy.attrs import LEMMA, LOWER

        return self.doc.to_array([LEMMA, LOWER])

    @cached_property
    def _present(self) -> tuple[set[int], set[int]]:
        """The string ids of the doc's lemmas, and of its lower-cased texts."""
        return set(self._codes[:, 0].tolist()), set(self._codes[:, 1].tolist())

    _indexed = -1  # the generation of ``_IDS_OF`` that holds this doc's strings (-1: none yet)

    def _index_strings(self) -> None:
        """Put the doc's lemma and text string ids into ``_IDS_OF``, the index shared across docs.

        Only the ids no earlier doc had are looked up: most of a doc's words were in an earlier doc.
        """
        if len(_LOWERED) > MAX_STRINGS:
            _LOWERED.clear()
            _IDS_OF.clear()
            _GENERATION[0] += 1
        strings = self.doc.vocab.strings
        lemmas, lowers = self._present
        for code in lemmas.union(lowers).difference(_LOWERED):
            lowered = _LOWERED[code] = strings[code].lower()
            _IDS_OF.setdefault(lowered, []).append(code)
        self._indexed = _GENERATION[0]

    def having(self, words, by: str = "lemma") -> list[int]:
        """Indices, in text order, of the tokens whose lower-cased lemma (or ``by="lower"``: text) is in ``words``.

        A rule looking for a few words reads only their tokens, not the lemma of every token.
        """
        import numpy

        if self._indexed != _GENERATION[0]:
            self._index_strings()
        column = 0 if by == "lemma" else 1
        # ids of any doc's strings, kept when this doc has them: most word lists match no token or one word's
        present = self._present[column]
        codes = [code for word in words for code in _IDS_OF.get(word, ()) if code in present]
        if not codes:
            return []
        if len(codes) == 1:
            return numpy.flatnonzero(self._codes[:, column] == codes[0]).tolist()
        return numpy.flatnonzero(numpy.isin(self._codes[:, column], codes)).tolist()

    @cached_property
    def lines(self):
        """The article's lines and which are headlines (``entities.spans.Lines``)."""
        from .entities.spans import Lines

        return Lines(self.text)

    @cached_property
    def dates(self):
        """The DATE entities by sentence (``when.Dates``)."""
        from .when import Dates

        return Dates(self.doc)

    @cached_property
    def quote_pieces(self) -> list:
        """The quoted pieces of the text (``quote_marks.scan_quotations``)."""
        from .quote_marks import scan_quotations

        return scan_quotations(self.text)

    @cached_property
    def quoted(self) -> list[int]:
        """Per token: the quoted piece holding it, or -1 (``quote_marks.quoted_tokens``)."""
        from .quote_marks import quoted_tokens

        return quoted_tokens(self.doc, self.quote_pieces)
