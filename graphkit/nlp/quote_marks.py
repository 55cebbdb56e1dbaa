"""Quote marks: which stretches of an article's text are quoted.

Marks are paired paragraph by paragraph: curly “ ”, straight ", the
`` '' of some wire copy, and the single curly ‘ ’ of British house style. Straight marks and '' both open and close, so the
characters around them decide. Curly pairs inside a straight-quoted passage
are nested quotes and stay inside it. An opening mark left open at a
paragraph's end continues when the next paragraph opens with a mark (the
news convention for long quotations); otherwise it was a stray mark (an inch
sign, a typo) and is dropped. Each paragraph's piece is kept separately so
that offsets stay exact; the pieces of one quotation share a ``chain``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKS = re.compile(r"“|”|``|''|\"|‘|’")
OPENING = {"“", "``"}
CLOSING = {"”"}
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"  # ’ is also the apostrophe: it closes only a passage ‘ opened
# Straight marks and '' both open and close; context decides which.
OPENS_BEFORE = set(" \t([{—–-/")


@dataclass
class Quoted:
    """A stretch of text between quote marks, inside one paragraph."""

    start: int  # first character of the quoted words
    end: int  # one past the last character
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when it runs on
    close_len: int = 0
    chain: int = 0  # pieces of one multi-paragraph quotation share this


def _looks_opening(text: str, at: int, length: int, para_start: int) -> bool:
    before = text[at - 1] if at > para_start else " "
    after = text[at + length] if at + length < len(text) else " "
    return (before.isspace() or before in OPENS_BEFORE) and not after.isspace()


def _closes_single(text: str, at: int, end: int) -> bool:
    """Is this ’ the end of a single-quoted passage, not an apostrophe?

    Inside a word ("don’t", "Britain’s") it is an apostrophe. After an "s"
    and before a word ("the farmers’ best hope’") it may be a plural
    possessive: it closes only if no later ’ of the paragraph could close
    without being one.
    """
    if _in_word(text, at, end):
        return False
    if not _possessive_shaped(text, at, end):
        return True
    later = text.find(SINGLE_CLOSE, at + 1, end)
    while later != -1:
        if not _in_word(text, later, end) and not _possessive_shaped(text, later, end):
            return False
        later = text.find(SINGLE_CLOSE, later + 1, end)
    return True


def _in_word(text: str, at: int, end: int) -> bool:
    return at + 1 < end and text[at + 1].isalnum()


def _possessive_shaped(text: str, at: int, end: int) -> bool:
    return text[at - 1:at] == "s" and at + 2 < end and text[at + 1].isspace() and text[at + 2].isalpha()


def _paragraph_pieces(text: str, start: int, end: int) -> tuple[list[Quoted], bool]:
    """Quoted pieces of one paragraph; the flag says the last one is left open."""
    pieces: list[Quoted] = []
    open_at, open_len, open_mark = None, 0, ""
    nested = 0  # curly pairs inside a straight-quoted passage: "He read: “…” aloud."
    for match in MARKS.finditer(text, start, end):
        mark, at = match.group(), match.start()
        if mark in (SINGLE_OPEN, SINGLE_CLOSE):
            if open_at is None and mark == SINGLE_OPEN and _looks_opening(text, at, 1, start):
                open_at, open_len, open_mark = at, 1, mark
            elif open_mark == SINGLE_OPEN and mark == SINGLE_CLOSE and _closes_single(text, at, end):
                pieces.append(Quoted(open_at + open_len, at, open_at, at, 1))
                open_at, open_mark, nested = None, "", 0
            continue  # inside double marks, single ones are nested; elsewhere ’ is an apostrophe
        if open_mark == SINGLE_OPEN:
            continue  # double marks inside a single-quoted passage are nested quotes
        if open_at is None:
            if mark in CLOSING:
                continue  # a stray closing mark
            if mark not in OPENING and not _looks_opening(text, at, len(mark), start):
                continue  # a straight mark glued to a word on its left: not an opener
            open_at, open_len, open_mark = at, len(mark), mark
        elif mark in OPENING and open_mark not in OPENING:
            nested += 1
        elif mark in CLOSING and nested:
            nested -= 1
        elif mark in OPENING:
            open_at, open_len, open_mark = at, len(mark), mark  # the earlier opener was never closed
        else:
            pieces.append(Quoted(open_at + open_len, at, open_at, at, len(mark)))
            open_at, open_mark, nested = None, "", 0
    if open_at is not None:
        pieces.append(Quoted(open_at + open_len, end, open_at, None))
    return pieces, open_at is not None


def _trim(text: str, piece: Quoted) -> Quoted | None:
    """Strip surrounding spaces and a closing comma; drop pieces with no words.

    In '"We are ready," she said' the comma belongs to the reporter's sentence.
    """
    raw = text[piece.start:piece.end]
    stripped = raw.strip().rstrip(",").rstrip()
    if not any(ch.isalnum() for ch in stripped):
        return None
    piece.start += len(raw) - len(raw.lstrip())
    piece.end = piece.start + len(stripped)
    return piece


def _same_style(text: str, first: Quoted, second: Quoted) -> bool:
    """Whether two pieces open with the same kind of mark: a quotation keeps its style."""
    def style(piece: Quoted) -> str:
        mark = text[piece.open_at:piece.open_at + 2]
        return "doubled" if mark in ("``", "''") else "single" if mark[0] == SINGLE_OPEN else mark[0]
    return style(first) == style(second)


def scan_quotations(text: str) -> list[Quoted]:
    """All quoted pieces of ``text`` in order, multi-paragraph quotations chained.

    A piece left open at a paragraph's end is kept only when the next
    paragraph opens with a mark of the same style (the news convention);
    otherwise its mark was a stray one (an inch sign, a typo) and the piece
    is dropped.
    """
    result: list[Quoted] = []
    chain = 0
    dangling: Quoted | None = None  # the previous paragraph's open last piece
    for paragraph in re.finditer(r"[^\n]+", text):
        pieces, left_open = _paragraph_pieces(text, paragraph.start(), paragraph.end())
        continues = (bool(pieces) and not text[paragraph.start():pieces[0].open_at].strip()
                     and (dangling is None or _same_style(text, dangling, pieces[0])))
        if dangling is not None and not continues:
            _drop_stray_opener(text, result, dangling)
        for i, piece in enumerate(pieces):
            if not (i == 0 and dangling is not None and continues):
                chain += 1
            piece.chain = chain
            if _trim(text, piece) is not None:
                result.append(piece)
        dangling = result[-1] if left_open and result and result[-1] is pieces[-1] else None
    if dangling is not None:
        _drop_stray_opener(text, result, dangling)
    return result


def _drop_stray_opener(text: str, result: list[Quoted], dangling: Quoted) -> None:
    """Drop a piece whose opening mark never closed, keeping the quotations inside it.

    In '"Lee raised both arms, shouting “Yes!”' the straight mark is a typo; the curly
    pair it swallowed as nested is a quotation of its own.
    """
    at = result.index(dangling)
    mark_len = 2 if text.startswith(("``", "''"), dangling.open_at) else 1
    inner, _ = _paragraph_pieces(text, dangling.open_at + mark_len, dangling.end)
    kept = [p for p in inner if p.close_at is not None and _trim(text, p) is not None]
    for piece in kept:
        piece.chain = -1 - piece.open_at  # a quotation of its own, apart from every numbered chain
    result[at:at + 1] = kept


def quoted_tokens(doc, pieces: list[Quoted] | None = None) -> list[int]:
    """Per token of ``doc``: the index of the quotation whose words (or marks) hold it, or -1."""
    pieces = scan_quotations(doc.text) if pieces is None else pieces
    from .shared import facts

    inside = [-1] * len(doc)
    shared = facts(doc)  # the quotes component asks the same spans (its _Attributor)
    for index, piece in enumerate(pieces):
        span = shared.char_span(piece.start, piece.end)
        if span is not None:
            inside[span.start:span.end] = [index] * len(span)
        for mark_at in (piece.open_at, piece.close_at):
            if mark_at is not None:
                mark = doc.char_span(mark_at, mark_at + 1, alignment_mode="expand")
                if mark is not None and inside[mark.start] == -1:
                    inside[mark.start] = index
    return inside
