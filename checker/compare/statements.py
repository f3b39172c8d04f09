"""Is a statement (a check-worthy sentence of the article) the source's?

It is judged after the parts of its sentence (:mod:`checker.compare.parts`), and by them:

* held by its passages: those cited for it hold :data:`SUPPORTED_AT` of what it says,
  without a reporting frame ("Data from the ONS showed that ...");
* held by its parts: every figure and grade in it is the source's, and their passages,
  read under their headings and the source's title, hold the rest;
* kept out by its parts: a figure, grade, date or quotation of the source in it that the
  source lacks or contradicts;
* a term one word off the source's established one is a finding (ENT01), and support
  that goes further than its passage in words a rule can name is one too (STA01).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.compare.names import near_misses, term_finding
from checker.compare.partial import check_overstatement
from checker.compare.parts import PARTS, ArticleParts
from checker.extract.statements import about_source
from checker.match.index import ALIGN_FLOOR, SourceIndex, best_sentence, clauses, query_stems
from checker.model import Alignment, Claim, ClaimResult, Evidence
from checker.textnorm import STOPWORDS, as_written, fold, stem, stem_set

SUPPORTED_AT = 0.6  # alignment score at which a statement counts as the source's


def check_statement(claim: Claim, alignment: Alignment, index: SourceIndex, parts: ArticleParts):
    """(verdict, findings, evidence) of a statement whose parts are judged already."""
    cited = [e.passage for e in alignment.held]
    told = _reported(claim.text) or claim.text
    covered = _told_by(told, cited, index, several=bool(clauses(claim.text)) or alignment.method == "adjacent")
    verdict = "supported" if covered >= SUPPORTED_AT else "not_in_source"
    # names are the entity claims' to report; a statement reports only common terms
    misses = [m for m in near_misses(claim.text, index) if not as_written(m[0], claim.text)[:1].isupper()]
    if misses:
        return "contradicted", [term_finding(claim, misses[0], index)], []
    inside = [parts.judged[p.id] for p in parts.in_sentence(claim)]
    start, end = _frame(claim.text)
    framing = range(claim.span.start + start, claim.span.start + end)
    if any(_fails(part) for part in inside if part.claim.span.start not in framing):
        return "not_in_source", [], []
    held = _held_by_parts(claim, inside, index) if verdict != "supported" else []
    if held:
        verdict = "supported"
        cited = list(dict.fromkeys([e.passage for e in held] + cited))
    over = check_overstatement(claim, index, cited) if verdict == "supported" else None
    if over:
        return verdict, [over[0]], [over[1]]
    return verdict, [], held


# a reporting verb: what follows is what was found, said or concluded
_REPORTED = re.compile(r"\b(?:found|finds?|concluded|concludes?|said|says?|showed|shows?|revealed|reveals?|"
                       r"reported|reports?|stated|states?|noted|notes?|warned|warns?)\s+(that\s+)?(.+)", re.I | re.S)


def _told_by(told: str, cited: Sequence[str], index: SourceIndex, several: bool) -> float:
    """How much of what a statement tells its cited passages hold.  A short statement
    says one thing, told in one sentence: a long passage whose sentences each share a
    word with it ("inflation", "rate", "prices", "rise" in four sentences on other
    things) does not tell it.  A long one (or one told by a pair of neighbours,
    ``several``) draws on several passages, whose words are taken together."""
    if several:
        return index.joint_coverage(told, list(cited))
    wanted = set(query_stems(told))
    passages = [index.document.passage(p) for p in cited]
    return max((index.share(wanted, stem_set(best_sentence(p.text, told))) for p in passages if p is not None),
               default=0.0)


def _frame(text: str) -> tuple[int, int]:
    """Where a sentence frames what it says as reported, the frame's span: a reporting
    verb with "that" ("..., concluded that all hospitals had areas for improvement"), or
    one whose subject is the source or its author ("In her report, published on November
    15, inspector Linda Jacobs said leaders had an overgenerous view ...").  The frame
    runs from the start of its clause (the sentence's start, or an "and", "but" or ";"
    that joins it to a statement of its own: "The inspection took place between February
    5 and 16 and HMI Prisons said ...") to the verb and its "that".  (0, 0) when the
    sentence is not framed so ("Remains were found in a caravan")."""
    for found in _REPORTED.finditer(text):
        joins = [m.end() for m in _JOIN.finditer(text, 0, found.start())]
        start = joins[-1] if joins else 0
        if found.group(1) or about_source(text[start:found.start()]):
            return start, found.start(2)
    return 0, 0


_JOIN = re.compile(r"\s(?:and|but)\s|;\s*")


def _reported(text: str) -> str:
    """What a sentence says, without its reporting frame (:func:`_frame`): that is what the
    source must hold, however well or badly a passage matches the frame around it; the
    frame's date and names are claims of their own.  '' when there is no frame."""
    start, end = _frame(text)
    return f"{text[:start]}{text[end:]}".strip() if end else ""


def _fails(part: ClaimResult) -> bool:
    """Is a part of a sentence (a figure, a grade, a date, a quotation of the source)
    one the source does not hold or contradicts?  Then the sentence is not the
    source's, however many of its words a passage holds ("The inspection took place
    between February 5 and 16 and ..." against an excerpt without those dates)."""
    return part.claim.kind in PARTS and (part.verdict in ("not_in_source", "contradicted") or bool(part.findings))


def _held_by_parts(claim: Claim, inside: Sequence[ClaimResult], index: SourceIndex) -> list[Evidence]:
    """A sentence that reports the source's figures or grades in other words than the
    source's ("inflation fell to 10.5% in December from 10.7% in November" for "The
    Consumer Prices Index (CPI) rose by 10.5% in the 12 months to December 2022, down from
    10.7% in November"; "All bar Adoption performance, which was given 'requires
    improvement', were given an inadequate" for the report's table of judgements) is the
    source's when every figure and grade in it is supported (judged before it, each
    figure with its measure, period and unit checked; none of its parts fails); the
    passages giving them and its dates, read under their headings and the source's title
    as a reader reads a release ("UK inflation rose by 7 percent in March" under
    "Consumer price inflation, UK: March 2022"), hold at least :data:`ALIGN_FLOOR` of
    what it reports (without a frame such as "Data from the ONS showed that"); and every
    other number in it stands there with the word it counts (a year counts nothing).  A
    date alone never holds a sentence: "in 2014" stands in many passages that say nothing
    of the rest.  Returns the evidence of its parts, or nothing."""
    supported = [p for p in inside if p.verdict == "supported" and p.alignment.evidence]
    if not any(p.claim.kind != "date" for p in supported):
        return []
    evidence = [p.alignment.evidence[0] for p in supported]
    passages = set(e.passage for e in evidence)
    source = " ".join(f"{index.title} {p.heading} {p.text}" for p in index.passages if p.id in passages)
    if index.share(set(query_stems(_reported(claim.text) or claim.text)), stem_set(source)) < ALIGN_FLOOR:
        return []
    checked = [p.claim for p in supported]
    return evidence if _numbers_stand(_without(claim.text, claim.span.start, checked), source) else []


# a number, and the word straight after it (no punctuation between): what it counts
_NUMBER = re.compile(r"\b(\d+(?:[.,]\d+)*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)"
                     r"\b(?:[ -]([a-z]+))?")


_YEAR = re.compile(r"(?:19|20)\d\d")


def _without(text: str, start: int, parts: Sequence[Claim]) -> str:
    """The text with the checked claims inside it blanked out, and the dated period each
    checked figure was held to ("4.5% in the three months to August": its three months
    were checked with it; a window such as "within four years" is not a dated period,
    and stays to be checked): what is left unchecked."""
    chars = list(text)
    spans = [(part.span.start - start, part.span.end - start) for part in parts]
    for part in parts:
        period = part.payload.period if part.kind == "figure" else None  # type: ignore[union-attr]
        dated = period is not None and period.dated and period.text
        at = text.find(period.text, part.span.end - start) if dated else -1  # type: ignore[union-attr]
        if at >= 0:
            spans.append((at, at + len(period.text)))
    for first, last in spans:
        for i in range(max(0, first), min(len(text), last)):
            chars[i] = " "
    return "".join(chars)


def _numbers_stand(text: str, source: str) -> bool:
    """Does every number of ``text`` that no figure claim checked stand in the source as
    it does here, with the word it counts ("four years" is not the source's "four-hour")?"""
    def numbers(t: str) -> list[tuple[str, str]]:
        return [(n, stem(w) if w and w not in STOPWORDS else "") for n, w in _NUMBER.findall(fold(t))]

    given = numbers(source)
    held, counted = {n for n, _ in given}, set(given)
    return all(n in held and (not w or _YEAR.fullmatch(n) or (n, w) in counted) for n, w in numbers(text))
