"""Statements the source supports, found on real coverage: the wild-dev pairs against the
hand labels of corpora/wild-dev/supported_statements.json (the article sentences each
stored source excerpt holds).

Printed per pair and in total: statement claims, the labelled ones checker finds
(verdict ``supported``), and its ``supported`` verdicts on sentences not labelled (false
support), each named.

    .venv/bin/python bench/eval_wild_support.py
"""

from __future__ import annotations

import json
from pathlib import Path

WILD = Path(__file__).resolve().parent.parent / "corpora" / "wild-dev"


def main() -> None:
    from checker.engine import Checker
    from checker.ingest.documents import load_document

    labels = json.loads((WILD / "supported_statements.json").read_text(encoding="utf-8"))["supported"]
    expected = json.loads((WILD / "expected.json").read_text(encoding="utf-8"))
    checker = Checker()
    statements = found = listed = said = 0
    false_support: list[str] = []
    for pair in sorted(expected):
        folder = WILD / pair
        result = checker.check(load_document(str(folder / "article.txt"), "article"),
                               [load_document(str(folder / "source.txt"), "source")])
        claims = [c for c in result.claims if c.claim.kind == "statement"]
        wanted = set(labels.get(pair, []))
        supported = {c.claim.text for c in claims if c.verdict == "supported"}
        statements += len(claims)
        listed += len(wanted)
        said += len(supported)
        found += len(wanted & supported)
        false_support += [f"{pair}: {text}" for text in sorted(supported - wanted)]
        print(f"{pair:34} statements {len(claims):3}  source supports {len(wanted):2}  "
              f"found {len(wanted & supported):2}  false support {len(supported - wanted)}")
    print(f"total: {statements} statements in {len(expected)} pairs; the source supports {listed}; "
          f"checker found {found}; {said} supported verdicts, {len(false_support)} of them false")
    for line in false_support:
        print("  false support:", line)


if __name__ == "__main__":
    main()
