"""Read articles from paths, folders, JSONL files, HTML pages, stdin and strings, lazily.

Bad input never stops a build: each input that cannot be read is reported
through ``on_error(source, message)`` and reading goes on with the next one.
Inputs that are read, but not exactly as given, are reported through
``on_warning(source, message)``:

- text that is not valid UTF-8 is decoded anyway: when it holds no UTF-8 at
  all (a legacy file), in the code page charset-normalizer finds for it
  (Windows-1252 among equally good ones: Western text reads the same in
  several), else as UTF-8 with each invalid byte replaced by U+FFFD ("not
  valid UTF-8 at byte N: K bytes replaced");
- an article longer than ``max_chars`` is cut at a paragraph or sentence end
  ("cut to N of M characters"); of a file bigger than that, only the first
  ``4 * max_chars`` bytes are ever read;
- control characters (other than tab and line breaks) and lone surrogates are
  removed from the text; a run of more than 500 characters without a space (a
  blob: base64, minified code, a line of '=') is cut to 500, as spaCy's
  tokenizer takes minutes over long punctuation runs;
- text that was UTF-8 decoded as Windows-1252 or Latin-1 before it reached
  graphkit ("FranÃ§ois" for "François", "â€œ" for a quotation mark) is
  repaired with ftfy's ``fix_encoding`` ("repaired N mis-decoded characters"),
  so a name is one name whichever feed carried it;
- the same text a second time is a duplicate ("duplicate of SOURCE"), counted
  once.

Warning messages start with a fixed word so callers can count them: ``cut to``,
``duplicate of``, ``not valid UTF-8``, ``not UTF-8``, ``removed``, ``cut N word``, ``repaired``.
"""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
import warnings
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import ftfy

from .model import Article

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
ARTICLE_FIELDS = ("text", "id", "title", "url", "published", "author")

# A news article is 3,000-30,000 characters; spaCy's parser needs about 1 GB of
# memory per 100,000 characters, and refuses texts over nlp.max_length (1,000,000).
DEFAULT_MAX_CHARS = 100_000
HTML_MAX_BYTES = 20_000_000  # trafilatura's own limit: bigger pages are cut

ErrorHandler = Callable[[str, str], None]
WarningHandler = Callable[[str, str], None]

# Files that are not text, by their first bytes.
MAGIC = (
    (b"%PDF", "a PDF, not text"),
    (b"PK\x03\x04", "a ZIP archive (Word, EPUB, ...), not text"),
    (b"\x1f\x8b", "a gzip archive, not text"),
    (b"\x89PNG", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"GIF8", "a GIF image, not text"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file, not text"),
    (b"{\\rtf", "an RTF document, not plain text"),
)
HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.I | re.S)
# control characters, lone surrogates, and U+FFFE/U+FFFF (no character at all; XML, and so RDF/XML,
# GraphML and GEXF, cannot hold them)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# spaCy's tokenizer takes time cubic in the length of a run without spaces when it is
# punctuation (1,000 '%' take 0.4 s, 5,000 take 13 s): such runs are blobs, not prose.
MAX_WORD = 500
# The marks mis-decoded UTF-8 leaves (an "Ã" or "Â" before a second Latin-1 letter or sign, "â€"): ftfy is
# asked only where one occurs, as clean text is most text; a feed that decomposed its accents writes "Ã" as "A"
# and a combining tilde, so ftfy reads the composed (NFC) form
MOJIBAKE_HINT = re.compile(r"[ÃÂ][\u0080-\u00bf]|â€|A[\u0302\u0303]")
LONG_WORD = re.compile(rf"\S{{{MAX_WORD + 1},}}")


class InputError(ValueError):
    """An input that cannot be read as an article."""


def _raise(source: str, message: str) -> None:
    raise InputError(f"{source}: {message}")


def _warn(source: str, message: str) -> None:
    warnings.warn(f"{source}: {message}", stacklevel=3)


# ---------------------------------------------------------------- bytes to text

def _sniff(data: bytes) -> None:
    """Raise InputError if ``data`` is plainly not text."""
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise InputError(what)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        raise InputError("binary file, not text")


def decode(data: bytes, source: str, on_warning: WarningHandler = _warn, *, complete: bool = True) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else see the module doc.

    ``complete=False`` says ``data`` is a prefix of a longer file: a character
    cut in two at its end is dropped silently.
    """
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return data.decode("utf-32", errors="replace")  # before UTF-16: its BOM starts with UTF-16's
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if not complete:
        for back in range(1, 4):  # a multi-byte character cut at the end of the prefix
            if len(data) >= back and data[-back] >= 0xC0:
                if len(data[-back:]) < (2 if data[-back] < 0xE0 else 3 if data[-back] < 0xF0 else 4):
                    data = data[:-back]
                break
            if len(data) >= back and data[-back] < 0x80:
                break
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        first = error.start
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8-sig", errors="ignore").count("\ufffd")
    if not any(ord(c) > 127 and c != "\ufffd" for c in text):  # no UTF-8 anywhere: a legacy code page
        legacy = _legacy_code_page(data)
        if legacy is not None:
            on_warning(source, f"not UTF-8 (invalid byte at {first}): read as {legacy[1]}")
            return legacy[0]
    on_warning(source, f"not valid UTF-8 at byte {first}: {bad} invalid byte sequence{'s' if bad != 1 else ''} "
                       "replaced with U+FFFD")
    return text


LEGACY_EVIDENCE = 16  # non-ASCII bytes below which a code page cannot be told from its neighbours


def _legacy_code_page(data: bytes) -> tuple[str, str] | None:
    """The text in the code page charset-normalizer judges best, and the code page's name; None if none fits.

    Western European text decodes without a flaw in several code pages
    (Windows-1250, -1252, -1257 ...); among those equally good, Windows-1252 is
    the one such files were written in (so a Czech text that reads as cleanly in
    Windows-1252 as in -1250 is read wrongly, as before). A text with only a few non-ASCII bytes
    ("caf\\xe9") gives the detector nothing to judge by (it proposes dozens of
    code pages, Urdu's first): that is read as Windows-1252 too, if it can be.
    """
    from charset_normalizer import from_bytes

    if sum(byte >= 0x80 for byte in data) < LEGACY_EVIDENCE:
        try:
            return data.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            return None  # bytes Windows-1252 leaves undefined, and too few to tell which code page
    matches = [m for m in from_bytes(data) if not m.encoding.startswith("utf")]
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= least]
    pick = next((m for m in tied if m.encoding == "cp1252"), tied[0])
    name = f"Windows-{pick.encoding[2:]}" if pick.encoding.startswith("cp125") else pick.encoding
    return str(pick), name


def _read_bytes(path: Path, limit: int | None) -> tuple[bytes, int]:
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        data = handle.read(limit) if limit is not None else handle.read()
    return data, size


def _read_text(path: Path, max_chars: int | None, on_warning: WarningHandler) -> tuple[str, int, bool]:
    """(text, file size in bytes, whether the whole file was read)."""
    limit = 4 * max_chars + 4 if max_chars else None
    data, size = _read_bytes(path, limit)
    _sniff(data)
    complete = len(data) >= size
    return decode(data, str(path), on_warning, complete=complete), size, complete


def html_article(data: bytes | str, source: str, article_id: str | None = None) -> Article:
    """The article text and metadata (title, author, date, URL) of a web page, via trafilatura."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(data, with_metadata=True, favor_recall=True, include_comments=False)
    except Exception as error:  # noqa: BLE001 - any parser failure is this page's problem only
        raise InputError(f"cannot extract article text from HTML ({type(error).__name__}: {error})") from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError("HTML page with no article text")
    return Article(text=text, id=article_id, source=source, title=_meta(doc, "title"), url=_meta(doc, "url"),
                   published=_meta(doc, "date"), author=_meta(doc, "author"))


def _meta(doc, name: str) -> str | None:
    value = getattr(doc, name, None)
    return str(value).strip() or None if value else None


# ---------------------------------------------------------------- articles

def _article_from_text(text: str, source: str, article_id: str | None = None) -> Article:
    if not text:
        raise InputError("empty, no text")
    if not text.strip():
        raise InputError("only whitespace, no text")
    return Article(text=text, id=article_id, source=source)


def _from_record(record: dict, source: str) -> Article:
    if not isinstance(record, dict):
        raise InputError("an article record must be a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("missing or empty 'text'")
    fields = {k: (str(record[k]) if record.get(k) is not None else None) for k in ARTICLE_FIELDS[1:]}
    return Article(text=text, source=source, **fields)


def _read_jsonl(lines: Iterable[bytes], source: str, on_error: ErrorHandler,
                on_warning: WarningHandler) -> Iterator[Article]:
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"{source}:{number}"
        line = (decode(raw, where, on_warning) if isinstance(raw, bytes) else raw).rstrip("\r\n")
        try:
            yield _from_record(json.loads(line), where)
        except json.JSONDecodeError as error:
            on_error(where, f"malformed JSON at column {error.colno}: {error.msg.removesuffix(' at')}")
        except RecursionError:
            on_error(where, "malformed JSON (nested too deeply)")
        except InputError as error:
            on_error(where, str(error))
        except ValueError as error:  # an integer of thousands of digits: Python refuses to convert it
            on_error(where, f"unreadable JSON value: {str(error).split(';')[0]}")


JSON_MAX_BYTES = 200_000_000


def _read_json(path: Path, source: str, on_error: ErrorHandler, on_warning: WarningHandler) -> Iterator[Article]:
    """A .json file: one article record, or a list of them (JSON Lines belong in .jsonl)."""
    try:
        data, size = _read_bytes(path, JSON_MAX_BYTES)
        if size > len(data):
            raise InputError(f"a {size:,}-byte JSON file: split it into JSON Lines (.jsonl), one article a line")
        value = json.loads(decode(data, source, on_warning))
        records = value if isinstance(value, list) else [value]
        for number, record in enumerate(records, 1):
            where = f"{source}[{number - 1}]" if isinstance(value, list) else source
            try:
                yield _from_record(record, where)
            except InputError as error:
                on_error(where, str(error))
    except json.JSONDecodeError as error:
        on_error(source, f"malformed JSON at line {error.lineno} column {error.colno}: {error.msg}")
    except InputError as error:  # a ValueError too: before the clause below, or it never runs
        on_error(source, str(error))
    except (RecursionError, ValueError) as error:
        on_error(source, "malformed JSON" if isinstance(error, RecursionError) else f"unreadable JSON: {error}")
    except OSError as error:
        on_error(source, _os_message(error))


def _walk(folder: Path, on_error: ErrorHandler) -> Iterator[Path]:
    def unreadable(error: OSError) -> None:
        on_error(error.filename or str(folder), _os_message(error))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _read_path(path: Path, on_error: ErrorHandler, on_warning: WarningHandler, max_chars: int | None,
               folder: Path | None = None) -> Iterator[Article]:
    source = str(path)
    suffix = path.suffix.lower()
    if folder is not None and path.exists() and not path.is_file() and not path.is_dir():
        on_error(source, "skipped: not a regular file")  # checked before any reader opens it: a pipe would block
        return
    if suffix == ".json":
        yield from _read_json(path, source, on_error, on_warning)
        return
    if suffix in JSONL_SUFFIXES:
        try:
            with path.open("rb") as handle:
                yield from _read_jsonl(handle, source, on_error, on_warning)
        except OSError as error:
            on_error(source, _os_message(error))
        return
    if folder is not None and suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        on_error(source, f"skipped: not a text file ({suffix or 'no extension'})")
        return
    if folder is not None and not path.is_file():  # a named pipe would block, a broken link cannot be read
        on_error(source, "skipped: not a regular file" if path.exists() else "broken link")
        return
    if path.is_dir():
        on_error(source, "a directory")  # only reached for a folder named like a file
        return
    article_id = path.relative_to(folder).with_suffix("").as_posix() if folder is not None else path.stem
    try:
        if suffix in HTML_SUFFIXES:
            data, size = _read_bytes(path, HTML_MAX_BYTES)
            _sniff(data)
            if size > len(data):
                on_warning(source, f"cut to the first {HTML_MAX_BYTES:,} bytes of a {size:,}-byte HTML page")
            yield html_article(data, source, article_id)
            return
        text, size, complete = _read_text(path, max_chars, on_warning)
        if HTML_START.match(text[:2000].encode("utf-8", "replace")):
            on_warning(source, "a saved web page: read as HTML")
            yield html_article(text, source, article_id)
            return
        article = _article_from_text(text, source, article_id=article_id)
        if not complete:  # only a prefix was read: say how big the file was
            article = _cut(article, max_chars, on_warning, of=f"a {size:,}-byte file")
        yield article
    except InputError as error:
        on_error(source, str(error))
    except OSError as error:
        on_error(source, _os_message(error))


def _os_message(error: Exception) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "a directory"
    return getattr(error, "strerror", None) or str(error)


def _cut(article: Article, max_chars: int | None, on_warning: WarningHandler, of: str | None = None) -> Article:
    """Cut the text to ``max_chars`` at a paragraph, sentence or word end, with a warning."""
    text = article.text
    if not max_chars or len(text) <= max_chars:
        return article
    head = text[:max_chars]
    floor = max_chars * 9 // 10
    for pattern in (r"\n\s*\n", r"[.!?][\"'”’)]?\s", r"\s"):
        ends = [m.end() for m in re.finditer(pattern, head[floor:])]
        if ends:
            head = head[:floor + ends[-1]]
            break
    head = head.rstrip()
    whole = of or f"{len(text):,}"
    on_warning(article.source or "<text>", f"cut to {len(head):,} of {whole} characters (--max-chars {max_chars:,})"
               if of is None else f"cut to {len(head):,} characters of {whole} (--max-chars {max_chars:,})")
    return replace(article, text=head)


def _clean(article: Article, on_warning: WarningHandler) -> Article:
    """Remove control characters and lone surrogates from every field; cut blobs in the text."""
    changes, removed, repaired = {}, 0, 0
    for name in ARTICLE_FIELDS + ("source",):
        value = getattr(article, name)
        if isinstance(value, str) and CONTROL.search(value):
            cleaned, n = CONTROL.subn("", value)
            changes[name], removed = cleaned, removed + n
        value = changes.get(name, value)
        if isinstance(value, str) and name != "source" and MOJIBAKE_HINT.search(value):
            composed = unicodedata.normalize("NFC", value)
            fixed = ftfy.fix_encoding(composed)
            if fixed != composed:
                changes[name], repaired = fixed, repaired + max(1, len(value) - len(fixed))
    text = changes.get("text", article.text)
    long_words = len(LONG_WORD.findall(text))
    if long_words:
        changes["text"] = LONG_WORD.sub(lambda m: m.group()[:MAX_WORD], text)
    if not changes:
        return article
    source = article.source or "<text>"
    if removed:
        on_warning(source, f"removed {removed} control character{'s' if removed != 1 else ''}")
    if repaired:
        on_warning(source, f"repaired {repaired} mis-decoded character{'s' if repaired != 1 else ''} (UTF-8 read as "
                           "Latin-1 or Windows-1252: 'FranÃ§ois' -> 'François')")
    if long_words:
        on_warning(source, f"cut {long_words} word{'s' if long_words != 1 else ''} longer than {MAX_WORD} characters "
                           f"to {MAX_WORD} (a blob, not prose; spaCy would take minutes over it)")
    article = replace(article, **changes)
    if not article.text.strip():
        raise InputError("no text besides control characters")
    return article


def iter_articles(sources: Iterable, on_error: ErrorHandler = _raise, *, max_chars: int | None = DEFAULT_MAX_CHARS,
                  on_warning: WarningHandler = _warn, dedupe: bool = True,
                  known: Container[str] = ()) -> Iterator[Article]:
    """Articles from each source, in order, cleaned, cut to ``max_chars`` and de-duplicated.

    A source is an ``Article``, a dict with a ``text`` field, a path (file,
    folder, ``.jsonl``, ``.html``), ``"-"`` for stdin, or a string of article
    text (a string that is not an existing path and contains whitespace).
    ``known`` are content hashes of articles already in the graph (``--into``),
    or any container of them (a store's index: each ``in`` is one look-up):
    those are skipped as duplicates too, before the model sees them.
    """
    seen: dict[str, str] = {}
    for article in _iter_raw(sources, on_error, on_warning, max_chars):
        source = article.source or "<text>"
        try:
            article = _cut(_clean(article, on_warning), max_chars, on_warning)
        except InputError as error:
            on_error(source, str(error))
            continue
        if dedupe:
            if article.content_hash in seen or article.content_hash in known:
                first = seen.get(article.content_hash, "an article already in the graph")
                on_warning(source, f"duplicate of {first} (same text): counted once")
                continue
            seen[article.content_hash] = source
        yield article


def _iter_raw(sources: Iterable, on_error: ErrorHandler, on_warning: WarningHandler,
              max_chars: int | None) -> Iterator[Article]:
    if isinstance(sources, (str, bytes, os.PathLike, Article, dict)):
        sources = [sources]
    for item in sources:
        if isinstance(item, Article):
            yield item
        elif isinstance(item, dict):
            try:
                yield _from_record(item, item.get("source") or "<record>")
            except InputError as error:
                on_error("<record>", str(error))
        elif isinstance(item, bytes):
            try:
                _sniff(item)
                yield _article_from_text(decode(item, "<bytes>", on_warning), "<bytes>")
            except InputError as error:
                on_error("<bytes>", str(error))
        elif str(item) == "-":
            yield from _read_stdin(on_error, on_warning)
        elif isinstance(item, str) and not item.strip():
            on_error(repr(item), "an empty argument: neither a file, a folder nor article text")
        elif isinstance(item, os.PathLike) or _looks_like_path(item):
            path = Path(item)
            try:
                is_dir, exists = path.is_dir(), path.exists()
            except OSError as error:  # e.g. a name too long for the file system
                on_error(str(item), _os_message(error))
                continue
            if is_dir:
                for file in _walk(path, on_error):
                    yield from _read_path(file, on_error, on_warning, max_chars, folder=path)
            elif exists:
                yield from _read_path(path, on_error, on_warning, max_chars)
            else:
                on_error(str(item), "no such file or directory")
        else:
            try:
                yield _article_from_text(item, "<text>")
            except InputError as error:
                on_error("<text>", str(error))


def _looks_like_path(item: str) -> bool:
    if "\n" in item or "\x00" in item:
        return False
    try:
        return Path(item).exists() or not any(c.isspace() for c in item.strip())
    except (OSError, ValueError):
        return False


def _read_stdin(on_error: ErrorHandler, on_warning: WarningHandler) -> Iterator[Article]:
    """JSONL is read line by line (a corpus piped in never sits in memory whole); anything else is one article."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text-only stdin (e.g. replaced by a test)
        import io

        stream = io.BytesIO(sys.stdin.read().encode("utf-8", "surrogatepass"))
    head = []  # the lines up to the first one that is not blank
    for line in stream:
        head.append(line)
        if line.strip():
            break
    data = b"".join(head)
    try:
        _sniff(data)
    except InputError as error:
        on_error("<stdin>", str(error))
        return
    if data.lstrip()[:1] == b"{":
        import itertools

        yield from _read_jsonl(itertools.chain(head, stream), "<stdin>", on_error, on_warning)
        return
    data += stream.read()
    try:
        _sniff(data)
    except InputError as error:
        on_error("<stdin>", str(error))
        return
    try:
        text = decode(data, "<stdin>", on_warning)
        if HTML_START.match(data[:2000]):
            yield html_article(text, "<stdin>", "stdin")
        else:
            yield _article_from_text(text, "<stdin>", article_id="stdin")
    except InputError as error:
        on_error("<stdin>", str(error))
