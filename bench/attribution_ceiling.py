"""How far corpus attribution can go on bench_corpus's data, and what limits it.

Two questions, on the same corpora and queries as bench/bench_corpus.py (1,000 and
2,000 documents, the same tuning / held-out halves):

1. The "none" decision.  checker answers none unless the best candidate's evidence
   reaches ``MIN_EVIDENCE``.  This sweeps that threshold with the real attribution code:
   top-1 accuracy for summaries whose article is in the corpus, by what annotators said
   of them, against the share of absent articles told none.  At threshold 0 every
   article gets its best candidate, so that row is the most any threshold can reach.
2. The ranking.  Whether the own article comes first under other BM25 settings (k1, b)
   or with extra weight on a source's opening lines, scored here from the index's own
   term files so that each setting needs no rebuild.

    .venv/bin/python bench/attribution_ceiling.py
"""

from __future__ import annotations

import math
import os
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_corpus as bench  # noqa: E402

from checker.corpus import attribution  # noqa: E402
from checker.corpus.serial import read_json_gz  # noqa: E402
from checker.corpus.store import CorpusIndex, build_index  # noqa: E402
from checker.corpus.terms import terms  # noqa: E402

SIZES = (1000, 2000)
THRESHOLDS = (0.0, 0.3, 0.5, 0.6, 0.7, attribution.MIN_EVIDENCE, 0.9, 1.0)
K1 = (0.9, 1.2, 1.5, 2.0)
B = (0.3, 0.5, 0.75, 0.9)
LEDE_WEIGHTS = (0.25, 0.5)


def sweep_threshold(index: CorpusIndex, held: list[dict], absent: list[dict]) -> None:
    present = [(wanted, bench.annotation(summary), query)
               for wanted, summary, query in bench.queries(held, faithful_only=False)]
    away = [(summary["faithful"], query) for _, summary, query in bench.queries(absent, False)]
    saved = attribution.MIN_EVIDENCE
    print(f"{'threshold':>9}  {'top-1 all':>9}  {'by annotation':<95}  absent none (consistent / all)")
    try:
        for threshold in THRESHOLDS:
            attribution.MIN_EVIDENCE = threshold
            groups: dict[str, list[bool]] = defaultdict(list)
            for wanted, kind, query in present:
                found = attribution.attribute(query, index)
                hit = found.chosen is not None and Path(found.chosen.uri).stem == wanted
                groups["all"].append(hit)
                groups[kind].append(hit)
            none = [(faithful, attribution.attribute(query, index).chosen is None)
                    for faithful, query in away]
            kinds = "  ".join(f"{k} {np.mean(v):.1%}" for k, v in sorted(groups.items()) if k != "all")
            said = np.mean([n for f, n in none if f]), np.mean([n for _, n in none])
            mark = " (checker's)" if threshold == saved else ""
            print(f"{threshold:>9.2f}  {np.mean(groups['all']):>9.1%}  {kinds:<95}  "
                  f"{said[0]:.0%} / {said[1]:.0%}{mark}")
    finally:
        attribution.MIN_EVIDENCE = saved


class TermScorer:
    """BM25 with any k1 and b, from the term files the index was built from."""

    def __init__(self, index: CorpusIndex) -> None:
        self.names = [Path(card.path).stem for card in index.cards]
        counts = [read_json_gz(index.store / "docs" / f"{card.digest}.terms.gz") for card in index.cards]
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for row, doc in enumerate(counts):
            for term, count in doc.items():
                self.postings[term].append((row, count))
        self.lengths = np.array([sum(doc.values()) for doc in counts], dtype=float)
        self.ledes = [set(card.lede) for card in index.cards]
        self.n = len(counts)

    def idf(self, term: str) -> float:
        df = len(self.postings.get(term, ()))
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def scores(self, query: set[str], k1: float, b: float, lede_weight: float) -> np.ndarray:
        out = np.zeros(self.n)
        norm = 1 - b + b * self.lengths / self.lengths.mean()
        for term in query:
            rows = np.array([row for row, _ in self.postings.get(term, ())], dtype=int)
            if not len(rows):
                continue
            tf = np.array([count for _, count in self.postings[term]], dtype=float)
            out[rows] += self.idf(term) * tf * (k1 + 1) / (tf + k1 * norm[rows])
            if lede_weight:
                out[[r for r in rows if term in self.ledes[r]]] += lede_weight * self.idf(term)
        return out


def sweep_ranking(index: CorpusIndex, held: list[dict]) -> None:
    scorer = TermScorer(index)
    queries = [(wanted, bench.half(wanted), set(terms(query.text)))
               for wanted, _, query in bench.queries(held, faithful_only=False)]

    def first(k1: float, b: float, lede_weight: float) -> str:
        hits: dict[str, list[bool]] = defaultdict(list)
        for wanted, part, query in queries:
            best = scorer.names[int(np.argmax(scorer.scores(query, k1, b, lede_weight)))]
            hits["all"].append(best == wanted)
            hits[part].append(best == wanted)
        return (f"{np.mean(hits['all']):.1%} (tuning {np.mean(hits['tuning']):.1%}, "
                f"held-out {np.mean(hits['held_out']):.1%})")

    print("own article ranked first, all summaries:")
    for k1 in K1:
        for b in B:
            print(f"  BM25 k1={k1} b={b}: {first(k1, b, 0.0)}")
    for weight in LEDE_WEIGHTS:
        print(f"  BM25 k1=1.5 b=0.75, + {weight} x IDF of terms in the opening: {first(1.5, 0.75, weight)}")


def main() -> None:
    targets, held_out, distractors = bench.split_sets(bench.load_records())
    work = Path(tempfile.mkdtemp(prefix="attribution-ceiling-"))
    os.environ["CHECKER_CACHE_DIR"] = str(work / "cache")
    try:
        for size in SIZES:
            folder = work / f"corpus-{size}"
            folder.mkdir()
            held = bench.write_corpus(folder, targets, distractors, size)
            index = CorpusIndex(folder, build_index(folder).store)
            print(f"\n== {size} documents, {len(held)} target articles, "
                  f"{len(held_out)} absent articles ==")
            sweep_threshold(index, held, held_out)
            sweep_ranking(index, held)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
