"""SARIF 2.1.0, for GitHub code scanning and other viewers that place findings on lines.

- ``columnKind`` is ``unicodeCodePoints``: the model's offsets are Python string
  indices, which count code points, so columns need no conversion.
- Every rule is described (id, name, short and full description, help) from the rule
  classes' docstrings, so a viewer can explain a finding without the checker, and
  links its page in ``docs/rules/`` (``helpUri``, see :func:`rule_pages_url`).
- ``partialFingerprints`` hash the file, the rule and the claim's folded text (not its
  line), plus an occurrence number: the same finding keeps its fingerprint when text
  above it moves, so code scanning tracks it instead of closing and reopening it.
- Suppressed findings are kept, with an ``inSource`` suppression.
- A misspelt name or misquoted word carries a ``fix``: the source's text in place of
  the article's (:mod:`checker.report.fixes`).
- A draft that could not be read (or whose source could not) is a tool execution
  notification on that file, and the invocation is ``executionSuccessful: false``; the
  other drafts' results are all there.  An error that stops the whole run is the same
  notification with no results, so an upload step still records why nothing was checked.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from checker import __version__
from checker.model import RunResult, as_plain
from checker.report.fixes import Replacement, replacements
from checker.report.jsondump import dumps
from checker.report.records import Record, failure_path, records, report_path, source_region
from checker.textnorm import fold

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "checkerClaim/v1"


def render(run: RunResult, **_: Any) -> str:
    rules, index = _rules()
    seen: Counter[str] = Counter()
    results = [_result(record, index, seen) for record in records(run)]
    notifications = [_notification(f.kind, f.message, failure_path(f)) for f in run.failures]
    return _dump(_log(rules, results, [_invocation(notifications)]))


def render_error(error: Exception) -> str:
    rules, _ = _rules()
    return _dump(_log(rules, [], [_invocation([_notification(type(error).__name__, str(error))])]))


def _invocation(notifications: list[dict[str, Any]]) -> dict[str, Any]:
    """The run's one invocation: failed when any input could not be read, each such
    input an error notification (on its file, where there is one)."""
    if not notifications:
        return {"executionSuccessful": True}
    return {"executionSuccessful": False, "toolExecutionNotifications": notifications}


def _notification(kind: str, message: str, path: str | None = None) -> dict[str, Any]:
    notification: dict[str, Any] = {"level": "error", "message": {"text": message},
                                    "descriptor": {"id": kind}}
    if path:
        notification["locations"] = [{"physicalLocation": {
            "artifactLocation": {"uri": quote(path, safe="/")}}}]
    return notification


def _dump(log: dict[str, Any]) -> str:
    return dumps(log, indent=2) + "\n"


def _log(rules: list[dict[str, Any]], results: list[dict[str, Any]],
         invocations: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "checker", "version": __version__, "rules": rules}},
            "invocations": invocations,
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def rule_pages_url() -> str | None:
    """Where the rule pages (``docs/rules/CODE.md``) are read: ``CHECKER_RULES_URL`` (the
    folder on the web, e.g. the repository's ``docs/rules/`` at the checked-out commit),
    else the ``docs/rules`` folder of the checkout checker runs from; None for an install
    without it (then the rules carry their full help text only)."""
    configured = os.environ.get("CHECKER_RULES_URL", "").strip()
    if configured:
        return configured if configured.endswith("/") else configured + "/"
    pages = Path(__file__).resolve().parents[2] / "docs" / "rules"
    return pages.as_uri() + "/" if pages.is_dir() else None


def _rules() -> tuple[list[dict[str, Any]], dict[str, int]]:
    from checker.compare.rules import RULES

    described = []
    pages = rule_pages_url()
    for rule in RULES:
        doc = rule.description()
        described.append({
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": doc.split("\n\n", 1)[0].replace("\n", " ")},
            "help": {"text": doc, "markdown": _help_markdown(rule.code, rule.name, doc)},
            **({"helpUri": f"{pages}{rule.code}.md"} if pages else {}),
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
        })
    return described, {rule.code: i for i, rule in enumerate(RULES)}


def _help_markdown(code: str, name: str, doc: str) -> str:
    return f"**{code}** `{name}`\n\n{doc}"


def _result(record: Record, index: dict[str, int], seen: Counter[str]) -> dict[str, Any]:
    finding = record.finding
    claim = record.claim_result.claim
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": record.message},
        "locations": [_location(record.path, record.start, record.end, claim.text)],
        "partialFingerprints": {FINGERPRINT: _fingerprint(record, seen)},
        "properties": {
            "verdict": record.claim_result.verdict,
            "claimKind": claim.kind,
            "articleValue": as_plain(finding.article_value),
            "sourceValue": as_plain(finding.source_value),
        },
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    if finding.passage:
        cited = source_region(record.result, finding.passage)
        if cited is not None:
            source, start, end = cited
            related = _location(report_path(source.uri), start, end)
            related["id"] = 0
            related["message"] = {"text": f"source {finding.passage}"}
            result["relatedLocations"] = [related]
    fixes = replacements(record)
    if fixes:
        result["fixes"] = [_fix(record, fixes)]
    if finding.suppressed:
        result["suppressions"] = [{"kind": "inSource",
                                   "justification": "checker: ignore/off comment in the draft"}]
    return result


def _fix(record: Record, edits: list[Replacement]) -> dict[str, Any]:
    """The source's text in place of the article's, as one change to the draft."""
    article = record.result.article
    changes = [{"deletedRegion": _region(article.line_col(e.start), article.line_col(e.end)),
                "insertedContent": {"text": e.text}} for e in edits]
    return {"description": {"text": f"Use the source's words ({record.finding.code})"},
            "artifactChanges": [{"artifactLocation": {"uri": quote(record.path, safe="/")},
                                 "replacements": changes}]}


def _region(start: tuple[int, int], end: tuple[int, int]) -> dict[str, int]:
    return {"startLine": start[0], "startColumn": start[1], "endLine": end[0], "endColumn": end[1]}


def _location(path: str, start: tuple[int, int], end: tuple[int, int],
              snippet: str | None = None) -> dict[str, Any]:
    region: dict[str, Any] = _region(start, end)
    if snippet:
        region["snippet"] = {"text": snippet}
    return {"physicalLocation": {"artifactLocation": {"uri": quote(path, safe="/")},
                                 "region": region}}


def _fingerprint(record: Record, seen: Counter[str]) -> str:
    """Stable across runs and line moves; the occurrence number keeps twins apart."""
    key = "\x1f".join((record.path, record.finding.code, fold(record.claim_result.claim.text)))
    seen[key] += 1
    return hashlib.sha256(f"{key}\x1f{seen[key]}".encode("utf-8")).hexdigest()[:32] + \
        f":{seen[key]}"
