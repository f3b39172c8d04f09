"""What the reports a person reads (text, HTML) say in words: verdicts, relations,
counts and citations, in one vocabulary so that the terminal and the page agree.

Machine formats keep the model's names (``supported``, ``not_in_source``); a reader
sees "confirmed", "not in the source", "not checked (said by Cllr Huxtable)".
"""

from __future__ import annotations

from checker.model import CHECKED, CheckResult, ClaimResult, Document, Summary
from checker.textnorm import one_line

VERDICT_LABEL = {"contradicted": "Contradicted", "not_in_source": "Not in the source",
                 "not_checked": "Not checked", "out_of_scope": "Out of scope",
                 "supported": "Confirmed"}
SEVERITY_WORD = {"error": "error", "warning": "warning", "info": "note"}
RELATION_LABEL = {"same_report": "Reports on this source",
                  "later_report": "About a later report than this source",
                  "earlier_report": "About an earlier report than this source",
                  "different_subject": "About a different subject",
                  "unknown": "Relation unknown"}


def verdict_words(claim_result: ClaimResult) -> str:
    """'confirmed', 'not in the source', 'not checked (said by Cllr Huxtable)'."""
    label = VERDICT_LABEL.get(claim_result.verdict, claim_result.verdict).lower()
    return f"{label} ({claim_result.reason})" if claim_result.reason else label


def summary_line(summary: Summary) -> str:
    """'2 errors, 1 warning (1 suppressed); 48 of 61 checkable claims confirmed', with the
    number of articles when there are several."""
    severities = [counted(summary.by_severity.get(s, 0), SEVERITY_WORD[s]) for s in ("error", "warning", "info")
                  if summary.by_severity.get(s, 0)]
    found = ", ".join(severities) if severities else "no findings"
    if summary.articles > 1:
        found += f" in {summary.articles} articles"
    if summary.suppressed:
        found += f" ({summary.suppressed} suppressed)"
    if not summary.checkable:
        return f"{found}; no claim could be checked"
    return f"{found}; {summary.confirmed} of {counted(summary.checkable, 'checkable claim')} confirmed"


def verdict_line(summary: Summary) -> str:
    """'39 confirmed, 1 contradicted, 19 not in the source; 50 not checked': every
    verdict with its count, checked ones first."""
    def part(verdicts) -> str:
        return ", ".join(f"{summary.by_verdict[v]} {VERDICT_LABEL[v].lower()}" for v in verdicts
                         if summary.by_verdict.get(v))
    checked, unchecked = part(CHECKED), part(("not_checked", "out_of_scope"))
    return "; ".join(p for p in (checked, unchecked) if p) or "no claims found"


def counted(number: int, noun: str) -> str:
    """'1 error', '2 errors', '61 checkable claims'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def chosen_source(result: CheckResult) -> Document | None:
    """The source the relation stage picked (named by uri or id), else the first given."""
    for source in result.sources:
        if result.relation.source in (source.uri, source.id):
            return source
    return result.sources[0] if result.sources else None


def citation(source: Document | None, passage_id: str) -> str:
    """``¶60``, or ``¶60, p. 12`` when the passage knows its page."""
    passage = source.passage(passage_id) if source else None
    if passage is not None and passage.page is not None:
        return f"{passage_id}, p. {passage.page}"
    return passage_id


def against(result: CheckResult) -> str:
    """' against report.txt', or what the article is instead: ' (about a later report
    than report.txt)', ' (no source found)'."""
    source = chosen_source(result)
    name = one_line(source.uri) if source else None
    verdict = result.relation.verdict
    if name is None:
        return " (no source found)"
    if verdict == "same_report":
        return f" against {name}"
    if verdict == "unknown" and result.relation.source is None:
        return f" (no source found among {counted(len(result.sources), 'candidate')})" \
            if len(result.sources) > 1 else f" against {name} (relation unknown)"
    return f" ({RELATION_LABEL[verdict].lower().replace('this source', name)})"
