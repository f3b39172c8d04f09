"""PDF reports back into the paragraphs their authors wrote.

:mod:`checker.ingest.pdfwords` gives each word with its position and size (PDFium's
characters put into words as pdfplumber would, else pdfplumber's own); from those, lines
are rebuilt (words overlapping vertically), then paragraphs (lines close together, no
new margin number or bullet), across page breaks when a paragraph runs on.  Word
positions were chosen because they keep a paragraph number hanging in the margin on its
paragraph's first line (pdfminer's layout analysis split such numbers off into their
own boxes, and pypdf's line breaks made a year at a line start read as a number).

Also undone: hyphenation at line ends, running headers and footers (lines at the top or
bottom margin that repeat across pages, digits aside), page numbers, and footnote marks
set as raised small digits (turned back into superscript characters).  Table cells far
apart on a line are joined by a tab, which the source splitter reads as a table row.

The text is one paragraph a line with a blank line between, so ``split_passages`` reads
it as it reads the plain-text report; the offsets where pages start give each passage
its page.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from checker.errors import NoTextError

_SUPER = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_MARGIN_NUMBER = re.compile(r"^\d{1,3}\.$")
# (cid:n) is a glyph with no Unicode mapping: in a symbol font at a line start, a bullet
_BULLET = re.compile(r"^(?:[•·▪‣◦●■□❖➢✓–-]|\(cid:\d+\))$")
_NUMBERED_START = re.compile(r"^\d{1,3}\.\s+[A-Z]")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_END_OF_SENTENCE = re.compile(r"[.!?:;\"”’)]$")
MARGIN = 0.09  # top and bottom share of the page where running heads and feet sit


@dataclass
class _Line:
    page: int
    top: float
    bottom: float
    x0: float
    size: float
    x1: float = 0.0
    words: list[dict] = field(default_factory=list)
    text: str = ""
    starts_block: bool = False  # a margin number or bullet opens a new paragraph
    cells: list[float] = field(default_factory=list)  # x0 of each tab-separated cell

    @property
    def height(self) -> float:
        return self.bottom - self.top


def _group_lines(words: list[dict], page: int) -> list[_Line]:
    """Words into lines: a word joins the line it overlaps vertically by half its height."""
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        height = max(word["bottom"] - word["top"], 0.1)
        for line in reversed(lines[-3:]):
            overlap = min(line.bottom, word["bottom"]) - max(line.top, word["top"])
            if overlap >= 0.5 * min(height, line.height):
                line.words.append(word)
                if word["size"] > line.size:  # a raised small mark must not move the line
                    line.top, line.bottom, line.size = word["top"], word["bottom"], word["size"]
                break
        else:
            lines.append(_Line(page, word["top"], word["bottom"], word["x0"], word["size"],
                               words=[word]))
    lines.sort(key=lambda line: line.top)
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
        line.x0, line.x1 = line.words[0]["x0"], line.words[-1]["x1"]
        line.text, line.starts_block = _line_text(line)
        line.cells = [line.x0] + [w["x0"] for w, prev in zip(line.words[1:], line.words)
                                  if w["x0"] - prev["x1"] > 2.2 * line.size]
    return lines


def _line_text(line: _Line) -> tuple[str, bool]:
    """The words of a line as text, and whether the line opens a paragraph.

    Raised small digits become superscripts on their word; a paragraph number or bullet
    hanging in the margin opens a paragraph; cells far apart are joined by a tab.
    """
    parts: list[str] = []
    opens = False
    previous = None
    for word in line.words:
        text = word["text"]
        raised = word["size"] < 0.85 * line.size and word["bottom"] < line.bottom - 0.5
        if raised and text.isdigit():
            parts.append(text.translate(_SUPER))  # a footnote mark sits on its word
            previous = word
            continue
        if previous is not None:
            gap = word["x0"] - previous["x1"]
            first = len(parts) == 1
            if first and _BULLET.match(parts[0]):
                opens = True
                parts[0] = "-"
                parts.append(" ")
            elif first and _MARGIN_NUMBER.match(parts[0]) and gap > 0.6 * line.size:
                opens = True
                parts.append(" ")
            elif gap > 0.15 * line.size:
                parts.append("\t" if gap > 2.2 * line.size else " ")
            # else: split from its neighbour by a change of size only (no space between)
        parts.append(text)
        previous = word
    return "".join(parts), opens


def _furniture(pages: list[list[_Line]], heights: list[float]) -> set[tuple[int, float]]:
    """(page, top) of running headers, footers and page numbers.

    A line in the top or bottom margin zone is furniture if its shape (digits folded)
    recurs on at least half the pages, or if it is a bare page number.
    """
    def shape(text: str) -> str:
        return re.sub(r"\d+", "#", text.strip().lower())

    edge: list[tuple[_Line, str]] = []
    for lines, height in zip(pages, heights):
        for line in lines:
            if line.top < height * MARGIN or line.bottom > height * (1 - MARGIN):
                edge.append((line, shape(line.text)))
    pages_with: dict[str, set[int]] = defaultdict(set)
    for line, line_shape in edge:
        pages_with[line_shape].add(line.page)
    repeated = max(2, (len(pages) + 1) // 2)
    return {(line.page, line.top) for line, line_shape in edge
            if len(pages_with[line_shape]) >= repeated or _PAGE_NUMBER.match(line.text.strip())}


def _join(head: str, tail: str, vocabulary: set[str]) -> str:
    """Two lines of one paragraph as one: ``improve-`` + ``ment`` -> ``improvement``,
    but ``short-`` + ``term`` stays ``short-term`` when the report writes it so elsewhere."""
    broken = re.search(r"(\w+)-$", head)
    rest = re.match(r"[a-z]\w*", tail)
    if not broken or not rest:
        return f"{head} {tail}"
    joined = broken.group(1) + rest.group(0)
    compound = f"{broken.group(1)}-{rest.group(0)}"
    if compound.lower() in vocabulary and joined.lower() not in vocabulary:
        return head + tail
    return head[:-1] + tail


def _continues_cell(row: _Line, line: _Line) -> bool:
    """A line just under a table row, starting where one of its cells starts: the cell
    wrapped."""
    return (len(row.cells) > 1 and len(line.cells) == 1 and row.page == line.page
            and line.top - row.bottom < 0.45 * line.size
            and any(abs(x - line.x0) < 3 for x in row.cells))


def _into_cell(text: str, row: _Line, line: _Line) -> str:
    cells = text.split("\t")
    nearest = min(range(len(row.cells)), key=lambda i: abs(row.cells[i] - line.x0))
    if nearest < len(cells):
        cells[nearest] = f"{cells[nearest]} {line.text}"
    return "\t".join(cells)


def _runs_on(text: str, last: _Line, first: _Line, right_edge: float) -> bool:
    """Does the paragraph ending a page go on at the top of the next?  Yes if it stopped
    mid-sentence, or the next page starts in lower case, or its last line was full to
    the right margin (a paragraph's own last line rarely is) and the next page does not
    open with a paragraph number."""
    if not _END_OF_SENTENCE.search(text) or first.text[:1].islower():
        return True
    return last.x1 >= right_edge - 1.5 * last.size and not _NUMBERED_START.match(first.text)


def _paragraphs(pages: list[list[_Line]], vocabulary: set[str]) -> list[tuple[int, str]]:
    """(page, text) of each paragraph, in reading order."""
    paragraphs: list[list] = []  # [page, text, last line]
    right = {lines[0].page: max(line.x1 for line in lines) for lines in pages if lines}
    for lines in pages:
        for index, line in enumerate(lines):
            last = paragraphs[-1] if paragraphs else None
            if last is None:
                paragraphs.append([line.page, line.text, line])
                continue
            previous: _Line = last[2]
            if _continues_cell(previous, line):
                last[1] = _into_cell(last[1], previous, line)
                last[2] = replace(previous, bottom=line.bottom)
                continue
            if previous.page == line.page:
                gap = line.top - previous.bottom
                joins = gap < 0.45 * line.size
            else:  # first line of a page: runs on if the paragraph had not ended
                joins = index == 0 and _runs_on(last[1], previous, line, right[previous.page])
            joins = (joins and not line.starts_block and "\t" not in line.text
                     and "\t" not in previous.text and abs(line.size - previous.size) < 0.6)
            if joins:
                last[1] = _join(last[1], line.text, vocabulary)
                last[2] = line
            else:
                paragraphs.append([line.page, line.text, line])
    return [(page, text) for page, text, _ in paragraphs]


def read_pdf(data: bytes, location: str) -> tuple[str, dict, list[int]]:
    """(text, metadata, offset where each page starts) of a PDF report.

    A paragraph that runs over a page break belongs to the page it starts on.
    """
    from checker.ingest.pdfwords import read_words

    return text_from_words(*read_words(data, location), location)


def text_from_words(pages_words: list[tuple[list[dict], float]], info: dict,
                    location: str) -> tuple[str, dict, list[int]]:
    """:func:`read_pdf` from the words a reader gave (each page's, with its height) and
    the document information."""
    if not any(words for words, _ in pages_words):
        raise NoTextError(f"{location}: the PDF has no text layer (a scan?); run it through"
                          " OCR (e.g. ocrmypdf) and check the result")
    pages = [_group_lines(words, number) for number, (words, _) in enumerate(pages_words, 1)]
    drop = _furniture(pages, [height for _, height in pages_words])
    pages = [[line for line in lines if (line.page, line.top) not in drop] for lines in pages]
    vocabulary = {w.lower() for lines in pages for line in lines
                  for w in re.findall(r"\w+(?:-\w+)*", line.text)}
    text_parts: list[str] = []
    page_starts = [0] * len(pages)
    seen_page = 0
    offset = 0
    for page, paragraph in _paragraphs(pages, vocabulary):
        while seen_page < page:
            page_starts[seen_page] = offset
            seen_page += 1
        text_parts.append(paragraph)
        offset += len(paragraph) + 2
    for index in range(seen_page, len(pages)):
        page_starts[index] = offset
    meta = {"format": "pdf", "pages": len(pages)}
    for key, name in (("Title", "title"), ("Author", "byline"), ("CreationDate", "created")):
        value = info.get(key)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if value:
            meta[name] = str(value)
    return "\n\n".join(text_parts) + "\n", meta, page_starts
