"""Rebuild news.jsonl.gz from the project's shared external sets (run by hand, once).

Nothing reads ../shared at run time or in tests: this script copies what corpus mode's
tests and benchmark need into the repository.  Only sets whose licence allows copying
are taken (see README.md beside this file).  Usage::

    python corpora/external/build_news.py ../shared/external
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

SETS = {  # file: (origin label, licence); XSum first, its copies of BBC texts are cleaner
    "xsum_hallucination_numeric_val.jsonl": (
        "xsum", "CC BY 4.0 (google-research-datasets/xsum_hallucination_annotations @ 4abdbb2)"),
    "frank_consistency_valid.jsonl": ("frank", "MIT (artidoro/frank @ 80a88fb)"),
}
_SHARE = re.compile(r"^Share this with.*?Copy this link", re.S)


def same_text_key(text: str) -> str:
    """FRANK and XSum hold the same BBC articles with different spacing and page
    furniture (FRANK joins paragraphs with no space at all, "Abuja.The"): compare the
    letters and digits only, without the share-bar prefix."""
    return "".join(re.findall(r"[a-z0-9]+", _SHARE.sub("", text).lower()))
WICE = ("wice_alignment_dev.jsonl", "wice",
        "annotations ODC-BY 1.0 (ryokamoi/wice @ ddeb6c1); page text from Common Crawl")


def summary_record(row: dict, text: str, origin: str) -> dict:
    """A summary with what its data set (``origin``) says about it: ``faithful`` when
    annotators judged it consistent with the article (XSum's rows here, the BBC's own
    first sentences included, all carry an annotated unsupported span: that is how the
    set was chosen); ``writer``, the system that wrote it, or "human" for the BBC's own
    first sentence (XSum's "Gold"); ``factuality``, FRANK's share of its sentences
    annotators found free of errors (None where the set gives no such score)."""
    system = row["meta"].get("system") or "unknown"
    return {"text": text, "origin": origin, "faithful": row.get("label") == "consistent",
            "writer": "human" if system == "Gold" else system,
            "factuality": row.get("factuality_score")}


def news_records(folder: Path) -> list[dict]:
    """One record per distinct article, with every summary written from it, each marked
    faithful when annotators judged it consistent with the article."""
    by_text: dict[str, dict] = {}
    for name, (origin, licence) in SETS.items():
        for line in (folder / name).open(encoding="utf-8"):
            row = json.loads(line)
            text = row["source_text"].strip()
            record = by_text.setdefault(same_text_key(text), {
                "id": f"{origin}-{len(by_text):04d}", "origin": origin, "licence": licence,
                "url": row["meta"].get("url", ""), "text": text, "summaries": []})
            summary = row["claim"].strip()
            if all(summary != s["text"] for s in record["summaries"]):
                record["summaries"].append(summary_record(row, summary, origin))
    return list(by_text.values())


def wice_records(folder: Path) -> list[dict]:
    """Cited web pages (news sites, blogs, organisations' pages) as distractors only."""
    name, origin, licence = WICE
    out, seen = [], set()
    for line in (folder / name).open(encoding="utf-8"):
        row = json.loads(line)
        lines = [c for c in row["candidates"] if not c.startswith("(meta data)")]
        text = "\n".join(lines).strip()
        if text and text not in seen:
            seen.add(text)
            out.append({"id": f"{origin}-{len(out):04d}", "origin": origin, "licence": licence,
                        "url": "", "text": text, "summaries": []})
    return out


def main(folder: str) -> None:
    records = news_records(Path(folder)) + wice_records(Path(folder))
    target = Path(__file__).with_name("news.jsonl.gz")
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=9) as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{target}: {len(records)} documents")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/external")
