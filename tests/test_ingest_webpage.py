"""News pages built around the seed articles, served over loopback: the article text
comes through whole, the page furniture does not, and the metadata is read."""

from __future__ import annotations

import re

import pytest

from checker.ingest.documents import load_document
from ingest_helpers import private_cache  # noqa: F401 (autouse fixture)
from newspages import FURNITURE, SEED_PAGES, news_page, seed_parts


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def furniture_strings(name: str) -> list[str]:
    _, _, tail = seed_parts(SEED_PAGES[name])
    strings = [FURNITURE["cookie"], FURNITURE["promo"], FURNITURE["comment"], FURNITURE["footer"],
               *FURNITURE["related"], *FURNITURE["most_read"], *tail]
    return [s for s in strings if len(s) > 12]


def serve(httpserver, name: str, charset: str = "utf-8", header: str | None = None):
    page, headline, paragraphs = news_page(name, charset="windows-1252" if charset == "cp1252" else charset)
    content_type = header or f"text/html; charset={charset}"
    httpserver.expect_request(f"/news/{name}").respond_with_data(
        page.encode(charset), content_type=content_type)
    return httpserver.url_for(f"/news/{name}"), headline, paragraphs


@pytest.mark.parametrize("name", sorted(SEED_PAGES))
def test_article_text_whole_and_furniture_gone(httpserver, name):
    url, headline, paragraphs = serve(httpserver, name)
    document = load_document(url, "article")
    text = squash(document.text)
    missing = [p for p in paragraphs if squash(p) not in text]
    assert not missing
    leaked = [s for s in furniture_strings(name) if squash(s) in text]
    assert not leaked
    nav_lines = {line.strip() for line in document.text.split("\n")} & set(FURNITURE["nav"])
    assert not nav_lines
    assert document.text.split("\n")[0] == headline
    assert document.meta["title"] == headline
    assert document.meta["date"] == SEED_PAGES[name].published
    if SEED_PAGES[name].byline:
        assert document.meta["byline"] == SEED_PAGES[name].byline


def test_standfirst_outside_the_article_is_put_back(httpserver):
    url, headline, paragraphs = serve(httpserver, "local")
    lines = load_document(url, "article").text.split("\n")
    assert lines[0] == headline
    assert squash(lines[1]) == squash(paragraphs[0])  # the lede, above <article> on the page
    assert "branded \"inadequate\"by Ofsted" in lines[1]


def test_windows_1252_page_declared_as_latin_1(httpserver):
    url, _, paragraphs = serve(httpserver, "local", charset="cp1252",
                               header="text/html; charset=ISO-8859-1")
    document = load_document(url, "article")
    assert document.meta["encoding"] == "cp1252"
    assert "\u201cWe fully accept the key findings" in document.text
    assert "Somerset\u2019s first inspection" in document.text


def test_windows_1252_page_declared_only_in_meta(httpserver):
    url, _, _ = serve(httpserver, "local", charset="cp1252", header="text/html")
    assert "Somerset\u2019s first inspection" in load_document(url, "article").text


def test_local_html_file_is_read_as_a_page(tmp_path):
    page, headline, paragraphs = news_page("cypnow")
    path = tmp_path / "story.html"
    path.write_text(page, "utf-8")
    document = load_document(str(path), "article")
    assert document.meta["format"] == "html"
    assert squash(paragraphs[-1]) in squash(document.text)
    assert "From £15 / month" not in document.text
