"""``checker index`` and ``checker check --corpus`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main
from corpus_helpers import ARTICLE, REPORT, somerset_corpus


@pytest.fixture()
def corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    return somerset_corpus(tmp_path / "corpus", 25)


def run(argv, capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def test_index_reports_what_it_did(corpus, capsys):
    (corpus / "broken.txt").write_bytes(b"text\x00with a NUL byte")
    code, out, err = run(["index", str(corpus), "--jobs", "2"], capsys)
    assert code == 0 and "26 documents indexed" in out and "26 parsed" in out
    assert "26 with claims read" in out and "skipped broken.txt" in err
    code, out, _ = run(["index", str(corpus)], capsys)
    assert "0 parsed, 26 unchanged" in out and "0 with claims read" in out
    code, _, err = run(["index", str(corpus), "--jobs", "0"], capsys)
    assert code == 2 and "--jobs" in err


def test_index_beside(corpus, capsys):
    code, out, _ = run(["index", str(corpus), "--beside"], capsys)
    assert code == 0 and (corpus / ".checker-index" / "manifest.json").is_file()


def test_check_with_corpus_json(corpus, capsys):
    code, out, err = run(["check", str(ARTICLE["003"]), str(ARTICLE["004"]), "--corpus",
                          str(corpus), "-f", "json", "--fail-on", "none"], capsys)
    assert code == 0 and err == ""  # no progress bar when stderr is not a terminal
    first, second = json.loads(out)["results"]
    assert first["relation"]["verdict"] == "same_report"
    assert first["relation"]["source"].endswith(REPORT.name)
    assert first["relation"]["candidates"][0]["score"] < 1
    assert (second["relation"]["verdict"], second["relation"]["source"]) == ("unknown", None)


@pytest.mark.parametrize("extra, message", [
    (["--source", str(REPORT)], "either --source or --corpus"),
    (["--jobs", "2", "--source", str(REPORT)], None),
])
def test_usage_errors(corpus, capsys, extra, message):
    argv = ["check", str(ARTICLE["003"])] + extra
    if message:
        argv += ["--corpus", str(corpus)]
    code, _, err = run(argv, capsys)
    assert code == 2 and err.count("\n") == 1
    assert (message or "--jobs and --scheduler go with --corpus") in err


def test_missing_corpus_is_one_line(tmp_path, capsys):
    code, _, err = run(["check", str(ARTICLE["003"]), "--corpus", str(tmp_path / "no")], capsys)
    assert code == 2 and "no such directory" in err and err.count("\n") == 1


def test_article_from_stdin_with_corpus(corpus, tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "CHECKER_CACHE_DIR": str(tmp_path / "cache")}
    command = str(Path(sys.executable).parent / "checker")
    done = subprocess.run([command, "check", "-", "--corpus", str(corpus),
                           "-f", "json", "--fail-on", "none"],
                          input=ARTICLE["003"].read_bytes(), capture_output=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)  # one article: the result itself
    assert result["article"]["path"] == "<stdin>"
    assert result["relation"]["source"].endswith(REPORT.name)
