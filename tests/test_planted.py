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
    # a second round, written after the rules above and run before any change to them
    ("At 31 January 2015, 3,067 children had been identified as in need of a specialist children's service.","NUM01"),
    ("The number of children subject to a child protection plan rose from 412 to 742.","NUM01"),
    ("In October 2014 the council audited 24 cases of children placed some distance from Somerset.","NUM01"),
    ("Inspectors saw 63 cases of concern referred together in one batch from the Royal United Hospital Bath.","NUM01"),
    ("The take-up of dental checks by looked after children is 68% in Somerset.","NUM01"),
    ("The inspection team consisted of nine of Her Majesty's Inspectors.","NUM01"),
    ("Children made 23 complaints in 2013-2014, the annual complaints report shows.","NUM01"),
    ('Ofsted said the response to child sexual exploitation "across the partnership is good".',"QUO01"),
    ('The report said "many urgent and crucial recommendations from these inspections have been addressed".',"QUO01"),
    ('Inspectors said there is "a strong culture of openness" in the service.',"QUO02"),
    ("The chair of the LSCB has been in post since September 2013.","DAT01"),
    ("The last Ofsted inspection of services for looked after children was in June 2011.","DAT01"),
    ("Leadership, management and governance was judged to require improvement.","RAT01"),
    ("Children who need help and protection were judged good.","RAT01"),
    ("The report was published on 27 April 2015.","DAT01"),
    ("The Interim Director of Children's Services has been in post since December 2014.","DAT01"),
    # a fourth round: numeric dates, fractions, appositive and negated ratings
    ("The report, published on 26/03/2015, found failures.","DAT01"),
    ('"Private fostering arrangements are being identified," the report said.',"QUO01"),
    ('The watchdog said "the fostering service is weak with skilled, committed carers".',"QUO01"),
    ("Nearly two-thirds of looked after children live outside the local authority area.","NUM01"),
    ("Ofsted gave adoption performance the lowest rating, inadequate.","RAT01"),
    ("The inspection team was made up of five of Her Majesty's Inspectors.","NUM01"),
    ("Somerset's LSCB was rated good.","RAT01"),
    ("Inspectors said that there had been nine different directors of children's services in ten years.","NUM01"),
    ("There are currently 428 looked after children in Somerset.","NUM01"),
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
    "At 31 January 2015, 3,607 children had been identified as in need of a specialist children's service.",
    "The number of children subject to a child protection plan rose from 412 to 472.",
    "In October 2014 the council audited 42 cases of children placed some distance from Somerset.",
    "Inspectors saw 36 cases of concern referred in a single batch from a hospital in Bath.",
    "Take-up of dental checks by looked after children is 86%, above the England average of 84%.",
    "The inspection team consisted of seven of Her Majesty's Inspectors.",
    "Children made 32 complaints in 2013-14.",
    'Ofsted said the response to child sexual exploitation "across the partnership is poor".',
    "The chair of the LSCB has been in post since September 2012.",
    "The last Ofsted inspection of services for looked after children was in June 2012, when they were judged adequate.",
    "Leadership, management and governance was judged inadequate.",
    "Roughly one in five children does not have a personal education plan completed on time.",
    "Almost 110,000 children and young people under 18 live in Somerset.",
    "Around 20% of Somerset's population are children.",
    "The report was published in March 2015.",
    "Inspectors visited between 20 January and 11 February 2015.",
    "The council has about 480 looked after children.",
    "Fewer than 500 children are looked after by the council.",
    "Two of the five children's homes run by the council were judged inadequate.",
    "Caseloads for IROs exceed 80, the report said.",
    "The report, published on 27/03/2015, found failures.",
    '"Private fostering arrangements are not being identified," the report said.',
    "More than a quarter of looked after children live outside the local authority area.",
    "Adoption was the only area not rated inadequate; it requires improvement.",
    "Somerset's LSCB was also found inadequate.",
    "Inspectors said Somerset had eight different directors of children's services over ten years.",
    "There are currently 482 looked after children in Somerset.",
    "Two of the council's five children's homes were judged inadequate.",
    "The council's social work vacancy rate was 23.3%.",
    "Inspectors found some good practice, but said too many children experience too many changes of social worker.",
    "The inspection took place over three weeks in January and February.",
    "Somerset County Council said it accepted the findings.",
    "About 870 families have been helped by the Troubled Families Programme.",
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
