"""Front matter of a Markdown draft: the ``---`` block of ``key: value`` lines on top.

Drafts name their report there (``source: ../reports/somerset.pdf``), and a config step
may read other keys.  The block is blanked (spaces, newlines kept), so every offset,
line and column of the body stays that of the file the user edits.

A small parser instead of PyYAML: front matter in drafts is flat ``key: value`` pairs,
quoted strings and lists, and a full YAML loader would turn ``date: 2015-03-27`` or
``no: x`` into types a user did not mean.  Values stay strings (or lists of strings).
"""

from __future__ import annotations

import re

from checker.errors import InputError

_OPEN = re.compile(r"\A(?:\ufeff)?---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_KEY = re.compile(r"^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$")
_ITEM = re.compile(r"^[ \t]+-[ \t]+(.*?)[ \t]*$|^-[ \t]+(.*?)[ \t]*$")


class FrontMatterError(InputError):
    """Front matter that opens but cannot be read; the CLI reports it as bad input."""


def _unquote(value: str) -> str:
    """A scalar as written, without its quotes or a trailing ``# comment``."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        if value[0] == '"':
            return inner.replace('\\"', '"').replace("\\\\", "\\")
        return inner.replace("''", "'")
    return re.sub(r"\s+#.*$", "", value)


def _split_inline_list(value: str) -> list[str]:
    """``[a, "b, c", 'd']`` -> ``['a', 'b, c', 'd']``, commas inside quotes kept."""
    items, current, quote = [], "", ""
    for char in value[1:-1]:
        if quote:
            current += char
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
            current += char
        elif char == ",":
            items.append(current)
            current = ""
        else:
            current += char
    if current.strip():
        items.append(current)
    return [_unquote(item) for item in items if item.strip()]


def _parse_block(block: str) -> dict:
    data: dict = {}
    key = None
    for number, line in enumerate(block.split("\n"), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM.match(line)
        if item and key is not None and isinstance(data.get(key), list):
            value = item.group(1) if item.group(1) is not None else item.group(2)
            data[key].append(_unquote(value))
            continue
        match = _KEY.match(line)
        if not match:
            raise FrontMatterError(f"front matter line {number}: expected 'key: value',"
                                   f" got {line.strip()!r}")
        key, value = match.group(1), (match.group(2) or "")
        if not value:
            data[key] = []  # a block list may follow; an empty key reads as an empty list
        elif value.startswith("[") and value.endswith("]"):
            data[key] = _split_inline_list(value)
        else:
            data[key] = _unquote(value)
    return data


def split_front_matter(text: str) -> tuple[dict, str]:
    """The front matter as a dict, and the text with that block blanked out.

    The block keeps its newlines and every other character becomes a space, so the body
    keeps both the line numbers and the character offsets it has in the file.
    Text without front matter comes back unchanged with ``{}``.  An opening ``---`` with
    no closing line is not front matter (a draft may start with a horizontal rule).
    """
    opening = _OPEN.match(text)
    if not opening:
        return {}, text
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        return {}, text
    data = _parse_block(text[opening.end():closing.start()])
    end = closing.end()
    return data, mask(text[:end]) + text[end:]


def mask(text: str) -> str:
    """Every character but newlines turned into a space: same length, same lines."""
    return re.sub(r"[^\n]", " ", text)
