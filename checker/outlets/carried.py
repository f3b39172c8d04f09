"""Which of the report's points one article carried, and how: the cells of the map.

Built on the article's check result, not on a new reading of it: a claim carries a point
when the check tied it to that point's passage.  A grade carries the judgement of its
subject; a date, the inspection or publication the report dates in the passage it was
held to; a figure, the headline figure of its passage that it was held to (its value, or
for a contradicted one the finding's source value); a quotation or statement, the main
point or judgement whose passage it was aligned with at least as closely as a supported
statement must be; a main point is carried, too, by the claims that carry one of its
figures.  Claims judged ``not_in_source``, ``out_of_scope`` or ``not_checked``
carry nothing.

A cell is *misreported* when a claim carrying the point has an unsuppressed error or
warning (the finding says what and where), *confirmed* when one is supported, and *not
mentioned* otherwise.  An information note never makes a cell misreported: a false
alarm between outlets costs more than a miss.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from checker.compare.figures import compatible, same_unit
from checker.compare.statements import SUPPORTED_AT
from checker.model import CheckResult, ClaimResult, Finding
from checker.outlets.points import Point

CellVerdict = Literal["confirmed", "misreported", "not_mentioned"]
_SERIOUS = ("error", "warning")


@dataclass(frozen=True)
class Cell:
    """One article against one point: the verdict, the claims that carried it and the
    findings that make it misreported."""

    verdict: CellVerdict
    claims: tuple[ClaimResult, ...] = ()
    findings: tuple[Finding, ...] = ()


def serious_findings(claim: ClaimResult) -> tuple[Finding, ...]:
    return tuple(f for f in claim.findings if f.severity in _SERIOUS and not f.suppressed)


def carried_points(claim: ClaimResult, points: tuple[Point, ...]) -> list[Point]:
    """The points one claim carries (usually none or one)."""
    if claim.verdict not in ("supported", "contradicted"):
        return []
    wrong = serious_findings(claim)
    if claim.verdict == "contradicted" and not wrong:
        return []  # contradicted by a note only: not enough to say it carried anything
    kind = claim.claim.kind
    if kind == "rating":
        subject = claim.claim.payload.subject  # type: ignore[union-attr]
        return [p for p in points if p.key == f"judgement:{subject}"]
    passages = _held_to(claim, wrong)
    if kind == "figure":
        return _figure_points(claim, wrong, passages, points)
    if kind == "date":
        return [p for p in points if p.kind == "date" and p.passage in passages]
    if kind in ("quote", "statement"):
        best = claim.alignment.best
        close = wrong or (best is not None and best.score >= SUPPORTED_AT)
        return [p for p in points if close and p.kind in ("point", "judgement")
                and p.passage in passages][:1]
    return []


def _held_to(claim: ClaimResult, wrong: tuple[Finding, ...]) -> list[str]:
    """The passages the check held the claim to: its findings' for a wrong claim, the
    best evidence for a supported one."""
    if wrong:
        return [f.passage for f in wrong if f.passage]
    best = claim.alignment.best
    return [best.passage] if best else []


def _figure_points(claim: ClaimResult, wrong: tuple[Finding, ...], passages: list[str],
                   points: tuple[Point, ...]) -> list[Point]:
    """A supported figure carries the headline figure of its passage it agrees with; a
    wrong one, the figure its finding names (by value: a per-cent slip names the
    percentage points it should have been), when just one of the passage's figures has
    that value; a figure held to the inspection's dates ('a four-week inspection'), the
    dates."""
    quantity = claim.claim.payload
    figures = [p for p in points if p.kind == "figure" and p.passage in passages]
    if wrong:
        named = {v for f in wrong for v in _numbers(str(f.source_value))}
        chosen = [p for p in figures if p.quantity.value in named]
        chosen = chosen if len(chosen) == 1 else []
    else:
        chosen = [p for p in figures if same_unit(quantity, p.quantity)
                  and compatible(quantity, p.quantity)][:1]
    if chosen:
        return chosen
    return [p for p in points if p.kind == "date" and p.passage in passages]


def _numbers(text: str) -> set[float]:
    return {float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


def cells_for(result: CheckResult, points: tuple[Point, ...]) -> dict[str, Cell]:
    """The article's cell for every point, keyed by the point's key."""
    carrying: dict[str, list[ClaimResult]] = {p.key: [] for p in points}
    for claim in result.claims:
        for point in carried_points(claim, points):
            carrying[point.key].append(claim)
    for point in points:  # a main point is carried by what carries one of its figures too
        if point.kind == "figure":
            whole = carrying[f"point:{point.passage}"]
            whole.extend(c for c in carrying[point.key] if c not in whole)
    cells = {}
    for point in points:
        claims = tuple(carrying[point.key])
        wrong = tuple(f for c in claims for f in serious_findings(c))
        verdict = "misreported" if wrong else "confirmed" if claims else "not_mentioned"
        cells[point.key] = Cell(verdict, claims, wrong)
    return cells
