"""The compare result for spreadsheets: one row per report finding and article (the
report's side), then one per topic and article (the outlets' side), in one table that
filters by its ``side`` column.  Read from :func:`compare_json.comparison_to_dict`, so
the values are the JSON's.  A text cell that a spreadsheet would run as a formula
(starting ``=``, ``+``, ``-``, ``@``) is written with a leading apostrophe, since article
text is not ours to trust."""

from __future__ import annotations

import csv
import io
from typing import Any

from checker.outlets.coverage import Comparison
from checker.report.compare_json import comparison_to_dict

COLUMNS = ("source", "side", "key", "kind", "label", "report_value", "article", "verdict",
           "article_value", "line", "codes", "message")


def rows(comparison: Comparison) -> list[dict[str, Any]]:
    out = []
    for coverage in comparison_to_dict(comparison)["maps"]:
        source = coverage["source"]["path"]
        for point in coverage["points"]:
            for cell in point["cells"]:
                first = cell["claims"][0] if cell["claims"] else None
                out.append({
                    "source": source, "side": "report", "key": point["key"], "kind": point["kind"],
                    "label": point["label"], "report_value": point["value"],
                    "article": cell["article"], "verdict": cell["verdict"],
                    "article_value": first["text"] if first else "",
                    "line": first["line"] if first else "",
                    "codes": " ".join(f["code"] for f in cell["findings"]),
                    "message": " | ".join(f["message"] for f in cell["findings"]),
                })
        for topic in coverage["topics"]:
            for said in topic["said"]:
                out.append({
                    "source": source, "side": "outlets", "key": topic["key"], "kind": topic["kind"],
                    "label": topic["label"], "report_value": topic["report_value"] or "",
                    "article": said["article"],
                    "verdict": "disagree" if topic["disagree"] else "agree",
                    "article_value": said["value"], "line": said["claim"]["line"],
                    "codes": "", "message": "",
                })
    return out


def inert(value: Any) -> Any:
    """``value`` as a spreadsheet will show it, never run it."""
    return "'" + value if isinstance(value, str) and value[:1] in _FORMULA_STARTS else value


_FORMULA_STARTS = frozenset("=+-@\t\r")


def render(comparison: Comparison, **_: Any) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: inert(v) for k, v in row.items()} for row in rows(comparison))
    return buffer.getvalue()
