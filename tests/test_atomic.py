"""Atomic output: a build killed at any moment leaves the previous graph.ttl and graph.html.

Real kills (SIGKILL) of real processes: ``graphkit build`` at seeded random
moments and the moment its temporary file appears, and a writer killed
half-way through a file (deterministic: it says when it is half-way). After
each kill every output file is the old one byte for byte, or a complete new
one that parses; the temporary file a kill leaves is removed by the next write.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph

from graphkit.export.files import atomic_writer, remove_stale_temps, temp_files, write_text_atomic

OLD_TTL = b'<https://example.org/old> <https://example.org/p> "previous graph" .\n'
OLD_HTML = b"<!DOCTYPE html><html><body>previous graph</body></html>\n"
NAMES = ["Jane Roe", "John Doe", "Mary Major", "Carlos Ruiz", "Lena Park", "Tom Lee", "Sara Diaz", "Ann Writer"]
ORGS = ["Acme Corp", "Globex", "Initech", "Umbrella Group", "Stark Industries"]
CITIES = ["Paris", "Berlin", "Madrid", "Ohio", "Seoul", "Lyon"]


def corpus(path: Path, n: int = 60) -> Path:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            a, b = rng.sample(NAMES, 2)
            text = (f"{a}, the chief executive of {rng.choice(ORGS)}, met {b} in {rng.choice(CITIES)} on Monday. "
                    f"\"We will grow,\" {a} said. {b} joined {rng.choice(ORGS)} last year. " * 3)
            out.write(json.dumps({"id": f"a{i}", "text": text}) + "\n")
    return path


def old_outputs(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "graph.ttl").write_bytes(OLD_TTL)
    (out / "graph.html").write_bytes(OLD_HTML)


def check_outputs(out: Path) -> dict[str, str]:
    """Each file is the old one or a complete new one; returns which."""
    state = {}
    ttl = (out / "graph.ttl").read_bytes()
    if ttl == OLD_TTL:
        state["ttl"] = "old"
    else:
        graph = Graph().parse(data=ttl.decode("utf-8"), format="turtle")  # complete: it parses
        assert len(graph) > 500
        state["ttl"] = "new"
    html = (out / "graph.html").read_bytes()
    if html == OLD_HTML:
        state["html"] = "old"
    else:
        assert html.rstrip().endswith(b"</html>") and b"graphkit" in html
        state["html"] = "new"
    return state


def build(inp: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "graphkit", "build", str(inp), "-o", str(out), "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)  # reaped: its pid is gone, so its temp files count as stale


@pytest.fixture(scope="module")
def full_run(tmp_path_factory):
    """One uninterrupted build: how long it takes, and its files."""
    root = tmp_path_factory.mktemp("atomic")
    inp = corpus(root / "in.jsonl")
    out = root / "full"
    old_outputs(out)
    started = time.monotonic()
    proc = build(inp, out)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert check_outputs(out) == {"ttl": "new", "html": "new"}
    assert not temp_files(out / "graph.ttl") and not temp_files(out / "graph.html")
    return inp, time.monotonic() - started


@pytest.mark.parametrize("seed", [1, 2])
def test_build_killed_at_a_random_moment_leaves_old_or_complete_files(full_run, tmp_path, seed):
    inp, seconds = full_run
    out = tmp_path / "out"
    old_outputs(out)
    proc = build(inp, out)
    time.sleep(random.Random(seed).uniform(0.2, 1.0) * seconds)
    kill(proc)
    check_outputs(out)


@pytest.mark.parametrize("name", ["graph.ttl", "graph.html"])
def test_build_killed_while_its_temp_file_exists(full_run, tmp_path, name):
    inp, seconds = full_run
    out = tmp_path / "out"
    old_outputs(out)
    proc = build(inp, out)
    deadline = time.monotonic() + 10 * seconds + 60
    caught = False
    while proc.poll() is None and time.monotonic() < deadline:
        if temp_files(out / name):
            kill(proc)
            caught = True
            break
        time.sleep(0.0005)
    else:
        proc.wait(timeout=60)
    state = check_outputs(out)
    if caught and temp_files(out / name):  # killed before the rename: the old file is untouched
        assert state["ttl" if name == "graph.ttl" else "html"] == "old"
    # the next build removes what the killed one left and writes complete files
    proc = build(inp, out)
    assert proc.wait(timeout=600) == 0
    assert check_outputs(out) == {"ttl": "new", "html": "new"}
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


WRITER = """
import sys, time
from graphkit.export.files import atomic_writer
with atomic_writer(sys.argv[1]) as out:
    for i in range(200):
        out.write(b"x" * 65536)
        if i == 100:
            out.flush()
            print("half", flush=True)
            time.sleep(60)
"""


def test_writer_killed_half_way_leaves_the_old_file(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_bytes(OLD_TTL)
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "half"
    [tmp] = temp_files(target)
    assert tmp.stat().st_size > 6_000_000  # really half-way through writing
    kill(proc)
    assert target.read_bytes() == OLD_TTL
    assert temp_files(target) == [tmp]  # a SIGKILL cannot clean up ...
    write_text_atomic(target, "new\n")  # ... the next write does
    assert target.read_text() == "new\n" and temp_files(target) == []


def test_temp_files_of_running_processes_are_left_alone(tmp_path):
    target = tmp_path / "graph.html"
    live = tmp_path / f".graph.html.{os.getppid()}.abc123.tmp"  # our parent runs
    dead = tmp_path / ".graph.html.999999999.abc123.tmp"  # beyond pid_max: no such process
    other = tmp_path / ".graph.ttl.999999999.abc123.tmp"  # another file's
    for path in (live, dead, other):
        path.write_text("partial")
    assert remove_stale_temps(target) == [dead]
    assert live.exists() and other.exists() and not dead.exists()


def test_a_failed_write_removes_its_temp_file_and_keeps_the_old(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_bytes(OLD_TTL)
    with pytest.raises(RuntimeError):
        with atomic_writer(target) as out:
            out.write(b"partial")
            raise RuntimeError("serializer failed")
    assert target.read_bytes() == OLD_TTL and temp_files(target) == []


def test_new_files_get_the_usual_mode(tmp_path):
    write_text_atomic(tmp_path / "graph.html", "<html></html>")
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "graph.html").stat().st_mode & 0o777 == 0o666 & ~mask
