"""Word-level differences between what an article quotes and what the source says.

A misquote is usually one or two words ("care leaders" for "care leavers"), so the diff
works on words and punctuation, not characters: a reader sees the whole wrong word struck
out and the right one beside it, as a sub-editor would mark it.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Literal

Op = Literal["equal", "del", "ins"]

_TOKEN = re.compile(r"\s+|\w+(?:['’]\w+)*|[^\w\s]")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(article: str, source: str) -> list[tuple[Op, str]]:
    """Chunks that turn ``article`` into ``source``: equal text, deleted and inserted words.

    Changed words separated only by spaces form one change, so the page shows
    ``<del>two words</del><ins>other words</ins>`` rather than alternating single words.
    """
    old, new = tokens(article), tokens(source)
    ops = [(tag, "".join(old[i1:i2]), "".join(new[j1:j2]))
           for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes()]
    chunks: list[tuple[Op, str]] = []
    removed = added = ""

    def flush() -> None:
        nonlocal removed, added
        # White space alone is never shown as struck out or inserted.
        if removed.strip():
            chunks.append(("del", removed))
        if added.strip():
            chunks.append(("ins", added))
        elif added and not removed.strip():
            chunks.append(("equal", added))
        removed = added = ""

    for index, (tag, old_text, new_text) in enumerate(ops):
        if tag != "equal":
            removed, added = removed + old_text, added + new_text
        elif (removed or added) and old_text.isspace() and index + 1 < len(ops):
            # the space between two changed words joins them into one change
            removed, added = removed + old_text, added + old_text
        else:
            flush()
            chunks.append(("equal", old_text))
    flush()
    return chunks
