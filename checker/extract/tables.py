"""Figures in statistical tables, keyed by their row and column headers.

A release's table flattened to text reads "Jun 121.4 0.4 3.1" under a "2012" line and a
header "Index 1-month rate 12-month rate": three figures for June 2012, the last of them
the 12-month rate, 3.1%.  Prose reading finds three bare numbers there; this reader
gives each cell the period of its row (the year inherited from the line or heading above
the table), the measure of its column, and a per cent unit where the column is a rate.
Rows are lines of a label and two or more numbers, or tab-separated table rows.
"""

from __future__ import annotations

import re

from checker.extract.periods import parse_period
from checker.model import Passage, Period, Quantity

_NUMBER = r"-?\d[\d,]*(?:\.\d+)?%?"
_ROW = re.compile(rf"^(?P<label>[^\d\s][^\t]*?)\s+(?P<cells>{_NUMBER}(?:\s+{_NUMBER})+)\s*$")
_YEAR_LINE = re.compile(r"^\s*((?:19|20)\d\d(?:\s?[-/–]\s?\d\d(?:\d\d)?)?)\s*$")
_CELL_SPLIT = re.compile(r"\t|\s+—\s+|\s{2,}")
_RATE = re.compile(r"%|\brate\b|per\s?cent|percentage|\bchange\b|growth", re.I)
_MONEY = re.compile(r"£|\bpounds?\b|\bGBP\b")


def _cells(passage: Passage) -> tuple[str, list[str]] | None:
    """(row label, numeric cells) of a table row, or None if the passage is no row."""
    text = passage.text.replace(" — ", "  ").strip()
    match = _ROW.match(text)
    if not match:
        return None
    return match.group("label").strip(), match.group("cells").split()


def _header(passage: Passage | None, columns: int) -> list[str]:
    """Column names from the line above a table when it names as many columns as the
    rows have numbers (with or without a name for the label column)."""
    if passage is None:
        return []
    names = [c.strip() for c in _CELL_SPLIT.split(passage.text.strip()) if c.strip()]
    if len(names) == columns + 1:
        names = names[1:]
    return names if len(names) == columns else []


def _value(cell: str) -> float:
    return float(cell.rstrip("%").replace(",", ""))


def read_tables(passages: list[Passage]) -> dict[int, list[tuple[Quantity, str, str]]]:
    """Figures of every table row, by passage index: (quantity, the row as text, the
    words that say what the cell is: the table's heading, its column and its row).

    A table starts at the first row after other text; the line of text before it names
    its columns, and its heading is that line's heading.  A line that is only a year
    ('2012') dates the rows below it."""
    out: dict[int, list[tuple[Quantity, str, str]]] = {}
    year = ""
    header: list[str] = []
    heading = ""
    above: Passage | None = None  # the last line of text that is neither a row nor a year
    in_table = False
    for i, passage in enumerate(passages):
        year_line = _YEAR_LINE.match(passage.text)
        if year_line:
            year = year_line.group(1)
            continue
        row = _cells(passage)
        if row is None:
            above, in_table = passage, False
            continue
        label, cells = row
        if not in_table:
            header = _header(above, len(cells))
            heading = above.heading if above is not None and above.heading != above.text else \
                (above.text if above is not None else "")
            if not year:
                dated = parse_period(heading)
                year = dated.end[:4] if dated and dated.dated and dated.end[:4].isdigit() else ""
            in_table = True
        period = _row_period(label, year)
        figures = []
        for k, cell in enumerate(cells):
            column = header[k] if k < len(header) else ""
            unit = "%" if cell.endswith("%") or _RATE.search(column) else \
                "GBP" if _MONEY.search(f"{column} {heading}") else ""
            measure = " ".join(part for part in (column, "" if period else label) if part)
            figures.append((Quantity(value=_value(cell), unit=unit, measure=measure, period=period,
                                     text=cell), passage.text, f"{heading} {column} {label}"))
        out[i] = figures
    return out


def _row_period(label: str, year: str) -> Period | None:
    """The period a row label names ('Jun' under 2012, 'Q1 2022', '2014-15'), else None."""
    period = parse_period(f"{label} {year}".strip()) if year else None
    if period is None or not period.dated:
        period = parse_period(label) or parse_period(f"in {label}")
    return period if period is not None and period.dated else None
