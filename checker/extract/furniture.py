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

_ALWAYS = re.compile(
    r"""^[-•*\s]*published\s*\d{0,2}\b.*$ | ^[-•*\s]*published\s*$ |      # related-story date lists
        \bfrom\s*[£$€]\s?\d+(?:\.\d+)?\s*/\s*(?:month|year|week)\b |         # price per period
        \ball\s+rights\s+reserved\b | © | \b(?:website|web|site)\s+design\s+by\b |
        \bmarket\s+research\s+by\b""",
    re.I | re.X,
)
# Promotion and navigation words: furniture only on a short line of their own (a story
# may well say that carers can "sign up" to a scheme or that a board's membership grew).
_SHORT = re.compile(
    r"""^[-•*\s]*subscribe\b | \bsign\s+up\b | \bnewsletter\b | \bmembership\b | \bcookies?\b |
        ^[-•*\s]*(?:related|most\s+read|more\s+on\s+this|share\s+this|follow\s+us|read\s+more)\b |
        ^[-•*\s]*latest\s+(?:digital|print|online)\b | ^[-•*\s]*archive\s+of\b |
        ^[-•*\s]*themed\s+supplements\b | ^[-•*\s]*unlimited\s+access\b |
        \b(?:credit|photo(?:graph)?|picture|image)s?\s*:\s*\S""",
    re.I | re.X,
)
SHORT_LINE_WORDS = 8
# Signals that the story has ended: what follows is promotion or other stories.
_END = re.compile(r"\[\.\.\.\]|…\s*$|\.\.\.\s*$|^\s*more\s+to\s+follow\s*$", re.I)


def _is_furniture_line(text: str) -> bool:
    if _ALWAYS.search(text):
        return True
    sentence = text.rstrip().endswith((".", "!", "?", '"', "”"))
    return not sentence and len(text.split()) <= SHORT_LINE_WORDS and bool(_SHORT.search(text))


def furniture_passages(passages: tuple[Passage, ...]) -> set[int]:
    """Indexes of the article passages that are page furniture."""
    found: set[int] = set()
    total = len(passages)
    for passage in passages:
        line = _is_furniture_line(passage.text)
        if line:
            found.add(passage.index)
        # the tail only: never the story's first passage (a stored page cut off '...')
        if passage.index >= max(1, total // 2) and (_END.search(passage.text)
                                                     or (line and _SHORT.search(passage.text))):
            found.update(range(passage.index, total))
            break
    return found
