"""What the article is to the source: the same report, a later or an earlier one of the
same subject, or another subject altogether.

Names first (which school, council, trust, prison or statistic does the article talk
about?), then time: for an inspection, does it call the source's inspection "the last
one", or predate it?  For a statistic, are its headline figures for the period the
release is for, a later one (next month's bulletin) or an earlier one?  Each step leaves
a reason a person can check; the verdict decides which claims may be judged at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from checker.compare.edition import (article_date, compare_edition, dateline, latest_year, lede, lede_passages,
                                     past_years)
from checker.compare.mentions import (is_source_subject, names_topic, other_subjects, own_mentions,
                                     topic_counts, topic_words)
from checker.compare.scope import place_word
from checker.extract.furniture import furniture_passages
from checker.extract.ratings import find_ratings
from checker.ingest.grades import is_history
from checker.ingest.subjects import HEAD_CHARS, key_words, named_subjects
from checker.model import Claim, DateRef, Document, Rating, Relation, Subject
from checker.sentences import split_sentences

_RANK = {"same_report": 4, "later_report": 3, "earlier_report": 3, "unknown": 1,
         "different_subject": 0}


_KIND_NAMES = {"council": "authority", "health": "trust or service", "police": "force", "fire": "service",
               "provider": "provider", "body": "body", "department": "department", "study": "study",
               "report": "report"}


def _body(article: Document) -> str:
    furniture = furniture_passages(article.passages)
    return "\n".join(p.text for p in article.passages if p.index not in furniture)


def assess(article: Document, claims: Sequence[Claim], index) -> tuple[Relation, int]:
    """The relation of one article to one prepared source (a SourceIndex), and how often
    it names the source's subject (a tie-breaker between sources)."""
    source = index.document
    subject = source.facts.subject if source.facts else None
    if subject is None:
        return _unnamed(claims, index, None), 0
    if subject.kind == "statistic":
        return _statistic(article, source, subject)
    body = _body(article)
    own = own_mentions(body, subject)
    others = other_subjects(body, subject)
    if own == 0 and others and subject.kind != "study":  # a study's story names the researchers' places
        name, count = others.most_common(1)[0]
        reason = (f"The article names {name} ({count} time{'s' if count != 1 else ''}) and never "
                  f"{subject.name}, the {_KIND_NAMES.get(subject.kind, subject.kind)} the source is about.")
        return Relation("different_subject", None, (reason,)), 0
    if own == 0:
        return _unnamed(claims, index, subject.name), 0
    if subject.kind == "body":
        elsewhere = _about_another_place(body, subject, own, claims, index)
        if elsewhere is not None:
            return elsewhere, 0
    also = place_word(subject.name) if subject.kind == "council" else key_words(subject).title()
    reasons = [f"The article names {subject.name} or {also} {own} time{'s' if own != 1 else ''}."
               if subject.kind not in ("study", "report") else
               f"The article names {subject.name} {own} time{'s' if own != 1 else ''}."]
    if others:
        reasons.append("It also names " + ", ".join(f"{n} ({c})" for n, c in others.most_common(3)) + ".")
    verdict = _timing(article, claims, source, reasons)
    return Relation(verdict, source.uri, tuple(reasons)), own


def _statistic(article: Document, source: Document, subject: Subject) -> tuple[Relation, int]:
    """A release and an article: the same statistic (its topic in the headline or the
    opening), then the same edition (the period the article's headline figures are for
    against the periods the release's main points are for); and how many of the topic's
    words the opening uses (the tie-breaker)."""
    opening = " ".join(lede(article))
    named = names_topic(opening, subject)
    if not named:
        return Relation("different_subject", None, (
            f"The article's headline and opening never name {subject.name} "
            f"({', '.join(topic_words(subject)[:4])}), the statistic the source is about.",)), 0
    own, other, count = topic_counts(opening, subject)
    leads = lede(article)[:1]  # the headline, or the first paragraph: what the story is about
    if count > own and not (leads and names_topic(leads[0], subject)):
        return Relation("different_subject", None, (
            f"The article's headline and opening name {other} ({count} times) more than "
            f"{subject.name} ({own}), the statistic the source is about.",)), 0
    reasons = [f"The article's opening names the source's statistic ({', '.join(named[:3])})."]
    verdict, reason = compare_edition(article, subject)
    reasons.append(reason)
    return Relation(verdict, source.uri, tuple(reasons)), len(named)


SHARED_ENOUGH = 0.3  # share of an unnamed article's statements found in the source
UNRELATED_AFTER = 3  # statements, none found, that show an unnamed article is about something else


def _unnamed(claims: Sequence[Claim], index, name: str | None) -> Relation:
    """An article that names no subject at all (a draft saying "the council") is
    judged by what it says: when enough of its statements stand in the source it
    reports on it; when several do and none stands there it is about something else;
    in between the relation is unknown, and its claims are still checked.  A source that
    names no subject (``name`` None) is judged the same way, except that finding none of
    the statements there leaves the relation unknown: a page excerpt may simply stop
    before them, and nothing the source says marks the article as about something else."""
    statements = [c for c in claims if c.kind == "statement"]
    found = sum(1 for c in statements if any(e.score >= 0.6 for e in index.align(c, c.text).held[:1]))
    share = found / len(statements) if statements else 0.0
    if name is None:
        reason = ("The source names no subject: no title or opening line names a school, council, "
                  "trust, force, prison, department, body or statistic; "
                  f"{found} of the article's {len(statements)} statements are found in it.")
    else:
        reason = (f"The article never names {name}; {found} of its {len(statements)} statements "
                  f"are found in the source about it.")
    if share >= SHARED_ENOUGH:
        return Relation("same_report", index.document.uri, (reason,))
    if found == 0 and len(statements) >= UNRELATED_AFTER and name is not None:
        return Relation("different_subject", None, (reason,))
    return Relation("unknown", index.document.uri, (reason,))


PLACE_AGAIN = 2  # an article about one place names it again and again; a round-up names each once


def _about_another_place(body: str, subject: Subject, own: int, claims: Sequence[Claim], index) -> Relation | None:
    """A source whose subject is a body known by its acronym (a publisher: 'The Care
    Quality Commission (CQC) has today published') and an article that names it: an
    article about a place the source never names (a care home, a trust, a school: named
    again and again) is about that place; one that names the body in one paragraph only,
    in passing (a spokesperson quoted), is judged by what it says.  None when the article
    is about the body."""
    places = Counter(s.name for s, _ in named_subjects(body)
                     if s.kind != "body" and not is_source_subject(s, subject))
    if places:
        place, count = places.most_common(1)[0]
        if count >= PLACE_AGAIN and own_mentions(index.document.text, Subject("provider", place)) == 0:
            return Relation("different_subject", None, (
                f"The article names {place} {count} times, which the source never names, and "
                f"{subject.name}, the body the source is about, {own} time{'s' if own != 1 else ''}: "
                f"it is about {place}.",))
    if sum(1 for paragraph in body.split("\n") if own_mentions(paragraph, subject)) == 1:
        return _unnamed(claims, index, subject.name)
    return None


LATER_AFTER_DAYS = 400  # an article this long after the report is about a later one


DATELINE_CHARS = 1000  # a page's own date stands among its first lines


def _timing(article: Document, claims: Sequence[Claim], source: Document, reasons: list[str]) -> str:
    facts = source.facts
    inspected = facts.inspection_start or facts.published or dateline(
        [p for p in source.passages if p.span.start < DATELINE_CHARS])
    if not inspected:
        return _undated(article, claims, source, reasons)
    year = int(inspected[:4])
    dates = [c.payload for c in claims if c.kind == "date" and isinstance(c.payload, DateRef)]
    for ref in dates:
        if ref.event == "previous_inspection" and ref.value[:4].isdigit() and int(ref.value[:4]) >= year:
            reasons.append(f"It calls the {ref.value[:4]} inspection (the source's) the last one: "
                           f"it reports a later inspection.")
            return "later_report"
    dated = article_date(article)
    if dated and facts.inspection_start and dated < facts.inspection_start:
        reasons.append(f"It is dated {dated}, before the source's inspection began ({facts.inspection_start}).")
        return "earlier_report"
    if dated and (date.fromisoformat(dated) - date.fromisoformat(inspected)).days > LATER_AFTER_DAYS:
        reasons.append(f"It is dated {dated}, more than a year after the source ({inspected}).")
        return "later_report"
    agreeing = [r for r in dates if r.event == "published" or r.event.startswith("inspection")]
    if agreeing:
        events = sorted({"publication" if r.event == "published" else r.event for r in agreeing})
        reasons.append("It dates the " + " and the ".join(events) + " as the source does."
                       if _dates_agree(agreeing, facts) else
                       "Its publication or inspection dates differ from the source's.")
    if dated:
        reasons.append(f"It is dated {dated}.")
    return _regraded(article, claims, source, reasons)


HEADLINE_PASSAGES = 2  # the headline and the standfirst: the news a story leads on


def _overall_ratings(article: Document, claims: Sequence[Claim]) -> list[tuple[str, bool]]:
    """Each overall (or unspecified) grade an article gives, and whether its headline or
    standfirst gives it."""
    opening = lede_passages(article)[:HEADLINE_PASSAGES]
    return [(claim.payload.grade, any(p.span.start <= claim.span.start < p.span.end for p in opening))
            for claim in claims if claim.kind == "rating" and isinstance(claim.payload, Rating)
            and claim.payload.subject in ("overall", "unspecified")]


def _overall_grade(source: Document) -> str | None:
    """The source's overall grade, when it gives exactly one."""
    overall = {j.grade for j in source.facts.judgements if j.subject == "overall"}
    return next(iter(overall)) if len(overall) == 1 else None


def _regraded(article: Document, claims: Sequence[Claim], source: Document, reasons: list[str]) -> str:
    """An article that headlines another overall grade than the source's (in its headline
    or standfirst) and tells the source's grade as well reports a later inspection: the
    source's is the one it recounts ('celebrates "good" rating ... In March of this year,
    the school was placed in special measures ... it was rated "inadequate"').  A
    headline grade alone that differs may be a misreported one, and is judged.  An
    article that headlines a grade the source tells as its subject's earlier one, and
    never gives the grade the source gives now, reports that earlier inspection."""
    ratings = _overall_ratings(article, claims)
    earlier = _told_as_earlier(ratings, source, reasons)
    if earlier:
        return earlier
    grade = _overall_grade(source)
    if grade is None:
        return "same_report"
    headline = {g for g, in_headline in ratings if in_headline}
    told = any(g == grade and not in_headline for g, in_headline in ratings)
    if headline and grade not in headline and told:
        reasons.append(f"Its headline gives the rating {', '.join(sorted(headline))}; the source's, "
                       f"{grade}, it tells as an earlier one: it reports a later inspection.")
        return "later_report"
    return "same_report"


# A sentence about a subject's past: 'was previously ranked', 'last year', 'in a 2016 inspection'.
_PAST = re.compile(r"\b(?:previous(?:ly)?|last\s+(?:year|inspection|time)|earlier|prior|former(?:ly)?|"
                   r"initial|back\s+in|(?:in|at)\s+(?:a|an|its|the)\s+(?:19|20)\d\d\s+inspection)\b", re.I)


def _source_grades(source: Document) -> tuple[set[str], set[str]]:
    """The grades a source gives now (its judgements, and those its opening states in
    quotation marks or after a judging verb: 'grades Cheshire Constabulary "outstanding"'),
    and those it tells of its subject's past ('follows an initial crime data integrity
    inspection in 2016, which found ... "inadequate"'): a sentence of its history, or one
    dated before the latest year it mentions."""
    head = source.text[:HEAD_CHARS]
    latest = max(past_years(head), default=None)
    now = {j.grade for j in source.facts.judgements}
    then = set()
    for line in head.split("\n"):
        for sentence in split_sentences(line):
            grades = {r.grade for r, _, _ in find_ratings(sentence)}
            years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", sentence)]
            past = is_history(sentence) or _PAST.search(sentence) or (years and latest and max(years) < latest)
            (then if past else now).update(grades)
    return now, then - now


def _told_as_earlier(ratings: list[tuple[str, bool]], source: Document, reasons: list[str]) -> str | None:
    headline = {g for g, in_headline in ratings if in_headline}
    anywhere = {g for g, _ in ratings}
    if not headline:
        return None
    now, then = _source_grades(source)
    if now and headline <= then and not anywhere & now:
        reasons.append(f"Its headline gives the rating {', '.join(sorted(headline))}, which the source tells "
                       f"as an earlier inspection's; it never gives the source's, {', '.join(sorted(now))}: "
                       f"it reports the earlier inspection.")
        return "earlier_report"
    return None


def _told_twice(article: Document, claims: Sequence[Claim], source: Document) -> str | None:
    """The source's grade, when an article about an undated source reports a re-inspection
    (it dates its subject's last one: 'since its last inspection in April 2018') and tells
    the source's grade of an earlier inspection too ('was previously ranked as "requires improvement" in a 2016 inspection
    before falling to "inadequate" ... last year', and 'has remained inadequate following its
    latest inspection'): the source may be either."""
    grade = _overall_grade(source)
    if grade is None or not any(c.kind == "date" and isinstance(c.payload, DateRef)
                                and c.payload.event == "previous_inspection" for c in claims):
        return None  # only an article that dates its subject's last inspection reports a re-inspection
    text = article.text
    for claim in claims:
        if claim.kind == "rating" and isinstance(claim.payload, Rating) and claim.payload.grade == grade \
                and claim.payload.subject in ("overall", "unspecified") and claim.sentence \
                and _PAST.search(text[claim.sentence.start:claim.sentence.end]):
            return grade
    return None


EARLIER_BY_YEARS = 2  # an undated article whose latest year is this far behind the source's


def _undated(article: Document, claims: Sequence[Claim], source: Document, reasons: list[str]) -> str:
    """A source that states no date of its own is at least as recent as the latest year it
    mentions of the past (not 'expects to spend £2.4 billion up to April 2023'); an article
    dated well after that year reports a later report."""
    dated = article_date(article)
    years = past_years(source.text[:HEAD_CHARS])
    if dated and years and int(dated[:4]) > max(years) + 1:
        reasons.append(f"The source gives no date; the latest year it mentions is {max(years)}, and "
                       f"the article is dated {dated}: it reports a later report.")
        return "later_report"
    stated = None if dated else latest_year(article)
    if years and stated is not None and stated <= max(years) - EARLIER_BY_YEARS:
        reasons.append(f"The source gives no date; the latest year it mentions is {max(years)}, and "
                       f"the undated article mentions no year after {stated}: it reports an earlier report.")
        return "earlier_report"
    reasons.append("The source gives no inspection or publication date to compare with.")
    verdict = _regraded(article, claims, source, reasons)
    twice = _told_twice(article, claims, source) if verdict == "same_report" else None
    if twice:
        reasons.append(f"It tells the source's grade, {twice}, of an earlier inspection as well: the source may "
                       f"be that one or the one the article reports.")
        return "unknown"
    return verdict


def _dates_agree(refs: list[DateRef], facts) -> bool:
    """Do the article's publication and inspection dates fall on the source's?"""
    from checker.compare.dates import matches, within

    for ref in refs:
        if ref.event == "published" and facts.published:
            if not matches(ref.value, date.fromisoformat(facts.published)):
                return False
        if ref.event.startswith("inspection") and facts.inspection_start and facts.inspection_end:
            if not within(ref.value, facts.inspection_start, facts.inspection_end):
                return False
    return True


def relate(article: Document, claims: Sequence[Claim], indexes: Sequence):
    """(Relation, chosen SourceIndex or None) for an article and its candidate sources."""
    if not indexes:
        return Relation("unknown", None, ("No source was given.",)), None
    assessed = [(assess(article, claims, index), index) for index in indexes]
    (relation, _), chosen = max(assessed, key=lambda a: (_RANK[a[0][0].verdict], a[0][1]))
    if relation.verdict == "different_subject":
        return relation, None
    return relation, chosen
