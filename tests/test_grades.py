"""Grades of any inspectorate read from real report wording (corpora/grades/excerpts.json:
CQC, HMICFRS, HMIP, Ofsted schools; the councils' layouts are in test_ilacs.py), the
history a report gives never taken for its judgement, and an article's grade held to the
source's grade of the same subject."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.engine import Checker
from checker.ingest.documents import document_from_text
from checker.ingest.grades import canonical_grade, read_judgements, subject_of
from checker.ingest.passages import split_passages

EXCERPTS = json.loads(Path("corpora/grades/excerpts.json").read_text(encoding="utf-8"))


def grades(text: str) -> dict[str, str]:
    return {j.subject: j.grade for j in read_judgements(split_passages(text))}


@pytest.mark.parametrize("excerpt", EXCERPTS, ids=lambda e: f"{e['inspectorate']}-{e['layout']}")
def test_real_excerpt(excerpt):
    assert grades(excerpt["text"]) == excerpt["expect"]


def test_layouts_per_inspectorate():
    layouts: dict[str, set[str]] = {}
    for e in EXCERPTS:
        if e["expect"]:
            layouts.setdefault(e["inspectorate"], set()).add(e["layout"])
    assert layouts["cqc"] == {"label", "list", "prose"}
    assert layouts["ofsted-school"] == {"table", "label", "prose"}
    assert layouts["hmicfrs"] == {"list", "prose", "statement"}
    assert layouts["hmip"] == {"prose", "all tests", "change"}


@pytest.mark.parametrize("text,grade", [
    ("not sufficiently good", "not sufficiently good"), ("reasonably good", "reasonably good"),
    ("Satisfactory", "satisfactory"), ("Requires improvement to be good", "requires improvement"),
])
def test_scales(text, grade):
    assert canonical_grade(text) == grade


@pytest.mark.parametrize("text,subject", [
    ("Are services well-led?", "well_led"), ("safety", "safe"), ("Overall effectiveness", "overall"),
    ("Effectiveness of leadership and management", "leadership"),
    ("purposeful activity", "purposeful_activity"), ("rehabilitation and release planning", "rehabilitation"),
    ("Protecting vulnerable people", "protecting_vulnerable"), ("The experiences and progress of children in care", "looked_after"),
])
def test_subjects(text, subject):
    assert subject_of(text) == subject


def test_healthy_prison_scores_and_labels():
    text = "Healthy prison outcomes\n\nSafety: 2\n\nRespect – 3\n\nPurposeful activity – Poor\n"
    assert grades(text) == {"safe": "not sufficiently good", "respect": "reasonably good",
                            "purposeful_activity": "poor"}


def test_history_is_not_this_reports_judgement():
    text = ("Previous Ofsted inspections\n\n- The local authority was judged to be adequate.\n\n"
            "Summary\n\nThe last inspection report was published in November 2014. The judgements were:\n\n"
            "- Overall effectiveness: inadequate\n\nIn 2012 the service was judged adequate.\n\n"
            "Overall effectiveness\tPrevious inspection:\tGood\t2\n")
    assert grades(text) == {}


def test_a_grade_modifying_a_noun_is_not_a_judgement():
    assert grades("Placement stability for children looked after is good.\n\nThis is good practice.\n") == {}


CQC = "Riverside Care Home\n\nOverall: Good\n\nAre services safe? Requires improvement\n\nAre services caring? Good\n"


@pytest.mark.parametrize("sentence,code", [
    ("Riverside Care Home was rated good for safety.", "RAT01"),
    ("Riverside Care Home was rated requires improvement for safety.", None),
    ("The home was rated 'good' for caring.", None),
    ("The home was rated inadequate overall.", "RAT01"),
])
def test_article_grade_against_the_same_subject(sentence, code):
    checker = Checker(use_store=False)
    result = checker.check(document_from_text(sentence + "\n", "a.txt", "article"),
                           [document_from_text(CQC, "s.txt", "source")])
    codes = [f.code for f in result.findings]
    assert codes == ([code] if code else [])


PEEL = next(e["text"] for e in EXCERPTS if "Avon and Somerset Constabulary:" in e["text"])


@pytest.mark.parametrize("sentence,code", [
    ("Avon and Somerset Constabulary was rated requires improvement at operating efficiently.", "RAT01"),
    ("Avon and Somerset Constabulary was rated outstanding for efficiency.", None),
    ("The constabulary is good at helping officers find housing.", None),  # an activity no pillar names
])
def test_article_pillar_grade_against_a_peel_list(sentence, code):
    result = Checker(use_store=False).check(document_from_text(sentence + "\n", "a.txt", "article"),
                                            [document_from_text(PEEL, "s.txt", "source")])
    assert [f.code for f in result.findings] == ([code] if code else [])
