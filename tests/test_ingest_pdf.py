"""PDF reports: the seed report typeset as a 33-page PDF (running header, page numbers,
margin paragraph numbers, tables, footnotes) reads back into the passages of the
plain-text report, each with its page; broken PDFs are refused with one line."""

from __future__ import annotations

import re

import pytest

from checker.cli import main
from checker.ingest.documents import load_document
from checker.ingest.pdf import read_pdf
from checker.textnorm import fold
from ingest_helpers import assert_refused, private_cache  # noqa: F401 (autouse fixture)
from reportpdf import REPORT, RUNNING_HEADER, build_report_pdf


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory):
    return build_report_pdf(tmp_path_factory.mktemp("pdf") / "somerset.pdf")


@pytest.fixture(scope="module")
def from_pdf(report_pdf):
    return load_document(str(report_pdf), "source")


@pytest.fixture(scope="module")
def from_text():
    return load_document(str(REPORT), "source")


def numbered(document):
    return {p.id: p for p in document.passages if re.fullmatch(r"¶\d+", p.id)}


def test_every_numbered_paragraph_comes_back_whole(from_pdf, from_text):
    plain, pdf = numbered(from_text), numbered(from_pdf)
    assert len(plain) == 187
    assert set(pdf) == set(plain)
    differ = [i for i in plain if fold(plain[i].text) != fold(pdf[i].text)]
    assert not differ


def test_every_passage_of_the_plain_report_is_a_pdf_passage(from_pdf, from_text):
    pdf_texts = {fold(p.text) for p in from_pdf.passages}
    missing = [p.id for p in from_text.passages if fold(p.text) not in pdf_texts]
    assert not missing
    assert from_pdf.facts == from_text.facts  # dates, authority, judgements table


def test_running_header_and_page_numbers_removed(from_pdf):
    assert RUNNING_HEADER not in from_pdf.text
    bare_numbers = [line for line in from_pdf.text.split("\n") if re.fullmatch(r"\d{1,3}", line)]
    assert not bare_numbers


def test_each_passage_carries_the_page_it_starts_on(from_pdf, report_pdf):
    import pdfplumber

    pages = [p.page for p in from_pdf.passages]
    assert None not in pages and pages == sorted(pages)
    assert pages[0] == 1 and pages[-1] == from_pdf.meta["pages"] == 33
    sample = [from_pdf.passage(pid) for pid in ("¶1", "¶60", "¶120", "¶187")]
    with pdfplumber.open(str(report_pdf)) as pdf:
        for passage in sample:
            page_text = " ".join(pdf.pages[passage.page - 1].extract_text().split())
            assert " ".join(passage.text.split()[:6]) in page_text, passage.id


def draw_pages(path, pages, header=None):
    """A PDF drawn line by line: ``pages`` is a list of lists of lines."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number, lines in enumerate(pages, 1):
        if header:
            pdf.setFont("Helvetica", 8)
            pdf.drawString(72, A4[1] - 40, header)
            pdf.drawString(280, 30, f"Page {number} of {len(pages)}")
        pdf.setFont("Helvetica", 10)
        y = A4[1] - 80
        for line in lines:
            if line:
                pdf.drawString(72, y, line)
            y -= 13
        pdf.showPage()
    pdf.save()
    return path


def test_hyphenation_undone_but_real_compounds_kept(tmp_path):
    path = draw_pages(tmp_path / "h.pdf", [[
        "A short-term plan was agreed by the board in the spring.",
        "",
        "The council must make improve-",
        "ments in the care of children and their well-",
        "being, and stop relying on short-",
        "term staff.",
    ]])
    text, _, _ = read_pdf(path.read_bytes(), str(path))
    assert ("The council must make improvements in the care of children and their wellbeing,"
            " and stop relying on short-term staff.") in text
    assert "A short-term plan" in text


def test_paragraph_runs_over_a_page_break(tmp_path):
    path = draw_pages(tmp_path / "p.pdf", [
        ["1. Inspectors read 42 case files in the four weeks.", "",
         "2. Social workers had not visited the children", "in the care of the"],
        ["council often enough, and managers did not notice.", "",
         "3. A new improvement plan was agreed in the autumn."],
        ["4. The safeguarding board met twice in the year."],
    ], header="Somerset inspection report")
    text, meta, page_starts = read_pdf(path.read_bytes(), str(path))
    assert ("2. Social workers had not visited the children in the care of the council often "
            "enough, and managers did not notice.") in text
    assert "Somerset inspection report" not in text and "Page 2 of 3" not in text
    document = load_document(str(path), "source")
    assert {p.id: p.page for p in document.passages} == {"¶1": 1, "¶2": 1, "¶3": 2, "¶4": 3}
    assert meta["pages"] == 3 and page_starts[0] == 0


def test_sentence_ending_at_a_full_line_runs_over_the_page(tmp_path):
    path = draw_pages(tmp_path / "s.pdf", [
        ["Leaders have known of these failings since the inspection of 2013 and",
         "have not acted on them, as the board has reported to the council twice."],
        ["Managers said they would now act on them.", "",
         "A new chief executive started in May."],
        ["The board will meet again in the autumn."],
    ])
    text, _, _ = read_pdf(path.read_bytes(), str(path))
    assert text.split("\n\n") == [
        "Leaders have known of these failings since the inspection of 2013 and have not acted"
        " on them, as the board has reported to the council twice. Managers said they would"
        " now act on them.",
        "A new chief executive started in May.",  # a short last line: the paragraph ended
        "The board will meet again in the autumn.\n"]


# --- refused: one line on stderr, exit 2, nothing written --------------------------------


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("Ofsted rated the council inadequate on 27 March 2015.\n", "utf-8")
    return str(path)


def test_pdf_without_text_layer(tmp_path, capsys, article):
    from reportlab.pdfgen import canvas

    scan = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(scan))
    pdf.rect(72, 72, 400, 600, fill=1)  # a page image stands in for a scan: no text
    pdf.showPage()
    pdf.save()
    err = assert_refused(["check", article, "-s", str(scan)], tmp_path, capsys)
    assert "no text layer" in err and "OCR" in err


def test_encrypted_pdf(tmp_path, capsys, article):
    locked = build_report_pdf(tmp_path / "locked.pdf", text="1. A short paragraph of the "
                              "report that is locked away.\n", encrypt="secret")
    err = assert_refused(["check", article, "-s", str(locked)], tmp_path, capsys)
    assert "encrypted" in err


def test_pdf_with_an_owner_password_only_is_read(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption

    from checker.ingest.documents import load_document

    # opens without a password (printing and copying restricted): the text is readable
    restricted = build_report_pdf(tmp_path / "restricted.pdf", text="1. A short paragraph of the "
                                  "report that anyone may read.\n",
                                  encrypt=StandardEncryption("", ownerPassword="owner", canPrint=0, canCopy=0))
    document = load_document(str(restricted), "source")
    assert "anyone may read" in document.text


def test_damaged_pdf(tmp_path, capsys, article):
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n")
    err = assert_refused(["check", article, "-s", str(damaged)], tmp_path, capsys)
    assert "PDF" in err


def test_pdf_served_over_http_with_show_text(httpserver, tmp_path, capsys):
    head = "\n".join(REPORT.read_text("utf-8").split("\n")[:120])  # a few pages are enough
    short = build_report_pdf(tmp_path / "short.pdf", text=head)
    httpserver.expect_request("/reports/somerset").respond_with_data(
        short.read_bytes(), content_type="application/octet-stream")  # sniffed by magic
    main(["check", httpserver.url_for("/reports/somerset"), "--show-text"])
    shown = capsys.readouterr().out
    assert shown == load_document(str(short), "source").text
    assert "1. Provide stability, quality and experience in the senior leadership team" in shown
