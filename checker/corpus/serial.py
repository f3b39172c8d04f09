"""A parsed source :class:`~checker.model.Document` to JSON and back, for the index store.

JSON rather than pickle: a cache directory is writable by other programs, and loading a
pickle from it would run whatever code someone put there.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from checker.model import Document, Judgement, Passage, SourceFacts, Span, Subject, as_plain


def document_to_dict(doc: Document) -> dict[str, Any]:
    return as_plain(doc)


def document_from_dict(data: dict[str, Any]) -> Document:
    passages = tuple(
        Passage(**{**p, "span": Span(p["span"]["start"], p["span"]["end"])})
        for p in data["passages"]
    )
    facts = None
    if data.get("facts") is not None:
        raw = data["facts"]
        facts = SourceFacts(**{**raw, "subject": subject_from_dict(raw.get("subject")),
                                 "judgements": tuple(Judgement(**j) for j in raw["judgements"])})
    return Document(id=data["id"], uri=data["uri"], role=data["role"], text=data["text"],
                    passages=passages, meta=dict(data.get("meta") or {}), facts=facts)


def subject_from_dict(raw: dict[str, Any] | None) -> Subject | None:
    """A :class:`Subject` from its JSON form (lists back to tuples)."""
    if raw is None:
        return None
    return Subject(**{**raw, "identifiers": tuple(tuple(i) for i in raw.get("identifiers", ())),
                      "periods": tuple(raw.get("periods", ()))})


def write_json_gz(path: Path, value: Any) -> None:
    """Whole or not at all: a temporary file renamed into place."""
    tmp = path.with_name(path.name + ".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=5) as handle:
        json.dump(value, handle, ensure_ascii=False, separators=(",", ":"))
    tmp.replace(path)


def read_json_gz(path: Path) -> Any:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)
