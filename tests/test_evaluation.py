"""The quality gate: the project's own evaluation on the seed gold must hold its floors
(issue 2's acceptance).  `make eval` prints the same figures with the details."""

from __future__ import annotations

import pytest

from checker.evaluate import GATES, evaluate, render


@pytest.fixture(scope="module")
def scores():
    return evaluate()


def test_must_flags_are_all_reported_with_both_values(scores):
    assert [gid for gid, hit, _ in scores.must if not hit] == []
    messages = {gid: msgs[0] for gid, _, msgs in scores.must}
    assert "leaders" in messages["000-10"] and "leavers" in messages["000-10"]
    assert "5 director" in messages["003-12"] and "8 director" in messages["003-12"]


def test_no_false_alarms(scores):
    assert scores.false_alarms == []


def test_alignment_floor(scores):
    assert scores.figures()["alignment"] >= GATES["alignment"]


def test_relations_all_right(scores):
    assert [(a, g, m) for a, g, m in scores.relations if g != m] == []


def test_no_false_support_on_claims_the_source_does_not_hold(scores):
    # issue 13's acceptance: a claim the gold marks not in the source is never 'supported'
    assert [g for _, g, _ in scores.verdicts].count("not_in_source") > 0
    assert scores.false_support == []


def test_no_claims_from_page_furniture(scores):
    assert scores.boilerplate == []


def test_report_prints_every_gate(scores):
    text = render(scores)
    for label in ("must-flag recall", "false alarms", "alignment", "false support", "relations",
                  "boilerplate claims", "per finding code"):
        assert label in text
    assert "gates: all pass" in text
