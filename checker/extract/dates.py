"""Dates and what they date.

A date in a story matters only with its event: "published this morning, (March 27)"
dates the report's publication, "based on an inspection in January" the inspection,
"since its last inspection in June 2013" the previous one.  The event is read from the
words around the date; comparison then goes to the source's own statement of that
event (``SourceFacts``) or to the passage the sentence aligns with.
"""

from __future__ import annotations

import re

from checker.ingest.report_dates import MONTHS
from checker.model import DateRef

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = re.compile(
    rf"(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}|"
    rf"(?P<month2>January|February|March|April|May|June|July|August|September|October|November|December)"
    rf"(?:\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b)?)"
    rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    rf"|\b(?i:in|since|from|until|during)\s+(?P<year_only>(?:19|20)\d\d)\b(?![-–/]\d)"  # not '2010-11'
    rf"|\b(?P<nday>\d{{1,2}})/(?P<nmonth>\d{{1,2}})/(?P<nyear>(?:19|20)\d\d)\b"  # 27/03/2015, UK order
    rf"|\b(?P<iyear>(?:19|20)\d\d)-(?P<imonth>\d\d)-(?P<iday>\d\d)\b"  # 2015-03-27
)
_PREVIOUS = re.compile(r"\b(last|previous|earlier|prior)\s+(?:ofsted\s+)?inspection\b", re.I)
_INSPECTION = re.compile(r"\binspect(?:ion|ed|ors?)\b", re.I)
# 'The release shows that the rate in 2013 ...': the document saying what its figures show,
# not the event of its release, which the figures' year does not date.
_PUBLISHED = re.compile(r"\b(publish(?:ed|es)?|report\s+out|released|came\s+out(?!\s+of)|"
                        r"release(?!\s+(?:shows?|showed|says?|said|finds?|found|reveals?|revealed|notes?|noted)\b))\b",
                        re.I)
# A publication dated by its weekday or 'today' alone ('the figures published by the ONS
# on Thursday'): the sentence's years are its figures' ('in 2013', 'highest since 2001').
_PUBLISHED_WEEKDAY = re.compile(
    r"\b(?:publish(?:ed|es)?|released?)\b[^.;]{0,80}?\b(?:on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    r"today|yesterday)\b(?!,?\s+(?:\d|January|February|March|April|May|June|July|August|September|October|"
    r"November|December))", re.I)
# A date its data are counted at ("data as at 31 March 2014"), or the next edition's date:
# neither is this report's publication.
_DATA_DATE = re.compile(r"\b(?:as\s+at|as\s+of|at|for|between|ending|ended|"
                        r"(?:year|months?|quarters?|weeks?)\s+to)\s*$", re.I)  # "for the year to December"
_NEXT = re.compile(r"\bnext\s+(?:release|update|publication|edition|bulletin|report)\b|"
                   r"\b(?:planned|due|scheduled|expected)\s+(?:for\s+)?(?:release|publication)\b|"
                   r"\b(?:will\s+be|to\s+be)\s+(?:released|published)\b", re.I)  # a release to come
# The first or last day of the inspection ("began on 21 January", "from ... to ...").
_STARTED = re.compile(r"\b(?:began|begun|begin|begins|started|starts?|opened|commenced|from)\b(?:\s+on)?\s*$", re.I)
_ENDED = re.compile(r"\b(?:ended|ends?|finished|concluded|closed|until|till|to)\b(?:\s+on)?\s*$", re.I)
_MAY_VERB = re.compile(r"\bMay\s+(?:be|have|not|also|need|well|help|result|mean|take|use|affect)\b")


def parse_match(match: re.Match) -> str | None:
    """ISO-ish value of a date match: YYYY-MM-DD, YYYY-MM, --MM-DD, --MM, or YYYY."""
    if match.group("year_only"):
        return match.group("year_only")
    numeric = match.group("nyear", "nmonth", "nday") if match.group("nyear") else match.group("iyear", "imonth", "iday")
    if numeric[0]:
        year, month_number, day_number = (int(x) for x in numeric)
        if not (1 <= month_number <= 12 and 1 <= day_number <= 31):
            return None
        return f"{year}-{month_number:02d}-{day_number:02d}"
    month_name = match.group("month") or match.group("month2")
    month = MONTHS[month_name.lower()]
    day = match.group("day1") or match.group("day2")
    year = match.group("year")
    if day and not 1 <= int(day) <= 31:
        return None
    if year and day:
        return f"{year}-{month:02d}-{int(day):02d}"
    if year:
        return f"{year}-{month:02d}"
    if day:
        return f"--{month:02d}-{int(day):02d}"
    return f"--{month:02d}"


def find_dates(text: str) -> list[tuple[DateRef, int, int]]:
    """Dates in a sentence with character ranges; the event is left to :func:`event_of`."""
    found = []
    for match in _DATE.finditer(text):
        if match.group("month2") == "May" and _MAY_VERB.match(text, match.start()):
            continue  # the verb 'may', sentence-initial
        value = parse_match(match)
        if value is None:
            continue
        start = match.start("year_only") if match.group("year_only") else match.start()
        found.append((DateRef(value=value, text=text[start:match.end()]), start, match.end()))
    return found


def dated_in(sentence: str) -> list[str]:
    """The values of a sentence's dates, a month the sentence gives without its year
    ("up from 6.2% in February") taking the year of the dated month beside it ("in the 12
    months to March 2022") when it comes no later in the year, as a reader of a release
    takes it.  A month later in the year than the dated one stays without a year: "since
    its peak in May 2020, although it has risen slightly in November" is the same year,
    "in the year to January 2016, compared with the year to December" the year before,
    and only the words tell which."""
    values = [ref.value for ref, _, _ in find_dates(sentence)]
    dated = [v for v in values if len(v) >= 7 and not v.startswith("--")]
    if len(dated) != 1:
        return values
    year, month = (int(x) for x in dated[0].split("-")[:2])
    return [f"{year}-{v[2:]}" if v.startswith("--") and int(v[2:4]) <= month else v for v in values]


def event_of(sentence: str, start: int) -> str:
    """Which event a date in this sentence dates: the nearest cue before it wins."""
    before = sentence[:start]
    window = sentence[max(0, start - 60): start + 40]
    clause = re.split(r"[,;:]", before)[-1]  # "The last inspection report ... was published in"
    if _PREVIOUS.search(before[-60:]) or _PREVIOUS.search(window) or _PREVIOUS.search(clause):
        return "previous_inspection"
    if _NEXT.search(before[-60:]):
        return "next_release"
    if _PUBLISHED.search(window) and not _DATA_DATE.search(before) and not _PUBLISHED_WEEKDAY.search(sentence):
        return "published"
    if _INSPECTION.search(before[-50:]) or _INSPECTION.search(sentence[start:start + 40]):
        if _STARTED.search(before[-25:]):
            return "inspection_start"
        if _ENDED.search(before[-25:]):
            return "inspection_end"
    if _INSPECTION.search(before[-50:]):
        return "inspection"
    return "other"
