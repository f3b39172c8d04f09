"""Regressions (passages facts): cases found failing, each fixed by a general
change, kept so they stay fixed."""
from checker.ingest.facts import read_facts
from checker.ingest.passages import split_passages


def facts(text):
    return read_facts(text, split_passages(text))


def test_overall_judgement_require_improvement():
    # Ofsted's wording for a 'requires improvement' overall grade has no 'are':
    # once gave: judgements=()
    text = ("Northshire County Council\n\n"
            "The overall judgement is that children's services require improvement to be good\n")
    assert [(j.subject, j.grade) for j in facts(text).judgements] == [("overall", "requires improvement")]


def test_inspection_dates_with_the_year_once():
    # 'Inspection dates: 6 November to 17 November 2017' once gave inspection_start=None
    text = "Northshire County Council\n\nInspection dates: 6 November to 17 November 2017\n"
    f = facts(text)
    assert (f.inspection_start, f.inspection_end) == ("2017-11-06", "2017-11-17")
