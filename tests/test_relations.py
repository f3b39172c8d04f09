"""The article-to-source relation on real pairs, matched and mismatched.

Every article of corpora/wild-dev, corpora/seeds and corpora/editions is checked against
every source there; corpora/editions/labels.json says what each is about (subject and
edition), which gives the relation a sub-editor would: another subject is
different_subject, a later edition or inspection later_report, and so on.  The issue's
bar is the relation right on at least 9 pairs in 10; and an article about a later or a
different report must raise no error or warning (its claims are not the source's).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from checker.compare.judge import ArticleParts, judge
from checker.compare.relation import relate
from checker.engine import default_checker
from checker.extract import extract_claims
from checker.ingest.documents import load_document

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
LABELS = json.loads((CORPORA / "editions" / "labels.json").read_text(encoding="utf-8"))
PAIRS = [(a, s) for a in LABELS["articles"] for s in LABELS["sources"]]


def expected(article: str, source: str) -> str:
    (subject, edition), (source_subject, source_edition) = (
        LABELS["articles"][article], LABELS["sources"][source])
    if subject != source_subject:
        return "different_subject"
    if edition[:len(source_edition)] == source_edition[:len(edition)]:
        return "same_report"
    return "later_report" if edition > source_edition else "earlier_report"


@cache
def _article(path: str):
    doc = load_document(str(CORPORA / path), "article")
    return doc, extract_claims(doc)


@cache
def _source(path: str):
    return default_checker().prepare(load_document(str(CORPORA / path), "source"))


@cache
def _relation(article: str, source: str):
    doc, claims = _article(article)
    return relate(doc, claims, [_source(source)])


@pytest.mark.slow
def test_relation_right_on_nine_in_ten_real_pairs():
    wrong = [(a, s, _relation(a, s)[0].verdict, expected(a, s)) for a, s in PAIRS
             if _relation(a, s)[0].verdict != expected(a, s)]
    right = len(PAIRS) - len(wrong)
    print(f"relation right on {right} of {len(PAIRS)} pairs")
    assert right >= 0.9 * len(PAIRS), wrong


@pytest.mark.slow
@pytest.mark.parametrize("verdict", ["same_report", "later_report", "earlier_report",
                                     "different_subject"])
def test_every_kind_of_relation_is_tested_and_mostly_found(verdict):
    pairs = [(a, s) for a, s in PAIRS if expected(a, s) == verdict]
    found = sum(_relation(a, s)[0].verdict == verdict for a, s in pairs)
    assert len(pairs) >= 8 and found >= 0.9 * len(pairs), (verdict, found, len(pairs))


# The one pair whose relation is missed: the excerpt of the January 2024 review states no
# date, so an August 2023 article about the May 2023 inspection reads as about it, and its
# quotations of that inspection are not found in the review (QUO02 warnings).
UNDATED_MISS = ("editions/articles/itv-lowdham-2023.md", "wild-dev/hmip-lowdham-2024-newark/source.txt")


@pytest.mark.slow
@pytest.mark.parametrize("article, source", [
    pytest.param(a, s, marks=pytest.mark.xfail(strict=True, reason="relation missed: source undated"))
    if (a, s) == UNDATED_MISS else (a, s)
    for a, s in PAIRS if expected(a, s) in ("later_report", "earlier_report")])
def test_an_article_about_another_edition_raises_no_error_or_warning(article, source):
    doc, claims = _article(article)
    relation, chosen = _relation(article, source)
    parts = ArticleParts.of(claims)
    findings = [f for claim in claims for f in judge(claim, doc, chosen, relation, parts).findings
                if f.severity in ("error", "warning")]
    assert findings == [], (relation, findings)


@pytest.mark.slow
def test_an_article_about_another_subject_raises_no_error_or_warning():
    raised = []
    for article, source in PAIRS:
        if expected(article, source) != "different_subject":
            continue
        doc, claims = _article(article)
        relation, chosen = _relation(article, source)
        parts = ArticleParts.of(claims)
        raised += [(article, source, f.code) for claim in claims
                   for f in judge(claim, doc, chosen, relation, parts).findings
                   if f.severity in ("error", "warning")]
    assert raised == []


# corpora/wild-more: 29 real pairs not tuned on when the relation was written (7 of them
# mismatched: a later estimate or bulletin, an earlier one, a PEEL 2017 article against the
# 2018/19 page), each with the relation a sub-editor gives in its expected.json.
WILD_MORE = CORPORA / "wild-more"
WILD_MORE_EXPECTED = json.loads((WILD_MORE / "expected.json").read_text(encoding="utf-8"))
WILD_MORE_RIGHT = 29  # of 29, measured


@cache
def _wild_more(name: str):
    article = _article(f"wild-more/{name}/article.txt")
    return article, _source(f"wild-more/{name}/source.txt")


@pytest.mark.slow
def test_relation_right_on_the_untuned_wild_more_pairs():
    got = {}
    for name in sorted(WILD_MORE_EXPECTED):
        (doc, claims), source = _wild_more(name)
        got[name] = relate(doc, claims, [source])[0].verdict
    wrong = {n: (v, WILD_MORE_EXPECTED[n]["relation"]) for n, v in got.items()
             if v != WILD_MORE_EXPECTED[n]["relation"]}
    assert len(got) - len(wrong) >= WILD_MORE_RIGHT, wrong


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(n for n, e in WILD_MORE_EXPECTED.items()
                                        if e["relation"] != "same_report"))
def test_a_wild_more_article_about_another_report_raises_no_error_or_warning(name):
    (doc, claims), source = _wild_more(name)
    relation, chosen = relate(doc, claims, [source])
    parts = ArticleParts.of(claims)
    findings = [f for claim in claims for f in judge(claim, doc, chosen, relation, parts).findings
                if f.severity in ("error", "warning")]
    assert findings == [], (relation, findings)
