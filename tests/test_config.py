"""Config discovery (upward from each draft), precedence (flags win), validation
(unknown keys named), and what each key does to a run."""

from __future__ import annotations

import json

import pytest

from checker.config import Config, find_config, glob_matches, load_config, parse_config
from checker.errors import ConfigError
from sample_runs import REPORT, make_repo, run_cli

MISSTATED = "Julian Wooster is the fifth director in five years.\n\nSomerst council said.\n"



# --- discovery ------------------------------------------------------------------------


def test_nearest_config_above_the_draft_is_found(tmp_path):
    make_repo(tmp_path, {".checker.toml": "fail_on = 'warning'\n",
                         "drafts/local/.checker.toml": "fail_on = 'info'\n",
                         "drafts/local/a.md": "x", "drafts/b.md": "y"})
    assert find_config(tmp_path / "drafts/local/a.md") == (tmp_path / "drafts/local/.checker.toml").resolve()
    assert find_config(tmp_path / "drafts/b.md") == (tmp_path / ".checker.toml").resolve()


def test_pyproject_without_tool_checker_is_passed_over(tmp_path):
    make_repo(tmp_path, {"pyproject.toml": "[tool.checker]\nfail_on = 'warning'\n",
                         "drafts/pyproject.toml": "[project]\nname = 'x'\n", "drafts/a.md": "x"})
    found = find_config(tmp_path / "drafts/a.md")
    assert found == (tmp_path / "pyproject.toml").resolve()
    assert load_config(found).fail_on == "warning"


def test_dot_checker_toml_wins_over_pyproject_in_one_directory(tmp_path):
    make_repo(tmp_path, {"pyproject.toml": "[tool.checker]\nfail_on = 'warning'\n",
                         ".checker.toml": "fail_on = 'info'\n", "a.md": "x"})
    assert load_config(find_config(tmp_path / "a.md")).fail_on == "info"


def test_no_config_gives_defaults(tmp_path):
    (tmp_path / "a.md").write_text("x")
    assert find_config(tmp_path / "a.md") is None
    config = Config()
    assert (config.fail_on, config.min_severity, config.enable, config.allow_urls) == \
        ("error", "info", None, False)


# --- validation -------------------------------------------------------------------------


@pytest.mark.parametrize("text, named", [
    ("fail-on = 'warning'\n", "fail-on"),
    ("severity = 'info'\n", "severity"),
    ("[policy]\nallow_url = true\n", "allow_url"),
])
def test_unknown_key_is_an_error_naming_it(tmp_path, text, named):
    (tmp_path / ".checker.toml").write_text(text)
    with pytest.raises(ConfigError, match=f"unknown key '{named}'"):
        load_config(tmp_path / ".checker.toml")


def test_unknown_key_in_pyproject_names_the_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.checker]\nfailon = 'x'\n")
    with pytest.raises(ConfigError, match=r"\[tool.checker\]: unknown key 'failon'"):
        load_config(tmp_path / "pyproject.toml")


@pytest.mark.parametrize("text, message", [
    ("fail_on = 'sometimes'\n", "'fail_on' is 'sometimes'"),
    ("min_severity = 'none'\n", "'min_severity' is 'none'"),
    ("disable = ['NUM99']\n", "unknown rule 'NUM99'"),
    ("enable = 3\n", "'enable' must be a string or a list"),
    ("[policy]\nallow_urls = 'yes'\n", "'allow_urls' must be true or false"),
    ("[policy]\nallow_private = ['10.0.0.0/33']\n", "10.0.0.0/33"),
    ("sources = 'x'\n", "'sources' must be a table"),
    ("fail_on = \n", "not valid TOML"),
    ("a = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),  # once: RecursionError
])
def test_bad_values_are_config_errors(tmp_path, text, message):
    (tmp_path / ".checker.toml").write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_config(tmp_path / ".checker.toml")


def test_unknown_key_through_the_cli_is_one_line_and_exit_2(tmp_path, phrase_engine, capsys,
                                                              monkeypatch):
    make_repo(tmp_path, {".checker.toml": "fail_onn = 'warning'\n", "a.md": MISSTATED,
                         "r.txt": REPORT})
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["check", "a.md", "--source", "r.txt"], capsys)
    assert code == 2
    assert "unknown key 'fail_onn'" in err and len(err.strip().splitlines()) == 1
    assert phrase_engine.calls == []


# --- globs and sources ---------------------------------------------------------------------


@pytest.mark.parametrize("pattern, path, hit", [
    ("drafts/**/*.md", "drafts/a.md", True),
    ("drafts/**/*.md", "drafts/x/y/a.md", True),
    ("drafts/*.md", "drafts/x/a.md", False),
    ("drafts/*.md", "drafts/a.txt", False),
    ("**", "any/thing.md", True),
    ("drafts/[ab].md", "drafts/b.md", True),
    ("drafts/[!ab].md", "drafts/b.md", False),
    ("drafts/?.md", "drafts/ab.md", False),
    ("drafts/[a-c].md", "drafts/b.md", True),  # a range (the hand-written matcher never matched one)
    ("drafts/[a-c].md", "drafts/d.md", False),
    ("drafts/{somerset,essex}/*.md", "drafts/essex/a.md", True),
    ("drafts/{somerset,essex}/*.md", "drafts/kent/a.md", False),
])
def test_glob_matching(pattern, path, hit):
    assert glob_matches(pattern, path) is hit


def test_first_matching_sources_glob_wins_relative_to_the_config(tmp_path):
    config = parse_config({"sources": {"drafts/somerset/**": ["reports/a.txt", "reports/b.txt"],
                                       "drafts/**": "reports/c.txt"}}, "t", tmp_path / ".checker.toml")
    assert config.sources_for(tmp_path / "drafts/somerset/x/d.md") == (
        str(tmp_path / "reports/a.txt"), str(tmp_path / "reports/b.txt"))
    assert config.sources_for(tmp_path / "drafts/other.md") == (str(tmp_path / "reports/c.txt"),)
    assert config.sources_for(tmp_path / "elsewhere.md") == ()


# --- precedence and effect -----------------------------------------------------------------


def _repo_with(tmp_path, config_text):
    make_repo(tmp_path, {".checker.toml": config_text, "reports/r.txt": REPORT,
                         "drafts/a.md": "---\nsource: ../reports/r.txt\n---\n" + MISSTATED})


def test_config_fail_on_and_flag_that_wins(tmp_path, phrase_engine, capsys, monkeypatch):
    _repo_with(tmp_path, "fail_on = 'warning'\ndisable = ['NUM01']\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(["check", "drafts/a.md", "-f", "line"], capsys)
    assert code == 1 and "ENT01" in out and "NUM01" not in out  # a warning fails
    code, out, _ = run_cli(["check", "drafts/a.md", "-f", "line", "--fail-on", "error"], capsys)
    assert code == 0 and "ENT01" in out


def test_min_severity_hides_and_flag_shows(tmp_path, phrase_engine, capsys, monkeypatch):
    _repo_with(tmp_path, "min_severity = 'error'\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(["check", "drafts/a.md", "-f", "line"], capsys)
    assert "NUM01" in out and "ENT01" not in out and code == 1
    _, out, _ = run_cli(["check", "drafts/a.md", "-f", "line", "--min-severity", "info"], capsys)
    assert "ENT01" in out


def test_enable_in_config_and_enable_flag_replacing_it(tmp_path, phrase_engine, capsys, monkeypatch):
    _repo_with(tmp_path, "enable = ['ENT01']\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(["check", "drafts/a.md", "-f", "line"], capsys)
    assert "ENT01" in out and "NUM01" not in out and code == 0
    code, out, _ = run_cli(["check", "drafts/a.md", "-f", "line", "--enable", "num01"], capsys)
    assert "NUM01" in out and "ENT01" not in out and code == 1
    code, out, _ = run_cli(["check", "drafts/a.md", "-f", "line", "--disable", "ENT01"], capsys)
    assert out == "" and code == 0


def test_unknown_code_on_the_command_line_is_a_usage_error(tmp_path, phrase_engine, capsys, monkeypatch):
    _repo_with(tmp_path, "")
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(["check", "drafts/a.md", "--disable", "NOPE1"], capsys)
    assert code == 2 and "NOPE1" in err


def test_each_draft_is_judged_under_its_own_config(tmp_path, phrase_engine, capsys, monkeypatch):
    make_repo(tmp_path, {
        "reports/r.txt": REPORT,
        "strict/.checker.toml": "fail_on = 'warning'\n[sources]\n'*.md' = '../reports/r.txt'\n",
        "strict/a.md": "Somerst council said.\n",
        "lax/.checker.toml": "fail_on = 'none'\n[sources]\n'*.md' = '../reports/r.txt'\n",
        "lax/b.md": MISSTATED,
    })
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(["check", "lax/b.md", "-f", "jsonl"], capsys)
    assert code == 0 and len(out.splitlines()) == 1
    code, out, _ = run_cli(["check", "lax/b.md", "strict/a.md", "-f", "jsonl"], capsys)
    assert code == 1  # strict/a.md's warning fails under its own config
    paths = [json.loads(line)["article"]["path"] for line in out.splitlines()]
    assert paths == ["lax/b.md", "strict/a.md"]


def test_explicit_config_flag_replaces_the_search(tmp_path, phrase_engine, capsys, monkeypatch):
    _repo_with(tmp_path, "fail_on = 'none'\n")
    (tmp_path / "ci.toml").write_text("fail_on = 'warning'\ndisable = ['NUM01']\n")
    monkeypatch.chdir(tmp_path)
    assert run_cli(["check", "drafts/a.md"], capsys)[0] == 0
    assert run_cli(["check", "drafts/a.md", "--config", "ci.toml"], capsys)[0] == 1
    code, _, err = run_cli(["check", "drafts/a.md", "--config", "missing.toml"], capsys)
    assert code == 2 and "missing.toml" in err


def test_enable_flag_lifts_a_config_disable_of_the_same_code(tmp_path, phrase_engine, capsys,
                                                             monkeypatch):
    _repo_with(tmp_path, "disable = ['NUM01']\n")
    monkeypatch.chdir(tmp_path)
    assert "NUM01" not in run_cli(["check", "drafts/a.md", "-f", "line"], capsys)[1]
    code, out, _ = run_cli(["check", "drafts/a.md", "-f", "line", "--enable", "NUM01"], capsys)
    assert code == 1 and "NUM01" in out
