"""When a statement is the source's: a sentence that reports the source's figures in its
own words is supported when every figure in it is (measure, period and unit checked) and
every other number in it stands in the source with what it counts; a sentence reporting
what someone found is supported only when what they found is held. Real pairs from
corpora/wild-dev and wild-more."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.engine import Checker
from checker.ingest.documents import document_from_text, load_document

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


@pytest.fixture(scope="module")
def checker():
    return Checker()


def _statement(checker, pair: str, needle: str):
    folder = CORPORA / pair
    result = checker.check(load_document(str(folder / "article.txt"), "article"),
                           [load_document(str(folder / "source.txt"), "source")])
    return next(c for c in result.claims if c.claim.kind == "statement" and needle in c.claim.text)


def test_a_reworded_figure_sentence_is_supported_and_cites_the_figures_sentence(checker):
    claim = _statement(checker, "wild-dev/ons-cpi-mar2022-wontumi", "adjusted to include owner-occupied")
    assert claim.verdict == "supported"
    assert claim.alignment.evidence[0].text.startswith(
        "The Consumer Prices Index including owner occupiers' housing costs (CPIH) rose by 6.2%")


@pytest.mark.parametrize("pair,needle", [
    # "within four years" where the source has the four-hour standard: the figures (74.2%,
    # 95%) are the source's, but "four years" is not
    ("wild-more/nhse-performance-sep2024-healthcaremanagement", "within four years"),
    # the excerpt names the inspections and their leader, not that all hospitals had areas
    # for improvement
    ("wild-dev/cqc-2013-healthcareleader", "concluded that all hospitals"),
    # the excerpt holds the 'concerning state' of the last two inspections, not these dates
    ("wild-more/hmip-lewes-2024-sussexexpress", "between February 5 and 16"),
    # "trapped" is not the release's word, however well the rest matches
    ("wild-more/hmip-lewes-2024-yahoo-bbc", 'is "trapped" in a cycle'),
])
def test_a_sentence_the_source_holds_only_in_part_is_not_supported(checker, pair, needle):
    assert _statement(checker, pair, needle).verdict == "not_in_source"


def test_what_was_found_is_supported_where_the_source_says_it(checker):
    claim = _statement(checker, "wild-dev/exeter-greenspace-2014-exepose", "have found that green space")
    assert claim.verdict == "supported"


SOURCE = """Consumer price inflation, UK: March 2022

The Consumer Prices Index (CPI) rose by 7.0% in the 12 months to March 2022, up from 6.2% in February.

On a monthly basis, CPI rose by 1.1% in March 2022, compared with a rise of 0.3% in March 2021.
"""


@pytest.mark.parametrize("sentence,verdict", [
    ("Inflation stood at 7 percent in the 12 months to March 2022, climbing from 6.2 percent in February.",
     "supported"),
    # one of its figures is another period's: the sentence is not the source's
    ("Inflation stood at 7 percent in the 12 months to March 2022, climbing from 5.5 percent in February.",
     "not_in_source"),
])
def test_every_figure_must_hold(checker, sentence, verdict):
    article = document_from_text("UK inflation, March 2022\n\n" + sentence + "\n", "a.txt", "article")
    source = document_from_text(SOURCE, "release.txt", "source")
    result = checker.check(article, [source])
    [claim] = [c for c in result.claims if c.claim.kind == "statement" and "stood at" in c.claim.text]
    assert claim.verdict == verdict


def test_a_figure_sentence_is_read_under_the_releases_title(checker):
    # "UK" and "inflation" are the release's title's words, not its sentence's: a reader
    # reads every figure of a release under its title
    claim = _statement(checker, "wild-dev/ons-cpi-mar2022-wontumi", "UK inflation rose by 7 percent")
    assert claim.verdict == "supported"
    assert claim.alignment.evidence[0].text.startswith("The Consumer Prices Index (CPI) rose by 7.0%")


def test_what_a_release_showed_is_held_without_the_words_that_attribute_it(checker):
    # "Data from the Office for National Statistics showed that ...": the words naming
    # the publisher are the frame; what it showed is the source's monthly CPI figure
    claim = _statement(checker, "wild-more/ons-cpi-oct2022-internationalinvestment", "on a monthly basis")
    assert claim.verdict == "supported"


def test_a_sentence_giving_the_reports_grades_is_held_by_them(checker):
    # every grade it gives is the report's (adoption "requires improvement", the rest
    # "inadequate"), cited as the report's table row
    article = load_document(str(CORPORA / "seeds" / "local-news-2015-03-27-somerset-branded-inadequate.txt"), "article")
    source = load_document(str(CORPORA / "seeds" / "ofsted-2015-03-27-somerset-childrens-services-report.txt"), "source")
    result = checker.check(article, [source])
    [claim] = [c for c in result.claims if c.claim.kind == "statement" and c.claim.text.startswith("All bar Adoption")]
    assert claim.verdict == "supported"
    assert claim.alignment.evidence[0].text == "2.1 Adoption performance — Requires improvement"


@pytest.mark.parametrize("sentence", [
    # a grade the report does not give this area
    "All bar Adoption performance, which was given \"good\", were given an inadequate by the statutory body.",
    # a date alone holds nothing: 2014 stands in passages that say nothing of a framework
    "This is Somerset's first inspection under Ofsted's new single inspection framework introduced in 2014.",
])
def test_a_sentence_is_not_held_by_a_wrong_grade_or_by_a_date_alone(checker, sentence):
    article = document_from_text("Somerset children's services\n\n" + sentence + "\n", "a.txt", "article")
    source = load_document(str(CORPORA / "seeds" / "ofsted-2015-03-27-somerset-childrens-services-report.txt"), "source")
    result = checker.check(article, [source])
    [claim] = [c for c in result.claims if c.claim.kind == "statement"]
    assert claim.verdict != "supported"


def test_a_term_one_word_off_the_sources_is_raised_not_supported(checker):
    # "crime reporting" for the source's "crime recording" (also written crime-recording)
    claim = _statement(checker, "wild-more/hmicfrs-avonsomerset-peel2016-gazetteseries", "crime reporting")
    assert claim.verdict == "contradicted"
    assert [f.code for f in claim.findings] == ["ENT01"]
    assert "which has 'crime" in claim.findings[0].message and "recording'" in claim.findings[0].message


def test_a_month_the_release_gives_without_its_year_is_read_with_it(checker):
    # "up from 5.5% in February" in the release, "in February 2022" in the article
    claim = _statement(checker, "wild-dev/ons-cpi-mar2022-wontumi", "adjusted to include owner-occupied")
    dates = [c for c in checker.check(
        load_document(str(CORPORA / "wild-dev/ons-cpi-mar2022-wontumi/article.txt"), "article"),
        [load_document(str(CORPORA / "wild-dev/ons-cpi-mar2022-wontumi/source.txt"), "source")]).claims
        if c.claim.kind == "date" and c.claim.text == "February 2022"]
    assert claim.verdict == "supported" and [d.verdict for d in dates] == ["supported"]


def test_the_dated_period_of_a_figure_is_checked_with_it(checker):
    # "in the three months to August" is the 4.5%'s period, held to the release's June to
    # August 2020; 4.1% is the level the release gives through its change (4.5% less 0.4)
    claim = _statement(checker, "wild-dev/ons-lms-oct2020-bbc", "grew to 4.5% in the three months")
    assert claim.verdict == "supported"


def test_what_the_source_said_is_held_without_its_frame(checker):
    # "In her report, which was published on November 15, inspector Linda Jacobs said":
    # the date and the name are claims of their own; what she said is the report's
    claim = _statement(checker, "wild-dev/ofsted-fieldplace-2017", "overgenerous view")
    assert claim.verdict == "supported"
    assert "overgenerous view of the quality of teaching" in claim.alignment.evidence[0].text


def test_a_short_statement_must_be_told_by_one_sentence(checker):
    # "inflation", "rate", "prices" and "rise" stand in one long passage of the bulletin,
    # each in a sentence about something else: it does not define inflation
    claim = _statement(checker, "wild-dev/ons-cpi-mar2022-bbc", "Inflation is the rate at which prices rise")
    assert claim.verdict == "not_in_source"


@pytest.mark.parametrize("sentence,verdict", [
    ("The library was refurbished last summer, the report said.", "supported"),
    # words of one sentence, but not its account: spread over sentences on other things
    ("The library opens on Sundays in summer.", "not_in_source"),
])
def test_short_statements_against_one_passage_of_several_sentences(checker, sentence, verdict):
    source = document_from_text(
        "Town services review\n\nThe library on the high street was refurbished last summer. "
        "Parking charges will rise in the autumn. The swimming pool opens on Sundays only. "
        "Visitors praised the summer fair.\n", "review.txt", "source")
    article = document_from_text(sentence + "\n", "a.txt", "article")
    [statement] = [c for c in checker.check(article, [source]).claims if c.claim.kind == "statement"]
    assert statement.verdict == verdict
