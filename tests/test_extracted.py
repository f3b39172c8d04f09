"""A PDF, Word file or page is extracted once: later loads of the same bytes, under any
name, read the extraction from the cache, and give the same document."""

from __future__ import annotations

import shutil

import pytest

import checker.cachefile as cachefile
import checker.ingest.pdf as pdf_module
from checker.ingest.documents import load_document
from checker.ingest.extracted import KIND, input_key
from ingest_helpers import private_cache  # noqa: F401 (autouse fixture)
from reportpdf import build_report_pdf


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory):
    return build_report_pdf(tmp_path_factory.mktemp("pdf") / "somerset.pdf")


def _never_read(monkeypatch):
    def read_pdf(*_):
        raise AssertionError("the PDF was read again")

    monkeypatch.setattr(pdf_module, "read_pdf", read_pdf)


def _same(a, b) -> None:
    assert (a.id, a.text, a.passages, a.facts, a.meta) == (b.id, b.text, b.passages, b.facts, b.meta)


def test_a_known_pdf_is_never_read_again_under_any_name(report_pdf, tmp_path, monkeypatch):
    first = load_document(str(report_pdf), "source")
    copy = tmp_path / "renamed.pdf"
    shutil.copy(report_pdf, copy)
    _never_read(monkeypatch)
    again = load_document(str(copy), "source")
    _same(again, first)
    assert again.uri == str(copy)
    assert {p.page for p in again.passages} == {p.page for p in first.passages} != {None}


def test_other_bytes_are_read(report_pdf, tmp_path, monkeypatch):
    load_document(str(report_pdf), "source")
    other = build_report_pdf(tmp_path / "other.pdf", text="1. A short paragraph of the report, "
                             "about the council's 98 social workers.")
    calls = []
    real = pdf_module.read_pdf
    monkeypatch.setattr(pdf_module, "read_pdf", lambda *a: calls.append(a) or real(*a))
    assert "98 social workers" in load_document(str(other), "source").text
    assert len(calls) == 1


def test_an_invalid_extraction_entry_is_a_miss_with_one_warning(report_pdf, monkeypatch, capsys):
    monkeypatch.setattr(cachefile, "_warned", [])
    first = load_document(str(report_pdf), "source")
    key = input_key(report_pdf.read_bytes(), "pdf", str(report_pdf), None)
    folder = cachefile.EntryFolder(cachefile.cache_root() / "extracted", KIND, keep=None)
    folder.path(key).write_bytes(cachefile.encode(KIND, key, ["", {"pages": "many"}, [0]]))
    _same(load_document(str(report_pdf), "source"), first)
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "invalid cache entry" in err[0]
    _never_read(monkeypatch)  # the entry was stored afresh
    _same(load_document(str(report_pdf), "source"), first)


def test_no_cache_reads_every_time(report_pdf, monkeypatch):
    load_document(str(report_pdf), "source")
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    _never_read(monkeypatch)
    with pytest.raises(AssertionError, match="read again"):
        load_document(str(report_pdf), "source")


def test_plain_text_is_not_kept(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nThe council has 98 social workers.\n", encoding="utf-8")
    load_document(str(article), "article")
    assert not (cachefile.cache_root() / "extracted").exists()
