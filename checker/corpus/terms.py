"""The terms a document is indexed under: folded, stop words out, lightly stemmed.

Shared by the index and the queries so both sides of a BM25 match see the same words.
"""

from __future__ import annotations

from collections import Counter

from checker.textnorm import content_words, stem


def terms(text: str) -> list[str]:
    return [stem(w) for w in content_words(text) if len(w) > 1]


def term_counts(text: str) -> Counter[str]:
    return Counter(terms(text))
