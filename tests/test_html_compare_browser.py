"""The compare HTML matrix in a real headless Chromium (Debian's chromium), at desktop
and phone widths: cells coloured by verdict with icon and label, a cell opening to the
article's sentence beside the report's passage, no page wider than the screen, no
request, no script, and an article name full of markup shown as text.

Uses the session's browser (conftest) and the watch of :mod:`test_html_browser`; screenshots go to
tests/artifacts/ (compare-*.png) for a person to look at."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.cli import main
from test_compare import BBC, LOCAL, OTHER, REPORT
from test_html_browser import ARTIFACTS, _checked, _watch

pytestmark = pytest.mark.browser

HOSTILE = '<img src=x onerror=alert(1)>.txt'


@pytest.fixture(scope="module")
def matrix(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("compare")
    hostile = folder / HOSTILE
    shutil.copy(BBC, hostile)
    page = folder / "compare.html"
    main(["compare", str(BBC), str(LOCAL), str(OTHER), str(hostile), "--source", str(REPORT),
          "-f", "html", "-o", str(page)])
    return page


@pytest.fixture(params=[1400, 420], ids=["desktop", "phone"])
def tab(browser, request):
    context, watched = _watch(browser)
    watched.page.set_viewport_size({"width": request.param, "height": 900})
    watched.width = request.param
    yield watched
    context.close()
    _checked(watched)


def _directors_row(page):
    return page.locator("table.matrix tbody tr.k-figure", has_text="Directors of Children")


def test_cells_are_coloured_with_icon_and_label(tab, matrix):
    tab.open(matrix)
    page = tab.page
    rows = page.locator("table.matrix tbody tr")
    assert rows.count() >= 10
    assert page.locator("table.matrix thead th").count() == 1 + 3  # BBC, local news, the copy
    cells = _directors_row(page).locator("td")
    assert [cells.nth(i).get_attribute("data-verdict") for i in range(3)] == [
        "misreported", "confirmed", "misreported"]
    assert "✗ Misreported" in cells.nth(0).inner_text()
    assert "✓ Confirmed" in cells.nth(1).inner_text()
    colour = [cells.nth(i).evaluate("c => getComputedStyle(c).backgroundColor") for i in range(2)]
    assert colour[0] != colour[1]
    quiet = page.locator("td.c-not_mentioned").first
    assert "– Not mentioned" in quiet.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= tab.width
    tab.page.screenshot(path=str(_artifact(f"compare-{tab.width}.png")), full_page=False)


def test_a_cell_opens_the_article_sentence_beside_the_report_passage(tab, matrix):
    tab.open(matrix)
    page = tab.page
    cell = _directors_row(page).locator("td").nth(0)
    article, report = cell.locator(".side.art"), cell.locator(".side.src")
    assert not article.is_visible()
    cell.locator("summary").click()
    assert "fifth director in five years" in article.inner_text()
    assert "eight different Directors" in report.inner_text()
    assert "NUM01" in cell.inner_text()
    a, r = article.bounding_box(), report.bounding_box()
    if tab.width >= 1400:
        assert r["x"] >= a["x"] + a["width"] - 1 and abs(r["y"] - a["y"]) < 2  # side by side
    assert page.evaluate("document.documentElement.scrollWidth") <= tab.width
    tab.page.screenshot(path=str(_artifact(f"compare-open-{tab.width}.png")), full_page=False)


def test_markup_in_an_article_name_is_text(tab, matrix):
    tab.open(matrix)
    page = tab.page
    assert HOSTILE in page.locator("table.outlets").inner_text()
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 0
    apart = page.locator("ul.apart").inner_text()
    assert "cypnow" in apart and "different subject" in apart


def _artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name
