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
from collections.abc import Sequence
from dataclasses import replace

from checker.compare.dates import check_date
from checker.compare.figures import LOCAL_WEIGHT, SourceFigure, check_bare_number, check_figure
from checker.compare.names import check_name
from checker.compare.parts import ArticleParts
from checker.compare.quotes import check_quote
from checker.compare.ratings import check_rating
from checker.compare.rules import RULES_BY_CODE
from checker.compare.scope import (
    about_other_authority,
    in_scope,
    names_authority,
    refers_to_earlier,
    with_care,
)
from checker.compare.statements import SUPPORTED_AT, check_statement
from checker.extract.figures import local_context
from checker.ingest.grades import is_history
from checker.match.index import MAX_EVIDENCE_PIECES, SourceIndex, best_sentence, clauses
from checker.model import Alignment, Claim, ClaimResult, Document, Evidence, Finding, Relation

REPEATED_AT = 0.9  # alignment score at which a sentence is the source's, word for word
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
    return check_statement(claim, alignment, index, parts)


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


