"""Runs the stages in order: extract claims, relate the article to its source, align
each claim, compare.  Knows nothing of output formats.

Parsing a report costs seconds (spaCy parses about 4,000 tokens a second here), so a
:class:`Checker` keeps each prepared source keyed by its content hash: re-checking
against the same report reuses its parse, within a run and (through
:mod:`checker.prepared`) across runs.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.model import CheckResult, ClaimResult, Document, RunResult


class Checker:
    """A reusable checker; holds the prepared (parsed, indexed) sources it has seen."""

    def __init__(self, store=None, use_store: bool = True) -> None:
        """``store``: where prepared sources persist (default: the user's cache, unless
        ``use_store`` is false or CHECKER_NO_CACHE is set)."""
        from checker.prepared import PreparedStore

        self._prepared: dict[str, object] = {}
        self._store = store if store is not None else (PreparedStore.default() if use_store else None)

    def prepare(self, source: Document):
        from checker.prepared import prepare

        prepared = self._prepared.get(source.id)
        if prepared is None:
            prepared = self._store.prepare(source) if self._store else prepare(source)
            self._prepared[source.id] = prepared
        if prepared.document is not source:
            prepared.document = source  # same content, maybe another path or fetch
        return prepared

    def check(self, article: Document, sources: Sequence[Document]) -> CheckResult:
        from checker.compare.judge import judge
        from checker.compare.parts import ArticleParts
        from checker.compare.relation import relate
        from checker.extract import extract_claims

        claims = extract_claims(article)
        indexes = [self.prepare(s) for s in sources]
        relation, chosen = relate(article, claims, indexes)
        parts = ArticleParts.of(claims)
        results: list[ClaimResult] = []
        for claim in claims:
            results.append(judge(claim, article, chosen, relation, parts))
        return CheckResult(article=article, sources=tuple(sources), relation=relation,
                           claims=tuple(results))

    def run(self, articles: Sequence[Document], sources: Sequence[Document]) -> RunResult:
        return RunResult(tuple(self.check(a, sources) for a in articles))


_DEFAULT: Checker | None = None


def default_checker() -> Checker:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Checker()
    return _DEFAULT
