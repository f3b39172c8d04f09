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
}


def render(run: RunResult, fmt: str, **options: Any) -> str:
    module = importlib.import_module(FORMATS[fmt])
    return module.render(run, **options)
