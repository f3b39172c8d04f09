"""The compare result as JSON (schema ``checker-compare/1``, published as
``checker/schema/checker-compare-1.json``).

:func:`comparison_to_dict` is the one plain form of a compare run: the CSV reporter
reads it too, so field names stay one set.
"""

from __future__ import annotations

from typing import Any

from checker.model import CheckResult, ClaimResult, Document
from checker.outlets.coverage import Comparison, CoverageMap
from checker.report.jsonout import finding_to_dict
from checker.report.jsondump import dumps

SCHEMA = "checker-compare/1"


def claim_summary(result_article: Document, claim: ClaimResult) -> dict[str, Any]:
    line, column = result_article.line_col(claim.claim.span.start)
    return {"id": claim.claim.id, "kind": claim.claim.kind, "text": claim.claim.text,
            "line": line, "column": column, "verdict": claim.verdict}


def _apart(result: CheckResult) -> dict[str, Any]:
    return {"path": result.article.uri, "relation": result.relation.verdict,
            "source": result.relation.source, "reasons": list(result.relation.reasons)}


def map_to_dict(coverage: CoverageMap) -> dict[str, Any]:
    documents = {r.article.uri: r.article for r in coverage.articles}
    facts = coverage.source.facts
    subject = facts.subject.name if facts and facts.subject else None
    return {
        "source": {"path": coverage.source.uri, "subject": subject},
        "articles": [{"path": c.article, "carried": c.carried, "misreported": c.misreported,
                      "not_mentioned": c.not_mentioned} for c in coverage.counts()],
        "points": [{
            "key": p.key, "kind": p.kind, "label": p.label, "value": p.value, "passage": p.passage,
            "cells": [{"article": uri, "verdict": cell.verdict,
                       "claims": [claim_summary(documents[uri], c) for c in cell.claims],
                       "findings": [finding_to_dict(f) for f in cell.findings]}
                      for uri, cells in coverage.cells.items() for cell in [cells[p.key]]],
        } for p in coverage.points],
        "topics": [{
            "key": t.key, "kind": t.kind, "label": t.label, "report_value": t.report_value,
            "disagree": t.disagree,
            "said": [{"article": s.article, "value": s.value,
                      "claim": claim_summary(documents[s.article], s.claim)} for s in t.said],
        } for t in coverage.topics],
        "shared_errors": [{"code": e.code, "name": e.name, "message": e.message,
                           "article_value": e.article_value, "source_value": e.source_value,
                           "passage": e.passage, "articles": list(e.articles)}
                          for e in coverage.shared],
        "apart": [_apart(r) for r in coverage.apart],
    }


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    return {"schema": SCHEMA, "maps": [map_to_dict(m) for m in comparison.maps],
            "unattributed": [_apart(r) for r in comparison.unattributed]}


def render(comparison: Comparison, **_: Any) -> str:
    return dumps(comparison_to_dict(comparison), indent=2) + "\n"
