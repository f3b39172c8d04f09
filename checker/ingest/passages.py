"""Cutting a source report into the passages a person would cite.

A report reaches us as text with leftovers of its PDF and web origin: ``<p>`` fragments
of summary boxes, ``**bold**``, footnote marks, tab-separated judgement tables.  Each
line is classed (numbered paragraph, bullet, table row, footnote, heading, box) and
cleaned; the passage keeps the raw span it came from so a reader can find it, and a
citation id a person would use: the report's own paragraph number where it has one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from checker.ingest.completeness import ends_open
from checker.model import Passage, Span
from checker.textnorm import SUPERSCRIPTS

_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
_SECTION_ROW = re.compile(r"^(\d{1,2}(?:\.\d{1,2})?)\.?\s+(.*)$")
_BULLET = re.compile(r"^(\s*)(?:[-*•·‣▪–]|\u2022)\s+(.*)$")
_FOOTNOTE = re.compile(rf"^([{SUPERSCRIPTS}]+|\[\d+\])\s*(.+)$")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_BOLD = re.compile(r"(\*\*|__)(.+?)\1")
_MARKS = re.compile(rf"[{SUPERSCRIPTS}]+")
_PARA_TAG = re.compile(r"<p>(.*?)</p>", re.S)


def clean(text: str) -> str:
    """Markup and footnote marks out, white space folded: the text a reader sees."""
    text = _BOLD.sub(r"\2", text)
    text = _TAG.sub(" ", text)
    text = _MARKS.sub("", text)
    return re.sub(r"[ \t\u00a0]+", " ", text).strip()


@dataclass
class _Line:
    start: int
    end: int
    raw: str
    number: int


MAX_LINE = 20_000  # characters: a longer line is cut into passages at sentence ends


def _lines(text: str) -> list[_Line]:
    """The text's lines; one longer than ``MAX_LINE`` (a whole report on one line, a
    hostile file) is cut at the last sentence end or space before each bound, so that
    no passage is too long to parse and time grows with the text, not its layout."""
    out, pos = [], 0
    for number, raw in enumerate(text.split("\n"), start=1):
        for start, end in line_pieces(raw):
            out.append(_Line(pos + start, pos + end, raw[start:end], number))
        pos += len(raw) + 1
    return _rejoined(out)


def _rejoined(lines: list[_Line]) -> list[_Line]:
    """Lines a page's layout broke mid-sentence put back together: a line that stops on a
    word no sentence ends on ("Children's services in Manchester require improvement to
    be") runs on into the next line of text if that starts in lower case ("good"), blank
    lines between or not.  Table rows and summary boxes keep their own lines."""
    out: list[_Line] = []
    for line in lines:
        body = line.raw.strip()
        if not body:
            continue
        last = out[-1] if out else None
        if (last is not None and body[:1].islower() and ends_open(last.raw)
                and not any(mark in last.raw + line.raw for mark in ("\t", "<p>"))):
            out[-1] = _Line(last.start, line.end, f"{last.raw.rstrip()} {body}", last.number)
            continue
        out.append(line)
    return out


def line_pieces(raw: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces of one line, each at most ``MAX_LINE`` long."""
    if len(raw) <= MAX_LINE:
        return [(0, len(raw))]
    pieces, start = [], 0
    while len(raw) - start > MAX_LINE:
        window = raw[start:start + MAX_LINE]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        cut = cut + 2 if cut > MAX_LINE // 2 else (window.rfind(" ") + 1 or MAX_LINE)
        if cut <= MAX_LINE // 4:
            cut = MAX_LINE
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, len(raw)))
    return pieces


def _is_heading(line: str) -> bool:
    """Short, unpunctuated lines standing alone: section titles."""
    stripped = clean(line)
    if not stripped or len(stripped) > 90 or "\t" in line:
        return False
    if stripped[-1] in ".,;" or stripped.count(" ") > 12:
        return False
    return stripped[0].isupper() or stripped[0].isdigit()


class _Builder:
    def __init__(self) -> None:
        self.passages: list[Passage] = []
        self.ids: Counter[str] = Counter()
        self.counters: Counter[str] = Counter()

    def add(self, pid: str, start: int, end: int, text: str, heading: str, kind: str) -> None:
        text = clean(text)
        if not text:
            return
        self.ids[pid] += 1
        if self.ids[pid] > 1:
            pid = f"{pid} ({self.ids[pid]})"
        self.passages.append(
            Passage(id=pid, index=len(self.passages), span=Span(start, end), text=text,
                    heading=heading, kind=kind)
        )

    def numbered(self, section: str) -> int:
        self.counters[section] += 1
        return self.counters[section]


def split_passages(text: str) -> tuple[Passage, ...]:
    """Passages of a report, in document order."""
    builder = _Builder()
    heading = ""
    in_contents = False
    for line in _lines(text):
        raw = line.raw
        body = raw.strip()
        if not body:
            continue
        if "<p>" in raw:
            _add_box(builder, line, heading)
            continue
        if "\t" in raw:
            cells = [clean(c) for c in raw.split("\t") if clean(c)]
            if in_contents or (len(cells) == 2 and cells[1].isdigit()):
                continue  # table of contents: page numbers, not content
            row = _SECTION_ROW.match(cells[0]) if cells else None
            label = row.group(1) if row else str(builder.numbered("row:" + heading))
            builder.add(f"Table row {label}", line.start,
                        line.end, " — ".join(cells), heading, "table_row")
            continue
        footnote = _FOOTNOTE.match(body)
        if footnote and len(body) > 20:
            mark = footnote.group(1).strip("[]")
            number = "".join(str(SUPERSCRIPTS.index(c) + 1) if c in SUPERSCRIPTS else c
                             for c in mark).replace("10", "0")
            builder.add(f"Footnote {number}", line.start, line.end, footnote.group(2),
                        heading, "footnote")
            continue
        numbered = _NUMBERED.match(body)
        if numbered and len(body) > 40:
            builder.add(f"¶{numbered.group(1)}", line.start, line.end, numbered.group(2),
                        heading, "paragraph")
            continue
        bullet = _BULLET.match(raw)
        if bullet:
            n = builder.numbered("bullet:" + heading)
            builder.add(f"{heading or 'List'} • {n}", line.start, line.end,
                        bullet.group(2), heading, "bullet")
            continue
        if _is_heading(raw):
            heading = clean(raw)
            in_contents = heading.lower() == "contents"
            builder.add(f"Heading: {heading}", line.start, line.end, raw, heading, "heading")
            continue
        if in_contents:
            continue
        builder.add(f"line {line.number}", line.start, line.end, raw, heading, "paragraph")
    return tuple(builder.passages)


def _add_box(builder: _Builder, line: _Line, heading: str) -> None:
    """A summary box pasted as ``<p>`` fragments: one passage per fragment."""
    title = ""
    for match in _PARA_TAG.finditer(line.raw):
        fragment = clean(match.group(1))
        if not fragment:
            continue
        if not title and len(fragment) < 40 and not fragment.endswith("."):
            title = fragment
            continue
        n = builder.numbered(f"box:{heading}:{line.start}")
        label = f"{title or 'Box'}: {heading}" if heading else (title or "Box")
        builder.add(f"{label} ¶{n}", line.start + match.start(1), line.start + match.end(1),
                    match.group(1), heading, "box")
