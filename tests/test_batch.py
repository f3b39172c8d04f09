"""Many drafts in one run: globs, each draft's source (flag, front matter, config), stdin,
and exit codes over the batch."""

from __future__ import annotations

import io
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

import checker
from checker.batch import expand_articles
from checker.errors import MissingInput
from sample_runs import REPORT, make_repo, run_cli
from test_formats import validate_sarif

JSON_SCHEMA = json.loads((Path(checker.__file__).parent / "schema/checker-2.json").read_text())
BAD = "The fifth director in five years.\n"
GOOD = "Somerset's services were judged inadequate.\n"



@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    make_repo(tmp_path, {
        "reports/somerset.txt": REPORT,
        "reports/other.txt": REPORT.replace("Somerset", "Essex"),
        ".checker.toml": "[sources]\n'drafts/essex/**' = 'reports/other.txt'\n",
        "drafts/a.md": "---\nsource: ../reports/somerset.txt\n---\n" + BAD,
        "drafts/b.md": "---\nsource: ../reports/somerset.txt\n---\n" + GOOD,
        "drafts/essex/deep/c.md": GOOD,
        "drafts/notes.txt": "not a draft",
    })
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_globs_expand_recursively_sorted_and_once(newsroom):
    assert expand_articles(["drafts/**/*.md", "drafts/a.md"]) == \
        ["drafts/a.md", "drafts/b.md", "drafts/essex/deep/c.md"]
    with pytest.raises(MissingInput, match="no files match"):
        expand_articles(["drafts/**/*.markdown"])


def test_a_folder_stands_for_every_file_below_it_that_checker_reads(newsroom):
    (newsroom / "drafts/essex/.hidden").mkdir()
    (newsroom / "drafts/essex/.hidden/x.md").write_text(GOOD)
    (newsroom / "drafts/essex/photo.jpg").write_bytes(b"\xff\xd8\xff")
    assert expand_articles(["drafts/essex/", "drafts"]) == [
        "drafts/essex/deep/c.md", "drafts/a.md", "drafts/b.md", "drafts/notes.txt"]
    (newsroom / "empty").mkdir()
    with pytest.raises(MissingInput, match="no file in this folder"):
        expand_articles(["empty"])


def test_a_folder_argument_checks_each_draft(newsroom, phrase_engine, capsys):
    code, out, _ = run_cli(["check", "drafts/essex", "-f", "line"], capsys)
    assert code == 0 and phrase_engine.calls == [("drafts/essex/deep/c.md", ["reports/other.txt"])]


def test_brace_globs(newsroom):
    assert expand_articles(["drafts/{a,essex/deep/c}.md"]) == ["drafts/a.md", "drafts/essex/deep/c.md"]


def test_each_draft_gets_its_own_source(newsroom, phrase_engine, capsys):
    code, out, err = run_cli(["check", "drafts/**/*.md", "-f", "jsonl"], capsys)
    assert code == 1, err  # a.md misstates
    assert phrase_engine.calls == [("drafts/a.md", ["reports/somerset.txt"]),
                            ("drafts/b.md", ["reports/somerset.txt"]),
                            ("drafts/essex/deep/c.md", ["reports/other.txt"])]
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["article"]["path"] for r in results] == [c[0] for c in phrase_engine.calls]
    assert [len(r["claims"]) for r in results] == [1, 0, 0]


def test_command_line_source_wins_over_front_matter(newsroom, phrase_engine, capsys):
    code, _, _ = run_cli(["check", "drafts/a.md", "--source", "reports/other.txt"], capsys)
    assert phrase_engine.calls == [("drafts/a.md", ["reports/other.txt"])]


def test_faithful_batch_exits_0(newsroom, phrase_engine, capsys):
    code, out, _ = run_cli(["check", "drafts/b.md", "drafts/essex/deep/c.md", "-f", "github"],
                           capsys)
    assert code == 0 and out == "checker: no findings in 2 articles; no claim could be checked\n"


def test_a_draft_without_any_source_is_a_usage_error(newsroom, phrase_engine, capsys):
    (newsroom / "drafts/lost.md").write_text(GOOD)
    code, _, err = run_cli(["check", "drafts/lost.md"], capsys)
    assert code == 2 and "no source" in err and "front matter" in err


def test_stdin_draft_reads_its_front_matter_relative_to_the_working_directory(
        newsroom, phrase_engine, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(
        ("---\nsource: reports/somerset.txt\n---\n" + BAD).encode())))
    code, out, _ = run_cli(["check", "-", "-f", "line"], capsys)
    assert code == 1 and out.startswith("<stdin>:4:5: error NUM01")
    assert phrase_engine.calls == [("<stdin>", ["reports/somerset.txt"])]


def test_drafts_only_passes_over_files_that_name_no_source(newsroom, phrase_engine, capsys):
    (newsroom / "README.md").write_text("# Our newsroom\n\nThe fifth director in five years.\n")
    code, out, err = run_cli(["check", "README.md", "drafts/a.md", "drafts/essex/deep/c.md",
                              "--drafts-only", "-f", "line"], capsys)
    assert code == 1 and err == ""
    assert [call[0] for call in phrase_engine.calls] == ["drafts/a.md", "drafts/essex/deep/c.md"]
    assert out.startswith("drafts/a.md:4:5: error NUM01") and "README" not in out


def test_the_pre_commit_hook_entry_checks_drafts_only(newsroom, phrase_engine, capsys):
    """The hook's own entry (from .pre-commit-hooks.yaml) over what pre-commit would pass:
    every staged Markdown file, README.md among them."""
    import yaml

    hooks = yaml.safe_load((Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text())
    [hook] = [h for h in hooks if h["id"] == "checker"]
    args = hook["entry"].split()[1:]  # after the 'checker' executable
    (newsroom / "README.md").write_text("# Our newsroom\n")
    code, _, err = run_cli([*args, "README.md", "drafts/b.md"], capsys)
    assert code == 0 and err == "" and [c[0] for c in phrase_engine.calls] == ["drafts/b.md"]


def _stdin(monkeypatch, text):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))


def test_stdin_filename_gives_the_buffer_its_files_config_and_sources(newsroom, phrase_engine,
                                                                      capsys, monkeypatch):
    _stdin(monkeypatch, BAD)  # an editor's unsaved buffer of a draft under the config's glob
    code, out, _ = run_cli(["check", "-", "--stdin-filename", "drafts/essex/deep/new.md",
                            "-f", "line"], capsys)
    assert code == 1 and out.startswith("drafts/essex/deep/new.md:1:5: error NUM01")
    assert phrase_engine.calls == [("drafts/essex/deep/new.md", ["reports/other.txt"])]


def test_stdin_filename_reads_markdown_and_front_matter_beside_that_file(
        newsroom, phrase_engine, capsys, monkeypatch):
    _stdin(monkeypatch, "---\nsource: ../reports/somerset.txt\n---\n# " + BAD)
    code, out, _ = run_cli(["check", "-", "--stdin-filename", "drafts/unsaved.md", "-f", "jsonl"],
                           capsys)
    assert code == 1
    assert phrase_engine.calls == [("drafts/unsaved.md", ["reports/somerset.txt"])]
    [result] = [json.loads(line) for line in out.splitlines()]
    assert result["article"]["meta"]["format"] == "markdown"  # by the name's suffix
    assert result["claims"][0]["line"] == 4 and result["claims"][0]["column"] == 7


def test_stdin_filename_errors_name_that_file(newsroom, phrase_engine, capsys, monkeypatch):
    _stdin(monkeypatch, "\n")
    code, out, err = run_cli(["check", "-", "--stdin-filename", "drafts/unsaved.md", "-f", "github"],
                             capsys)
    assert code == 2 and err == "checker: error: drafts/unsaved.md: is empty\n"
    assert out.startswith("::error file=drafts/unsaved.md,title=checker%3A EmptyInput::")


def test_stdin_filename_without_stdin_is_a_usage_error(newsroom, phrase_engine, capsys):
    code, _, err = run_cli(["check", "drafts/a.md", "--stdin-filename", "x.md"], capsys)
    assert code == 2 and "give - as the article" in err


def _with_broken_drafts(root):
    """Two drafts that cannot be checked, sorted between the good a.md and b.md: one
    whose source is missing, one that is empty."""
    (root / "drafts/ab.md").write_text("---\nsource: ../reports/gone.txt\n---\n" + GOOD)
    (root / "drafts/ac.md").write_text("\n")


def _sarif_notes(out):
    log = validate_sarif(out)
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    [result] = log["runs"][0]["results"]
    assert result["ruleId"] == "NUM01"
    return [(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], n["descriptor"]["id"])
            for n in invocation["toolExecutionNotifications"]]


def _github_notes(out):
    lines = out.splitlines()
    assert any(line.startswith("::error file=drafts/a.md,line=") for line in lines)
    assert lines[-1].endswith("; 2 drafts could not be checked")
    return [(line.split("file=")[1].split(",")[0], line.split("%3A ")[1].split("::")[0])
            for line in lines if line.startswith("::error file=") and "title=checker%3A" in line]


def _junit_notes(out):
    root = ET.fromstring(out)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "1", "2")
    return [(suite.get("name"), suite.find("testcase/error").get("type"))
            for suite in root.findall("testsuite") if suite.get("errors") == "1"]


def _rdjsonl_notes(out):
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["code"]["value"] for d in lines if "range" in d["location"]] == ["NUM01"]
    return [(d["location"]["path"], d["code"]["value"]) for d in lines if "range" not in d["location"]]


def _jsonl_notes(out):
    lines = [json.loads(line) for line in out.splitlines()]
    assert [r["article"]["path"] for r in lines if "claims" in r] == ["drafts/a.md", "drafts/b.md"]
    return [(r["article"]["path"], r["error"]["type"]) for r in lines if "error" in r]


def _json_notes(out):
    body = json.loads(out)
    jsonschema.validate(body, JSON_SCHEMA)
    assert [r["article"]["path"] for r in body["results"]] == ["drafts/a.md", "drafts/b.md"]
    return [(e["article"]["path"], e["error"]["type"]) for e in body["errors"]]


@pytest.mark.parametrize("fmt, notes", [("json", _json_notes),("sarif", _sarif_notes), ("github", _github_notes),
                                        ("junit", _junit_notes), ("rdjsonl", _rdjsonl_notes),
                                        ("jsonl", _jsonl_notes)])
def test_broken_drafts_are_reported_in_the_format_and_the_others_still_checked(
        newsroom, phrase_engine, capsys, fmt, notes):
    _with_broken_drafts(newsroom)
    code, out, err = run_cli(["check", "drafts/*.md", "-f", fmt], capsys)
    assert code == 2  # at the end, after every other draft was checked
    assert [call[0] for call in phrase_engine.calls] == ["drafts/a.md", "drafts/b.md"]
    assert notes(out) == [("drafts/ab.md", "MissingInput"), ("drafts/ac.md", "EmptyInput")]
    assert err.splitlines() == ["checker: error: drafts/ab.md: reports/gone.txt: no such file",
                                "checker: error: drafts/ac.md: is empty"]


def test_broken_drafts_in_the_line_format_are_on_stderr_and_the_others_on_stdout(
        newsroom, phrase_engine, capsys):
    _with_broken_drafts(newsroom)
    code, out, err = run_cli(["check", "drafts/*.md", "-f", "line"], capsys)
    assert code == 2 and out.startswith("drafts/a.md:4:5: error NUM01")
    assert err.splitlines() == ["checker: error: drafts/ab.md: reports/gone.txt: no such file",
                                "checker: error: drafts/ac.md: is empty"]


def test_a_report_people_read_is_written_for_the_drafts_checked_and_none_if_none_was(
        newsroom, phrase_engine, capsys):
    _with_broken_drafts(newsroom)
    code, _, _ = run_cli(["check", "drafts/a.md", "drafts/ab.md", "-f", "line", "-o", "out.txt"],
                         capsys)
    assert code == 2 and (newsroom / "out.txt").read_text().startswith("drafts/a.md:4:5: error NUM01")
    code, _, err = run_cli(["check", "drafts/ab.md", "drafts/ac.md", "-o", "none.txt"], capsys)
    assert code == 2 and len(err.splitlines()) == 2 and not (newsroom / "none.txt").exists()


def test_a_pattern_matching_nothing_does_not_hide_the_other_arguments(newsroom, phrase_engine,
                                                                      capsys):
    code, out, err = run_cli(["check", "drafts/*.markdown", "drafts/a.md", "-f", "line"], capsys)
    assert code == 2 and out.startswith("drafts/a.md:4:5: error NUM01")
    assert err == "checker: error: drafts/*.markdown: no files match this pattern\n"
