"""Ratings on the inspectorate's scale, with the subject judged.

Grades are common words ("good practice", "adequate quality"), so a grade counts as a
rating only when it is presented as one: in quote marks, or after a judging verb
("rated", "judged", "branded", "found to be", "given").  The subject is the judgement
area the sentence names (adoption, care leavers, the LSCB ...), else the overall
judgement.
"""

from __future__ import annotations

import re

from checker.ingest.facts import subject_of
from checker.model import Rating

GRADE = r"(?P<grade>outstanding|good|requires?\s+improvement(?:\s+to\s+be\s+good)?|requiring\s+improvement|adequate|inadequate)"
_QUOTED = re.compile(r"[\"“‘']\s*" + GRADE + r"\s*[\"”’']", re.I)
_JUDGED = re.compile(
    r"\b(?:rated|rating|judged|judgement|judgment|graded|branded|found\s+to\s+be|deemed|"
    r"given(?:\s+an?)?|handed|remains?|still|was|were|is|are|as|from|to|be)\s+(?:as\s+)?(?:an?\s+)?"
    r"[\"“‘']?" + GRADE + r"\b", re.I)


def _canonical(grade: str) -> str:
    grade = " ".join(grade.lower().split())
    if grade.startswith("requir"):
        return "requires improvement"
    return grade


def find_ratings(sentence: str) -> list[tuple[Rating, int, int]]:
    """Ratings in a sentence, with the character range of the grade words."""
    found: dict[int, tuple[Rating, int, int]] = {}
    for pattern in (_QUOTED, _JUDGED):
        for match in pattern.finditer(sentence):
            start, end = match.span("grade")
            if start in found:
                continue
            grade = _canonical(match.group("grade"))
            if grade in ("good", "adequate") and pattern is _JUDGED and not re.search(
                    r"rated|judged|graded|branded|found\s+to\s+be|deemed|given|handed|rating|judge?ment|from|to",
                    match.group(0), re.I) and subject_of(_clause_before(sentence, start)) is None:
                continue  # "is good" is plain English unless a judged area is its subject
            found[start] = (Rating(grade=grade, subject=_subject(sentence, start)), start, end)
    return [found[k] for k in sorted(found)]


_ALL_BUT = re.compile(r"\ball\s+(?:bar|but|except(?:\s+for)?|apart\s+from)\s+(?P<x>[^,\"“]+)", re.I)
_PLURAL_VERB = re.compile(r"\b(?:were|are|have\s+been)\b", re.I)


def _clause_before(sentence: str, at: int) -> str:
    return re.split(r"[;:,]|\bwhile\b|\bbut\b|\band\b", sentence[:at])[-1]


UNSPECIFIED = "unspecified"


def _subject(sentence: str, at: int) -> str:
    """The judgement area nearest before the grade, else in the sentence; the overall
    judgement when the sentence names the services, council or authority as a whole;
    else ``unspecified`` (the Troubled Families Programme "is good" judges no area).

    "All bar adoption ... were given an inadequate" judges every area but adoption:
    subject ``all_except:adoption``.
    """
    before = sentence[:at]
    every = _ALL_BUT.search(before)
    if every and _PLURAL_VERB.search(before[every.end():]):
        excluded = subject_of(every.group("x"))
        if excluded:
            return f"all_except:{excluded}"
    before = re.sub(r",\s*which\b[^,]*,", ",", before)
    clauses = re.split(r"[;:]|\bwhile\b|\bbut\b|\bbar\b", before)
    found = [subject_of(text) for text in (clauses[-1], before, sentence)]
    specific = [s for s in found if s and s != "overall"]
    if specific:
        return specific[0]
    return "overall" if "overall" in found else UNSPECIFIED
