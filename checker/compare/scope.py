"""Which claims may be held to the source at all.

An article about another authority, or about a later inspection, says things the
source cannot support or contradict: those claims are out of scope, never "supported"
(the trap: another council's adoption service may have the same grade).  In a later
report's article, only sentences that point back at the source's inspection (its year)
are in scope.  Inside an article about the source, a sentence about another authority
("Essex County Council ... improved to good") is not the source's to judge either.
When the relation is unknown the claims are judged, with care (:func:`with_care`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz

from checker.extract.names import COUNCIL
from checker.model import Finding, Relation, SourceFacts


def points_at_source(sentence: str, facts: SourceFacts | None) -> bool:
    """Does a sentence refer to the source's own inspection (by its year)?"""
    if not facts:
        return False
    years = {d[:4] for d in (facts.inspection_start, facts.inspection_end, facts.published) if d}
    return any(re.search(rf"\b{y}\b", sentence) for y in years) and bool(
        re.search(r"inspect|report|rated|judged|ofsted", sentence, re.I))


_PREVIOUS = re.compile(r"\b(?:last|previous|earlier|prior)\s+(?:ofsted\s+)?inspection\b|"
                       r"\b(?:was|were)\s+(?:last|previously)\s+(?:inspected|judged|rated)\b", re.I)


def refers_to_earlier(sentence: str, facts: SourceFacts | None) -> bool:
    """Is a sentence about a time before the source's inspection ('the last inspection,
    in June 2012, judged them adequate')?  Its grades are not the source's judgements."""
    if not facts or points_at_source(sentence, facts):
        return False
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", sentence)]
    start = int((facts.inspection_start or facts.published or "0")[:4])
    return bool(_PREVIOUS.search(sentence)) or (bool(years) and max(years) < start)


def in_scope(sentence: str, relation: Relation, facts: SourceFacts | None) -> bool:
    if relation.verdict == "different_subject":
        return False
    if relation.verdict in ("later_report", "earlier_report"):
        return points_at_source(sentence, facts)
    return True


def with_care(finding: Finding, relation: Relation) -> Finding:
    """A finding against a source the article may not report on (the relation is unknown:
    the source names no subject checker can read, or the article names none and the
    source holds too few of its statements to tell): that the source lacks something is
    information, since the article may report another text; a disagreement is a warning
    to look at, not an error, since the article may report another edition."""
    from checker.compare.rules import RULES_BY_CODE

    if relation.verdict != "unknown" or finding.severity == "info":
        return finding
    why = "the article may not report this source: checker could not tell what it reports"
    if RULES_BY_CODE[finding.code].absence:
        return replace(finding, severity="info", message=f"{finding.message} ({why})")
    if finding.severity == "error":
        return replace(finding, severity="warning", message=f"{finding.message} ({why})")
    return finding


def place_word(authority: str | None) -> str:
    """'Somerset' of 'Somerset County Council', 'Penmaenmawr' of 'Penmaenmawr Town Council'."""
    if not authority:
        return ""
    return re.sub(r"\s*(County|City|Borough|District|Metropolitan Borough|Town|Parish|Community)?\s*Council$", "",
                  authority).strip()


def same_authority(name: str, authority: str | None) -> bool:
    """Is a council name the source's authority, allowing a misspelling?"""
    place = place_word(authority)
    return bool(place) and fuzz.ratio(place_word(name).lower(), place.lower()) >= 85


def names_authority(sentence: str, facts: SourceFacts | None) -> bool:
    place = place_word(facts.authority if facts else None)
    return bool(place) and re.search(rf"\b{re.escape(place)}\b", sentence, re.I) is not None


def about_other_authority(sentence: str, facts: SourceFacts | None) -> bool:
    if not facts or not facts.authority:
        return False
    return _names_another_council(sentence, facts.authority)


@lru_cache(maxsize=1024)
def _names_another_council(sentence: str, authority: str) -> bool:
    """Does the sentence name a council, none of them the source's?  Cached: every
    claim of a sentence asks, and a long sentence was searched once a claim."""
    names = [m.group(0) for m in COUNCIL.finditer(sentence)]
    if not names:
        return False
    return not any(same_authority(n, authority) for n in names) and place_word(
        authority).lower() not in sentence.lower()
