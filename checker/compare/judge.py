"""One claim, one verdict: scope first, then alignment, then the kind's own check.

Claims spoken by someone other than the source (a councillor's quotation, a figure
inside it) are aligned but not checked, and never get a finding: the article reports
that they said it, and the report cannot confirm or contradict what they said.  A name
the source spells the same is not checked either: names are context, reported only
when misspelt or absent.  Each not-checked or out-of-scope verdict carries its reason in
the reader's words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from checker.compare.dates import check_date
from checker.compare.figures import (
    LOCAL_WEIGHT,
    SourceFigure,
    check_bare_number,
    check_figure,
    era_of,
    unit_key,
)
from checker.compare.names import check_name, near_misses, term_finding
from checker.compare.partial import check_overstatement
from checker.compare.quotes import check_quote
from checker.compare.ratings import check_rating
from checker.compare.scope import (
    about_other_authority,
    in_scope,
    names_authority,
    refers_to_earlier,
    with_care,
)
from checker.extract.figures import local_context
from checker.extract.statements import about_source
from checker.ingest.grades import is_history
from checker.match.index import ALIGN_FLOOR, MAX_EVIDENCE_PIECES, SourceIndex, best_sentence, clauses, query_stems
from checker.compare.rules import RULES_BY_CODE
from checker.model import Alignment, Claim, ClaimResult, Document, Evidence, Finding, Period, Relation
from checker.textnorm import STOPWORDS, as_written, fold, stem, stem_set

SUPPORTED_AT = 0.6  # alignment score at which a statement counts as the source's
REPEATED_AT = 0.9  # ... and at which it is the source's sentence, word for word
OUT_OF_SCOPE = {  # why an article's claims are not held to the source, by relation
    "different_subject": "the article is about something else",
    "later_report": "the article is about a later report",
    "earlier_report": "the article is about an earlier report",
}


def _sentence(claim: Claim, article: Document) -> str:
    if claim.sentence is None:
        return claim.text
    return article.text[claim.sentence.start:claim.sentence.end]


def _query(claim: Claim, sentence: str) -> str:
    if claim.kind == "quote":
        return claim.payload.content  # type: ignore[union-attr]
    return claim.text if claim.kind == "statement" else sentence


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
        return cls(placed, tuple(sorted((c for c in claims if c.kind in PARTS), key=lambda c: c.span.start)),
                   era=era_of([c.payload for c in sorted(figures, key=lambda c: c.span.start)]))

    def row(self, claim: Claim) -> Row:
        return self.rows.get(claim.id) or ((0, 1), ())

    def in_sentence(self, claim: Claim) -> tuple[Claim, ...]:
        """The parts within a statement's sentence (a quotation is placed by its span:
        it may run over several sentences, and names none of them)."""
        starts = [c.span.start for c in self.parts]
        first = bisect_left(starts, claim.span.start)
        return tuple(c for c in self.parts[first:bisect_right(starts, claim.span.end)]
                     if c.span.end <= claim.span.end and c.id != claim.id)


def judge(claim: Claim, article: Document, chosen: SourceIndex | None, relation: Relation,
          parts: ArticleParts | None = None) -> ClaimResult:
    """The verdict on one claim; ``parts``: the article's figures, grades, dates and
    quotations, grouped (:class:`ArticleParts`; none given, the claim is judged on its
    own).  A statement is judged after the parts of its sentence, and by them: each
    claim is judged once, whichever is asked for first."""
    parts = parts if parts is not None else ArticleParts()
    known = parts.judged.get(claim.id)
    if known is None:
        if claim.kind == "statement":
            for part in parts.in_sentence(claim):
                judge(part, article, chosen, relation, parts)
        known = parts.judged[claim.id] = _judge(claim, article, chosen, relation, parts)
    return known


def _judge(claim: Claim, article: Document, chosen: SourceIndex | None, relation: Relation,
           parts: ArticleParts) -> ClaimResult:
    empty = Alignment(claim.id)
    if chosen is None:
        if relation.verdict == "different_subject":
            return ClaimResult(claim, "out_of_scope", empty, reason=OUT_OF_SCOPE[relation.verdict])
        return ClaimResult(claim, "not_checked", empty, reason="no source was found for this article")
    facts = chosen.document.facts
    sentence = _sentence(claim, article)
    if not in_scope(sentence, relation, facts):
        return ClaimResult(claim, "out_of_scope", empty, reason=OUT_OF_SCOPE.get(relation.verdict, ""))
    alignment = chosen.align(claim, _query(claim, sentence),
                             clauses(claim.text) if claim.kind == "statement" else ())
    if about_other_authority(sentence, facts):
        return ClaimResult(claim, "not_in_source", alignment)
    verdict, findings, evidence = _check(claim, sentence, alignment, chosen, parts)
    if chosen.incomplete:
        findings = [_as_note(f) for f in findings]
    findings = [with_care(f, relation) for f in findings]
    if evidence:
        seen = {e.passage for e in evidence}
        merged = tuple(_in_source_words(evidence, chosen)) + tuple(e for e in alignment.evidence if e.passage not in seen)
        alignment = Alignment(claim.id, merged[:MAX_EVIDENCE_PIECES], _method(claim, alignment, evidence))
    if claim.said_by is not None:
        return ClaimResult(claim, "not_checked", alignment,
                           reason=f"said by {claim.said_by}" if claim.said_by else "said by someone else")
    if claim.kind == "entity" and verdict == "supported":
        return ClaimResult(claim, "not_checked", alignment, reason="a name, spelt as the source spells it")
    return ClaimResult(claim, verdict, alignment, tuple(findings))


def _in_source_words(evidence: Sequence[Evidence], index: SourceIndex) -> list[Evidence]:
    """Evidence as the source's own words: the whole sentence or table row of the cited
    passage that holds what a comparison found there, never checker's summary of it (a
    judgement read as "the overall judgement: inadequate" is quoted as the report's
    "The overall judgement is that children's services are inadequate").  Evidence that
    names no passage of the source cannot be looked up by a reader, and is left out."""
    out = []
    for e in evidence:
        passage = index.document.passage(e.passage)
        if passage is not None:
            out.append(replace(e, text=best_sentence(passage.text, e.text)))
    return out


def _as_note(finding: Finding) -> Finding:
    """A finding that the source lacks something, made against a source whose text
    stops mid-sentence, is information: the words may be in the part that is missing."""
    if not RULES_BY_CODE[finding.code].absence or finding.severity == "info":
        return finding
    return replace(finding, severity="info",
                   message=finding.message + " (the source's text stops mid-sentence: this may be in "
                                             "the part that is missing)")


def _method(claim: Claim, alignment: Alignment, evidence) -> str:
    """Which stage found the evidence: the sentence look-up, the source's own facts
    (ratings, dates), a quotation's fit, or the figure/name search of the whole source."""
    if claim.kind == "quote":
        return "exact" if all(e.score >= 1.0 for e in evidence) else "fuzzy"
    if claim.kind in ("rating", "date"):
        return "facts"
    if alignment.method == "exact" or alignment.evidence:
        return alignment.method
    return "entity" if claim.kind == "entity" else "figure"  # a statement held by its figures or grades too


def _check(claim: Claim, sentence: str, alignment: Alignment, index: SourceIndex,
           parts: ArticleParts):
    facts = index.document.facts
    if claim.kind == "quote":
        return check_quote(claim, index)
    if claim.kind == "figure" and not claim.payload.unit:  # type: ignore[union-attr]
        return check_bare_number(claim.payload, sentence, index.passages, index.similarity)
    if claim.kind == "figure":
        position, others = parts.row(claim)
        return check_figure(claim, sentence, _source_figures(claim, sentence, index), facts,
                            position, others, parts.era)
    if claim.kind == "rating":
        if refers_to_earlier(sentence, facts) or _from_history(alignment, index):
            return _earlier_rating(claim, alignment, index)
        return check_rating(claim, facts, names_authority(sentence, facts))
    if claim.kind == "date":
        near = {e.passage for e in alignment.held if e.score >= SUPPORTED_AT}
        return check_date(claim, facts, [d for d in index.dates if d[0] in near], index.dates)
    if claim.kind == "entity":
        return check_name(claim, index)
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


VETO = ("figure", "rating", "quote", "date")


def _fails(part: ClaimResult) -> bool:
    """Is a part of a sentence (a figure, a grade, a date, a quotation of the source)
    one the source does not hold or contradicts?  Then the sentence is not the
    source's, however many of its words a passage holds ("The inspection took place
    between February 5 and 16 and ..." against an excerpt without those dates)."""
    return part.claim.kind in VETO and (part.verdict in ("not_in_source", "contradicted") or bool(part.findings))


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


def _from_history(alignment: Alignment, index: SourceIndex) -> bool:
    """Does the sentence repeat the report's account of its past (a passage under
    'Previous Ofsted inspections', or one telling of the previous inspection)?  Its grade
    is then an earlier inspection's, never held to this report's judgements.  Only a
    sentence taken word for word counts: one merely near a history passage ("children
    looked after were judged adequate" beside "The last inspection ... judged adequate.
    ... judged to be inadequate in this inspection") is held to the current grade."""
    for evidence in alignment.held:
        passage = index.document.passage(evidence.passage)
        if evidence.score >= REPEATED_AT and passage is not None and (
                is_history(passage.heading) or is_history(passage.text)):
            return True
    return False


def _earlier_rating(claim: Claim, alignment: Alignment, index: SourceIndex):
    """A grade from an earlier inspection: supported where the passages the sentence
    aligns with give it, never held to the source's own judgements."""
    grade = re.compile(rf"\b{re.escape(claim.payload.grade)}\b", re.I)  # type: ignore[union-attr]
    for evidence in alignment.held:
        passage = index.document.passage(evidence.passage)
        if passage is not None and grade.search(passage.text):
            return "supported", [], [evidence]
    return "not_in_source", [], []


def _source_figures(claim: Claim, sentence: str, index: SourceIndex) -> list[SourceFigure]:
    """Every figure of the source, scored by how alike its context is to the claim's:
    the words around the number weigh more than the rest of the sentence."""
    near = local_context(sentence, claim.payload.text)  # type: ignore[union-attr]
    out = []
    for i, figures in index.quantities.items():
        for quantity, source_sentence, context, source_near in figures:
            local = index.similarity(near, source_near)
            whole = index.similarity(sentence, context)
            out.append(SourceFigure(quantity, index.passages[i].id, source_sentence,
                                    LOCAL_WEIGHT * local + (1 - LOCAL_WEIGHT) * whole,
                                    index.passages[i].text, local, f"{index.title} {index.passages[i].heading}"))
    return out


