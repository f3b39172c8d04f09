"""The report's checkable findings: the rows of a coverage map.

A reader who asks "which of the report's findings did the press carry?" means what the
report itself puts up front: its graded judgements (each with its subject), the dates it
gives itself (inspected, published), its main points (the summary bullets that open it)
and the headline figures in those points, each with its measure and period.  These are
read once from what the source's preparation already holds (``SourceFacts`` and
``SourceIndex.quantities``), never re-extracted.

Main points are the bullets under a heading that names a summary ("Main points", "Key
findings", "Children's services in Somerset are inadequate because:"), or, in a report
whose body has numbered paragraphs, the bullets that come before its first one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from checker.compare.figures import describe
from checker.model import Document, Quantity

PointKind = Literal["judgement", "date", "point", "figure"]

_SUMMARY_HEADING = re.compile(
    r"\b(main points|key (findings|points|messages|facts)|summary of (key )?findings|headlines|"
    r"at a glance|in brief)\b|\bbecause:?\s*$", re.I)


@dataclass(frozen=True)
class Point:
    """One finding of the report that an article can carry.

    ``key`` is stable across runs ('judgement:overall', 'date:inspection',
    'point:<passage id>', 'figure:<passage id>#<n>'); ``label`` says what it is about
    (the judgement's subject, the figure's measure); ``value`` what the report says
    ('inadequate', '20 January 2015 to 11 February 2015', '7% (CPI) in the 12 months to
    March 2022'); ``passage`` where, and ``text`` that passage's words.
    """

    key: str
    kind: PointKind
    label: str
    value: str
    passage: str | None
    text: str = ""
    quantity: Quantity | None = None


def main_point_indexes(document: Document) -> list[int]:
    """Indexes of the source's main-point bullets (see the module docstring)."""
    passages = document.passages
    first_numbered = next((i for i, p in enumerate(passages) if p.id.startswith("¶")), None)
    return [i for i, p in enumerate(passages) if p.kind == "bullet" and (
        _SUMMARY_HEADING.search(p.heading) or (first_numbered is not None and i < first_numbered))]


def report_points(prepared) -> tuple[Point, ...]:
    """Every point of a prepared source (:class:`~checker.match.index.SourceIndex`), in
    the order a reader meets them: judgements, dates, then each main point followed by
    its figures."""
    document: Document = prepared.document
    facts = document.facts
    out: list[Point] = []
    if facts is not None:
        for judgement in facts.judgements:
            out.append(Point(f"judgement:{judgement.subject}", "judgement",
                             judgement.label or judgement.subject.replace("_", " "),
                             judgement.grade, judgement.passage, _text(document, judgement.passage)))
        if facts.inspection_start:
            span = facts.inspection_start if facts.inspection_end in (None, facts.inspection_start) \
                else f"{facts.inspection_start} to {facts.inspection_end}"
            out.append(Point("date:inspection", "date", "inspection dates", span,
                             facts.inspection_passage, _text(document, facts.inspection_passage)))
        if facts.published:
            out.append(Point("date:published", "date", "publication date", facts.published,
                             facts.published_passage, _text(document, facts.published_passage)))
    quantities = prepared.quantities
    for i in main_point_indexes(document):
        passage = document.passages[i]
        out.append(Point(f"point:{passage.id}", "point", passage.heading or "main point",
                         passage.text, passage.id, passage.text))
        seen: set[tuple[float, str, str]] = set()
        for quantity, *_ in quantities.get(i, []):
            said = (quantity.value, quantity.unit, describe(quantity))
            if not quantity.unit or said in seen:
                continue  # a number counting nothing named is no headline figure
            seen.add(said)
            out.append(Point(f"figure:{passage.id}#{len(seen)}", "figure",
                             quantity.measure or quantity.unit, describe(quantity), passage.id,
                             passage.text, quantity))
    return tuple(out)


def _text(document: Document, passage_id: str | None) -> str:
    passage = document.passage(passage_id) if passage_id else None
    return passage.text if passage else ""
