"""checker: cross-check a press article's claims against the source it reports on.

    >>> import checker
    >>> result = checker.check("article.txt", "report.txt")
    >>> checker.as_json(result)["relation"]["verdict"]

Heavy libraries (spaCy, trafilatura) are imported only when a check runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from checker.model import CheckResult, Document


def _as_document(value: "str | Path | Document", role: str) -> "Document":
    from checker.model import Document

    if isinstance(value, Document):
        return value
    from checker.ingest.documents import load_document

    return load_document(str(value), role)  # type: ignore[arg-type]


def check(article: "str | Path | Document", source: "str | Path | Document") -> "CheckResult":
    """Check one article (path, URL or Document) against one source document."""
    from checker.engine import default_checker

    return default_checker().check(_as_document(article, "article"), [_as_document(source, "source")])


def as_json(result: "CheckResult") -> dict:
    """A result as the JSON object ``--format json`` writes (schema checker/2)."""
    from checker.report.jsonout import result_to_dict

    return result_to_dict(result)


__all__ = ["as_json", "check", "__version__"]
