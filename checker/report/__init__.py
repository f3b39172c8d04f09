"""Reporters: each a small module with ``render(run, **options) -> str`` over the one
:class:`~checker.model.RunResult`.  The registry maps a ``--format`` name to its module,
imported only when chosen so that ``checker --help`` stays fast."""

from __future__ import annotations

import importlib
from typing import Any

from checker.model import RunResult

FORMATS: dict[str, str] = {
    "text": "checker.report.text",
    "json": "checker.report.jsonout",
    "line": "checker.report.line",
    "html": "checker.report.html",
    "jsonl": "checker.report.jsonl",
    "sarif": "checker.report.sarif",
    "github": "checker.report.github",
    "junit": "checker.report.junit",
    "rdjsonl": "checker.report.rdjsonl",
}


def render(run: RunResult, fmt: str, **options: Any) -> str:
    module = importlib.import_module(FORMATS[fmt])
    return module.render(run, **options)


def reports_errors(fmt: str) -> bool:
    """Has the format a place for an input error (a SARIF notification, a JUnit error, a
    JSON object)?  The formats people read (text, line, html) have not: for them an
    input error is the line on stderr alone."""
    return hasattr(importlib.import_module(FORMATS[fmt]), "render_error")


def render_error(fmt: str, error: Exception) -> str | None:
    """The error in the format's own terms, for formats a machine reads; None where the
    format has no place for one."""
    module = importlib.import_module(FORMATS[fmt])
    return module.render_error(error) if reports_errors(fmt) else None


def write(run: RunResult, fmt: str, path: str, **options: Any) -> list[str]:
    """Write the report to ``path``, each file whole or not at all.  A format that makes
    several files (html with several articles: an index and a page each) has its own
    ``write``; the others write their one rendered text.  Returns the files written."""
    module = importlib.import_module(FORMATS[fmt])
    if hasattr(module, "write"):
        return [str(p) for p in module.write(run, path, **options)]
    from checker.outfile import write_atomic

    write_atomic(path, module.render(run, **options))
    return [path]
