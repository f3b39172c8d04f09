"""Front matter of Markdown drafts: parsed, and blanked without moving the body."""

import pytest

from checker.ingest.frontmatter import FrontMatterError, split_front_matter

DRAFT = """---
title: "Somerset: still inadequate"
source: ../reports/somerset.pdf  # the Ofsted report
tags: [ofsted, "children, services"]
authors:
  - Jo Bloggs
  - 'O''Brien'
date: 2015-03-27
---
Somerset's children's services remain inadequate.
"""


def test_parses_scalars_quotes_and_lists():
    data, _ = split_front_matter(DRAFT)
    assert data == {
        "title": "Somerset: still inadequate",
        "source": "../reports/somerset.pdf",
        "tags": ["ofsted", "children, services"],
        "authors": ["Jo Bloggs", "O'Brien"],
        "date": "2015-03-27",
    }


def test_body_keeps_offsets_and_lines_of_the_file():
    _, body = split_front_matter(DRAFT)
    assert len(body) == len(DRAFT)
    assert body.count("\n") == DRAFT.count("\n")
    offset = DRAFT.index("Somerset's")
    assert body[offset:] == DRAFT[offset:]
    assert body[:offset].strip() == ""


def test_text_without_front_matter_is_unchanged():
    text = "Just an article.\n---\nnot: front matter\n---\n"
    assert split_front_matter(text) == ({}, text)


def test_unclosed_block_is_not_front_matter():
    text = "---\nA draft that opens with a rule\n"
    assert split_front_matter(text) == ({}, text)


def test_unreadable_line_is_an_input_error():
    with pytest.raises(FrontMatterError, match="line 2"):
        split_front_matter("---\nthis is not a key value pair\n---\nbody\n")
