"""The compare result as one self-contained HTML page: per report, a matrix of its
findings by outlet, each cell coloured by verdict with an icon and a label; a cell that
carried the finding opens to the article's sentence and the report's passage side by
side.  Then the outlets' side (where they disagree and agree), shared errors and the
articles listed apart.

Built like the check report (:mod:`checker.report.html`): the same Jinja2 environment
with autoescaping, the same palette, stylesheet inlined and pinned by hash in a
Content-Security-Policy that forbids every script and network request.  The cells open
with ``<details>``, so the page needs no script at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from markupsafe import Markup

from checker.model import ClaimResult, Document
from checker.outlets.coverage import Comparison, CoverageMap
from checker.report.compare_text import letters, short
from checker.report.html import csp_hash, template_asset, template_environment, title_of
from checker.report.html_palette import css_variables

CELL_LABEL = {"confirmed": "Confirmed", "misreported": "Misreported", "not_mentioned": "Not mentioned"}
CELL_ICON = {"confirmed": "✓", "misreported": "✗", "not_mentioned": "–"}


@dataclass(frozen=True)
class Said:
    """An article's claim as the page shows it: its sentence and where it stands."""

    sentence: str
    line: int


def said_of(article: Document, claim: ClaimResult) -> Said:
    span = claim.claim.sentence or claim.claim.span
    return Said(" ".join(article.text[span.start:span.end].split()),
                article.line_col(claim.claim.span.start)[0])


def map_view(coverage: CoverageMap, number: int) -> dict[str, Any]:
    documents = {r.article.uri: r.article for r in coverage.articles}
    heads = letters(len(coverage.articles))
    columns = [{"letter": h, "uri": r.article.uri, "title": title_of(r.article), "counts": c}
               for h, r, c in zip(heads, coverage.articles, coverage.counts())]
    letter = {c["uri"]: c["letter"] for c in columns}
    rows = []
    for point in coverage.points:
        cells = []
        for column in columns:
            cell = coverage.cells[column["uri"]][point.key]
            cells.append({"verdict": cell.verdict, "letter": column["letter"],
                          "said": [said_of(documents[column["uri"]], c) for c in cell.claims],
                          "findings": cell.findings})
        rows.append({"point": point, "says": short(point.value, 160), "cells": cells})
    topics = [{"topic": t, "said": [{"letter": letter[s.article], "value": s.value,
                                      "sentence": said_of(documents[s.article], s.claim)}
                                     for s in t.said]} for t in coverage.topics]
    facts = coverage.source.facts
    return {"number": number, "source": coverage.source, "title": title_of(coverage.source),
            "subject": facts.subject.name if facts and facts.subject else None,
            "columns": columns, "rows": rows,
            "disagree": [t for t in topics if t["topic"].disagree],
            "agree": [t for t in topics if not t["topic"].disagree],
            "shared": [{"error": e, "letters": [letter[a] for a in e.articles]} for e in coverage.shared],
            "apart": coverage.apart}


def render(comparison: Comparison, now: datetime | None = None, **_: Any) -> str:
    style = css_variables() + template_asset("report.css") + template_asset("compare.css")
    csp = ("default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
           f"style-src {csp_hash(style)}; script-src 'none'")
    generated = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return template_environment().get_template("compare.html.j2").render(
        style=Markup(style), script=Markup(""), csp=csp, generated=generated,
        maps=[map_view(m, n) for n, m in enumerate(comparison.maps, 1)],
        unattributed=comparison.unattributed, CELL_LABEL=CELL_LABEL, CELL_ICON=CELL_ICON)
