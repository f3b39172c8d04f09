"""Prepared sources persist between runs: the second run reads the report's preparation
from the cache instead of parsing it again, and gives the same result."""

from __future__ import annotations

from checker import as_json

import shutil
import time
from pathlib import Path

import pytest

import checker.match.index as index_module
import checker.prepared as prepared_module
from checker.engine import Checker
from checker.ingest.documents import load_document
from checker.prepared import PreparedStore

SEEDS = Path(__file__).resolve().parent.parent / "corpora" / "seeds"
REPORT = SEEDS / "ofsted-2015-03-27-somerset-childrens-services-report.txt"
BBC = SEEDS / "bbc-2015-03-27-somerset-still-inadequate.txt"


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    store = PreparedStore(tmp_path_factory.mktemp("prepared"))
    first = Checker(store).check(load_document(str(BBC), "article"), [load_document(str(REPORT), "source")])
    return store, first


def test_second_run_reads_the_preparation_and_agrees(stored, monkeypatch):
    store, first = stored

    def no_parse(*_, **__):
        raise AssertionError("the report was prepared again")

    monkeypatch.setattr(index_module.SourceIndex, "__init__", no_parse)
    again = Checker(store).check(load_document(str(BBC), "article"), [load_document(str(REPORT), "source")])
    assert as_json(again) == as_json(first)


def test_the_same_report_under_another_path_is_cited_by_that_path(stored, tmp_path):
    store, first = stored
    copy = tmp_path / "copy-of-report.txt"
    shutil.copy(REPORT, copy)
    result = Checker(store).check(load_document(str(BBC), "article"), [load_document(str(copy), "source")])
    assert result.relation.source == str(copy)
    assert [f.code for f in result.findings] == [f.code for f in first.findings]


def test_other_code_or_a_torn_file_means_a_fresh_preparation(stored, monkeypatch):
    store, _ = stored
    source = load_document(str(REPORT), "source")
    path = store._path(source.id)
    assert path.exists()
    path.write_bytes(b"not a pickle")
    assert store.load(source.id) is None and not path.exists()
    monkeypatch.setattr(prepared_module, "code_fingerprint", lambda: "another-version")
    assert store.load(source.id) is None


def test_no_cache_environment_turns_the_store_off(monkeypatch):
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    assert PreparedStore.default() is None


def test_the_cache_keeps_only_the_newest_preparations(tmp_path):
    store = PreparedStore(tmp_path, keep=2)
    for name in ("a", "b", "c"):
        store.save(name, {"prepared": name})
        time.sleep(0.05)  # distinct modification times
    kept = sorted(p.name.split("-")[0] for p in tmp_path.glob("*.pickle.gz"))
    assert len(kept) == 2 and "c" in kept
