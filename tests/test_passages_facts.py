"""Unit tests for reading a source report: passages a person would cite
(checker/ingest/passages.py) and the facts the report states about itself
(checker/ingest/facts.py), on small reports written here and on the seed report."""

from __future__ import annotations

import pytest

from checker.ingest.documents import load_document
from checker.ingest.facts import read_facts
from checker.ingest.grades import canonical_grade, subject_of
from checker.ingest.passages import clean, split_passages

SEED = "corpora/seeds/ofsted-2015-03-27-somerset-childrens-services-report.txt"

REPORT = """Northshire County Council

Inspection date: 3 March 2016 \u2013 24 March 2016

Report published: 12 May 2016

The overall judgement is that children's services are good

1. Children who need help and protection\tRequires improvement
2. Children looked after and achieving permanence\tGood
2.1 Adoption performance\tOutstanding
3. Leadership, management and governance\tGood

Contents

Summary of findings\t3
Information about this area\t9

Summary of findings

- The council has made **real progress** since 2013.\u00b9
- Caseloads are manageable.

Information about this area

12. Approximately 98,000 children live in **Northshire**, of whom 14% live in poverty.\u00b2
13. The LSCB is good and holds partners to account in every area.
14. Short line here.

<p>Summary</p> <p>There are promising signs of improvement.</p> <p>Caseloads are lower.</p>

Key judgement\tJudgement grade
The experiences and progress of care leavers\tGood

\u00b9 A full description of the judgements is at the end of this report.
\u00b2 Local authority data published in March 2016.
"""


@pytest.fixture(scope="module")
def passages():
    return {p.id: p for p in split_passages(REPORT)}


def test_numbered_paragraphs_keep_their_number(passages):
    p = passages["¶12"]
    assert p.kind == "paragraph" and p.heading == "Information about this area"
    assert p.text == "Approximately 98,000 children live in Northshire, of whom 14% live in poverty."
    assert passages["¶13"].text.startswith("The LSCB is good")


def test_a_short_numbered_line_is_not_a_numbered_paragraph(passages):
    assert "¶14" not in passages
    assert any(p.text == "14. Short line here." for p in passages.values())


def test_passage_spans_point_at_their_raw_text(passages):
    for p in passages.values():
        assert p.text.split(" — ")[-1][-10:] in clean(REPORT[p.span.start:p.span.end]), p
    assert REPORT[passages["¶12"].span.start:passages["¶12"].span.end].startswith("12. Approximately")


def test_a_line_the_layout_broke_mid_sentence_runs_on():
    # an Ofsted report's PDF text: the judgement's line breaks after "to be"
    text = ("Inspection dates: 9 October to 2 November 2017\n\n"
            "Children's services in Manchester require improvement to be\n\ngood\n\n"
            "2.1 Adoption performance Good\n")
    passages = split_passages(text)
    assert [p.text for p in passages][1] == "Children's services in Manchester require improvement to be good"
    assert text[passages[1].span.start:passages[1].span.end].endswith("good")
    # a line that ends a sentence, or a next line in capitals, stays its own
    assert len(split_passages("The prison was safe.\n\nsome men said otherwise.\n")) == 2
    assert len(split_passages("Leaders must improve the quality of\n\nTeaching\n")) == 2


def test_bullets_are_numbered_under_their_heading(passages):
    assert passages["Summary of findings • 1"].text == "The council has made real progress since 2013."
    assert passages["Summary of findings • 2"].text == "Caseloads are manageable."
    assert passages["Summary of findings • 1"].kind == "bullet"


def test_tab_table_rows(passages):
    row = passages["Table row 2.1"]
    assert row.kind == "table_row"
    assert row.text == "2.1 Adoption performance — Outstanding"
    assert "\t" not in row.text


def test_contents_page_numbers_are_left_out(passages):
    assert not any(p.text.endswith("— 3") or p.text.endswith("— 9") for p in passages.values())


def test_footnotes(passages):
    assert passages["Footnote 1"].text == "A full description of the judgements is at the end of this report."
    assert passages["Footnote 2"].kind == "footnote"


def test_p_boxes_become_one_passage_per_fragment(passages):
    boxes = [p for p in passages.values() if p.kind == "box"]
    assert [p.text for p in boxes] == ["There are promising signs of improvement.", "Caseloads are lower."]
    assert all(p.id.startswith("Summary: Information about this area ¶") for p in boxes)


def test_no_markup_reaches_a_passage(passages):
    for p in passages.values():
        assert not any(mark in p.text for mark in ("<p>", "</p>", "**", "\t", "\u00b9", "\u00b2")), p


def test_headings(passages):
    assert passages["Heading: Summary of findings"].kind == "heading"
    assert "Heading: Northshire County Council" in passages


def test_ids_are_unique(passages):
    ids = [p.id for p in split_passages(REPORT + "\nSummary of findings\n\n- Another bullet point.\n")]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("raw,text", [
    ("The **council** has __improved__.", "The council has improved."),
    ("Caseloads\u00b3 are <b>high</b>.", "Caseloads are high ."),
    ("  spaced\t\tout\u00a0text ", "spaced out text"),
])
def test_clean(raw, text):
    assert clean(raw) == text


# --- facts -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def facts():
    return read_facts(REPORT, split_passages(REPORT))


def test_authority(facts):
    assert facts.authority == "Northshire County Council"


def test_inspection_and_publication_dates(facts):
    assert (facts.inspection_start, facts.inspection_end) == ("2016-03-03", "2016-03-24")
    assert facts.published == "2016-05-12"
    assert facts.inspection_passage.startswith("Heading: Inspection date")
    assert facts.published_passage == "Heading: Report published: 12 May 2016"


def test_judgements_from_the_table_and_sentences(facts):
    grades = {j.subject: (j.grade, j.passage) for j in facts.judgements}
    assert grades["overall"][0] == "good"
    assert grades["help_and_protection"] == ("requires improvement", "Table row 1")
    assert grades["looked_after"] == ("good", "Table row 2")
    assert grades["adoption"] == ("outstanding", "Table row 2.1")
    assert grades["leadership"] == ("good", "Table row 3")
    assert grades["care_leavers"][0] == "good"
    assert grades["lscb"] == ("good", "¶13")


def test_single_day_inspection_and_dated_forms():
    text = "Westshire Borough Council\n\nInspection dates: 5th June 2017\n\nPublished: 1 August 2017\n"
    facts = read_facts(text, split_passages(text))
    assert facts.authority == "Westshire Borough Council"
    assert (facts.inspection_start, facts.inspection_end, facts.published) == (
        "2017-06-05", "2017-06-05", "2017-08-01")


@pytest.mark.parametrize("text, published", [
    # a council's news page: the label takes 'on', the day its weekday
    ("Estyn inspection report published for Ysgol Gyfun Gwynllyw\n\nPosted on: Friday 14 June 2019\n\n"
     "A recent inspection conducted by Estyn.\n", "2019-06-14"),
    ("Drug-related deaths in Scotland in 2019\n\nPublished on 15 December 2020\n", "2020-12-15"),
    ("Westshire Borough Council\n\nPublished: Tuesday, 1 August 2017\n", "2017-08-01"),
    # in running text a day 'published on' may be another report's
    ("Westshire Borough Council\n\nThe last report, published on 3 May 2014, found weaknesses.\n", None),
])
def test_a_publication_label_with_on_and_a_weekday(text, published):
    assert read_facts(text, split_passages(text)).published == published


def test_a_text_with_no_facts():
    text = "Notes from a meeting\n\nThe board met and agreed nothing.\n"
    facts = read_facts(text, split_passages(text))
    assert (facts.authority, facts.inspection_start, facts.published, facts.judgements) == (
        None, None, None, ())


def test_an_impossible_date_is_not_a_date():
    text = "Eastshire County Council\n\nInspection date: 31 February 2016\n"
    assert read_facts(text, split_passages(text)).inspection_start is None


@pytest.mark.parametrize("text,grade", [
    ("Requires improvement to be good", "requires improvement"), ("INADEQUATE", "inadequate"),
    ("Outstanding", "outstanding"), ("nothing here", None),
])
def test_canonical_grade(text, grade):
    assert canonical_grade(text) == grade


@pytest.mark.parametrize("text,subject", [
    ("Experiences and progress of care leavers", "care_leavers"),
    ("2.1 Adoption performance", "adoption"),
    ("Leadership, management and governance", "leadership"),
    ("the Local Safeguarding Children Board", "lscb"),
    ("children looked after and achieving permanence", "looked_after"),
    ("Children who need help and protection", "help_and_protection"),
    ("the weather", None),
])
def test_subject_of(text, subject):
    assert subject_of(text) == subject


# --- the seed report ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed():
    return load_document(SEED, "source")


def test_seed_facts(seed):
    facts = seed.facts
    assert facts.authority == "Somerset County Council"
    assert (facts.inspection_start, facts.inspection_end, facts.published) == (
        "2015-01-20", "2015-02-11", "2015-03-27")
    grades = {j.subject: j.grade for j in facts.judgements}
    assert grades == {"overall": "inadequate", "help_and_protection": "inadequate",
                      "looked_after": "inadequate", "adoption": "requires improvement",
                      "care_leavers": "inadequate", "leadership": "inadequate",
                      "lscb": "inadequate"}


def test_seed_numbered_paragraphs(seed):
    numbered = [p for p in seed.passages if p.id.startswith("¶")]
    assert [p.id for p in numbered] == [f"¶{n}" for n in range(1, len(numbered) + 1)]
    assert seed.passage("¶60").text.startswith("Recording by social workers is not consistent.")
    assert seed.passage("¶55").text.startswith("There are 472 children subject to a child protection plan.")


def test_seed_passages_are_clean(seed):
    for p in seed.passages:
        assert not any(mark in p.text for mark in ("<p>", "</p>", "**", "\t", "\u00b9", "\u2074")), p.id


def test_seed_has_every_kind_of_passage(seed):
    kinds = {p.kind for p in seed.passages}
    assert kinds == {"paragraph", "heading", "bullet", "box", "table_row", "footnote"}
    assert seed.passage("Table row 2.1").text == "2.1 Adoption performance — Requires improvement"
    assert seed.passage("Footnote 4").text.startswith("These are residential special schools")
