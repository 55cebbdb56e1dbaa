"""Shared fixtures: the pipeline and the seed graph are built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    from graphkit.nlp.pipeline import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="session")
def seed_kg():
    import graphkit

    return graphkit.build([SEEDS])


@pytest.fixture(scope="session")
def seed_text() -> str:
    return next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")


def pytest_collection_modifyitems(items):
    """Run the Dask tests last: a Dask client leaves threads in this process, and the
    engine tests fork worker processes, which is unsafe once other threads exist."""
    items.sort(key=lambda item: item.module.__name__.endswith("test_dask"))


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium for the viewer tests (tests/test_browser.py, tests/test_serve.py)."""
    import os

    from test_browser import CHROMIUM, LAUNCH_ARGS, _unavailable

    if not os.path.exists(CHROMIUM):
        _unavailable(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()
