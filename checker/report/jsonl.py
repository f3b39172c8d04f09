"""One JSON result per line (the ``--format json`` object of each article), so a CI
step can stream a batch of drafts into ``jq`` or a log store one article at a time.
An input error is one line ``{"schema": ..., "error": {"type", "message"}}``."""

from __future__ import annotations

from typing import Any

from checker.model import RunResult
from checker.report.jsondump import dumps
from checker.report.jsonout import error_to_dict, result_to_dict


def render(run: RunResult, **_: Any) -> str:
    return "".join(dumps(result_to_dict(r)) + "\n" for r in run.results)


def render_error(error: Exception) -> str:
    return dumps(error_to_dict(error)) + "\n"
