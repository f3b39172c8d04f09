"""Corpora for the corpus-mode tests, written from the repository's own copies of real
text (corpora/seeds, corpora/external/news.jsonl.gz)."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"
NEWS = ROOT / "corpora" / "external" / "news.jsonl.gz"
REPORT = SEEDS / "ofsted-2015-03-27-somerset-childrens-services-report.txt"
ARTICLE = {
    "000": SEEDS / "local-news-2015-03-27-somerset-branded-inadequate.txt",
    "001": SEEDS / "willispalmer-2017-somerset-requires-improvement.txt",
    "003": SEEDS / "bbc-2015-03-27-somerset-still-inadequate.txt",
    "004": SEEDS / "cypnow-2017-01-24-worcestershire-inadequate.txt",
}


def news_records() -> list[dict]:
    with gzip.open(NEWS, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def write_news(folder: Path, count: int) -> list[dict]:
    """The first ``count`` records (news articles first, then web pages) as files."""
    folder.mkdir(parents=True, exist_ok=True)
    records = news_records()[:count]
    for record in records:
        (folder / f"{record['id']}.txt").write_text(record["text"], encoding="utf-8")
    return records


def somerset_corpus(folder: Path, news: int) -> Path:
    write_news(folder, news)
    shutil.copy(REPORT, folder / REPORT.name)
    return folder


def redated_report(year: int) -> str:
    """The Somerset report as if it were another year's: every date in its head moved."""
    text = REPORT.read_text(encoding="utf-8")
    head, body = text[:600], text[600:]
    return head.replace("2015", str(year)) + body
