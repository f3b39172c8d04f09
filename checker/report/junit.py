"""JUnit XML, for CI systems that chart test reports (GitLab, Jenkins, Azure).

One ``testsuite`` per article and one ``testcase`` per claim, so a report reads as
"claims checked": a claim with a finding at or above ``--fail-on`` (each draft's
``fail_on``; default error) fails, as the exit code does, so a chart of failures and
the build agree; one whose findings were all suppressed is skipped (with the codes);
findings below the threshold are noted in ``system-out``.
A draft that could not be read is a suite (named by its path) with one ``error``
testcase; so is an error that stops the whole run.  Characters XML 1.0 cannot carry
(control characters a draft may hold) become U+FFFD rather than break the file, and so
do the line ends other than CR and LF (U+0085, U+2028, U+2029), which XML would let
stand raw where a draft's text could then begin a line of the file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

from checker.model import SEVERITY_RANK, CheckResult, ClaimResult, RunResult
from checker.report.records import report_path

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u0085\u2028\u2029]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render(run: RunResult, fail_on: str | Sequence[str] = "error", **_: Any) -> str:
    """``fail_on``: the lowest severity that fails a testcase (as ``--fail-on``), for
    every article or one per article of ``run.results`` (each draft's own config)."""
    thresholds = [fail_on] * len(run.results) if isinstance(fail_on, str) else list(fail_on)
    root = ET.Element("testsuites", name="checker")
    for result, threshold in zip(run.results, thresholds, strict=True):
        root.append(_suite(result, threshold))
    for failure in run.failures:
        root.append(_error_suite(report_path(failure.path), failure.kind, failure.message))
    _count(root, root.findall("testsuite"))
    return _dump(root)


def render_error(error: Exception) -> str:
    root = ET.Element("testsuites", name="checker")
    root.append(_error_suite("checker", type(error).__name__, str(error)))
    _count(root, root.findall("testsuite"))
    return _dump(root)


def _error_suite(name: str, kind: str, message: str) -> ET.Element:
    """A suite whose one testcase, reading the input, is in error."""
    suite = ET.Element("testsuite", name=xml_text(name))
    case = ET.SubElement(suite, "testcase", classname=xml_text(name), name="read inputs")
    ET.SubElement(case, "error", type=kind, message=xml_text(message))
    _count(suite, [suite])
    return suite


def _dump(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _fails(severity: str, fail_on: str) -> bool:
    return fail_on != "none" and SEVERITY_RANK[severity] >= SEVERITY_RANK[fail_on]


def _suite(result: CheckResult, fail_on: str) -> ET.Element:
    path = report_path(result.article.uri)
    suite = ET.Element("testsuite", name=xml_text(path))
    for claim_result in result.claims:
        suite.append(_case(result, path, claim_result, fail_on))
    _count(suite, [suite])
    return suite


def _case(result: CheckResult, path: str, claim_result: ClaimResult, fail_on: str) -> ET.Element:
    claim = claim_result.claim
    line, col = result.article.line_col(claim.span.start)
    text = " ".join(claim.text.split())
    case = ET.Element("testcase", classname=xml_text(path),
                      name=xml_text(f"{line}:{col} {claim.kind}: {text[:80]}"),
                      file=xml_text(path), line=str(line))
    live = [f for f in claim_result.findings if not f.suppressed]
    failing = [f for f in live if _fails(f.severity, fail_on)]
    for finding in failing:
        body = f"{finding.severity} {finding.code} {finding.name} at {path}:{line}:{col}\n" \
               f"{finding.message}" + (f"\nsource {finding.passage}" if finding.passage else "")
        failure = ET.SubElement(case, "failure", type=finding.code,
                                message=xml_text(f"{finding.code} {finding.message}"))
        failure.text = xml_text(body)
    suppressed = [f.code for f in claim_result.findings if f.suppressed]
    if suppressed and not failing:
        ET.SubElement(case, "skipped", message=xml_text("suppressed: " + ", ".join(suppressed)))
    notes = [f for f in live if not _fails(f.severity, fail_on)]
    if notes:
        out = ET.SubElement(case, "system-out")
        out.text = xml_text("\n".join(f"{f.severity} {f.code} {f.message}" for f in notes))
    return case


def _count(element: ET.Element, suites: list[ET.Element]) -> None:
    """tests / failures / errors / skipped totals, as JUnit readers expect them."""
    cases = [case for suite in suites for case in suite.iter("testcase")]
    element.set("tests", str(len(cases)))
    element.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
    element.set("errors", str(sum(1 for c in cases if c.find("error") is not None)))
    element.set("skipped", str(sum(1 for c in cases if c.find("skipped") is not None)))
