"""The HTML report in a real headless Chromium (Debian's chromium; never a downloaded
browser): findings visible beside their source passages, filters kept in the address,
keyboard navigation and help, readable without JavaScript and in print, no network
request, no console error, and an article full of markup that runs nothing.

Every test loads the page under a watch that records each request, console error,
uncaught exception and dialog; the fixture fails the test if any appears.  Screenshots
go to tests/artifacts/ for a person to look at."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from checker.model import RunResult
from checker.report.html import write
from html_report_samples import injection_result, run_of, seedlike_result

playwright_api = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent / "artifacts"


@dataclass
class Watched:
    """A page and everything it did that a self-contained, inert page must not do."""

    page: object
    allowed: set[str] = field(default_factory=set)
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, path: Path, fragment: str = "") -> None:
        url = path.resolve().as_uri()
        self.allowed.add(url)
        self.page.goto(url + fragment)

    def outside_requests(self) -> list[str]:
        """Requests for anything but the report pages the test itself opened."""
        return [u for u in self.requests if u.split("#")[0] not in self.allowed]

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        # a full page of a long report takes seconds to paint on a loaded machine: the
        # 5 s default is for finding elements, not for this
        self.page.screenshot(path=str(ARTIFACTS / f"html-{name}.png"), full_page=True, timeout=60_000)


def _watch(browser, **context_options) -> tuple[object, Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **context_options)
    page = context.new_page()
    page.set_default_timeout(5000)
    watched = Watched(page)
    context.on("request", lambda request: watched.requests.append(request.url))
    # anything not the page itself is refused before it leaves the machine
    context.route(lambda url: not url.startswith("file:"), lambda route: route.abort())
    page.on("console", lambda m: m.type == "error" and watched.errors.append(m.text))
    page.on("pageerror", lambda exc: watched.errors.append(str(exc)))
    page.on("dialog", lambda d: (watched.dialogs.append(d.message), d.dismiss()))
    return context, watched


def _checked(watched: Watched) -> None:
    assert watched.outside_requests() == []
    assert watched.errors == []
    assert watched.dialogs == []


@pytest.fixture
def tab(browser):
    context, watched = _watch(browser)
    yield watched
    context.close()
    _checked(watched)


def report_file(tmp_path: Path, run: RunResult, name: str = "report.html") -> Path:
    return Path(str(write(run, tmp_path / name)[-1]))


def visible_cards(page) -> list[str]:
    return page.eval_on_selector_all(".card", "cs => cs.filter(c => !c.hidden).map(c => c.id)")


def test_findings_are_visible_beside_their_source_passages(tab, tmp_path):
    tab.open(report_file(tmp_path, run_of(seedlike_result())))
    page = tab.page
    misquote = page.locator("#claim-1")
    assert misquote.is_visible()
    assert "QUO01" in misquote.inner_text()
    assert misquote.locator("del").inner_text() == "leaders"
    assert misquote.locator("ins").inner_text() == "leavers"
    assert "Experiences and progress of care leavers: requires improvement." in \
        misquote.locator("blockquote").inner_text()
    directors = page.locator("#claim-3")
    assert "eight different Directors" in directors.locator("blockquote").inner_text()
    assert "¶60, p. 7" in directors.inner_text()
    # the card sits beside its paragraph, not below it
    paragraph = page.locator("#para-3 .para").bounding_box()
    card = directors.bounding_box()
    assert card["x"] > paragraph["x"] + paragraph["width"] - 1
    assert page.locator("#filters").is_visible()
    tab.shot("findings")


def test_filters_hide_claims_and_live_in_the_address(tab, tmp_path):
    path = report_file(tmp_path, run_of(seedlike_result()))
    tab.open(path)
    page = tab.page
    # claims with no finding are hidden until asked for, and their highlights are off
    assert visible_cards(page) == ["claim-1", "claim-3", "claim-4"]
    assert page.locator("#shown").inner_text() == "Showing 3 of 7 claims"
    assert page.locator('mark[data-claims="5 6"]').get_attribute("class").split()[-1] == "off"
    assert page.evaluate("location.hash") == ""
    page.locator('input[name="severity"][value="none"]').check()
    assert visible_cards(page) == [f"claim-{n}" for n in range(1, 8)]
    page.locator(".more-filters summary").click()
    page.locator('input[name="verdict"][value="supported"]').uncheck()
    page.locator('input[name="kind"][value="statement"]').uncheck()
    assert visible_cards(page) == ["claim-1", "claim-2", "claim-3", "claim-4"]
    fragment = page.evaluate("location.hash")
    assert fragment == ("#severity=error,warning,none"
                        "&verdict=contradicted,not_in_source,not_checked,out_of_scope"
                        "&kind=figure,quote,date")
    tab.shot("filtered")
    # a shared address opens the same view
    tab.page.goto("about:blank")
    tab.open(path, fragment)
    assert visible_cards(page) == ["claim-1", "claim-2", "claim-3", "claim-4"]
    assert not page.locator('input[name="verdict"][value="supported"]').is_checked()
    page.locator('input[name="severity"][value="none"]').uncheck()
    assert visible_cards(page) == ["claim-1", "claim-3", "claim-4"]
    page.locator("#show-all").click()
    assert len(visible_cards(page)) == 7


def test_keyboard_moves_between_findings_and_help_opens(tab, tmp_path):
    tab.open(report_file(tmp_path, run_of(seedlike_result())))
    page = tab.page

    def focused() -> str:
        return page.evaluate("document.activeElement.id")

    page.keyboard.press("j")
    assert focused() == "claim-1"
    page.keyboard.press("j")
    assert focused() == "claim-3"  # claim 2 has no finding
    page.keyboard.press("j")
    assert focused() == "claim-4"
    page.keyboard.press("k")
    assert focused() == "claim-3"
    assert "current" in page.locator('mark[data-claims="3"]').get_attribute("class")
    page.keyboard.press("p")
    assert focused() == "claim-1"  # claim 2 has no finding, so it is hidden
    page.keyboard.press("?")
    assert page.locator("#help").is_visible()
    assert page.locator("#help-button").get_attribute("aria-expanded") == "true"
    tab.shot("help")
    page.keyboard.press("Escape")
    assert not page.locator("#help").is_visible()
    # a filter narrows what the keys visit
    page.locator('input[name="severity"][value="error"]').uncheck()
    page.keyboard.press("j")
    assert focused() == "claim-4"
    # single-key shortcuts can be switched off, and stay off after a reload
    page.locator(".more-filters summary").click()
    page.locator("#shortcuts").uncheck()
    page.keyboard.press("k")
    page.keyboard.press("?")
    assert focused() != "claim-3" and not page.locator("#help").is_visible()
    page.reload()
    assert not page.locator("#shortcuts").is_checked()
    page.keyboard.press("j")
    assert focused() == ""


def test_reference_links_move_to_the_card_and_keep_the_filters(tab, tmp_path):
    tab.open(report_file(tmp_path, run_of(seedlike_result())), "#kind=figure,quote")
    page = tab.page
    page.locator("#ref-3 a").click()
    assert page.evaluate("document.activeElement.id") == "claim-3"
    assert page.evaluate("location.hash") == "#kind=figure,quote"
    page.locator("#claim-3 a.where").click()
    assert page.evaluate("document.activeElement.closest('sup').id") == "ref-3"
    page.goto("about:blank")
    tab.open(tmp_path / "report.html", "#claim-4")
    assert page.evaluate("document.activeElement.id") == "claim-4"
    assert "current" in page.locator("#claim-4").get_attribute("class")


def test_page_has_landmarks_and_headings(tab, tmp_path):
    tab.open(report_file(tmp_path, run_of(seedlike_result())))
    page = tab.page
    for role in ("banner", "main", "contentinfo", "search"):
        assert page.get_by_role(role).count() == 1, role
    assert page.get_by_role("heading", level=1).count() == 1
    assert page.get_by_role("heading", name="Claim 3").count() == 1
    badge = page.locator("#claim-3 .finding .badge")
    assert badge.inner_text().strip() == "✖ Error"


def test_readable_without_javascript_and_in_print(browser, tmp_path):
    path = report_file(tmp_path, run_of(seedlike_result()))
    context, watched = _watch(browser, java_script_enabled=False)
    try:
        watched.open(path)
        page = watched.page
        assert not page.locator("#filters").is_visible()
        assert len(page.locator(".card:visible").all()) == 7
        assert page.locator("#claim-1 ins").inner_text() == "leavers"
        watched.shot("no-javascript")
    finally:
        context.close()
    _checked(watched)
    context, watched = _watch(browser)
    try:
        watched.open(path)
        watched.page.emulate_media(media="print")
        assert not watched.page.locator("#filters").is_visible()
        assert watched.page.locator(".fix").first.is_visible()
        assert len(watched.page.locator(".card:visible").all()) == 3  # as on screen
        watched.shot("print")
    finally:
        context.close()
    _checked(watched)


def test_injection_article_runs_nothing(tab, tmp_path):
    tab.open(report_file(tmp_path, run_of(injection_result())))
    page = tab.page
    assert page.title().startswith('<script>alert("title")</script> Council')
    assert page.locator("h1").inner_text().startswith("<script>")
    assert "<img src=x onerror=alert(1)>" in page.locator("#para-2").inner_text()
    counts = page.evaluate("""() => ({
        scripts: document.scripts.length,
        images: document.images.length,
        frames: document.querySelectorAll('iframe, object, embed').length,
        jsLinks: document.querySelectorAll('[href^="javascript:"]').length,
        handlers: [...document.querySelectorAll('*')].filter(
            e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
        stylesheets: document.styleSheets.length,
    })""")
    assert counts == {"scripts": 1, "images": 0, "frames": 0, "jsLinks": 0, "handlers": 0,
                      "stylesheets": 1}
    page.keyboard.press("j")
    page.locator("#claim-1 .finding").click()
    tab.shot("injection")


def test_index_lists_the_articles_and_links_to_their_pages(tab, tmp_path):
    index = report_file(tmp_path, run_of(seedlike_result(), injection_result()))
    tab.open(index)
    page = tab.page
    rows = page.locator(".articles > li")
    assert rows.count() == 2
    assert "Somerset children's services" in rows.nth(0).inner_text()
    assert "1 error" in rows.nth(1).inner_text()
    assert rows.nth(1).locator(".badge.sev-error").is_visible()
    tab.shot("index")
    tab.allowed.add((tmp_path / "report-1-bbc-somerset.html").resolve().as_uri())
    rows.nth(0).locator("a").click()
    page.wait_for_url("**/report-1-bbc-somerset.html")
    assert page.locator("#claim-1").is_visible()
    page.locator(".crumbs a").click()
    page.wait_for_url("**/report.html")


def test_the_watch_sees_requests_errors_and_dialogs(browser, tmp_path):
    """The fixture's checks can fail: a page with none of the report's defences trips
    all three (its request is refused by the route, never sent)."""
    bad = tmp_path / "bad.html"
    bad.write_text('<img src="http://127.0.0.1:9/x.png"><script>console.error("boom");'
                   'alert("hi")</script>', encoding="utf-8")
    context, watched = _watch(browser)
    try:
        watched.open(bad)
        watched.page.wait_for_load_state("load")
    finally:
        context.close()
    assert watched.outside_requests() == ["http://127.0.0.1:9/x.png"]
    assert "boom" in watched.errors
    assert watched.dialogs == ["hi"]


SEEDS = Path(__file__).parent.parent / "corpora" / "seeds"
SEED_REPORT = SEEDS / "ofsted-2015-03-27-somerset-childrens-services-report.txt"
SCREENS = {"desktop": (1400, 900), "phone": (420, 800)}


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    """``checker check`` on the seed articles: an index and a page each, and the run the
    pages were made from."""
    from click.testing import CliRunner

    from checker.cli import cli
    from checker.engine import default_checker
    from checker.ingest.documents import load_document

    folder = tmp_path_factory.mktemp("seeds")
    root = SEEDS.parent.parent
    # paths as a user in the repository types them, which is what the pages (and the
    # README's screenshot) show
    articles = sorted(str(p.relative_to(root)) for p in SEEDS.glob("*.txt") if p != SEED_REPORT)
    report = str(SEED_REPORT.relative_to(root))
    index = folder / "seeds.html"
    here = os.getcwd()
    os.chdir(root)
    try:
        outcome = CliRunner().invoke(cli, ["check", *articles, "--source", report,
                                           "-f", "html", "-o", str(index)])
        source = load_document(report, "source")
        run = default_checker().run([load_document(a, "article") for a in articles], [source])
    finally:
        os.chdir(here)
    assert outcome.exit_code in (0, 1), outcome.output
    assert sum(len(r.findings) for r in run.results) > 0
    return index, run, source


def _pages(tab, index: Path) -> list[Path]:
    tab.open(index)
    hrefs = tab.page.eval_on_selector_all(".articles h3 a", "as => as.map(a => a.getAttribute('href'))")
    return [index.parent / href for href in hrefs]


@pytest.mark.slow
def test_seed_corpus_findings_are_visible_with_their_source_passages(tab, seed_report):
    """Every finding the pipeline made is on its article's page, at the top and on its
    card beside the source passage; the index marks the articles with errors."""
    from checker.report.wording import RELATION_LABEL

    index, run, source = seed_report
    pages = _pages(tab, index)
    rows = tab.page.locator(".articles > li")
    assert len(pages) == rows.count() == len(run.results)
    for n, result in enumerate(run.results):
        errors = sum(1 for f in result.findings if f.severity == "error" and not f.suppressed)
        assert ("has-errors" in rows.nth(n).get_attribute("class")) == (errors > 0)
    for number, (page_path, result) in enumerate(zip(pages, run.results), 1):
        tab.open(page_path)
        page = tab.page
        assert RELATION_LABEL[result.relation.verdict] in page.locator("header.top").inner_text()
        live = [f for f in result.findings if not f.suppressed]
        assert page.locator(".fix").count() == len(live)
        for claim_result in result.claims:
            live = [f for f in claim_result.findings if not f.suppressed]
            if not live:
                continue
            card = page.locator(".card").filter(
                has=page.locator(f'xpath=self::*[@data-claim-id="{claim_result.claim.id}"]'))
            assert card.count() == 1 and card.is_visible()
            text = card.inner_text()
            for finding in live:
                assert finding.code in text
            best = claim_result.alignment.best
            if best is not None:
                passage = source.passage(best.passage)
                quoted = " ".join(card.locator("blockquote").first.inner_text().split())
                assert quoted == " ".join((passage.text if passage else best.text).split())
        tab.shot(f"seed-{number}")


@pytest.mark.slow
@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_first_finding_is_visible_without_scrolling(browser, seed_report, screen):
    """At 1400 px and at 420 px, every seed article with a finding shows the first one
    (its severity, line and message) on the first screen; the first screen of the
    article with the most findings is saved for the README."""
    index, run, _ = seed_report
    width, height = SCREENS[screen]
    context, watched = _watch(browser)
    try:
        watched.page.set_viewport_size({"width": width, "height": height})
        pages = _pages(watched, index)
        checked = 0
        for page_path, result in zip(pages, run.results):
            if not [f for f in result.findings if not f.suppressed]:
                continue
            watched.open(page_path)
            page = watched.page
            head = page.locator("#fix-1 .fix-head").bounding_box()
            assert head is not None and 0 <= head["y"] and head["y"] + head["height"] <= height, \
                (page_path.name, screen, head)
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            checked += 1
        assert checked >= 2
        busiest = max(zip(pages, run.results), key=lambda pr: len(pr[1].findings))[0]
        watched.open(busiest)
        ARTIFACTS.mkdir(exist_ok=True)
        watched.page.screenshot(path=str(ARTIFACTS / f"first-screen-{width}.png"))
    finally:
        context.close()
    _checked(watched)


@pytest.mark.slow
def test_index_and_pages_fit_a_phone(browser, seed_report):
    """At 420 px nothing overflows sideways and the filter bar keeps to a small part of
    the screen."""
    index, _, _ = seed_report
    context, watched = _watch(browser)
    try:
        watched.page.set_viewport_size({"width": 420, "height": 800})
        pages = _pages(watched, index)
        assert watched.page.evaluate("document.documentElement.scrollWidth") <= 420
        assert "Somerset County Council" in watched.page.locator("h1").inner_text()
        watched.shot("index-phone")
        for page_path in pages:
            watched.open(page_path)
            page = watched.page
            assert page.evaluate("document.documentElement.scrollWidth") <= 420, page_path.name
            bar = page.locator("#filters").bounding_box()
            assert bar is not None and bar["height"] < 800 / 6, (page_path.name, bar)
    finally:
        context.close()
    _checked(watched)


def test_highlights_add_no_space_inside_quotation_marks(tab, tmp_path):
    """The misquote's highlight starts where the opening mark ends and its closing mark
    follows at once; its reference comes after the closing mark."""
    tab.open(report_file(tmp_path, run_of(seedlike_result())))
    gaps = tab.page.evaluate("""() => {
        const mark = document.querySelector('mark[data-claims="1"]');
        const before = mark.previousSibling, after = mark.nextSibling;
        const range = document.createRange();
        range.setStart(before, before.length - 1); range.setEnd(before, before.length);
        const opening = range.getBoundingClientRect();
        range.setStart(after, 0); range.setEnd(after, 1);
        const closing = range.getBoundingClientRect();
        const box = mark.getBoundingClientRect();
        return {open: before.data.slice(-1), close: after.data[0],
                left: box.left - opening.right, right: closing.left - box.right,
                ref: after.nextSibling && after.nextSibling.className};
    }""")
    assert gaps["open"] == '"' and gaps["close"] == '"' and gaps["ref"] == "ref"
    assert abs(gaps["left"]) < 0.5 and abs(gaps["right"]) < 0.5, gaps
