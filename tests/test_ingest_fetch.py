"""Fetching over a real HTTP server on loopback: identification, gzip, charsets, the
cache, and every way a fetch fails (one stderr line, exit 2, nothing written)."""

from __future__ import annotations

import gzip
import json
import socket
import time

import pytest
from werkzeug import Response

from checker import __version__
from checker.cli import main
from checker.errors import FetchError
from checker.ingest.documents import load_document
from checker.ingest.fetch import FetchOptions, decode_markup, fetch
from ingest_helpers import assert_refused, private_cache  # noqa: F401 (autouse fixture)

PAGE = ("<html><head><title>Council rated inadequate</title></head><body><article>"
        "<h1>Council rated inadequate</h1>"
        + "".join(f"<p>Paragraph {i}: inspectors found that the council had failed to act on "
                  f"{i} warnings about children at risk over two years.</p>" for i in range(1, 6))
        + "</article></body></html>")


def test_identifies_itself_and_reads_gzip(httpserver):
    body = gzip.compress(PAGE.encode())
    httpserver.expect_request("/story").respond_with_response(Response(
        body, headers={"Content-Encoding": "gzip", "Content-Type": "text/html; charset=utf-8"}))
    fetched = fetch(httpserver.url_for("/story"))
    request, _ = httpserver.log[-1]
    assert request.headers["User-Agent"].startswith(f"checker/{__version__}")
    assert "gzip" in request.headers["Accept-Encoding"]
    assert fetched.content == PAGE.encode()
    assert (fetched.media_type, fetched.charset) == ("text/html", "utf-8")


def test_revalidates_with_etag_instead_of_refetching(httpserver):
    def handler(request):
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(PAGE, content_type="text/html", headers={"ETag": '"v1"'})

    httpserver.expect_request("/story").respond_with_handler(handler)
    url = httpserver.url_for("/story")
    first, second = fetch(url), fetch(url)
    assert not first.from_cache and second.from_cache
    assert second.content == first.content
    assert [r.headers.get("If-None-Match") for r, _ in httpserver.log] == [None, '"v1"']


def test_last_modified_is_sent_back(httpserver):
    stamp = "Fri, 27 Mar 2015 08:00:00 GMT"
    httpserver.expect_request("/story").respond_with_response(
        Response(PAGE, content_type="text/html", headers={"Last-Modified": stamp}))
    url = httpserver.url_for("/story")
    fetch(url)
    fetch(url)
    assert httpserver.log[-1][0].headers.get("If-Modified-Since") == stamp


def test_fresh_max_age_needs_no_request_and_no_cache_refetches(httpserver):
    httpserver.expect_request("/story").respond_with_response(
        Response(PAGE, content_type="text/html", headers={"Cache-Control": "max-age=600"}))
    url = httpserver.url_for("/story")
    fetch(url)
    assert fetch(url).from_cache
    assert len(httpserver.log) == 1
    again = fetch(url, FetchOptions(use_cache=False))
    assert not again.from_cache and len(httpserver.log) == 2


def test_no_cache_flag_sends_no_validators(httpserver, tmp_path):
    httpserver.expect_request("/story").respond_with_response(
        Response(PAGE, content_type="text/html", headers={"ETag": '"v1"'}))
    url = httpserver.url_for("/story")
    fetch(url)
    main(["check", url, "--show-text", "--no-cache", "-o", str(tmp_path / "t.txt")])
    assert httpserver.log[-1][0].headers.get("If-None-Match") is None
    assert "failed to act on 3 warnings" in (tmp_path / "t.txt").read_text()


def test_unusable_cache_never_fails_a_fetch(httpserver, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(blocker / "cache"))
    httpserver.expect_request("/story").respond_with_response(
        Response(PAGE, content_type="text/html", headers={"ETag": '"v1"'}))
    assert fetch(httpserver.url_for("/story")).content == PAGE.encode()
    assert fetch(httpserver.url_for("/story")).content == PAGE.encode()


@pytest.mark.parametrize("field, value", [
    ("stored_at", "yesterday"), ("max_age", [600]), ("etag", '"v1"\r\nX-Injected: 1'),
    ("last_modified", 5), ("final_url", None), ("charset", {"a": 1}), ("status", True),
    ("url", "http://elsewhere.example/"), ("stored_at", 10 ** 12),
])
def test_a_tampered_cache_entry_is_fetched_afresh(httpserver, field, value):
    from checker.ingest.fetch import _paths

    httpserver.expect_request("/story").respond_with_response(
        Response(PAGE, content_type="text/html", headers={"ETag": '"v1"', "Cache-Control": "max-age=600"}))
    url = httpserver.url_for("/story")
    fetch(url)
    meta, _ = _paths(url)
    fields = json.loads(meta.read_text())
    fields[field] = value
    meta.write_text(json.dumps(fields))
    again = fetch(url)
    assert not again.from_cache and again.content == PAGE.encode()
    assert httpserver.log[-1][0].headers.get("If-None-Match") is None  # nothing stored was trusted


@pytest.mark.parametrize("label", ["rot13", "base64", "hex", "zlib", "bz2", "uu", "idna", "x-nosuch"])
def test_a_charset_that_is_no_text_encoding_is_ignored_as_browsers_do(label):
    page = f'<html><head><meta charset="{label}"></head><body>caf\u00e9</body></html>'.encode()
    assert decode_markup(page) == (page.decode("utf-8"), "utf-8")  # from the tag
    assert decode_markup(page, label)[1] == "utf-8"  # from a Content-Type header
    legacy = page.decode("utf-8").encode("cp1252")
    assert decode_markup(legacy, label) == (legacy.decode("cp1252"), "cp1252")


def test_charset_from_header_meta_and_latin1_as_windows_1252():
    text = "Ofsted said: \u201cnot good enough\u201d \u2013 again.".encode("cp1252")
    html = b'<html><head><meta charset="windows-1252"></head><body>' + text + b"</body></html>"
    assert "\u201cnot good enough\u201d \u2013" in decode_markup(html)[0]
    assert decode_markup(text, "iso-8859-1") == (text.decode("cp1252"), "cp1252")
    assert decode_markup("caf\u00e9".encode())[0] == "caf\u00e9"  # undeclared UTF-8
    assert decode_markup("caf\u00e9".encode("cp1252"))[0] == "caf\u00e9"  # undeclared legacy


def test_plain_text_response_decoded_by_its_charset(httpserver):
    text = "Mr Wooster said it was \u201cnot good enough\u201d \u2013 and apologised.\n"
    httpserver.expect_request("/story.txt").respond_with_data(
        text.encode("cp1252"), content_type="text/plain; charset=ISO-8859-1")
    assert load_document(httpserver.url_for("/story.txt"), "article").text == text


# --- bad input: one line on stderr, exit 2, nothing written -----------------------------


@pytest.fixture
def seed_source(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Report published: 27 March 2015\n\n1. The council is inadequate in every "
                    "area we inspected this year.\n", "utf-8")
    return str(path)


@pytest.mark.parametrize("status, words", [(404, "HTTP 404 NOT FOUND"), (500, "HTTP 500")])
def test_error_status(httpserver, tmp_path, capsys, seed_source, status, words):
    httpserver.expect_request("/gone").respond_with_data("no", status=status)
    err = assert_refused(["check", httpserver.url_for("/gone"), "-s", seed_source], tmp_path, capsys)
    assert words.lower() in err.lower()


def test_dns_failure(tmp_path, capsys, monkeypatch, seed_source):
    def no_such_host(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    err = assert_refused(["check", "http://news.example.invalid/story", "-s", seed_source],
                      tmp_path, capsys)
    assert "cannot resolve host 'news.example.invalid'" in err


def test_timeout(httpserver, tmp_path, capsys, monkeypatch, seed_source):
    def slow(request):
        time.sleep(1.0)
        return Response(PAGE, content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    monkeypatch.setenv("CHECKER_FETCH_TIMEOUT", "0.3")
    err = assert_refused(["check", httpserver.url_for("/slow"), "-s", seed_source], tmp_path, capsys)
    assert "timed out after 0.3 s" in err


def test_redirect_loop(httpserver, tmp_path, capsys, seed_source):
    httpserver.expect_request("/a").respond_with_response(
        Response(status=302, headers={"Location": "/b"}))
    httpserver.expect_request("/b").respond_with_response(
        Response(status=302, headers={"Location": "/a"}))
    err = assert_refused(["check", httpserver.url_for("/a"), "-s", seed_source], tmp_path, capsys)
    assert "redirects (a redirect loop?)" in err


def test_a_few_redirects_are_followed(httpserver):
    httpserver.expect_request("/old").respond_with_response(
        Response(status=301, headers={"Location": "/new"}))
    httpserver.expect_request("/new").respond_with_data(PAGE, content_type="text/html")
    document = load_document(httpserver.url_for("/old"), "article")
    assert document.meta["final_url"] == httpserver.url_for("/new")
    assert "failed to act on 2 warnings" in document.text


@pytest.mark.parametrize("chunked", [False, True])
def test_response_over_size_cap(httpserver, tmp_path, capsys, monkeypatch, seed_source, chunked):
    big = PAGE.encode() * 100
    if chunked:  # no Content-Length to trust: the cap is counted while reading
        httpserver.expect_request("/big").respond_with_response(
            Response(iter([big[i:i + 4096] for i in range(0, len(big), 4096)]),
                     content_type="text/html"))
    else:
        httpserver.expect_request("/big").respond_with_data(big, content_type="text/html")
    monkeypatch.setenv("CHECKER_FETCH_MAX_BYTES", "10000")
    err = assert_refused(["check", httpserver.url_for("/big"), "-s", seed_source], tmp_path, capsys)
    assert "over the 10,000-byte size cap" in err


def test_gzip_bomb_is_capped_on_decoded_size(httpserver):
    bomb = gzip.compress(b"<p>" + b"a" * 200_000 + b"</p>")
    httpserver.expect_request("/bomb").respond_with_response(Response(
        bomb, headers={"Content-Encoding": "gzip", "Content-Type": "text/html"}))
    assert len(bomb) < 10_000
    with pytest.raises(FetchError, match="size cap"):
        fetch(httpserver.url_for("/bomb"), FetchOptions(max_bytes=10_000))


def test_binary_served_as_html(httpserver, tmp_path, capsys, seed_source):
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    httpserver.expect_request("/img").respond_with_data(png, content_type="text/html")
    err = assert_refused(["check", httpserver.url_for("/img"), "-s", seed_source], tmp_path, capsys)
    assert "served or named as HTML but is a PNG image" in err


def test_empty_page(httpserver, tmp_path, capsys, seed_source):
    httpserver.expect_request("/empty").respond_with_data("", content_type="text/html")
    err = assert_refused(["check", httpserver.url_for("/empty"), "-s", seed_source], tmp_path, capsys)
    assert "empty response" in err


def test_page_without_article_text(httpserver, tmp_path, capsys, seed_source):
    httpserver.expect_request("/shell").respond_with_data(
        "<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav>"
        "<script>app()</script></body></html>", content_type="text/html")
    err = assert_refused(["check", httpserver.url_for("/shell"), "-s", seed_source], tmp_path, capsys)
    assert "no article text found" in err


def test_source_url_errors_too(httpserver, tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text("Ofsted rated the council inadequate.\n", "utf-8")
    httpserver.expect_request("/report.pdf").respond_with_data("gone", status=404)
    err = assert_refused(["check", str(article), "-s", httpserver.url_for("/report.pdf")],
                      tmp_path, capsys)
    assert "/report.pdf: HTTP 404" in err
