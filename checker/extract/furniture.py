"""Page furniture: the parts of a news page that are not the story.

Related-link lists ("Published 7 January 2015"), subscription boxes ("From £15 /
month"), blog teasers ("... [...]"), footers ("website design by ...") carry figures and
dates of their own; a claim taken from them would be checked against a report it has
nothing to do with.  Two rules, both general: lines that look like furniture, and the
tail of the page once a strong furniture signal appears in its second half (teasers and
promos come after the story, not inside it).
"""

from __future__ import annotations

import re

from checker.model import Passage

_LINE = re.compile(
    r"""^[-•*\s]*published\s*\d{0,2}\b.*$ |            # related-story date lists
        ^[-•*\s]*published\s*$ |
        \bfrom\s*[£$€]\s?\d+(?:\.\d+)?\s*/\s*(?:month|year|week)\b |   # price per period
        ^[-•*\s]*subscribe\b | \bsign\s+up\b | \bnewsletter\b |
        \bmembership\b | \bcookies?\b | \ball\s+rights\s+reserved\b | ©  |
        \b(?:website|web|site)\s+design\s+by\b | \bmarket\s+research\s+by\b |
        ^[-•*\s]*(?:related|most\s+read|more\s+on\s+this|share\s+this|follow\s+us|read\s+more)\b |
        ^[-•*\s]*latest\s+(?:digital|print|online)\b | ^[-•*\s]*archive\s+of\b |
        ^[-•*\s]*themed\s+supplements\b | ^[-•*\s]*unlimited\s+access\b
    """,
    re.I | re.X,
)
# Signals that the story has ended: what follows is promotion or other stories.
_END = re.compile(
    r"(?:\[\.\.\.\]|…\s*$|\.\.\.\s*$)|\bmembership\b|^[-•*\s]*subscribe\b|^\s*more\s+to\s+follow\s*$",
    re.I,
)


def furniture_passages(passages: tuple[Passage, ...]) -> set[int]:
    """Indexes of the article passages that are page furniture."""
    found: set[int] = set()
    total = len(passages)
    for passage in passages:
        if _LINE.search(passage.text):
            found.add(passage.index)
        if passage.index >= total // 2 and _END.search(passage.text):
            found.update(range(passage.index, total))
            break
    return found
