"""Reading what a report says about itself: its subject, the dates, the judgements.

These facts let the rules compare a rating or a date with the report's own statement of
it instead of with whichever passage happened to rank first, and let the relation step
tell a later inspection of the same subject from this one (the subject itself is read
in checker/ingest/subjects.py).
"""

from __future__ import annotations

import re
from datetime import date

from checker.ingest.subjects import read_subject
from checker.model import Judgement, Passage, SourceFacts
from checker.textnorm import fold

GRADES = ("outstanding", "good", "requires improvement", "adequate", "inadequate")
_GRADE = r"(outstanding|good|requires improvement(?: to be good)?|adequate|inadequate)"
MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_DAY_MONTH_YEAR = r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})"

# Judgement subjects as a person names them; the key is the canonical subject.
SUBJECTS = {
    "adoption": ("adoption",),
    "care_leavers": ("care leavers", "care leaver", "leaving care"),
    "help_and_protection": ("help and protection",),
    "looked_after": ("looked after and achieving permanence", "children looked after",
                     "looked after children", "looked-after"),
    "leadership": ("leadership, management and governance", "leadership"),
    "lscb": ("lscb", "safeguarding children board", "local safeguarding children"),
    "overall": ("overall", "children's services", "children’s services", "authority",
                "council", "department"),
}


def canonical_grade(text: str) -> str | None:
    """The grade a text gives, on the canonical scale ('require improvement to be good'
    is 'requires improvement'); None if it gives none."""
    text = fold(text)
    if re.search(r"\brequir(?:es|e|ing) improvement\b", text):
        return "requires improvement"
    for grade in ("inadequate", "outstanding", "adequate", "good"):
        if re.search(rf"\b{grade}\b", text):
            return grade
    return None


def subject_of(text: str) -> str | None:
    """The judgement area a phrase names, most specific first; None if it names none."""
    folded = fold(text)
    for subject, cues in SUBJECTS.items():
        if any(cue in folded for cue in cues):
            return subject
    return None


def parse_date(day: str, month: str, year: str) -> str | None:
    """An ISO date of a day, a month's name (or its abbreviation: 'Dec') and a year."""
    month = month.lower()
    number = MONTHS.get(month) or next(
        (n for name, n in MONTHS.items() if len(month) >= 3 and name.startswith(month)), None)
    if not number:
        return None
    try:
        return date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


def read_facts(text: str, passages: tuple[Passage, ...]) -> SourceFacts:
    head = text[:3000]
    start = end = published = None
    inspection_passage = published_passage = None
    inspection = _inspection_dates(head)
    if inspection:
        start, end, offset = inspection
        inspection_passage = _passage_at(passages, offset)
    pub = re.search(r"(?:(?:Report )?published|(?:Release|Publication) date):?\s*" + _DAY_MONTH_YEAR, head, re.I)
    if pub:
        published = parse_date(*pub.groups())
        published_passage = _passage_at(passages, pub.start())
    return SourceFacts(subject=read_subject(text, passages), inspection_start=start, inspection_end=end,
                       published=published, judgements=tuple(_judgements(passages)),
                       inspection_passage=inspection_passage, published_passage=published_passage)


_INSPECTION_DATES = re.compile(r"Inspection dates?:?\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)(?:\s+(\d{4}))?"
                               r"(?:\s*(?:[-–—]|to)\s*" + _DAY_MONTH_YEAR + ")?", re.I)
# A report title that ends with its visit: 'Report on an independent review of progress at
# HMP Lowdham Grange by HM Chief Inspector of Prisons (8–10 January 2024)'
_TITLE_DATES = re.compile(r"\b(?:inspection|review|visit)\b[^\n()]{0,160}\((\d{1,2})\s*[-–—]\s*"
                          + _DAY_MONTH_YEAR + r"\)", re.I)


def _inspection_dates(head: str) -> tuple[str | None, str | None, int] | None:
    """(first day, last day, offset) of the inspection the report states, or None."""
    labelled = _INSPECTION_DATES.search(head)
    if labelled and (labelled.group(3) or labelled.group(4)):
        day, month, year, *last = labelled.groups()
        end = parse_date(*last) if last[0] else None
        start = parse_date(day, month, year or (last[2] if last[0] else ""))
        return start, end or start, labelled.start()
    titled = _TITLE_DATES.search(head)
    if titled:
        first, last, month, year = titled.groups()
        return parse_date(first, month, year), parse_date(last, month, year), titled.start()
    return None


def _passage_at(passages: tuple[Passage, ...], offset: int) -> str | None:
    for passage in passages:
        if passage.span.start <= offset < passage.span.end:
            return passage.id
    return None


def _judgements(passages: tuple[Passage, ...]) -> list[Judgement]:
    """Judgements stated as table rows ('Adoption performance — Requires improvement') or
    as sentences ('The overall judgement is that children's services are inadequate')."""
    found: dict[str, Judgement] = {}

    def add(subject: str | None, grade: str | None, passage: Passage) -> None:
        if subject and grade and subject not in found:
            found[subject] = Judgement(subject, grade, passage.id)

    for passage in passages:
        text = fold(passage.text)
        if passage.kind == "table_row" and " — " in passage.text:
            label, _, value = passage.text.rpartition(" — ")
            grade = canonical_grade(value)
            if grade and fold(value).strip() in (g for g in GRADES):
                add(subject_of(label) or None, grade, passage)
            continue
        if passage.kind not in ("heading", "paragraph"):
            continue
        sentence = re.match(r"the overall judgement is that (.+)", text)
        if sentence and canonical_grade(sentence.group(1)):
            add("overall", canonical_grade(sentence.group(1)), passage)
            continue
        graded = re.match(r"the graded judgement (?:for|about) (.+?) is that (?:it is )?(?:it )?" + _GRADE, text)
        if graded:
            add(subject_of(graded.group(1)), canonical_grade(graded.group(2)), passage)
            continue
        board = re.match(r"the (lscb|local safeguarding children(?: board)?) is " + _GRADE, text)
        if board:
            add("lscb", canonical_grade(board.group(2)), passage)
    return list(found.values())
