"""Figures and dates checked on real, human-labelled data beyond the seeds, beside a
naive baseline run on the same rows.

Misreported rows: XSum hallucination annotations (204 one-sentence BBC summaries; each
annotated unsupported span that holds a number, date or quantity is a row;
corpora/external/xsum_hallucination_numeric_val.jsonl, CC BY 4.0).
Faithful rows: FRANK (the 146 CNN/DM and BBC summaries with a digit that annotators
judged consistent with their article; every number or month in them is a row;
corpora/external/frank_consistent_numeric_valid.jsonl, MIT).

Each summary is checked as an article against its story as the source.  A row is
*doubted* when a figure or date claim over it is not supported (contradicted, or not in
the source).  The naive baseline doubts a row when a number in it (digits or a number
word) or a month does not occur in the source text at all.  Wanted: errors doubted,
faithful rows undoubted; a tool that cries wolf on faithful figures loses its readers,
so the second matters more.

    .venv/bin/python bench/eval_figures.py [-v]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

EXTERNAL = Path(__file__).resolve().parent.parent / "corpora" / "external"
ERRORS = EXTERNAL / "xsum_hallucination_numeric_val.jsonl"
FAITHFUL = EXTERNAL / "frank_consistent_numeric_valid.jsonl"
_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
          "hundred thousand million billion first second third half").split()
_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_DIGITS = {w: i + 1 for i, w in enumerate(_WORDS[:19])} | {w: 10 * (i + 2) for i, w in enumerate(_WORDS[19:27])}
NUMERIC = re.compile(r"\d|\b(?:" + "|".join(_WORDS + _MONTHS) + r")\b", re.I)
# a faithful row: a number in digits, a number word (not 'one', which is mostly a
# pronoun) or a capitalised month
ROW = re.compile(r"\d[\d,.]*(?:\s?%)?|\b(?:" + "|".join(w for w in _WORDS if w != "one") + r")\b|"
                 r"\b(?:" + "|".join(m.capitalize() for m in _MONTHS) + r")\b", re.I)


def _numbers(text: str) -> list[str]:
    """The numbers and months a row states, as words the baseline looks for."""
    found = [d.replace(",", "").rstrip(".") for d in re.findall(r"\d[\d,.]*", text)]
    found += [w.lower() for w in re.findall(r"\b(?:" + "|".join(_WORDS + _MONTHS) + r")\b", text, re.I)]
    return [f for f in found if f]


def baseline_doubts(row: str, source: str) -> bool:
    """A number in the row that the source lacks (digits matched after dropping
    separators; a number word matched as a word or as its digits)."""
    plain = re.sub(r"(?<=\d),(?=\d{3})", "", source.lower())
    for number in _numbers(row):
        options = [number] + ([str(_DIGITS[number])] if number in _DIGITS else [])
        if not any(re.search(rf"(?<![\w.]){re.escape(o)}(?![\w]|\.\d)", plain) for o in options):
            return True
    return False


def checker_doubts(result, start: int, end: int) -> bool | None:
    """Does a figure or date claim over the row stay unsupported?  None if checker read
    no figure or date there (it neither doubts nor confirms the row)."""
    hits = [c for c in result.claims if c.claim.kind in ("figure", "date")
            and c.claim.span.start < end and start < c.claim.span.end]
    if not hits:
        return None
    return any(c.verdict in ("not_in_source", "contradicted") or _alarms(c) for c in hits)


def _alarms(claim_result) -> list:
    """Findings a CI run fails on or a reader is warned by (info notes excluded)."""
    return [f for f in claim_result.findings if f.severity != "info"]


def _records(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        yield json.loads(line)


def main(verbose: bool = False) -> dict[str, dict[str, float]]:
    from checker.engine import Checker
    from checker.ingest.documents import document_from_text

    checker = Checker()

    def check(record):
        source = document_from_text(record["source_text"], record["id"] + "-story", "source")
        return checker.check(document_from_text(record["claim"], record["id"], "article"), [source])

    errors = {"rows": 0, "checker": 0, "baseline": 0, "read": 0, "flagged": 0}
    for record in _records(ERRORS):
        result = check(record)
        for span in record["error_spans"]:
            at = record["claim"].lower().find(span.lower())
            if not NUMERIC.search(span) or at < 0:
                continue
            errors["rows"] += 1
            doubted = checker_doubts(result, at, at + len(span))
            errors["read"] += doubted is not None
            errors["checker"] += bool(doubted)
            errors["flagged"] += any(_alarms(c) for c in result.claims
                                     if c.claim.span.start < at + len(span) and at < c.claim.span.end)
            errors["baseline"] += baseline_doubts(span, record["source_text"])
            if verbose and not doubted:
                print(f"  missed error {span!r}: {record['claim'][:120]}")
    faithful = {"rows": 0, "checker": 0, "baseline": 0, "flagged": 0}
    for record in _records(FAITHFUL):
        result = check(record)
        for match in ROW.finditer(record["claim"]):
            faithful["rows"] += 1
            doubted = checker_doubts(result, match.start(), match.end())
            faithful["checker"] += bool(doubted)
            faithful["baseline"] += baseline_doubts(match.group(0), record["source_text"])
            if verbose and doubted:
                print(f"  doubted faithful {match.group(0)!r}: {record['claim'][:120]}")
        faithful["flagged"] += sum(len(_alarms(c)) for c in result.claims if c.claim.kind in ("figure", "date"))
    e, f = errors, faithful
    print(f"XSum misreported figures and dates: {e['rows']} annotated spans")
    print(f"  checker  doubted {e['checker']:4d} ({e['checker'] / e['rows']:.1%}); "
          f"read as a figure or date {e['read']}, flagged (error or warning) {e['flagged']}")
    print(f"  baseline doubted {e['baseline']:4d} ({e['baseline'] / e['rows']:.1%})")
    print(f"FRANK faithful figures and dates: {f['rows']} numbers and months in faithful summaries")
    print(f"  checker  undoubted {f['rows'] - f['checker']:4d} ({1 - f['checker'] / f['rows']:.1%}); "
          f"errors and warnings raised on them {f['flagged']}")
    print(f"  baseline undoubted {f['rows'] - f['baseline']:4d} ({1 - f['baseline'] / f['rows']:.1%})")
    return {"errors_doubted": {"checker": e["checker"] / e["rows"], "baseline": e["baseline"] / e["rows"]},
            "faithful_undoubted": {"checker": 1 - f["checker"] / f["rows"],
                                   "baseline": 1 - f["baseline"] / f["rows"]}}


if __name__ == "__main__":
    main(verbose="-v" in sys.argv)
