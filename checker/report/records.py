"""Findings flattened to one record each, with where they are: what every machine
format (SARIF, GitHub annotations, JUnit, reviewdog) iterates over, so that all of them
place a finding on the same line and column and name the file the same way."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from checker.model import CheckResult, ClaimResult, Document, Finding, InputFailure, RunResult
from checker.textnorm import one_line


@dataclass(frozen=True)
class Record:
    result: CheckResult
    claim_result: ClaimResult
    finding: Finding
    path: str  # as the reports name the file: relative, forward slashes
    start: tuple[int, int]  # 1-based line, column in code points
    end: tuple[int, int]  # exclusive end column, as SARIF counts it

    @property
    def title(self) -> str:
        return f"{self.finding.code} {self.finding.name}"

    @property
    def message(self) -> str:
        """The finding's message, with the source passage it was compared with (unless
        the message already cites it)."""
        passage = self.finding.passage
        if not passage or passage in self.finding.message:
            return self.finding.message
        return f"{self.finding.message} (source {passage})"


def report_path(uri: str) -> str:
    """A document's path as reports show it: relative to the working directory when it
    lies inside it (CI tools resolve paths against the checkout), with ``/``, and its
    line breaks shown as escapes, so that no file name can begin a line of a report (a
    workflow command, a forged finding) in any format."""
    if uri.startswith("<") or "://" in uri:
        return one_line(uri)
    path = Path(uri)
    if path.is_absolute():
        try:
            path = path.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return one_line(path.as_posix())
    return one_line(Path(os.path.normpath(path)).as_posix())


def failure_path(failure: InputFailure) -> str | None:
    """The file of a draft that could not be checked, as reports name files; None for
    standard input or a URL, which no viewer can place on a file."""
    if failure.path == "-" or "://" in failure.path:
        return None
    return report_path(failure.path)


def records(run: RunResult, suppressed: bool = True) -> Iterator[Record]:
    """Every finding of the run, in article and claim order; ``suppressed=False`` skips
    the suppressed ones (for formats with no way to mark them)."""
    for result in run.results:
        path = report_path(result.article.uri)
        for claim_result in result.claims:
            span = claim_result.claim.span
            for finding in claim_result.findings:
                if finding.suppressed and not suppressed:
                    continue
                yield Record(result, claim_result, finding, path,
                             result.article.line_col(span.start),
                             result.article.line_col(span.end))


Position = tuple[int, int]


def source_region(result: CheckResult, passage_id: str) -> tuple[Document, Position, Position] | None:
    """The source document and line/column range of a cited passage, if one holds it."""
    for source in result.sources:
        passage = source.passage(passage_id)
        if passage is not None:
            return source, source.line_col(passage.span.start), source.line_col(passage.span.end)
    return None
