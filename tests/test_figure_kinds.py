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
