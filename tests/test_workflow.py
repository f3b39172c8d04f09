"""The example GitHub Actions workflow in docs/, its shell steps run for real on a
temporary repository: only drafts the pull request changed are checked, file names from
the pull request never reach a shell, and the SARIF it uploads is valid."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
WORKFLOW = REPO / "docs/github-workflow.yml"
REPORT = REPO / "corpora/seeds/ofsted-2015-03-27-somerset-childrens-services-report.txt"
FRONT = ("---\nsource: ../reports/somerset.txt\n---\n"
         "Children's services in Somerset are still inadequate, Ofsted has said.\n\n")
MISSTATED = FRONT + ("Julian Wooster, the new director of children's services, is the fifth "
                     "director in five years.\n")
FAITHFUL = FRONT
HOSTILE_NAME = "drafts/x $(touch pwned) `touch pwned2`.md"


def steps() -> dict[str, dict]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return {step.get("name", step.get("uses")): step for step in workflow["jobs"]["checker"]["steps"]}


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                          cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def test_workflow_uploads_the_file_the_check_writes():
    named = steps()
    assert "--output checker.sarif" in named["Check changed drafts"]["run"]
    upload = named["Upload SARIF"]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "checker.sarif"
    assert "always()" in upload["if"]
    for step in named.values():  # untrusted values reach scripts through env, not ${{ }}
        assert "${{" not in step.get("run", "")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None,
                    reason="needs git and bash")
def test_workflow_steps_check_only_changed_drafts(tmp_path):
    repo = tmp_path / "newsroom"
    (repo / "reports").mkdir(parents=True)
    (repo / "drafts").mkdir()
    shutil.copy(REPORT, repo / "reports/somerset.txt")
    (repo / "drafts/old.md").write_text(MISSTATED, encoding="utf-8")  # unchanged by the PR
    git("init", "-q", cwd=repo)
    git("add", ".", cwd=repo)
    git("commit", "-qm", "base", cwd=repo)
    base = git("rev-parse", "HEAD", cwd=repo)
    (repo / "drafts/new.md").write_text(MISSTATED, encoding="utf-8")
    (repo / HOSTILE_NAME).write_text(FAITHFUL, encoding="utf-8")
    git("add", ".", cwd=repo)
    git("commit", "-qm", "pull request", cwd=repo)

    outputs = tmp_path / "github_output"
    env = {**os.environ, "BASE_SHA": base, "GITHUB_OUTPUT": str(outputs),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    named = steps()

    def run(step: str) -> subprocess.CompletedProcess:
        return subprocess.run(["bash", "-e", "-c", named[step]["run"]], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=600)

    listed = run("List changed drafts")
    assert listed.returncode == 0, listed.stderr
    assert outputs.read_text() == "any=true\n"
    assert sorted((repo / "changed-drafts").read_text().split("\0")[:-1]) == \
        sorted([HOSTILE_NAME, "drafts/new.md"])

    checked = run("Check changed drafts")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert not (repo / "pwned").exists() and not (repo / "pwned2").exists()
    log = json.loads((repo / "checker.sarif").read_text(encoding="utf-8"))
    schema = json.loads((REPO / "tests/data/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema, cls=jsonschema.Draft7Validator)
    files = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
             for r in log["runs"][0]["results"]}
    assert files == {"drafts/new.md"}  # old.md misstates too, but the PR did not touch it
    assert "drafts/new.md:6:" in checked.stdout and "NUM01" in checked.stdout
