"""The HTML report without a browser: golden pages, escaping, the CSP that pins the
inline assets, contrast of the palette, the word diff, and multi-article file names."""

from __future__ import annotations

import base64
import difflib
import hashlib
import os
import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest

from checker import __version__
from checker.errors import UsageError
from checker.model import Claim, ClaimResult, Alignment, Span
from checker.report import FORMATS, write as write_report
from checker.report.html import (Card, Paragraph, cut_paragraph, page_names, pages, render,
                                 show_value, write)
from checker.report.html_palette import PALETTE, TEXT_PAIRS, contrast_ratio, css_variables
from checker.report.worddiff import word_diff
from html_report_samples import injection_result, run_of, seedlike_result

GOLDEN = Path(__file__).parent / "golden" / "html"


def masked(page: str) -> str:
    """The page with what changes between runs (version, time of generation) masked, and
    the inline stylesheet and script (the package's own files, checked byte for byte by
    the CSP and escaping tests below) stood in for, so the golden files hold the markup."""
    page = page.replace(f"checker {__version__}", "checker VERSION")
    page = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "TIME", page)
    page = re.sub(r"(<style>).*?(</style>)", r"\1STYLE\2", page, flags=re.S)
    page = re.sub(r"(<script>).*?(</script>)", r"\1SCRIPT\2", page, flags=re.S)
    return re.sub(r"sha256-[A-Za-z0-9+/=]+", "sha256-HASH", page)


def check_golden(name: str, page: str) -> None:
    path = GOLDEN / name
    if os.environ.get("CHECKER_UPDATE_GOLD"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(masked(page), encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run make update-gold"
    expected = path.read_text(encoding="utf-8")
    if masked(page) != expected:
        diff = difflib.unified_diff(expected.splitlines(), masked(page).splitlines(),
                                    str(path), "rendered", lineterm="", n=1)
        pytest.fail("page differs from its golden file (make update-gold if intended):\n"
                    + "\n".join(list(diff)[:40]))


def test_golden_article_page():
    check_golden("article.html", render(run_of(seedlike_result())))


def test_golden_index_page():
    run = run_of(seedlike_result(), injection_result())
    check_golden("index.html", pages(run, "report.html")["report.html"])


def test_masking_hides_version_and_time():
    page = render(run_of(seedlike_result()))
    assert "checker VERSION" in masked(page) and "TIME" in masked(page)
    assert __version__ not in masked(page).replace("checker VERSION", "")


def test_html_is_a_registered_format():
    assert FORMATS["html"] == "checker.report.html"


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of each script element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in ("script", "style") else None

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "style":
            self.styles.append(data)


def parse(page: str) -> Elements:
    parser = Elements()
    parser.feed(page)
    return parser


ALLOWED_TAGS = {
    "html", "head", "meta", "link", "title", "style", "body", "a", "header", "nav", "p",
    "h1", "h2", "h3", "dl", "dt", "dd", "div", "code", "main", "section", "ul", "li",
    "strong", "span", "form", "fieldset", "legend", "label", "input", "button", "kbd",
    "mark", "sup", "article", "del", "ins", "cite", "figure", "figcaption", "blockquote",
    "footer", "time", "script", "ol", "details", "summary",
}


@pytest.mark.parametrize("which", ["seedlike", "injection"])
def test_every_text_fragment_is_escaped(which):
    result = seedlike_result() if which == "seedlike" else injection_result()
    page = render(run_of(result))
    elements = parse(page)
    assert {tag for tag, _ in elements.tags} <= ALLOWED_TAGS
    for tag, attrs in elements.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for name in ("href", "src"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "http:", "https:", "//")), (tag, attrs)
    # the one script is the report's own; no injected element survives as markup
    assert elements.scripts == [resources.files("checker.report").joinpath(
        "templates", "report.js").read_text("utf-8")]
    assert [t for t, _ in elements.tags].count("img") == 0
    assert [t for t, _ in elements.tags].count("iframe") == 0
    if which == "injection":
        assert '&lt;img src=x onerror=alert(1)&gt;' in page
        assert '&lt;a href=&#34;javascript:alert(2)&#34;&gt;the report&lt;/a&gt;' in page


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def csp_of(elements: Elements) -> dict[str, str]:
    csp = next(attrs["content"] for tag, attrs in elements.tags
               if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy")
    return dict(d.strip().split(" ", 1) for d in csp.split(";"))


def test_content_security_policy_pins_the_inline_assets_and_forbids_requests():
    elements = parse(render(run_of(seedlike_result())))
    directives = csp_of(elements)
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == _sha(elements.scripts[0])
    assert directives["style-src"] == _sha(elements.styles[0])
    assert elements.styles == [css_variables() + resources.files("checker.report").joinpath(
        "templates", "report.css").read_text("utf-8")]
    assert directives["form-action"] == "'none'"


def test_index_page_has_no_script_at_all():
    index = pages(run_of(seedlike_result(), injection_result()), "r.html")["r.html"]
    assert parse(index).scripts == []
    assert csp_of(parse(index))["script-src"] == "'none'"


@pytest.mark.parametrize("foreground,background", TEXT_PAIRS)
def test_text_contrast_is_at_least_4_5(foreground, background):
    assert contrast_ratio(PALETTE[foreground], PALETTE[background]) >= 4.5


def test_contrast_ratio_matches_known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#123456", "#123456") == pytest.approx(1)


def test_stylesheet_combines_only_checked_colour_pairs():
    """A rule that sets both a text colour and a background must use a checked pair, so
    a new combination cannot slip past the contrast test."""
    css = resources.files("checker.report").joinpath("templates", "report.css").read_text()
    pairs = set(TEXT_PAIRS)
    seen = 0
    for body in re.findall(r"\{([^{}]*)\}", css):
        fg = re.search(r"(?<![-\w])color:\s*var\(--([\w-]+)\)", body)
        bg = re.search(r"background(?:-color)?:\s*var\(--([\w-]+)\)", body)
        if fg and bg:
            seen += 1
            assert (fg.group(1), bg.group(1)) in pairs, body
    assert seen >= 10
    for name in re.findall(r"var\(--([\w-]+)\)", css):
        assert name in PALETTE


def test_word_diff_marks_the_misquoted_word():
    assert word_diff("Experiences and progress of care leaders",
                     "Experiences and progress of care leavers") == [
        ("equal", "Experiences and progress of care "), ("del", "leaders"), ("ins", "leavers")]


def test_word_diff_joins_neighbouring_changes_and_keeps_both_texts():
    chunks = word_diff("the fifth director in five years", "eight directors in ten years")
    assert "".join(t for op, t in chunks if op != "ins") == "the fifth director in five years"
    assert "".join(t for op, t in chunks if op != "del") == "eight directors in ten years"
    assert ("del", "the fifth director") in chunks and ("ins", "eight directors") in chunks
    assert word_diff("same words", "same words") == [("equal", "same words")]


def test_misquote_is_shown_with_del_and_ins():
    page = render(run_of(seedlike_result()))
    assert "care <del>leaders</del><ins>leavers</ins>" in page


def test_figures_show_both_values_and_the_cited_page():
    page = render(run_of(seedlike_result()))
    assert "<dt>Article</dt><dd>value: 5; window: 5 years</dd>" in page
    assert "<dt>Source</dt><dd>value: 8; window: 10 years</dd>" in page
    assert "<cite>¶60, p. 7</cite>" in page


def _card(number: int, start: int, end: int, verdict: str = "supported") -> Card:
    claim = Claim(f"c{number}", "figure", Span(start, end), "x")
    return Card(number, ClaimResult(claim, verdict, Alignment(claim.id)), 1, 1, [], [])


def test_overlapping_claims_share_pieces_and_lose_no_text():
    text = "abcdefghij"
    paragraph = Paragraph(1, 0, len(text))
    outer, inner = _card(1, 1, 8, "supported"), _card(2, 3, 5, "contradicted")
    for card in (outer, inner):
        card.paragraph = paragraph
    pieces = cut_paragraph(text, paragraph, [outer, inner])
    assert "".join(p.text for p in pieces if not p.ref) == text
    covered = [(p.text, p.claim_numbers, p.verdict) for p in pieces if p.claims]
    assert covered == [("bc", "1", "supported"), ("de", "1 2", "contradicted"),
                       ("fgh", "1", "supported")]
    refs = [(i, p.ref.number) for i, p in enumerate(pieces) if p.ref]
    assert [n for _, n in refs] == [2, 1]


def test_show_value_reads_like_prose():
    assert show_value(5.0) == "5"
    assert show_value(0.233) == "0.233"
    assert show_value({"value": 8.0, "window": "10 years", "approx": ""}) == \
        "value: 8; window: 10 years"
    assert show_value(None) is None and show_value("") is None


def test_several_articles_are_pages_beside_an_index(tmp_path):
    run = run_of(seedlike_result(), injection_result(), seedlike_result())
    names = page_names(run, "report.html")
    # the stem of a name holding "/" is what follows it; numbers keep names apart
    assert names == ["report-1-bbc-somerset.html", "report-2-script.html",
                     "report-3-bbc-somerset.html"]
    written = write(run, tmp_path / "out" / "report.html")
    assert [p.name for p in written] == names + ["report.html"]
    index = (tmp_path / "out" / "report.html").read_text()
    for name in names:
        assert f'href="{name}"' in index
        assert 'href="report.html"' in (tmp_path / "out" / name).read_text()
    assert not list((tmp_path / "out").glob(".*.tmp"))


def test_one_article_is_one_page(tmp_path):
    written = write_report(run_of(seedlike_result()), "html", str(tmp_path / "one.html"))
    assert written == [str(tmp_path / "one.html")]
    assert list(tmp_path.iterdir()) == [tmp_path / "one.html"]


def test_several_articles_to_stdout_is_a_usage_error():
    with pytest.raises(UsageError, match="-o"):
        render(run_of(seedlike_result(), injection_result()))


def test_page_names_are_cut_at_a_word():
    from checker.report.html import slug

    assert slug("local-news-2015-03-27-somerset-branded-inadequate") == \
        "local-news-2015-03-27-somerset-branded"
    assert slug("BBC: Somerset!") == "bbc-somerset"
    assert slug("<>") == "article"


# --- what the reader sees first ----------------------------------------------------------


def test_page_opens_on_the_findings_worst_first_before_the_claim_view():
    page = render(run_of(seedlike_result()))
    fixes, claims = page.index('id="fixes-h"'), page.index('id="text-h"')
    assert fixes < claims
    listed = re.findall(r'<li class="fix sev-(\w+)" id="fix-\d+">', page[fixes:claims])
    assert listed == ["error", "error", "warning"]  # the suppressed NUM01 note is left out
    first = page[fixes:page.index('id="fix-2"')]
    assert '<a class="where" href="#ref-1">line 2</a>' in first
    assert "care <del>leaders</del>" in first and "care <ins>leavers</ins>" in first


def test_a_figure_finding_shows_both_values_and_the_sentence_with_the_claim_marked():
    page = render(run_of(seedlike_result()))
    fix = page[page.index('id="fix-2"'):page.index('id="fix-3"')]
    assert '<p class="value">value: 5; window: 5 years</p>' in fix
    assert '<p class="value">value: 8; window: 10 years</p>' in fix
    assert "<mark class=\"excerpt\">the fifth director in five years</mark>" in fix
    assert "The source, <cite>¶60, p. 7</cite>" in fix


def test_no_jargon_on_cards_or_findings():
    result = seedlike_result()
    page = render(run_of(result))
    for finding in result.findings:
        assert finding.name not in page
    assert "aligned by" not in page and "fuzzy" not in page and "bm25" not in page
    assert ">figure<" in page and ">quotation<" in page and ">entity<" not in page


def test_claims_with_no_finding_are_hidden_until_asked_for():
    page = render(run_of(seedlike_result()))
    boxes = dict(re.findall(r'<input type="checkbox" name="severity" value="(\w+)"( checked)?>', page))
    assert boxes == {"error": " checked", "warning": " checked", "none": ""}


def test_reference_mark_goes_after_the_closing_quotation_mark():
    text = 'He said "care leaders" today.'
    paragraph = Paragraph(1, 0, len(text))
    card = _card(1, text.index("care"), text.index('" today'))
    card.paragraph = paragraph
    pieces = cut_paragraph(text, paragraph, [card])
    shown = "".join(f"[{p.text}]" if p.claims else (f"^{p.ref.number}" if p.ref else p.text)
                    for p in pieces)
    assert shown == 'He said "[care leaders]"^1 today.'


def test_index_names_the_source_and_marks_articles_with_errors():
    clean = seedlike_result()
    clean = type(clean)(clean.article, clean.sources, clean.relation,
                        tuple(c for c in clean.claims if not c.findings))
    index = pages(run_of(seedlike_result(), clean), "r.html")["r.html"]
    assert "against Somerset County Council: inspection of services for children" in index
    assert "<code>corpora/seeds/somerset-report.txt</code>" in index
    marks = re.findall(r'<li class="(has-errors|has-warnings|clean)">', index)
    assert marks == ["has-errors", "clean"]
    assert "<table" not in index
