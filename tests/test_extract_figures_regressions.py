"""Regressions (extract figures): cases found failing, each fixed by a general
change, kept so they stay fixed."""
from test_extract_figures import figures, one


def test_hyphenated_number_word_count():
    q = one("Twenty-five social workers left the council.")
    assert (q.value, q.unit) == (25, "worker")  # once gave: (5, 'worker'), text 'five social workers'


def test_scale_suffix_on_a_count():
    q = one("The county has 2m residents.")  # once gave: no figure at all (2 with 'm' dropped)
    assert q.value == 2e6


def test_from_figure_counts_the_object_not_the_subject():
    found = figures("The council received 405 allegations in 2014, up from 272.")
    assert [(q.value, q.unit) for q in found] == [(405, "allegation"), (272, "allegation")]
    # once gave: (272, 'council'): the 'from/to' rule takes the sentence's subject


def test_a_length_of_time_followed_by_after_is_still_a_length():
    q = one("The former director was jailed for eight years after a trial.")
    assert (q.value, q.unit) == (8, "year")  # once gave: no figure ('years after' read as relative)
    assert [q.unit for q in figures("He resigned two years after the inspection.")] == [""]  # a time, no count


def test_an_age_after_a_name_is_read_as_that_persons_age():
    q = one("Brian Wright, 55, of Kempston, told the court he had been blinded.")
    assert (q.value, q.unit, q.measure, q.text) == (55, "age", "Brian Wright", "55")  # once gave: no figure
    places = figures("Results were published for Leeds, 40, and Bristol, 12.")
    assert [q.unit for q in places] == ["", ""]  # places: no age


def test_an_age_is_never_borrowed_as_another_count():
    found = figures("He scored 17 goals at the age of 19.")
    assert [(q.value, q.unit) for q in found] == [(17, "goal"), (19, "age")]  # once gave: (19, 'goal')


def test_a_time_of_day_is_not_a_count():
    assert figures("He must stay at home between 7 pm and 7 am.") == []  # once gave: 7 'pm', 7 'am'


def test_an_age_or_a_size_has_no_window():
    found = figures("Louis Jordan, 37, took his 35-foot sailboat out and had not been heard "
                    "from in 66 days.")
    # once gave: 37 and 35 'over' the window 'in 66 days', and the 66 days dropped as that window
    assert [(q.value, q.unit, q.period) for q in found] == [(37, "age", None), (35, "foot", None),
                                                            (66, "day", None)]


def test_a_profile_boxs_age():
    found = figures("He has scored 17 goals this season. AGE: 27 CLUBS: Real Madrid")
    # once gave only the goals: 'AGE: 27' matched none of the age patterns
    assert [(q.value, q.unit) for q in found] == [(17, "goal"), (27, "age")]
