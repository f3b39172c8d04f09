"""The alignment cascade on small sources: where it cites a passage, where two passages
together, and where nothing (a claim the source does not hold must not borrow a
passage that merely shares a word or two with it); and evidence quoted in the source's
own words, a sentence or a table row."""

from __future__ import annotations

import pytest

from checker.engine import Checker
from checker.ingest.documents import document_from_text, load_document
from checker.match.index import SourceIndex, best_sentence, clauses
from checker.model import Claim, Span

REPORT = [
    "Children's services in the county are inadequate.",
    "Leadership, management and governance",
    "The continual churn in the senior leadership team over the last ten years has "
    "hampered progress.",
    "This includes eight different Directors of Children's Services.",
    "Adoption performance requires improvement.",
    "Foster carers are well supported by their supervising social workers.",
    "Since the last inspection in 2013, services have not improved sufficiently.",
]


def _align(text: str, sentences: list[str] = REPORT):
    index = SourceIndex.of_sentences(sentences)
    claim = Claim(id="c", kind="statement", span=Span(0, len(text)), text=text)
    return index.align(claim, text, clauses(text))


def test_a_sentence_taken_word_for_word_is_exact():
    alignment = _align("Adoption performance requires improvement.")
    assert alignment.method == "exact"
    assert [e.passage for e in alignment.evidence] == ["s4"]


def test_a_claim_told_across_two_adjacent_sentences_cites_both():
    # neither sentence alone holds enough of it; the two together do
    alignment = _align("Eight Directors came and went amid the leadership churn.")
    assert alignment.method == "adjacent"
    assert [e.passage for e in alignment.evidence] == ["s3", "s2"]  # the one holding more first
    assert all(e.text in REPORT for e in alignment.evidence)  # the source's own words


def test_a_claim_the_source_does_not_hold_cites_nothing():
    alignment = _align("The council has appointed a permanent director who took over two weeks ago.")
    assert alignment.evidence == ()
    assert alignment.method == "none"


def test_two_neighbours_each_sharing_a_common_word_are_not_a_pair():
    # 'services' and 'children' stand in many sentences: a pair must hold the claim's
    # distinctive words, not just its common ones; at most the nearest passage is shown,
    # and that is never support
    alignment = _align("Payments to independent children's services consultants doubled last year.")
    assert alignment.method in ("near", "none")
    assert alignment.held == ()


ACCOUNT = [
    "The council published its budget for the coming year in March.",
    "Parking charges in the town centre will rise.",
    "The library on the high street was refurbished last summer.",
    "Its reading room now opens on Sundays.",
    "Visitor numbers have climbed since the work was finished.",
    "A new children's section was added on the first floor.",
    "Road repairs on the ring road begin in the autumn.",
    "The swimming pool will close for a month for maintenance.",
]


def test_a_claim_no_passage_holds_is_pointed_to_where_the_source_tells_of_it():
    # no sentence, nor two together, holds enough of it, but the library's account, told
    # over four sentences, does: the nearest passage is cited from there, only as the nearest
    text = "On Sundays the library is full of visitors and children, flocking in."
    alignment = _align(text, ACCOUNT)
    assert alignment.method == "near"
    assert alignment.best.passage in ("s2", "s3", "s4", "s5")
    assert alignment.held == ()


def test_a_statement_only_the_nearest_passage_tells_of_is_not_in_the_source():
    source = document_from_text("\n\n".join(ACCOUNT) + "\n", "report.txt", "source")
    article = document_from_text("On Sundays the library is full of visitors and children, flocking in.\n",
                                 "a.txt", "article")
    [statement] = [c for c in Checker().check(article, [source]).claims if c.claim.kind == "statement"]
    assert statement.alignment.method == "near"
    assert statement.verdict == "not_in_source"


def test_evidence_quotes_the_sentence_of_the_source_that_holds_it():
    passage = "Adoption is good. The overall judgement is that services are inadequate. Staff work hard."
    # a fragment is quoted as the sentence it stands in, not as the fragment
    assert best_sentence(passage, "judgement is that services") == REPORT_SENTENCE
    # checker's own summary of a judgement is quoted as the source's sentence
    assert best_sentence(passage, "the overall judgement: inadequate") == REPORT_SENTENCE


REPORT_SENTENCE = "The overall judgement is that services are inadequate."


@pytest.mark.parametrize("sentence,passage,quoted", [
    ("Ofsted rated Somerset County Council's children's services inadequate.",
     "Heading: The overall judgement", "The overall judgement is that children's services are inadequate"),
    # a judgement read from a table cites the table row
    ("Adoption performance was rated requires improvement.", "Table row 2.1",
     "2.1 Adoption performance — Requires improvement"),
])
def test_a_judgement_is_cited_in_the_reports_words(sentence, passage, quoted):
    report = load_document("corpora/seeds/ofsted-2015-03-27-somerset-childrens-services-report.txt", "source")
    article = document_from_text(sentence + "\n", "a.txt", "article")
    [rating] = [c for c in Checker().check(article, [report]).claims if c.claim.kind == "rating"]
    best = rating.alignment.evidence[0]
    assert best.passage.startswith(passage) and best.text == quoted
    assert best.text in report.passage(best.passage).text


@pytest.fixture(scope="module")
def seed_report_index():
    return SourceIndex(load_document("corpora/seeds/ofsted-2015-03-27-somerset-childrens-services-report.txt",
                                     "source"))


def test_a_heading_the_sentence_repeats_as_a_phrase_leads_its_evidence(seed_report_index):
    # few words of a long sentence, the heading is not among its best-ranked passages
    text = "Quality of practice, adoption and care leavers were identified as areas of improvement."
    cited = [e.passage for e in _align_in(seed_report_index, text).evidence]
    assert "Heading: Areas for improvement" in cited[:2]


def test_a_headings_words_scattered_through_a_sentence_are_not_a_repeat(seed_report_index):
    # "local authority" ... "improve" forty words apart is not "What does the local
    # authority need to improve?"
    text = ("Despite the negatives, the report did highlight areas of the local authority's strength including "
            "the hard work of social workers and their determination to improve outcomes for children.")
    cited = [e.passage for e in _align_in(seed_report_index, text).evidence]
    assert "Heading: What does the local authority need to improve?" not in cited
    assert "Heading: The local authority's strengths" in cited


def _align_in(index: SourceIndex, text: str):
    claim = Claim(id="c", kind="statement", span=Span(0, len(text)), text=text)
    return index.align(claim, text, clauses(text))


def test_a_claim_in_a_reporters_words_finds_the_sources_own():
    # "turnover" for the report's "churn": the passage holds the claim, as a reader sees
    alignment = _align("High turnover hampered the department.")
    assert (alignment.method, alignment.best.passage) == ("bm25", "s2")


def test_each_word_belongs_to_one_family_at_most():
    from importlib import resources

    from checker.textnorm import stem

    text = resources.files("checker.match").joinpath("word_families.txt").read_text(encoding="utf-8")
    families = [[stem(w) for w in line.split()] for line in text.splitlines() if line and not line.startswith("#")]
    words = [w for family in families for w in family]
    assert len(words) == len(set(words)) and all(len(f) >= 2 for f in families)
