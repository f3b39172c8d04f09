"""SARIF 2.1.0, for GitHub code scanning and other viewers that place findings on lines.

- ``columnKind`` is ``unicodeCodePoints``: the model's offsets are Python string
  indices, which count code points, so columns need no conversion.
- Every rule is described (id, name, short and full description, help) from the rule
  classes' docstrings, so a viewer can explain a finding without the checker.
- ``partialFingerprints`` hash the file, the rule and the claim's folded text (not its
  line), plus an occurrence number: the same finding keeps its fingerprint when text
  above it moves, so code scanning tracks it instead of closing and reopening it.
- Suppressed findings are kept, with an ``inSource`` suppression.
- An input error is a run with ``executionSuccessful: false`` and the error as a
  tool execution notification, so an upload step still records why nothing was checked.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any
from urllib.parse import quote

from checker import __version__
from checker.model import RunResult, as_plain
from checker.report.jsondump import dumps
from checker.report.records import Record, records, report_path, source_region
from checker.textnorm import fold

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "checkerClaim/v1"


def render(run: RunResult, **_: Any) -> str:
    rules, index = _rules()
    seen: Counter[str] = Counter()
    results = [_result(record, index, seen) for record in records(run)]
    return _dump(_log(rules, results, [{"executionSuccessful": True}]))


def render_error(error: Exception) -> str:
    rules, _ = _rules()
    invocation = {
        "executionSuccessful": False,
        "toolExecutionNotifications": [{
            "level": "error",
            "message": {"text": str(error)},
            "descriptor": {"id": type(error).__name__},
        }],
    }
    return _dump(_log(rules, [], [invocation]))


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


def _rules() -> tuple[list[dict[str, Any]], dict[str, int]]:
    from checker.compare.rules import RULES

    described = []
    for rule in RULES:
        doc = rule.description()
        described.append({
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": doc.split("\n\n", 1)[0].replace("\n", " ")},
            "help": {"text": doc, "markdown": _help_markdown(rule.code, rule.name, doc)},
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
    if finding.suppressed:
        result["suppressions"] = [{"kind": "inSource",
                                   "justification": "checker: ignore/off comment in the draft"}]
    return result


def _location(path: str, start: tuple[int, int], end: tuple[int, int],
              snippet: str | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": start[0], "startColumn": start[1],
                              "endLine": end[0], "endColumn": end[1]}
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
