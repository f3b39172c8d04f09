"""Alignment measured on real, human-labelled data beyond the seeds: WiCE (claims from
Wikipedia and the sentences of the cited web page that support them; 306 dev records,
corpora/external/wice_alignment_dev.jsonl, annotations ODC-BY 1.0).

For each claim, the page's sentences become the passages of a source document and
checker's alignment cascade (exact -> bm25s + IDF coverage, with clause look-ups ->
two adjacent passages) picks the evidence.  Printed: top-1 (the first cited passage
supports the claim), hit@3, how often it cited nothing, which stage answered, and the
same top-1 for three baselines run in the same process that always answer: bm25s alone,
checker's IDF-weighted coverage alone (no floor), and rapidfuzz partial_ratio alone.
Time per claim is the median over ``--runs`` passes of the set, against bm25s alone
retrieving for the same claims in the same passes.

    .venv/bin/python bench/eval_alignment.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "corpora" / "external" / "wice_alignment_dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    import bm25s
    from rapidfuzz import fuzz

    from checker.match.index import SourceIndex, clauses, query_stems
    from checker.model import Claim, Span
    from checker.textnorm import fold, stems

    records = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    ours = hit3 = none = bm25_top = cover_top = fuzz_top = 0
    methods: Counter = Counter()
    ours_times, bm25_times = [], []
    for run in range(args.runs):
        ours_spent = bm25_spent = 0.0
        for record in records:
            gold = set(record["gold_indices"])
            index = SourceIndex.of_sentences(record["candidates"], record["id"])
            claim = Claim(id="c", kind="statement", span=Span(0, len(record["claim"])), text=record["claim"])
            start = time.perf_counter()
            alignment = index.align(claim, record["claim"], clauses(record["claim"]))
            ours_spent += time.perf_counter() - start
            retriever = bm25s.BM25()
            retriever.index([stems(c) or ["_"] for c in record["candidates"]], show_progress=False)
            start = time.perf_counter()
            ranked, _ = retriever.retrieve([stems(record["claim"]) or ["_"]], k=1, show_progress=False)
            bm25_spent += time.perf_counter() - start
            if run:
                continue  # the answers are the same each pass: count them once
            cited = [int(e.passage[1:]) for e in alignment.evidence]
            ours += bool(cited) and cited[0] in gold
            hit3 += any(i in gold for i in cited[:3])
            none += not cited
            methods[alignment.method] += 1
            bm25_top += int(ranked[0][0]) in gold
            wanted = query_stems(record["claim"])
            cover = [index.coverage(wanted, i) for i in range(len(index.passages))]
            cover_top += int(index.passages[cover.index(max(cover))].id[1:]) in gold  # ids skip empty sentences
            scores = [fuzz.partial_ratio(fold(record["claim"]), fold(c)) for c in record["candidates"]]
            fuzz_top += scores.index(max(scores)) in gold
        ours_times.append(ours_spent / len(records))
        bm25_times.append(bm25_spent / len(records))
    n = len(records)
    ours_ms, bm25_ms = statistics.median(ours_times) * 1000, statistics.median(bm25_times) * 1000
    print(f"WiCE dev, {n} claims, {sum(len(r['candidates']) for r in records) / n:.0f} candidate sentences each on average")
    print(f"checker alignment   top-1 {ours / n:.1%}   hit@3 {hit3 / n:.1%}   cited nothing {none / n:.1%}   "
          f"right when it cites {ours / max(1, n - none):.1%}")
    print("  stage that answered: " + ", ".join(f"{m} {c}" for m, c in methods.most_common()))
    print(f"bm25s alone         top-1 {bm25_top / n:.1%}")
    print(f"IDF coverage alone  top-1 {cover_top / n:.1%}")
    print(f"rapidfuzz alone     top-1 {fuzz_top / n:.1%}")
    print(f"time a claim (median of {args.runs} passes): checker {ours_ms:.2f} ms, bm25s alone {bm25_ms:.2f} ms, "
          f"ratio {ours_ms / bm25_ms:.1f}")


if __name__ == "__main__":
    main()
