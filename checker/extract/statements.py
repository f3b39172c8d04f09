"""Check-worthy sentences: the statements a sub-editor would hold against the source.

Every body sentence of some substance is one, whether or not it also holds a figure or
a date, because what it asserts ("Ofsted has found no improvement") is itself checkable.
Sentences that are quotations are left to the quotation reader, unless an outside
speaker is reporting what the report says ("The report does praise ...").
"""

from __future__ import annotations

import re

_ABOUT_SOURCE = re.compile(r"\b(the report|ofsted|inspectors?|the inspection)\b", re.I)
_MIN_WORDS = 5


def is_check_worthy(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text)
    if len(words) < _MIN_WORDS or text.rstrip().endswith("?"):
        return False
    return True


def about_source(text: str) -> bool:
    return bool(_ABOUT_SOURCE.search(text))
