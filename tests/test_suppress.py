"""Suppression comments: what each covers, that suppressed findings are kept and counted,
and that a comment matching nothing is reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.model import RunResult, Summary
from checker.suppress import apply_suppressions, directives
from sample_runs import ARTICLE, REPORT, make_repo, run_cli, sample_result

TEXT = """First paragraph, fifth director in five years.

<!-- checker: ignore NUM01 -->
Second paragraph: fifth director in five years,
still the second paragraph.

Third paragraph: fifth director in five years.
"""


def covered(text: str, kind: str = "ignore") -> list[str]:
    return [text[d.region.start:d.region.end].strip() for d in directives(text) if d.kind == kind]


def test_ignore_covers_exactly_the_next_paragraph():
    [region] = covered(TEXT)
    assert region == "Second paragraph: fifth director in five years,\nstill the second paragraph."


def test_codes_are_parsed_and_bare_ignore_means_every_rule():
    text = "<!-- checker: ignore num01, QUO02 ENT01 -->\nA.\n\n<!--checker:ignore-->\nB.\n"
    first, second = directives(text)
    assert first.codes == {"NUM01", "QUO02", "ENT01"}
    assert second.codes == frozenset()


def test_off_on_stretch_and_off_to_the_end():
    text = "a\n<!-- checker: off -->\nb\n\nc\n<!-- checker: on -->\nd\n<!-- CHECKER: OFF QUO01 -->\ne\n"
    first, second = directives(text)
    assert text[first.region.start:first.region.end].split() == ["b", "c"]
    assert text[second.region.start:second.region.end].split() == ["e"]
    assert second.codes == {"QUO01"}


def test_ignore_before_a_paragraph_separated_by_blank_lines():
    text = "<!-- checker: ignore -->\n\n\nTarget paragraph.\n\nNext.\n"
    assert covered(text) == ["Target paragraph."]


def test_covered_finding_is_kept_marked_and_counted():
    result = apply_suppressions(sample_result())
    findings = {f.code: f for f in result.findings}
    assert findings["QUO01"].suppressed is True  # the ignore QUO01 paragraph
    assert findings["NUM01"].suppressed is False
    summary = Summary.of(result)
    assert summary.suppressed == 1
    assert summary.by_severity == {"error": 2, "warning": 1}


def test_code_not_named_is_not_suppressed():
    text = ARTICLE.replace("ignore QUO01", "ignore NUM01")
    result = apply_suppressions(sample_result(text))
    by_code = {f.code: f for f in result.findings}
    assert not by_code["QUO01"].suppressed
    # NUM01 is not in the paragraph after the comment, so the comment matches nothing
    assert by_code["SUP01"].severity == "info"
    assert "NUM01" in by_code["SUP01"].message


def test_unused_suppression_is_an_info_finding_at_the_comment():
    text = ARTICLE + "\n<!-- checker: off DAT01 -->\nNothing dated here.\n<!-- checker: on -->\n"
    result = apply_suppressions(sample_result(text))
    [unused] = [c for c in result.claims if any(f.code == "SUP01" for f in c.findings)]
    line, _ = result.article.line_col(unused.claim.span.start)
    assert text.splitlines()[line - 1].startswith("<!-- checker: off DAT01")
    assert unused.verdict == "not_checked" and unused.reason == "a suppression comment"


def test_text_without_directives_is_returned_unchanged():
    result = sample_result(ARTICLE.replace("<!-- checker: ignore QUO01 -->", ""))
    assert apply_suppressions(result) is result


# --- through the command line, on a Markdown draft -----------------------------------



def _draft(tmp_path, body: str):
    make_repo(tmp_path, {"r.txt": REPORT, "d.md": "---\nsource: r.txt\n---\n" + body})


def test_suppressed_error_does_not_fail_but_stays_in_the_output(tmp_path, phrase_engine, capsys,
                                                                 monkeypatch):
    _draft(tmp_path, "Intro.\n\n<!-- checker: ignore NUM01 -->\n**The fifth director in five years.**\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(["check", "d.md", "-f", "json"], capsys)
    assert code == 0
    [finding] = [f for c in json.loads(out)["claims"] for f in c["findings"]]
    assert finding["code"] == "NUM01" and finding["suppressed"] is True
    code, out, _ = run_cli(["check", "d.md", "--no-color"], capsys)
    assert "1 suppressed" in out


def test_stale_suppression_is_reported_as_info_and_does_not_fail(tmp_path, phrase_engine, capsys,
                                                                   monkeypatch):
    _draft(tmp_path, "<!-- checker: ignore QUO01 -->\nThe fifth director in five years.\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(["check", "d.md", "-f", "line"], capsys)
    assert code == 1  # NUM01 was not suppressed
    lines = out.splitlines()
    assert any(line.startswith("d.md:4:1: info SUP01") for line in lines), out
    assert any("NUM01" in line for line in lines)
    code, out, _ = run_cli(["check", "d.md", "-f", "line", "--disable", "SUP01"], capsys)
    assert "SUP01" not in out


def test_summary_adds_suppressed_over_a_run():
    one = apply_suppressions(sample_result())
    assert RunResult((one, one)).summary.suppressed == 2


def test_plain_text_paragraph_is_one_line():
    text = "<!-- checker: ignore -->\nLine one is a paragraph.\nLine two is another.\n"
    assert [text[d.region.start:d.region.end].strip() for d in directives(text, markdown=False)] \
        == ["Line one is a paragraph."]


SEEDS = Path(__file__).resolve().parents[1] / "corpora/seeds"


@pytest.mark.slow
def test_real_pipeline_on_a_seed_draft_with_a_suppression(tmp_path, capsys, monkeypatch):
    """The BBC seed as a plain-text draft, its 'fifth director' line suppressed: the run
    passes (only the NUM02 warning is left), and SARIF carries NUM01 as suppressed."""
    lines = (SEEDS / "bbc-2015-03-27-somerset-still-inadequate.txt").read_text(
        encoding="utf-8").split("\n")
    target = next(i for i, line in enumerate(lines) if "fifth director in five years" in line)
    lines.insert(target, "<!-- checker: ignore NUM01 -->")
    make_repo(tmp_path, {
        "reports/somerset.txt": (SEEDS / "ofsted-2015-03-27-somerset-childrens-services-report.txt"
                                 ).read_text(encoding="utf-8"),
        "drafts/bbc.txt": "---\nsource: ../reports/somerset.txt\n---\n" + "\n".join(lines)})
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["check", "drafts/bbc.txt", "-f", "sarif"], capsys)
    assert code == 0, err
    results = {r["ruleId"]: r for r in json.loads(out)["runs"][0]["results"]}
    assert results["NUM01"]["suppressions"][0]["kind"] == "inSource"
    assert results["NUM01"]["locations"][0]["physicalLocation"]["region"]["startLine"] == target + 5
    assert "SUP01" not in results
    code, _, _ = run_cli(["check", "drafts/bbc.txt", "--fail-on", "warning"], capsys)
    assert code == 1  # the NUM02 warning is not suppressed
