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


SEED_REPORT = "corpora/seeds/ofsted-2015-03-27-somerset-childrens-services-report.txt"
SEED_LEAD = "Somerset County Council's children's services have been inspected by Ofsted.\n\n"


@pytest.fixture(scope="module")
def check():
    """A sentence checked as an article against the seed report: the article opens with
    a line naming Somerset County Council, so it is about the report (same_report)
    unless ``lead`` says otherwise."""
    from checker.engine import Checker
    from checker.ingest.documents import document_from_text, load_document

    checker = Checker()
    report = load_document(SEED_REPORT, "source")

    def run(text: str, lead: str = SEED_LEAD):
        return checker.check(document_from_text(lead + text + "\n", "a.txt", "article"), [report])

    return run
