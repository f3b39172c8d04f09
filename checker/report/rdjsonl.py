"""reviewdog's Diagnostic Format, one JSON object a line (``reviewdog -f=rdjsonl``).

reviewdog counts columns in UTF-8 bytes, not characters, so a line with a "£" or a
curly quote before the finding shifts the column: it is computed from the line's text.
A misspelt name or misquoted word carries ``suggestions`` (the source's text in place
of the article's, :mod:`checker.report.fixes`), which reviewdog offers as a suggested
change.  Suppressed findings are left out (reviewdog would post them as review comments); an
input that could not be read is a diagnostic on its file with no range (with no location
at all for an error that stops the whole run).
"""

from __future__ import annotations

from typing import Any

from checker.model import Document, RunResult
from checker.report.fixes import replacements
from checker.report.jsondump import dumps
from checker.report.records import Record, failure_path, records

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
SOURCE = {"name": "checker"}


def byte_position(document: Document, offset: int) -> dict[str, int]:
    """1-based line and UTF-8 byte column of a character offset."""
    line, _ = document.line_col(offset)
    line_start = document.text.rfind("\n", 0, offset) + 1
    return {"line": line, "column": len(document.text[line_start:offset].encode("utf-8")) + 1}


def diagnostic(record: Record) -> dict[str, Any]:
    finding, article = record.finding, record.result.article
    span = record.claim_result.claim.span
    suggestions = [{"range": {"start": byte_position(article, e.start),
                              "end": byte_position(article, e.end)}, "text": e.text}
                   for e in replacements(record)]
    return {
        "message": record.message,
        "location": {"path": record.path,
                     "range": {"start": byte_position(article, span.start),
                               "end": byte_position(article, span.end)}},
        "severity": SEVERITIES[finding.severity],
        "source": SOURCE,
        "code": {"value": finding.code},
        "original_output": record.claim_result.claim.text,
        **({"suggestions": suggestions} if suggestions else {}),
    }


def render(run: RunResult, **_: Any) -> str:
    failures = [_error(f.kind, f.message, failure_path(f)) for f in run.failures]
    return "".join(dumps(d) + "\n"
                   for d in [*failures, *map(diagnostic, records(run, suppressed=False))])


def render_error(error: Exception) -> str:
    return dumps(_error(type(error).__name__, str(error))) + "\n"


def _error(kind: str, message: str, path: str | None = None) -> dict[str, Any]:
    """An input that could not be read: a diagnostic on its file, with no range."""
    diagnostic: dict[str, Any] = {"message": message, "severity": "ERROR", "source": SOURCE,
                                  "code": {"value": kind}}
    if path:
        diagnostic["location"] = {"path": path}
    return diagnostic
