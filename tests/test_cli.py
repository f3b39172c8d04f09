"""The check command end to end: exit codes, formats, the Python API, bad input."""

from __future__ import annotations

from checker import as_json

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import checker
from checker.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "corpora" / "seeds"
REPORT = SEEDS / "ofsted-2015-03-27-somerset-childrens-services-report.txt"
BBC = SEEDS / "bbc-2015-03-27-somerset-still-inadequate.txt"
CYP = SEEDS / "cypnow-2017-01-24-worcestershire-inadequate.txt"
SCHEMA = json.loads((Path(checker.__file__).parent / "schema" / "checker-2.json").read_text())


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def test_findings_exit_1_and_name_both_values(capsys):
    code, out, _ = run(capsys, "check", str(BBC), "--source", str(REPORT))
    assert code == 1
    assert "NUM01" in out and "5 directors" in out and "8 directors" in out


def test_fail_on_none_exits_0(capsys):
    code, _, _ = run(capsys, "check", str(BBC), "--source", str(REPORT), "--fail-on", "none")
    assert code == 0


def test_other_authority_is_out_of_scope_and_exits_0(capsys):
    code, out, _ = run(capsys, "check", str(CYP), "--source", str(REPORT), "-f", "json")
    body = json.loads(out)
    assert code == 0
    assert body["relation"]["verdict"] == "different_subject"
    assert {c["verdict"] for c in body["claims"]} == {"out_of_scope"}


def test_json_matches_schema_and_api(capsys):
    code, out, _ = run(capsys, "check", str(BBC), "--source", str(REPORT), "-f", "json")
    body = json.loads(out)
    jsonschema.validate(body, SCHEMA)
    assert body == json.loads(json.dumps(as_json(checker.check(str(BBC), str(REPORT)))))
    text = BBC.read_text(encoding="utf-8")
    for claim in body["claims"]:
        assert text[claim["start"]:claim["end"]] == claim["text"]
        line_start = text.rfind("\n", 0, claim["start"]) + 1
        assert text.count("\n", 0, claim["start"]) + 1 == claim["line"]
        assert claim["start"] - line_start + 1 == claim["column"]


def test_line_format(capsys):
    code, out, _ = run(capsys, "check", str(BBC), "--source", str(REPORT), "-f", "line")
    assert code == 1
    lines = out.splitlines()
    assert lines and all(": error " in l or ": warning " in l or ": info " in l for l in lines)
    assert any(l.endswith(tuple("0123456789)'\"")) or "NUM01" in l for l in lines)
    path, line, col = lines[0].split(":")[:3]
    assert Path(path).name == BBC.name and int(line) >= 1 and int(col) >= 1


def test_stdin_article(tmp_path):
    result = subprocess.run([sys.executable, "-m", "checker.cli", "check", "-", "--source", str(REPORT),
                             "-f", "json"], input=BBC.read_bytes(), capture_output=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["relation"]["verdict"] == "same_report"


@pytest.mark.parametrize("content,message", [
    (None, "no such file"),
    (b"", "is empty"),
    (b"   \n\n", "is empty"),
    (b"\x00\x01\x02binary", "binary"),
    (b"caf\xe9 au lait costs \xa31", "not valid UTF-8"),
    (b"%PDF-1.4 not really", "PDF"),
])
def test_bad_input_is_one_line_exit_2(tmp_path, capsys, content, message):
    bad = tmp_path / "article.txt"
    if content is not None:
        bad.write_bytes(content)
    before = bad.read_bytes() if content is not None else None
    code, out, err = run(capsys, "check", str(bad), "--source", str(REPORT))
    assert code == 2
    assert message.lower() in err.lower()
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    if before is not None:
        assert bad.read_bytes() == before  # inputs are never modified


def test_bad_source_is_exit_2(tmp_path, capsys):
    code, _, err = run(capsys, "check", str(BBC), "--source", str(tmp_path / "missing.txt"))
    assert code == 2 and "no such file" in err


def test_output_file_written_whole(tmp_path, capsys):
    target = tmp_path / "out" / "result.json"
    code, out, _ = run(capsys, "check", str(BBC), "--source", str(REPORT), "-f", "json", "-o", str(target))
    assert code == 1 and out == ""
    assert json.loads(target.read_text())["schema"] == "checker/2"
    assert [p.name for p in target.parent.iterdir()] == ["result.json"]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "html"])
@pytest.mark.parametrize("onto", ["article", "source", "link to the article", "hard link to the source"])
def test_output_onto_an_input_is_refused_and_nothing_is_touched(tmp_path, capsys, fmt, onto):
    article, source = tmp_path / "a.txt", tmp_path / "r.txt"
    article.write_bytes(BBC.read_bytes())
    source.write_text("Report\n\nSomerset County Council's services are inadequate.\n", encoding="utf-8")
    target = {"article": article, "source": source}.get(onto, tmp_path / "other.txt")
    if onto == "link to the article":
        target.symlink_to(article)
    elif onto == "hard link to the source":
        target.hardlink_to(source)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    code, out, err = run(capsys, "check", str(article), "--source", str(source), "-f", fmt, "-o", str(target))
    assert code == 2 and "would overwrite the input" in err and out == ""
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_json_error_is_json(tmp_path, capsys):
    code, out, _ = run(capsys, "check", str(tmp_path / "nope.txt"), "--source", str(REPORT), "-f", "json")
    assert code == 2
    error = json.loads(out)
    jsonschema.validate(error, SCHEMA)
    assert error["error"]["type"] == "MissingInput"


def test_rules_lists_every_rule(capsys):
    from checker.compare.rules import RULES

    main(["rules"])
    out = capsys.readouterr().out
    for rule in RULES:
        assert rule.code in out and rule.name in out


@pytest.mark.parametrize("asked", ["QUO01", "quo01", "quotes.misquote"])
def test_rules_code_shows_that_rule_only(capsys, asked):
    main(["rules", asked])
    out = capsys.readouterr().out
    assert out.startswith("QUO01  quotes.misquote  (error)") and "NUM01" not in out
    assert "Misreported:" in out and "Faithful:" in out


def test_rules_unknown_code_is_exit_2(capsys):
    from sample_runs import run_cli

    code, out, err = run_cli(["rules", "XYZ99"], capsys)
    assert code == 2 and out == "" and "unknown rule 'XYZ99'" in err


@pytest.mark.parametrize("text,verdict,codes", [
    ("Inspectors found that nine different Directors of Children's Services had led the "
     "service over the last ten years.", "same_report", {"NUM01"}),
    ("The match ended in a draw. The visitors scored late. Fans left the ground early. "
     "The manager praised the four new players.", "different_subject", set()),
])
def test_article_naming_no_authority_is_judged_by_content(text, verdict, codes):
    from checker.ingest.documents import document_from_text

    result = checker.check(document_from_text(text, "draft.txt", "article"), str(REPORT))
    assert result.relation.verdict == verdict
    assert {f.code for f in result.findings} == codes


def test_one_run_writes_several_formats_the_same_as_separate_runs(tmp_path, capsys):
    sarif, result = tmp_path / "checker.sarif", tmp_path / "out" / "result.json"
    code, out, err = run(capsys, "check", str(BBC), "--source", str(REPORT), "-f", "github",
                         "-f", f"sarif:{sarif}", "-f", f"json:{result}")
    assert code == 1 and err == ""
    assert "::error file=" in out and "NUM01" in out
    _, alone, _ = run(capsys, "check", str(BBC), "--source", str(REPORT), "-f", "github")
    assert out == alone
    _, sarif_alone, _ = run(capsys, "check", str(BBC), "--source", str(REPORT), "-f", "sarif")
    assert sarif.read_text(encoding="utf-8") == sarif_alone
    assert json.loads(result.read_text(encoding="utf-8"))["schema"] == "checker/2"


def test_formats_all_sent_to_files_leave_stdout_empty_and_errors_reach_each_file(tmp_path, capsys):
    sarif = tmp_path / "checker.sarif"
    code, out, _ = run(capsys, "check", str(BBC), "--source", str(REPORT), "-f", f"sarif:{sarif}")
    assert code == 1 and out == "" and json.loads(sarif.read_text())["version"] == "2.1.0"
    code, out, err = run(capsys, "check", str(tmp_path / "nope.txt"), "--source", str(REPORT),
                         "-f", "github", "-f", f"sarif:{sarif}")
    assert code == 2 and out.startswith("::error") and "no such file" in err
    invocation = json.loads(sarif.read_text())["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False


@pytest.mark.parametrize("args, message", [
    (["-f", "nope"], "'nope' is not one of"),
    (["-f", "line", "-f", "json"], "give one format without :PATH"),
    (["-f", "sarif:x.sarif", "-o", "y.txt"], "-o is for the one -f"),
])
def test_format_misuse_is_a_usage_error(tmp_path, capsys, args, message):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(BBC), "--source", str(REPORT), *args])
    assert exit_info.value.code == 2 and message in capsys.readouterr().err


def test_a_format_file_onto_an_input_is_refused(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_bytes(BBC.read_bytes())
    code, _, err = run(capsys, "check", str(article), "--source", str(REPORT), "-f", f"sarif:{article}")
    assert code == 2 and "would overwrite the input" in err
    assert article.read_bytes() == BBC.read_bytes()
