"""When a statistic is for: the month a period expression ends in.

A release and an article about it are compared by the period their headline figures are
for, and what decides "the same figures", "next month's" or "last month's" is the month
the period ends: "the 12 months to March 2022", "the year to March", "June to August
2020" and "March 2022" all end in a month.  A period written without its year ("in the
three months to August") keeps the month and leaves the year to the reader.

Windowed expressions (a span or a run-up to a month) are what a figure is "for"; a bare
month ("in March 2021") is often a comparison, so it is told apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)")
_YEAR = r"(?:19|20)\d\d"
_COUNT = r"(?:\d{1,2}|one|two|three|six|nine|twelve)"
# "the 12 months to March 2022", "the year to March", "year ending June 2019",
# "three months to August", "the quarter to June", "12 months through April"
_RUN_UP = re.compile(
    rf"\b(?:{_COUNT}\s+months?|year|quarter)\s+(?:to|ending|ended|through|until)\s+"
    rf"(?P<month>{_MONTH})\b(?:\s+(?P<year>{_YEAR}))?", re.I)
# "June to August 2020", "April-June 2021"
_SPAN = re.compile(rf"\b{_MONTH}\s*(?:to|-|–)\s*(?P<month>{_MONTH})\b(?:,?\s+(?P<year>{_YEAR}))?", re.I)
# "March 2022"
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<year>{_YEAR})\b", re.I)
# "in March" (a month with no year, after 'in'), for headlines such as 'inflation rose in March'
_IN_MONTH = re.compile(rf"\bin\s+(?P<month>{_MONTH})\b(?!\s+{_YEAR})", re.I)


@dataclass(frozen=True)
class PeriodEnd:
    """The month a period ends in; ``year`` None when the text leaves it out."""

    month: int
    year: int | None
    text: str
    windowed: bool  # a span or run-up ("12 months to"), not a bare month

    def key(self, year: int) -> int:
        """Months since year 0, with ``year`` standing in for a missing one."""
        return (self.year or year) * 12 + self.month - 1


_ABBREVIATIONS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def _month(name: str) -> int:
    return _ABBREVIATIONS.index(name[:3].lower()) + 1


def period_ends(text: str) -> list[PeriodEnd]:
    """Every period the text states, in order, each with the month it ends in."""
    found: dict[int, PeriodEnd] = {}
    taken: list[tuple[int, int]] = []
    for pattern, windowed in ((_RUN_UP, True), (_SPAN, True), (_MONTH_YEAR, False),
                              (_IN_MONTH, False)):
        for match in pattern.finditer(text):
            if any(a <= match.start() < b or a < match.end() <= b for a, b in taken):
                continue
            taken.append(match.span())
            year = match.group("year") if "year" in pattern.groupindex else None
            found[match.start()] = PeriodEnd(_month(match.group("month")),
                                             int(year) if year else None,
                                             match.group(0), windowed)
    return [found[start] for start in sorted(found)]
