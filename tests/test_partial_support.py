"""Partial support (STA01): a statement that goes further than its passage in words a
rule can name, and faithful statements left alone; first on passages given as text,
then end to end against the seed report (sentences other than the seed articles')."""

from __future__ import annotations

import pytest

from checker.compare.partial import overstatements

PASSAGES = [
    ("¶1", "There are serious weaknesses. Since the last inspection in 2013, services have not "
           "improved sufficiently and some children are not adequately safeguarded."),
    ("¶2", "Most care leavers have a pathway plan. Some children may be at risk of harm "
           "because referrals are slow. In May 2014 the team moved offices."),
    ("¶3", "Partners are not fully committed to the safety of children."),
    ("¶4", "Automotive fuel sales volumes rose by 1.1% in May 2022, which may in part be linked to "
           "increased hybrid working and a fall in those working exclusively from home."),
]


@pytest.mark.parametrize("claim,kind,article,source", [
    ("Inspectors found no improvement in services since the last inspection in 2013.",
     "absolute_negative", "no improvement", "not improved sufficiently"),
    ("Services have not improved since the last inspection.",
     "absolute_negative", "not improved", "not improved sufficiently"),
    ("Partners are not committed to the safety of children.",
     "absolute_negative", "not committed", "not fully committed"),
    ("All care leavers have a pathway plan.", "all_for_some", "all care", "most care"),
    ("Children are at risk of harm because referrals are slow.",
     "hedge_dropped", "risk of harm", "may be at risk of harm"),
    # a cause the source hedges, stated firmly (ONS retail sales, May 2022, and its coverage);
    # the month May is no hedge
    ("Fuel sales volumes rose by 1.1% in May, driven by increased hybrid working.",
     "hedge_dropped", "driven by increased", "may in part be linked to increased"),
])
def test_an_overstatement_is_named(claim, kind, article, source):
    [found] = overstatements(claim, PASSAGES)
    assert (found.kind, found.article, found.source) == (kind, article, source)
    assert found.sentence in dict(PASSAGES)[found.passage]  # the source's own sentence


@pytest.mark.parametrize("claim", [
    "Services have not improved sufficiently since the last inspection.",  # the qualifier kept
    "Most care leavers have a pathway plan.",
    "Some children may be at risk of harm because referrals are slow.",  # the hedge kept
    "Fuel sales rose by 1.1% in May, which may be linked to increased hybrid working.",  # the hedge kept
    "Fuel sales rose by 1.1% in May, as the team moved offices.",  # no cause the source hedges
    "In 2014 the team moved offices.",  # "May" the month is no hedge
    "No children were adopted in 2014.",  # no passage tells of adoption
    "Partners are not fully committed to the safety of children.",
])
def test_a_faithful_statement_is_left_alone(claim):
    assert overstatements(claim, PASSAGES) == []


def test_the_source_saying_the_stronger_form_itself_is_no_overstatement():
    passages = [*PASSAGES, ("¶4", "There has been no improvement in services since 2013.")]
    assert overstatements("Inspectors found no improvement in services since 2013.", passages) == []


# ``check`` (tests/conftest.py): a sentence checked as an article against the seed report


def _statement(result, text):
    return next(c for c in result.claims if c.claim.kind == "statement" and text in c.claim.text)


@pytest.mark.parametrize("sentence,article,source", [
    ("Oversight, scrutiny and challenge from corporate leaders has not been robust.",
     "not been robust", "not been sufficiently robust"),
    ("All care leavers spoken to said that they feel safe where they live.", "all care", "most care"),
])
def test_the_report_supports_only_part_and_says_so(check, sentence, article, source):
    claim = _statement(check(sentence), sentence[:30])
    assert claim.verdict == "supported"
    [finding] = claim.findings
    assert (finding.code, finding.severity) == ("STA01", "warning")
    assert (finding.article_value, finding.source_value) == (article, source)
    assert claim.alignment.evidence[0].passage == finding.passage  # cites the qualified sentence


@pytest.mark.parametrize("sentence", [
    "Oversight, scrutiny and challenge from corporate leaders has not been sufficiently robust.",
    "Most care leavers spoken to said that they feel safe where they live.",
])
def test_the_report_sentence_repeated_is_not_flagged(check, sentence):
    assert _statement(check(sentence), sentence[:30]).findings == ()

