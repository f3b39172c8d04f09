"""A source whose text stops short: what it lacks cannot be known."""

from __future__ import annotations

from checker.engine import Checker
from checker.ingest.completeness import stops_mid_sentence
from checker.ingest.documents import document_from_text


def test_a_text_that_stops_inside_a_sentence_is_incomplete():
    assert stops_mid_sentence("Prices rose.\n\nThis is the highest rate in the series, which began in 2006. Th")
    assert not stops_mid_sentence("Prices rose by 7% in the year to March.\n")
    assert not stops_mid_sentence("The report ends here.\n\n© Crown copyright 2015\n")  # a short footer


def test_a_text_that_ends_on_a_heading_or_a_list_item_is_incomplete():
    # stored page beginnings of a CQC release and an Ofsted report (corpora/wild-final)
    assert stops_mid_sentence("We will continue to monitor the service.\n\nInspectors found the following areas ")
    assert stops_mid_sentence("  • collect staff information into a single central record.\n  • Develop ")
    # a footer, an end mark, a page number: a complete text may end on any of them
    assert not stops_mid_sentence("The report ends here.\n\nPage 3 of 12\n")
    assert not stops_mid_sentence("The release ends here.\n\nENDS\n")


def test_a_short_last_line_that_stops_on_an_open_word_is_incomplete():
    # a stored page that stops inside a list item of an Ofsted report
    assert stops_mid_sentence("Reduce the instances of low-level disruption in lessons, by:\n    • ensuring that")
    assert stops_mid_sentence("Leaders must improve the quality of")
    assert not stops_mid_sentence("Inspection report\n\nOverall effectiveness: Inadequate\n\nPage 3 of 12")
    assert not stops_mid_sentence("Reduce disruption, by:\n    • ensuring that staff apply the policy.")


def test_a_text_that_ends_inside_a_quotation_is_incomplete():
    # a council's stored release on an Estyn report (corpora/wild-last): its last paragraph
    # opens a quotation and stops before closing it
    assert stops_mid_sentence("The Chair of Governors, Lynne Davies said: \u2018While we fully accept the report\u2019s "
                              "findings, we also recognise the strengths identified over the past 18 months.")
    assert stops_mid_sentence('The chief inspector said: "Leaders have acted quickly.')
    assert not stops_mid_sentence("The Chair said: \u2018We accept the report\u2019s findings.\u2019")
    assert not stops_mid_sentence("The chief inspector said: \u201cLeaders have acted quickly.\u201d")
    assert not stops_mid_sentence("The report\u2019s findings were accepted by the governors\u2019 chair.")


_REPORT = ("Inspection of HMP Lowdham Grange\n\n"
           "Inspectors found that the prison was not safe enough and that staffing was low.\n\n"
           "The chief inspector said staff shortages had left men locked in their cells for")


def test_absence_is_a_note_against_an_incomplete_source():
    # the article names the prison, so that it reports the source (against a source whose
    # subject it never names, the relation is unknown and absence is a note whatever)
    article = document_from_text('Lowdham Grange report\n\nThe report said the jail was "a place of fear and '
                                 'chaos" for inmates.\n', "a.txt", "article")
    cut = Checker().check(article, [document_from_text(_REPORT, "r.txt", "source")])
    whole = Checker().check(article, [document_from_text(_REPORT + " 23 hours a day.\n", "r.txt", "source")])
    assert [(f.code, f.severity) for f in whole.findings] == [("QUO02", "warning")]
    assert [(f.code, f.severity) for f in cut.findings] == [("QUO02", "info")]
    assert "stops mid-sentence" in cut.findings[0].message
