"""What a slow reader extracted from an input, kept on disk under the input's own bytes.

Reading a 34-page PDF report takes seconds; a journalist re-checking drafts against it
gives checker the same bytes every time.  So a PDF, a Word file or an HTML page (fetched
or local) is looked up by the SHA-256 of its bytes (with what else its reading depends
on: the charset it was served with and, for a page, its address) and a known one is
never extracted again.  Plain text and Markdown are read in milliseconds and are not
kept.  Entries use the same checked format as prepared sources
(:mod:`checker.cachefile`); an invalid one is a miss with one warning.
``CHECKER_NO_CACHE`` bypasses this cache too.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from typing import Any

from checker.cachefile import EntryFolder, cache_root
from checker.plain import NotPlain, from_plain

KIND = "extracted"
SLOW_FORMATS = frozenset({"pdf", "docx", "html"})
MAX_FILES = 200

Extraction = tuple[str, dict, list[int] | None]  # text, metadata, where each page starts
_PLAIN = tuple[str, dict[str, str | int], tuple[int, ...] | None]


def input_key(data: bytes, kind: str, location: str, charset: str | None) -> str:
    """The key of an input's extraction: its bytes, its format, the charset it is read
    in, and for a page its address (the extractor resolves the page against it)."""
    digest = hashlib.sha256(data)
    for part in (kind, charset or "", location if kind == "html" else ""):
        digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def extract_once(data: bytes, kind: str, location: str, charset: str | None,
                 read: Callable[[], Extraction]) -> Extraction:
    """``read()``'s result for these bytes: from the cache when they were read before,
    else read now and stored.  A reader's refusal (an encrypted PDF) is not stored."""
    if kind not in SLOW_FORMATS or os.environ.get("CHECKER_NO_CACHE"):
        return read()
    folder = EntryFolder(cache_root() / "extracted", KIND, keep=MAX_FILES)
    key = input_key(data, kind, location, charset)
    found = folder.load(key, _extraction)
    if found is None:
        found = read()
        folder.save(key, list(found))
    return found


def _extraction(value: Any) -> Extraction:
    text, meta, page_starts = from_plain(_PLAIN, value)
    if not text.strip():
        raise NotPlain("an extraction with no text")
    return text, meta, list(page_starts) if page_starts is not None else None
