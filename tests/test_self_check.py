"""Every source in corpora/ (the seed report, every pair's source.txt of wild-dev,
wild-more and editions, one ILACS PDF, the grade excerpts) checked against itself (as
article and as source) gives no error or warning: its history, its data dates and its
next-release dates are not this report's judgements or publication date.  One ILACS report stands for the thirty
(a PDF is slow to read); `make eval-ilacs` runs all thirty."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.engine import Checker
from checker.ingest.documents import document_from_text, load_document

ROOT = Path(__file__).resolve().parent.parent


def _distinct(paths: list[Path]) -> list[str]:
    """Each source text once (several pairs of corpora/ share one release)."""
    seen: set[bytes] = set()
    kept = []
    for path in paths:
        if path.read_bytes() not in seen:
            seen.add(path.read_bytes())
            kept.append(str(path.relative_to(ROOT)))
    return kept


SOURCES = [*_distinct([ROOT / "corpora/seeds/ofsted-2015-03-27-somerset-childrens-services-report.txt",
                       *sorted((ROOT / "corpora").glob("*/*/source.txt"))]),
           "corpora/ofsted-ilacs-dev/reports/staffordshire-11-march-2019.pdf"]
EXCERPTS = json.loads(Path("corpora/grades/excerpts.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def checker():
    return Checker(use_store=False)


def _alarms(checker, article, source):
    result = checker.check(article, [source])
    return [(f.code, f.message) for f in result.findings if f.severity in ("error", "warning")]


@pytest.mark.parametrize("path", SOURCES)
def test_source_against_itself(checker, path):
    path = str(ROOT / path)
    assert _alarms(checker, load_document(path, "article"), load_document(path, "source")) == []


@pytest.mark.parametrize("excerpt", EXCERPTS, ids=lambda e: f"{e['inspectorate']}-{e['layout']}")
def test_excerpt_against_itself(checker, excerpt):
    text = excerpt["text"]
    assert _alarms(checker, document_from_text(text, "a.txt", "article"),
                   document_from_text(text, "s.txt", "source")) == []
