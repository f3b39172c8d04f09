"""Statements the source supports, found on real coverage: the pairs of corpora/wild-dev,
wild-more, wild-new, wild-holdout, wild-final and wild-last against their hand labels (each
corpus's supported_statements.json: the article sentences each stored source excerpt
holds).

Printed per pair, then a total per corpus and over all: statement claims, the labelled
ones (the source supports them), the labelled ones checker finds (verdict ``supported``),
its ``supported`` verdicts, and those on sentences not labelled (false support), each
named. The false support rate is false supported verdicts over all supported verdicts.
Beside it, in the same run, a naive baseline on the same statements: supported when one
sentence of the source holds 60% of the statement's content words as they stand.

    .venv/bin/python bench/eval_wild_support.py
"""

from __future__ import annotations

import json
from pathlib import Path

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
NAMES = ("wild-dev", "wild-more", "wild-new", "wild-holdout", "wild-final", "wild-last", "wild-next")


def _rate(false: int, said: int) -> str:
    return f"{false / said:.1%}" if said else "n/a"


def _line(label: str, pairs: int, counts: dict[str, int], who: str = "checker") -> str:
    return (f"{label}: {counts['statements']} statements in {pairs} pairs; the source supports "
            f"{counts['listed']}; {who} found {counts['found']}; {counts['said']} supported "
            f"verdicts, {counts['false']} of them false (false support rate "
            f"{_rate(counts['false'], counts['said'])})")


NAIVE_AT = 0.6  # the naive baseline's share of a statement's words one source sentence must hold


def naive_supported(statement: str, source_text: str) -> bool:
    """The naive baseline, run beside checker on the same statements: supported when one
    sentence of the source holds 60% of the statement's content words, as they stand."""
    from checker.sentences import split_sentences
    from checker.textnorm import content_words

    wanted = set(content_words(statement))
    if not wanted:
        return False
    sentences = [s for line in source_text.splitlines() for s in split_sentences(line)]
    return any(len(wanted & set(content_words(s))) >= NAIVE_AT * len(wanted) for s in sentences)


def _key(sentence: str) -> str:
    """A sentence as labels and claims are matched: without a list item's mark."""
    from checker.extract.statements import without_list_mark

    return without_list_mark(sentence.strip())


def score(labelled: set[str], said: set[str]) -> tuple[int, list[str]]:
    """(labelled sentences found, the supported verdicts on unlabelled text): a verdict
    on a labelled sentence, or on a part of one (where the sentence reader split it at a
    quotation), is on a sentence the source holds."""
    wanted = {_key(s) for s in labelled}
    held = {text: [w for w in wanted if _key(text) in w] for text in said}
    found = {w for hits in held.values() for w in hits}
    return len(found), sorted(text for text, hits in held.items() if not hits)


def main() -> None:
    from checker.engine import Checker
    from checker.ingest.documents import load_document

    checker = Checker()
    overall = dict(statements=0, listed=0, found=0, said=0, false=0)
    naive = dict(statements=0, listed=0, found=0, said=0, false=0)
    overall_pairs = 0
    false_support: list[str] = []
    for name in NAMES:
        corpus = CORPORA / name
        labels = json.loads((corpus / "supported_statements.json").read_text(encoding="utf-8"))["supported"]
        expected = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
        counts = dict(statements=0, listed=0, found=0, said=0, false=0)
        print(f"== {name}")
        for pair in sorted(expected):
            folder = corpus / pair
            result = checker.check(load_document(str(folder / "article.txt"), "article"),
                                   [load_document(str(folder / "source.txt"), "source")])
            claims = [c for c in result.claims if c.claim.kind == "statement"]
            wanted = set(labels.get(pair, []))
            supported = {c.claim.text for c in claims if c.verdict == "supported"}
            found, false = score(wanted, supported)
            counts["statements"] += len(claims)
            counts["listed"] += len(wanted)
            counts["said"] += len(supported)
            counts["found"] += found
            counts["false"] += len(false)
            false_support += [f"{name}/{pair}: {text}" for text in false]
            source_text = (folder / "source.txt").read_text(encoding="utf-8")
            guessed = {c.claim.text for c in claims if naive_supported(c.claim.text, source_text)}
            guessed_found, guessed_false = score(wanted, guessed)
            for key, value in (("statements", len(claims)), ("listed", len(wanted)), ("said", len(guessed)),
                               ("found", guessed_found), ("false", len(guessed_false))):
                naive[key] += value
            print(f"{pair:60} statements {len(claims):3}  source supports {len(wanted):2}  "
                  f"found {found:2}  supported verdicts {len(supported):2}  "
                  f"false support {len(false)}")
        print(_line(f"total {name}", len(expected), counts))
        for key in overall:
            overall[key] += counts[key]
        overall_pairs += len(expected)
    print(_line("overall", overall_pairs, overall))
    print(_line("naive baseline (one source sentence holds 60% of its words), overall", overall_pairs, naive,
                who="it"))
    for line in false_support:
        print("  false support:", line)


if __name__ == "__main__":
    main()
