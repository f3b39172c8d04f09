"""The journalist's view: what disagrees, where, and what the source says instead.

Findings first (they are what a person acts on), then a one-line count of claims by
verdict; ``verbose`` lists every claim with its evidence.  Colour only on a terminal.
"""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.markup import escape

from checker.model import CheckResult, RunResult
from checker.textnorm import one_line

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_ICON = {"error": "✖", "warning": "▲", "info": "ℹ"}
_VERDICTS = ("supported", "contradicted", "not_in_source", "out_of_scope", "unchecked")


def render(run: RunResult, color: bool = False, verbose: bool = False, **_: Any) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=100,
                      highlight=False, soft_wrap=True)
    for result in run.results:
        _render_one(console, result, verbose)
    summary = run.summary
    counts = ", ".join(f"{summary.by_severity.get(s, 0)} {s}{'s' if summary.by_severity.get(s, 0) != 1 else ''}"
                       for s in ("error", "warning", "info"))
    suppressed = f", {summary.suppressed} suppressed" if summary.suppressed else ""
    console.print(f"[bold]{summary.articles} article{'s' if summary.articles != 1 else ''}, "
                  f"{summary.claims} claims: {counts}{suppressed}[/]")
    return buffer.getvalue()


def _render_one(console: Console, result: CheckResult, verbose: bool) -> None:
    relation = result.relation
    console.print(f"[bold]{escape(one_line(result.article.uri))}[/]")
    source = escape(one_line(relation.source or (result.sources[0].uri if result.sources else "-")))
    console.print(f"  source: {source}  relation: [bold]{relation.verdict}[/]")
    for reason in relation.reasons:
        console.print(f"    - {escape(reason)}")
    for claim_result in result.claims:
        claim = claim_result.claim
        line, col = result.article.line_col(claim.span.start)
        for finding in claim_result.findings:
            if finding.suppressed:
                continue
            style = _STYLE[finding.severity]
            console.print(f"  [{style}]{_ICON[finding.severity]} {finding.severity}[/] "
                          f"{line}:{col} [bold]{finding.code}[/] {escape(finding.message)}")
            if finding.passage:
                console.print(f"      source {escape(_citation(result, finding.passage))}")
        if verbose:
            best = claim_result.alignment.best
            where = f" ← {escape(best.passage)} ({best.score:.2f})" if best else ""
            console.print(f"  {line}:{col} {claim.kind:9} {claim_result.verdict:13} "
                          f"{escape(_short(claim.text))}{where}")
    counts = {v: 0 for v in _VERDICTS}
    for claim_result in result.claims:
        counts[claim_result.verdict] += 1
    console.print("  claims: " + ", ".join(f"{n} {v.replace('_', ' ')}" for v, n in counts.items() if n))
    console.print()


def _citation(result: CheckResult, passage_id: str) -> str:
    """'¶60', with the page where the source was a PDF: '¶60, p. 14'."""
    for source in result.sources:
        passage = source.passage(passage_id)
        if passage is not None and passage.page:
            return f"{passage_id}, p. {passage.page}"
    return passage_id


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
