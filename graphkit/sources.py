"""Read articles from paths, folders, JSONL files, stdin and strings, lazily.

Bad input never stops a build: each problem is reported through ``on_error``
as (source, message) and reading goes on with the next input.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .model import Article

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
ARTICLE_FIELDS = ("text", "id", "title", "url", "published")

ErrorHandler = Callable[[str, str], None]


class InputError(ValueError):
    """An input that cannot be read as an article."""


def _raise(source: str, message: str) -> None:
    raise InputError(f"{source}: {message}")


def read_text_file(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise InputError("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not valid UTF-8 (byte {error.start})") from None


def _article_from_text(text: str, source: str, article_id: str | None = None) -> Article:
    if not text.strip():
        raise InputError("empty article")
    return Article(text=text, id=article_id, source=source)


def _from_record(record: dict, source: str) -> Article:
    if not isinstance(record, dict):
        raise InputError("an article record must be a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("missing or empty 'text'")
    fields = {k: (str(record[k]) if record.get(k) is not None else None) for k in ARTICLE_FIELDS[1:]}
    return Article(text=text, source=source, **fields)


def _read_jsonl(lines: Iterable[str], source: str, on_error: ErrorHandler) -> Iterator[Article]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield _from_record(json.loads(line), where)
        except json.JSONDecodeError as error:
            on_error(where, f"malformed JSON ({error.msg})")
        except InputError as error:
            on_error(where, str(error))


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _read_path(path: Path, on_error: ErrorHandler, folder: Path | None = None) -> Iterator[Article]:
    source = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        try:
            with path.open(encoding="utf-8") as handle:
                yield from _read_jsonl(handle, source, on_error)
        except (OSError, UnicodeDecodeError) as error:
            on_error(source, _os_message(error))
        return
    if folder is not None and suffix not in TEXT_SUFFIXES:
        on_error(source, f"skipped: not a text file ({suffix or 'no extension'})")
        return
    try:
        article_id = path.relative_to(folder).with_suffix("").as_posix() if folder is not None else path.stem
        yield _article_from_text(read_text_file(path), source, article_id=article_id)
    except InputError as error:
        on_error(source, str(error))
    except OSError as error:
        on_error(source, _os_message(error))


def _os_message(error: Exception) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, UnicodeDecodeError):
        return "not valid UTF-8"
    return getattr(error, "strerror", None) or str(error)


def iter_articles(sources: Iterable, on_error: ErrorHandler = _raise) -> Iterator[Article]:
    """Articles from each source, in order.

    A source is an ``Article``, a dict with a ``text`` field, a path (file,
    folder, ``.jsonl``), ``"-"`` for stdin, or a string of article text (a
    string that is not an existing path and contains whitespace).
    """
    if isinstance(sources, (str, os.PathLike, Article, dict)):
        sources = [sources]
    for item in sources:
        if isinstance(item, Article):
            yield item
        elif isinstance(item, dict):
            try:
                yield _from_record(item, "<record>")
            except InputError as error:
                on_error("<record>", str(error))
        elif str(item) == "-":
            yield from _read_stdin(on_error)
        elif isinstance(item, os.PathLike) or _looks_like_path(item):
            path = Path(item)
            if path.is_dir():
                for file in _walk(path):
                    yield from _read_path(file, on_error, folder=path)
            elif path.exists():
                yield from _read_path(path, on_error)
            else:
                on_error(str(item), "no such file or directory")
        else:
            try:
                yield _article_from_text(item, "<text>")
            except InputError as error:
                on_error("<text>", str(error))


def _looks_like_path(item: str) -> bool:
    return "\n" not in item and (Path(item).exists() or not any(c.isspace() for c in item.strip()))


def _read_stdin(on_error: ErrorHandler) -> Iterator[Article]:
    data = sys.stdin.read()
    first = data.lstrip()[:1]
    if first == "{":
        yield from _read_jsonl(data.splitlines(), "<stdin>", on_error)
    else:
        try:
            yield _article_from_text(data, "<stdin>", article_id="stdin")
        except InputError as error:
            on_error("<stdin>", str(error))
