"""A coverage map: one report, the articles that cover it, and how they compare.

What every compare format reads.  Articles whose relation to the report is not
``same_report`` (a later inspection, another council, next month's bulletin) are kept
apart with their relation: their claims were never held to this report, so they carry
none of its points and never disagree with the outlets that covered it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checker.model import CheckResult, Document
from checker.outlets.agreement import (
    SharedError,
    Topic,
    figure_topics,
    point_topics,
    quote_topics,
    shared_errors,
)
from checker.outlets.carried import Cell, cells_for
from checker.outlets.points import Point, report_points


@dataclass(frozen=True)
class ArticleCounts:
    """How much of the report one article carried, and how much of it wrongly."""

    article: str
    carried: int
    misreported: int
    not_mentioned: int


@dataclass(frozen=True)
class CoverageMap:
    source: Document
    points: tuple[Point, ...]
    articles: tuple[CheckResult, ...]  # same_report, in input order
    cells: dict[str, dict[str, Cell]]  # article uri -> point key -> cell
    topics: tuple[Topic, ...]
    shared: tuple[SharedError, ...]
    apart: tuple[CheckResult, ...]  # attributed to this report, but about another one

    def counts(self) -> list[ArticleCounts]:
        out = []
        for result in self.articles:
            verdicts = [c.verdict for c in self.cells[result.article.uri].values()]
            out.append(ArticleCounts(result.article.uri,
                                     sum(v != "not_mentioned" for v in verdicts),
                                     verdicts.count("misreported"), verdicts.count("not_mentioned")))
        return out

    @property
    def disagreements(self) -> list[Topic]:
        return [t for t in self.topics if t.disagree]


@dataclass(frozen=True)
class Comparison:
    """A compare run: one map per report, and the articles no report was found for."""

    maps: tuple[CoverageMap, ...]
    unattributed: tuple[CheckResult, ...] = ()


def build_map(source: Document, prepared, results: Sequence[CheckResult]) -> CoverageMap:
    """The map of ``results`` (each checked against ``source``) over the report's points;
    ``prepared`` is the source's preparation, whose figures the points are read from."""
    points = report_points(prepared)
    covering = tuple(r for r in results if r.relation.verdict == "same_report")
    apart = tuple(r for r in results if r.relation.verdict != "same_report")
    cells = {r.article.uri: cells_for(r, points) for r in covering}
    topics = (point_topics(points, cells) + figure_topics(covering, cells)
              + quote_topics(covering))
    return CoverageMap(source, points, covering, cells, tuple(topics),
                       tuple(shared_errors(covering)), apart)
