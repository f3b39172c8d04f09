"""PDFium against pdfplumber as the reader of PDF reports: time, and what differs in
the passages checker rebuilds from each one's words.

    .venv/bin/python bench/compare_pdf_readers.py [--runs N]

On every report of corpora/ofsted-ilacs-dev and the seed report typeset as a PDF
(tests/reportpdf.py), prints each reader's median time to give the words, the ratio,
and how many passages differ in text, page or count.  Both readers' words go through
the same layout code (checker.ingest.pdf.text_from_words) and the same source splitter.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from bench_check import median_time  # noqa: E402


def passages(words, info, name: str):
    from checker.ingest.documents import document_from_text
    from checker.ingest.pdf import text_from_words

    text, meta, page_starts = text_from_words(words, info, name)
    doc = document_from_text(text, name, "source", meta, page_starts)
    return [(p.text, p.page) for p in doc.passages], meta


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from checker.ingest.pdfwords import pdfium_words, pdfplumber_words
    from reportpdf import build_report_pdf

    with tempfile.TemporaryDirectory() as folder:
        seed = build_report_pdf(Path(folder) / "seed-somerset-report.pdf")
        files = [seed, *sorted((ROOT / "corpora" / "ofsted-ilacs-dev" / "reports").glob("*.pdf"))]
        print(f"{'report':54} {'pdfplumber':>10} {'pdfium':>8} {'ratio':>6} {'passages':>8} {'differ':>6}")
        totals = [0.0, 0.0, 0, 0]
        for path in files:
            data = path.read_bytes()
            slow = median_time(lambda: pdfplumber_words(data, path.name), args.runs)
            fast = median_time(lambda: pdfium_words(data, path.name), args.runs)
            old, old_meta = passages(*pdfplumber_words(data, path.name), path.name)
            new, new_meta = passages(*pdfium_words(data, path.name), path.name)
            differ = sum(a != b for a, b in zip(old, new)) + abs(len(old) - len(new))
            differ += old_meta != new_meta
            totals = [totals[0] + slow, totals[1] + fast, totals[2] + len(old), totals[3] + differ]
            print(f"{path.stem:54} {slow:9.2f}s {fast:7.2f}s {fast / slow:6.2f} {len(old):8} {differ:6}")
        print(f"{'all ' + str(len(files)):54} {totals[0]:9.2f}s {totals[1]:7.2f}s "
              f"{totals[1] / totals[0]:6.2f} {totals[2]:8} {totals[3]:6}")


if __name__ == "__main__":
    main()
