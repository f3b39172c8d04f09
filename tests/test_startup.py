"""Commands that check nothing return without importing spaCy or any reader: the
version, help, the rules, and a run stopped by an input error (timed by
bench/bench_cli.py, never here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "corpora" / "seeds" / "ofsted-2015-03-27-somerset-childrens-services-report.txt"
HEAVY = ("spacy", "thinc", "bm25s", "numpy", "pdfplumber", "pypdfium2", "trafilatura", "docx")
PROBE = """
import json, sys
from checker.cli import main
try:
    main(json.loads(sys.argv[1]))
except SystemExit as stop:
    code = stop.code
else:
    code = 0
print(json.dumps([code, sorted({m.split('.')[0] for m in sys.modules} & set(json.loads(sys.argv[2])))]))
"""


def _imports(args: list[str]) -> tuple[int, list[str]]:
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args), json.dumps(HEAVY)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    code, heavy = json.loads(done.stdout.strip().splitlines()[-1])
    return code, heavy


@pytest.mark.parametrize("args, code", [
    (["--version"], 0),
    (["--help"], 0),
    (["check", "--help"], 0),
    (["rules"], 0),
    (["check", "no-such-draft.txt", "--source", str(REPORT)], 2),
    (["check", str(REPORT), "--source", "no-such-report.pdf"], 2),
])
def test_nothing_heavy_is_imported(args, code, tmp_path):
    assert _imports(args) == (code, [])


def test_an_empty_article_is_refused_before_spacy_loads(tmp_path):
    empty = tmp_path / "draft.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert _imports(["check", str(empty), "--source", str(REPORT)]) == (2, [])
