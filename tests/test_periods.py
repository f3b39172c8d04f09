"""Periods read the way statistics releases write them, and when two can be the same."""

from __future__ import annotations

import pytest

from checker.extract.periods import find_periods, month_within, parse_period


@pytest.mark.parametrize("text, start, end, months", [
    ("in the 12 months to May 2022", "2021-06", "2022-05", 12),
    ("in the three months to September 2020", "2020-07", "2020-09", 3),
    ("crime in the year ending June 2019", "2018-07", "2019-06", 12),
    ("spending in the financial year 2014-15", "2014-04", "2015-03", 12),
    ("admissions in 2019/20", "2019-04", "2020-03", 12),
    ("GDP grew in April to June 2021", "2021-04", "2021-06", 3),
    ("growth in the first quarter of 2022", "2022-01", "2022-03", 3),
    ("growth in Q3 2021", "2021-07", "2021-09", 3),
    ("children in care as at 31 March 2014", "2014-03", "2014-03", None),
    ("inflation in June 2012", "2012-06", "2012-06", None),
    ("deaths in 2012", "2012-01", "2012-12", 12),
    ("a rise in May", "--05", "--05", None),
])
def test_reads_the_months_a_period_covers(text, start, end, months):
    period = parse_period(text)
    assert period is not None
    assert (period.start, period.end, period.months) == (start, end, months)


@pytest.mark.parametrize("text", [
    "Prices may be higher", "May be higher next year", "April Jones said", "between 2014-2018",
    "Jun 121.4 0.4",
])
def test_reads_no_period_where_there_is_none(text):
    assert parse_period(text) is None


def test_a_window_is_a_length_without_dates():
    period = parse_period("eight directors over the last ten years")
    assert (period.start, period.length, period.unit) == (None, 10, "year")


def test_one_phrase_is_one_period():
    found = find_periods("Prices rose by 9.1% in the 12 months to May 2022, up from 6.2% in March.")
    assert [p.text for p, _, _ in found] == ["12 months to May 2022", "in March"]


@pytest.mark.parametrize("a, b, same", [
    ("in the 12 months to May 2022", "in May 2022", True),  # a bare month states no length
    ("in the 12 months to May 2022", "in May", True),  # the year left to the reader
    ("in the 12 months to May 2022", "in the 12 months to April 2022", False),
    ("in May 2022", "in May 2021", False),
    ("in May", "in April", False),
    ("in May", "in May last year", False),
    ("in the three months to June 2021", "in April to June 2021", True),
    ("in the three months to June 2021", "in the 12 months to June 2021", False),
    ("the second quarter of 2021", "April to June 2021", True),
    ("over ten years", "over the last ten years", True),
    ("over ten years", "over five years", False),
])
def test_periods_agree_only_where_they_can_be_the_same(a, b, same):
    assert parse_period(a).agrees(parse_period(b)) is same
    assert parse_period(b).agrees(parse_period(a)) is same


@pytest.mark.parametrize("month, period, within", [
    ("graded in January", "PEEL 2021/22", True),  # January 2022 is in April 2021 to March 2022
    ("visited in June", "deaths in 2013", True),
    ("in February", "growth in Q1 2022", True),
    ("in April", "growth in Q1 2022", False),
    ("in January 2023", "PEEL 2021/22", False),  # the year is stated, and it is not 2021/22's
    ("in March", "in the 12 months to April 2022", False),  # a window named by its end: March ends another
    ("in March", "in May", False),
])
def test_a_yearless_month_may_fall_inside_a_year_named_whole(month, period, within):
    assert month_within(parse_period(month), parse_period(period)) is within
