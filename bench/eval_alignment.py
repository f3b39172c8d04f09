"""Alignment measured on real, human-labelled data beyond the seeds: WiCE (claims from
Wikipedia and the sentences of the cited web page that support them; 306 dev records,
corpora/external/wice_alignment_dev.jsonl, annotations ODC-BY 1.0).

For each claim, the page's sentences become the passages of a source document and
checker's alignment cascade (exact -> bm25s + IDF coverage, with clause look-ups -> two
adjacent passages -> the nearest passage) picks the evidence.  Printed: top-1 (the first
cited passage supports the claim), hit@3, how often it cited nothing, which stage
answered, how many of all the sentences it cites (the first and any further ones) are
right, and the same top-1 for four baselines run in the same process that always answer:
bm25s alone, a plain TF-IDF cosine over the page's sentences, checker's IDF-weighted
coverage alone (no floor), and rapidfuzz partial_ratio alone.

The decision to cite is measured too, on the same pages with every sentence the
annotators marked as support taken out (WiCE's page holds nothing else of the claim, as
far as they saw): how often checker then cites a passage as holding the claim (what could
become a false "supported") and how often it points only to the nearest passage.

Time per claim is the median over ``--runs`` passes of the set, against bm25s alone
retrieving for the same claims in the same passes.  ``--baseline DIR``: a checkout of
another commit of checker (``git archive COMMIT checker | tar -x -C DIR``), whose cascade
takes a turn after each pass (in a child process, since both are the package
``checker``); its answers and its time a claim are printed beside these.

    .venv/bin/python bench/eval_alignment.py [--runs N] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "corpora" / "external" / "wice_alignment_dev.jsonl"


def records() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]


def align(record: dict, without_support: bool = False):
    """The cascade's alignment of a record's claim against its page (or the page with
    its supporting sentences taken out), the index, and the seconds the alignment took."""
    from checker.match.index import SourceIndex, clauses
    from checker.model import Claim, Span

    gold = set(record["gold_indices"]) if without_support else set()
    sentences = [c for i, c in enumerate(record["candidates"]) if i not in gold]
    index = SourceIndex.of_sentences(sentences, record["id"])
    claim = Claim(id="c", kind="statement", span=Span(0, len(record["claim"])), text=record["claim"])
    start = time.perf_counter()
    alignment = index.align(claim, record["claim"], clauses(record["claim"]))
    return alignment, index, time.perf_counter() - start


def tfidf_best(claim: str, sentences: list[str]) -> int:
    """The sentence a plain TF-IDF cosine ranks first (stemmed words, smoothed IDF over
    the page's sentences, raw counts): the textbook overlap baseline."""
    import math

    from checker.textnorm import stems

    docs = [Counter(stems(s)) for s in sentences]
    df = Counter(w for d in docs for w in d)
    idf = {w: math.log((1 + len(docs)) / (1 + n)) + 1 for w, n in df.items()}

    def vector(counts: Counter) -> dict[str, float]:
        return {w: c * idf.get(w, 0.0) for w, c in counts.items()}

    query = vector(Counter(stems(claim)))
    norm_q = math.sqrt(sum(v * v for v in query.values())) or 1.0

    def cosine(doc: Counter) -> float:
        vec = vector(doc)
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return sum(query.get(w, 0.0) * v for w, v in vec.items()) / (norm * norm_q)

    scores = [cosine(d) for d in docs]
    return scores.index(max(scores))


def first_cited(alignment) -> int | None:
    """The page sentence number of the first cited passage (ids ``s<N>``)."""
    return int(alignment.evidence[0].passage[1:]) if alignment.evidence else None


def cascade_pass() -> dict:
    """One pass of the cascade over the set and its supportless pages: the first cited
    sentence right, how often it cites, what it cites on the supportless pages, and its
    time a claim.  What a baseline's turn reports; read by stage names, so that an older
    checker without :attr:`Alignment.held` reports alike."""
    right = cited = holding = nearest = 0
    spent = 0.0
    data = records()
    for record in data:
        alignment, _, seconds = align(record)
        spent += seconds
        first = first_cited(alignment)
        cited += first is not None
        right += first is not None and first in set(record["gold_indices"])
        method = align(record, without_support=True)[0].method
        holding += method not in ("near", "none")
        nearest += method == "near"
    return {"n": len(data), "right": right, "cited": cited, "holding": holding, "nearest": nearest,
            "seconds": spent / len(data)}


def baseline_turn(code: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(code.resolve())}
    out = subprocess.run([sys.executable, __file__, "--cascade-only"], env=env, cwd=code,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.splitlines()[-1])


def describe(name: str, turn: dict) -> str:
    n = turn["n"]
    return (f"{name:<19} top-1 {turn['right'] / n:.1%}   cited nothing {1 - turn['cited'] / n:.1%}   "
            f"right when it cites {turn['right'] / max(1, turn['cited']):.1%}\n"
            f"{'':<19} support taken out: cites a passage as holding the claim {turn['holding'] / n:.1%}, "
            f"only the nearest {turn['nearest'] / n:.1%}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="a checkout of another commit of checker")
    parser.add_argument("--cascade-only", action="store_true", help=argparse.SUPPRESS)  # a baseline's turn
    args = parser.parse_args()
    if args.cascade_only:
        print(json.dumps(cascade_pass()))
        return

    import bm25s
    from rapidfuzz import fuzz

    from checker.match.index import query_stems
    from checker.textnorm import fold, stems

    data = records()
    hit3 = bm25_top = tfidf_top = cover_top = fuzz_top = cited_all = cited_right = 0
    methods: Counter = Counter()
    stage_right: Counter = Counter()
    ours_times, bm25_times, base_turns = [], [], []
    for run in range(args.runs):
        if args.baseline:
            base_turns.append(baseline_turn(args.baseline))
        ours_spent = bm25_spent = 0.0
        for record in data:
            gold = set(record["gold_indices"])
            alignment, index, seconds = align(record)
            ours_spent += seconds
            retriever = bm25s.BM25()
            retriever.index([stems(c) or ["_"] for c in record["candidates"]], show_progress=False)
            start = time.perf_counter()
            ranked, _ = retriever.retrieve([stems(record["claim"]) or ["_"]], k=1, show_progress=False)
            bm25_spent += time.perf_counter() - start
            if run:
                continue  # the answers are the same each pass: count them once
            cited = [int(e.passage[1:]) for e in alignment.evidence]
            hit3 += any(i in gold for i in cited[:3])
            cited_all += len(cited)
            cited_right += sum(i in gold for i in cited)
            methods[alignment.method] += 1
            stage_right[alignment.method] += first_cited(alignment) in gold
            bm25_top += int(ranked[0][0]) in gold
            tfidf_top += tfidf_best(record["claim"], record["candidates"]) in gold
            wanted = query_stems(record["claim"])
            cover = [index.coverage(wanted, i) for i in range(len(index.passages))]
            cover_top += int(index.passages[cover.index(max(cover))].id[1:]) in gold  # ids skip empty sentences
            scores = [fuzz.partial_ratio(fold(record["claim"]), fold(c)) for c in record["candidates"]]
            fuzz_top += scores.index(max(scores)) in gold
        ours_times.append(ours_spent / len(data))
        bm25_times.append(bm25_spent / len(data))
    n = len(data)
    ours = cascade_pass()
    ours_ms, bm25_ms = statistics.median(ours_times) * 1000, statistics.median(bm25_times) * 1000
    print(f"WiCE dev, {n} claims, {sum(len(r['candidates']) for r in data) / n:.0f} candidate sentences each on average")
    print(describe("checker alignment", ours) + f"   (hit@3 {hit3 / n:.1%})")
    print(f"  every cited sentence (first and further): {cited_right} of {cited_all} right "
          f"({cited_right / max(1, cited_all):.1%})")
    print("  stage that answered (first cited right): "
          + ", ".join(f"{m} {c} ({stage_right[m]})" for m, c in methods.most_common()))
    print(f"bm25s alone         top-1 {bm25_top / n:.1%}")
    print(f"TF-IDF cosine alone top-1 {tfidf_top / n:.1%}")
    print(f"IDF coverage alone  top-1 {cover_top / n:.1%}")
    print(f"rapidfuzz alone     top-1 {fuzz_top / n:.1%}")
    print(f"time a claim (median of {args.runs} passes): checker {ours_ms:.2f} ms, bm25s alone {bm25_ms:.2f} ms, "
          f"ratio {ours_ms / bm25_ms:.1f}")
    if base_turns:
        base_ms = statistics.median(t["seconds"] for t in base_turns) * 1000
        print(describe(f"baseline {args.baseline.name}", base_turns[0]))
        print(f"{'':<19} time a claim {base_ms:.2f} ms (this code / the baseline's: {ours_ms / base_ms:.2f})")


if __name__ == "__main__":
    main()
