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
    checker = Checker()
    sources: dict[str, object] = {}

    def run(source: str, text: str):
        if source not in sources:
            sources[source] = load_document(str(CORPORA / source), "source")
        return checker.check(document_from_text(text + "\n", "a.txt", "article"), [sources[source]])

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
    assert verdict == "not_in_source" and all(severity == "info" for _, severity in findings), findings


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
