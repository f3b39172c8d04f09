"""Does the source date the same event the same way?

Publication and inspection dates are held to the source's own statement of them; any
other date to the dates in the passage its sentence aligns with.  Granularity is
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
    a, s = _parts(article_value), _parts(source_value)
    return all(x is None or y is None or x == y for x, y in zip(a, s)) and any(
        x is not None and y is not None for x, y in zip(a, s))


def _days(start: str, end: str) -> list[date]:
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    return [date.fromordinal(o) for o in range(first.toordinal(), last.toordinal() + 1)]


def check_date(claim: Claim, facts: SourceFacts | None, near: list[tuple[str, str, str]],
               anywhere: list[tuple[str, str, str]]) -> tuple[str, list[Finding], list[Evidence]]:
    """``near``: (passage id, date value, sentence) of the passages the claim's sentence
    aligned with strongly; ``anywhere``: every date of the source."""
    ref: DateRef = claim.payload  # type: ignore[assignment]
    if facts and ref.event == "published" and facts.published:
        day = date.fromisoformat(facts.published)
        cite = facts.published_passage or "report published"
        evidence = [Evidence(cite, f"Report published: {day:%-d %B %Y}", 1.0)]
        if matches(ref.value, day):
            return "supported", [], evidence
        return _mismatch(claim, ref, f"{day:%-d %B %Y}", "publication", cite, evidence)
    if facts and ref.event == "inspection" and facts.inspection_start and facts.inspection_end:
        days = _days(facts.inspection_start, facts.inspection_end)
        shown = f"{days[0]:%-d %B %Y} – {days[-1]:%-d %B %Y}"
        cite = facts.inspection_passage or "inspection dates"
        evidence = [Evidence(cite, f"Inspection date: {shown}", 1.0)]
        if any(matches(ref.value, d) for d in days):
            return "supported", [], evidence
        other_inspections = [d for d in anywhere if _INSPECTED.search(d[2])]
        if not any(matches_value(ref.value, value) for _, value, _ in other_inspections):
            return _mismatch(claim, ref, shown, "inspection", cite, evidence)
    for dates in (near, anywhere):
        agreeing = [(p, v, t) for p, v, t in dates if matches_value(ref.value, v)]
        if agreeing:
            passage, _, text = agreeing[0]
            return "supported", [], [Evidence(passage, text, 1.0)]
        comparable = [(p, v, t) for p, v, t in dates if _comparable(ref.value, v)]
        if dates is near and comparable:
            passage, value, text = comparable[0]
            return _mismatch(claim, ref, f"'{value}' ({text})", "event", passage,
                             [Evidence(passage, text, 1.0)])
    return "not_in_source", [], []


def _comparable(article_value: str, source_value: str) -> bool:
    """Both dates name the same parts (e.g. both a month of a year), so one can be wrong."""
    return [x is None for x in _parts(article_value)] == [x is None for x in _parts(source_value)]


def _mismatch(claim: Claim, ref: DateRef, source_value: str, event: str, passage: str,
              evidence: list[Evidence]):
    message = (f"The article dates the {event} '{ref.text}'; the source gives {source_value}")
    finding = DateMismatch.finding(claim, message, article_value=ref.text,
                                   source_value=source_value, passage=passage)
    return "contradicted", [finding], evidence
