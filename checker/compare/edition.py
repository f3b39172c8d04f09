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

from checker.extract.dates import find_dates
from checker.extract.furniture import furniture_passages
from checker.ingest.editions import PeriodEnd, period_ends
from checker.model import Document, Subject

LEDE_PASSAGES = 4  # headline, standfirst and first paragraphs: where a story says what it is about
_DATELINE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday published updated posted on at "
    "last am pm gmt bst".split())


def lede(article: Document) -> list[str]:
    """The headline, standfirst and first paragraphs, page furniture left out."""
    furniture = furniture_passages(article.passages)
    return [p.text for p in article.passages if p.index not in furniture][:LEDE_PASSAGES]


def article_date(article: Document) -> str | None:
    """The dateline: a full date in the first lines, or the page's own metadata."""
    meta = article.meta.get("date")
    if isinstance(meta, str) and re.match(r"\d{4}-\d\d-\d\d", meta):
        return meta[:10]
    for passage in article.passages[:6]:
        for ref, start, end in find_dates(passage.text):
            rest = (passage.text[:start] + passage.text[end:]).split()
            if re.match(r"\d{4}-\d\d-\d\d$", ref.value) and all(
                    w.strip(",.|-–").lower() in _DATELINE_WORDS or not w.strip(",.|-–") for w in rest):
                return ref.value  # a line that is a date and nothing else: 'Tuesday, January 24, 2017'
    return None


def source_months(subject: Subject) -> tuple[set[int], int] | None:
    """The months (as ``PeriodEnd.key``) a release's figures are for, and the latest of
    them: its main points' periods, else its edition's (a labour-market release titled
    'November 2020' is for the three months to September).  None if it has no dated
    period."""
    covered = [e for p in subject.periods for e in period_ends(p) if e.year]
    ends = covered or [e for e in period_ends(subject.edition) if e.year]
    if not ends:
        return None
    return {e.key(0) for e in ends}, max(e.key(0) for e in ends)


def article_period(article: Document, reference: int) -> tuple[PeriodEnd, int] | None:
    """The period the article's headline figures are for, and the month it ends in (a
    missing year read from the article's date, else the one nearest ``reference``)."""
    opening = lede(article)
    stated = ([e for e in period_ends(" ".join(opening)) if e.windowed]
              or period_ends(" ".join(opening[:2])))
    if not stated:
        return None
    dated = article_date(article)
    months = [(e, e.key(_year_for(e, dated, reference))) for e in stated]
    return max(months, key=lambda pair: pair[1])


def _year_for(end: PeriodEnd, dated: str | None, reference: int) -> int:
    if end.year:
        return end.year
    if dated:
        year = int(dated[:4])
        return year if end.month <= int(dated[5:7]) else year - 1
    return min((reference // 12 + d for d in (-1, 0, 1)),
               key=lambda y: abs(y * 12 + end.month - 1 - reference))


def compare_edition(article: Document, subject: Subject) -> tuple[str, str]:
    """(same_report | later_report | earlier_report, the reason) of an article about the
    statistic ``subject`` is."""
    title = f"{subject.name}: {subject.edition}" if subject.edition else subject.name
    months = source_months(subject)
    if months is None:
        return "same_report", f"The source, {title}, states no period to compare with."
    ends, reference = months
    found = article_period(article, reference)
    if found is None:
        return "same_report", f"The article states no period for its figures; the source is {title}."
    period, month = found
    if month in ends:
        return "same_report", f"The article's figures are for {period.text}, as the source's ({title}) are."
    later = month > reference
    return ("later_report" if later else "earlier_report",
            f"The article's figures are for {period.text}: {'after' if later else 'before'} the "
            f"period of the source, {title} ({'; '.join(subject.periods) or subject.edition}): "
            f"it reports {'a later' if later else 'an earlier'} edition.")
