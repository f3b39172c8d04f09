"""Is a document's text whole, or does it stop short?

A page fetched or stored only in part, a PDF whose extraction broke off, a copy pasted
up to a limit: their text stops in the middle of a sentence ("... which began in
January 2006. Th").  Of such a source, "it does not say X" cannot be known: X may be
in the part that is missing.  Findings of absence are then notes, not warnings.
"""

from __future__ import annotations

import re

_PROSE_LINE = 40  # characters: a shorter last line is a footer, a heading, a signature
_ENDS_SENTENCE = re.compile(r"[.!?:;)\]\"'\u201d\u2019\u2026]$")


def stops_mid_sentence(text: str) -> bool:
    """Does the text end inside a sentence of prose: a long last line that no sentence
    mark closes?  A short last line ('© Crown copyright 2015', a page number, an
    address) ends many a complete report and says nothing either way."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines:
        return False
    last = lines[-1]
    return len(last) >= _PROSE_LINE and not _ENDS_SENTENCE.search(last)
