"""A progress bar for builds: articles and words per second, on a terminal only."""

from __future__ import annotations

import sys
import time

from .model import DocResult


class Progress:
    """Callable as ``build(progress=...)``: one tick per processed article."""

    def __init__(self, stream=None):
        from tqdm import tqdm

        class Bar(tqdm):
            monitor_interval = 0  # no monitor thread: worker processes are forked after the bar starts

        self.bar = Bar(file=stream or sys.stderr, unit=" articles", desc="graphkit", dynamic_ncols=True,
                       mininterval=0.5, leave=False)
        self.words = 0
        self.started = time.perf_counter()

    def __call__(self, result: DocResult) -> None:
        self.words += len(result.article.text.split())
        rate = self.words / max(time.perf_counter() - self.started, 1e-9)
        self.bar.set_postfix_str(f"{rate:,.0f} words/s", refresh=False)
        self.bar.update(1)

    def close(self) -> None:
        self.bar.close()


def progress_bar(quiet: bool = False, stream=None) -> Progress | None:
    """A Progress on ``stream`` (stderr) when it is a terminal and not ``quiet``; else None."""
    stream = stream or sys.stderr
    if quiet or not (hasattr(stream, "isatty") and stream.isatty()):
        return None
    return Progress(stream)
