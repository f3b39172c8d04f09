"""Does checking time grow linearly with the article, with how many quotation marks it
holds, and with the source?  A hostile or merely huge draft must not stall a CI job
(issue 11).

    .venv/bin/python bench/bench_sizes.py [--runs N] [--largest KB] [--pages N] [--parts ...]

Printed, each as seconds and the ratio of the time per unit to the first row's (near
1, or falling where fixed costs dominate small inputs, when the cost is linear):

- article size: the seed article's own sentences repeated to 1 KB ... ``--largest``
  (5 MB), checked warm against the seed report;
- quotation marks in one line: a line of 250 to 4,000 marks with numbers among them;
- quotation-mark density: 64 KB articles in which 0% to 40% of the words open a
  quotation;
- the source: a report of ``--pages`` pages (3,000 characters a page, the seed report's
  text repeated), and half and a quarter of it, each prepared and checked against the
  seed article in a fresh process, with that process's peak memory (ru_maxrss).

Inputs of up to 64 KB are timed as the median of N runs, larger ones once.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"
REPORT = SEEDS / "ofsted-2015-03-27-somerset-childrens-services-report.txt"
ARTICLE = SEEDS / "local-news-2015-03-27-somerset-branded-inadequate.txt"
PAGE = 3_000  # characters of a report page (an Ofsted PDF page holds 2,500 to 3,500)
MEDIAN_UP_TO = 64  # KB: larger inputs are timed once
SIZES = (1, 4, 16, 64, 256, 1024)  # KB, then --largest
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import median_time  # noqa: E402  (one timing helper for every bench)


def _sized(base: str, kilobytes: float) -> str:
    body = base.split("\n", 1)[1]
    parts, length = [base.split("\n", 1)[0] + "\n"], 0
    while length < kilobytes * 1024:
        parts.append(body)
        length += len(body)
    return "".join(parts)[: int(kilobytes * 1024)].rsplit("\n", 1)[0] + "\n"


def _quoted(marks: int) -> str:
    words = " ".join(f'the council "said {i}' for i in range(marks))
    return f"Somerset County Council\n\n{words} that services were slow.\n"


def _dense(base: str, kilobytes: int, share: float) -> str:
    """The sized article with ``share`` of its words opening a quotation (no closing)."""
    rng = random.Random(11)
    lines = _sized(base, kilobytes).split("\n")
    marked = [" ".join('"' + w if rng.random() < share else w for w in line.split(" ")) for line in lines[1:]]
    return "\n".join(lines[:1] + marked)


def _report(pages: int) -> str:
    text = REPORT.read_text(encoding="utf-8")
    return (text * (pages * PAGE // len(text) + 1))[: pages * PAGE].rsplit("\n", 1)[0] + "\n"


def _peak_mb() -> float:
    """This process's peak resident memory: the kernel's high-water mark, which (unlike
    ru_maxrss, kept across fork and exec) is this program's own."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def measure_source(pages: int) -> dict:
    """Run in a fresh process (``--source-pages``): prepare a report of ``pages`` pages
    and check the seed article against it; its peak memory is the process's."""
    from checker.engine import Checker
    from checker.ingest.documents import document_from_text, load_document

    checker = Checker(use_store=False)
    article = load_document(str(ARTICLE), "article")
    checker.check(article, [document_from_text("Report\n\nThe council has 9 staff.\n", "r.txt", "source")])
    loaded = _peak_mb()
    report = document_from_text(_report(pages), f"report-{pages}-pages.txt", "source")
    start = time.perf_counter()
    checker.prepare(report)
    prepared = time.perf_counter() - start
    start = time.perf_counter()
    result = checker.check(article, [report])
    checked = time.perf_counter() - start
    return {"pages": pages, "chars": len(report.text), "passages": len(report.passages),
            "prepare": prepared, "check": checked, "claims": len(result.claims),
            "peak_mb": _peak_mb(), "model_mb": loaded}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--largest", type=int, default=5120, help="largest article size in KB")
    parser.add_argument("--pages", type=int, default=300, help="pages of the largest report")
    parser.add_argument("--parts", default="sizes,marks,density,source",
                        help="which series to run, comma-separated (the 5 MB article takes minutes)")
    parser.add_argument("--source-pages", type=int, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.source_pages:
        print(json.dumps(measure_source(args.source_pages)))
        return

    from checker.engine import Checker
    from checker.ingest.documents import document_from_text, load_document

    checker = Checker(use_store=False)
    report = load_document(str(REPORT), "source")
    checker.prepare(report)
    base = ARTICLE.read_text(encoding="utf-8")

    def row(label: str, text: str, unit: float, first: float | None, kilobytes: float) -> float:
        """Print one input's time; returns the first row's time per unit."""
        article = document_from_text(text, "bench.txt", "article")
        runs = args.runs if kilobytes <= MEDIAN_UP_TO else 1
        seconds = median_time(lambda: checker.check(article, [report]), runs)
        per_unit = seconds / unit
        print(f"  {label:>16}  {seconds:9.2f} s   per unit {per_unit / (first or per_unit):5.2f} x the first's"
              f"   (peak {_peak_mb():,.0f} MB)", flush=True)
        return first or per_unit

    parts = args.parts.split(",")
    if "sizes" in parts:
        print(f"article size (seed article repeated; median of {args.runs} up to {MEDIAN_UP_TO} KB):")
        first = None
        for kb in sorted({k for k in SIZES if k < args.largest} | {args.largest}):
            first = row(f"{kb:,} KB", _sized(base, kb), kb, first, kb)
    if "marks" in parts:
        print("quotation marks in one line, with numbers among them (per mark):")
        first = None
        for marks in (250, 1000, 4000):
            text = _quoted(marks)
            first = row(f"{marks:,} marks", text, marks, first, len(text) / 1024)
    if "density" in parts:
        print("quotation-mark density in a 64 KB article (per KB; the first row is no marks):")
        first = None
        for share in (0.0, 0.05, 0.2, 0.4):
            first = row(f"{share:.0%} of words", _dense(base, 64, share), 64, first, 64)
    if "source" in parts:
        _source_series(args.pages)


def _source_series(largest: int) -> None:
    print("the source (a fresh process each: prepare the report, check the seed article; per page):")
    first = None
    for pages in (largest // 4, largest // 2, largest):
        done = subprocess.run([sys.executable, __file__, "--source-pages", str(pages)],
                              capture_output=True, text=True, check=True)
        m = json.loads(done.stdout.strip().splitlines()[-1])
        per_page = (m["prepare"] + m["check"]) / pages
        first = first or per_page
        print(f"  {pages:>4} pages ({m['chars'] / 1024:,.0f} KB, {m['passages']:,} passages): prepare "
              f"{m['prepare']:7.1f} s, check {m['check']:6.2f} s, per page {per_page / first:5.2f} x the "
              f"first's; peak memory {m['peak_mb']:,.0f} MB (model loaded: {m['model_mb']:,.0f} MB)", flush=True)


if __name__ == "__main__":
    main()
