"""The wheel as a user gets it: built with `python -m build` (no warnings), installed with
`pipx install` into a clean environment of its own, and run on the seed corpus with the
same findings as this checkout. Offline: pip finds every package in .venv/wheels, which
`make install` downloaded from requirements.lock."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
WHEELS = REPO / ".venv/wheels"
SEEDS = "corpora/seeds"
REPORT = f"{SEEDS}/ofsted-2015-03-27-somerset-childrens-services-report.txt"


def seed_articles() -> list[str]:
    return sorted(str(p.relative_to(REPO)) for p in (REPO / SEEDS).glob("*.txt") if str(p.relative_to(REPO)) != REPORT)


def source_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "src"
    copy.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(REPO / name, copy / name)
    shutil.copytree(REPO / "checker", copy / "checker", ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def env_without_bytecode_flag() -> dict[str, str]:
    # PYTHONDONTWRITEBYTECODE makes setuptools warn that it skips byte-compiling.
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def test_the_build_and_the_metadata_name_the_distribution_and_its_licence(tmp_path):
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "claim-checker" and project["scripts"] == {"checker": "checker.cli:main"}
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert not any(c.startswith("License ::") for c in project["classifiers"])  # PEP 639: the expression only


@pytest.mark.slow
@pytest.mark.skipif(not any(WHEELS.glob("spacy-*.whl")),
                    reason="needs the wheels make install downloads to .venv/wheels")
def test_pipx_installs_the_built_wheel_and_it_finds_what_the_checkout_finds(tmp_path):
    dist = tmp_path / "dist"
    built = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                            str(dist), str(source_copy(tmp_path))],
                           capture_output=True, text=True, timeout=600, env=env_without_bytecode_flag())
    assert built.returncode == 0, built.stdout + built.stderr
    noise = [line for line in (built.stdout + built.stderr).splitlines() if re.search(r"warn", line, re.I)]
    assert not noise, noise
    (wheel,) = dist.glob("claim_checker-*-py3-none-any.whl")

    env = {**os.environ, "PIPX_DEFAULT_BACKEND": "pip", "PIPX_HOME": str(tmp_path / "pipx"), "PIPX_BIN_DIR": str(tmp_path / "bin"),
           "PIPX_MAN_DIR": str(tmp_path / "man"), "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(WHEELS),
           "PIP_CONFIG_FILE": os.devnull, "PIP_CONSTRAINT": str(REPO / "requirements.lock")}
    installed = subprocess.run([sys.executable, "-m", "pipx", "install", str(wheel)],
                               capture_output=True, text=True, timeout=1200, env=env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    tool = tmp_path / "bin/checker"
    assert tool.exists()
    assert not str(tool.resolve()).startswith(str(REPO))  # its own environment, not this checkout's

    # rule pages at one address for both: a checkout otherwise links its own docs/rules
    pages = {**os.environ, "CHECKER_RULES_URL": "https://example.org/checker/docs/rules/"}

    def findings(checker: str, sarif: Path) -> subprocess.CompletedProcess:
        return subprocess.run([checker, "check", *seed_articles(), "--source", REPORT, "-f", "line",
                               "-f", f"sarif:{sarif}"], cwd=REPO, capture_output=True, text=True, timeout=600,
                              env=pages)

    clean = findings(str(tool), tmp_path / "pipx.sarif")
    checkout = findings(str(Path(sys.executable).parent / "checker"), tmp_path / "checkout.sarif")
    assert clean.returncode == checkout.returncode == 1, clean.stderr + checkout.stderr
    assert clean.stdout == checkout.stdout and "NUM01" in clean.stdout
    assert (tmp_path / "pipx.sarif").read_text() == (tmp_path / "checkout.sarif").read_text()
