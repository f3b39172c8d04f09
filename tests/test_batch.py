"""Many drafts in one run: globs, each draft's source (flag, front matter, config), stdin,
and exit codes over the batch."""

from __future__ import annotations

import io
import json
import sys

import pytest

from checker.batch import expand_articles
from checker.errors import MissingInput
from sample_runs import REPORT, make_repo, run_cli

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
    assert code == 0 and out == "checker: articles 2: error 0, warning 0, info 0, suppressed 0\n"


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


def test_one_bad_draft_stops_the_batch_with_exit_2(newsroom, phrase_engine, capsys):
    code, out, err = run_cli(["check", "drafts/a.md", "drafts/missing.md", "-f", "sarif"],
                             capsys)
    assert code == 2 and "drafts/missing.md" in err
    assert json.loads(out)["runs"][0]["results"] == []
