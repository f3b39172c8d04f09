"""The machine formats: SARIF against the official schema, GitHub annotations (escaping,
injection, per-step caps), JUnit, reviewdog and JSON lines; machine-readable input errors;
and golden files for every format with paths and versions masked."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import jsonschema
import pytest

from checker import __version__
from checker.compare.rules import RULES
from checker.errors import MissingInput
from checker.model import Claim, ClaimResult, Span
from checker.report import FORMATS, render, render_error
from checker.report.github import escape_data, escape_property
from checker.report.jsonout import result_to_dict
from checker.suppress import apply_suppressions
from sample_runs import ARTICLE, clean_result, claim_result, run_cli, run_of, sample_result

HERE = Path(__file__).parent
SARIF_SCHEMA = json.loads((HERE / "data/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
GOLDEN = HERE / "golden"


def validate_sarif(text: str) -> dict:
    log = json.loads(text)
    jsonschema.validate(log, SARIF_SCHEMA, cls=jsonschema.Draft7Validator)
    return log


def finding_run():
    return run_of(apply_suppressions(sample_result()))


# --- SARIF ----------------------------------------------------------------------------


@pytest.mark.parametrize("run", [run_of(clean_result()), finding_run(),
                                 run_of(apply_suppressions(sample_result()), clean_result())],
                         ids=["clean", "findings-and-suppressed", "two-articles"])
def test_sarif_is_valid_against_the_official_schema(run):
    log = validate_sarif(render(run, "sarif"))
    [sarif_run] = log["runs"]
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    assert sarif_run["invocations"][0]["executionSuccessful"] is True


def test_sarif_rules_are_fully_described():
    log = validate_sarif(render(run_of(clean_result()), "sarif"))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in RULES]
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert "Misreported" in rule["help"]["text"] and rule["help"]["markdown"]


def test_sarif_every_rule_links_its_page_in_docs_rules():
    log = validate_sarif(render(run_of(clean_result()), "sarif"))
    for described, rule in zip(log["runs"][0]["tool"]["driver"]["rules"], RULES):
        page = Path(url2pathname(urlsplit(described["helpUri"]).path))
        assert page == HERE.parent / "docs/rules" / f"{rule.code}.md"
        assert page.read_text(encoding="utf-8") == rule.page()


def test_sarif_help_uri_from_the_environment(monkeypatch):
    monkeypatch.setenv("CHECKER_RULES_URL", "https://news.example.org/checker/docs/rules")
    log = validate_sarif(render(run_of(clean_result()), "sarif"))
    assert log["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] == \
        "https://news.example.org/checker/docs/rules/NUM01.md"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_golden_rule_page(rule):
    """docs/rules/CODE.md is the rule's docstring as a page; ``make update-gold`` rewrites it."""
    page = HERE.parent / "docs/rules" / f"{rule.code}.md"
    if os.environ.get("CHECKER_UPDATE_GOLD"):
        page.write_text(rule.page(), encoding="utf-8")
    assert page.read_text(encoding="utf-8") == rule.page()


def test_sarif_results_locations_and_suppressions():
    log = validate_sarif(render(finding_run(), "sarif"))
    results = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    assert set(results) == {"NUM01", "QUO01", "DAT01", "ENT01"}
    num = results["NUM01"]
    region = num["locations"][0]["physicalLocation"]["region"]
    line = ARTICLE.splitlines()[region["startLine"] - 1]
    # columns count code points: the claim text sits exactly at [startColumn, endColumn)
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "the fifth director in five years"
    assert num["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/somerset.md"
    related = num["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "reports/ofsted.txt"
    assert results["QUO01"]["suppressions"] == [
        {"kind": "inSource", "justification": "checker: ignore/off comment in the draft"}]
    assert "suppressions" not in num


def test_sarif_fingerprints_are_stable_across_runs_and_line_moves():
    def prints(text):
        log = json.loads(render(run_of(apply_suppressions(sample_result(text))), "sarif"))
        return {r["ruleId"]: (r["partialFingerprints"],
                              r["locations"][0]["physicalLocation"]["region"]["startLine"])
                for r in log["runs"][0]["results"]}

    first, again = prints(ARTICLE), prints(ARTICLE)
    assert first == again
    moved = prints(ARTICLE.replace("# Somerset", "An added line.\n\n# Somerset"))
    for code in first:
        assert moved[code][0] == first[code][0]
        assert moved[code][1] == first[code][1] + 2


def test_sarif_twin_findings_get_distinct_fingerprints():
    result = sample_result()
    twin = replace(result, claims=result.claims + (result.claims[0],))
    log = json.loads(render(run_of(twin), "sarif"))
    prints = [json.dumps(r["partialFingerprints"]) for r in log["runs"][0]["results"]]
    assert len(prints) == len(set(prints))


def test_sarif_paths_are_relative_to_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = sample_result(uri=str(tmp_path / "drafts" / "my draft.md"))
    log = validate_sarif(render(run_of(result), "sarif"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"]}
    assert uris == {"drafts/my%20draft.md"}


def test_sarif_input_error_is_a_valid_failed_run():
    log = validate_sarif(render_error("sarif", MissingInput("drafts/a.md: no such file")))
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "drafts/a.md: no such file"
    assert log["runs"][0]["results"] == []


# --- GitHub ---------------------------------------------------------------------------


def unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def test_github_escaping_rules():
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert unescape_data(escape_data("%0A is literal, so is %25")) == "%0A is literal, so is %25"


HOSTILE = ("care leaders\n::warning file=x::injected\r\n::add-mask::secret\n"
           "::stop-commands::tok\n%0A::error::also injected")


def test_article_text_cannot_inject_workflow_commands():
    result = sample_result()
    hostile = Claim("h", "quote", Span(0, 5), HOSTILE)
    finding = RULES[2].finding(hostile, f"quoted {HOSTILE!s}")
    result = replace(result, claims=result.claims + (
        ClaimResult(hostile, "contradicted", result.claims[0].alignment, (finding,)),))
    out = render(run_of(result), "github")
    command_lines = [line for line in out.splitlines() if line.startswith("::")]
    assert len(command_lines) == 5  # four findings + the hostile one, nothing more
    for line in out.splitlines():
        assert re.match(r"^::(error|warning|notice) file=[^:]*,line=\d+,col=\d+,endLine=\d+,"
                        r"endColumn=\d+,title=[^:]*::", line) or line.startswith("checker: "), line
    hostile_line = command_lines[-1]
    assert unescape_data(hostile_line.split("::", 2)[2]) == f"quoted {HOSTILE}"


def test_github_annotations_are_capped_per_step_with_a_summary():
    base = sample_result()
    article = base.article.text

    def many(code, n):
        return tuple(claim_result(article, "472 children", f"{code}{i}", "figure", "contradicted",
                                  (code, f"{code} number {i}", None, None)) for i in range(n))

    result = replace(base, claims=many("DAT01", 25) + many("ENT01", 12) + many("SUP01", 3))
    lines = render(run_of(result), "github").splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::warning ") for line in lines) == 10
    assert sum(line.startswith("::notice ") for line in lines) == 3
    assert lines[-1].startswith("checker: not annotated (15 error, 2 warning)")
    assert "at most 10" in lines[-1]


def test_github_suppressed_findings_are_not_annotated_but_counted():
    out = render(finding_run(), "github")
    assert "QUO01" not in out
    assert "(1 suppressed)" in out.splitlines()[-1]


def test_github_input_error_is_an_error_command():
    out = render_error("github", MissingInput("a,b:c.md: no such file\n::warning::x"))
    assert out.count("\n") == 1 and out.startswith("::error title=checker%3A MissingInput::")


# --- JUnit, reviewdog, JSON lines ----------------------------------------------------


def test_junit_counts_and_parses():
    root = ET.fromstring(render(run_of(apply_suppressions(sample_result()), clean_result()), "junit"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("5", "2", "1")
    first, second = root.findall("testsuite")
    assert first.get("name") == "drafts/somerset.md" and second.get("failures") == "0"


@pytest.mark.parametrize("fail_on, failing, noted", [
    ("error", ["NUM01", "DAT01"], ["warning ENT01"]),
    ("warning", ["NUM01", "DAT01", "ENT01"], []),
    ("info", ["NUM01", "DAT01", "ENT01"], []),
    ("none", [], ["error NUM01", "error DAT01", "warning ENT01"]),
])
def test_junit_fails_only_at_or_above_fail_on(fail_on, failing, noted):
    root = ET.fromstring(render(finding_run(), "junit", fail_on=fail_on))
    assert [f.get("type") for f in root.iter("failure")] == failing
    notes = [out.text.split(" ", 2)[:2] for out in root.iter("system-out")]
    assert [" ".join(n) for n in notes] == noted
    assert root.get("failures") == str(len(failing))


def test_junit_each_draft_by_its_own_fail_on():
    root = ET.fromstring(render(run_of(apply_suppressions(sample_result()), apply_suppressions(
        sample_result(uri="drafts/other.md"))), "junit", fail_on=("warning", "none")))
    assert [s.get("failures") for s in root.findall("testsuite")] == ["3", "0"]


def test_junit_through_the_cli_follows_fail_on(tmp_path, phrase_engine, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text("The report.\n")
    (tmp_path / "a.md").write_text("Somerst is the fifth director in five years.\n")
    for flag, failures, code in (("error", "1", 1), ("warning", "2", 1), ("none", "0", 0)):
        exit_code, out, _ = run_cli(["check", "a.md", "-s", "r.txt", "-f", "junit",
                                     "--fail-on", flag], capsys)
        assert (ET.fromstring(out).get("failures"), exit_code) == (failures, code)


def test_junit_survives_control_characters():
    text = ARTICLE + "\nThen 472\x0bchildren.\n"
    result = sample_result(text)
    bad = claim_result(text, "472\x0bchildren", "cx", "figure", "contradicted",
                       ("ENT01", "odd \x01 byte", None, None))
    out = render(run_of(replace(result, claims=(bad,))), "junit")
    ET.fromstring(out)
    assert "\ufffd" in out


def test_junit_input_error():
    root = ET.fromstring(render_error("junit", MissingInput("x.md: no such file")))
    assert root.get("errors") == "1"
    assert root.find("testsuite/testcase/error").get("message") == "x.md: no such file"


def test_rdjsonl_columns_are_utf8_bytes_and_suppressed_are_left_out():
    lines = [json.loads(line) for line in render(finding_run(), "rdjsonl").splitlines()]
    assert [d["code"]["value"] for d in lines] == ["NUM01", "DAT01", "ENT01"]
    num = lines[0]["location"]["range"]
    raw_line = ARTICLE.splitlines()[num["start"]["line"] - 1].encode("utf-8")
    start, end = num["start"]["column"] - 1, num["end"]["column"] - 1
    assert raw_line[start:end].decode("utf-8") == "the fifth director in five years"
    assert all(d["severity"] in ("ERROR", "WARNING", "INFO") for d in lines)


def test_jsonl_is_one_result_object_per_article():
    run = run_of(apply_suppressions(sample_result()), clean_result())
    lines = render(run, "jsonl").splitlines()
    assert [json.loads(line) for line in lines] == \
        [json.loads(json.dumps(result_to_dict(r))) for r in run.results]


# --- input errors through the command line ------------------------------------------


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit", "rdjsonl", "jsonl"])
def test_input_error_prints_a_machine_readable_error_and_exits_2(fmt, tmp_path, capsys,
                                                                 monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["check", "missing.md", "--source", "r.txt", "-f", fmt], capsys)
    assert code == 2 and "missing.md" in err and len(err.strip().splitlines()) == 1
    assert "missing.md" in out
    if fmt == "sarif":
        validate_sarif(out)
    elif fmt == "junit":
        ET.fromstring(out)
    elif fmt in ("jsonl", "rdjsonl"):
        json.loads(out)


def test_input_error_with_output_file_writes_the_error_report(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(["check", "missing.md", "--source", "r.txt", "-f", "sarif",
                            "-o", "out.sarif"], capsys)
    assert code == 2 and out == ""
    log = validate_sarif((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


# --- golden files ------------------------------------------------------------------------

MACHINE = {"sarif": "sarif.json", "github": "github.txt", "junit": "junit.xml",
           "rdjsonl": "rdjsonl.jsonl", "jsonl": "results.jsonl", "json": "result.json",
           "line": "line.txt", "text": "text.txt"}


def mask(text: str, root: Path) -> str:
    """Paths under the test's directory and the version become placeholders."""
    text = text.replace(root.as_posix(), "<ROOT>").replace(str(root), "<ROOT>")
    return re.sub(rf"(?<![\d.]){re.escape(__version__)}(?![\d.])", "<VERSION>", text)


@pytest.mark.parametrize("fmt", sorted(MACHINE))
def test_golden_output(fmt, tmp_path, monkeypatch):
    """Every non-HTML format over one run with findings, a suppression and a clean
    article; ``make update-gold`` rewrites the files after a deliberate change."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CHECKER_RULES_URL", "https://checker.invalid/docs/rules/")  # not this checkout's path
    findings = apply_suppressions(sample_result(uri=str(tmp_path / "drafts/somerset.md")))
    run = run_of(findings, clean_result())
    out = mask(render(run, fmt), tmp_path)
    golden = GOLDEN / MACHINE[fmt]
    if os.environ.get("CHECKER_UPDATE_GOLD"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_golden_covers_every_registered_format_but_html():
    assert set(MACHINE) == set(FORMATS) - {"html"}
