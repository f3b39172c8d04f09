"""Alignment measured on real, human-labelled data beyond the seeds: WiCE (claims from
Wikipedia and the sentences of the cited web page that support them; 306 dev records,
corpora/external/wice_alignment_dev.jsonl, annotations ODC-BY 1.0).

For each claim, the page's sentences become the passages of a source document and
checker's alignment cascade (exact -> bm25s + IDF coverage, with clause look-ups) picks
the evidence.  Printed: top-1 (the first cited passage supports the claim), hit@3, how
often it cited nothing, and the same top-1 for two baselines run in the same process:
bm25s alone, and rapidfuzz partial_ratio alone.

    .venv/bin/python bench/eval_alignment.py
"""

from __future__ import annotations

import json
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "corpora" / "external" / "wice_alignment_dev.jsonl"


def main() -> None:
    import bm25s
    from rapidfuzz import fuzz

    from checker.match.index import SourceIndex, clauses
    from checker.model import Claim, Span
    from checker.textnorm import fold, stems

    records = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    ours = hit3 = none = bm25_top = fuzz_top = 0
    spent = 0.0
    for record in records:
        gold = set(record["gold_indices"])
        index = SourceIndex.of_sentences(record["candidates"], record["id"])
        claim = Claim(id="c", kind="statement", span=Span(0, len(record["claim"])), text=record["claim"])
        start = time.perf_counter()
        alignment = index.align(claim, record["claim"], clauses(record["claim"]))
        spent += time.perf_counter() - start
        cited = [int(e.passage[1:]) for e in alignment.evidence]
        ours += bool(cited) and cited[0] in gold
        hit3 += any(i in gold for i in cited[:3])
        none += not cited
        retriever = bm25s.BM25()
        retriever.index([stems(c) or ["_"] for c in record["candidates"]], show_progress=False)
        ranked, _ = retriever.retrieve([stems(record["claim"]) or ["_"]], k=1, show_progress=False)
        bm25_top += int(ranked[0][0]) in gold
        scores = [fuzz.partial_ratio(fold(record["claim"]), fold(c)) for c in record["candidates"]]
        fuzz_top += scores.index(max(scores)) in gold
    n = len(records)
    print(f"WiCE dev, {n} claims, {sum(len(r['candidates']) for r in records) / n:.0f} candidate sentences each on average")
    print(f"checker alignment   top-1 {ours / n:.1%}   hit@3 {hit3 / n:.1%}   cited nothing {none / n:.1%}   "
          f"right when it cites {ours / max(1, n - none):.1%}   {spent / n * 1000:.2f} ms a claim")
    print(f"bm25s alone         top-1 {bm25_top / n:.1%}")
    print(f"rapidfuzz alone     top-1 {fuzz_top / n:.1%}")


if __name__ == "__main__":
    main()
