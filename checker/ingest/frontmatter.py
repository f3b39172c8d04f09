"""Front matter of a draft, as CMSs write it: a YAML block between ``---`` lines (Jekyll,
Netlify CMS, Hugo) or a TOML block between ``+++`` lines (Hugo).

Drafts name their report there (``source: ../reports/somerset.pdf``), and a config step
may read other keys.  The block is blanked (spaces, newlines kept), so every offset,
line and column of the body stays that of the file the user edits.

YAML is read by PyYAML in safe mode (no object construction) with no implicit types:
a full loader would turn ``date: 2015-03-27`` into a date, ``no: x`` into ``False: x``
and ``weight: 30`` into a number, none of which a writer meant.  So every scalar is the
string written (folded ``>`` and literal ``|`` scalars, quoted and multi-line ones
included), a list stays a list and a nested map a map.  Anchors and aliases are refused:
they let a few lines expand into a huge value.  TOML's typed values (dates, numbers,
booleans) are turned into the strings TOML writes for them, so both kinds read alike.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from typing import Any

import yaml

from checker.errors import InputError

_YAML_OPEN = re.compile(r"\A(?:\ufeff)?---[ \t]*\n")
_YAML_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_TOML_OPEN = re.compile(r"\A(?:\ufeff)?\+\+\+[ \t]*\n")
_TOML_CLOSE = re.compile(r"^\+\+\+[ \t]*$", re.M)


class FrontMatterError(InputError):
    """Front matter that opens but cannot be read; the CLI reports it as bad input."""


class _StringLoader(yaml.SafeLoader):
    """PyYAML's safe loader with no implicit resolvers: every plain scalar is a str."""

    yaml_implicit_resolvers: dict = {}

    def compose_node(self, parent, index):  # noqa: ANN001 (PyYAML's own signature)
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise FrontMatterError(f"front matter line {mark.line + 2}: YAML aliases (*name) "
                                   "are not read; write the value out")
        return super().compose_node(parent, index)


def _as_strings(value: Any) -> Any:
    """Scalars as the text they were written as; lists and maps kept, keys as strings."""
    if isinstance(value, dict):
        return {str(_as_strings(k)): _as_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_strings(v) for v in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.time)):  # datetime is a date
        return value.isoformat()
    if value is None:
        return ""
    return str(value)


_INDENT = re.compile(r"^[ \t]*", re.M)


def _inner_tabs_as_spaces(block: str) -> str:
    """YAML 1.2 (and Hugo's reader) allow a tab between a value and its comment
    (``weight: 30<TAB>#rem`` in Hugo's own docs); PyYAML's 1.1 scanner stops there.  A
    tab after a line's indentation is read as a space (indentation is left as written)."""
    return "\n".join(line[:end] + line[end:].replace("\t", " ")
                     for line in block.split("\n")
                     for end in [_INDENT.match(line).end()])


def _read_yaml(block: str) -> dict:
    try:
        data = yaml.load(_inner_tabs_as_spaces(block), Loader=_StringLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"front matter line {mark.line + 2}" if mark else "front matter"
        raise FrontMatterError(f"{where}: not valid YAML ({err.problem or err.context})") from err
    except yaml.YAMLError as err:
        raise FrontMatterError(f"front matter: not valid YAML ({err})") from err
    except RecursionError as err:
        raise FrontMatterError("front matter: nested too deeply to be front matter") from err
    if data is None:
        return {}
    if not isinstance(data, dict):
        first = next((n for n, line in enumerate(block.split("\n"), start=2) if line.strip()), 2)
        raise FrontMatterError(f"front matter line {first}: expected 'key: value' lines, "
                               f"got {block.strip().splitlines()[0]!r}")
    return _as_strings(data)


def _read_toml(block: str) -> dict:
    try:
        return _as_strings(tomllib.loads(block))
    except tomllib.TOMLDecodeError as err:
        raise FrontMatterError(f"front matter (TOML): {err}") from err
    except RecursionError as err:
        raise FrontMatterError("front matter: nested too deeply to be front matter") from err


def strings_of(value: Any) -> list[str] | None:
    """A value of a key that expects a list (``source``, ``author``): a string alone or a
    list of strings, as a list; None when it is neither (a map, a list of maps)."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [item for item in value if item.strip()]
    return None


def sources_named(front_matter: dict) -> list[str]:
    """The ``source:`` of a draft's front matter (a path or URL, or a list of them)."""
    named = strings_of(front_matter.get("source", ""))
    if named is None:
        raise FrontMatterError("front matter 'source' must be a path or URL, or a list of them")
    return named


_KINDS = ((_YAML_OPEN, _YAML_CLOSE, _read_yaml), (_TOML_OPEN, _TOML_CLOSE, _read_toml))


def split_front_matter(text: str) -> tuple[dict, str]:
    """The front matter as a dict, and the text with that block blanked out.

    The block keeps its newlines and every other character becomes a space, so the body
    keeps both the line numbers and the character offsets it has in the file.
    Text without front matter comes back unchanged with ``{}``.  An opening ``---`` with
    no closing line is not front matter (a draft may start with a horizontal rule).
    """
    for opening_line, closing_line, read in _KINDS:
        opening = opening_line.match(text)
        if not opening:
            continue
        closing = closing_line.search(text, opening.end())
        if not closing:
            return {}, text
        data = read(text[opening.end():closing.start()])
        end = closing.end()
        return data, mask(text[:end]) + text[end:]
    return {}, text


def mask(text: str) -> str:
    """Every character but newlines turned into a space: same length, same lines."""
    return re.sub(r"[^\n]", " ", text)
