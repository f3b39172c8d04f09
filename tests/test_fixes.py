"""Fixes where the source gives the right text: SARIF ``fixes`` (validated against the
official schema) and reviewdog ``suggestions`` (UTF-8 byte columns), each applied to the
draft to show it then says what the source says."""

from __future__ import annotations

import json

from checker.ingest.documents import document_from_text
from checker.model import CheckResult, Relation
from checker.report import render
from checker.report.fixes import replacements
from checker.report.records import records
from checker.suppress import apply_suppressions
from sample_runs import REPORT, claim_result, run_of
from test_formats import validate_sarif

DRAFT = """# £1m for “Somerst County Council”

Ofsted said the “experiences and progress of care leaders” needed work, and Somerst
County Council agreed.
"""
FIXED = DRAFT.replace("Somerst County Council”", "Somerset County Council”", 1) \
    .replace("care leaders", "care leavers")


def _run(draft: str = DRAFT, quote_source: str = "Experiences and progress of care leavers",
         entity: str = "Somerst County Council”"):
    article = document_from_text(draft, "drafts/fix.md", "article")
    source = document_from_text(REPORT, "reports/ofsted.txt", "source")
    claims = (
        claim_result(draft, entity, "c1", "entity", "contradicted",
                     ("ENT01", "'Somerst County Council' is not in the source", "Somerst County Council",
                      "Somerset County Council")),
        claim_result(draft, "experiences and progress of care leaders", "c2", "quote", "contradicted",
                     ("QUO01", "Misquote", "experiences and progress of care leaders", quote_source),
                     passage="¶61"),
    )
    return run_of(apply_suppressions(CheckResult(article, (source,), Relation("same_report", source.uri),
                                                 claims)))


def _apply_sarif(text: str, log: dict) -> str:
    lines = text.split("\n")
    edits = [r for result in log["runs"][0]["results"] for fix in result.get("fixes", [])
             for change in fix["artifactChanges"] for r in change["replacements"]]
    for edit in sorted(edits, key=lambda e: (e["deletedRegion"]["startLine"],
                                             e["deletedRegion"]["startColumn"]), reverse=True):
        region = edit["deletedRegion"]
        assert region["startLine"] == region["endLine"]
        line = lines[region["startLine"] - 1]
        lines[region["startLine"] - 1] = (line[:region["startColumn"] - 1] + edit["insertedContent"]["text"]
                                          + line[region["endColumn"] - 1:])
    return "\n".join(lines)


def _apply_rdjsonl(text: str, out: str) -> str:
    lines = [line.encode("utf-8") for line in text.split("\n")]
    suggestions = [s for line in out.splitlines() for s in json.loads(line).get("suggestions", [])]
    for s in sorted(suggestions, key=lambda s: (s["range"]["start"]["line"], s["range"]["start"]["column"]),
                    reverse=True):
        start, end = s["range"]["start"], s["range"]["end"]
        assert start["line"] == end["line"]
        line = lines[start["line"] - 1]
        lines[start["line"] - 1] = line[:start["column"] - 1] + s["text"].encode() + line[end["column"] - 1:]
    return b"\n".join(lines).decode("utf-8")


def test_sarif_fixes_are_schema_valid_and_give_the_source_text():
    log = validate_sarif(render(_run(), "sarif"))
    fixes = {r["ruleId"]: r["fixes"] for r in log["runs"][0]["results"]}
    assert fixes["QUO01"][0]["artifactChanges"][0]["artifactLocation"]["uri"] == "drafts/fix.md"
    [change] = fixes["QUO01"][0]["artifactChanges"][0]["replacements"]
    assert change["insertedContent"]["text"] == "leavers"  # the changed word, not the capital E
    assert _apply_sarif(DRAFT, log) == FIXED


def test_rdjsonl_suggestions_count_utf8_bytes_and_give_the_source_text():
    out = render(_run(), "rdjsonl")
    assert all("suggestions" in json.loads(line) for line in out.splitlines())
    assert _apply_rdjsonl(DRAFT, out) == FIXED  # '£' and the curly quotes are 2 and 3 bytes


def test_no_fix_where_the_wrong_text_is_not_once_in_the_claim():
    twice = "Somerst County Council” (Somerst County Council”)"
    run = _run(DRAFT.replace("Somerst County Council”", twice, 1), entity=twice)
    [entity, _] = records(run)
    assert replacements(entity) == []


def test_no_fix_for_a_difference_of_case_alone():
    [_, quote] = records(_run(quote_source="Experiences And Progress Of Care Leaders"))
    assert replacements(quote) == []


def test_no_fix_for_a_suppressed_finding():
    draft = DRAFT.replace("Ofsted said", "<!-- checker: ignore QUO01 -->\nOfsted said")
    log = validate_sarif(render(_run(draft), "sarif"))
    quote = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "QUO01")
    assert "suppressions" in quote and "fixes" not in quote
