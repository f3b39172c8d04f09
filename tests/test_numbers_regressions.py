"""Regressions (numbers): cases found failing, each fixed by a general change, kept so
they stay fixed."""
from test_numbers import mentions, only


def test_hyphenated_number_word_is_one_mention():
    # spaCy splits 'Twenty-five' into Twenty / - / five; expected one mention of 25
    assert only("Twenty-five social workers left.") == ("Twenty-five", 25, "cardinal", "", "")


def test_twenty_eight_days():
    assert only("Children are visited every twenty-eight days.")[1] == 28


def test_fraction_with_number_word_numerator_does_not_overlap():
    # once gave: both ('Two', 2, cardinal) and ('Two thirds', 66.67, percent)
    assert mentions("Two thirds of cases were late.") == [("Two thirds", 66.6667, "percent", "", "")]
    assert mentions("One fifth of cases were late.") == [("One fifth", 20, "percent", "", "")]


def test_well_over_is_kept_whole():
    assert only("Well over 300 staff left.")[4] == "well over"  # once gave: 'over'


def test_scale_suffix_without_currency():
    # spaCy splits '2m' into 2 / m; without a currency sign the suffix is dropped
    assert only("The county has 2m residents.")[1] == 2e6  # once gave: 2
    assert only("Some 1.5m people live there.")[1] == 1.5e6  # once gave: 1.5


def test_thousands_separator_with_a_stray_space():
    # tokenised or re-typed copy: once read as £50
    assert only("The fund gives £50, 000 a school.")[1] == 50000
    assert only("In all 2, 345 people came.")[1] == 2345
    # a list of small figures is not one number
    assert [m[1] for m in mentions("There were 5, 10 and 20 cases.")] == [5, 10, 20]
