"""One JSON result per line (the ``--format json`` object of each article), so a CI
step can stream a batch of drafts into ``jq`` or a log store one article at a time.
A draft that could not be checked is one line ``{"schema", "article": {"path"},
"error": {"type", "message"}}``, after the results; an error that stops the whole run is
the same object without ``article``."""

from __future__ import annotations

from typing import Any

from checker.model import RunResult
from checker.report.jsondump import dumps
from checker.report.jsonout import error_to_dict, failure_to_dict, result_to_dict


def render(run: RunResult, **_: Any) -> str:
    lines = [*map(result_to_dict, run.results), *map(failure_to_dict, run.failures)]
    return "".join(dumps(line) + "\n" for line in lines)


def render_error(error: Exception) -> str:
    return dumps(error_to_dict(error)) + "\n"
