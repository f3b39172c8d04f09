"""Which edition of a statistic an article reports: the period its headline figures are
for, against the periods the release's main points are for.

A sub-editor reads the period off the headline and the opening ("inflation rose to 7%
in the 12 months to March"): the latest period stated there is the one the story is
about (earlier ones are its comparisons, "up from 6.2% in February").  The same figures
are the same report; a later period is a later bulletin (next month's, the next
quarter's), an earlier period an earlier one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.extract.dates import find_dates
from checker.extract.furniture import furniture_passages
from checker.extract.periods import Period, find_periods
from checker.ingest.subjects import has_year, periods_in, windowed_periods
from checker.model import Document, Passage, Subject
from checker.sentences import split_sentences

LEDE_PASSAGES = 4  # headline, standfirst and first paragraphs: where a story says what it is about
_DATELINE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday published updated posted on at "
    "last am pm gmt bst".split())


MASTHEAD_WORDS = 4


def _masthead(text: str) -> bool:
    """A publication's or a page's label above a story: 'Fact Service (May 2016)',
    'Issue 18', 'Updated : 09:50': a few capitalised words or numbers, no figure."""
    words = text.split()
    return (len(words) <= MASTHEAD_WORDS and not re.search(r"[%£$€]", text)
            and not any(w[:1].islower() for w in words))


def lede_passages(article: Document) -> list[Passage]:
    """The headline, standfirst and first paragraphs, page furniture and mastheads left out."""
    furniture = furniture_passages(article.passages)
    return [p for p in article.passages
            if p.index not in furniture and not _masthead(p.text)][:LEDE_PASSAGES]


def lede(article: Document) -> list[str]:
    return [p.text for p in lede_passages(article)]


def article_date(article: Document) -> str | None:
    """The dateline: a full date in the first lines, or the page's own metadata."""
    meta = article.meta.get("date")
    if isinstance(meta, str) and re.match(r"\d{4}-\d\d-\d\d", meta):
        return meta[:10]
    return dateline(article.passages[:6])


def dateline(passages: Sequence[Passage]) -> str | None:
    """A line that is a full date and nothing else ('Tuesday, January 24, 2017',
    '2011-09-13', 'Last updated 22/03/2018'): the page's date."""
    for passage in passages:
        for ref, start, end in find_dates(passage.text):
            rest = (passage.text[:start] + passage.text[end:]).split()
            if re.match(r"\d{4}-\d\d-\d\d$", ref.value) and all(
                    w.strip(",.|-–").lower() in _DATELINE_WORDS or not w.strip(",.|-–") for w in rest):
                return ref.value  # a line that is a date and nothing else: 'Tuesday, January 24, 2017'
    return None


def _month_key(period: Period, year: int) -> int:
    """Months since year 0 of the month a period ends in, ``year`` standing in for a
    year the text leaves out."""
    end = period.end or ""
    return (int(end[:4]) if end[:4].isdigit() else year) * 12 + int(end[-2:]) - 1


def source_months(subject: Subject) -> tuple[set[int], int] | None:
    """The months (as month keys) a release's figures are for, and the latest of them:
    its main points' periods, else its edition's (a labour-market release titled
    'November 2020' is for the three months to September).  None if it has no dated
    period."""
    covered = [p for text in subject.periods for p in periods_in(text) if has_year(p)]
    edition = _edition_period(subject.edition)
    ends = covered or ([edition] if edition and has_year(edition) else [])
    if not ends:
        return None
    keys = {_month_key(p, 0) for p in ends}
    return keys, max(keys)


_YEAR_TO_YEAR = re.compile(r"\b((?:19|20)\d\d)\s*(?:to|-|–)\s*((?:19|20)\d\d)\b")


def _edition_period(edition: str) -> Period | None:
    """The period a release's edition names: 'March 2022', 'year ending June 2024',
    'mid-2018'; '2016 to 2017' (DfE's academic and financial years) is the year 2016/17."""
    years = _YEAR_TO_YEAR.search(edition)
    if years and int(years.group(2)) == int(years.group(1)) + 1:
        edition = edition[:years.start()] + f"{years.group(1)}/{years.group(2)[2:]}" + edition[years.end():]
    found = periods_in(edition)
    return found[0] if found else None


def article_period(article: Document, reference: int) -> tuple[Period, int] | None:
    """The period the article's headline figures are for, and the month it ends in (a
    missing year read from the article's date, else the one nearest ``reference``)."""
    opening = lede(article)
    text = " ".join(opening)
    bases = [p for p, start, _ in find_periods(text) if _COMPARED_WITH.search(text[:start])]
    stated = [p for p in windowed_periods(text) if p not in bases] or [
        p for p, _, _ in find_periods(" ".join(opening[:2])) if p.end and p.months is None and p not in bases]
    if not stated:
        return None
    dated = article_date(article)
    latest = None if dated else latest_year(article)
    months = [(p, _month_key(p, _year_for(p, dated, reference, latest))) for p in stated]
    return max(months, key=lambda pair: pair[1])


# a figure a period's figure is compared with: "declined by 0.5% last month after increasing
# 0.4% in April", "up from 6.2% in February": its period is not the article's
_COMPARED_WITH = re.compile(r"\b(?:after|from|compared\s+(?:with|to)|than|against)\s+(?:\w+\s+){0,2}"
                            r"[\d.,]+\s*(?:%|per\s*cent|percent)?\s+(?:(?:in|for|during)\s+(?:the\s+)?)?$", re.I)


# A forecast's, an expectation's or a plan's words: the years of such a sentence are ahead
# ('plans to introduce Elizabeth line services ... between October 2020 and March 2021',
# 'scheduled to open in 2022').  'due to' only before a verb of what is planned: 'due to
# the pandemic' gives a cause.
_FUTURE = re.compile(r"\b(?:will|forecasts?|expects?|expected|projected|predicted|could|set to|later in|"
                     r"plans? to|planned|intends? to|aims? to|scheduled|"
                     r"due to (?:be|open|start|begin|finish|complete|close|end|launch|come|take|run|reopen))\b",
                     re.I)


def past_years(text: str) -> list[int]:
    """The years a text states of the past: those of its sentences that forecast, expect
    or plan nothing ('expects to spend £2.4 billion up to April 2023', 'projected to triple
    by 2050', 'rebounding later in 2015', 'plans to introduce services ... by March 2021'
    look ahead)."""
    return [int(y) for line in text.split("\n") for sentence in split_sentences(line)
            if not _FUTURE.search(sentence) for y in re.findall(r"\b(?:19|20)\d\d\b", sentence)]


def latest_year(article: Document) -> int | None:
    """The latest year an article states of the past (a forecast's year, 'rebounding later
    in 2015', may be ahead of it).  An undated story's figures are for that year or the
    next: the comparisons it makes are with a year ago ('cost £100 in January 2014 would
    have been 30p more last month', 'compared to 0.3% in September 2021')."""
    years = past_years(article.text)
    return max(years) if years else None


def _year_for(period: Period, dated: str | None, reference: int, latest: int | None = None) -> int:
    if has_year(period):
        return int(period.end[:4])
    month = int(period.end[-2:])
    if dated:
        year = int(dated[:4])
        return year if month <= int(dated[5:7]) else year - 1
    candidates = [reference // 12 + d for d in (-1, 0, 1)]
    if latest is not None and any(y <= latest + 1 for y in candidates):
        candidates = [y for y in candidates if y <= latest + 1]
    return min(candidates,
               key=lambda y: abs(y * 12 + month - 1 - reference))


_FIRST_ESTIMATE = re.compile(r"\b(?:first|flash|preliminary|initial)\b[\w ]{0,20}\bestimate", re.I)
_LATER_ESTIMATE = re.compile(r"\b(?:second|third|final)\b[\w ]{0,20}\bestimate|\bquarterly national accounts\b", re.I)
_REVISED = re.compile(r"\b(?:un)?revis(?:ed|ion)\b|\bpreviously estimated\b|\bprevious estimate\b", re.I)


def _estimate(article: Document, subject: Subject, title: str, period: Period) -> tuple[str, str]:
    """The same period: the same report, unless the release is a first estimate and the
    article reports its revision ('grew by 5.5%, revised from the first estimate of 4.8%'),
    or the release is a later estimate and the article reports the first."""
    same = "same_report", f"The article's figures are for {period.text}, as the source's ({title}) are."
    named = f"{subject.name} {subject.edition}"
    opening = " ".join(lede(article))
    if _FIRST_ESTIMATE.search(named) and _REVISED.search(opening):
        return "later_report", (f"The article's figures are for {period.text}, as the source's "
                                f"({title}) are, but revised: it reports a later estimate.")
    if _LATER_ESTIMATE.search(named) and _FIRST_ESTIMATE.search(opening) and not _REVISED.search(opening):
        return "earlier_report", (f"The article's figures are for {period.text}, the first estimate; "
                                  f"the source ({title}) is a later one.")
    return same


def _calendar_year(subject: Subject) -> int | None:
    """The year of a release for one calendar year ('Drug-related deaths in Scotland in
    2019', 'Births in England and Wales: 2023'); None for a month, a quarter, a
    financial or academic year, or several periods."""
    found = [p for text in (subject.periods or (subject.edition,)) for p in periods_in(text) if has_year(p)]
    if len({p.end for p in found}) == 1 and found[0].start and found[0].start[5:] == "01" \
            and found[0].end[5:] == "12" and found[0].start[:4] == found[0].end[:4]:
        return int(found[0].end[:4])
    return None


# a year something is counted from or compared with, or the year figures came out:
# 'the lowest since 2016', 'more than in 2018', 'figures published in 2020'
_BASE_YEAR = re.compile(r"\b(?:since|from|than|compared\s+(?:with|to)|against|before|published|released|issued)"
                        r"\s+(?:[\w,]+\s+){0,3}$", re.I)
_YEAR_ONLY = re.compile(r"(?:in\s+)?(?:19|20)\d\d")


def article_year(article: Document) -> int | None:
    """The calendar year an article's opening figures are for: the latest year a sentence
    of its opening that states a figure gives them ('In 2018, there were 1187 registered',
    'increased by 6 per cent between 2018 and 2019'), not a year they are compared with
    ('down from 65 per cent in 2019', 'the lowest since 2016'), a forecast's year or the
    year the figures were published."""
    years = []
    for text in lede(article):
        for sentence in split_sentences(text):
            if _FUTURE.search(sentence) or not re.search(r"\d", re.sub(r"\b(?:19|20)\d\d\b", "", sentence)):
                continue
            years += [int(p.end[:4]) for p, start, _ in find_periods(sentence)
                      if _YEAR_ONLY.fullmatch(p.text) and p.end and p.end[:4].isdigit()
                      and not _COMPARED_WITH.search(sentence[:start]) and not _BASE_YEAR.search(sentence[:start])]
    return max(years) if years else None


def compare_edition(article: Document, subject: Subject) -> tuple[str, str]:
    """(same_report | later_report | earlier_report, the reason) of an article about the
    statistic ``subject`` is."""
    title = f"{subject.name}: {subject.edition}" if subject.edition else subject.name
    months = source_months(subject)
    if months is None:
        return "same_report", f"The source, {title}, states no period to compare with."
    ends, reference = months
    found = article_period(article, reference)
    release_year = _calendar_year(subject)
    year = article_year(article) if found is None and release_year is not None else None
    if year is not None:
        verdict = ("same_report" if year == release_year else
                   "later_report" if year > release_year else "earlier_report")
        return verdict, (f"The article's figures are for {year}; the source, {title}, is for {release_year}"
                         + ("." if verdict == "same_report" else
                            f": it reports {'a later' if year > release_year else 'an earlier'} edition."))
    if found is None:
        return "same_report", f"The article states no period for its figures; the source is {title}."
    period, month = found
    if month in ends:
        return _estimate(article, subject, title, period)
    later = month > reference
    return ("later_report" if later else "earlier_report",
            f"The article's figures are for {period.text}: {'after' if later else 'before'} the "
            f"period of the source, {title} ({'; '.join(subject.periods) or subject.edition}): "
            f"it reports {'a later' if later else 'an earlier'} edition.")
