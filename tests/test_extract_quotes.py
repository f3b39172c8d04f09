"""Unit tests for quotations (checker/extract/quotes.py), read through
``extract_claims`` on small articles: quote marks of every kind, apostrophes that are
not quote marks, quotations over several paragraphs, lists after an attributing line,
and who spoke (the source, someone else, or nobody named)."""

from __future__ import annotations

import pytest

from checker.extract import extract_claims
from checker.extract.quotes import classify_speaker
from checker.ingest.documents import document_from_text

LEAD = "Somerset County Council has been criticised in a report.\n\n"


def quotes(body: str):
    """(quoted words, speaker, speaker kind) of each quotation, checking each claim's
    span points at its words in the article."""
    document = document_from_text(LEAD + body, "a.txt", "article")
    out = []
    for claim in extract_claims(document):
        if claim.kind != "quote":
            continue
        assert document.text[claim.span.start:claim.span.end] == claim.text == claim.payload.content
        out.append((claim.text, claim.payload.speaker, claim.payload.speaker_kind))
    return out


def claims_of(body: str):
    return extract_claims(document_from_text(LEAD + body, "a.txt", "article"))


@pytest.mark.parametrize("body,words,speaker", [
    ('The report said there was "a culture of mistrust" at the council.', "a culture of mistrust",
     "The report"),
    ("Inspectors found services were \u201cnot sufficiently robust\u201d in places.",
     "not sufficiently robust", "Inspectors"),
    ("The report said recording was 'not consistent' across teams.", "not consistent", "The report"),
    ("Ofsted said practice was \u2018too variable\u2019 in the area.", "too variable", "Ofsted"),
])
def test_inline_quotations_in_any_quote_marks(body, words, speaker):
    assert quotes(body) == [(words, speaker, "source")]


def test_speaker_named_after_the_quotation():
    found = quotes('"Management oversight is not sufficiently robust," the report said.')
    assert found == [("Management oversight is not sufficiently robust", "the report", "source")]


def test_speaker_with_another_reporting_verb():
    found = quotes('"Recording by social workers is not consistent," inspectors wrote.')
    assert found == [("Recording by social workers is not consistent", "inspectors", "source")]


def test_two_quotations_in_one_sentence():
    found = quotes('Inspectors said caseloads were "high" and oversight "not robust".')
    assert [(w, k) for w, _, k in found] == [("high", "source"), ("not robust", "source")]


@pytest.mark.parametrize("body", [
    "It's the council's worst result; the children's homes weren't inspected.",
    "The authority's leaders haven't said what they'll do about the inspectors' findings.",
    "Social workers' caseloads are high and the carers' views were not sought.",
])
def test_apostrophes_are_not_quote_marks(body):
    assert quotes(body) == []


def test_apostrophe_inside_a_single_quoted_passage():
    found = quotes("The report said the council's response was 'not the children's priority' then.")
    assert [w for w, _, _ in found] == ["not the children's priority"]


def test_a_quotation_over_two_paragraphs_keeps_its_speaker():
    body = ('Ofsted said: "Leaders and managers are working hard to improve services for '
            "children and young people.\n\n"
            '"Measurable improvements have been made in assessing the health needs for '
            'looked after children."\n')
    found = quotes(body)
    assert found == [
        ("Leaders and managers are working hard to improve services for children and young people",
         "Ofsted", "source"),
        ("Measurable improvements have been made in assessing the health needs for looked after children",
         "Ofsted", "source"),
    ]


def test_a_later_quote_paragraph_goes_on_with_the_last_speaker():
    body = ('"Many urgent and crucial recommendations have not been addressed," the report said.\n\n'
            '"Services have been too slow to develop a shared partnership approach to the agenda."\n')
    found = quotes(body)
    assert [(s, k) for _, s, k in found] == [("the report", "source"), ("the report", "source")]


@pytest.mark.parametrize("body,speaker", [
    ('Councillor Frances Nicholson said: "We accept the findings in full and are determined to act."',
     "Councillor Frances Nicholson"),
    ("The council's leader said the news was 'deeply disappointing'.", "The council's leader"),
    ('John Smith, the cabinet member, said services were "on the road to recovery".',
     "John Smith, the cabinet member"),
])
def test_quotations_of_other_speakers_are_theirs(body, speaker):
    [(_, got_speaker, kind)] = quotes(body)
    assert (got_speaker, kind) == (speaker, "other")


def test_figures_inside_another_speakers_quotation_are_attributed_to_them():
    body = 'Councillor Frances Nicholson said: "We have hired 40 new social workers this year."'
    figures = [c for c in claims_of(body) if c.kind == "figure"]
    assert [(c.payload.value, c.attribution) for c in figures] == [(40, "Councillor Frances Nicholson")]


def test_a_quotation_with_no_speaker_is_unknown():
    found = quotes('The words "wholly unacceptable" appear on the front page.')
    assert found == [("wholly unacceptable", "", "unknown")]


def test_a_quoted_grade_is_a_rating_not_a_quotation():
    claims = claims_of('Adoption performance was rated "requires improvement" by Ofsted.')
    assert [c.kind for c in claims if c.kind in ("quote", "rating")] == ["rating"]


def test_list_after_the_report_said():
    body = ("The report said:\n\n"
            "- Social workers have high caseloads and describe struggling\n\n"
            "- Management oversight is not sufficiently robust\n\n"
            "The council has since appointed a new director.\n")
    found = quotes(body)
    assert found == [
        ("Social workers have high caseloads and describe struggling", "The report", "source"),
        ("Management oversight is not sufficiently robust", "The report", "source"),
    ]


def test_list_after_another_speaker_is_not_the_sources():
    body = ("The council leader said:\n\n"
            "- We will recruit more permanent staff over the year\n\n"
            "- We will cut caseloads for every social worker\n")
    assert quotes(body) == []


def test_list_ends_at_the_first_ordinary_paragraph():
    body = ("Inspectors said:\n\n"
            "- Many cases are closed far too quickly\n\n"
            "The council has accepted every recommendation made by the inspectors in the report.\n")
    assert [w for w, _, _ in quotes(body)] == ["Many cases are closed far too quickly"]


@pytest.mark.parametrize("speaker,kind", [
    ("the report", "source"), ("Ofsted", "source"), ("Inspectors", "source"),
    ("the inspection team", "source"), ("the watchdog", "source"),
    ("HM Inspectorate of Prisons", "source"),
    ("a council spokesman", "other"), ("Councillor Jane Lock", "other"),
    ("the county council's report", "other"), ("Mr Wooster", "other"), ("", "unknown"),
    ("someone", "unknown"),
])
def test_classify_speaker(speaker, kind):
    assert classify_speaker(speaker) == kind


def test_pronoun_speakers_take_the_last_named_speaker_of_their_sort():
    body = ('The report was published today. It said the council had shown "chronic instability" '
            "for years.\n\n"
            'Council leader John Osman responded. He said the council was "determined to improve".\n')
    assert quotes(body) == [("chronic instability", "The report", "source"),
                            ("determined to improve", "John Osman", "other")]


@pytest.mark.parametrize("body,speaker,kind", [
    ('"We have a long way to go," said Councillor Frances Nicholson.',
     "Councillor Frances Nicholson", "other"),
    ('"Too many cases are closed too soon," said the watchdog.', "the watchdog", "source"),
])
def test_inverted_said_x(body, speaker, kind):
    [(_, got_speaker, got_kind)] = quotes(body)
    assert (got_speaker, got_kind) == (speaker, kind)
