"""The subject of a report (checker/ingest/subjects.py), the periods statistics are for
(read with checker/extract/periods.py), how an article names a subject (checker/compare/mentions.py),
and corpus mode choosing among editions of one statistic."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.compare.mentions import names_topic, other_subjects, own_mentions
from checker.corpus.attribution import attribute
from checker.corpus.store import open_index
from checker.ingest.documents import document_from_text, load_document
from checker.ingest.subjects import key_words, named_subjects, windowed_periods
from checker.model import Subject

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def subject_of(text: str) -> Subject | None:
    return document_from_text(text, "report.txt", "source").facts.subject


@pytest.mark.parametrize("text, kind, name, edition", [
    ("Consumer price inflation, UK: August 2021\n\nPrice indices and weights.\n",
     "statistic", "Consumer price inflation, UK", "August 2021"),
    ("Crime in England and Wales: year ending June 2019\n\nCrime against households.\n",
     "statistic", "Crime in England and Wales", "year ending June 2019"),
    ("GDP quarterly national accounts, UK: April to June 2021, second estimate\n\nRevised.\n",
     "statistic", "GDP quarterly national accounts, UK", "April to June 2021, second estimate"),
    ("Field Place Infant School Ofsted Report\n\nFull inspection result: Requires Improvement\n",
     "school", "Field Place Infant School", ""),
    ("Somerset County Council\n\nInspection of services for children in need\n",
     "council", "Somerset County Council", ""),
    ("HMP Lowdham Grange\n\nWhat we found\n\nInspectors returning to Lowdham Grange prison found...\n",
     "prison", "HMP Lowdham Grange", ""),
    ("PEEL: Police effectiveness 2018/19\n\nAn inspection of Cumbria Constabulary\n",
     "police", "Cumbria Constabulary", ""),
    ("Inspection report\n\nThe Royal Wolverhampton NHS Trust was rated requires improvement.\n",
     "health", "Royal Wolverhampton NHS Trust", ""),
    ("News release\n\nThe Care Quality Commission (CQC) has today published its reports.\n",
     "body", "Care Quality Commission", ""),
    ("University of Exeter\nGreen spaces deliver lasting mental health benefits\n",
     "university", "University of Exeter", ""),
    ("Avon 2018/19\n\nOverall, Avon Fire and Rescue Service is inadequate at looking after its people.\n",
     "fire", "Avon Fire and Rescue Service", ""),
    # a gerund and 'on' start no place: the council is the one reported on
    ("Reporting on Clackmannanshire Council\n\nAccounts Commission\n", "council", "Clackmannanshire Council", ""),
])
def test_the_subject_is_read_from_the_title_or_opening(text, kind, name, edition):
    subject = subject_of(text)
    assert (subject.kind, subject.name, subject.edition) == (kind, name, edition)
    assert subject.passage  # where it was read, for a citation


def test_a_report_naming_no_subject_has_none():
    assert subject_of("Summary\n\nThings have improved since the last visit.\n") is None


def test_a_schools_urn_is_kept_and_the_council_stays_the_authority():
    school = subject_of("Hillside Primary School\n\nURN: 123456\n\nInspection dates: 3–4 May 2022\n")
    assert (school.kind, school.identifiers) == ("school", (("urn", "123456"),))
    facts = document_from_text("Somerset County Council\n\nReport published: 27 March 2015\n",
                               "r.txt", "source").facts
    assert facts.authority == "Somerset County Council" and facts.subject.kind == "council"
    assert document_from_text("Hillside Primary School\n", "r.txt", "source").facts.authority is None


def test_a_release_keeps_the_periods_its_main_points_are_for():
    source = load_document(str(CORPORA / "editions/ons-cpi-apr2023/source.txt"), "source")
    # the latest period of each point: 'from 19.2% in the year to March 2023' is a comparison
    assert source.facts.subject.periods == ("12 months to April 2023", "year to April 2023")
    assert source.facts.published == "2023-05-24"  # its 'Release date'
    labour = load_document(str(CORPORA / "wild-dev/ons-lms-oct2020-bbc/source.txt"), "source")
    assert labour.facts.subject.periods == ("June to August 2020",)


def test_a_review_titled_with_its_dates_gives_the_inspection_dates():
    facts = load_document(str(CORPORA / "editions/hmip-lowdham-review-2024/source.txt"), "source").facts
    assert (facts.inspection_start, facts.inspection_end) == ("2024-01-08", "2024-01-10")


@pytest.mark.parametrize("text, ends", [
    ("CPI rose by 7% in the 12 months to March 2022, up from 6.2% in February.", ["2022-03"]),
    ("The unemployment rate grew to 4.5% in the three months to August.", ["--08"]),
    ("Figures for June to August 2020 show a rise.", ["2020-08"]),
    ("Crime in the year ending June 2019 fell.", ["2019-06"]),
    ("Inflation accelerated to 9% in the 12 months through April.", ["--04"]),
    ("It was the highest since March 1992, and the fastest since 1990.", []),
])
def test_the_periods_a_statistic_is_for_are_spans_and_run_ups(text, ends):
    assert [p.end for p in windowed_periods(text)] == ends


def test_subjects_are_named_by_the_words_that_tell_them_apart():
    school = Subject("school", "Field Place Infant School")
    assert key_words(school) == "field place"
    assert own_mentions("Many of Field Place’s strengths were recognised.", school) == 1
    assert own_mentions("Field House Infant School was rated good.", school) == 0
    assert other_subjects("Field House Infant School was rated good.", school) == {
        "Field House Infant School": 1}
    council = Subject("council", "Somerset County Council")
    assert own_mentions("Taunton and Somerset NHS Foundation Trust was inspected.", council) == 0
    assert own_mentions("Somerst County Council was rated inadequate.", council) == 1


def test_a_statistic_is_named_by_its_topic_in_everyday_words():
    prices = Subject("statistic", "Consumer price inflation, UK", edition="March 2022")
    assert names_topic("Prices rising at fastest rate since 1992", prices)
    assert names_topic("UK inflation hits 30-year high", prices)
    assert not names_topic("Unemployment rate hits highest level in three years", prices)
    jobs = Subject("statistic", "Labour market overview, UK")
    assert names_topic("The UK unemployment rate has surged", jobs)
    assert not names_topic("The market expectation was 9.1%", jobs)


def test_named_subjects_skip_opening_words_and_nameless_kinds():
    named = [(s.kind, s.name) for s, _ in named_subjects(
        "Although Croydon Health Services NHS Trust is working hard, a category B prison "
        "and HMP Lowdham Grange were inspected.")]
    assert named == [("health", "Croydon Health Services NHS Trust"), ("prison", "HMP Lowdham Grange")]


@pytest.fixture(scope="module")
def editions_corpus(tmp_path_factory):
    """Three consumer-prices editions and two labour-market ones, as a corpus."""
    folder = tmp_path_factory.mktemp("editions")
    for path in ("wild-dev/ons-cpi-mar2022-bbc/source.txt", "editions/ons-cpi-apr2022/source.txt",
                 "editions/ons-cpi-apr2023/source.txt", "wild-dev/ons-lms-oct2020-bbc/source.txt",
                 "editions/ons-lms-nov2020/source.txt"):
        shutil.copy(CORPORA / path, folder / (Path(path).parent.name + ".txt"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHECKER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        return open_index(folder)


@pytest.mark.parametrize("article, chosen", [
    ("wild-dev/ons-cpi-mar2022-bbc/article.txt", "ons-cpi-mar2022-bbc.txt"),
    ("wild-dev/ons-cpi-mar2022-wontumi/article.txt", "ons-cpi-mar2022-bbc.txt"),
    # undated, its only year 'the highest since March 1992': once ruled out of every release
    ("wild-dev/ons-cpi-mar2022-national/article.txt", "ons-cpi-mar2022-bbc.txt"),
    ("editions/articles/shafaqna-cpi-apr2022.md", "ons-cpi-apr2022.txt"),
    ("editions/articles/journalnews-cpi-apr2022.md", "ons-cpi-apr2022.txt"),
    ("wild-dev/ons-lms-oct2020-bbc/article.txt", "ons-lms-oct2020-bbc.txt"),
    ("wild-dev/ons-lms-oct2020-hrreview/article.txt", "ons-lms-oct2020-bbc.txt"),
    # figures for September to November 2020: a later release than either, so the newest
    # earlier one, against which the article is later_report
    ("editions/articles/hrreview-lms-jan2021.txt", "ons-lms-nov2020.txt"),
])
def test_corpus_mode_chooses_the_edition_an_article_reports(editions_corpus, article, chosen):
    found = attribute(load_document(str(CORPORA / article), "article"), editions_corpus)
    assert found.chosen and Path(found.chosen.uri).name == chosen, found.reasons


@pytest.mark.parametrize("head, council", [
    ("Isle of Wight Council\n\nInspection of children’s social care services\n", "Isle of Wight Council"),
    ("Cheshire East Council\n\nInspection of children’s social care services\n", "Cheshire East Council"),
    ("Inspection of Bournemouth, Christchurch and Poole local authority children’s services\n\n"
     "Inspection dates: 6 to 17 December 2021\n", "Bournemouth, Christchurch and Poole"),
    ("Surrey Safeguarding Children Board\n\nReview of the effectiveness of the Local Safeguarding "
     "Children Board\n", "Surrey"),
    ("Inspection of Blackburn with Darwen local authority children’s services\n", "Blackburn with Darwen"),
    ("Metropolitan Borough of Rotherham\n\nRe-inspection of services for children in need of help "
     "and protection, children looked after and care leavers\n", "Metropolitan Borough of Rotherham"),
])
def test_a_councils_report_title_names_the_council_whole(head, council):
    # real first lines of corpora/ofsted-ilacs-dev reports; once read 'Wight Council',
    # 'East Council' and nothing for the other two
    from checker.ingest.documents import document_from_text

    facts = document_from_text(head, "r.txt", "source").facts
    assert (facts.subject.kind, facts.subject.name) == ("council", council)


# How releases of other statistics title themselves (the titles of the wild-new releases
# and of their other editions): a statistic and its edition.
@pytest.mark.parametrize("text, name, edition", [
    ("Permanent and fixed-period exclusions in England: 2016 to 2017\n\nMain text.\n",
     "Permanent and fixed-period exclusions in England", "2016 to 2017"),
    ("House price index: September 2015\n\nMain findings\n", "House price index", "September 2015"),
    ("Population estimates for the UK, England and Wales, Scotland and Northern Ireland: mid-2018\n\nMain points\n",
     "Population estimates for the UK, England and Wales, Scotland and Northern Ireland", "mid-2018"),
    ("Immigration statistics, year ending June 2024\n\nSummary\n", "Immigration statistics", "year ending June 2024"),
    ("Reported road casualties in Great Britain: main results 2015\n\nStatistical Release\n",
     "Reported road casualties in Great Britain", "main results 2015"),
    ("Mental Health Act statistics, annual figures 2015-16\n\nKey facts\n",
     "Mental Health Act statistics", "annual figures 2015-16"),
    # a PDF's cover lines before the title (NHS Digital's report)
    ("Inpatients formally detained in hospitals under\nthe Mental Health Act 1983, and patients\n"
     "subject to supervised community treatment\nUses of the Mental Health Act: Annual Statistics, 2015/16\n"
     "Published 30 November 2016\n", "Uses of the Mental Health Act", "Annual Statistics, 2015/16"),
    # a chapter of a release names the release in quotation marks
    ("Accredited official statistics\n\nHow many people do we grant protection to?\n\nPublished 22 August 2024\n\n"
     "Back to ‘Immigration system statistics, year ending June 2024’ content page.\n",
     "Immigration system statistics", "year ending June 2024"),
    # an edition with the word for what its year's figures count (ONS)
    ("Suicides in the UK: 2013 Registrations\n\nRegistered deaths in the UK from suicide analysed by sex.\n",
     "Suicides in the UK", "2013 Registrations"),
])
def test_a_release_title_names_its_statistic_and_edition(text, name, edition):
    subject = subject_of(text)
    assert (subject.kind, subject.name, subject.edition) == ("statistic", name, edition)


def test_a_date_label_is_no_statistic():
    assert subject_of("Report published: March 2015\n\nThings have improved.\n") is None


def test_an_audit_names_the_department_it_audits():
    subject = subject_of(
        "Holding managers to account for the resources they have been allocated is key to improving "
        "financial management at the Department for Environment, Food and Rural Affairs, according to a "
        "report out today by the National Audit Office.\n")
    assert (subject.kind, subject.name) == ("department", "Department for Environment, Food and Rural Affairs")
    assert own_mentions("The Department for Environment, Food and Rural Affairs needs a tighter control.",
                        subject) == 1


def test_a_publisher_beside_a_place_is_not_the_subject():
    # the CQC's press release on a care home is about the home
    subject = subject_of("CQC takes action to protect people at Nottingham care home\n\n"
                         "The Care Quality Commission (CQC) has rated Charnwood Care Home in Carlton, "
                         "inadequate, and placed it in special measures.\n")
    assert (subject.kind, subject.name) == ("health", "Charnwood Care Home")
    # alone in the first sentence it is the subject (a national release)
    subject = subject_of("CQC publishes first four reports\n\n21 November 2013\n\nThe Care Quality "
                         "Commission (CQC) has today (21 November) published the first reports.\n")
    assert (subject.kind, subject.name) == ("body", "Care Quality Commission")


def test_a_body_the_text_cites_further_down_is_not_the_subject():
    # NHS Digital's report cites the police chiefs' data; the release's CTO is a measure
    text = ("Key findings\n\nDuring 2015/16\n\nThe total number of detentions continued to rise.\n\n"
            "This rise should be viewed in the context of data released earlier this year by the "
            "National Police Chiefs’ Council (NPCC).\n\nKnown rates of Community Treatment Order (CTO) "
            "use for males were higher.\n")
    subject = subject_of(text)
    assert subject is None or subject.kind != "body"


def test_a_page_titled_with_its_name_is_about_it():
    # a CQC location page: the home's name on a line of its own, then used in the text
    subject = subject_of("• Care Home\n\nForest Hill\n\nOverall: Requires improvement\n\nAll Inspections\n\n"
                         "17 February 2022\n\nAbout the service\n\nForest Hill provides personal and nursing "
                         "care for up to 55 people.\n")
    assert (subject.kind, subject.name) == ("provider", "Forest Hill")
    assert own_mentions("Forest Hill Care Home, in Worksop, requires improvement.", subject) == 1


def test_an_untitled_release_is_known_by_what_its_figures_measure():
    # the 'Permanent exclusions' passage of DfE's 2016/17 release, without its title: its
    # figures are compared with 2015/16's, so they are 2016/17's
    source = load_document(str(CORPORA / "wild-new/dfe-exclusions-2016-17-tes/source.txt"), "source")
    subject = source.facts.subject
    assert (subject.kind, subject.name, subject.periods) == ("statistic", "permanent exclusion", ("2016/17",))
    # a press release: '..., a new report by NHS Digital shows'
    subject = subject_of("The number of detentions under the Mental Health Act in England decreased by "
                         "5.7 per cent from 2020-21 to 2021-22, a new report by NHS Digital shows.\n")
    assert (subject.kind, subject.name, subject.periods) == (
        "statistic", "detentions under the Mental Health Act", ("2021-22",))


def test_main_points_are_read_past_a_table_of_contents():
    population = load_document(str(CORPORA / "wild-new/ons-population-mid2018-dailymail/source.txt"), "source")
    assert (population.facts.subject.name, population.facts.subject.periods) == ("population of the UK",
                                                                                  ("mid-2018",))
    prices = load_document(str(CORPORA / "wild-new/ons-hpi-sep2015-charleslear-aug2015article/source.txt"),
                           "source")
    assert prices.facts.subject.name == "UK house prices"
    assert prices.facts.subject.periods[0] == "year to September 2015"


def test_house_prices_are_not_consumer_prices():
    houses = Subject("statistic", "UK house prices")
    prices = Subject("statistic", "Consumer price inflation, UK", edition="March 2022")
    assert names_topic("House prices in UK up 5.2%, says ONS index", houses)
    assert not names_topic("House prices in UK up 5.2%, says ONS index", prices)
    assert not names_topic("Inflation hits 30-year high", houses)


def test_a_statistic_is_named_by_the_names_in_its_title():
    detentions = Subject("statistic", "Uses of the Mental Health Act", edition="Annual Statistics, 2015/16")
    assert names_topic("'Concern' as detentions under Mental Health Act surge by 47% over decade", detentions)
    migration = Subject("statistic", "Immigration system statistics", edition="year ending June 2024")
    assert names_topic("Criminal gangs are cramming migrants on to dangerous boats", migration)


# The real title lines of corpora/wild-final's sources, none read before (a council named
# 'Board and Council', a university department, nothing).
@pytest.mark.parametrize("text, name, edition", [
    # a nation's statistic titled by topic, place and year (National Records of Scotland)
    ("Drug-related deaths in Scotland in 2019\n\nPublished on 15 December 2020\n\nStatistics of drug-related "
     "deaths in 2019 and earlier years, broken down by age, sex, selected drugs reported, underlying cause of "
     "death and NHS Board and Council areas.\n", "Drug-related deaths in Scotland", "2019"),
    # an edition heading above a title by topic (DfE's explore-education-statistics pages)
    ("Academic Year 2021/22\n\nKey stage 2 attainment\n\nThis is the latest dataNational statistics\n\n"
     "Introduction\n\nThis publication provides provisional attainment statistics for key stage 2.\n",
     "Key stage 2 attainment", "Academic Year 2021/22"),
    # a financial year after the place and a comma (the Scottish Government's bulletin)
    ("Recorded Crime in Scotland, 2014-15\n\nOfficial Statistics Bulletin presents statistics on crimes and "
     "offences recorded and cleared up by the police in Scotland.\n", "Recorded Crime in Scotland", "2014-15"),
    # a name in title case and its month, no colon (NHS Digital's monthly release)
    ("Appointments in General Practice December 2019\n\nOfficial statistics, Experimental statistics\n\n"
     "Summary\n", "Appointments in General Practice", "December 2019"),
])
def test_a_statistic_titled_by_topic_and_place_or_under_its_edition(text, name, edition):
    subject = subject_of(text)
    assert (subject.kind, subject.name, subject.edition) == ("statistic", name, edition)


@pytest.mark.parametrize("title", [
    "Unemployment falls to lowest level since March 2019",  # a headline: its verb is lower case
    "Last Updated December 2019",  # a date's label
    "Field Place Infant School December 2019",  # a school's report, not a statistic
])
def test_a_line_ending_in_a_month_is_no_statistic_unless_a_title_case_name(title):
    subject = subject_of(f"{title}\n\nThe figures were published today.\n")
    assert subject is None or subject.kind != "statistic"


def test_a_list_of_kinds_of_area_is_no_council():
    text = "broken down by age, sex and NHS Board and Council areas."
    assert [s for s, _ in named_subjects(text) if s.kind == "council"] == []
    # a council named before its area still is one
    assert [s.name for s, _ in named_subjects("deaths in the Dundee City Council area")] == ["Dundee City Council"]


def test_the_release_titled_by_topic_names_its_statistic_as_reporters_do():
    drugs = Subject("statistic", "Drug-related deaths in Scotland", edition="2019")
    assert names_topic("Scotland's drug deaths hit a record high", drugs)
    ks2 = Subject("statistic", "Key stage 2 attainment", edition="Academic Year 2021/22")
    assert names_topic("Fifty-nine per cent of pupils achieved the expected standard in this year's key "
                       "stage 2 SATs", ks2)


def test_a_study_press_release_is_about_the_study_not_its_dateline():
    # the BMJ's release: its dateline names where it was issued (a university department,
    # a hospital), the study is known by its journal
    subject = subject_of(
        "New dementia risk score helps identify people at risk\n\nDepartment of Psychiatry, Warneford "
        "Hospital, Oxford, UK – A new dementia risk score, which draws on 11 mostly modifiable risk factors, "
        "identifies people at risk – from mid-life onwards – of developing the disease within the next 14 "
        "years, suggests a large long term study published in the open access journal BMJ Mental Health.\n\n"
        "The UK Biobank Dementia Risk Score, or UKBDRS for short, outperformed three other widely used risk "
        "scores originally developed in Australia (ANU-ADRI), Finland (CAIDE), and the UK (DRS).\n")
    assert (subject.kind, subject.name) == ("study", "BMJ Mental Health")
    assert own_mentions("The findings were published in the open access journal BMJ Mental Health.", subject) == 1
    assert own_mentions("Nature shows the nature of things.", Subject("study", "Nature")) == 1  # as written


@pytest.mark.parametrize("text, name", [
    # a committee's report: the name before its title's colon, the publisher after a dash
    ("Universal Credit: early progress - Public Accounts Committee Contents\n\n\nConclusions and "
     "recommendations\n\n\n1.  The Department has stated that Universal Credit will simplify the benefits "
     "system by consolidating six means-tested working-age benefits into a single system.\n",
     "Universal Credit"),
    # an inspectorate's press release on its annual report: the service its headline names and
    # its first sentence names again
    ("Chief Inspector calls for an independent review of the Probation Service, publishing his final annual "
     "report\n\nThe outgoing Chief Inspector of Probation, Justin Russell, is calling for an independent "
     "review of whether the Probation Service should return to local control, two years on from "
     "unification into a national service.\n", "Probation Service"),
])
def test_a_report_titled_by_what_it_is_about(text, name):
    subject = subject_of(text)
    assert (subject.kind, subject.name) == ("report", name)


def test_a_residential_home_is_a_care_home():
    # CQC's release on Pinglenook Residential Home (corpora/wild-last): the home, not the CQC
    subject = subject_of("CQC takes action to protect people at Loughborough care home\n\n"
                         "The Care Quality Commission (CQC) has taken action to protect people living at Pinglenook "
                         "Residential Home following an inspection in October that sees them rated inadequate again.\n")
    assert (subject.kind, subject.name) == ("health", "Pinglenook Residential Home")
