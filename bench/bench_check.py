"""How long one article takes to check against a report, warm (model loaded, report
parsed and indexed before), against spaCy's own parse of the same article in the same
process: the ratio says what checking costs beyond reading the text at all.

    .venv/bin/python bench/bench_check.py [--runs N]

Prints the median of N runs per seed article, the ratio to spaCy's parse, the cold cost
of preparing the report once, and the cost of getting it again: in the same run (the
in-memory cache) and in a later run (the on-disk cache).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"
REPORT = SEEDS / "ofsted-2015-03-27-somerset-childrens-services-report.txt"


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from checker.engine import Checker
    from checker.ingest.documents import load_document
    from checker.nlp import get_nlp
    from checker.prepared import PreparedStore

    start = time.perf_counter()
    nlp = get_nlp()
    load = time.perf_counter() - start
    report = load_document(str(REPORT), "source")
    checker = Checker(use_store=False)
    start = time.perf_counter()
    checker.prepare(report)
    cold = time.perf_counter() - start
    again = median_time(lambda: checker.prepare(load_document(str(REPORT), "source")), args.runs)
    with tempfile.TemporaryDirectory() as folder:
        store = PreparedStore(Path(folder))
        Checker(store).prepare(report)
        from_disk = median_time(lambda: Checker(store).prepare(load_document(str(REPORT), "source")),
                                args.runs)

    print(f"model load {load:.2f} s; report prepared once {cold:.2f} s; same report again in the "
          f"run {again * 1000:.1f} ms; in a later run, from the disk cache {from_disk * 1000:.1f} ms "
          f"(medians of {args.runs})")
    print(f"{'article':58} {'chars':>6} {'check':>8} {'spaCy':>8} {'ratio':>6}")
    for path in sorted(SEEDS.glob("*.txt")):
        if path == REPORT:
            continue
        article = load_document(str(path), "article")
        checker.check(article, [report])  # warm
        check = median_time(lambda: checker.check(article, [report]), args.runs)
        parse = median_time(lambda: nlp(article.text), args.runs)
        print(f"{path.name:58} {len(article.text):6} {check * 1000:7.0f}ms {parse * 1000:7.0f}ms "
              f"{check / parse:6.2f}")


if __name__ == "__main__":
    main()
