"""The GitHub Action (action.yml) and the example workflow that uses it (docs/), the
Action's shell steps run for real on a temporary git repository with a faithful and a
misstated draft: only drafts the pull request changed are checked, file names from the
pull request never reach a shell, one run annotates (-f github) and writes valid SARIF,
and the exit codes are those action.yml documents."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]
ACTION = REPO / "action.yml"
WORKFLOW = REPO / "docs/github-workflow.yml"
LOCK = REPO / "requirements.lock"
WHEELS = REPO / ".venv/wheels"
REPORT = REPO / "corpora/seeds/ofsted-2015-03-27-somerset-childrens-services-report.txt"
SCHEMA = json.loads((REPO / "tests/data/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
FRONT = ("---\nsource: ../reports/somerset.txt\n---\n"
         "Children's services in Somerset are still inadequate, Ofsted has said.\n\n")
MISSTATED = FRONT + ("Julian Wooster, the new director of children's services, is the fifth "
                     "director in five years.\n")
FAITHFUL = FRONT + ("The report says there have been eight different Directors of Children's "
                    "Services in the last ten years.\n")
HOSTILE_NAME = "drafts/x $(touch pwned) `touch pwned2`.md"
needs_git = pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None,
                               reason="needs git and bash")


def action() -> dict:
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


def steps() -> dict[str, dict]:
    return {step.get("name", step.get("uses")): step for step in action()["runs"]["steps"]}


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                          cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


class Runner:
    """Runs the Action's `run:` steps as the runner does (bash -eo pipefail, the step's env
    with its ${{ }} expressions evaluated, outputs through $GITHUB_OUTPUT)."""

    def __init__(self, workspace: Path, temp: Path, inputs: dict[str, str], base_sha: str,
                 action_path: Path = REPO, extra_env: dict[str, str] | None = None,
                 action_ref: tuple[str, str] = ("", "")):
        declared = action()["inputs"]
        unknown = set(inputs) - set(declared)
        assert not unknown, f"inputs action.yml does not declare: {unknown}"
        self.inputs = {name: str(spec.get("default", "")) for name, spec in declared.items()} | inputs
        self.workspace, self.temp, self.base_sha = workspace, temp, base_sha
        self.action_path, self.extra_env = action_path, extra_env or {}
        self.action_ref = action_ref  # (github.action_repository, github.action_ref)
        self.outputs: dict[str, dict[str, str]] = {}

    def value(self, expression: str) -> str:
        expression = expression.strip()
        if m := re.fullmatch(r"inputs\.([\w-]+)", expression):
            return self.inputs[m[1]]
        if m := re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression):
            return self.outputs.get(m[1], {}).get(m[2], "")
        known = {"github.action_path": str(self.action_path),
                 "github.event.pull_request.base.sha": self.base_sha,
                 "github.server_url": "https://github.com",
                 "github.action_repository": self.action_ref[0], "github.action_ref": self.action_ref[1]}
        if expression in known:
            return known[expression]
        raise AssertionError(f"the test does not evaluate ${{{{ {expression} }}}}")

    def expand(self, text: str) -> str:
        return re.sub(r"\$\{\{(.*?)\}\}", lambda m: self.value(m[1]), text)

    def condition(self, step: dict) -> bool:
        condition = step.get("if")
        if condition is None:
            return True
        m = re.fullmatch(r"\s*steps\.([\w-]+)\.outputs\.([\w-]+) == '([^']*)'\s*", condition)
        assert m, f"the test does not evaluate if: {condition}"
        return self.outputs.get(m[1], {}).get(m[2], "") == m[3]

    def run(self, name: str) -> subprocess.CompletedProcess | None:
        step = steps()[name]
        assert step["shell"] == "bash" and "${{" not in step["run"]  # inputs reach scripts via env
        if not self.condition(step):
            return None
        output = self.temp / f"output-{step.get('id', 'step')}"
        output.write_text("")
        env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", str(self.temp)),
               "GITHUB_OUTPUT": str(output), "GITHUB_WORKSPACE": str(self.workspace),
               "RUNNER_TEMP": str(self.temp), **self.extra_env,
               **{k: self.expand(str(v)) for k, v in step.get("env", {}).items()}}
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                              cwd=self.workspace, env=env, capture_output=True, text=True, timeout=1200)
        if "id" in step:
            self.outputs[step["id"]] = dict(line.split("=", 1) for line in output.read_text().splitlines())
        return done


def newsroom(tmp_path: Path) -> tuple[Path, str]:
    """A drafts repository: a base commit with a misstated draft the pull request leaves
    alone, then the pull request: a misstated draft, a faithful one with a hostile name,
    and a misstated note outside drafts/."""
    repo = tmp_path / "newsroom"
    for folder in ("reports", "drafts", "notes"):
        (repo / folder).mkdir(parents=True)
    shutil.copy(REPORT, repo / "reports/somerset.txt")
    (repo / "drafts/old.md").write_text(MISSTATED, encoding="utf-8")
    git("init", "-q", cwd=repo)
    git("add", ".", cwd=repo)
    git("commit", "-qm", "base", cwd=repo)
    base = git("rev-parse", "HEAD", cwd=repo)
    (repo / "drafts/new.md").write_text(MISSTATED, encoding="utf-8")
    (repo / HOSTILE_NAME).write_text(FAITHFUL, encoding="utf-8")
    (repo / "notes/aside.md").write_text(MISSTATED, encoding="utf-8")
    git("add", ".", cwd=repo)
    git("commit", "-qm", "pull request", cwd=repo)
    return repo, base


def dev_checker(temp: Path) -> None:
    """Where 'Install checker' puts checker, linked to this environment's."""
    (temp / "checker-venv/bin").mkdir(parents=True)
    (temp / "checker-venv/bin/checker").symlink_to(Path(sys.executable).parent / "checker")


def sarif_files(path: Path) -> set[str]:
    log = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(log, SCHEMA, cls=jsonschema.Draft7Validator)
    return {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"] if r["level"] in ("error", "warning")}


def test_the_example_workflow_is_the_action_in_three_lines_with_its_permissions():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read", "actions": "read", "security-events": "write"}
    used = workflow["jobs"]["checker"]["steps"]
    assert [s["uses"].split("@")[0] for s in used] == ["actions/checkout", "OWNER/checker"]
    assert set(used[1]["with"]) <= set(action()["inputs"])
    body = WORKFLOW.read_text(encoding="utf-8").split("steps:\n", 1)[1].strip().splitlines()
    assert len(body) == 3
    for permission in ("actions: read", "security-events: write"):
        assert permission in ACTION.read_text(encoding="utf-8")  # documented there too


def test_the_action_caches_pip_on_the_lock_and_uploads_the_file_the_check_writes(tmp_path):
    named = steps()
    setup = named["actions/setup-python@v5"]["with"]
    assert setup["cache"] == "pip" and setup["cache-dependency-path"] == ".checker-action/requirements.lock"
    assert '-c "$ACTION_PATH/requirements.lock"' in named["Install checker"]["run"]
    upload = named["Upload SARIF"]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    assert "always()" in upload["if"] and "inputs.sarif == 'true'" in upload["if"]
    assert "head.repo.full_name == github.repository" in upload["if"]  # forks have a read-only token
    runner = Runner(tmp_path, tmp_path, {}, "")
    staged = runner.run("Stage the lock for the pip cache")
    assert staged.returncode == 0, staged.stderr
    assert (tmp_path / ".checker-action/requirements.lock").read_bytes() == LOCK.read_bytes()


@pytest.mark.slow
@needs_git
def test_the_action_annotates_the_misstated_changed_draft_and_writes_valid_sarif(tmp_path):
    repo, base = newsroom(tmp_path)
    temp = tmp_path / "runner-temp"
    temp.mkdir()
    dev_checker(temp)
    runner = Runner(repo, temp, {"drafts": "drafts/**/*.md"}, base)

    listed = runner.run("List drafts")
    assert listed.returncode == 0, listed.stderr
    assert runner.outputs["list"] == {"any": "true"}
    assert sorted((temp / "checker-drafts").read_text().split("\0")[:-1]) == \
        sorted([HOSTILE_NAME, "drafts/new.md"])  # not old.md (unchanged), not notes/

    checked = runner.run("Check drafts")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert runner.outputs["check"] == {"exit-code": "1", "sarif-file": "checker.sarif"}
    assert not (repo / "pwned").exists() and not (repo / "pwned2").exists()
    annotations = [line for line in checked.stdout.splitlines() if line.startswith("::")]
    assert any(a.startswith("::error file=drafts/new.md,line=6,") and "NUM01" in a for a in annotations)
    assert not [a for a in annotations if a.startswith(("::error", "::warning")) and "drafts/new.md" not in a]
    assert sarif_files(repo / "checker.sarif") == {"drafts/new.md"}

    # no ref known: no page on GitHub is linked (a checkout's run links its own docs/rules)
    assert not any(rule.get("helpUri", "").startswith("https://") for rule in _rules(repo / "checker.sarif"))

    linked = Runner(repo, temp, {"drafts": "drafts/**/*.md"}, base, action_ref=("newsroom/checker", "v1"))
    linked.run("List drafts")
    assert linked.run("Check drafts").returncode == 1
    pages = {rule["id"]: rule["helpUri"] for rule in _rules(repo / "checker.sarif")}
    assert pages["NUM01"] == "https://github.com/newsroom/checker/blob/v1/docs/rules/NUM01.md"

    relaxed = Runner(repo, temp, {"drafts": "drafts/**/*.md", "fail-on": "none", "sarif": "false"}, base)
    relaxed.run("List drafts")
    (repo / "checker.sarif").unlink()
    passed = relaxed.run("Check drafts")
    assert passed.returncode == 0, passed.stderr
    assert relaxed.outputs["check"] == {"exit-code": "0"} and "NUM01" in passed.stdout
    assert not (repo / "checker.sarif").exists()

    everything = Runner(repo, temp, {"drafts": "drafts/**/*.md", "changed-only": "false",
                                     "sources": "reports/missing.txt\n"}, base)
    everything.run("List drafts")
    assert "drafts/old.md" in (temp / "checker-drafts").read_text().split("\0")
    broken = everything.run("Check drafts")
    assert broken.returncode == 2 and "reports/missing.txt" in broken.stderr
    assert everything.outputs["check"]["exit-code"] == "2"
    log = json.loads((repo / "checker.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(log, SCHEMA, cls=jsonschema.Draft7Validator)
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


def _rules(sarif: Path) -> list[dict]:
    return json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["tool"]["driver"]["rules"]


@needs_git
def test_no_matching_draft_skips_the_check(tmp_path):
    repo, base = newsroom(tmp_path)
    runner = Runner(repo, tmp_path, {"drafts": "reports/**/*.md"}, base)
    listed = runner.run("List drafts")
    assert listed.returncode == 0 and runner.outputs["list"] == {}
    assert "::notice" in listed.stdout
    assert runner.run("Check drafts") is None


def pins(text: str) -> dict[str, str]:
    """{canonical name: version} of the name==version lines (markers left out)."""
    found = {}
    for line in text.splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split(";")[0].split("==")
            found[canonicalize_name(name.strip())] = version.strip()
    return found


def action_copy(tmp_path: Path) -> Path:
    """What a workflow checks out of checker's repository for the Action (the files the
    install reads), without this checkout's venv, build or egg-info folders."""
    copy = tmp_path / "action"
    copy.mkdir()
    for name in ("action.yml", "pyproject.toml", "README.md", "LICENSE", "Makefile", "requirements.lock"):
        shutil.copy(REPO / name, copy / name)
    shutil.copytree(REPO / "checker", copy / "checker", ignore=shutil.ignore_patterns("__pycache__"))
    return copy


offline_wheels = pytest.mark.skipif(not any(WHEELS.glob("spacy-*.whl")),
                                    reason="needs the wheels make install downloads to .venv/wheels")


@pytest.mark.slow
@needs_git
@offline_wheels
def test_the_install_step_installs_the_locked_set_and_the_check_runs(tmp_path):
    """'Install checker' for real, offline: pip finds every package in .venv/wheels (what
    make install downloaded from the lock), as the runner's pip would on PyPI."""
    repo, base = newsroom(tmp_path)
    temp = tmp_path / "runner-temp"
    temp.mkdir()
    offline = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(WHEELS), "PIP_CONFIG_FILE": os.devnull, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    runner = Runner(repo, temp, {"drafts": "drafts/**/*.md"}, base, action_path=action_copy(tmp_path),
                    extra_env=offline)
    installed = runner.run("Install checker")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert "checker, version" in installed.stdout
    pip = temp / "checker-venv/bin/pip"
    frozen = subprocess.run([str(pip), "freeze"], capture_output=True, text=True, check=True).stdout
    assert set(pins(frozen)) - {"claim-checker"} <= set(pins(LOCK.read_text()))
    assert all(pins(LOCK.read_text())[name] == version for name, version in pins(frozen).items()
               if name != "claim-checker")
    assert runner.run("List drafts").returncode == 0
    checked = runner.run("Check drafts")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "::error file=drafts/new.md,line=6," in checked.stdout
    assert sarif_files(repo / "checker.sarif") == {"drafts/new.md"}
