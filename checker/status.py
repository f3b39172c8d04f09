"""A status line on stderr while a slow step runs ("Reading report.pdf: 50 pages"), so a
person at a terminal knows why nothing has printed yet.

Drawn only when stderr is a terminal and erased when the step ends: logs, pipes and CI
output never carry it.  Batch progress bars are :func:`checker.corpus.runner.progress_bar`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from checker.model import Document


def on_terminal() -> bool:
    return sys.stderr.isatty()


@contextmanager
def status(text: str, show: bool | None = None) -> Iterator[Callable[[str], None]]:
    """Show ``text`` until the block ends; yields ``update(text)`` to change it."""
    if not (on_terminal() if show is None else show):
        yield lambda _text: None
        return
    from rich.console import Console

    console = Console(stderr=True, force_terminal=True, highlight=False)
    with console.status(text) as shown:
        yield lambda new: shown.update(new)


def size_of(document: Document) -> str:
    """'50 pages' for a paged source (a PDF), else '212 passages'."""
    pages = max((p.page for p in document.passages if p.page), default=0)
    if pages:
        return f"{pages} page{'s' if pages != 1 else ''}"
    count = len(document.passages)
    return f"{count} passage{'s' if count != 1 else ''}"
