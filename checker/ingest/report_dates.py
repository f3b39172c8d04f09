"""The dates a report gives for itself: when it was inspected, when it was published.

Only the report's own statement of them counts ("Inspection dates: 14 to 18 July 2025",
"Report published: 3 August 2015"), never the dates of its data ("at 31 March 2014"),
of earlier inspections or of the next release, which are other events' dates.  Ranges
are written many ways, and the month and year of an earlier day are often left to the
later one: "14 to 18 July 2025", "21 March to 1 April 2022", "6 November – 30 November
2017", "19 November-11 December 2013 and 28 – 30 January 2014" (a visit in two parts:
the inspection runs from its first day to its last).
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTH = "|".join(MONTHS) + "|" + "|".join(m[:3] for m in MONTHS) + "|sept"  # 'Dec', 'Sept'
_DAY = rf"\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:{_MONTH})\b\.?)?(?:,?\s+(?:19|20)\d\d)?"
_RANGE = rf"{_DAY}(?:\s*(?:[-–—]|to|and|&)\s*{_DAY})*"
_INSPECTION = re.compile(rf"Inspection dates?:?\s*(?P<range>{_RANGE})", re.I)
# A report title that ends with its visit: 'Report on an independent review of progress at
# HMP Lowdham Grange by HM Chief Inspector of Prisons (8–10 January 2024)'
_TITLE_VISIT = re.compile(rf"\b(?:inspection|review|visit)\b[^\n()]{{0,160}}\((?P<range>{_RANGE})\)", re.I)
# The day may follow its weekday, and a line of its own may label it with 'on': 'Published on
# 15 December 2020', 'Posted on: Friday 14 June 2019' (a council's news page).  In running
# text 'published on 12 March 2014' may date another report, which the report cites.
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\b\.?,?"
_PUBLISHED = re.compile(rf"(?:(?:Report published|Published|Publication date|Release date)|"
                        rf"(?m:^)[ \t]*(?:Published|Posted)[ \t]+on):?\s*(?:{_WEEKDAY}\s+)?(?P<range>{_DAY})",
                        re.I)
_PART = re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<month>{_MONTH})\b\.?)?(?:,?\s+(?P<year>(?:19|20)\d\d))?",
                   re.I)


def parse_date(day: str, month: str, year: str) -> str | None:
    """An ISO date of a day, a month's name (or its abbreviation: 'Dec') and a year."""
    month = month.lower().rstrip(".")
    number = MONTHS.get(month) or next(
        (n for name, n in MONTHS.items() if len(month) >= 3 and name.startswith(month)), None)
    if not number:
        return None
    try:
        return date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


def _days(text: str) -> list[str]:
    """The days a range names, each given the month and year of the next day that
    states them ('14 to 18 July 2025' is 14 July 2025 to 18 July 2025)."""
    parts = [m.groupdict() for m in _PART.finditer(text)]
    month = year = None
    for part in reversed(parts):
        month = part["month"] = part["month"] or month
        year = part["year"] = part["year"] or year
    days = [parse_date(p["day"], p["month"] or "", p["year"] or "") for p in parts]
    return days if days and all(days) else []


def inspection_period(head: str) -> tuple[str, str, int] | None:
    """(first day, last day, offset of the statement) of the inspection: its label
    ('Inspection dates: ...'), else a title that ends with the visit's days."""
    for pattern in (_INSPECTION, _TITLE_VISIT):
        match = pattern.search(head)
        days = _days(match.group("range")) if match else []
        if days:
            return min(days), max(days), match.start()
    return None


def publication_date(head: str) -> tuple[str, int] | None:
    """(day, offset of the statement) the report says it was published."""
    match = _PUBLISHED.search(head)
    if not match:
        return None
    days = _days(match.group("range"))
    return (days[0], match.start()) if days else None
