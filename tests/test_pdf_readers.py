"""PDFium's words give the same report as pdfplumber's (same paragraphs, numbers,
pages, tables), and a file PDFium cannot read falls back to pdfplumber."""

from __future__ import annotations

from pathlib import Path

import pytest

import checker.ingest.pdfwords as pdfwords
from checker.ingest.pdf import read_pdf, text_from_words
from reportpdf import build_report_pdf

# square bullets in a symbol font, hyphens PDFium takes for line ends
ILACS = Path(__file__).resolve().parent.parent / "corpora" / "ofsted-ilacs-dev" / "reports" / \
    "bedford-27-august-2025.pdf"


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory):
    return build_report_pdf(tmp_path_factory.mktemp("pdf") / "somerset.pdf").read_bytes()


@pytest.mark.parametrize("which", ["seed", "ilacs"])
def test_pdfium_gives_the_report_pdfplumber_gives(seed_pdf, which):
    data = seed_pdf if which == "seed" else ILACS.read_bytes()
    fast = text_from_words(*pdfwords.pdfium_words(data, which), which)
    slow = text_from_words(*pdfwords.pdfplumber_words(data, which), which)
    assert fast == slow
    assert read_pdf(data, which) == fast  # PDFium is the reader used


def test_a_file_pdfium_cannot_read_is_read_by_pdfplumber(seed_pdf, monkeypatch):
    expected = read_pdf(seed_pdf, "seed.pdf")

    def fails(*_):
        raise RuntimeError("PDFium could not parse this file")

    monkeypatch.setattr(pdfwords, "pdfium_words", fails)
    assert read_pdf(seed_pdf, "seed.pdf") == expected


def test_a_file_where_pdfium_finds_no_text_is_read_by_pdfplumber(seed_pdf, monkeypatch):
    expected = read_pdf(seed_pdf, "seed.pdf")
    real = pdfwords.pdfium_words
    monkeypatch.setattr(pdfwords, "pdfium_words", lambda *a: (
        [([], height) for _, height in real(*a)[0]], {}))
    assert read_pdf(seed_pdf, "seed.pdf") == expected


def test_a_pdf_needing_a_password_is_refused_by_pdfium_itself(tmp_path, monkeypatch):
    locked = build_report_pdf(tmp_path / "locked.pdf", text="1. A short paragraph.\n",
                              encrypt="secret").read_bytes()
    monkeypatch.setattr(pdfwords, "pdfplumber_words", None)  # never reached
    with pytest.raises(pdfwords.Encrypted, match="encrypted"):
        read_pdf(locked, "locked.pdf")
