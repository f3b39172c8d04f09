"""Unit tests for the number normaliser (checker/extract/numbers.py): digits with
separators and scale suffixes, number words, ordinals, fractions, percentages, money
and the hedges kept with them.  Mentions are read over real spaCy tokens, since the
tokenizer decides how '£1m' or '23.3%' arrive."""

from __future__ import annotations

import pytest

from checker.extract.numbers import find_mentions, word_value, words_value
from checker.nlp import parse


def mentions(text: str):
    """(mention text, value, sort, currency, approx) for each mention in ``text``."""
    doc = parse(text)
    return [(doc[m.start:m.end].text, round(m.value, 4), m.sort, m.currency, m.approx)
            for m in find_mentions(doc)]


def only(text: str):
    found = mentions(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("word,value", [
    ("eight", 8), ("Nineteen", 19), ("ninety", 90), ("twenty-five", 25), ("forty-two", 42),
    ("3,607", 3607), ("1,234,567", 1234567), ("23.3", 23.3), ("0", 0),
])
def test_word_value_reads_single_words_and_numerals(word, value):
    assert word_value(word) == value


@pytest.mark.parametrize("word", ["twenty-zero", "ten-five", "directors", "3,60", "", "first"])
def test_word_value_refuses_what_is_not_one_number(word):
    assert word_value(word) is None


@pytest.mark.parametrize("words,value", [
    (["two", "thousand", "nine", "hundred"], 2900),
    (["one", "hundred", "and", "five"], 105),
    (["Forty", "six"], 46),
    (["three", "hundred", "thousand"], 300000),
    (["two", "million", "five", "hundred", "thousand"], 2500000),
    (["hundred"], 100),
])
def test_words_value_combines_a_run_of_number_words(words, value):
    assert words_value(words) == value


def test_words_value_of_no_number_words_is_none():
    assert words_value([]) is None
    assert words_value(["and"]) is None
    assert words_value(["two", "directors"]) is None


@pytest.mark.parametrize("text,expected", [
    ("There were 3,607 open cases.", ("3,607", 3607, "cardinal", "", "")),
    ("The vacancy rate is 42.1 overall.", ("42.1", 42.1, "cardinal", "", "")),
    ("It serves 2.5bn people.", ("2.5bn", 2.5e9, "cardinal", "", "")),
    ("One hundred and five cases were open.", ("One hundred and five", 105, "cardinal", "", "")),
    ("Forty six foster carers left.", ("Forty six", 46, "cardinal", "", "")),
    ("There were two thousand nine hundred referrals.",
     ("two thousand nine hundred", 2900, "cardinal", "", "")),
])
def test_cardinals(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The council spent £1m on agency staff.", ("£1m", 1e6, "money", "GBP", "")),
    ("A cut of £1.2m was made.", ("£1.2m", 1.2e6, "money", "GBP", "")),
    ("The overspend reached £2.5bn.", ("£2.5bn", 2.5e9, "money", "GBP", "")),
    ("The budget is $40 million.", ("$40 million", 4e7, "money", "USD", "")),
    ("A grant of €3k arrived.", ("€3k", 3000, "money", "EUR", "")),
    ("Membership costs £15 a month.", ("£15", 15, "money", "GBP", "")),
])
def test_money_with_scale_suffixes(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("She was the fifth director.", ("fifth", 5, "ordinal", "", "")),
    ("It was the 3rd review this year.", ("3rd", 3, "ordinal", "", "")),
    ("He is the 21st head of service.", ("21st", 21, "ordinal", "", "")),
    ("This is the twentieth annual report.", ("twentieth", 20, "ordinal", "", "")),
])
def test_ordinals_are_counts_not_fractions(text, expected):
    # 'fifth' is 5 (the fifth director), not 0.2 as number libraries read it
    assert only(text) == expected


def test_second_as_time_is_not_an_ordinal():
    assert mentions("They left a second later.") == []
    assert only("A second visit was made.")[1:3] == (2, "ordinal")


@pytest.mark.parametrize("text,expected", [
    ("Nearly a quarter of posts are vacant.", ("a quarter", 25, "percent", "", "nearly")),
    ("Almost half of staff are agency workers.", ("half", 50, "percent", "", "almost")),
    ("Roughly a third of staff left.", ("a third", 33.3333, "percent", "", "roughly")),
    ("A tenth of homes closed.", ("A tenth", 10, "percent", "", "")),
    ("One in five children had no plan.", ("One in five", 20, "percent", "", "")),
    ("Nine in ten carers stayed.", ("Nine in ten", 90, "percent", "", "")),
    ("Only 4 in 10 plans were on time.", ("4 in 10", 40, "percent", "", "")),
])
def test_fractions_are_percentages(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The vacancy rate is 23.3%.", ("23.3%", 23.3, "percent", "", "")),
    ("Only 43 per cent reached the level.", ("43 per cent", 43, "percent", "", "")),
    ("Some 12 percent did not.", ("12 percent", 12, "percent", "", "some")),
])
def test_percent_forms(text, expected):
    assert only(text) == expected


def test_per_without_cent_is_not_a_percentage():
    # '44 per 10,000 children' is a rate, not 44%
    found = mentions("That is a rate of 44 per 10,000 children.")
    assert ("44", 44, "cardinal", "", "") in found
    assert all(sort != "percent" for _, _, sort, _, _ in found)


@pytest.mark.parametrize("text,hedge,value", [
    ("There are more than 470 children on plans.", "more than", 470),
    ("Fewer than 500 children are looked after.", "fewer than", 500),
    ("Just over 200 cases were re-opened.", "just over", 200),
    ("At least 30 cases were reviewed.", "at least", 30),
    ("Close to 90 managers left.", "close to", 90),
    ("Around 40 homes were visited.", "around", 40),
    ("Up to 12 families wait.", "up to", 12),
    ("Under 20 cases were closed.", "under", 20),
    ("Approximately 109,000 children live here.", "approximately", 109000),
    ("About 15% live in poverty.", "about", 15),
])
def test_hedges_are_kept(text, hedge, value):
    _, got_value, _, _, approx = only(text)
    assert (approx, got_value) == (hedge, value)


def test_an_unhedged_number_has_no_hedge():
    assert only("The council runs 5 homes.")[4] == ""


def test_several_mentions_left_to_right():
    found = mentions("From 272 in 2013 to 405 in 2014, an increase of 49%.")
    assert [f[0] for f in found] == ["272", "2013", "405", "2014", "49%"]


def test_a_stage_number_before_a_year_is_not_one_in_x():
    # 'Key Stage 2 in 2014' must not become 2 in 2014 = 0.1%
    found = mentions("Pupils at Key Stage 2 in 2014 did well.")
    assert [(f[0], f[2]) for f in found] == [("2", "cardinal"), ("2014", "cardinal")]


def test_no_numbers_no_mentions():
    assert mentions("Inspectors found a culture of mistrust.") == []
