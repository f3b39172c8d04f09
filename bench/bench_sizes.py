"""Does checking time grow linearly with the article, and with how many quotation marks
it holds?  A hostile or merely huge draft must not stall a CI job (issue 11).

    .venv/bin/python bench/bench_sizes.py [--runs N] [--largest KB]

Articles are built from the seed article's own sentences repeated to each size, and a
line of prose with a given share of stray quotation marks; each is checked warm against
the seed report, median of N runs.  Printed per size: seconds, and the ratio of that
time per kilobyte to the smallest size's (near 1 when the cost is linear).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"
REPORT = SEEDS / "ofsted-2015-03-27-somerset-childrens-services-report.txt"
ARTICLE = SEEDS / "local-news-2015-03-27-somerset-branded-inadequate.txt"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import median_time  # noqa: E402  (one timing helper for every bench)


def _sized(base: str, kilobytes: int) -> str:
    body = base.split("\n", 1)[1]
    text = base.split("\n", 1)[0] + "\n"
    while len(text) < kilobytes * 1024:
        text += body
    return text[: kilobytes * 1024].rsplit("\n", 1)[0] + "\n"


def _quoted(marks: int) -> str:
    words = " ".join(f'the council "said {i}' for i in range(marks))
    return f"Somerset County Council\n\n{words} that services were slow.\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--largest", type=int, default=64, help="largest article size in KB")
    args = parser.parse_args()

    from checker.engine import Checker
    from checker.ingest.documents import document_from_text, load_document

    checker = Checker(use_store=False)
    report = load_document(str(REPORT), "source")
    checker.prepare(report)
    base = ARTICLE.read_text(encoding="utf-8")

    def row(label: str, text: str, unit: float, smallest: float | None) -> float:
        """Print one size's time; returns its time per unit (the smallest's when first)."""
        article = document_from_text(text, "bench.txt", "article")
        seconds = median_time(lambda: checker.check(article, [report]), args.runs)
        per_unit = seconds / unit
        print(f"  {label:>14}  {seconds:8.2f} s   per unit {per_unit / (smallest or per_unit):5.2f} x the smallest's")
        return smallest or per_unit

    print(f"article size (seed article repeated), median of {args.runs}:")
    sizes, smallest = [], None
    kb = 4
    while kb <= args.largest:
        sizes.append(kb)
        kb *= 4
    for kb in sizes:
        smallest = row(f"{kb} KB", _sized(base, kb), kb, smallest)
    print(f"quotation marks in one line, median of {args.runs}:")
    smallest = None
    for marks in (250, 1000, 4000):
        smallest = row(f"{marks} marks", _quoted(marks), marks, smallest)


if __name__ == "__main__":
    main()
