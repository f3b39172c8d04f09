"""Reading what a report says about itself: its subject, the dates, the judgements.

These facts let the rules compare a rating or a date with the report's own statement of
it instead of with whichever passage happened to rank first, and let the relation step
tell a later inspection of the same subject from this one (the subject is read in
checker/ingest/subjects.py, the dates in report_dates.py, the grades in grades.py).
"""

from __future__ import annotations

from checker.ingest.grades import read_judgements
from checker.ingest.report_dates import inspection_period, publication_date
from checker.ingest.subjects import read_subject
from checker.model import Passage, SourceFacts


def read_facts(text: str, passages: tuple[Passage, ...]) -> SourceFacts:
    head = text[:3000]
    start = end = published = None
    inspection_passage = published_passage = None
    inspection = inspection_period(head)
    if inspection:
        start, end, offset = inspection
        inspection_passage = _passage_at(passages, offset)
    publication = publication_date(head)
    if publication:
        published, offset = publication
        published_passage = _passage_at(passages, offset)
    return SourceFacts(subject=read_subject(text, passages), inspection_start=start, inspection_end=end,
                       published=published, judgements=tuple(read_judgements(passages)),
                       inspection_passage=inspection_passage, published_passage=published_passage)


def _passage_at(passages: tuple[Passage, ...], offset: int) -> str | None:
    for passage in passages:
        if passage.span.start <= offset < passage.span.end:
            return passage.id
    return None
