"""The pre-commit hook, for real: ``pre-commit try-repo`` of this repository on a
temporary git repository of drafts (and a README.md, which names no source and is
passed over).  pre-commit builds the hook's own virtualenv with pip
(from the package index), so the first run takes a minute or more."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
REPORT = REPO / "corpora/seeds/ofsted-2015-03-27-somerset-childrens-services-report.txt"
HEAD = ("---\nsource: ../reports/somerset.txt\n---\n"
        "# Somerset children's services still inadequate\n\n"
        "Children's services in Somerset are still inadequate, Ofsted has said.\n\n")
MISSTATED = HEAD + ("Julian Wooster, the new director of children's services, is the fifth "
                    "director in five years.\n")
FAITHFUL = HEAD + ("The report says there have been eight different Directors of Children's "
                   "Services in the last ten years.\n")


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_hook_fails_a_misstating_draft_and_passes_a_faithful_one(tmp_path):
    drafts = tmp_path / "newsroom"
    (drafts / "reports").mkdir(parents=True)
    (drafts / "drafts").mkdir()
    shutil.copy(REPORT, drafts / "reports/somerset.txt")
    (drafts / "drafts/misstated.md").write_text(MISSTATED, encoding="utf-8")
    (drafts / "drafts/faithful.md").write_text(FAITHFUL, encoding="utf-8")
    (drafts / "README.md").write_text("# Drafts\n\nThe fifth director in five years.\n",
                                      encoding="utf-8")  # Markdown, but no draft: no source
    git("init", "-q", cwd=drafts)
    git("add", ".", cwd=drafts)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           "PRE_COMMIT_COLOR": "never"}

    def hook(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "checker",
             "--files", *files, "--verbose"],
            cwd=drafts, env=env, capture_output=True, text=True, timeout=1200)

    failed = hook("drafts/misstated.md")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout
    assert "drafts/misstated.md:8:" in failed.stdout and "NUM01" in failed.stdout

    passed = hook("drafts/faithful.md", "README.md")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout and "NUM01" not in passed.stdout
