"""Front matter of Markdown drafts: parsed (YAML in safe mode with every scalar a
string, TOML between +++ lines), and blanked without moving the body; real front matter
from Jekyll, Hugo and Netlify CMS sites in tests/data/frontmatter (sources in its README)."""

from pathlib import Path

import pytest

from checker.ingest.documents import load_document
from checker.ingest.frontmatter import FrontMatterError, sources_named, split_front_matter

CMS = Path(__file__).parent / "data/frontmatter"

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


def test_yaml_scalars_stay_the_strings_written():
    data, _ = split_front_matter("---\nno: x\nweight: 30\ndraft: false\nempty:\nnull: ~\n"
                                 "when: 2015-03-27 10:00:00\n---\nbody\n")
    assert data == {"no": "x", "weight": "30", "draft": "false", "empty": "", "null": "~",
                    "when": "2015-03-27 10:00:00"}


def test_literal_and_folded_block_scalars():
    data, _ = split_front_matter("---\nlede: |\n  Line one.\n  Line two.\n"
                                 "summary: >-\n  Folded\n  into one.\n---\nbody\n")
    assert data == {"lede": "Line one.\nLine two.\n", "summary": "Folded into one."}


@pytest.mark.parametrize("name, expected", [
    ("jekyll-minimal-mistakes.md", {
        "title": "Introduction of Jekyll Front Matter", "date": "2024-03-30 23:38:53",
        "category": "Tech-Note/Personal-Website",
        "tags": "GitHub-Pages Jekyll Front-Matter Minimal-Mistakes",
        "header": {"teaser": "https://jekyllrb.com/img/logo-2x.png"}}),
    ("hugo-yaml-folded.md", {
        "title": "HTTP/2 Server Push in Hugo", "date": "2017-07-24T18:36:00+02:00",
        "description": "As every page in Hugo can be output to multiple formats, it is easy to "
                       "create Netlify's _redirects and _headers files on the fly.\n",
        "categories": ["blog"], "keywords": [], "slug": "http2-server-push-in-hugo",
        "aliases": [], "author": "bep", "images": ["images/gohugoio-card-1.png"]}),
    ("hugo-docs-menu.md", {
        "title": "Front Matter", "linktitle": "",
        "description": "Hugo allows you to add front matter in yaml, toml, or json to your "
                       "content files.",
        "date": "2017-01-09", "publishdate": "2017-01-09", "lastmod": "2017-02-24",
        "categories": ["content management"],
        "keywords": ["front matter", "yaml", "toml", "json", "metadata", "archetypes"],
        "menu": {"docs": {"parent": "content-management", "weight": "30"}},
        "weight": "30", "draft": "false", "aliases": ["/content/front-matter/"], "toc": "true"}),
    ("hugo-yaml-author-map.md", {
        "author": {"name": "Hugo Authors"}, "date": "2014-03-10",
        "linktitle": "Migrating from Jekyll", "title": "Migrate to Hugo from Jekyll",
        "type": "posts", "weight": "10", "series": ["Hugo 101"],
        "aliases": ["/blog/migrate-from-jekyll/"]}),
    ("netlify-cms-multiline.md", {
        "title": "Create A Blog With Gatsby And Netlify CMS In 10 Minutes", "tag": ["React"],
        "promote": "false",
        "metaDescription": "Learn how to create and publish a simple blog with Gatsby and "
                           "Netlify CMS in just 10 minutes with almost no configuration.",
        "shareImage": "/img/blog-in-10-minutes.jpg",
        "teaser": "Creating a website has never been easier than it is now. There is an "
                  "enormous amount of tools available for building a website of varying "
                  "complexity - from a small landing page to a huge web application that "
                  "processes hundreds of thousands of...",
        "date": "2021-04-06T09:40:43.824Z"}),
    ("netlify-cms-starter.md", {
        "templateKey": "blog-post", "title": "Create a new Gatsby site",
        "date": "2021-02-17T11:16:48.913Z",
        "description": 'title: New Beginnings date: "2015-05-28T22:40:32.169Z" description: '
                       "This is an optional description for SEO and Open Graph purposes, "
                       "rather than the default generated excerpt.",
        "featuredpost": "true", "featuredimage": "/img/flavor_wheel.jpg",
        "tags": ["new", "game"]}),
    ("hugo-toml-academic.md", {
        "date": "2016-09-04T18:30:00", "draft": "false", "tags": ["academic", "hugo"],
        "title": "Getting started with the Academic theme for Hugo", "math": "true"}),
    ("hugo-toml-ox-hugo.md", {
        "title": "Hugo", "author": ["Jacob Chvatal"], "lastmod": "2020-10-14T19:01:29+02:00",
        "slug": "hugo", "draft": "false"}),
])
def test_front_matter_written_by_real_cms(name, expected):
    text = (CMS / name).read_text(encoding="utf-8")
    data, body = split_front_matter(text)
    assert data == expected
    assert len(body) == len(text) and body.count("\n") == text.count("\n")
    closing = text.index("\n+++\n" if text.startswith("+++") else "\n---\n") + 5
    assert body[:closing].strip() == "" and body[closing:] == text[closing:]


def test_a_hugo_toml_draft_is_read_in_place(tmp_path):
    draft = tmp_path / "post.md"
    draft.write_text((CMS / "hugo-toml-ox-hugo.md").read_text(encoding="utf-8"), "utf-8")
    document = load_document(str(draft), "article")
    assert document.meta["title"] == "Hugo" and document.meta["byline"] == "Jacob Chvatal"
    assert "+++" not in document.text and "lastmod" not in document.text
    assert document.text.index("Hugo is the static") == draft.read_text().index("Hugo is the static")


def test_an_author_map_is_no_byline(tmp_path):
    draft = tmp_path / "post.md"
    draft.write_text((CMS / "hugo-yaml-author-map.md").read_text(encoding="utf-8"), "utf-8")
    assert "byline" not in load_document(str(draft), "article").meta


def test_source_is_a_path_or_a_list_of_them():
    assert sources_named({"source": "a.txt"}) == ["a.txt"]
    assert sources_named({"source": ["a.txt", "b.pdf"]}) == ["a.txt", "b.pdf"]
    assert sources_named({}) == []
    with pytest.raises(FrontMatterError, match="'source' must be a path or URL"):
        sources_named({"source": {"path": "a.txt"}})


@pytest.mark.parametrize("text, message", [
    ("---\ntitle: [unclosed\n---\nbody\n", r"front matter line \d+: not valid YAML"),
    ("---\na: &x [1]\nb: *x\n---\nbody\n", "line 3: YAML aliases"),
    ("+++\ntitle = unquoted\n+++\nbody\n", r"front matter \(TOML\)"),
    ("---\n" + "[" * 5000 + "\n---\nbody\n", "front matter"),
])
def test_front_matter_that_cannot_be_read_is_one_clear_error(text, message):
    with pytest.raises(FrontMatterError, match=message):
        split_front_matter(text)
