"""Does the source date the same event the same way?

Publication and inspection dates are held to the source's own statement of them (the
inspection's first or last day, when the article dates its start or end: "began on 21
January" is not borne out by an inspection from 20 January); any other date to the
dates in the passage its sentence aligns with.  Granularity is
respected: "in January" holds for an inspection from 20 January to 11 February, "in
2015" for any day of 2015.
"""

from __future__ import annotations

import re
from datetime import date

from checker.compare.rules import DateMismatch
from checker.model import Claim, DateRef, Evidence, Finding, SourceFacts

_INSPECTED = re.compile(r"\binspect", re.I)


def _parts(value: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of an ISO-ish value; missing parts are None."""
    if value.startswith("--"):
        bits = value[2:].split("-")
        return None, int(bits[0]), int(bits[1]) if len(bits) > 1 else None
    bits = value.split("-")
    return int(bits[0]), int(bits[1]) if len(bits) > 1 else None, int(bits[2]) if len(bits) > 2 else None


def matches(article_value: str, day: date) -> bool:
    """Does a source day satisfy a (possibly partial) article date?"""
    year, month, dom = _parts(article_value)
    return ((year is None or year == day.year) and (month is None or month == day.month)
            and (dom is None or dom == day.day))


def matches_value(article_value: str, source_value: str) -> bool:
    """Does a source date bear out an article date?  Every part the article gives must be
    in the source and equal ('May 2012' is not borne out by '2012'); the source may say
    more ('2012' is borne out by 'June 2012')."""
    a, s = _parts(article_value), _parts(source_value)
    year_given = a[0] is not None
    parts = zip(a, s) if year_given else zip(a[1:], s[1:])
    return all(x is None or x == y for x, y in parts)


def within(value: str, start: str, end: str) -> bool:
    """Does a (possibly partial) date fall on a day from ``start`` to ``end`` (ISO)?"""
    return any(matches(value, day) for day in _days(start, end))


def _days(start: str, end: str) -> list[date]:
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    return [date.fromordinal(o) for o in range(first.toordinal(), last.toordinal() + 1)]


def check_date(claim: Claim, facts: SourceFacts | None, near: list[tuple[str, str, str]],
               anywhere: list[tuple[str, str, str]]) -> tuple[str, list[Finding], list[Evidence]]:
    """``near``: (passage id, date value, sentence) of the passages the claim's sentence
    aligned with strongly; ``anywhere``: every date of the source."""
    ref: DateRef = claim.payload  # type: ignore[assignment]
    if facts and ref.event == "published" and facts.published and not _before_inspection(ref.value, facts):
        day = date.fromisoformat(facts.published)
        cite = facts.published_passage or "report published"
        evidence = [Evidence(cite, f"Report published: {day:%-d %B %Y}", 1.0)]
        if matches(ref.value, day):
            return "supported", [], evidence
        return _mismatch(claim, ref, f"{day:%-d %B %Y}", "publication", cite, evidence)
    if facts and ref.event.startswith("inspection") and facts.inspection_start and facts.inspection_end:
        days = _days(facts.inspection_start, facts.inspection_end)
        shown = f"{days[0]:%-d %B %Y} – {days[-1]:%-d %B %Y}"
        if ref.event != "inspection":  # its first or last day: only that day holds it
            days = days[:1] if ref.event == "inspection_start" else days[-1:]
        cite = facts.inspection_passage or "inspection dates"
        evidence = [Evidence(cite, f"Inspection date: {shown}", 1.0)]
        if any(matches(ref.value, d) for d in days):
            return "supported", [], evidence
        other = [d for d in anywhere if _INSPECTED.search(d[2]) and matches_value(ref.value, d[1])]
        nearby_other = [d for d in near if _INSPECTED.search(d[2]) and _comparable(ref.value, d[1])]
        if not other and not nearby_other:  # this inspection, misdated
            return _mismatch(claim, ref, shown, "inspection", cite, evidence)
    for dates in (near, anywhere):  # the passages the sentence comes from speak first
        agreeing = [d for d in dates if matches_value(ref.value, d[1])]
        if agreeing:
            passage, _, text = agreeing[0]
            return "supported", [], [Evidence(passage, text, 1.0)]
        comparable = [d for d in dates if _comparable(ref.value, d[1])]
        if dates is near and comparable:
            passage, value, text = min(comparable, key=lambda d: _distance(ref.value, d[1]))
            return _mismatch(claim, ref, f"'{value}' ({text})", "event", passage,
                             [Evidence(passage, text, 1.0)])
    return "not_in_source", [], []


def _before_inspection(value: str, facts: SourceFacts) -> bool:
    """Is the date wholly before the inspection began?  A report is not published
    before it is inspected, so such a 'published' date is another document's ("an
    independent review, published in July 2014"), never this report's."""
    if not facts.inspection_start:
        return False
    year, month, day = _parts(value)
    start = date.fromisoformat(facts.inspection_start)
    if year is None:
        return False
    given = (year, month or 12, day or 31)
    return given < (start.year, start.month, start.day)


def _distance(article_value: str, source_value: str) -> tuple[int, int]:
    """How far apart two dates of the same shape are: differing parts, then size of the
    difference, so 'September 2013' is held to 'September 2014' before 'May 2014'."""
    a, s = _parts(article_value), _parts(source_value)
    differing = sum(1 for x, y in zip(a, s) if x is not None and y is not None and x != y)
    gap = sum(abs(x - y) for x, y in zip(a, s) if x is not None and y is not None)
    return differing, gap


def _comparable(article_value: str, source_value: str) -> bool:
    """Both dates name the same parts (e.g. both a month of a year), so one can be wrong."""
    return [x is None for x in _parts(article_value)] == [x is None for x in _parts(source_value)]


def _mismatch(claim: Claim, ref: DateRef, source_value: str, event: str, passage: str,
              evidence: list[Evidence]):
    message = (f"The article dates the {event} '{ref.text}'; the source gives {source_value}")
    finding = DateMismatch.finding(claim, message, article_value=ref.text,
                                   source_value=source_value, passage=passage)
    return "contradicted", [finding], evidence
