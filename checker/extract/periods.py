"""Periods as statistics releases and reports state them.

A figure is a figure *for* a time: "3.1% in June 2012", "in the 12 months to May",
"year ending March 2014", "financial year 2014-15", "January to March", "as at 31 March",
"over the last ten years".  Two figures can only be compared when their periods agree,
so every period is read to one shape (:class:`checker.model.Period`): the months it
covers (``start``..``end``, ``YYYY-MM``, or ``--MM`` when the text leaves the year to
the reader) and its length in months where the text states one.  A bare month ("in May") states no length:
releases write "inflation was 9.1% in May" for the twelve months to May, so it agrees
with either reading of the same month.

``find_periods`` finds every period phrase in a text with its character range;
``Period.agrees`` says whether two periods can be the same.
"""

from __future__ import annotations

import re
from checker.extract.numbers import word_value
from checker.ingest.report_dates import MONTHS
from checker.model import Period

_MONTH_NAMES = "|".join(m.capitalize() for m in MONTHS) + "|" + "|".join(
    m[:3].capitalize() for m in MONTHS if m != "may") + "|Sept"
_MONTH = rf"(?:{_MONTH_NAMES})\b"
_YEAR = r"(?:19|20)\d\d"
_COUNT = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)"
_QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                  "fourth": 4, "4th": 4, "final": 4, "last": 4}
_TIME_UNITS = {"year": 12, "month": 1, "quarter": 3}

_RELATIVE = re.compile(
    r"\b(?:(?:the\s+)?(?:previous|preceding|prior)\s+(?:month|quarter|year|period|three\s+months|12\s+months|"
    r"(?:three|3|twelve|12)-month\s+period)|"
    r"a\s+(?:year|month|quarter)\s+(?:earlier|before|ago)|(?:the\s+)?same\s+(?:(?:two|three|\d{1,2})\s+months|"
    r"month|quarter|period)\s+(?:a|last)\s+year(?:\s+(?:ago|earlier|before))?|last\s+(?:year|month|quarter))\b", re.I)
_PATTERNS = [
    # 'the 12 months to May 2022', 'three months ending in June', 'year ending March 2014'
    ("rolling", re.compile(
        rf"\b(?:(?P<n>{_COUNT})[ -](?P<unit>months?|years?|quarters?)|(?P<year_word>year))\s+"
        rf"(?:to|ending(?:\s+in)?|(?:leading\s+)?up\s+to|until|through)\s+(?:(?:the\s+)?end\s+of\s+)?"
        rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<month>{_MONTH})(?:\s+(?:in\s+)?(?P<year>{_YEAR}))?", re.I)),
    # 'financial year 2014-15', '2014/15', 'in 2019-20'
    ("financial", re.compile(
        rf"\b(?:(?:financial|fiscal|academic|school)\s+year\s+)?(?P<y1>{_YEAR})\s?[-/–]\s?(?P<y2>\d\d(?:\d\d)?)\b(?![-/]\d)")),
    # 'the first quarter of 2022', 'Q1 2022', '2022 Q1', 'Quarter 1 (Jan to Mar) 2016'
    ("quarter", re.compile(
        rf"\b(?:Quarter\s+(?P<qn>[1-4])(?:\s*\([^)]{{3,20}}\))?(?:\s+(?P<year4>{_YEAR}))?|"
        rf"(?:the\s+)?(?P<qw>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter"
        rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?|Q(?P<q>[1-4])\s*(?P<year2>{_YEAR})|(?P<year3>{_YEAR})\s*Q(?P<q3>[1-4]))\b",
        re.I)),
    # 'January to March 2022', 'between April and June', 'Jan-Mar 2022'
    ("range", re.compile(
        rf"\b(?:(?P<between>between)\s+)?(?P<m1>{_MONTH})(?:\s+(?P<y0>{_YEAR}))?\s*(?P<sep>to|[-–]|and|until)\s*(?P<m2>{_MONTH})"
        rf"(?:\s+(?P<year>{_YEAR}))?")),
    # 'as at 31 March 2014', 'at the end of March'
    ("as_at", re.compile(
        rf"\b(?:as\s+(?:at|of)|at\s+the\s+end\s+of|on)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<month>{_MONTH})"
        rf"(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b,?)?(?:\s+(?P<year>{_YEAR}))?")),
    # 'June 2012', 'in May', 'May last year'
    ("month", re.compile(
        rf"(?:\b(?P<prep>(?i:in|of|for|since|during|from|to|until|by|than|with|after|before|over))\s+)?"
        rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?)(?P<month>{_MONTH})(?:\s+(?P<year>{_YEAR})|(?P<last>\s+(?:last|this|the\s+previous)\s+year))?")),
    # 'in 2012', 'during 2021', a heading '2012'
    ("year", re.compile(rf"(?:\b(?:in|during|for|of|since|from|to|until|than)\s+)?(?<![-/–\d])\b(?P<year>{_YEAR})\b(?![-/–]\d)")),
    # 'over the last ten years', 'in the past three months'
    # 'the previous quarter', 'a year earlier': a period named by its place before another
    ("relative", _RELATIVE),
    ("span", re.compile(
        r"\b(?:in|over|during|within|across|for)\s+(?:just\s+|only\s+)?(?:a\s+period\s+of\s+|the\s+)?"
        r"(?:(?:last|past|previous|first|next)\s+)?(?P<n>\d+|[a-z]+(?:-[a-z]+)?)\s+(?P<unit>years?|months?|weeks?|days?)\b",
        re.I)),
]
_MAY_VERB = re.compile(r"\s+(?:be|have|not|also|need|well|help|result|mean|take|use|affect|see|find)\b")


def _month_number(name: str) -> int:
    name = name.lower().rstrip(".")
    for full, number in MONTHS.items():
        if full.startswith(name[:3]):
            return number
    raise ValueError(name)


def _month(year: int | None, number: int) -> str:
    return f"{year:04d}-{number:02d}" if year else f"--{number:02d}"


def _back(year: int | None, number: int, months: int) -> str:
    """The first month of a period of ``months`` months ending in ``number`` of ``year``."""
    first = number - months + 1
    if year is None:
        return f"--{(first - 1) % 12 + 1:02d}"
    while first < 1:
        first += 12
        year -= 1
    return _month(year, first)


def _build(kind: str, match: re.Match) -> Period | None:
    text = match.group(0).strip()
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if kind == "rolling":
        if groups.get("year_word"):
            count, unit = 1, "year"
        else:
            count = word_value(groups["n"].lower())
            unit = groups["unit"].lower().rstrip("s")
            if count is None:
                return None
        months = int(count * _TIME_UNITS[unit])
        end = _month_number(groups["month"])
        return Period(text, _back(year, end, months), _month(year, end), months)
    if kind == "financial":
        first, second = int(groups["y1"]), groups["y2"]
        last = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
        if last != first + 1:
            return None  # '2014-2018' is a range of years, '2010-11' a financial year
        return Period(text, _month(first, 4), _month(last, 3), 12)
    if kind == "range":
        m1, m2 = _month_number(groups["m1"]), _month_number(groups["m2"])
        y0 = int(groups["y0"]) if groups.get("y0") else None
        months = (m2 - m1) % 12 + 1
        if months == 1 or (y0 and year and year - y0 > 1) or (groups["sep"] == "and" and not groups["between"]):
            return None  # 'in June and August' names two months; 'between June and August' spans them
        start_year = y0 or (year - 1 if year and m1 > m2 else year)
        return Period(text, _month(start_year, m1), _month(year, m2), months)
    if kind == "quarter":
        quarter = (_QUARTER_WORDS.get((groups.get("qw") or "").lower())
                   or int(groups.get("q") or groups.get("q3") or groups.get("qn") or 0))
        given = next((groups[g] for g in ("year2", "year3", "year4") if groups.get(g)), None)
        year = year or (int(given) if given else None)
        end = quarter * 3
        return Period(text, _month(year, end - 2), _month(year, end), 3)
    if kind == "as_at":
        end = _month_number(groups["month"])
        return Period(text, _month(year, end), _month(year, end))
    if kind == "month":
        if groups["month"] == "May" and not year and _MAY_VERB.match(match.string, match.end()):
            return None  # 'May be', 'may have': the verb
        if not year and not groups.get("prep") and not groups.get("last"):
            return None  # a capitalised month word on its own may be a name ('April Jones')
        end = _month_number(groups["month"])
        return Period(text, _month(year, end), _month(year, end), years_back=1 if groups.get("last") and "last" in groups["last"] else 0)
    if kind == "year":
        return Period(text, _month(year, 1), _month(year, 12), 12)
    if kind == "relative":
        return Period(text)  # dated by the period it is before, which the text leaves implicit
    if kind == "span":
        count = word_value(groups["n"].lower())
        if count is None:
            return None
        return Period(text, length=count, unit=groups["unit"].lower().rstrip("s"))
    raise ValueError(kind)


def find_periods(text: str) -> list[tuple[Period, int, int]]:
    """Every period phrase in a text, longest reading first where readings overlap
    ('the 12 months to May 2022' is one period, not also 'May 2022' and '2022')."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[Period, int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(a < end and start < b for a, b in taken):
                continue
            period = _build(kind, match)
            if period is None:
                continue
            taken.append((start, end))
            found.append((period, start, end))
    return sorted(found, key=lambda item: item[1])


def month_within(month: Period, period: Period) -> bool:
    """Can a month the text leaves without its year ('in January') fall inside a period
    of several months named without a month of its own ('2021/22', '2013', 'Q1 2022')?
    January of 2022 is in the financial year 2021/22, so the two may be one time, as a
    grading 'in January' may be the year's.  A window named by the month it ends ('the 12
    months to April 2022') is not one whose months another month names: 'in March' is
    then another window's end."""
    if (not (month.dated and period.dated) or month.months is not None or month.years_back
            or _year_of(month.end) is not None):
        return False  # 'May last year' lies a year back of a time the text leaves open
    if period.start is None or not period.months or period.months < 2 or re.search(_MONTH, period.text, re.I):
        return False
    return (int(month.end[-2:]) - int(period.start[-2:])) % 12 < period.months


def parse_period(text: str) -> Period | None:
    """The first period a phrase states ('consumer prices, August 2021' → August 2021)."""
    found = find_periods(text)
    return found[0][0] if found else None


# An earlier period a change is measured against, as releases name it: 'a year earlier',
# 'the previous quarter', 'the same quarter a year ago', 'last year', 'on the year', 'on
# February', 'since 30 September 2014', 'since YE June 2016' (the year ending June
# 2016).  Read after the comparison word that ties it to the change ('higher than',
# 'on', 'compared with', 'from', 'since').
BASE = (rf"(?:a\s+(?:year|quarter|month)\s+(?:earlier|before|ago)|"
        rf"(?:the\s+)?(?:previous|preceding|prior|last)\s+(?:year|quarter|month|period|three\s+months|12\s+months)|"
        rf"the\s+same\s+(?:month|quarter|period)\s+"
        rf"(?:a\s+year\s+(?:earlier|before|ago)|(?:of\s+)?(?:the\s+)?(?:last|previous)\s+year)|"
        rf"(?:(?:the\s+)?(?:year|12\s+months)\s+(?:ending|to)\s+|YE\s+)?"  # 'since YE June 2016'
        rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}(?:\s+{_YEAR})?|"
        rf"the\s+(?:year|quarter|month))")
COMPARED = re.compile(
    rf"\b(?:than|on|over|compared\s+(?:with|to)|from|since)\s+(?:(?:in|that\s+of)\s+)?(?P<base>{BASE})", re.I)


def base_months(base: str) -> int | None:
    """How many months back a base reaches: 12 for 'a year earlier', 'last year' and 'the
    same quarter a year ago', 3 for 'the previous quarter', 1 for 'the previous month';
    None for a named month ('February') or 'the previous period', whose place depends on
    the period compared."""
    folded = base.lower()
    if "year" in folded or re.search(r"\b12\s+months\b", folded):
        return 12
    if "quarter" in folded or re.search(r"\bthree\s+months\b", folded):
        return 3
    return 1 if "month" in folded else None


def earlier_period(period: Period | None, base: str) -> Period:
    """The period ``base`` names, before ``period``: the same length ending that many
    months earlier ('the previous quarter' of June to August 2020 is March to May 2020,
    'a year earlier' June to August 2019), or ending in the month named ('February' of
    the 12 months to March 2022 is the 12 months to February 2022).  A period whose year
    the text leaves to the reader keeps how many years back the result lies
    (``years_back``: June to August of the year before is not June to August).  Where
    ``period`` is not dated the source leaves the time open, and so does the result: the
    base as written, which agrees with any period; unless the base names its year
    ('since 30 September 2014')."""
    named = re.search(rf"(?P<month>{_MONTH})(?:\s+(?P<year>{_YEAR}))?", base, re.I)
    if period is None or not period.dated:
        if named and named.group("year"):
            month = _month(int(named.group("year")), _month_number(named.group("month")))
            return Period(_name(month, month, None), month, month)
        return Period(base)
    end = int(period.end[-2:])
    if named and named.group("year"):
        year, month = int(named.group("year")), _month_number(named.group("month"))
        total = year * 12 + month - 1
    elif named:
        month = _month_number(named.group("month"))
        total = (_year_of(period.end) or 0) * 12 + month - 1 - (12 if month >= end else 0)
    else:
        back = base_months(base) or period.months
        if back is None:
            return Period(base)
        total = (_year_of(period.end) or 0) * 12 + end - 1 - back
    known = _year_of(period.end) is not None or bool(named and named.group("year"))
    year, month = (total // 12 if known else None), total % 12 + 1
    years_back = 0 if known else period.years_back - total // 12
    start = _back(year, month, period.months) if period.months else _month(year, month)
    name = _name(start, _month(year, month), period.months) + (" the year before" if years_back else "")
    return Period(name, start, _month(year, month), period.months, years_back=years_back)


def _year_of(month: str) -> int | None:
    return int(month[:4]) if month[:4].isdigit() else None


def _name(start: str, end: str, months: int | None) -> str:
    """A period as a release writes it: 'March to May 2020', 'the 12 months to February
    2022', 'February 2022' (the year left out where it is not known)."""
    def said(month: str, with_year: bool = True) -> str:
        name = next(m for m, n in MONTHS.items() if n == int(month[-2:])).capitalize()
        year = _year_of(month)
        return f"{name} {year}" if year and with_year else name

    if not months or months == 1:
        return said(end)
    if months == 3:
        return f"{said(start, _year_of(start) != _year_of(end))} to {said(end)}"
    return f"the {months} months to {said(end)}"
