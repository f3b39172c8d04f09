"""One claim, one verdict: scope first, then alignment, then the kind's own check.

Claims spoken by someone other than the source (a councillor's figure inside their
quotation) are aligned and given a verdict, but never a finding: the article reports
that they said it, and the report cannot contradict what they said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from checker.compare.dates import check_date
from checker.compare.figures import (
    LOCAL_WEIGHT,
    SourceFigure,
    check_bare_number,
    check_figure,
    unit_key,
)
from checker.compare.names import check_name, near_misses, term_finding
from checker.compare.quotes import check_quote
from checker.compare.ratings import check_rating
from checker.compare.scope import (
    about_other_authority,
    in_scope,
    names_authority,
    refers_to_earlier,
)
from checker.extract.figures import local_context
from checker.ingest.grades import is_history
from checker.match.index import MAX_EVIDENCE_PIECES, SourceIndex, clauses
from checker.compare.rules import RULES_BY_CODE
from checker.model import Alignment, Claim, ClaimResult, Document, Finding, Relation
from checker.textnorm import as_written

SUPPORTED_AT = 0.6  # alignment score at which a statement counts as the source's
REPEATED_AT = 0.9  # ... and at which it is the source's sentence, word for word


def _sentence(claim: Claim, article: Document) -> str:
    if claim.sentence is None:
        return claim.text
    return article.text[claim.sentence.start:claim.sentence.end]


def _query(claim: Claim, sentence: str) -> str:
    if claim.kind == "quote":
        return claim.payload.content  # type: ignore[union-attr]
    return claim.text if claim.kind == "statement" else sentence


Row = tuple[tuple[int, int], tuple[float, ...]]  # a figure's (position, count), the others' values


def figure_rows(claims: Sequence[Claim]) -> dict[str, Row]:
    """For each figure claim (by id), its place among its sentence's figures of the same
    unit and their values: "from 331 to 454" is read against a source sentence's two
    figures in order.  Grouped once for the article, so that a sentence of many figures
    costs their number, not its square, to look up."""
    rows: dict[tuple, list[Claim]] = {}
    for claim in claims:
        if claim.kind == "figure" and claim.payload.unit:  # type: ignore[union-attr]
            rows.setdefault((claim.sentence, unit_key(claim.payload.unit)), []).append(claim)  # type: ignore[union-attr]
    out: dict[str, Row] = {}
    for row in rows.values():
        values = [c.payload.value for c in row]  # type: ignore[union-attr]
        for k, claim in enumerate(row):
            out[claim.id] = ((k, len(row)), tuple(values[:k] + values[k + 1:]))
    return out


def judge(claim: Claim, article: Document, chosen: SourceIndex | None, relation: Relation,
          row: Row | None = None) -> ClaimResult:
    """The verdict on one claim; ``row``: a figure's place among its sentence's figures
    of its unit (:func:`figure_rows`)."""
    empty = Alignment(claim.id)
    if chosen is None:
        verdict = "out_of_scope" if relation.verdict == "different_subject" else "unchecked"
        return ClaimResult(claim, verdict, empty)
    facts = chosen.document.facts
    sentence = _sentence(claim, article)
    if not in_scope(sentence, relation, facts):
        return ClaimResult(claim, "out_of_scope", empty)
    alignment = chosen.align(claim, _query(claim, sentence),
                             clauses(claim.text) if claim.kind == "statement" else ())
    if about_other_authority(sentence, facts):
        return ClaimResult(claim, "not_in_source", alignment)
    verdict, findings, evidence = _check(claim, sentence, alignment, chosen, row)
    if chosen.incomplete:
        findings = [_as_note(f) for f in findings]
    if evidence:
        seen = {e.passage for e in evidence}
        merged = tuple(evidence) + tuple(e for e in alignment.evidence if e.passage not in seen)
        alignment = Alignment(claim.id, merged[:MAX_EVIDENCE_PIECES], _method(claim, alignment, evidence))
    if _spoken_by_other(claim):
        findings = []
        verdict = "supported" if verdict == "supported" else "not_in_source"
    return ClaimResult(claim, verdict, alignment, tuple(findings))


def _as_note(finding: Finding) -> Finding:
    """A finding that the source lacks something, made against a source whose text
    stops mid-sentence, is information: the words may be in the part that is missing."""
    if not RULES_BY_CODE[finding.code].absence or finding.severity == "info":
        return finding
    return replace(finding, severity="info",
                   message=finding.message + " (the source's text stops mid-sentence: this may be in "
                                             "the part that is missing)")


def _spoken_by_other(claim: Claim) -> bool:
    """Words of someone other than the source: their quotation, or a claim inside it."""
    if claim.kind == "quote":
        return claim.payload.speaker_kind == "other"  # type: ignore[union-attr]
    return bool(claim.attribution)


def _method(claim: Claim, alignment: Alignment, evidence) -> str:
    """Which stage found the evidence: the sentence look-up, the source's own facts
    (ratings, dates), a quotation's fit, or the figure/name search of the whole source."""
    if claim.kind == "quote":
        return "exact" if all(e.score >= 1.0 for e in evidence) else "fuzzy"
    if claim.kind in ("rating", "date"):
        return "facts"
    if alignment.method == "exact" or not alignment.evidence:
        return alignment.method if alignment.method == "exact" else claim.kind
    return alignment.method


def _check(claim: Claim, sentence: str, alignment: Alignment, index: SourceIndex,
           row: Row | None):
    facts = index.document.facts
    if claim.kind == "quote":
        return check_quote(claim, index)
    if claim.kind == "figure" and not claim.payload.unit:  # type: ignore[union-attr]
        return check_bare_number(claim.payload, sentence, index.passages, index.similarity)
    if claim.kind == "figure":
        position, others = row or ((0, 1), ())
        return check_figure(claim, sentence, _source_figures(claim, sentence, index), facts,
                            position, others)
    if claim.kind == "rating":
        if refers_to_earlier(sentence, facts) or _from_history(alignment, index):
            return _earlier_rating(claim, alignment, index)
        return check_rating(claim, facts, names_authority(sentence, facts))
    if claim.kind == "date":
        near = {e.passage for e in alignment.evidence if e.score >= SUPPORTED_AT}
        return check_date(claim, facts, [d for d in index.dates if d[0] in near], index.dates)
    if claim.kind == "entity":
        return check_name(claim, index)
    cited = [e.passage for e in alignment.evidence]
    covered = index.joint_coverage(claim.text, cited) if cited else 0.0
    verdict = "supported" if covered >= SUPPORTED_AT else "not_in_source"
    # names are the entity claims' to report; a statement reports only common terms
    misses = [m for m in near_misses(claim.text, index) if not as_written(m[0], claim.text)[:1].isupper()]
    if misses:
        return "contradicted", [term_finding(claim, misses[0], index)], []
    return verdict, [], []


def _from_history(alignment: Alignment, index: SourceIndex) -> bool:
    """Does the sentence repeat the report's account of its past (a passage under
    'Previous Ofsted inspections', or one telling of the previous inspection)?  Its grade
    is then an earlier inspection's, never held to this report's judgements.  Only a
    sentence taken word for word counts: one merely near a history passage ("children
    looked after were judged adequate" beside "The last inspection ... judged adequate.
    ... judged to be inadequate in this inspection") is held to the current grade."""
    for evidence in alignment.evidence:
        passage = index.document.passage(evidence.passage)
        if evidence.score >= REPEATED_AT and passage is not None and (
                is_history(passage.heading) or is_history(passage.text)):
            return True
    return False


def _earlier_rating(claim: Claim, alignment: Alignment, index: SourceIndex):
    """A grade from an earlier inspection: supported where the passages the sentence
    aligns with give it, never held to the source's own judgements."""
    grade = re.compile(rf"\b{re.escape(claim.payload.grade)}\b", re.I)  # type: ignore[union-attr]
    for evidence in alignment.evidence:
        passage = index.document.passage(evidence.passage)
        if passage is not None and grade.search(passage.text):
            return "supported", [], [evidence]
    return "not_in_source", [], []


def _source_figures(claim: Claim, sentence: str, index: SourceIndex) -> list[SourceFigure]:
    """Every figure of the source, scored by how alike its context is to the claim's:
    the words around the number weigh more than the rest of the sentence."""
    near = local_context(sentence, claim.payload.text)  # type: ignore[union-attr]
    title = index.passages[0].text if index.passages else ""
    out = []
    for i, figures in index.quantities.items():
        for quantity, source_sentence, context, source_near in figures:
            local = index.similarity(near, source_near)
            whole = index.similarity(sentence, context)
            out.append(SourceFigure(quantity, index.passages[i].id, source_sentence,
                                    LOCAL_WEIGHT * local + (1 - LOCAL_WEIGHT) * whole,
                                    index.passages[i].text, local, f"{title} {index.passages[i].heading}"))
    return out


