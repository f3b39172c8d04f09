"""Unit tests for figures (checker/extract/figures.py): what a number counts and over
what window, read from spaCy's parse of one sentence; identifiers, dates and relative
times are not figures."""

from __future__ import annotations

import pytest

from checker.extract.figures import read_quantities
from checker.nlp import parse


def figures(text: str):
    """Every figure of every sentence of ``text``, checking that each one's character
    range is where its text stands."""
    doc = parse(text)
    out = []
    for sentence in doc.sents:
        for quantity, start, end in read_quantities(sentence):
            assert doc.text[start:end] == quantity.text
            out.append(quantity)
    return out


def one(text: str):
    found = figures(text)
    assert len(found) == 1, found
    return found[0]


def test_counted_noun_and_window():
    q = one("Eight different directors have led the service in the last ten years.")
    assert (q.value, q.unit, q.ordinal) == (8, "director", False)
    assert (q.period.length, q.period.unit, q.period.dated) == (10, "year", False)
    assert q.period.text == "in the last ten years"
    assert q.text == "Eight different directors"


def test_ordinal_with_window():
    q = one("Ms Jones became the third chair of the board in two years.")
    assert (q.value, q.unit, q.ordinal) == (3, "chair", True)
    assert (q.period.length, q.period.unit) == (2, "year")


def test_the_window_is_not_a_figure_of_its_own():
    # 'two years' is the window of the four changes, not a duration counted by itself
    found = figures("Four changes of chairs over a period of two years hurt the board.")
    assert [(q.value, q.unit) for q in found] == [(4, "change")]
    assert (found[0].period.length, found[0].period.unit) == (2, "year")


def test_window_in_months_with_digits():
    q = one("There were 61 adoptions in the last 12 months.")
    assert (q.value, q.unit, q.period.length, q.period.unit) == (61, "adoption", 12, "month")


def test_no_window_when_the_sentence_gives_none():
    q = one("The LADO received 405 allegations.")
    assert (q.value, q.unit, q.period) == (405, "allegation", None)


@pytest.mark.parametrize("text,value,measure", [
    ("The four-week inspection ended in February.", 4, "inspection"),
    ("Staff were given a two-week deadline.", 2, "deadline"),
])
def test_hyphenated_durations_name_what_lasted(text, value, measure):
    q = one(text)
    assert (q.value, q.unit, q.measure) == (value, "week", measure)


def test_plain_duration():
    q = one("Care proceedings took 40 weeks on average.")
    assert (q.value, q.unit) == (40, "week")


def test_of_phrase_gives_the_counted_noun():
    q = figures("Nine of the inspectors visited 14 homes.")
    assert [(f.value, f.unit) for f in q] == [(9, "inspector"), (14, "home")]


def test_percentage_with_its_subject_and_hedge():
    q = one("About 15% of children live in poverty.")
    assert (q.value, q.unit, q.measure, q.approx) == (15, "%", "children", "about")
    assert q.text == "About 15% of children"


def test_percentage_after_a_rate():
    q = one("A vacancy rate of 23.3% means many locums.")
    assert (q.value, q.unit, q.measure) == (23.3, "%", "vacancy rate")


def test_fraction_words_are_a_percentage_with_their_hedge():
    q = one("Nearly a quarter of posts are vacant.")
    assert (q.value, q.unit, q.approx) == (25, "%", "nearly")
    assert q.text.startswith("Nearly a quarter")


def test_hedge_is_part_of_the_claim_text():
    q = one("More than 470 children are on a plan.")
    assert (q.value, q.unit, q.approx, q.text) == (470, "child", "more than", "More than 470 children")


def test_money_is_a_figure_without_a_counted_noun():
    q = one("The council spent £1.2m on agency staff.")
    assert (q.value, q.unit) == (1.2e6, "GBP")


@pytest.mark.parametrize("text", [
    "Only a few pupils reached the expected level at Key Stage 2.",
    "Children can be detained under section 136 of the Mental Health Act.",
    "The duty is set out in paragraph 12 of the guidance.",
])
def test_identifiers_are_not_figures(text):
    assert figures(text) == []


def test_identifier_next_to_a_real_figure():
    found = figures("Only 43% of pupils reached level 4 at Key Stage 2.")
    assert [(q.value, q.unit) for q in found] == [(43, "%")]


@pytest.mark.parametrize("text", [
    "On 31 January 2015 the board met again.",
    "The chair has been in post since September 2012.",
    "The plan was agreed on March 27.",
])
def test_dates_are_not_figures(text):
    assert figures(text) == []


def test_a_date_and_a_count_in_one_sentence():
    found = figures("At 31 January 2015, 482 children were looked after.")
    assert [(q.value, q.unit) for q in found] == [(482, "child")]


@pytest.mark.parametrize("text", [
    "The council was warned two weeks ago.",
    "The director left three months later.",
])
def test_relative_times_are_numbers_but_count_nothing(text):
    # 'two weeks ago' places an event: a number to find in the source, never a count
    assert [q.unit for q in figures(text)] == [""]


def test_relative_time_beside_a_count():
    found = figures("Social workers saw 17 children three months ago.")
    assert [(q.value, q.unit) for q in found] == [(17, "child"), (3, "")]  # 'ago' counts no child


def test_first_is_not_a_count():
    assert figures("The first visit was made quickly.") == []


def test_number_without_a_counted_noun_is_a_figure_of_no_unit():
    assert [(q.value, q.unit) for q in figures("Caseloads exceed 80 per worker.")] == [(80, "")]


def test_offsets_in_a_later_sentence():
    text = "The council was criticised. It looks after 482 children and runs 5 homes."
    found = figures(text)
    assert [(q.value, q.unit, q.text) for q in found] == [
        (482, "child", "482 children"), (5, "home", "5 homes")]
