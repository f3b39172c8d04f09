"""The journalist's view in a terminal: what to fix, where, and what the source says.

Findings come first, grouped by article, each on its line and column with the source
passage it rests on; then one summary line in words ("2 errors, 1 warning; 48 of 61
checkable claims confirmed").  Internal words (alignment methods and scores, verdict
names, rule names) appear only with ``verbose``, which also lists every claim.  Colour
only when asked (the CLI decides from the terminal, ``NO_COLOR`` and ``FORCE_COLOR``);
lines are wrapped to ``width`` when one is given, with a hanging indent, and left whole
otherwise so that a pipe or a log gets one finding per line.
"""

from __future__ import annotations

import io
import os
import shutil
import textwrap
from typing import Any

from rich.console import Console
from rich.markup import escape

from checker.model import CheckResult, ClaimResult, Finding, RunResult
from checker.report.wording import (SEVERITY_WORD, against, chosen_source, citation,
                                    summary_line, verdict_words)
from checker.textnorm import one_line

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_NO_WRAP = 10_000  # a width no line reaches: rich must not wrap what we laid out


def render(run: RunResult, color: bool = False, verbose: bool = False,
           width: int | None = None, **_: Any) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=_NO_WRAP,
                      highlight=False, soft_wrap=True)
    out = _Lines(console, width)
    spaced = True
    for result in run.results:
        spaced = _render_one(out, result, verbose)
    if not spaced:
        console.print()
    out.print("", summary_line(run.summary), style="bold")
    return buffer.getvalue()


def terminal_options(stream: Any, color: bool | None) -> dict[str, Any]:
    """Colour and width for output to ``stream``: ``--color``/``--no-color`` when given,
    else no colour if ``NO_COLOR`` is set, colour if ``FORCE_COLOR`` is (both as
    no-color.org and force-color.org define them), else colour on a terminal.  The width
    is ``COLUMNS`` or the terminal's; a file (``stream`` None) or a pipe is not wrapped."""
    tty = bool(getattr(stream, "isatty", lambda: False)())
    if color is None:
        color = (False if os.environ.get("NO_COLOR") else
                 True if os.environ.get("FORCE_COLOR") else tty)
    columns = os.environ.get("COLUMNS", "") if stream is not None else ""
    width = int(columns) if columns.isdigit() else (shutil.get_terminal_size().columns if tty else None)
    return {"color": color, "width": width}


class _Lines:
    """Prints a line as a styled lead (location, severity) and plain text wrapped after it."""

    def __init__(self, console: Console, width: int | None) -> None:
        self.console, self.width = console, width

    def print(self, lead: str, text: str, style: str = "", indent: int | None = None) -> None:
        indent = len(lead) if indent is None else indent
        pieces = [text]
        if self.width and self.width - indent >= 20:
            pieces = textwrap.wrap(text, self.width - indent, break_on_hyphens=False) or [""]
        for n, piece in enumerate(pieces):
            line = escape(lead if n == 0 else " " * indent) + escape(piece)
            self.console.print(f"[{style}]{line}[/]" if style else line)


def _render_one(out: _Lines, result: CheckResult, verbose: bool) -> bool:
    """One article's group; returns whether it ended with a blank line (an article
    with nothing to show is one line, so a batch of clean drafts stays compact)."""
    shown = [(c, f) for c in result.claims for f in c.findings if not f.suppressed]
    name = one_line(result.article.uri)
    about = against(result)
    if not shown and not verbose:
        out.print("", f"{name}{about}: no findings")
        return False
    out.print("", f"{name}{about}", style="bold")
    if verbose:
        for reason in result.relation.reasons:
            out.print("    - ", reason)
    for claim_result, finding in shown:
        _finding(out, result, claim_result, finding, verbose)
    if verbose:
        for claim_result in result.claims:
            _claim(out, result, claim_result)
    out.console.print()
    return True


def _finding(out: _Lines, result: CheckResult, claim_result: ClaimResult, finding: Finding,
             verbose: bool) -> None:
    lead = _where(*result.article.line_col(claim_result.claim.span.start))
    label = f"{SEVERITY_WORD[finding.severity]:<8}"
    code = f" [{finding.code}{' ' + finding.name if verbose else ''}]"
    out.console.print(f"{escape(lead)}[{_STYLE[finding.severity]}]{label}[/]", end="")
    out.print("", one_line(finding.message) + code, indent=len(lead) + len(label))
    if finding.passage:
        out.print(" " * (len(lead) + len(label)), f"source: {citation(chosen_source(result), finding.passage)}")


def _claim(out: _Lines, result: CheckResult, claim_result: ClaimResult) -> None:
    """Every claim with its verdict and how it was aligned: the ``-v`` listing."""
    claim = claim_result.claim
    line, col = result.article.line_col(claim.span.start)
    best = claim_result.alignment.best
    how = ("the nearest passage" if claim_result.alignment.method == "near"
           else f"aligned by {claim_result.alignment.method}")
    aligned = f" ← {citation(chosen_source(result), best.passage)}, {how} ({best.score:.2f})" if best else ""
    out.print(f"{_where(line, col)}{claim.kind:<10}",
              f"{verdict_words(claim_result)}: {_short(claim.text)}{aligned}")


def _where(line: int, col: int) -> str:
    """'  11:42    ': the location column findings and claims share."""
    return f"{f'  {line}:{col}':<10} "


def _short(text: str, width: int = 70) -> str:
    text = one_line(" ".join(text.split()))
    return text if len(text) <= width else text[: width - 1] + "…"
