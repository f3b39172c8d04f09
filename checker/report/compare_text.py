"""The compare result for a terminal: per report, a table of its findings by outlet
(articles lettered A, B, C ... so the table fits the terminal's width), then where the
outlets disagree and agree, the errors several made, and the articles listed apart."""

from __future__ import annotations

import io
import shutil
import string
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from checker.model import CheckResult
from checker.outlets.coverage import Comparison, CoverageMap
from checker.textnorm import one_line

ICON = {"confirmed": "✔", "misreported": "✖", "not_mentioned": "·"}
_STYLE = {"confirmed": "green", "misreported": "bold red", "not_mentioned": "dim"}


def letters(count: int) -> list[str]:
    """A, B, ... Z, then AA, AB ...: short column heads for any number of articles."""
    alphabet = string.ascii_uppercase
    return [alphabet[i] if i < 26 else alphabet[i // 26 - 1] + alphabet[i % 26] for i in range(count)]


def render(comparison: Comparison, color: bool = False, width: int | None = None, **_: Any) -> str:
    buffer = io.StringIO()
    width = width or shutil.get_terminal_size((100, 24)).columns
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width,
                      highlight=False)
    for coverage in comparison.maps:
        _render_map(console, coverage)
    if comparison.unattributed:
        console.print("[bold]No report found for[/]")
        for result in comparison.unattributed:
            _apart_line(console, result)
    return buffer.getvalue()


def _render_map(console: Console, coverage: CoverageMap) -> None:
    console.print(f"[bold]Report: {escape(one_line(coverage.source.uri))}[/]")
    heads = letters(len(coverage.articles))
    letter = dict(zip((r.article.uri for r in coverage.articles), heads))
    for head, counts in zip(heads, coverage.counts()):
        console.print(f"  [bold]{head}[/] {escape(counts.article)}: carried {counts.carried} of "
                      f"{len(coverage.points)} findings, {counts.misreported} misreported")
    if not coverage.articles:
        console.print("  No article reports on this report.")
    elif coverage.points:
        table = Table(show_edge=False, pad_edge=False, expand=False)
        table.add_column("report's finding", overflow="fold", ratio=1)
        table.add_column("report says", overflow="fold", ratio=1)
        for head in heads:
            table.add_column(head, justify="center", no_wrap=True)
        for point in coverage.points:
            cells = [coverage.cells[r.article.uri][point.key].verdict for r in coverage.articles]
            table.add_row(escape(short(f"{point.kind}: {point.label}", 60)),
                          escape(short(point.value, 60)),
                          *(f"[{_STYLE[v]}]{ICON[v]}[/]" for v in cells))
        console.print(table)
        console.print("  ✔ confirmed  ✖ misreported  · not mentioned")
        for result in coverage.articles:
            cells = coverage.cells[result.article.uri].values()
            for finding in dict.fromkeys(f for cell in cells for f in cell.findings):
                console.print(f"  [bold red]✖[/] {letter[result.article.uri]} "
                                  f"{escape(finding.code)} {escape(one_line(finding.message))}")
    disagree = coverage.disagreements
    agree = [t for t in coverage.topics if not t.disagree]
    for title, topics in (("Where outlets disagree", disagree), ("Where outlets agree", agree)):
        if topics:
            console.print(f"[bold]{title}[/]")
        for topic in topics:
            report = f" (report: {escape(short(topic.report_value, 60))})" if topic.report_value else \
                " (the report does not say)"
            said = "; ".join(f"{letter[s.article]} {escape(short(s.value, 50))}" for s in topic.said)
            console.print(f"  {topic.kind} {escape(short(topic.label, 50))}{report}: {said}")
    if coverage.shared:
        console.print("[bold]The same error in several articles[/]")
        for error in coverage.shared:
            who = ", ".join(letter[a] for a in error.articles)
            console.print(f"  {escape(error.code)} {escape(error.article_value)} for "
                          f"{escape(error.source_value)}: {who}")
    if coverage.apart:
        console.print("[bold]About another report (listed apart)[/]")
        for result in coverage.apart:
            _apart_line(console, result)
    console.print()


def _apart_line(console: Console, result: CheckResult) -> None:
    reason = f": {result.relation.reasons[0]}" if result.relation.reasons else ""
    console.print(f"  {escape(result.article.uri)}: {result.relation.verdict}{escape(one_line(reason))}")


def short(text: str, width: int) -> str:
    """``text`` on one line, cut with an ellipsis at ``width`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
