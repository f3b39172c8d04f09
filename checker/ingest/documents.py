"""From a location the user typed to a :class:`Document`, article or source.

Dispatch by what the input is: a URL (fetched), ``-`` (stdin) or a path; then by format,
trusting the bytes' magic number first (servers and file names lie), then the
Content-Type, then the suffix.  Each format's reader returns text (and, for PDFs, where
each page starts); :func:`document_from_text` is the common end, where the article keeps
paragraph passages and the source gets the report splitter and its facts read.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from checker.errors import BinaryInput, EmptyInput
from checker.ingest.extracted import extract_once
from checker.ingest.facts import read_facts
from checker.ingest.passages import line_pieces, split_passages
from checker.ingest.read import STDIN, decode_text, read_bytes
from checker.model import Document, Passage, Role, Span


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_passages(text: str) -> tuple[Passage, ...]:
    """An article's paragraphs (blank-line or line separated), numbered from 1."""
    passages: list[Passage] = []
    pos = 0
    for line in text.split("\n"):
        for a, b in line_pieces(line):  # a paragraph too long to parse is cut at sentence ends
            raw = line[a:b]
            stripped = raw.strip()
            if stripped:
                start = pos + a + raw.index(stripped)
                passages.append(Passage(id=f"¶{len(passages) + 1}", index=len(passages),
                                        span=Span(start, start + len(stripped)), text=stripped))
        pos += len(line) + 1
    return tuple(passages)


def document_from_text(text: str, uri: str, role: Role, meta: dict | None = None,
                       page_starts: list[int] | None = None) -> Document:
    """Build a document from already-extracted text (file, page, PDF or draft alike).

    ``page_starts`` (offsets where pages 1, 2, ... begin) gives each passage its page.
    """
    if role == "source":
        passages = split_passages(text)
        facts = read_facts(text, passages)
    else:
        passages, facts = article_passages(text), None
    if page_starts:
        passages = tuple(replace(p, page=bisect.bisect_right(page_starts, p.span.start) or 1)
                         for p in passages)
    return Document(id=content_id(text), uri=uri, role=role, text=text, passages=passages,
                    meta=dict(meta or {}), facts=facts)


# --- which format ----------------------------------------------------------------------

_SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html",
             ".xhtml": "html", ".md": "markdown", ".markdown": "markdown", ".txt": "text"}
SUPPORTED_SUFFIXES = frozenset(_SUFFIXES)  # what a folder argument takes from the folder
_DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_MEDIA_TYPES = {"application/pdf": "pdf", "application/x-pdf": "pdf", _DOCX_TYPE: "docx",
                "text/html": "html", "application/xhtml+xml": "html",
                "text/markdown": "markdown", "text/x-markdown": "markdown", "text/plain": "text"}
_OTHER_BINARY = {b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
                 b"\x1f\x8b": "a gzip archive", b"\xd0\xcf\x11\xe0": "an old Word/Office file",
                 b"PK\x03\x04": "a ZIP archive", b"%PDF": "a PDF"}


def _looks_binary(data: bytes) -> str | None:
    """What binary thing ``data`` is, or None if it could be text."""
    for magic, what in _OTHER_BINARY.items():
        if data.startswith(magic):
            return what
    head = data[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary data"
    return None


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml"))


def sniff_format(data: bytes, suffix: str = "", media_type: str = "") -> str:
    """pdf | docx | html | markdown | text for these bytes, named and served as given."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and (suffix == ".docx" or b"word/" in data[:65536]
                                            or media_type == _DOCX_TYPE):
        return "docx"
    declared = _MEDIA_TYPES.get(media_type) or _SUFFIXES.get(suffix)
    if declared and declared not in ("pdf", "docx"):  # those were trusted only by magic
        return declared
    return "html" if _looks_like_html(data) else "text"


# --- reading ---------------------------------------------------------------------------


def _read(data: bytes, kind: str, location: str, encoding: str | None,
          header_charset: str | None = None) -> tuple[str, dict, list[int] | None]:
    """(text, metadata, page starts) of ``data`` read as ``kind``."""
    if kind == "pdf":
        from checker.ingest.pdf import read_pdf

        return read_pdf(data, location)
    if kind == "docx":
        from checker.ingest.docx import read_docx

        return (*read_docx(data, location), None)
    if kind == "html":
        from checker.ingest.fetch import decode_markup
        from checker.ingest.webpage import read_webpage

        binary = _looks_binary(data)
        if binary:
            raise BinaryInput(f"{location}: served or named as HTML but is {binary}")
        markup, used = decode_markup(data, encoding or header_charset)
        text, meta = read_webpage(markup, location)
        return text, {**meta, "encoding": used, "format": "html"}, None
    if encoding is None and header_charset:  # a text/plain or text/markdown response
        from checker.ingest.fetch import codec_for

        encoding = codec_for(header_charset)
    text = decode_text(data, location, encoding)
    if kind == "markdown":
        from checker.ingest.markdown import read_markdown

        return (*read_markdown(text, location), None)
    return text, {"format": "text"}, None


def load_document(location: str, role: Role, encoding: str | None = None, *,
                  use_cache: bool = True, guard: Callable[[str], None] | None = None,
                  stdin_name: str | None = None) -> Document:
    """Read a URL, a path, or ``-`` (stdin) as an article or a source.  ``guard`` sees
    every URL a fetch requests, redirects included, and may refuse it.  ``stdin_name``
    is the file an editor's buffer piped to stdin is of (``--stdin-filename``): the
    document takes its name and its format from that name's suffix."""
    from checker.ingest.fetch import FetchOptions, fetch, is_url

    header_charset = None
    if is_url(location):
        fetched = fetch(location, FetchOptions.from_env(use_cache=use_cache, guard=guard))
        data, uri = fetched.content, location
        if not data.strip():
            raise EmptyInput(f"{location}: the server sent an empty response")
        suffix = Path(fetched.final_url.split("?", 1)[0]).suffix.lower()
        kind = sniff_format(data, suffix, fetched.media_type)
        header_charset = fetched.charset
        base_meta = {"url": location, "final_url": fetched.final_url,
                     "media_type": fetched.media_type}  # not from_cache: same input, same output
    else:
        data = read_bytes(location)
        if location == STDIN and stdin_name:
            location = stdin_name  # named so in messages, and its Markdown read beside it
        uri = "<stdin>" if location == STDIN else str(Path(location))
        suffix = "" if location == STDIN else Path(location).suffix.lower()
        kind = sniff_format(data, suffix)
        base_meta = {}
    text, meta, page_starts = extract_once(
        data, kind, location, encoding or header_charset,
        lambda: _read(data, kind, location, encoding, header_charset))
    return document_from_text(text, uri, role, {**base_meta, **meta}, page_starts)
