"""The HTML discrepancy report: one self-contained page per article, for an editor who
does not use a terminal.

The page opens on what is wrong (:func:`fixes_of`: each finding with the article's words
beside the source's), then the article claim by claim, where claims with no finding are
hidden until asked for.

The page is built from the one :class:`~checker.model.RunResult` like every other
format, by Jinja2 templates with autoescaping on, so every fragment of article and
source text reaches the page as text.  Stylesheet and script are inlined and pinned by
hash in a Content-Security-Policy that also forbids every network request: even if some
markup slipped through escaping it could neither run nor fetch anything.

With several articles the report is several files: an index page listing the articles
with their counts, and one page per article beside it (:func:`pages`, :func:`write`).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, is_dataclass
from datetime import datetime, timezone
from functools import cache
from importlib import resources
from pathlib import Path, PurePath
from typing import Any

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from checker import __version__
from checker.errors import UsageError
from checker.model import (SEVERITY_RANK, CheckResult, ClaimResult, Document,
                           Finding, RunResult, Summary, as_plain)
from checker.outfile import write_atomic
from checker.report.html_palette import css_variables
from checker.report.wording import (RELATION_LABEL, VERDICT_LABEL, chosen_source, citation,
                                    summary_line, verdict_line)
from checker.report.worddiff import word_diff
from checker.textnorm import one_line

SEVERITY_LABEL = {"error": "Error", "warning": "Warning", "info": "Note",
                  "none": "No finding", "suppressed": "Suppressed"}
SEVERITY_ICON = {"error": "✖", "warning": "▲", "info": "ℹ", "none": "✓", "suppressed": "○"}
VERDICT_ICON = {"contradicted": "✗", "not_in_source": "?", "not_checked": "…",
                "out_of_scope": "–", "supported": "✓"}
# When claims overlap in the text, the highlight shows the most alarming verdict.
VERDICT_ORDER = tuple(VERDICT_LABEL)


def verdict_rank(verdict: str) -> int:
    return VERDICT_ORDER.index(verdict) if verdict in VERDICT_ORDER else len(VERDICT_ORDER)

KINDS = ("figure", "quote", "rating", "date", "entity", "statement")
KIND_LABEL = {"figure": "figure", "quote": "quotation", "rating": "rating", "date": "date",
              "entity": "name", "statement": "statement"}
_CLOSERS = "\"'”’»)"  # a reference mark goes after these, never inside the quotation


# --- the article text, cut into paragraphs of highlighted segments ---------------------


@dataclass
class Piece:
    """Text covered by a set of claims (none: plain text), or a reference mark after a
    claim (``ref`` set) that links to its card."""

    text: str = ""
    claims: tuple["Card", ...] = ()
    ref: "Card | None" = None

    @property
    def verdict(self) -> str:
        return min((c.verdict for c in self.claims), key=verdict_rank)

    @property
    def claim_numbers(self) -> str:
        return " ".join(str(c.number) for c in self.claims)


@dataclass
class Paragraph:
    number: int
    start: int
    end: int
    pieces: list[Piece] = field(default_factory=list)
    cards: list["Card"] = field(default_factory=list)


def paragraphs_of(text: str) -> list[Paragraph]:
    """Non-blank lines of the article, which is how articles arrive (one per paragraph)."""
    paragraphs: list[Paragraph] = []
    for match in re.finditer(r"[^\n]+", text):
        stripped = match.group().strip()
        if stripped:
            start = match.start() + match.group().index(stripped)
            paragraphs.append(Paragraph(len(paragraphs) + 1, start, start + len(stripped)))
    return paragraphs


def cut_paragraph(text: str, paragraph: Paragraph, cards: list["Card"]) -> list[Piece]:
    """The paragraph as pieces: plain text, highlighted text, and a reference after each
    claim that ends (or is clipped) here.  Overlapping claims share a highlighted piece."""
    inside = [c for c in cards
              if c.start < paragraph.end and c.end > paragraph.start
              or paragraph.start <= c.start <= paragraph.end and c.start == c.end]
    cuts = {paragraph.start, paragraph.end}
    for card in inside:
        cuts.update(min(max(p, paragraph.start), paragraph.end) for p in (card.start, card.end))
        cuts.add(ref_point(text, card, paragraph))
    points = sorted(cuts)
    pieces: list[Piece] = []

    def refs_at(point: int) -> None:
        for card in inside:
            if ref_point(text, card, paragraph) == point and card.paragraph is paragraph:
                pieces.append(Piece(ref=card))

    refs_at(points[0])
    for left, right in zip(points, points[1:]):
        covering = tuple(c for c in inside if c.start <= left and c.end >= right)
        pieces.append(Piece(text=text[left:right], claims=covering))
        refs_at(right)
    return pieces


def ref_point(text: str, card: "Card", paragraph: Paragraph) -> int:
    """Where a claim's reference mark goes: after its end and any closing quotation marks
    that follow (a quotation's claim is the words inside the marks), within the paragraph."""
    point = min(card.end, paragraph.end)
    while point < paragraph.end and text[point] in _CLOSERS:
        point += 1
    return point


# --- one card per claim, beside its paragraph -------------------------------------------


@dataclass
class SourcePassage:
    """A source passage shown beside a claim: its citation, and the aligned excerpt
    marked within the passage's text where it can be found there."""

    citation: str
    heading: str
    before: str
    excerpt: str
    after: str


@dataclass
class FindingView:
    finding: Finding
    article_value: str | None
    source_value: str | None
    diff: list[tuple[str, str]] | None
    citation: str | None

    @property
    def severity(self) -> str:
        return "suppressed" if self.finding.suppressed else self.finding.severity


@dataclass
class Card:
    number: int
    result: ClaimResult
    line: int
    column: int
    findings: list[FindingView]
    passages: list[SourcePassage]
    paragraph: Paragraph | None = None

    @property
    def claim(self):
        return self.result.claim

    @property
    def nearest(self) -> bool:
        """The first passage is only the nearest the source comes to the claim, not one
        that holds it: the card says so, lest an editor read it as support."""
        return self.result.alignment.method == "near"

    @property
    def start(self) -> int:
        return self.result.claim.span.start

    @property
    def end(self) -> int:
        return self.result.claim.span.end

    @property
    def verdict(self) -> str:
        return self.result.verdict

    @property
    def kind(self) -> str:
        return self.result.claim.kind

    @property
    def severity(self) -> str:
        """The worst finding not suppressed, or ``none``: what the severity filter reads."""
        live = [f.finding.severity for f in self.findings if not f.finding.suppressed]
        return max(live, key=SEVERITY_RANK.__getitem__) if live else "none"


def show_value(value: Any) -> str | None:
    """A finding's value as a reader would write it: 5 not 5.0, fields as ``key: value``."""
    if value is None or value == "":
        return None
    if is_dataclass(value) and not isinstance(value, type):
        value = as_plain(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    if isinstance(value, dict):
        parts = [f"{k.replace('_', ' ')}: {show_value(v)}" for k, v in value.items()
                 if show_value(v) is not None]
        return "; ".join(parts) or None
    if isinstance(value, (list, tuple)):
        parts = [p for p in (show_value(v) for v in value) if p is not None]
        return ", ".join(parts) or None
    return str(value)


def source_passage(source: Document | None, passage_id: str, excerpt: str) -> SourcePassage:
    passage = source.passage(passage_id) if source else None
    text = passage.text if passage else excerpt
    at = text.find(excerpt) if excerpt else -1
    if at < 0 or excerpt == text:
        before, marked, after = "", text, ""
    else:
        before, marked, after = text[:at], excerpt, text[at + len(excerpt):]
    return SourcePassage(citation=citation(source, passage_id),
                         heading=passage.heading if passage else "",
                         before=before, excerpt=marked, after=after)


def misquote_diff(finding: Finding, result: ClaimResult) -> list[tuple[str, str]] | None:
    """Article words against source words, for a misquote finding only."""
    if finding.code != "QUO01":
        return None
    payload = result.claim.payload
    article = finding.article_value if isinstance(finding.article_value, str) else \
        getattr(payload, "content", None)
    best = result.alignment.best
    source = finding.source_value if isinstance(finding.source_value, str) else \
        (best.text if best else None)
    if not article or not source:
        return None
    return word_diff(article, source)


def build_card(number: int, result: CheckResult, claim_result: ClaimResult,
               source: Document | None) -> Card:
    line, column = result.article.line_col(claim_result.claim.span.start)
    findings = [FindingView(finding=f, article_value=show_value(f.article_value),
                            source_value=show_value(f.source_value),
                            diff=misquote_diff(f, claim_result),
                            citation=citation(source, f.passage) if f.passage else None)
                for f in claim_result.findings]
    # The aligned passage first, then any other passage a finding cites.
    passages: list[SourcePassage] = []
    seen: set[str] = set()
    best = claim_result.alignment.best
    if best is not None:
        seen.add(best.passage)
        passages.append(source_passage(source, best.passage, best.text))
    for finding in claim_result.findings:
        if finding.passage and finding.passage not in seen:
            seen.add(finding.passage)
            passages.append(source_passage(source, finding.passage, ""))
    return Card(number, claim_result, line, column, findings, passages)


@dataclass
class Fix:
    """A finding as the page opens on it: what is wrong, the article's words beside the
    source's (a misquote's words struck out and put in; a figure's two values), the
    passage cited, and the card whose place in the article it links to."""

    card: Card
    view: FindingView
    article_words: list[tuple[str, str]]
    source_words: list[tuple[str, str]]
    passage: SourcePassage | None

    @property
    def severity(self) -> str:
        return self.view.severity

    @property
    def article_value(self) -> str | None:
        """The article's value, unless its words already show it (a name, a misquote)."""
        return _unless_shown(self.view.article_value, "".join(t for _, t in self.article_words))

    @property
    def source_value(self) -> str | None:
        shown = "".join(t for _, t in self.source_words)
        if self.passage:
            shown += self.passage.before + self.passage.excerpt + self.passage.after
        return _unless_shown(self.view.source_value, shown)


def _unless_shown(value: str | None, shown: str) -> str | None:
    return None if value is None or value.casefold() in shown.casefold() else value


def article_words(text: str, claim) -> list[tuple[str, str]]:
    """The claim's sentence with the claim marked in it (the claim alone when the
    sentence is not known)."""
    sentence = claim.sentence
    if sentence is None or not sentence.contains(claim.span):
        return [("mark", claim.text)]
    return [(op, piece) for op, piece in (
        ("equal", text[sentence.start:claim.span.start].lstrip()),
        ("mark", text[claim.span.start:claim.span.end]),
        ("equal", text[claim.span.end:sentence.end].rstrip())) if piece]


def fixes_of(cards: list[Card], text: str) -> list[Fix]:
    """Every finding not suppressed, worst first, then in the article's order."""
    fixes = []
    for card in cards:
        for view in card.findings:
            if view.finding.suppressed:
                continue
            cited = view.citation or (card.passages[0].citation if card.passages else None)
            passage = next((p for p in card.passages if p.citation == cited), None)
            if view.diff:
                article = [(op, t) for op, t in view.diff if op != "ins"]
                source = [(op, t) for op, t in view.diff if op != "del"]
            else:
                article, source = article_words(text, card.claim), []
            fixes.append(Fix(card, view, article, source, passage))
    return sorted(fixes, key=lambda f: -SEVERITY_RANK[f.view.finding.severity])


# --- the page -------------------------------------------------------------------------


def title_of(document: Document) -> str:
    """The document's own title, else its first line (an article's headline)."""
    title = str(document.meta.get("title") or "").strip()
    if not title:
        first = next((line.strip() for line in document.text.splitlines() if line.strip()), "")
        title = first or one_line(document.uri)
    return title if len(title) <= 160 else title[:159] + "…"


def article_view(result: CheckResult) -> dict[str, Any]:
    source = chosen_source(result)
    ordered = sorted(result.claims, key=lambda c: (c.claim.span.start, c.claim.span.end))
    cards = [build_card(n, result, c, source) for n, c in enumerate(ordered, 1)]
    paragraphs = paragraphs_of(result.article.text)
    if not paragraphs:
        paragraphs = [Paragraph(1, 0, len(result.article.text))]
    for card in cards:
        # a claim belongs to the paragraph it starts in (or the next, if it starts in a gap)
        card.paragraph = next((p for p in paragraphs if card.start < p.end), paragraphs[-1])
        card.paragraph.cards.append(card)
    for paragraph in paragraphs:
        paragraph.pieces = cut_paragraph(result.article.text, paragraph, cards)
    filter_counts = {
        "severity": Counter(c.severity for c in cards),
        "verdict": Counter(c.verdict for c in cards),
        "kind": Counter(c.kind for c in cards),
    }
    summary = Summary.of(result)
    return {
        "result": result,
        "summary_line": summary_line(summary),
        "verdict_line": verdict_line(summary),
        "fixes": fixes_of(cards, result.article.text),
        "title": title_of(result.article),
        "source": source,
        "source_title": title_of(source) if source else None,
        "relation_label": RELATION_LABEL.get(result.relation.verdict, result.relation.verdict),
        "paragraphs": paragraphs,
        "cards": cards,
        "filters": [
            ("severity", "Severity", [(s, SEVERITY_LABEL[s], SEVERITY_ICON[s],
                                       filter_counts["severity"][s])
                                      for s in ("error", "warning", "info", "none")
                                      if filter_counts["severity"][s]]),
            ("verdict", "Verdict", [(v, VERDICT_LABEL.get(v, v), VERDICT_ICON.get(v, ""),
                                     filter_counts["verdict"][v])
                                    for v in sorted(filter_counts["verdict"], key=verdict_rank)]),
            ("kind", "Kind", [(k, KIND_LABEL.get(k, k), "", filter_counts["kind"][k])
                              for k in sorted(filter_counts["kind"], key=_kind_rank)]),
        ],
    }


def _kind_rank(kind: str) -> tuple[int, str]:
    return (KINDS.index(kind) if kind in KINDS else len(KINDS), kind)


def css_token(value: str) -> str:
    """A value as a class-name suffix: known vocabulary passes, anything else is 'other'."""
    return value if re.fullmatch(r"[a-z_]+", value or "") else "other"


@cache
def template_environment() -> Environment:
    """The reports' Jinja2 environment (autoescaping, the shared labels and filters),
    for the check report and the compare page alike."""
    env = Environment(loader=PackageLoader("checker.report", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["token"] = css_token
    env.filters["one_line"] = one_line  # a path shown with its line breaks as escapes
    env.globals.update(SEVERITY_LABEL=SEVERITY_LABEL, SEVERITY_ICON=SEVERITY_ICON, KIND_LABEL=KIND_LABEL,
                       VERDICT_LABEL=VERDICT_LABEL, VERDICT_ICON=VERDICT_ICON,
                       RELATION_LABEL=RELATION_LABEL, version=__version__)
    return env


@cache
def template_asset(name: str) -> str:
    """A stylesheet or script of templates/, to inline into a self-contained page."""
    return resources.files("checker.report").joinpath("templates", name).read_text("utf-8")


def csp_hash(content: str) -> str:
    """The Content-Security-Policy hash that lets exactly this inline style or script run."""
    digest = hashlib.sha256(content.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _page(template: str, now: datetime | None, with_script: bool, **context: Any) -> str:
    style = css_variables() + template_asset("report.css")
    script = template_asset("report.js") if with_script else ""
    csp = ("default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
           f"style-src {csp_hash(style)}; "
           f"script-src {csp_hash(script) if script else chr(39) + 'none' + chr(39)}")
    generated = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return template_environment().get_template(template).render(
        style=Markup(style), script=Markup(script), csp=csp, generated=generated, **context)


def render_article(result: CheckResult, index_href: str | None = None,
                   now: datetime | None = None) -> str:
    """One article's page; ``index_href`` links back to the index of a multi-article run."""
    return _page("article.html.j2", now, True, index_href=index_href, **article_view(result))


def render_index(entries: list[tuple[str, CheckResult]], now: datetime | None = None) -> str:
    """The page listing each article (its file name, result): its source, whether it has
    errors or warnings, its counts in words.  A list, not a table, so it fits a phone."""
    rows = []
    for href, result in entries:
        summary, source = Summary.of(result), chosen_source(result)
        mark = ("has-errors" if summary.by_severity.get("error") else
                "has-warnings" if summary.by_severity.get("warning") else "clean")
        rows.append({"href": href, "title": title_of(result.article), "result": result,
                     "mark": mark, "summary_line": summary_line(summary), "source": source,
                     "source_title": title_of(source) if source else None,
                     "relation_label": RELATION_LABEL.get(result.relation.verdict,
                                                          result.relation.verdict)})
    sources = {row["source"].uri if row["source"] else None for row in rows}
    common = rows[0]["source"] if len(sources) == 1 and rows and rows[0]["source"] else None
    total = sum((Summary.of(r) for _, r in entries), Summary())
    return _page("index.html.j2", now, False, rows=rows, summary_line=summary_line(total),
                 common_source=common, common_source_title=title_of(common) if common else None)


def slug(text: str, limit: int = 48) -> str:
    """Lower-case words joined by hyphens, cut at a word boundary within ``limit``."""
    joined = "-".join(re.findall(r"[a-z0-9]+", text.lower()))
    if len(joined) > limit:
        cut = joined[:limit + 1]
        joined = cut.rsplit("-", 1)[0] if "-" in cut else joined[:limit]
    return joined or "article"


def page_names(run: RunResult, index_name: str) -> list[str]:
    """``report.html`` -> ``report-1-<article>.html``, ``report-2-...``: beside the index,
    numbered in the order the articles were given so names never collide."""
    stem, suffix = PurePath(index_name).stem, PurePath(index_name).suffix or ".html"
    return [f"{stem}-{n}-{slug(PurePath(r.article.uri).stem)}{suffix}"
            for n, r in enumerate(run.results, 1)]


def pages(run: RunResult, index_name: str = "report.html",
          now: datetime | None = None) -> dict[str, str]:
    """File name -> page.  One article: just its page under ``index_name``.  Several: one
    page each plus the index under ``index_name``; the index comes last."""
    if len(run.results) == 1:
        return {index_name: render_article(run.results[0], now=now)}
    names = page_names(run, index_name)
    out = {name: render_article(r, index_href=index_name, now=now)
           for name, r in zip(names, run.results)}
    out[index_name] = render_index(list(zip(names, run.results)), now=now)
    return out


def render(run: RunResult, now: datetime | None = None, **_: Any) -> str:
    """The page of a one-article run (what ``--format html`` prints without ``-o``)."""
    if len(run.results) != 1:
        raise UsageError("the HTML report of several articles is one page each plus an "
                         "index: give -o FILE.html to write them")
    return render_article(run.results[0], now=now)


def write(run: RunResult, path: str | Path, now: datetime | None = None,
          **_: Any) -> list[Path]:
    """Write every page (each whole or not at all, the index last so it never links to
    a page not yet written); returns the paths written, index last."""
    target = Path(path)
    written = []
    for name, content in pages(run, target.name, now=now).items():
        write_atomic(target.with_name(name), content)
        written.append(target.with_name(name))
    return written
