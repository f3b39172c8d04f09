"""From a location the user typed to a :class:`Document`, article or source.

Dispatch by what the input is (file or stdin today); the article keeps paragraph
passages, the source gets the report splitter and its facts read.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from checker.ingest.facts import read_facts
from checker.ingest.passages import split_passages
from checker.ingest.read import STDIN, read_text
from checker.model import Document, Passage, Role, Span


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_passages(text: str) -> tuple[Passage, ...]:
    """An article's paragraphs (blank-line or line separated), numbered from 1."""
    passages: list[Passage] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped)
            passages.append(Passage(id=f"¶{len(passages) + 1}", index=len(passages),
                                    span=Span(start, start + len(stripped)), text=stripped))
        pos += len(raw) + 1
    return tuple(passages)


def document_from_text(text: str, uri: str, role: Role, meta: dict | None = None) -> Document:
    """Build a document from already-extracted text (file, page, PDF or draft alike)."""
    if role == "source":
        passages = split_passages(text)
        facts = read_facts(text, passages)
    else:
        passages, facts = article_passages(text), None
    return Document(id=content_id(text), uri=uri, role=role, text=text, passages=passages,
                    meta=dict(meta or {}), facts=facts)


def load_document(location: str, role: Role, encoding: str | None = None) -> Document:
    """Read a path (or ``-`` for stdin) as an article or a source."""
    text = read_text(location, encoding)
    uri = "<stdin>" if location == STDIN else str(Path(location))
    return document_from_text(text, uri, role)
