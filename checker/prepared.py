"""Prepared sources kept on disk between runs, so a journalist re-checking drafts
against the same report does not wait for its parse every time.

What is kept of a prepared source (:class:`~checker.match.index.SourceIndex`) is what
spaCy read in it, the seconds of the work: the report's figures, each with its
sentence and context, and its dates.  The rest (passages folded and stemmed, the BM25
index) is rebuilt from the document in some tens of milliseconds, so a stored entry is
small and holds no object but plain JSON (:mod:`checker.cachefile`: versioned,
checksummed, type-checked when read; never a pickle, which would run code).  Entries
are keyed by the source's content hash and a fingerprint of checker's code and model,
so a new version never reads an old preparation.
Set ``CHECKER_CACHE_DIR`` to move the cache, ``CHECKER_NO_CACHE`` to bypass it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from checker.cachefile import EntryFolder, cache_root
from checker.model import Document, Quantity, as_plain
from checker.plain import NotPlain, from_plain

MAX_FILES = 200
KIND = "prepared"

# One figure of a passage: the quantity, its sentence, its sentence with the one before,
# the words around it (see SourceIndex.quantities); one date: passage id, value, sentence.
_FIGURE = tuple[Quantity, str, str, str]
_DATE = tuple[str, str, str]


def prepare(source: Document):
    """A source prepared whole: indexed, and its figures and dates read."""
    from checker.match.index import SourceIndex

    prepared = SourceIndex(source)
    prepared.warm()
    return prepared


def readings_to_plain(prepared) -> dict[str, Any]:
    """The JSON form of what spaCy read in a prepared source."""
    return {"passages": len(prepared.passages),
            "quantities": [[i, as_plain(figures)] for i, figures in sorted(prepared.quantities.items())],
            "dates": as_plain(prepared.dates)}


def restore(source: Document, value: Any):
    """The prepared ``source``, rebuilt around its stored readings; NotPlain when the
    value is not readings of this document (another shape, a passage out of range)."""
    from checker.match.index import SourceIndex

    prepared = SourceIndex(source)
    if not isinstance(value, dict) or value.get("passages") != len(prepared.passages):
        raise NotPlain("not the readings of this source's passages")
    quantities: dict[int, list] = {}
    for i, figures in from_plain(tuple[tuple[int, tuple[_FIGURE, ...]], ...], value.get("quantities")):
        if not 0 <= i < len(prepared.passages) or i in quantities:
            raise NotPlain(f"no passage {i} to hold figures")
        quantities[i] = list(figures)
    dates = list(from_plain(tuple[_DATE, ...], value.get("dates")))
    prepared.restore_readings(quantities, dates)
    return prepared


class PreparedStore:
    """Prepared sources' readings in one folder.  ``keep``: how many the folder holds at
    most (the newest), or None where another owner decides what stays (a corpus index
    keeps one per document of its corpus)."""

    def __init__(self, folder: Path, keep: int | None = MAX_FILES) -> None:
        self.folder = folder
        self._entries = EntryFolder(folder, KIND, keep)

    @classmethod
    def default(cls) -> "PreparedStore | None":
        if os.environ.get("CHECKER_NO_CACHE"):
            return None
        return cls(cache_root() / "sources")

    def has(self, content_id: str) -> bool:
        return self._entries.has(content_id)

    def prepare(self, source: Document):
        """The source's preparation: rebuilt from the folder's entry, else made and stored."""
        prepared = self.load(source)
        if prepared is None:
            prepared = prepare(source)
            self.save(prepared)
        return prepared

    def load(self, source: Document):
        """The stored preparation of ``source``, or None (a miss; a cache problem or an
        invalid entry also warns once on stderr)."""
        return self._entries.load(source.id, lambda value: restore(source, value))

    def save(self, prepared) -> None:
        self._entries.save(prepared.document.id, readings_to_plain(prepared))

    def discard_except(self, content_ids: set[str]) -> None:
        """Remove every preparation but the current code's of ``content_ids``."""
        self._entries.discard_except(content_ids)
