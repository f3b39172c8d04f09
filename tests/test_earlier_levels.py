"""Earlier levels a release gives through a change, and what they may do.

"The UK unemployment rate was estimated at 4.5%, 0.6 percentage points higher than a year
earlier and 0.4 percentage points higher than the previous quarter" (ONS, October 2020;
corpora/wild-dev) gives 3.9% for June to August 2019 and 4.1% for March to May 2020: a
sub-editor does the subtraction and accepts an article's "compared with 4.1%
previously".  checker works such figures out (checker/extract/figures.py
``earlier_levels``) and lets them confirm an article's figure, never contradict one
(checker/compare/figures.py): they are its arithmetic, not the source's words.

Real release sentences where the corpora have them (ONS labour market and consumer
prices, the Home Office's police workforce release of 30 September 2015 for a per cent
change of a count); the article sentences are written for the tests, as in
tests/test_release_figures.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.engine import Checker
from checker.extract.figures import earlier_levels, read_quantities
from checker.extract.periods import base_months, earlier_period, parse_period
from checker.ingest.documents import document_from_text, load_document
from checker.nlp import parse_many

ROOT = Path(__file__).resolve().parent.parent
LMS = ROOT / "corpora" / "wild-dev"
UNEMPLOYMENT = ("The UK unemployment rate was estimated at 4.5%, 0.6 percentage points higher than a year "
                "earlier and 0.4 percentage points higher than the previous quarter.")
# Police workforce, England and Wales: 30 September 2015 (Home Office, OGL), its opening
POLICE = ("Police workforce, England and Wales: 30 September 2015\n\n"
          "Published 28 January 2016\n\n"
          "2. Key findings\n\n"
          "Between 30 September 2014 and 30 September 2015 there were reductions across all worker types in "
          "the combined 43 police forces in England and Wales (Table 1). There were 125,185 police officers, a "
          "decrease of 1.5% since 30 September 2014, and, in addition, there were 3,074 police officers "
          "employed by the British Transport Police and 339 police officers seconded to central services.\n")


def _worked_out(sentence: str, heading: str = "") -> list[tuple[float, str, str, str]]:
    """(value, unit, period, how) of each earlier level a sentence gives, its figures read
    as a source's are (under a heading's period)."""
    inherited = parse_period(heading) if heading else None
    out = []
    for doc in parse_many([sentence]):
        for sent in doc.sents:
            figures = tuple(q for q, _, _ in read_quantities(sent, inherited))
            out += [(q.value, q.unit, q.period.text, how.explain()) for q, how in earlier_levels(sent.text, figures)]
    return out


@pytest.mark.parametrize("sentence, heading, expected", [
    (UNEMPLOYMENT, "Main points for June to August 2020",
     [(3.9, "%", "June to August 2019", "the 4.5% less the 0.6-point rise on a year earlier"),
      (4.1, "%", "March to May 2020", "the 4.5% less the 0.4-point rise on the previous quarter")]),
    ("The UK employment rate was estimated at 75.6%, 0.3 percentage points lower than a year earlier, and "
     "0.3 percentage points lower than the previous quarter.", "Main points for June to August 2020",
     [(75.9, "%", "June to August 2019", "the 75.6% plus the 0.3-point fall on a year earlier"),
      (75.9, "%", "March to May 2020", "the 75.6% plus the 0.3-point fall on the previous quarter")]),
    ("The UK economic inactivity rate was estimated at 20.8%, 0.2 percentage points lower than the previous "
     "year, but largely unchanged compared with the previous quarter.", "Main points for June to August 2020",
     [(21.0, "%", "June to August 2019", "the 20.8% plus the 0.2-point fall on the previous year")]),
    # the change before the level, as the bulletins' commentary writes it
    ("The unemployment rate increased by 0.4 percentage points on the quarter to 4.5%.",
     "Main points for June to August 2020",
     [(4.1, "%", "March to May 2020", "the 4.5% less the 0.4-point rise on the quarter")]),
    # a month named as the base: the twelve months to it
    ("CPI inflation rose by 7.0% in the 12 months to March 2022, up 0.8 percentage points on February.", "",
     [(6.2, "%", "the 12 months to February 2022", "the 7.0% less the 0.8-point rise since February")]),
    # a count: in the change's unit, to the tenth of a million both are written to
    ("The total number of weekly hours worked was 891.0 million, down 158.2 million hours on the previous "
     "quarter.", "",
     [(1_049_200_000, "hour", "the previous quarter",
       "the 891.0 million plus the fall of 158.2 million hours on the previous quarter")]),
    # a per cent change of a count is a ratio, to the three figures 0.985 carries (127,091 is
    # more than the source says)
    (POLICE.split("\n\n")[-1].split(". ", 1)[1], "",
     [(127_000, "officer", "September 2014",
       "the 125,185 police officers divided by 0.985 (a 1.5% fall since 30 September 2014)")]),
])
def test_a_level_and_its_change_give_the_earlier_level(sentence, heading, expected):
    assert _worked_out(sentence, heading) == expected


@pytest.mark.parametrize("sentence", [
    # the earlier level is stated: nothing to work out
    "The Consumer Prices Index (CPI) rose by 7.0% in the 12 months to March 2022, up from 6.2% in February.",
    "On a monthly basis, CPI rose by 1.1% in March 2022, compared with a rise of 0.3% in March 2021.",
    # a change with no level beside it
    "GDP was 2.1% higher in Quarter 1 (Jan to Mar) 2016 compared with the same quarter a year ago.",
    "Average weekly earnings rose by 0.6% on the year, while prices rose by 1.3%.",
    "UK gross domestic product (GDP) is estimated to have fallen by 0.3% in Quarter 4 (Oct to Dec) 2023, "
    "following an unrevised fall of 0.1% in the previous quarter.",
    # the base is another figure's, not the change's: 4.1% a year earlier is stated
    "The rate rose by 0.2 points to 4.8% in the quarter, compared with 4.1% a year earlier.",
    # a per cent change of a rate may be in points or a ratio: left alone
    "The employment rate was 75.6%, 0.4% lower than a year earlier.",
    # the level counts nothing named (the real NHS England sentence): nothing to hold it to
    "The number of waits longer than a year for treatment has fallen to 282,664, down 28% on last year "
    "(395,170 in Aug 2023) and now make up 3.7% of the waiting list.",
    # the stored ONS bullet stops before its base
    "The total number of weekly hours worked was 891.0 million, down 158.2 million hours on the prev",
    # 'since May' belongs to 'the largest rise', not to the change
    "The unemployment rate rose by 0.4 percentage points to 4.5%, the largest rise since May.",
])
def test_no_earlier_level_where_the_sentence_gives_none(sentence):
    assert _worked_out(sentence, "Main points for June to August 2020") == []


@pytest.mark.parametrize("base, months", [
    ("a year earlier", 12), ("the previous year", 12), ("last year", 12), ("the same quarter a year ago", 12),
    ("the year", 12), ("the previous quarter", 3), ("the quarter", 3), ("the previous three months", 3),
    ("the previous month", 1), ("February", None), ("the previous period", None),
])
def test_how_far_back_a_base_reaches(base, months):
    assert base_months(base) == months


@pytest.mark.parametrize("period, base, expected", [
    ("June to August 2020", "the previous quarter", ("2020-03", "2020-05", 3, "March to May 2020")),
    ("June to August 2020", "a year earlier", ("2019-06", "2019-08", 3, "June to August 2019")),
    ("the 12 months to March 2022", "February", ("2021-03", "2022-02", 12, "the 12 months to February 2022")),
    ("the 12 months to January 2016", "the previous month", ("2015-01", "2015-12", 12,
                                                             "the 12 months to December 2015")),
    ("November 2019 to January 2020", "the previous period", ("2019-08", "2019-10", 3, "August to October 2019")),
])
def test_the_earlier_period_is_dated_from_the_levels(period, base, expected):
    earlier = earlier_period(parse_period(period), base)
    assert (earlier.start, earlier.end, earlier.months, earlier.text) == expected


def test_a_year_back_is_kept_where_the_year_is_left_to_the_reader():
    level = parse_period("the three months to August")
    earlier = earlier_period(level, "a year earlier")
    assert (earlier.end, earlier.years_back, earlier.text) == ("--08", 1, "June to August the year before")
    assert not level.agrees(earlier)  # not the level's own June to August


def test_an_undated_level_leaves_its_earlier_period_open():
    assert not earlier_period(None, "the previous quarter").dated
    assert earlier_period(None, "30 September 2014").end == "2014-09"  # unless the base names its year


@pytest.fixture(scope="module")
def checker():
    return Checker()


def _figures(checker, article: str, source):
    result = checker.check(document_from_text(article, "a.txt", "article"), [source])
    return {c.claim.text: c for c in result.claims if c.claim.kind == "figure"}, result


def test_the_labour_market_coverage_gets_its_earlier_rates(checker):
    """The real pairs: the BBC's "compared with 4.1% previously" and HR Review's
    "previously standing at 3.9 per cent" are the source's, worked out; the evidence is
    the source's own sentence that gives the level and the changes."""
    for pair, figure in (("ons-lms-oct2020-bbc", "4.1%"), ("ons-lms-oct2020-hrreview", "3.9 per cent")):
        folder = LMS / pair
        result = checker.check(load_document(str(folder / "article.txt"), "article"),
                               [load_document(str(folder / "source.txt"), "source")])
        claims = {c.claim.text: c for c in result.claims if c.claim.kind == "figure"}
        assert claims[figure].verdict == "supported" and not claims[figure].findings, (pair, claims[figure])
        assert claims[figure].alignment.evidence[0].text == UNEMPLOYMENT


def test_a_worked_out_value_for_another_period_is_named_not_held(checker):
    """HR Review gives 4.1 per cent for April to June 2020; the source's 4.1% is the
    previous quarter's, March to May.  Not supported, and no more than the information it
    was: the message says what the source works out, and how."""
    folder = LMS / "ons-lms-oct2020-hrreview"
    result = checker.check(load_document(str(folder / "article.txt"), "article"),
                           [load_document(str(folder / "source.txt"), "source")])
    claim = next(c for c in result.claims if c.claim.text == "4.1 per cent")
    assert claim.verdict == "not_in_source"
    assert [(f.code, f.severity) for f in claim.findings] == [("NUM06", "info")]
    assert ("4.1% (UK unemployment rate) in March to May 2020, the 4.5% less the 0.4-point rise on the "
            "previous quarter") in claim.findings[0].message


@pytest.fixture(scope="module")
def labour():
    return load_document(str(LMS / "ons-lms-oct2020-bbc" / "source.txt"), "source")


def _article(sentence: str) -> str:
    return f"Unemployment\n\nThe labour market figures cover June to August 2020.\n\n{sentence}\n"


@pytest.mark.parametrize("sentence, figure", [
    ("The unemployment rate was 3.9% a year earlier.", "3.9%"),
    ("The unemployment rate was 4.1% in the previous quarter, the ONS said.", "4.1%"),
    ("The employment rate fell to 75.6%, from 75.9% a year earlier.", "75.9%"),
    ("The unemployment rate was 4.1% in March to May 2020.", "4.1%"),
])
def test_faithful_earlier_rates_are_no_longer_contradicted(checker, labour, sentence, figure):
    """Each of these was an error (NUM01, the current rate named as the source's) before
    the earlier levels were worked out."""
    claims, result = _figures(checker, _article(sentence), labour)
    assert claims[figure].verdict == "supported"
    assert [f for f in result.findings if f.severity != "info"] == []


def test_a_sentence_held_by_its_figures_includes_a_worked_out_one(checker, labour):
    result = checker.check(document_from_text(
        _article("The unemployment rate rose to 4.5%, compared with 4.1% previously."), "a.txt", "article"), [labour])
    statement = next(c for c in result.claims if c.claim.kind == "statement" and "4.1%" in c.claim.text)
    assert statement.verdict == "supported"


@pytest.mark.parametrize("sentence, figure, verdict, codes", [
    # a value the worked-out ones disagree with: as without them, information only
    ("The unemployment rate rose to 4.5%, compared with 4.2% previously.", "4.2%", "not_in_source", ["NUM06"]),
    # the worked-out 4.1% is March to May's: no NUM04 for April to June (the source states no 4.1%)
    ("The unemployment rate was 4.1% in April to June 2020.", "4.1%", "not_in_source", ["NUM06"]),
    # given as the current rate, it is the current rate's to confirm: still the error it was
    ("The unemployment rate is 4.1%, the ONS said.", "4.1%", "contradicted", ["NUM01"]),
    # the size of a change is never held to an earlier level
    ("The unemployment rate rose by 4.1% in the previous quarter.", "4.1%", "contradicted", ["NUM01"]),
    # 3.9% is a year earlier's, not the previous quarter's
    ("The unemployment rate was 3.9% in the previous quarter.", "3.9%", "contradicted", ["NUM01"]),
])
def test_a_worked_out_value_never_raises_anything_new(checker, labour, sentence, figure, verdict, codes):
    claims, _ = _figures(checker, _article(sentence), labour)
    assert (claims[figure].verdict, [f.code for f in claims[figure].findings]) == (verdict, codes)
    assert all(f.severity == "info" for f in claims[figure].findings) or verdict == "contradicted"


@pytest.fixture(scope="module")
def police():
    return document_from_text(POLICE, "police.txt", "source")


@pytest.mark.parametrize("sentence, figure, verdict", [
    ("There were 125,185 police officers, down from 127,000 a year earlier.", "127,000", "supported"),
    ("There were 127,000 police officers in September 2014.", "127,000 police officers", "supported"),
    # finer than the 1.5% allows (127,027 to 127,156): not confirmed, and not contradicted
    ("There were 125,185 police officers, down from 127,100 a year earlier.", "127,100", "not_in_source"),
    ("There were 125,185 police officers, down from 131,000 a year earlier.", "131,000", "not_in_source"),
])
def test_a_per_cent_change_of_a_count_is_a_ratio(checker, police, sentence, figure, verdict):
    article = f"Police numbers\n\nPolice workforce figures for 30 September 2015 were published today. {sentence}\n"
    claims, result = _figures(checker, article, police)
    assert claims[figure].verdict == verdict
    assert [f for f in result.findings if f.severity != "info"] == []
