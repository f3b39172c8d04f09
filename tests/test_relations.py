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

from checker.compare.edition import past_years
from checker.compare.judge import judge
from checker.compare.parts import ArticleParts
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
    _assert_nothing_raised(*_wild_more(name))


def _assert_nothing_raised(article, source):
    """No claim of an article about another report than ``source`` raises an error or warning."""
    doc, claims = article
    relation, chosen = relate(doc, claims, [source])
    parts = ArticleParts.of(claims)
    findings = [f for claim in claims for f in judge(claim, doc, chosen, relation, parts).findings
                if f.severity in ("error", "warning")]
    assert findings == [], (relation, findings)


# corpora/wild-new: 15 real pairs of genres the relation rules had not seen (CQC care homes,
# DfE, NHS Digital and Home Office statistics, an NAO audit, ONS house prices and
# population, a university release; 3 of them mismatched), labelled before checker ran on
# them.  The first run got 4 of 15 right (corpora/wild-new/first-run.md); the rules were
# then made general: how a source names its subject and edition, how academic and
# financial years and mid-years are compared, a grade an article tells as the source's
# earlier one, a page's own date line.
# corpora/wild-holdout: 15 more, collected and labelled after those rules were written;
# its first run got 10 of 15 right (corpora/wild-holdout/first-run.md); the rules were
# then made general again: a fire and rescue service is a subject, a gerund and 'on' start
# no council's name, a release titled '...: main results 2015', a period a figure is
# compared with is not the article's, a statistic named in the headline or first
# paragraph is the story's whatever else the opening counts, topic words of more releases.
# corpora/wild-final: 14 more, first run 6 of 14 (corpora/wild-final/first-run.md); then:
# a study's press release is about the study (its dateline names where it was issued), a
# report titled by what it is about, a nation's statistic titled by topic, place and year,
# an article's figures dated by the year its opening gives them, a grade the source tells
# as its subject's earlier one.
# corpora/wild-last: 15 more, first run 8 of 15 (corpora/wild-last/first-run.md); then:
# statistics titled with a trailing word, a two-year edition or a month after a title-cased
# name, a publication date after 'Posted on' and a weekday, a plan's years not the past.
UNSEEN = {corpus: json.loads((CORPORA / corpus / "expected.json").read_text(encoding="utf-8"))
          for corpus in ("wild-new", "wild-holdout", "wild-final", "wild-last")}
# The pairs still missed, each raising no error or warning:
UNDECIDED = {
    # the 2019 story on a re-inspection tells the source's 'inadequate' of its earlier
    # inspection and again of the latest: 'unknown' where the label is 'later_report'
    "wild-final/ofsted-moulton-2018-northantstelegraph-2019article",
    # Audit Scotland's release names its report only in running text ('NHS in Scotland
    # 2013/14, published today by Audit Scotland'): no subject, 'unknown'
    "wild-last/auditscotland-nhsinscotland-2014-herald",
    # a care home's undated 2023 story on its October inspection against the release on
    # the October 2022 one (both 'inadequate'): the yearless October is read as the
    # source's, 'same_report' for 'later_report'
    "wild-last/cqc-pinglenook-2022-loughboroughecho-2023article",
    # the December 2019 release against a story whose latest stated period is January to
    # June 2019 (its 2019 total not read as December's): 'earlier_report' for 'same_report'
    "wild-last/nhsdigital-gpappointments-dec2019-gponline",
}


@cache
def _unseen(pair: str):
    return _article(f"{pair}/article.txt"), _source(f"{pair}/source.txt")


@pytest.mark.slow
@pytest.mark.parametrize("pair", [
    pytest.param(pair, marks=pytest.mark.xfail(strict=True, reason="a known miss")) if pair in UNDECIDED else pair
    for pair in sorted(f"{c}/{n}" for c, pairs in UNSEEN.items() for n in pairs)])
def test_relation_right_on_the_pairs_collected_after_the_rules(pair):
    corpus, name = pair.split("/")
    (doc, claims), source = _unseen(pair)
    relation = relate(doc, claims, [source])[0]
    assert relation.verdict == UNSEEN[corpus][name]["relation"], relation.reasons


@pytest.mark.slow
@pytest.mark.parametrize("pair", sorted(f"{c}/{n}" for c, pairs in UNSEEN.items() for n, e in pairs.items()
                                        if e["relation"] != "same_report"))
def test_an_article_about_another_edition_of_those_raises_no_error_or_warning(pair):
    _assert_nothing_raised(*_unseen(pair))


@pytest.mark.slow
@pytest.mark.parametrize("article, source, verdict", [
    # a house-price story names 'prices' once and 'house prices' three times
    ("wild-new/ons-hpi-sep2015-charleslear-aug2015article/article.txt",
     "wild-dev/ons-cpi-mar2022-bbc/source.txt", "different_subject"),
    # a care home's story names the CQC, whose 2013 release never names the home
    ("wild-new/cqc-charnwood-2024-bbc/article.txt", "wild-dev/cqc-2013-healthcareleader/source.txt",
     "different_subject"),
    # a statistics story that quotes a CQC inspector once is not about a CQC release
    ("wild-new/nhsd-mha-2015-16-aol/article.txt", "wild-dev/cqc-2013-healthcareleader/source.txt",
     "different_subject"),
    # one statistic, two editions: 2015/16 against 2021-22 and back
    ("wild-new/nhsd-mha-2015-16-aol/article.txt", "wild-new/nhsd-mha-2021-22-chad/source.txt", "earlier_report"),
    ("wild-new/nhsd-mha-2021-22-chad/article.txt", "wild-new/nhsd-mha-2015-16-aol/source.txt", "later_report"),
    # the round-up of the four trusts is still the CQC release's
    ("wild-dev/cqc-2013-healthcareleader/article.txt", "wild-dev/cqc-2013-healthcareleader/source.txt",
     "same_report"),
])
def test_relation_across_the_wild_new_pairs(article, source, verdict):
    relation = _relation(article, source)[0]
    assert relation.verdict == verdict, relation.reasons


def _relate_texts(article: str, source: str):
    from checker.ingest.documents import document_from_text

    doc = document_from_text(article, "article.txt", "article")
    claims = extract_claims(doc)
    index = default_checker().prepare(document_from_text(source, "source.txt", "source"))
    return relate(doc, claims, [index])[0]


_INADEQUATE = ("Hillside Primary School Ofsted Report\n\nFull inspection result: Inadequate\n\n"
               "Hillside Primary School requires special measures.\n")


def test_an_article_that_tells_the_sources_grade_as_the_earlier_one_is_about_a_later_inspection():
    later = _relate_texts("Hillside school celebrates 'good' rating\n\nHillside Primary School has been "
                          "rated good by Ofsted.\n\nIn March the school was placed in special measures. It "
                          "was visited by inspectors on February 7 and 8 and rated \"inadequate\".\n", _INADEQUATE)
    assert later.verdict == "later_report", later.reasons
    # a headline grade alone that differs may be misreported: it is judged
    same = _relate_texts("Hillside school rated 'good'\n\nHillside Primary School has been rated good "
                         "by Ofsted.\n", _INADEQUATE)
    assert same.verdict == "same_report", same.reasons


def test_a_page_dated_on_a_line_of_its_own_is_dated():
    # a press release dated by its distributor's line, and a story naming only the years
    # its study covers: the same release (once earlier_report)
    release = ("Pressure for positive results puts science under threat\n\n2011-09-13\n\n"
               "A study by the University of Edinburgh examined more than 4,600 papers published between "
               "1990 and 2007.\n")
    story = ("Science under threat\n\nAn analysis by the University of Edinburgh of papers published between "
             "1990 and 2007 found a steady decline.\n")
    assert _relate_texts(story, release).verdict == "same_report"


@pytest.mark.parametrize("sentence, years", [
    ("In April 2019, Crossrail Ltd announced that it plans to introduce services between October 2020 "
     "and March 2021.", []),
    ("The line is scheduled to open in 2022.", []),
    ("The hospital is due to open in 2024.", []),
    ("The council intends to close the school by 2025.", []),
    # 'due to' giving a cause plans nothing
    ("Visits fell in 2020 due to the pandemic.", [2020]),
    ("The works were completed in 2015.", [2015]),
])
def test_a_plans_years_are_not_of_the_past(sentence, years):
    assert past_years(sentence) == years


def test_an_undated_source_is_not_dated_by_its_plans():
    # NAO's release states only the plan's years after 2019: an article mentioning 2019
    # reports it (once earlier_report)
    release = ("In a report, published today, the National Audit Office (NAO) states that Crossrail is past "
               "the point of no return; tunnelling was completed in 2015.\n\nIn April 2019, Crossrail Ltd "
               "announced that it plans to introduce Elizabeth line services on the central section between "
               "October 2020 and March 2021.\n")
    story = ("Crossrail past the point of no return, says National Audit Office\n\nCrossrail is past the point "
             "of no return, the National Audit Office says: tunnelling was completed in 2015. In April 2019, "
             "Crossrail Ltd announced new dates for the central section.\n")
    relation = _relate_texts(story, release)
    assert relation.verdict == "same_report", relation.reasons


_EXCLUSIONS = ("Permanent and fixed-period exclusions in England: 2016 to 2017\n\n"
               "The number of permanent exclusions has increased to 7,720 - up from 6,685 in 2015/16.\n")
_POPULATION = ("Table of contents\n\n- Main points\n- Statistician's comment\n\n1. Main points\n\n"
               "The population of the UK in mid-2018 was estimated to be 66,436,000.\n")


@pytest.mark.parametrize("release, lede, verdict", [
    # academic years
    (_EXCLUSIONS, "There were 6,685 permanent exclusions in 2015-16, up from 5,785 the previous year.",
     "earlier_report"),
    (_EXCLUSIONS, "Permanent exclusions increased from 6,685 in 2015-16 to 7,720 in 2016-17.", "same_report"),
    (_EXCLUSIONS, "Permanent exclusions rose to 8,000 in 2017/18, up from 7,720.", "later_report"),
    # mid-years
    (_POPULATION, "The population of the UK rose by 0.6% over the 12 months to the middle of 2018.", "same_report"),
    (_POPULATION, "The population of the UK in mid-2017 was estimated to be 66 million.", "earlier_report"),
])
def test_academic_years_and_mid_years_are_editions(release, lede, verdict):
    relation = _relate_texts(f"Figures out\n\n{lede}\n", release)
    assert relation.verdict == verdict, relation.reasons


_NO_SUBJECT = "Summary\n\nThings have improved since the last visit, with 12 new teachers.\n"


def test_a_source_naming_no_subject_leaves_the_relation_unknown_and_judges_with_care():
    import checker
    from checker.ingest.documents import document_from_text

    article = document_from_text("Big changes\n\nThe head said the school is \"transformed beyond "
                                 "recognition\". It has 15 new teachers. Parents were pleased. Pupils were "
                                 "pleased too.\n", "a.txt", "article")
    result = checker.check(article, document_from_text(_NO_SUBJECT, "s.txt", "source"))
    assert result.relation.verdict == "unknown"  # never different_subject: nothing says so
    assert all(f.severity != "error" for f in result.findings)
    # that the source lacks a quotation is information when checker cannot tell it is the source
    assert all(f.severity == "info" for f in result.findings if f.code == "QUO02")
