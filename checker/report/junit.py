"""JUnit XML, for CI systems that chart test reports (GitLab, Jenkins, Azure).

One ``testsuite`` per article and one ``testcase`` per claim, so a report reads as
"claims checked": a claim with an error or warning finding fails, one whose findings were
all suppressed is skipped (with the codes), info findings are noted in ``system-out``.
An input error is a suite with one ``error`` testcase.  Characters XML 1.0 cannot carry
(control characters a draft may hold) become U+FFFD rather than break the file, and so
do the line ends other than CR and LF (U+0085, U+2028, U+2029), which XML would let
stand raw where a draft's text could then begin a line of the file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from checker.model import CheckResult, ClaimResult, RunResult
from checker.report.records import report_path

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u0085\u2028\u2029]")
_FAILING = ("error", "warning")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render(run: RunResult, **_: Any) -> str:
    root = ET.Element("testsuites", name="checker")
    for result in run.results:
        root.append(_suite(result))
    _count(root, root.findall("testsuite"))
    return _dump(root)


def render_error(error: Exception) -> str:
    root = ET.Element("testsuites", name="checker")
    suite = ET.SubElement(root, "testsuite", name="checker")
    case = ET.SubElement(suite, "testcase", classname="checker", name="read inputs")
    ET.SubElement(case, "error", type=type(error).__name__, message=xml_text(str(error)))
    _count(suite, [suite])
    _count(root, [suite])
    return _dump(root)


def _dump(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(result: CheckResult) -> ET.Element:
    path = report_path(result.article.uri)
    suite = ET.Element("testsuite", name=xml_text(path))
    for claim_result in result.claims:
        suite.append(_case(result, path, claim_result))
    _count(suite, [suite])
    return suite


def _case(result: CheckResult, path: str, claim_result: ClaimResult) -> ET.Element:
    claim = claim_result.claim
    line, col = result.article.line_col(claim.span.start)
    text = " ".join(claim.text.split())
    case = ET.Element("testcase", classname=xml_text(path),
                      name=xml_text(f"{line}:{col} {claim.kind}: {text[:80]}"),
                      file=xml_text(path), line=str(line))
    live = [f for f in claim_result.findings if not f.suppressed]
    failing = [f for f in live if f.severity in _FAILING]
    for finding in failing:
        body = f"{finding.severity} {finding.code} {finding.name} at {path}:{line}:{col}\n" \
               f"{finding.message}" + (f"\nsource {finding.passage}" if finding.passage else "")
        failure = ET.SubElement(case, "failure", type=finding.code,
                                message=xml_text(f"{finding.code} {finding.message}"))
        failure.text = xml_text(body)
    suppressed = [f.code for f in claim_result.findings if f.suppressed]
    if suppressed and not failing:
        ET.SubElement(case, "skipped", message=xml_text("suppressed: " + ", ".join(suppressed)))
    notes = [f for f in live if f.severity not in _FAILING]
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
