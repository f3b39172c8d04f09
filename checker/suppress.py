"""Suppression comments in drafts, like Vale's ``<!-- vale off -->``.

``<!-- checker: ignore NUM01 -->`` silences the named rules (every rule with no code) in
the paragraph that follows the comment: in Markdown, up to the next blank line after the
first text; in plain text, where each line is a paragraph (as the seed articles are
written), up to the end of the first line of text.
``<!-- checker: off -->`` ... ``<!-- checker: on -->`` silences a
stretch (``off NUM01 QUO02`` only those rules); an ``off`` with no ``on`` runs to the end.

A writer who silences a finding has decided about it, but an editor must still be able
to see that decision, so suppressed findings are kept (``suppressed=True``), counted in
the summary and carried into SARIF as suppressions.  A comment that silences nothing
(the figure was fixed, the code is misspelt) is stale and is reported as an ``SUP01``
info finding, so suppressions do not pile up unseen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from checker.model import Alignment, CheckResult, Claim, ClaimResult, Finding, Span

_DIRECTIVE = re.compile(r"<!--\s*checker:\s*(ignore|off|on)\b(.*?)-->", re.I | re.S)
_CODE = re.compile(r"[A-Za-z]+\d+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LINE_END = re.compile(r"\n")


@dataclass(frozen=True)
class Directive:
    """One suppression comment and the stretch of text it covers."""

    kind: str  # ignore | off
    codes: frozenset[str]  # empty: every rule
    comment: Span
    region: Span
    text: str

    def covers(self, finding: Finding, claim: Claim) -> bool:
        in_region = self.region.start <= claim.span.start < self.region.end
        return in_region and (not self.codes or finding.code in self.codes)


def directives(text: str, markdown: bool = True) -> list[Directive]:
    """Every ``ignore`` and ``off`` comment in ``text``, with its region; ``markdown``
    says whether a paragraph runs to a blank line (else to the end of its line)."""
    paragraph_end = _BLANK_LINE if markdown else _LINE_END
    found: list[Directive] = []
    open_offs: list[tuple[re.Match[str], frozenset[str]]] = []
    for match in _DIRECTIVE.finditer(text):
        kind = match.group(1).lower()
        codes = frozenset(code.upper() for code in _CODE.findall(match.group(2)))
        if kind == "ignore":
            region = _next_paragraph(text, match.end(), paragraph_end)
            found.append(_directive("ignore", codes, match, region))
        elif kind == "off":
            open_offs.append((match, codes))
        else:
            for off, off_codes in open_offs:
                found.append(_directive("off", off_codes, off, Span(off.end(), match.start())))
            open_offs = []
    for off, off_codes in open_offs:
        found.append(_directive("off", off_codes, off, Span(off.end(), len(text))))
    return sorted(found, key=lambda d: d.comment.start)


def _directive(kind: str, codes: frozenset[str], match: re.Match[str], region: Span) -> Directive:
    return Directive(kind, codes, Span(match.start(), match.end()), region, match.group(0))


def _next_paragraph(text: str, after: int, paragraph_end: re.Pattern[str]) -> Span:
    """From ``after`` to the end of the first paragraph that starts at or after it."""
    body = len(text) - len(text[after:].lstrip())
    end = paragraph_end.search(text, body)
    return Span(after, end.start() if end else len(text))


def apply_suppressions(result: CheckResult) -> CheckResult:
    """``result`` with covered findings marked suppressed and one ``SUP01`` info finding
    for each directive that covered none."""
    from checker.compare.rules import UnusedSuppression

    markdown = result.article.meta.get("format") == "markdown" or \
        result.article.uri.lower().endswith((".md", ".markdown"))
    found = directives(result.article.text, markdown)
    if not found:
        return result
    used: set[int] = set()
    claims: list[ClaimResult] = []
    for claim_result in result.claims:
        findings = []
        for finding in claim_result.findings:
            hits = [i for i, d in enumerate(found) if d.covers(finding, claim_result.claim)]
            used.update(hits)
            findings.append(replace(finding, suppressed=True) if hits else finding)
        claims.append(replace(claim_result, findings=tuple(findings)))
    for index, directive in enumerate(found):
        if index not in used:
            claims.append(_unused(directive, index, UnusedSuppression))
    return replace(result, claims=tuple(claims))


def _unused(directive: Directive, index: int, rule) -> ClaimResult:
    """The stale comment as a claim of its own, so every reporter can place its finding."""
    claim = Claim(id=f"suppression-{index + 1}", kind="statement", span=directive.comment,
                  text=directive.text)
    what = ", ".join(sorted(directive.codes)) or "any rule"
    where = "in the paragraph after it" if directive.kind == "ignore" else "in its stretch"
    message = f"suppression comment matches no finding of {what} {where}; remove it"
    finding = rule.finding(claim, message, article_value=directive.text)
    return ClaimResult(claim=claim, verdict="not_checked", alignment=Alignment(claim.id),
                       findings=(finding,), reason="a suppression comment")
