"""Write files atomically: a temporary file in the same directory, renamed into place.

A build killed at any moment leaves the previous file intact: the new content
goes to ``.NAME.PID.RANDOM.tmp`` beside ``NAME``, is flushed to disk, and is
renamed over ``NAME`` in one step (``os.replace``). A process killed before the
rename leaves its temporary file behind; the next write of the same file
removes such leftovers of processes that no longer run.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from pathlib import Path


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike, mode: str = "wb"):
    """Open a temporary sibling of ``path`` for writing; rename it over ``path`` on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual mode
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def temp_files(path: str | os.PathLike) -> list[Path]:
    """Temporary files of ``atomic_writer`` for ``path`` (any process's)."""
    path = Path(path)
    pattern = re.compile(rf"\.{re.escape(path.name)}\.(\d+)\.[^.]+\.tmp")
    try:
        return sorted(p for p in path.parent.iterdir() if pattern.fullmatch(p.name))
    except OSError:
        return []


def remove_stale_temps(path: str | os.PathLike) -> list[Path]:
    """Remove temporary files for ``path`` left by processes that were killed; returns them."""
    removed = []
    for tmp in temp_files(path):
        pid = int(tmp.name[len(Path(path).name) + 2:].split(".", 1)[0])
        if pid != os.getpid() and not _alive(pid):
            with contextlib.suppress(OSError):
                tmp.unlink()
                removed.append(tmp)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or cannot tell: leave its file alone
    return True


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where directories cannot be opened."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    with atomic_writer(path, "w") as handle:
        handle.write(text)


class FileLocked(OSError):
    """``flock(..., wait=False)`` found the lock held; ``holder`` is the pid written in the file, if any."""

    def __init__(self, path: Path, holder: str | None):
        super().__init__(errno.EWOULDBLOCK, f"locked by pid {holder or '?'}", str(path))
        self.holder = holder


@contextlib.contextmanager
def flock(path: str | os.PathLike, *, shared: bool = False, wait: bool = True, on_wait=None):
    """Hold an advisory ``flock`` on the file ``path`` (created if missing) while the block runs.

    Exclusive by default, shared with ``shared=True``. The holder writes its pid
    into the file (shared holders too, so one refused by readers can name a
    living process). If another process holds the lock, ``wait=False`` raises
    ``FileLocked`` naming the pid in the file; ``wait=True`` calls
    ``on_wait(pid)`` once (pid a string, ``"?"`` if unknown) and blocks until
    the lock is free. The kernel drops a flock when its process dies, so a
    killed holder never leaves it held. POSIX only: where there is no
    ``fcntl``, no lock is taken.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise
            holder = _holder(fd)
            if not wait:
                raise FileLocked(path, holder) from None
            if on_wait is not None:
                on_wait(holder or "?")
            fcntl.flock(fd, mode)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor drops the flock


def _holder(fd: int) -> str | None:
    """The pid a lock file's holder wrote into it, or None."""
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return text if text.isdigit() else None


@contextlib.contextmanager
def exclusive(path: str | os.PathLike, on_wait=None):
    """Hold the lock of ``path`` (a ``.NAME.lock`` file beside it) while the block runs.

    Two ``graphkit build --into GRAPH`` runs at once would each read GRAPH,
    add their articles and write it back, and the second write would lose the
    first run's articles; with the lock the second waits, then reads what the
    first wrote. ``on_wait(pid)`` is called once if another process holds it.
    The lock is an advisory ``flock`` (POSIX, see ``flock``); where there is none, no lock is taken.
    """
    path = Path(path)
    with flock(path.parent / f".{path.name}.lock", wait=True, on_wait=on_wait):
        yield
