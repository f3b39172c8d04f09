"""Seeded hostile inputs for the command line, and what every run of it must hold
(issue 11), whatever the input:

- exit 0 or 1 with complete output (on stdout or in the ``-o`` file), or exit 2 with
  one line on stderr (and, for a machine format, a complete error object);
- never a traceback;
- no input changed, and no temporary or partial file left beside the output;
- done within a generous time bound (a subprocess timeout, which only catches hangs).

``CHECKER_FUZZ_SEED`` and ``CHECKER_FUZZ_COUNT`` (generated inputs per kind) choose the
inputs: ``make test`` runs one of each kind, ``make fuzz SEED=7 COUNT=200`` many.  Each
input is derived from the seed, the kind and its number, so a failure names the
command that replays it.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"
SEED_REPORT = SEEDS / "ofsted-2015-03-27-somerset-childrens-services-report.txt"
SEED = int(os.environ.get("CHECKER_FUZZ_SEED", "11"))
COUNT = int(os.environ.get("CHECKER_FUZZ_COUNT", "1"))
TIME_BOUND = float(os.environ.get("CHECKER_FUZZ_SECONDS", "300"))  # seconds; only hangs exceed it
MACHINE_FORMATS = ("json", "jsonl", "sarif", "junit", "rdjsonl")
FORMATS = ("text", "line", "github", "html", *MACHINE_FORMATS)


def rng_for(kind: str, number: int) -> random.Random:
    """The generator of one input: the same seed, kind and number give the same input."""
    return random.Random(f"{SEED}/{kind}/{number}")


def small_report() -> str:
    """The seed report's opening (title, dates, judgements, the first paragraphs): a
    real source that is quick to prepare."""
    return "\n".join(SEED_REPORT.read_text(encoding="utf-8").split("\n")[:90]) + "\n"


def seed_sentences() -> list[str]:
    """Sentences of the seed articles, to build articles from."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        if path != SEED_REPORT:
            for line in path.read_text(encoding="utf-8").split("\n"):
                out += [s.strip() + "." for s in line.split(". ") if len(s.split()) > 3]
    return out


def article_text(rng: random.Random, sentences: int = 12) -> str:
    pool = seed_sentences()
    body = [" ".join(rng.choice(pool) for _ in range(rng.randint(1, 3))) for _ in range(sentences)]
    return "Somerset children's services still inadequate\n\n" + "\n\n".join(body) + "\n"


@dataclass
class Run:
    args: list[str]
    code: int
    stdout: str
    stderr: str
    seconds: float


def run_cli(args: list[str], cwd: Path, cache: Path, env: dict | None = None,
            timeout: float = TIME_BOUND, limit_file_bytes: int | None = None) -> Run:
    """``checker ARGS`` in a fresh interpreter, with its own cache directory.
    ``limit_file_bytes``: no file the run writes may grow past this (a full disk)."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("CHECKER_")}
    environ.update({"CHECKER_CACHE_DIR": str(cache), "PYTHONDONTWRITEBYTECODE": "1"}, **(env or {}))
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", "checker.cli", *args], cwd=cwd, env=environ,
                              capture_output=True, timeout=timeout,
                              preexec_fn=_file_limit(limit_file_bytes) if limit_file_bytes else None)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"no answer within {timeout:.0f} s: checker {_shown(args)}") from None
    return Run(args, done.returncode, done.stdout.decode("utf-8", "replace"),
               done.stderr.decode("utf-8", "replace"), time.perf_counter() - started)


def _file_limit(limit: int):
    def apply() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def _shown(args: list[str]) -> str:
    return " ".join(repr(a) if any(c in a for c in " \n\r\t'\"") else a for a in args)


def snapshot(*folders: Path) -> dict[Path, bytes]:
    """Every file under the folders, with its bytes (links as the link's target name)."""
    files: dict[Path, bytes] = {}
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_symlink():
                files[path] = os.readlink(path).encode("utf-8", "surrogateescape")
            elif path.is_file():
                files[path] = path.read_bytes()
    return files


def complete(text: str, fmt: str) -> bool:
    """Is this a whole report in its format (not cut off, not empty where it cannot be)?"""
    if fmt in ("json", "sarif"):
        return isinstance(json.loads(text), dict)
    if fmt in ("jsonl", "rdjsonl"):
        return all(isinstance(json.loads(line), dict) for line in text.splitlines() if line.strip())
    if fmt == "junit":
        return ElementTree.fromstring(text) is not None
    if fmt == "html":
        return text.rstrip().endswith("</html>")
    return text == "" or text.endswith("\n")


def assert_held(run: Run, before: dict[Path, bytes], fmt: str = "json", output: Path | None = None,
                cache_warning: bool = False) -> None:
    """The properties of every run (see the module docstring).  ``before``: the inputs'
    snapshot; ``output``: the ``-o`` path, if any; ``cache_warning``: the case breaks the
    cache, so one warning line about it may come before the error line."""
    replay = f"CHECKER_FUZZ_SEED={SEED}: checker {_shown(run.args)}"
    assert "Traceback" not in run.stderr, f"{replay}\n{run.stderr[-3000:]}"
    lines = [line for line in run.stderr.splitlines()
             if not (cache_warning and line.startswith("checker: warning:"))]
    if run.code in (0, 1):
        if output is not None:
            assert output.is_file() and complete(output.read_text(encoding="utf-8"), fmt), replay
        else:
            assert complete(run.stdout, fmt), f"{replay}\nincomplete {fmt} output: {run.stdout[-500:]}"
        assert not any(line.startswith("checker: error") for line in lines), f"{replay}\n{run.stderr}"
    else:
        assert run.code == 2, f"{replay}\nexit {run.code}\n{run.stderr[-3000:]}"
        assert len(lines) == 1 and lines[0].startswith("checker:"), f"{replay}\nstderr: {run.stderr!r}"
        if output is not None and output.exists() and before.get(output) != output.read_bytes():
            assert fmt in MACHINE_FORMATS and complete(output.read_text(encoding="utf-8"), fmt), replay
    for path, data in before.items():
        if path == output:
            continue
        assert path.exists() or path.is_symlink(), f"{replay}\ninput removed: {path}"
        now = os.readlink(path).encode("utf-8", "surrogateescape") if path.is_symlink() else path.read_bytes()
        assert now == data, f"{replay}\ninput changed: {path}"
    folders = {p.parent for p in before} | ({output.parent} if output is not None else set())
    strays = [p for folder in folders if folder.is_dir() for p in folder.iterdir()
              if p.name.endswith(".tmp") and p not in before]
    assert not strays, f"{replay}\ntemporary files left: {strays}"
