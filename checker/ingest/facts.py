"""Reading what a report says about itself: the authority, the dates, the judgements.

These facts let the rules compare a rating or a date with the report's own statement of
it instead of with whichever passage happened to rank first, and let the relation step
tell a later inspection of the same authority from this one.
"""

from __future__ import annotations

import re

from checker.ingest.grades import read_judgements
from checker.ingest.report_dates import inspection_period, publication_date
from checker.model import Passage, SourceFacts

_AUTHORITY = re.compile(
    r"\b((?:[A-Z][a-z]+(?:[ -](?:and|upon|on)[ -])?){1,3}\s?"
    r"(?:County|City|Borough|District|Metropolitan Borough)?\s?Council)\b")


def read_facts(text: str, passages: tuple[Passage, ...]) -> SourceFacts:
    head = text[:3000]
    authority = None
    match = _AUTHORITY.search(head)
    if match:
        authority = match.group(1).strip()
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
    return SourceFacts(authority=authority, inspection_start=start, inspection_end=end,
                       published=published, judgements=tuple(read_judgements(passages)),
                       inspection_passage=inspection_passage, published_passage=published_passage)


def _passage_at(passages: tuple[Passage, ...], offset: int) -> str | None:
    for passage in passages:
        if passage.span.start <= offset < passage.span.end:
            return passage.id
    return None
