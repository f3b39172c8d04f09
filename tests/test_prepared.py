"""Prepared sources persist between runs: the second run reads the report's preparation
from the cache instead of parsing it again, and gives the same result."""

from __future__ import annotations

from checker import as_json

import gzip
import hashlib
import json
import pickle
import shutil
import time
import zlib
from pathlib import Path

import pytest

import checker.cachefile as cachefile
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


@pytest.fixture
def entry(stored):
    """The report's preparation as the store keeps it, the one file in its folder, for a
    test to tear or tamper with; put back as it was after the test."""
    store, _ = stored
    [path] = store.folder.iterdir()
    good = path.read_bytes()
    yield path
    path.write_bytes(good)


def test_second_run_reads_the_preparation_and_agrees(stored, monkeypatch):
    store, first = stored

    def no_parse(*_, **__):
        raise AssertionError("the report was prepared again")

    monkeypatch.setattr(prepared_module, "prepare", no_parse)
    again = Checker(store).check(load_document(str(BBC), "article"), [load_document(str(REPORT), "source")])
    assert as_json(again) == as_json(first)


def test_the_same_report_under_another_path_is_cited_by_that_path(stored, tmp_path):
    store, first = stored
    copy = tmp_path / "copy-of-report.txt"
    shutil.copy(REPORT, copy)
    result = Checker(store).check(load_document(str(BBC), "article"), [load_document(str(copy), "source")])
    assert result.relation.source == str(copy)
    assert [f.code for f in result.findings] == [f.code for f in first.findings]


def test_other_code_or_a_torn_file_means_a_fresh_preparation(stored, entry, monkeypatch, capsys):
    store, _ = stored
    monkeypatch.setattr(cachefile, "_warned", [])
    source = load_document(str(REPORT), "source")
    good = entry.read_bytes()
    entry.write_bytes(good[: len(good) // 2])  # torn by a crash mid-write
    assert store.load(source) is None and not entry.exists()
    assert "invalid cache entry" in capsys.readouterr().err
    entry.write_bytes(good)
    monkeypatch.setattr(cachefile, "code_fingerprint", lambda: "another-version")
    assert store.load(source) is None


class _Planted:
    """A pickle that, when loaded, writes a file: what a hostile cache entry would do."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self):
        return (Path.write_text, (self.target, "ran"))


def test_a_pickle_in_the_cache_is_never_loaded(stored, entry, tmp_path, monkeypatch, capsys):
    store, first = stored
    monkeypatch.setattr(cachefile, "_warned", [])
    ran = tmp_path / "ran.txt"
    entry.write_bytes(gzip.compress(pickle.dumps(_Planted(ran))))
    again = Checker(store).check(load_document(str(BBC), "article"), [load_document(str(REPORT), "source")])
    assert not ran.exists()
    assert as_json(again) == as_json(first)
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("checker: warning:")


def _tampered(value, how: str):
    """A stored readings value changed the way a foreign writer might: a figure of the
    wrong type, a field the model lacks, figures for a passage the source lacks."""
    value = json.loads(json.dumps(value))
    entry = next(e for e in value["quantities"] if e[1])
    figures = entry[1]
    if how == "wrong type":
        figures[0][0]["value"] = "eight"
    elif how == "unknown field":
        figures[0][0]["__class__"] = "os.system"
    elif how == "no such passage":
        entry[0] = value["passages"] + 5
    elif how == "not readings":
        value = ["anything"]
    return value


@pytest.mark.parametrize("how", ["wrong type", "unknown field", "no such passage", "not readings"])
def test_an_entry_that_fails_its_checks_is_a_miss_with_one_warning(stored, entry, monkeypatch, capsys, how):
    store, first = stored
    monkeypatch.setattr(cachefile, "_warned", [])
    source = load_document(str(REPORT), "source")
    good = entry.read_bytes()
    value = cachefile.decode(good, prepared_module.KIND, source.id)
    # checksummed like a real entry: only the type checks can refuse it
    entry.write_bytes(cachefile.encode(prepared_module.KIND, source.id, _tampered(value, how)))
    again = Checker(store).check(load_document(str(BBC), "article"), [source])
    assert entry.read_bytes() == good  # prepared afresh, stored again: the same bytes
    assert as_json(again) == as_json(first)
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "invalid cache entry" in err[0]


def test_an_altered_entry_fails_its_checksum(entry):
    source = load_document(str(REPORT), "source")
    good = entry.read_bytes()
    altered = good[:-10] + bytes(b ^ 1 for b in good[-10:])
    with pytest.raises(cachefile.InvalidEntry, match="checksum"):
        cachefile.decode(altered, prepared_module.KIND, source.id)
    with pytest.raises(cachefile.InvalidEntry, match="another format, kind, key"):
        cachefile.decode(good, prepared_module.KIND, "another-source")
    assert cachefile.decode(good, prepared_module.KIND, source.id)["passages"] > 100


def test_an_entry_nested_too_deep_is_refused_when_read():
    deep = cachefile.encode(prepared_module.KIND, "key", None).split(b"\n", 1)[0]
    body = b"[" * 100_000 + b"]" * 100_000
    packed = zlib.compress(body)
    header = json.loads(deep[len(cachefile.MAGIC):])
    header.update(sha256=hashlib.sha256(packed).hexdigest(), size=len(body))
    entry = cachefile.MAGIC + json.dumps(header).encode() + b"\n" + packed
    with pytest.raises(cachefile.InvalidEntry, match="not JSON"):
        cachefile.decode(entry, prepared_module.KIND, "key")


def test_no_cache_environment_turns_the_store_off(monkeypatch):
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    assert PreparedStore.default() is None


def test_the_cache_keeps_only_the_newest_entries(tmp_path):
    folder = cachefile.EntryFolder(tmp_path, "prepared", keep=2)
    (tmp_path / "old-version.pickle.gz").write_bytes(b"left by a version before")
    for name in ("a", "b", "c"):
        folder.save(name, {"prepared": name})
        time.sleep(0.05)  # distinct modification times
    kept = sorted(p.name.split("-")[0] for p in tmp_path.iterdir())
    assert kept == ["b", "c"]
