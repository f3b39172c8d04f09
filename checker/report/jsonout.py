"""The JSON result (schema ``checker/2``, published as ``checker/schema/checker-2.json``).

Every machine format reads :func:`result_to_dict`, so the field names stay one set.
"""

from __future__ import annotations

from typing import Any

from checker.model import CheckResult, ClaimResult, Finding, InputFailure, RunResult, as_plain
from checker.report.jsondump import dumps

SCHEMA = "checker/2"


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity,
        "message": finding.message,
        "article_value": as_plain(finding.article_value),
        "source_value": as_plain(finding.source_value),
        "passage": finding.passage,
        "suppressed": finding.suppressed,
    }


def claim_to_dict(result: CheckResult, claim_result: ClaimResult) -> dict[str, Any]:
    claim = claim_result.claim
    line, column = result.article.line_col(claim.span.start)
    payload = as_plain(claim.payload) if claim.payload is not None else None
    return {
        "id": claim.id,
        "kind": claim.kind,
        "text": claim.text,
        "start": claim.span.start,
        "end": claim.span.end,
        "line": line,
        "column": column,
        "attribution": claim.attribution or None,
        "payload": payload,
        "verdict": claim_result.verdict,
        "reason": claim_result.reason or None,
        "alignment_method": claim_result.alignment.method,
        "evidence": [
            {"passage": e.passage, "text": e.text, "score": round(e.score, 4)}
            for e in claim_result.alignment.evidence
        ],
        "findings": [finding_to_dict(f) for f in claim_result.findings],
    }


def result_to_dict(result: CheckResult) -> dict[str, Any]:
    relation = result.relation
    return {
        "schema": SCHEMA,
        "article": {"path": result.article.uri, **_meta(result.article.meta)},
        "sources": [{"path": s.uri, **_meta(s.meta)} for s in result.sources],
        "relation": {
            "verdict": relation.verdict,
            "source": relation.source,
            "reasons": list(relation.reasons),
            "candidates": [{"source": s, "score": round(v, 4)} for s, v in relation.candidates],
        },
        "claims": [claim_to_dict(result, c) for c in result.claims],
    }


def _meta(meta: dict[str, Any]) -> dict[str, Any]:
    return {"meta": as_plain(meta)} if meta else {}


def error_to_dict(error: Exception) -> dict[str, Any]:
    return {"schema": SCHEMA, "error": {"type": type(error).__name__, "message": str(error)}}


def render_error(error: Exception) -> str:
    """An input error as a JSON object, so a machine reading stdout still gets JSON."""
    return dumps(error_to_dict(error), indent=2) + "\n"


def failure_to_dict(failure: InputFailure) -> dict[str, Any]:
    """A draft that could not be checked: the error object, with the draft's path."""
    return {"schema": SCHEMA, "article": {"path": failure.path},
            "error": {"type": failure.kind, "message": failure.message}}


def render(run: RunResult, **_: Any) -> str:
    """One article's result; else ``{"schema", "results"}``, with ``"errors"`` (one
    :func:`failure_to_dict` each) when drafts could not be checked; a single draft that
    could not be, alone, is its error object."""
    results = [result_to_dict(r) for r in run.results]
    errors = [failure_to_dict(f) for f in run.failures]
    if len(results) == 1 and not errors:
        body: Any = results[0]
    elif len(errors) == 1 and not results:
        body = errors[0]
    else:
        body = {"schema": SCHEMA, "results": results, **({"errors": errors} if errors else {})}
    return dumps(body, indent=2) + "\n"
