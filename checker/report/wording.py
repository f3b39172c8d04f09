"""What the reports a person reads (text, HTML) say in words: verdicts, relations,
counts and citations, in one vocabulary so that the terminal and the page agree.

Machine formats keep the model's names (``supported``, ``not_in_source``); a reader
sees "confirmed", "not in the source", "not checked (said by Cllr Huxtable)".
"""

from __future__ import annotations

from checker.model import CheckResult, ClaimResult, Document
from checker.textnorm import one_line

VERDICT_LABEL = {"contradicted": "Contradicted", "not_in_source": "Not in the source",
                 "not_checked": "Not checked", "out_of_scope": "Out of scope",
                 "supported": "Confirmed"}
RELATION_LABEL = {"same_report": "Reports on this source",
                  "later_report": "About a later report than this source",
                  "earlier_report": "About an earlier report than this source",
                  "different_subject": "About a different subject",
                  "unknown": "Relation unknown"}


def verdict_words(claim_result: ClaimResult) -> str:
    """'confirmed', 'not in the source', 'not checked (said by Cllr Huxtable)'."""
    label = VERDICT_LABEL.get(claim_result.verdict, claim_result.verdict).lower()
    return f"{label} ({claim_result.reason})" if claim_result.reason else label


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
