"""Corpus mode: many sources indexed once, each article attributed to the one it covers.

A newsroom's library of reports is too large to parse on every run and too large to hold
in memory, so ``checker index DIR`` parses each file once into a store keyed by content
hash (:mod:`checker.corpus.store`), with a BM25 retrieval index over all of them;
:func:`checker.corpus.attribution.attribute` picks an article's source from names, dates and content
together; :mod:`checker.corpus.runner` checks many articles, in a process pool or on a
Dask cluster, with results in input order.
"""

from checker.corpus.attribution import Attribution, attribute
from checker.corpus.store import CorpusIndex, build_index, open_index

__all__ = ["Attribution", "CorpusIndex", "attribute", "build_index", "open_index"]
