"""Edits that would make the article say what the source says, for the findings where
the source gives the right text: a misspelt name (ENT01: the source's spelling) and a
misquotation (QUO01: the source's words for the words the article changed).

SARIF carries them as ``fixes`` and reviewdog as ``suggestions``, so an editor or a
pull-request review can offer the correction in one click.  An edit is only offered
where the wrong text stands, exactly, once, inside the claim in the article's text (a
draft's masked Markdown keeps the file's offsets, so it is the file's text there), and
a difference of letter case or quotation-mark style alone is never "corrected".
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.report.records import Record
from checker.report.worddiff import word_diff
from checker.textnorm import fold


@dataclass(frozen=True)
class Replacement:
    """Put ``text`` in place of the article's characters ``[start, end)``."""

    start: int
    end: int
    text: str


def replacements(record: Record) -> list[Replacement]:
    """The edits that fix ``record``'s finding, or none where the source gives no text."""
    finding = record.finding
    wrong, right = finding.article_value, finding.source_value
    if finding.suppressed or not isinstance(wrong, str) or not isinstance(right, str):
        return []
    at = _only_place(record, wrong)
    if at is None:
        return []
    if finding.code == "ENT01":
        return [Replacement(at, at + len(wrong), right)] if fold(wrong) != fold(right) else []
    if finding.code == "QUO01":
        return _word_edits(at, wrong, right)
    return []


def _only_place(record: Record, text: str) -> int | None:
    """Where ``text`` stands in the claim's span of the article, if exactly once."""
    article, span = record.result.article.text, record.claim_result.claim.span
    first = article.find(text, span.start, span.end)
    if first < 0 or article.find(text, first + 1, span.end) >= 0:
        return None
    return first


def _word_edits(at: int, article_words: str, source_words: str) -> list[Replacement]:
    """The changed words of a quotation, each replaced by the source's (offsets from ``at``)."""
    edits: list[Replacement] = []
    position, pending = at, None
    for op, text in word_diff(article_words, source_words):
        if op == "del":
            pending = Replacement(position, position + len(text), "")
            position += len(text)
        elif op == "ins":
            start = pending.start if pending else position
            end = pending.end if pending else position
            removed = article_words[start - at:end - at]
            if fold(removed) != fold(text):
                edits.append(Replacement(start, end, text))
            pending = None
        else:
            if pending:  # words the source does not have
                edits.append(pending)
            pending = None
            position += len(text)
    if pending:
        edits.append(pending)
    fixed = _applied(article_words, [Replacement(e.start - at, e.end - at, e.text) for e in edits])
    return edits if fold(fixed) == fold(source_words) else []  # never offer a wrong edit


def _applied(text: str, edits: list[Replacement]) -> str:
    """``text`` with non-overlapping ``edits`` (in order) made."""
    out, position = [], 0
    for edit in edits:
        out += [text[position:edit.start], edit.text]
        position = edit.end
    return "".join(out) + text[position:]
