"""The compare formats: ``--format`` name to reporter module, imported only when chosen.

Each module has ``render(comparison, **options) -> str``; a format that writes several
files would add ``write``.  Files are written whole or not at all.
"""

from __future__ import annotations

import importlib
from typing import Any

from checker.outlets.coverage import Comparison

COMPARE_FORMATS: dict[str, str] = {
    "text": "checker.report.compare_text",
    "json": "checker.report.compare_json",
    "csv": "checker.report.compare_csv",
    "html": "checker.report.compare_html",
}


def render(comparison: Comparison, fmt: str, **options: Any) -> str:
    return importlib.import_module(COMPARE_FORMATS[fmt]).render(comparison, **options)


def write(comparison: Comparison, fmt: str, path: str, **options: Any) -> None:
    from checker.outfile import write_atomic

    write_atomic(path, render(comparison, fmt, **options))
