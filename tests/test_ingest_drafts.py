"""Drafts as writers keep them: Markdown with front matter (read in place, so line and
column point into the file), Word .docx, plain text, and stdin."""

from __future__ import annotations

import io
import sys

import pytest

from checker.cli import main
from checker.errors import BinaryInput
from checker.ingest.documents import load_document, sniff_format
from checker.ingest.markdown import mask_markdown, resolve_source

DRAFT = """---
title: "Somerset: still inadequate"
source: ../reports/somerset.pdf
---
# Somerset children's services *still* inadequate

<!-- editor: check the 11 directors figure with the press office -->
Ofsted said there had been a **"corporate failure"** to keep children safe, in a
[report](https://reports.ofsted.gov.uk/somerset) published on 27 March 2015.

- Julian Wooster is the *fifth* director in five years.
> "Services are not good enough," he said.

<!-- checker: ignore NUM01 -->
Eight directors in ten years.
"""


def test_markdown_keeps_every_offset_of_the_file():
    masked = mask_markdown(DRAFT)
    assert len(masked) == len(DRAFT)
    assert [len(line) for line in masked.split("\n")] == [len(line) for line in DRAFT.split("\n")]
    for phrase in ('"corporate failure"', "report", "fifth", "27 March 2015",
                   '"Services are not good enough," he said.', "Eight directors in ten years."):
        body = DRAFT.index("---\n#")
        assert masked.index(phrase, body) == DRAFT.index(phrase, body), phrase


def test_markdown_syntax_and_editor_comments_are_masked():
    masked = mask_markdown(DRAFT)
    for gone in ("**", "*still*", "](https://", "# Somerset", "- Julian", "> \"", "11 directors"):
        assert gone not in masked, gone
    assert "<!-- checker: ignore NUM01 -->" in masked  # read by suppression at this offset


def test_markdown_draft_document(tmp_path):
    draft = tmp_path / "drafts" / "somerset.md"
    draft.parent.mkdir()
    draft.write_text(DRAFT, "utf-8")
    document = load_document(str(draft), "article")
    assert document.meta["title"] == "Somerset: still inadequate"
    assert document.meta["front_matter"]["source"] == "../reports/somerset.pdf"
    assert document.meta["source"] == str(draft.parent / "../reports/somerset.pdf")
    assert "source:" not in document.text and len(document.text) == len(DRAFT)
    line, column = document.line_col(document.text.index("fifth"))
    assert DRAFT.split("\n")[line - 1][column - 1:].startswith("fifth")


def test_front_matter_source_resolves_against_a_url_draft():
    assert resolve_source("report.pdf", "https://example.org/news/draft.md") == \
        "https://example.org/news/report.pdf"
    assert resolve_source("https://x.org/r.pdf", "drafts/a.md") == "https://x.org/r.pdf"


def make_docx(path, paragraphs, table=None):
    import docx

    document = docx.Document()
    document.core_properties.title = "Somerset draft"
    document.core_properties.author = "Jo Bloggs"
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.save(str(path))
    return path


def test_docx_draft(tmp_path):
    path = make_docx(tmp_path / "draft.docx",
                     ["Somerset children's services still 'inadequate'", "",
                      "Julian Wooster is the fifth director in five years."],
                     table=[["Adoption performance", "Requires improvement"]])
    document = load_document(str(path), "article")
    assert document.text == ("Somerset children's services still 'inadequate'\n"
                             "Julian Wooster is the fifth director in five years.\n"
                             "Adoption performance\tRequires improvement\n")
    assert document.meta["title"] == "Somerset draft" and document.meta["byline"] == "Jo Bloggs"
    assert [p.text for p in document.passages][1].startswith("Julian Wooster")


def test_zip_that_is_not_a_docx(tmp_path):
    import zipfile

    path = tmp_path / "notes.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "not a Word document")
    with pytest.raises(BinaryInput, match="not a Word .docx"):
        load_document(str(path), "article")


def test_format_sniffed_by_magic_before_name_or_type():
    assert sniff_format(b"%PDF-1.7 ...", ".txt") == "pdf"
    assert sniff_format(b"<!DOCTYPE html><html>", "") == "html"
    assert sniff_format(b"<html>", "", "text/plain") == "text"
    assert sniff_format(b"# Draft", ".md") == "markdown"
    assert sniff_format(b"Just text", "", "application/pdf") == "text"  # a lying server


def test_stdin_article(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(
        "Ofsted rated Somerset inadequate.\n".encode())))
    main(["check", "-", "--show-text"])
    assert capsys.readouterr().out == "Ofsted rated Somerset inadequate.\n"


def test_show_text_of_a_markdown_draft_is_the_file_masked(tmp_path, capsys):
    draft = tmp_path / "d.md"
    draft.write_text(DRAFT, "utf-8")
    main(["check", str(draft), "--show-text"])
    shown = capsys.readouterr().out
    assert len(shown) == len(DRAFT) and "Eight directors in ten years." in shown
