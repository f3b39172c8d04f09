"""Figures and dates checked on real, human-labelled data beyond the seeds.

Misreported: XSum hallucination annotations (204 one-sentence BBC summaries whose
annotated unsupported span holds a number, date or quantity;
corpora/external/xsum_hallucination_numeric_val.jsonl, CC BY 4.0).
Faithful: FRANK (the 146 CNN/DM and BBC summaries with a digit that annotators judged
consistent with their article; corpora/external/frank_consistent_numeric_valid.jsonl,
MIT): their figures and dates should be supported, and never flagged.

Each summary is checked as an article against its BBC story as the source.  For every
annotated unsupported span that holds a figure or a date, the claim checker extracts
there should not come out "supported": the story does not bear it out.  Printed: how
many such spans got a figure/date claim at all, how many of those were left unsupported
(not_in_source or contradicted), how many were flagged as a contradiction, and how many
were wrongly called supported.

    .venv/bin/python bench/eval_figures.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

EXTERNAL = Path(__file__).resolve().parent.parent / "corpora" / "external"
DATA = EXTERNAL / "xsum_hallucination_numeric_val.jsonl"
FAITHFUL = EXTERNAL / "frank_consistent_numeric_valid.jsonl"
NUMERIC = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"twenty|thirty|forty|fifty|hundred|thousand|million|billion|first|second|"
                     r"third|half|january|february|march|april|may|june|july|august|september|"
                     r"october|november|december)\b", re.I)


def main() -> None:
    from checker.engine import Checker
    from checker.ingest.documents import document_from_text

    checker = Checker()
    spans = claimed = unsupported = flagged = supported = 0
    for line in DATA.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        source = document_from_text(record["source_text"], record["id"] + "-story", "source")
        article = document_from_text(record["claim"], record["id"], "article")
        result = checker.check(article, [source])
        for span_text in record["error_spans"]:
            if not NUMERIC.search(span_text):
                continue
            at = record["claim"].lower().find(span_text.lower())
            if at < 0:
                continue
            spans += 1
            hits = [c for c in result.claims if c.claim.kind in ("figure", "date")
                    and c.claim.span.start < at + len(span_text) and at < c.claim.span.end]
            if not hits:
                continue
            claimed += 1
            verdicts = {c.verdict for c in hits}
            if "supported" in verdicts:
                supported += 1
            else:
                unsupported += 1
                flagged += any(c.findings for c in hits)
    print(f"XSum numeric hallucinations: {spans} annotated unsupported spans holding a figure or date")
    print(f"  read as a figure/date claim   {claimed} ({claimed / spans:.1%})")
    print(f"  left unsupported              {unsupported} ({unsupported / max(claimed, 1):.1%} of those read)")
    print(f"    of which flagged (NUM/DAT)  {flagged}")
    print(f"  wrongly called supported      {supported} ({supported / max(claimed, 1):.1%} of those read)")
    counts = {"supported": 0, "not_in_source": 0, "contradicted": 0}
    false_alarms = []
    for line in FAITHFUL.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        source = document_from_text(record["source_text"], record["id"] + "-story", "source")
        result = checker.check(document_from_text(record["claim"], record["id"], "article"), [source])
        for claim in result.claims:
            if claim.claim.kind in ("figure", "date") and claim.verdict in counts:
                counts[claim.verdict] += 1
                false_alarms += [f"{claim.claim.text!r}: {f.message}" for f in claim.findings]
    total = sum(counts.values())
    print(f"FRANK consistent summaries: {total} figure/date claims")
    print("  " + ", ".join(f"{v} {n} ({n / max(total, 1):.1%})" for v, n in counts.items()))
    print(f"  findings on them (false alarms): {len(false_alarms)}")
    for line in false_alarms:
        print(f"    {line}")


if __name__ == "__main__":
    main()
