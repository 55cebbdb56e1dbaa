"""Starting `graphkit serve` in a process of its own and knowing when it listens (tests, benchmarks, notebooks)."""

from __future__ import annotations

import socket
import subprocess
import time


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(process: subprocess.Popen, port: int, timeout: float | None = None, pause: float = 0.02) -> bool:
    """Wait until something accepts connections on the loopback ``port``: True, or False when ``process`` ended
    first or ``timeout`` seconds passed."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while deadline is None or time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return True
        except OSError:
            time.sleep(pause)
    return False


def stop(process: subprocess.Popen, grace: float = 10) -> None:
    """Ask the server to stop; kill it when it has not stopped after ``grace`` seconds."""
    process.terminate()
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
