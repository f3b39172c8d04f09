"""Planted discrepancies and faithful paraphrases on sentences of the seed report other
than the ones the seed articles use: the general rules must catch the first and leave
the second alone.  Each case is a one-sentence story about Somerset's report."""

from __future__ import annotations

import pytest

from checker.engine import Checker
from checker.ingest.documents import document_from_text, load_document

REPORT = "corpora/seeds/ofsted-2015-03-27-somerset-childrens-services-report.txt"
LEAD = "Ofsted has published its report on Somerset County Council's children's services.\n\n"

MISREPORTED = [
    # figures
    ("The council reviewed decisions in over 3,500 closed cases and re-opened over 200.", "NUM01"),
    ("Forty six children have been in their current placements for more than two years without permanence plans.", "NUM01"),
    ("The local authority operates six children's homes, none judged good or outstanding.", "NUM01"),
    ("In the last year there have been 65 adoptions, the report said.", "NUM01"),
    ("Only 43% of eligible looked after children reached level 4 in reading, writing and maths at Key Stage 2 in 2014.", "NUM01"),
    ("A social worker vacancy rate of 32.3% means many short-term staff are employed.", "NUM01"),
    ("The Troubled Families Programme is improving the lives of 780 families.", "NUM01"),
    ("Some social workers report having had five team managers since April 2014.", "NUM01"),
    # quotations
    ('Inspectors found "a culture of distrust" had been allowed to persist.', "QUO01"),
    ('The report said "chronic instability at every level of the organisation" had been allowed to persist.', "QUO01"),
    ('Ofsted said the Improvement Board "has been wholly ineffective".', "QUO01"),
    ('The report described services as "in a state of total collapse".', "QUO02"),
    # ratings
    ("Adoption performance was judged inadequate by inspectors.", "RAT01"),
    ("The experiences and progress of care leavers were rated 'good'.", "RAT01"),
    ("The Local Safeguarding Children Board was rated as requiring improvement.", "RAT01"),
    # dates
    ("The report was published on 26 March 2015.", "DAT01"),
    ("The inspection took place in March 2015.", "DAT01"),
    ("A new Chief Executive was permanently appointed in June 2014, the report said.", "DAT01"),
]

FAITHFUL = [
    "The council reviewed decisions in more than 2,500 closed cases and re-opened over 200 of them.",
    "Thirty six children have been in their current placements for over two years without permanence plans.",
    "The local authority runs five children's homes, two of which were judged inadequate.",
    "There were 56 adoptions in the last 12 months.",
    "Only a third of eligible looked after children reached the benchmark at Key Stage 2 in 2014.",
    "Nearly a quarter of social worker posts are vacant: the vacancy rate is 23.3%.",
    "The Troubled Families Programme is improving the lives of 870 families.",
    "There were eight different directors of children's services in ten years.",
    'Inspectors found "a culture of mistrust" had been allowed to persist.',
    'The report said "chronic instability at all levels of the organisation" had been allowed to persist.',
    'Ofsted said "the Improvement Board has been ineffective".',
    "Adoption performance requires improvement, inspectors said.",
    "Care leavers' experiences and progress were judged inadequate.",
    "The Local Safeguarding Children Board was also rated inadequate.",
    "The report was published on 27 March 2015.",
    "The inspection took place between January and February 2015.",
    "A new Chief Executive was permanently appointed in May 2014.",
    "Inspectors said social workers work hard and are determined to improve outcomes for children.",
    "About 15% of children in Somerset live in poverty, the report said.",
    "More than 470 children were the subject of a child protection plan.",
]


@pytest.fixture(scope="module")
def run():
    checker = Checker()
    report = load_document(REPORT, "source")

    def check(sentence: str):
        article = document_from_text(LEAD + sentence + "\n", "planted.txt", "article")
        return checker.check(article, [report])

    return check


@pytest.mark.parametrize("sentence,code", MISREPORTED)
def test_planted_discrepancy_is_flagged(run, sentence, code):
    result = run(sentence)
    codes = [f.code for f in result.findings]
    assert result.relation.verdict == "same_report"
    assert code in codes, f"{code} not in {[(f.code, f.message) for f in result.findings]}"


@pytest.mark.parametrize("sentence", FAITHFUL)
def test_faithful_paraphrase_is_not_flagged(run, sentence):
    result = run(sentence)
    assert [(f.code, f.message) for f in result.findings if f.severity != "info"] == []
