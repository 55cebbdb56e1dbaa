"""The store folder: its marker file, its layout version, and the lock that keeps one writer at a time."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ..export.files import FileLocked, flock, temp_files, write_text_atomic

LAYOUT = 1  # bump when the folder or the index schema changes incompatibly
MARKER = "graphkit-store.json"
OXIGRAPH = "oxigraph"
INDEX = "index.sqlite"
LOCK = "lock"
# What a folder holds while a store is being created, before the marker is written last.
_OWN = {OXIGRAPH, INDEX, INDEX + "-journal", LOCK}


class StoreError(ValueError):
    """A folder that cannot be used as a store; the message is one line naming the folder."""


class StoreLocked(StoreError):
    """Another graphkit process is using the store."""


def read_marker(folder: Path) -> dict:
    """The store's marker, after checking that ``folder`` is a graphkit store this version reads."""
    if not folder.exists():
        raise StoreError(f"{folder}: no such store")
    if not folder.is_dir():
        raise StoreError(f"{folder}: not a graphkit store (a file, not a folder)")
    try:
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(f"{folder}: not a graphkit store (no {MARKER})") from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise StoreError(f"{folder}: not a graphkit store ({MARKER} unreadable: {error})") from None
    layout = marker.get("layout") if isinstance(marker, dict) else None
    if not isinstance(layout, int) or "base_iri" not in marker:
        raise StoreError(f"{folder}: not a graphkit store ({MARKER} is not graphkit's)")
    if layout != LAYOUT:
        age = "newer" if layout > LAYOUT else "older"
        raise StoreError(f"{folder}: store layout {layout} is {age} than the layout {LAYOUT} this graphkit reads; "
                         "export it with the graphkit that wrote it and build a new store")
    if not (folder / OXIGRAPH).is_dir() or not (folder / INDEX).is_file():
        raise StoreError(f"{folder}: damaged graphkit store ({OXIGRAPH}/ or {INDEX} missing)")
    return marker


def is_new(folder: Path) -> bool:
    """May a store be created in ``folder``: missing, empty, or left half-made by a killed creation?"""
    if not folder.exists():
        return True
    if not folder.is_dir() or (folder / MARKER).exists():
        return False
    marker_temps = {p.name for p in temp_files(folder / MARKER)}  # a marker write killed before its rename
    return {p.name for p in folder.iterdir()} - marker_temps <= _OWN


def clear_leftovers(folder: Path) -> None:
    """Remove what a creation killed before its marker was written left behind."""
    for name in (OXIGRAPH, INDEX, INDEX + "-journal"):
        path = folder / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def write_marker(folder: Path, base_iri: str, version: str) -> None:
    """Write the marker atomically and durably (flushed to disk before the rename that makes the store)."""
    write_text_atomic(folder / MARKER, json.dumps(
        {"layout": LAYOUT, "base_iri": base_iri, "created_by": f"graphkit {version}"}, indent=1) + "\n")


class Lock:
    """``DIR/lock``: an exclusive flock for a writer, a shared one for readers, and the holder's pid in the file.

    flock is released by the kernel when its process dies, so a killed add
    never leaves the store locked. A thin wrapper of ``graphkit.export.files.flock``
    that never waits: a held lock raises ``StoreLocked`` naming the holder's pid.
    """

    def __init__(self, folder: Path, exclusive: bool):
        self.folder = folder
        held = flock(folder / LOCK, shared=not exclusive, wait=False)
        try:
            held.__enter__()
        except FileLocked as error:
            raise StoreLocked(f"{folder}: store is in use by another graphkit (pid {error.holder or '?'})") from None
        self._held = held

    def release(self) -> None:
        if self._held is not None:
            held, self._held = self._held, None
            held.__exit__(None, None, None)
