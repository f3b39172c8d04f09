"""What kind of figure a number is, on real sentences that checker once misjudged: a
rate is another measure than a count, a qualified noun another thing, a time the source
only compares with another period; a change is not a level, nor a level a change; a
duration that spans a run or a record is no measured length.  Each case is a sentence of
a real article (corpora/seeds, wild-more, wild-new) checked against its real source, or
the faithful sentence beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.engine import Checker
from checker.ingest.documents import document_from_text, load_document

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


@pytest.fixture(scope="module")
def pair():
    """A text checked as an article against a corpus source; ``relation`` forces what the
    article is to the source (the rules of a figure's time are for the articles whose
    relation checker cannot tell: 'unknown'), else checker decides it."""
    from checker.compare.judge import judge
    from checker.compare.parts import ArticleParts
    from checker.extract import extract_claims
    from checker.model import CheckResult, Relation

    checker = Checker()
    sources: dict[str, object] = {}

    def run(source: str, text: str, relation: str | None = None):
        if source not in sources:
            sources[source] = load_document(str(CORPORA / source), "source")
        article = document_from_text(text + "\n", "a.txt", "article")
        if relation is None:
            return checker.check(article, [sources[source]])
        index = checker.prepare(sources[source])
        claims = extract_claims(article)
        parts = ArticleParts.of(claims)
        forced = Relation(relation, index.document.uri)
        return CheckResult(article, (sources[source],), forced,
                           tuple(judge(c, article, index, forced, parts) for c in claims))

    return run


def figure(result, text: str):
    """The verdict and findings of the figure claim whose text starts with ``text``."""
    found = [c for c in result.claims if c.claim.kind == "figure" and c.claim.text.startswith(text)]
    assert found, [c.claim.text for c in result.claims if c.claim.kind == "figure"]
    return found[0].verdict, [(f.code, f.severity) for f in found[0].findings]


SEED = "seeds/ofsted-2015-03-27-somerset-childrens-services-report.txt"
CPI_DEC = "wild-more/ons-cpi-dec2022-itv/source.txt"
# as a real article does, the lead says which release it reports (tests/test_relations.py)
CPI_LEAD = "UK inflation eased to 10.5% in the 12 months to December 2022, the ONS said.\n\n"
SEED_LEAD = "Somerset County Council's children's services have been inspected by Ofsted.\n\n"


def test_a_span_of_failings_is_no_figure_to_find(pair):
    # seeds, local news: once a NUM06 note 'The source does not give 2 years'
    result = pair(SEED, SEED_LEAD + "It follows two years of failings and controversy - the latest of "
                  "which saw interim director of Children's Services Peter Lewis - leave.")
    assert figure(result, "two years") == ("not_in_source", [])


def test_the_count_keeps_its_window_and_the_window_is_no_figure(pair):
    # seeds, BBC: the NUM01 stays; the note 'The source does not give 5 years in January' is gone
    result = pair(SEED, SEED_LEAD + "Julian Wooster, who was appointed in January, is the fifth director "
                  "in five years.")
    assert figure(result, "fifth director") == ("contradicted", [("NUM01", "error")])
    assert [c.claim.text for c in result.claims if c.claim.kind == "figure"] == ["fifth director"]


def test_a_records_span_is_silent_where_the_source_does_not_give_it(pair):
    # ONS CPI December 2022, ITV: once a NUM06 note 'The source does not give 45 years'
    result = pair(CPI_DEC, CPI_LEAD + "Food and drink prices hit 16.4% in November – the highest for 45 years.")
    assert figure(result, "45 years") == ("not_in_source", [])


DFE = "wild-new/dfe-exclusions-2016-17-tes/source.txt"  # DfE exclusions 2016/17, as TES quoted it


@pytest.mark.parametrize("sentence, text", [
    # TES: a rate a day is not the source's rate per 10,000 pupils (once NUM01 against '20 pupils')
    ("The number of permanent exclusions from state schools has risen by 15 per cent, with 40 pupils "
     "now being banned from their school every day.", "40 pupils"),
    # TES: fixed-period exclusions are not the source's permanent ones (once NUM01 against 40.6)
    ("There were around 2,010 fixed-period exclusions per day in 2016-17, up from an average of 1,786 "
     "per day in 2015-16.", "around 2,010"),
    # the Guardian: a year's count is not the source's count a day (once NUM01 against 40.6)
    ("There were 6,685 permanent exclusions in 2015-16, up from 5,785 the previous year", "6,685"),
])
def test_a_rate_or_another_kind_of_the_noun_is_another_measure(pair, sentence, text):
    verdict, findings = figure(pair(DFE, sentence), text)
    assert verdict != "contradicted" and all(severity == "info" for _, severity in findings), findings


@pytest.mark.parametrize("sentence, text", [
    ("This means there were around 40.6 permanent exclusions per day in 2016-17, up from 35.2 per day "
     "in 2015-16.", "around 40.6"),
    ("The rate of permanent exclusions increased from 0.08 per cent to 0.10 per cent of pupil enrolments, "
     "which means that around 10 pupils per 10,000 were excluded.", "around 10 pupils"),
])
def test_the_same_rate_holds(pair, sentence, text):
    assert figure(pair(DFE, sentence), text) == ("supported", [])


@pytest.mark.parametrize("sentence, text", [
    # the report's one count of directors is over ten years; a count over no window is not it
    ("Mr Wooster is the twelfth director to run the department.", "twelfth director"),
    ("The council has appointed 12 directors.", "12 directors"),
])
def test_a_lone_count_over_a_window_is_not_held_to_a_count_over_none(pair, sentence, text):
    verdict, findings = figure(pair(SEED, SEED_LEAD + sentence), text)  # once NUM01 against eight
    assert verdict == "not_in_source" and findings == [("NUM06", "info")], findings


def test_two_digit_numbers_slip_only_by_transposition():
    from checker.compare.figures import digit_slip

    assert digit_slip(428, 482) and digit_slip(3067, 3607) and digit_slip(59.6, 95.6) and digit_slip(65, 56)
    assert digit_slip(472, 742) and digit_slip(350, 305)
    assert not digit_slip(40, 20) and not digit_slip(81, 83)  # once 'slips' that pointed at another figure


GUARDIAN_LEAD = ("There were 6,685 permanent exclusions in 2015-16, up from 5,785 the previous year\n\n"
                 "Pupils in England were expelled on 6,685 occasions compared with 5,785 occasions in 2014-15, "
                 "which is the equivalent of around 35.2 exclusions a day in 2015-16, up from an average of 30.5.")


@pytest.mark.parametrize("sentence, text", [
    # the Guardian on 2015/16 against the 2016/17 release, which gives 2015/16 only to compare
    # with: its undated 83% and '20 pupils per 10,000' are 2016/17's (once NUM01 on both)
    ("Eight in ten of those exclusions were from secondary schools (81%).", "81%"),
    ("Department for Education statistics show that the rate of permanent exclusions from all state "
     "schools is equivalent to eight pupils per 10,000, up from seven per 10,000 the previous year.",
     "eight pupils"),
])
def test_a_figure_of_the_time_the_source_only_compares_with_is_not_held_to_its_own(pair, sentence, text):
    verdict, findings = figure(pair(DFE, GUARDIAN_LEAD + " " + sentence, "unknown"), text)
    assert verdict == "not_in_source" and all(severity == "info" for _, severity in findings), findings


def test_a_sentence_dated_to_the_compared_time_is_not_held_to_the_sources_own(pair):
    # an article on 2016/17 that gives one 2015/16 figure: the source's 83% is 2016/17's
    result = pair(DFE, "There were 7,720 permanent exclusions in 2016-17, up from 6,685 in 2015-16. In 2015-16, "
                  "most permanent exclusions (81%) were in secondary schools.")
    verdict, findings = figure(result, "81%")
    assert verdict == "not_in_source" and all(severity == "info" for _, severity in findings), findings


def test_the_source_gives_the_compared_times_own_figures(pair):
    result = pair(DFE, GUARDIAN_LEAD, "unknown")
    assert figure(result, "6,685 permanent exclusions") == ("supported", [])  # 'up from 6,685 in 2015/16'


def test_a_figure_of_the_sources_own_time_is_still_held_to_it(pair):
    # the same sentence in an article on 2016/17 is the source's 83%'s to contradict
    result = pair(DFE, "There were 7,720 permanent exclusions in 2016-17. Most of those exclusions "
                  "were from secondary schools (81%).")
    assert [code for code, _ in figure(result, "81%")[1]] == ["NUM01"]
    result = pair(DFE, "The number of permanent exclusions increased to 7,270 in 2016-17.")
    assert [code for code, _ in figure(result, "7,270")[1]] == ["NUM01"]  # a slip for 7,720


HPI = "wild-new/ons-hpi-sep2015-charleslear-aug2015article/source.txt"


def test_an_articles_undated_figures_are_for_its_own_time(pair):
    # Charles Lear on the August 2015 index against the September bulletin (once NUM01 on each)
    result = pair(HPI, "UK house prices have increased 5.2% in the year to August 2015, excluding London and "
                  "the South East where the increase was just 4.8%.\n\nPrices increased in England by 5.6%, "
                  "0.8% in Wales, 2.9% in Northern Ireland and fell 0.9% in Scotland, says the latest figures.",
                  "unknown")
    for text in ("4.8%", "5.6%", "0.8%", "2.9%", "0.9%"):
        verdict, findings = figure(result, text)
        assert verdict == "not_in_source" and all(severity == "info" for _, severity in findings), (text, findings)


WOOD = "wild-more/ons-cpi-dec2022-woodscanner/source.txt"  # CPI December 2022
WOOD_LEAD = "In December, UK inflation declined to 10.5%, representing a 2-month drop from a peak of 11.1% in October.\n\n"


def test_a_fall_by_the_level_before_the_change_is_another_direction(pair):
    # wild-more, marked: the source's 10.7% is November's rate ('down from 10.7% in November'), a rise
    # of the index, not a fall of it (once 'supported': placed loosely, below SAME_CONTEXT)
    result = pair(WOOD, WOOD_LEAD + "In November, the Consumer Price Index fell by 10.7%, while the Consumer "
                  "Price Index including owners of Homes (CPIH) fell from 9.3% in November to 9.2% last month.")
    verdict, findings = figure(result, "10.7%")
    assert (verdict, findings) == ("contradicted", [("NUM05", "warning")])
    assert [c.verdict for c in result.claims if c.claim.kind == "statement" and "10.7%" in c.claim.text] == [
        "not_in_source"]


@pytest.mark.parametrize("sentence", [
    "UK inflation was 10.7% in November.",
    "In November, the Consumer Price Index fell to 10.7%.",  # from 11.1% in October
    "Inflation fell to 10.5% in December from 10.7% in November.",
])
def test_the_rate_before_the_change_given_as_it_is_holds(pair, sentence):
    assert figure(pair(WOOD, WOOD_LEAD + sentence), "10.7%") == ("supported", [])


NHSE = "wild-more/nhse-performance-sep2024-like123/source.txt"  # NHS England, September 2024
NHSE_LEAD = "New NHS data showed a record of 2.21m A&E attendances in September this year.\n\n"


def test_a_rise_the_source_does_not_state_is_not_in_it(pair):
    # wild-more: the source gives '530,824 emergency admissions' in 'their busiest ever September',
    # and no rise (once 'supported', and its sentence with it)
    result = pair(NHSE, NHSE_LEAD + "Emergency admissions also climbed to over 530,000 in September.")
    assert figure(result, "over 530,000") == ("not_in_source", [("NUM06", "info")])
    assert [c.verdict for c in result.claims if c.claim.kind == "statement" and "530,000" in c.claim.text] == [
        "not_in_source"]


def test_the_level_the_source_states_holds(pair):
    result = pair(NHSE, NHSE_LEAD + "There were over 530,000 emergency admissions in September.")
    assert figure(result, "over 530,000") == ("supported", [])


def test_a_fall_is_not_held_to_a_rise_placed_alike(pair):
    # wild-more, Retail Week: '1%' was 'supported' by CPIH's rise of 0.6% (which rounds to it)
    result = pair("wild-more/ons-cpi-jan2016-retailweek/source.txt",
                  "UK inflation rose 0.3% in January\n\nFood and non-alcoholic drink prices slipped 0.6% between "
                  "December and January as opposed to a 1% fall a year earlier.")
    assert figure(result, "1%")[0] == "not_in_source"


def test_a_lone_count_where_neither_names_a_time_is_still_held(pair):
    # XSum (corpora/external): a summary's '23-year-old' against the story's one age, '25-year-old'
    import json

    record = next(r for r in map(json.loads, (CORPORA / "external" / "xsum_hallucination_numeric_val.jsonl")
                                 .read_text(encoding="utf-8").splitlines()) if r["id"] == "xsumhallu-39017131-Gold")
    checker = Checker()
    result = checker.check(document_from_text(record["claim"], "a.txt", "article"),
                           [document_from_text(record["source_text"], "s.txt", "source")])
    verdict, findings = figure(result, "23-year-old")
    assert verdict == "contradicted" and [code for code, _ in findings] == ["NUM01"]
