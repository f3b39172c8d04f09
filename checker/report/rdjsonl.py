"""reviewdog's Diagnostic Format, one JSON object a line (``reviewdog -f=rdjsonl``).

reviewdog counts columns in UTF-8 bytes, not characters, so a line with a "£" or a
curly quote before the finding shifts the column: it is computed from the line's text.
Suppressed findings are left out (reviewdog would post them as review comments); an
input error is a diagnostic with no location.
"""

from __future__ import annotations

from typing import Any

from checker.model import Document, RunResult
from checker.report.jsondump import dumps
from checker.report.records import Record, records

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
    return {
        "message": record.message,
        "location": {"path": record.path,
                     "range": {"start": byte_position(article, span.start),
                               "end": byte_position(article, span.end)}},
        "severity": SEVERITIES[finding.severity],
        "source": SOURCE,
        "code": {"value": finding.code},
        "original_output": record.claim_result.claim.text,
    }


def render(run: RunResult, **_: Any) -> str:
    return "".join(dumps(diagnostic(r)) + "\n"
                   for r in records(run, suppressed=False))


def render_error(error: Exception) -> str:
    return dumps({"message": str(error), "severity": "ERROR", "source": SOURCE,
                  "code": {"value": type(error).__name__}}) + "\n"
