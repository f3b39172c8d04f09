"""JSON as every report writes it: UTF-8 as it is (names and quotations stay readable),
except the three characters that end a line for many readers though JSON lets them
stand raw in a string (U+0085, U+2028, U+2029).  They are written as escapes, so that a
JSON Lines report keeps one object a line and no article or file name can begin a line
of output (a workflow command, a forged finding).  The data is the same."""

from __future__ import annotations

import json
from typing import Any

_LINE_ENDS = str.maketrans({"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def dumps(value: Any, indent: int | None = None) -> str:
    """``json.dumps`` with ``ensure_ascii=False``, line-ending characters escaped (they
    occur only inside strings, where the escape means the same character)."""
    return json.dumps(value, indent=indent, ensure_ascii=False).translate(_LINE_ENDS)
