"""Fixtures shared by several test modules."""

from __future__ import annotations

import pytest


@pytest.fixture
def phrase_engine(monkeypatch):
    """The CLI's engine replaced by :class:`sample_runs.PhraseChecker`, for tests of
    batching, config and suppression that should not wait for spaCy."""
    import checker.engine
    from sample_runs import PhraseChecker

    fake = PhraseChecker()
    monkeypatch.setattr(checker.engine, "default_checker", lambda: fake)
    return fake
