"""Unit tests for the smaller readers: ratings with their subjects, dates with the event
they date, names of authorities and bodies, page furniture, check-worthy statements."""

from __future__ import annotations

import pytest

from checker.extract.dates import dated_in, event_of, find_dates
from checker.extract.furniture import furniture_passages
from checker.extract.names import find_names
from checker.extract.ratings import find_ratings
from checker.extract.statements import about_source, is_check_worthy
from checker.ingest.documents import article_passages
from checker.nlp import parse


# --- ratings ---------------------------------------------------------------------------

def ratings(sentence: str):
    return [(r.grade, r.subject, sentence[a:b]) for r, a, b in find_ratings(sentence)]


@pytest.mark.parametrize("sentence,expected", [
    ("Adoption performance was rated good.", [("good", "adoption", "good")]),
    ("The council was judged inadequate overall.", [("inadequate", "overall", "inadequate")]),
    ("Services for care leavers were found to be inadequate.",
     [("inadequate", "care_leavers", "inadequate")]),
    ("The LSCB was rated as requiring improvement.",
     [("requires improvement", "lscb", "requiring improvement")]),
    ("Leadership, management and governance were given an 'inadequate' rating.",
     [("inadequate", "leadership", "inadequate")]),
    ('Children looked after and achieving permanence were branded "inadequate".',
     [("inadequate", "looked_after", "inadequate")]),
    ("Help and protection was rated good.", [("good", "help_and_protection", "good")]),
    ("Somerset's children's services remain inadequate.", [("inadequate", "overall", "inadequate")]),
])
def test_ratings_with_subjects(sentence, expected):
    assert ratings(sentence) == expected


def test_requires_improvement_to_be_good_is_requires_improvement():
    found = ratings("The local authority is now rated requires improvement to be good.")
    assert found == [("requires improvement", "overall", "requires improvement to be good")]


@pytest.mark.parametrize("sentence", [
    "Manchester moves up out of ‘inadequate’ Ofsted rating",
    "The council's children's services are no longer ‘inadequate’.",
])
def test_a_grade_left_behind_is_no_rating(sentence):
    assert find_ratings(sentence) == []


@pytest.mark.parametrize("sentence,grade", [
    # a CQC release (corpora/wild-last): the grade a change ends on is the one now
    ("Effective, responsive and caring dropped from good to requires improvement.", "requires improvement"),
    ("The school improved from ‘inadequate’ to ‘good’.", "good"),
])
def test_the_grade_a_change_starts_from_is_no_rating(sentence, grade):
    assert [r.grade for r, _, _ in find_ratings(sentence)] == [grade]


@pytest.mark.parametrize("sentence,grade,subject", [
    # a headline's judged area named in full, with no verb of its own
    ("Manchester Children's Services rated good after at-risk warnings", "good", "overall"),
    # a judgement in the past tense, ruled by inspectors
    ("In 2017 the council came out of special measures, but inspectors ruled it still required improvement.",
     "requires improvement", "overall"),
    # graded things, not the report's judgement
    ("Pupils attend schools rated good or outstanding.", "good", "other:schools"),
])
def test_grades_and_what_they_grade(sentence, grade, subject):
    assert [(r.grade, r.subject) for r, _, _ in find_ratings(sentence)][:1] == [(grade, subject)]


def test_all_bar_x_rates_every_area_but_x():
    found = ratings('All bar adoption performance, which was given "requires improvement", '
                    "were rated inadequate by inspectors.")
    assert ("inadequate", "all_except:adoption", "inadequate") in found
    assert ("requires improvement", "adoption", "requires improvement") in found


def test_all_but_x_with_its_own_grade_in_a_clause():
    found = ratings("All but adoption, which was judged good, were rated inadequate.")
    assert found == [("good", "adoption", "good"), ("inadequate", "all_except:adoption", "inadequate")]


@pytest.mark.parametrize("sentence", [
    "The council has good foster carers.",
    "There is good practice in some teams.",
    "The work is of adequate quality.",
    "Staff said it was a good place to work.",
])
def test_grades_as_plain_english_are_not_ratings(sentence):
    assert ratings(sentence) == []


# --- dates -----------------------------------------------------------------------------

def dates(sentence: str):
    return [(d.value, sentence[a:b], event_of(sentence, a)) for d, a, b in find_dates(sentence)]


@pytest.mark.parametrize("sentence,expected", [
    ("The report was published on 27 March 2015.", [("2015-03-27", "27 March 2015", "published")]),
    ("Ofsted released its findings on March 27, 2015.",
     [("2015-03-27", "March 27, 2015", "published")]),
    ("The inspection took place in January 2015.", [("2015-01", "January 2015", "inspection")]),
    ("At its last inspection in June 2012 the service was adequate.",
     [("2012-06", "June 2012", "previous_inspection")]),
    ("The previous Ofsted inspection, in June 2013, found the same.",
     [("2013-06", "June 2013", "previous_inspection")]),
    ("The chair has been in post since September 2012.",
     [("2012-09", "September 2012", "other")]),
    ("A director was appointed on 3rd November 2014.", [("2014-11-03", "3rd November 2014", "other")]),
    ("Teams were restructured in 2013 after a review.", [("2013", "2013", "other")]),
    ("The report came out in March.", [("--03", "March", "published")]),
    ("The panel meets on 4 May each year.", [("--05-04", "4 May", "other")]),
    # a publication dated by its weekday alone: the sentence's years are its figures'
    ("The number of suicides in the UK in 2013 rose by 4%, with the rate among men at its highest since 2001, "
     "according to the figures published by the ONS on Thursday.",
     [("2013", "2013", "other"), ("2001", "2001", "other")]),
    ("The report, published on Thursday 27 March 2015, found failures.",
     [("2015-03-27", "27 March 2015", "published")]),
    # the release saying what its figures show is the document, not its release
    ("The release shows that the male suicide rate in 2013 was at its highest since 2001.",
     [("2013", "2013", "other"), ("2001", "2001", "other")]),
    ("The release of the report on 27 March was delayed.", [("--03-27", "27 March", "published")]),
])
def test_dates_and_their_events(sentence, expected):
    assert dates(sentence) == expected


def test_a_range_gives_both_ends():
    found = dates("Inspectors visited between 20 January and 11 February 2015.")
    assert [(v, e) for v, _, e in found] == [("--01-20", "inspection"), ("2015-02-11", "inspection")]


@pytest.mark.parametrize("sentence", [
    "May be it will improve soon, the council said.",
    "He joined on 32 March.",
    "The council expects 2015 referrals this year.",
])
def test_not_dates(sentence):
    assert dates(sentence) == []


@pytest.mark.parametrize("sentence,values", [
    # a month without its year, earlier in the year than the dated one beside it: that year
    ("The CPIH rose by 6.2% in the 12 months to March 2022, up from 5.5% in February.",
     ["2022-03", "2022-02"]),
    ("Main points for June to August 2020", ["2020-06", "2020-08"]),
    # later in the year: the same year or the one before, only the words tell
    ("It has fallen since its peak in May 2020, although it has risen slightly in November.",
     ["2020-05", "--11"]),
    ("CPI rose by 0.3% in the year to January 2016, compared with 0.2% in the year to December.",
     ["2016-01", "--12"]),
    # two years in the sentence: no single year to take
    ("Between March 2021 and March 2022, and in February, prices rose.", ["2021-03", "2022-03", "--02"]),
])
def test_a_month_without_its_year_takes_its_sentences_year(sentence, values):
    assert dated_in(sentence) == values


@pytest.mark.parametrize("sentence,event", [
    # the data's period beside a publishing word is not the publication
    ("Offences rose to 45,627 for the year to December, figures released by the ONS on Thursday showed.", "other"),
    # a release to come is not this one's
    ("This will not affect the results for the first quarter, planned for release in July 2020.", "next_release"),
    ("Figures released in March show prices rose.", "published"),
    # coming out of special measures is no publication
    ("In 2017, the council came out of special measures.", "other"),
])
def test_what_a_date_beside_a_release_dates(sentence, event):
    assert [e for _, _, e in dates(sentence)] == [event]


def test_nearest_cue_decides_the_event():
    sentence = "Inspectors visited in January 2015 and the report was published in March 2015."
    assert [e for _, _, e in dates(sentence)] == ["inspection", "published"]


# --- names -----------------------------------------------------------------------------

def names(sentence: str):
    doc = parse(sentence)
    return [(ref.name, ref.label, doc.text[a:b]) for ref, a, b in find_names(next(doc.sents))]


def test_council_names_and_bodies():
    found = names("Somerset County Council was criticised by Ofsted.")
    assert found == [("Somerset County Council", "ORG", "Somerset County Council"),
                     ("Ofsted", "ORG", "Ofsted")]


def test_a_misspelt_council_is_still_a_council_name():
    found = names("Somerst County Council has a new director.")
    assert ("Somerst County Council", "ORG", "Somerst County Council") in found


def test_person_names_lose_their_titles():
    found = names("The council has a new director, Mr Julian Wooster.")
    assert ("Julian Wooster", "PERSON", "Julian Wooster") in found


def test_department_for_education_is_one_body():
    found = names("The Department for Education issued an improvement notice.")
    assert [n for n, _, _ in found] == ["Department for Education"]


def test_possessive_council_name():
    found = names("Worcestershire County Council's services were rated inadequate.")
    assert found == [("Worcestershire County Council", "ORG", "Worcestershire County Council")]


def test_no_names():
    assert names("the services were rated inadequate by inspectors.") == []


# --- furniture ---------------------------------------------------------------------------

PAGE = """Somerset County Council was rated inadequate by Ofsted.
Inspectors found widespread failures in the service.
The council said it would improve its services quickly.
The new director starts in the spring.
Related stories
Published 7 January 2015
Subscribe to our newsletter for unlimited access
More stories from the region ...
A last teaser line of the page."""


def test_furniture_lines_and_the_tail_after_a_strong_signal():
    passages = article_passages(PAGE)
    furniture = furniture_passages(passages)
    assert furniture == {4, 5, 6, 7, 8}


def test_a_story_without_furniture_keeps_every_paragraph():
    passages = article_passages("\n".join(PAGE.split("\n")[:4]))
    assert furniture_passages(passages) == set()


@pytest.mark.parametrize("line", [
    "From £15 / month", "Published 27 March 2015", "Share this article", "Most read",
    "All rights reserved", "Website design by Example Ltd",
])
def test_furniture_lines(line):
    passages = article_passages("The council was criticised by inspectors today.\n" + line)
    assert furniture_passages(passages) == {1}


def test_an_ellipsis_in_the_first_half_does_not_cut_the_story():
    text = ("The council was criticised ...\nInspectors found failures.\n"
            "The council replied.\nThe director resigned.")
    assert furniture_passages(article_passages(text)) == set()


# --- statements --------------------------------------------------------------------------

@pytest.mark.parametrize("text,worthy", [
    ("Ofsted has found no improvement since 2013.", True),
    ("The council said it would act quickly.", True),
    ("Is this good enough for children?", False),
    ("Read more here.", False),
    ("By John Smith", False),
    # cut short: it says less than its writer did
    ("Residents were also found to not always be protected from the risk of abuse, and", False),
    ("Inspectors said the Force is", False),
    # a headline has no full stop and is whole
    ("HMP Lewes battling rising violence, watchdog finds", True),
])
def test_check_worthy(text, worthy):
    assert is_check_worthy(text) is worthy


def test_the_last_sentence_of_a_text_cut_short_is_not_check_worthy():
    cut = "The population growth in the City of London, Westminster, Camden and Tower H"
    assert is_check_worthy(cut) and not is_check_worthy(cut, last=True)
    assert is_check_worthy("Population growth was highest in the City of London.", last=True)


@pytest.mark.parametrize("text,about", [
    ("The report does praise some social workers.", True),
    ("Inspectors found drift in many cases.", True),
    ("During the inspection staff were helpful.", True),
    ("The council says it has hired more staff.", False),
])
def test_about_source(text, about):
    assert about_source(text) is about
