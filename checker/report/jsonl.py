"""One JSON result per line (the ``--format json`` object of each article), so a CI
step can stream a batch of drafts into ``jq`` or a log store one article at a time.
An input error is one line ``{"schema": ..., "error": {"type", "message"}}``."""

from __future__ import annotations

import json
from typing import Any

from checker.model import RunResult
from checker.report.jsonout import error_to_dict, result_to_dict


def render(run: RunResult, **_: Any) -> str:
    return "".join(json.dumps(result_to_dict(r), ensure_ascii=False) + "\n" for r in run.results)


def render_error(error: Exception) -> str:
    return json.dumps(error_to_dict(error), ensure_ascii=False) + "\n"
