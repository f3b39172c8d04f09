"""Fixtures shared by several test modules."""

from __future__ import annotations

import pytest


@pytest.fixture
def phrase_engine(monkeypatch):
    """The CLI's engine replaced by :class:`sample_runs.PhraseChecker`, for tests of
    batching, config and suppression that should not wait for spaCy."""
    import checker.engine
    from sample_runs import PhraseChecker

    fake = PhraseChecker()
    monkeypatch.setattr(checker.engine, "default_checker", lambda: fake)
    return fake


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's, never a downloaded one) for every browser test
    module: Playwright's sync API allows one running instance per process."""
    from pathlib import Path

    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does)")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
