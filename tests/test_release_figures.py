"""Figures as statistics releases give them: measure, period, direction and unit.

The source is the real ONS bulletin of corpora/wild-dev (Consumer price inflation, UK:
March 2022, its main points); each article is one sentence a reporter might write about
it.  Both ways for each rule: the sentence a sub-editor would correct, and the faithful
one beside it that must be left alone.  NUM03 in percentage points has its cases in
tests/test_wild_pairs.py, on the labour-market bulletin.
"""

from __future__ import annotations

import pytest

from checker.engine import Checker
from checker.ingest.documents import document_from_text, load_document

CPI = "corpora/wild-dev/ons-cpi-mar2022-national/source.txt"
# A fuel release in the style of the government's weekly road fuel prices.
FUEL = ("Weekly road fuel prices: 2 May 2022\n\n"
        "The average price of diesel fell by 5.1 pence a litre in the week to 2 May 2022, "
        "to 176.4 pence a litre.\n\n"
        "Petrol prices rose by 1.2% over the same week.\n")


@pytest.fixture(scope="module")
def check():
    checker = Checker()
    sources = {"cpi": load_document(CPI, "source"), "fuel": document_from_text(FUEL, "fuel.txt", "source")}
    # as a real article does, the lead says which release it reports: a sentence about a
    # comparison month alone would be about an earlier edition (tests/test_relations.py)
    lead = {"cpi": "The latest consumer price inflation figures cover March 2022.",
            "fuel": "The weekly road fuel prices cover the week to 2 May 2022."}

    def run(sentence: str, source: str = "cpi"):
        article = document_from_text(f"Inflation figures\n\n{lead[source]}\n\n{sentence}\n", "a.txt", "article")
        result = checker.check(article, [sources[source]])
        return result, [f for f in result.findings if f.severity != "info"]

    return run


@pytest.mark.parametrize("sentence, code, words", [
    # NUM04: another period's figure given as this one's
    ("The CPIH rose by 5.5% in the 12 months to March 2022.", "NUM04", ("5.5%", "February")),
    ("CPI inflation was 6.2% in the 12 months to March 2022, the ONS said.", "NUM04", ("6.2%", "February")),
    # NUM05: the other direction, or a level given as the size of a change
    ("On a monthly basis, CPI fell by 1.1% in March 2022.", "NUM05", ("fall", "rise")),
    # NUM03: the difference of two rates given as a per cent change
    ("CPI inflation rose to 7% in the 12 months to March 2022, up by 0.8% on February.", "NUM03",
     ("0.8 per cent", "6.2%", "0.8 percentage points")),
    ("The CPI rate rose by 6.2% to 7.0% in the 12 months to March 2022.", "NUM05", ("6.2%", "level")),
])
def test_release_misreported(check, sentence, code, words):
    _, findings = check(sentence)
    assert [f.code for f in findings] == [code], [f.message for f in findings]
    for word in words:
        assert word in findings[0].message, findings[0].message


@pytest.mark.parametrize("sentence", [
    "The CPIH rose by 6.2% in the 12 months to March 2022, up from 5.5% in February.",
    "CPI inflation rose to 7% in the 12 months to March, from 6.2% in February.",
    "On a monthly basis, CPI rose by 1.1% in March 2022, compared with 0.3% in March 2021.",
    "Consumer prices rose 7.0% in the year to March 2022, the ONS said.",
    "CPI rose by 0.3% in March 2021.",  # the source's comparison month, with its own figure
    "CPI inflation rose to 7% in the 12 months to March 2022, up 0.8 percentage points on February.",
])
def test_release_faithful(check, sentence):
    result, findings = check(sentence)
    assert findings == [], [f.message for f in findings]
    figures = [c for c in result.claims if c.claim.kind == "figure"]
    assert figures and all(c.verdict == "supported" for c in figures), \
        [(c.claim.text, c.verdict) for c in figures]


def test_another_period_is_never_support(check):
    # 'up from 6.2% in February' is not March's 6.2%: nothing supports the claim
    result, _ = check("The CPI rose by 6.2% in the 12 months to March 2022.")
    verdicts = {c.claim.text: c.verdict for c in result.claims if c.claim.kind == "figure"}
    assert verdicts["6.2%"] != "supported"


def test_pence_given_as_per_cent(check):
    _, findings = check("Diesel prices dropped 5.1% in the week to 2 May.", "fuel")
    assert [f.code for f in findings] == ["NUM03"] and "pence" in findings[0].message
    _, faithful = check("Diesel fell by 5.1p a litre, while petrol rose by 1.2%.", "fuel")
    assert faithful == []


def test_an_unattributed_figure_the_source_lacks_is_information(check):
    result, findings = check("Food prices rose by 5.9% in the 12 months to March 2022.")
    info = [f for f in result.findings if f.code == "NUM06"]
    assert findings == [] and [f.severity for f in info] == ["info"]


_TABLE = ("Consumer price inflation, UK: July 2012\n\n"
          "The Consumer Prices Index (CPI) 12-month rate was 2.6% in July 2012.\n\n"
          "Table 1: Consumer Prices Index, UK\n\n"
          "Month\tIndex\t1-month rate\t12-month rate\n\n"
          "2012\n\n"
          "Jun 121.4 -0.4 2.4\n\n"
          "Jul 121.6 0.1 2.6\n")


def test_table_rows_are_read_by_their_headers_and_inherited_year():
    from checker.extract.tables import read_tables
    from checker.ingest.passages import split_passages

    cells = [q for figures in read_tables(list(split_passages(_TABLE))).values() for q, _, _ in figures]
    june = [(q.value, q.unit, q.measure) for q in cells if q.period.end == "2012-06"]
    assert june == [(121.4, "", "Index"), (-0.4, "%", "1-month rate"), (2.4, "%", "12-month rate")]


@pytest.mark.parametrize("sentence, verdict", [
    ("The CPI 12-month rate was 2.4% in June 2012.", "supported"),
    ("The CPI 12-month rate was 2.6% in June 2012.", "contradicted"),  # July's rate (NUM04)
])
def test_a_table_row_gives_its_months_figures(sentence, verdict):
    checker = Checker()
    source = document_from_text(_TABLE, "cpi.txt", "source")
    article = f"Inflation\n\nThe inflation figures cover July 2012.\n\n{sentence}\n"
    result = checker.check(document_from_text(article, "a.txt", "article"), [source])
    rates = [c for c in result.claims if c.claim.kind == "figure" and c.claim.payload.unit == "%"]
    assert [c.verdict for c in rates] == [verdict], [(c.claim.text, c.findings) for c in rates]


_FOOD = ("Consumer price inflation, UK: October 2022\n\n"
         "The Consumer Prices Index (CPI) rose by 11.1% in the 12 months to October 2022, up from "
         "10.1% in September.\n\n"
         "Food and non-alcoholic beverage prices rose by 16.4% in the year to October 2022, up from "
         "14.5% in September.\n")


@pytest.mark.parametrize("sentence, codes", [
    ("Food prices rose by 11.1% in the 12 months to October 2022.", ["NUM07"]),  # the all-items rate
    ("Food prices rose by 16.4% in the year to October.", []),
    ("Consumer prices rose by 11.1% in the year to October 2022.", []),
])
def test_another_measures_figure(sentence, codes):
    checker = Checker()
    source = document_from_text(_FOOD, "cpi.txt", "source")
    result = checker.check(document_from_text(f"Prices\n\n{sentence}\n", "a.txt", "article"), [source])
    found = [f for f in result.findings if f.severity != "info"]
    assert [f.code for f in found] == codes, [f.message for f in result.findings]
    if codes:
        assert "16.4%" in found[0].message  # the article's measure's own figure is named


def test_another_measure_the_source_gives_nothing_for_is_information(check):
    result, findings = check("Food prices rose by 7% in the 12 months to March 2022.")
    assert findings == [] and [f.code for f in result.findings if f.code.startswith("NUM")] == ["NUM07"]


def test_a_figure_attributed_to_the_release_that_it_lacks(check):
    checker = Checker()
    source = document_from_text(_FOOD, "cpi.txt", "source")
    result = checker.check(document_from_text(
        "Prices\n\nThe inflation figures cover October 2022.\n\n"
        "ONS figures show food prices rose by 15.9% in the 12 months to August 2022, and the CPI "
        "by 11.1% in the 12 months to October 2022.\n",
        "a.txt", "article"), [source])
    warned = [f for f in result.findings if f.severity != "info"]
    assert [(f.code, f.severity) for f in warned] == [("NUM06", "warning")]
    assert "16.4%" in warned[0].message  # the measure's figures the release does give
    # the real bulletin's excerpt stops mid-sentence: the same absence there is a note
    _, findings = check("ONS figures show the CPI rose by 7.4% in the 12 months to April 2022.")
    assert findings == []
