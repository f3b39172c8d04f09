"""The parts of an article's sentences that are checked on their own: figures, grades,
dates and quotations of the source, grouped once for the article.  A statement is judged
after the parts of its sentence and by them (:mod:`checker.compare.statements`), and a
figure is read beside the others of its row ("from 331 to 454").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from checker.compare.figures import era_of, unit_key
from checker.model import Claim, ClaimResult, Period

PARTS = ("figure", "rating", "date", "quote")  # the checked parts of a statement's sentence
Row = tuple[tuple[int, int], tuple[float, ...]]  # a figure's (position, count), the others' values


@dataclass(frozen=True)
class ArticleParts:
    """The article's checked parts (figures, grades, dates), grouped once for the
    article so that a sentence of many figures costs their number, not its square, to
    look up: each figure's row (its place among its sentence's figures of the same unit,
    and their values: "from 331 to 454" is read against a source sentence's two figures
    in order), and each sentence's parts (a statement reworded around them is checked by
    them)."""

    rows: dict[str, Row] = field(default_factory=dict)
    parts: tuple[Claim, ...] = ()  # in the article's order
    judged: dict[str, ClaimResult] = field(default_factory=dict, compare=False)  # by claim id, once each
    era: Period | None = None  # the time the article's figures are for where they name none
    starts: tuple[int, ...] = ()  # the parts' first characters, to find a sentence's by bisection

    @classmethod
    def of(cls, claims: Sequence[Claim]) -> "ArticleParts":
        figures = [c for c in claims if c.kind == "figure"]
        rows: dict[tuple, list[Claim]] = {}
        for claim in figures:
            if claim.payload.unit:  # type: ignore[union-attr]
                rows.setdefault((claim.sentence, unit_key(claim.payload.unit)), []).append(claim)  # type: ignore[union-attr]
        placed: dict[str, Row] = {}
        for row in rows.values():
            values = [c.payload.value for c in row]  # type: ignore[union-attr]
            for k, claim in enumerate(row):
                placed[claim.id] = ((k, len(row)), tuple(values[:k] + values[k + 1:]))
        parts = tuple(sorted((c for c in claims if c.kind in PARTS), key=lambda c: c.span.start))
        return cls(placed, parts, era=era_of([c.payload for c in sorted(figures, key=lambda c: c.span.start)]),
                   starts=tuple(c.span.start for c in parts))

    def row(self, claim: Claim) -> Row:
        return self.rows.get(claim.id) or ((0, 1), ())

    def in_sentence(self, claim: Claim) -> tuple[Claim, ...]:
        """The parts within a statement's sentence (a quotation is placed by its span:
        it may run over several sentences, and names none of them)."""
        first = bisect_left(self.starts, claim.span.start)
        return tuple(c for c in self.parts[first:bisect_right(self.starts, claim.span.end)]
                     if c.span.end <= claim.span.end and c.id != claim.id)
