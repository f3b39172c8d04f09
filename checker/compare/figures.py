"""Is the article's figure the source's figure for the same thing?

Same thing: the same counted noun (or both percentages), in the most similar sentence
of the source.  When the source counts that noun only once, that count is the one to
hold the article to (there is no other); when it counts it several times, the context
must agree before a difference is called a contradiction.  Hedges are honoured:
"nearly a quarter" holds for 23.3%, "more than 470" for 472.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache

from checker.compare.rules import (
    AnotherDirection,
    AnotherMeasure,
    AnotherPeriod,
    AnotherUnit,
    DurationMismatch,
    FigureMismatch,
    FigureNotInSource,
)
from checker.extract.figures import MOVED, RECORD_BEFORE, decimals_written, earlier_levels
from checker.extract.periods import base_months, month_within
from checker.extract.statements import cites_source
from checker.model import Claim, Derivation, Evidence, Finding, Period, Quantity, SourceFacts
from checker.textnorm import as_quoted, fold, stem_set, stems

UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30.4, "year": 365.25}
SAME_CONTEXT = 0.35  # context similarity that makes two figures of one unit the same thing
ONLY_COUNT_CONTEXT = 0.1  # ... when the source counts that unit only once
TIE = 0.1  # candidates this close to the best-placed one are as likely to be meant
LOCAL_AGREES = 0.3  # ... if the words around their number agree this much with the article's


LOCAL_WEIGHT = 0.35  # the words around a number tell figures of one sentence apart


@dataclass(frozen=True)
class SourceFigure:
    """A figure of the source, placed for one article figure: where it stands
    (``passage``, ``sentence``) and how alike its context is (``similarity``, ``local``).
    A figure the source gives only through a change ("4.5%, 0.4 percentage points higher
    than the previous quarter" gives 4.1%) has its ``derivation``: it stands in the
    sentence that states the level and the change, and is placed by the change's words
    (:func:`worked_out`)."""

    quantity: Quantity
    passage: str
    sentence: str
    similarity: float
    passage_text: str = ""
    local: float = 0.0  # similarity of the words right around the number
    setting: str = ""  # the passage's heading and the document's title: what it is all about
    derivation: Derivation | None = None


def fmt(value: float) -> str:
    """A value as a message gives it: '6,685', '4.5', and under 10 to two places ('4.29',
    '0.08': a rate of 0.08% is not 0.1%)."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.{2 if abs(value) < 10 else 1}f}".rstrip("0").rstrip(".")


def describe(q: Quantity) -> str:
    """'5 director(s) in five years', '23.3% (vacancy rate)', '9.1% (clothing prices) in
    the 12 months to May'."""
    hedge = f"{q.approx} " if q.approx else ""
    if q.unit == "%":
        core = f"{hedge}{fmt(q.value)}%" + (f" ({q.measure})" if q.measure else "")
    elif not q.unit:
        core = f"{hedge}{fmt(q.value)}"
    elif q.unit in ("GBP", "USD", "EUR"):
        core = f"{hedge}{ {'GBP': '£', 'USD': '$', 'EUR': '€'}[q.unit]}{fmt(q.value)}"
    else:
        core = f"{hedge}{fmt(q.value)} {plural(q.unit) if q.value != 1 else q.unit}"
        if q.ordinal:
            core += f" (the '{q.text}')"
    if q.per:
        core += f" per {fmt(float(q.per)) if q.per[0].isdigit() else q.per}"
    if q.period is None:
        return core
    lead = q.period.text.split()[0].lower()
    return f"{core} {'' if lead in _PERIOD_LEADS else 'in '}{q.period.text}"


_PERIOD_LEADS = frozenset("in over during for since as on between from at within across".split())


_IRREGULAR = {"child": "children", "person": "people", "man": "men", "woman": "women"}


def plural(noun: str) -> str:
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun in _IRREGULAR.values():
        return noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun if noun.endswith("s") else noun + "s"


_BELOW = ("nearly", "almost", "just under", "close to")
_ABOVE = ("more than", "over", "just over", "well over")
_AT_MOST = ("fewer than", "less than", "under", "up to")
_ABOUT = ("about", "around", "approximately", "roughly", "some", "approx", "circa")


def compatible(article: Quantity, source: Quantity) -> bool:
    """Does the source's value make the article's (hedged) value true?  Where both are
    hedged, each names a range and not a value ('nearly four times' is a bit under 4,
    'more than three times' anything above 3): they agree if some value is true of both
    (:func:`hedged_range`)."""
    a, s = article.value, source.value
    hedge = article.approx
    if hedge and source.approx:
        return ranges_meet(hedged_range(article), hedged_range(source))
    if hedge in _BELOW:
        return 0.85 * a <= s <= a * 1.001
    if hedge == "at least":
        return s >= a
    if hedge in _ABOVE:
        return s > a  # 'more than 470' for 472, not for 470
    if hedge in _AT_MOST:
        return s <= a
    if hedge in _ABOUT:
        return abs(a - s) <= 0.1 * max(abs(s), 1e-9) + 0.5
    if article.unit == "%" and article.text and not any(ch.isdigit() for ch in article.text):
        return abs(a - s) <= 0.1 * max(abs(s), 1e-9)  # 'a quarter', 'one in five': approximate
    if a == s:
        return True
    decimals = len(article.text.split(".")[1].rstrip("%")) if "." in article.text.split()[0] else 0
    return round(s, decimals) == a or (a == int(a) and abs(a - s) < 0.5 and s != int(s))


Bound = tuple[float, bool]  # a range's end, and whether the end value itself is in it


def hedged_range(q: Quantity) -> tuple[Bound, Bound]:
    """The values a hedged figure is true of, as (low, high) ends: 'nearly 4' from 3.4
    up to, not including, 4 (the same reach as a source value that makes it true);
    'about 470' within a tenth and a half of it.  A bound reaches no further than the
    next step of the digit it is written to, since a writer rounds to the nearest one:
    'more than 3' is above 3 and below 4 (else 'more than four'), 'more than 1,000'
    below 2,000, 'at least 470' below 480, 'under 10' above 9."""
    v, hedge = q.value, q.approx
    step = 10.0 ** Decimal(repr(v)).normalize().as_tuple().exponent  # 1 for 3, 10 for 470, 0.1 for 3.7
    if hedge in _BELOW:
        return (0.85 * v, True), (v, False)
    if hedge == "at least":
        return (v, True), (v + step, False)
    if hedge in _ABOVE:
        return (v, False), (v + step, False)
    if hedge in _AT_MOST:
        return (v - step, False), (v, True)
    reach = 0.1 * abs(v) + 0.5
    return (v - reach, True), (v + reach, True)


def ranges_meet(a: tuple[Bound, Bound], b: tuple[Bound, Bound]) -> bool:
    """Is some value in both ranges?  Ends that touch meet only if both hold their end
    value: 'nearly 100' (under 100) and 'more than 100' do not."""
    (low, low_in), (high, high_in) = _inner(a[0], b[0], max), _inner(a[1], b[1], min)
    return low < high or (low == high and low_in and high_in)


def _inner(x: Bound, y: Bound, pick) -> Bound:
    """The tighter of two ends on one side; of equal values, closed only if both are."""
    if x[0] == y[0]:
        return x[0], x[1] and y[1]
    return x if pick(x[0], y[0]) == x[0] else y


def digit_slip(a: float, b: float) -> bool:
    """Do two numbers differ by a transposed or a single mistyped digit (428 / 482,
    59.6 / 95.6, 3,067 / 3,607, 65 / 56)?  Two-digit numbers that differ in one digit (40
    / 20) are too common a pair to point at each other: for them only a transposition
    counts."""
    if a == b or min(abs(a), abs(b)) < 10:
        return False
    x, y = (f"{v:g}" for v in (a, b))
    if len(x) != len(y):
        return False
    digits = sum(c.isdigit() for c in x)
    return sorted(x) == sorted(y) or (digits >= 3 and sum(c != d for c, d in zip(x, y)) == 1)


def periods_agree(article: Quantity, source: Quantity) -> bool:
    return article.period is None or article.period.agrees(source.period)


def another_period(article: Quantity, source: Quantity) -> bool:
    """Both figures name a dated period, and periods that cannot be the same ('in March'
    against 'in the 12 months to April 2022'; not 'in January' against '2021/22', which
    may hold it: :func:`month_within`); a window of years is a count's, not a period's."""
    a, s = article.period, source.period
    return (a is not None and s is not None and a.dated and s.dated and not a.agrees(s)
            and not month_within(a, s) and not month_within(s, a))


def same_unit(article: Quantity, source: Quantity) -> bool:
    """Counted alike: the same unit, and per the same thing ('40.6 permanent exclusions
    per day' is a rate, not a count of exclusions; '20 pupils per 10,000' is not '40 pupils
    banned every day')."""
    return unit_key(article.unit) == unit_key(source.unit) and article.per == source.per


@lru_cache(maxsize=4096)
def unit_key(unit: str) -> tuple[str, ...]:
    """What makes two units the same: per cent only with per cent, else the unit's
    stems ('directors' and 'director'), else the unit as written.  Cached: each article
    figure asks of every source figure."""
    if unit == "%":
        return ("%",)
    unit_stems = stems(unit)
    return ("stems", *unit_stems) if unit_stems else ("as written", unit)


# Words that name the kind of figure, not what it is of: 'food prices' and 'the
# unemployment rate' are measured by what the other words say.
_MEASURE_KINDS = stem_set(
    "rate rates price prices level levels figure figures number numbers total totals proportion "
    "share percentage per cent percent amount cost costs growth index inflation annual monthly "
    "average overall estimate estimates people person year years month months week weeks day days "
    "time times new latest current record highest lowest high low measure same rise rises fall "
    "falls increase increases decrease decreases change changes jump basis period quarter quarters "
    "target standard goal threshold benchmark limit decline declines drop drops "
    # the country a release is about qualifies all of it, whether or not it says so
    "uk britain british national nationwide country economy")


def measure_qualifiers(measure: str) -> frozenset[str]:
    """The words of a measure that say what it is of: no kind words, no symbols."""
    return frozenset(w for w in stem_set(measure) - _MEASURE_KINDS if any(c.isalpha() for c in w))


def same_measure(article: Quantity, source: "SourceFigure") -> bool:
    """Is the source's figure of what the article's measures?  Every word that
    qualifies the article's measure ('clothing' prices, 'CPI' inflation, 'food' bank
    users) must stand in the source figure's passage, its heading or the document's
    title ('UK' inflation in 'Consumer price inflation, UK'): 'food prices rose by 5.9%'
    is not the all-items rate, however alike the sentences."""
    if article.unit == "age":
        return True  # whose age it is, same_person decides
    qualifiers = measure_qualifiers(article.measure.replace("-", " "))
    context = f"{source.setting} {source.passage_text or source.sentence}".replace("-", " ")
    return qualifiers <= stem_set(context)


_AGE_WORDS = frozenset({"age", "aged", "old"})


def same_person(article: Quantity, source: Quantity) -> bool:
    """Ages after names ('Copeland, 31, and his wife, Katrine Saltare, 28') are
    different people's unless the names share a word; any other figure, or an age
    whose person the text leaves unnamed ('the 27-year-old'), may be the same."""
    if article.unit != "age" or source.unit != "age":
        return True
    a, s = (set(re.findall(r"\w+", fold(q.measure))) - _AGE_WORDS for q in (article, source))
    return not a or not s or bool(a & s)


def check_figure(claim: Claim, sentence: str, figures: list[SourceFigure],
                 facts: SourceFacts | None, position: tuple[int, int] = (0, 1),
                 siblings: tuple[float, ...] = (), era: Period | None = None) -> tuple[str, list[Finding], list[Evidence]]:
    """(verdict, findings, evidence) for one figure claim.

    Candidates are the source's figures of the same unit and of a period that can be
    the article's, ranked by how alike their contexts are.  The article's figure holds
    if the best-placed candidate (or one as well placed) agrees and moves the same way;
    it is contradicted if the best-placed one is placed well enough to be the same thing
    and disagrees.  Where the number is the source's for another period, in another
    unit, or for a level rather than a change, the finding says which.  ``position`` is
    the claim's place among the article sentence's figures of this unit: "from 331 to
    454" is read against the source sentence's "from 331 ... to 545" in order;
    ``siblings`` are the values of those other figures.  ``era`` is the time the
    article's figures are for where they name none (:func:`era_of`): a figure of a time
    the source names only to compare with is not held to the source's undated figures
    (:func:`_compared_only`).

    Where the figures the source states do not hold the article's, one it gives through a
    change may ("compared with 4.1% previously" against "4.5%, 0.4 percentage points
    higher than the previous quarter"): such a figure only ever confirms
    (:func:`_worked_out_holds`).  It never contradicts, since it is checker's arithmetic
    and not the source's words; where it has the article's value for another time, a
    not-in-source finding says so.
    """
    q: Quantity = claim.payload  # type: ignore[assignment]
    slip = _points_as_per_cent(claim, q, sentence, siblings)
    if slip:
        return slip
    figures = _without_siblings_rows(q, figures, siblings)
    verdict, findings, evidence = _check_stated(claim, q, sentence, figures, facts, position, era)
    if verdict == "supported":
        return verdict, findings, evidence
    if spans_something(q, sentence):
        return "not_in_source", [], []  # a span the source may give, or not: never another figure
    matches = _worked_out_matches(q, figures)
    held = max((f for f in matches if _given_for(q, sentence, f)), key=lambda f: f.similarity, default=None)
    if held is not None:
        return "supported", [], [_evidence(held)]
    return verdict, [_noting_worked_out(f, matches) for f in findings], evidence


def _check_stated(claim: Claim, q: Quantity, sentence: str, figures: list[SourceFigure],
                  facts: SourceFacts | None, position: tuple[int, int],
                  era: Period | None = None) -> tuple[str, list[Finding], list[Evidence]]:
    """:func:`check_figure` against the figures the source states."""
    if facts and q.unit in UNIT_DAYS and q.measure and _times_the_inspection(q, sentence):
        duration = _check_duration(claim, q, facts)
        if duration:
            return duration
    unit = _another_unit(claim, q, figures)
    if unit:
        return unit
    if is_points(q) and q.change is not None:
        pair = _rate_pair(q, figures)  # 'up 0.8 points' where the rate went from 6.2% to 7.0%
        if pair is not None:
            return "supported", [], [_evidence(pair[1])]
    alike = [f for f in figures if same_unit(q, f.quantity) and same_person(q, f.quantity)
             and same_measure(q, f)]
    same = sorted((f for f in alike if not another_period(q, f.quantity)), key=lambda f: -f.similarity)
    if not same:
        return (_another_period(claim, q, alike, same) or _another_measure(claim, q, figures)
                or _absent(claim, q, sentence, alike))
    best = same[0]
    holds = [f for f in same if compatible(q, f.quantity) and periods_agree(q, f.quantity)]
    near_top = [f for f in holds if f.sentence == best.sentence  # the sentence meant gives the number
                or f.similarity >= best.similarity - TIE and f.local >= min(best.local - TIE, LOCAL_AGREES)
                # placed well enough, and the words right around it fit better than the best's
                or f.similarity >= SAME_CONTEXT and f.local >= max(LOCAL_AGREES, best.local + TIE)]
    if near_top and best.similarity >= ONLY_COUNT_CONTEXT:
        # of figures placed alike, the one that moves as the article has it ('GDP fell 0.1%'
        # is the source's 'fall of 0.1%', not its 'increased by 0.1%' of another sentence)
        for f in near_top:
            if _direction(claim, q, f) is None:
                return "supported", [], [_evidence(f)]
        return _direction(claim, q, near_top[0])
    when = q.period if _dated(q) else era
    if when is not None:
        # only a figure of the article's time is held to it: where the sentence names no time,
        # the time the article's figures are for ('5.6% in England' in an article on the year
        # to August 2015 is not the source's 5.0% for September); and where the source names
        # that time only to compare with (a 2016/17 release's 'up from 0.08% in 2015/16'), its
        # figures that name no time are its own year's, not the article's; nor are they a
        # figure's the article dates to another time than its own (:func:`_aside`)
        undated = _compared_only(when, figures) or _aside(q, era)
        timely = [f for f in same if when.agrees(f.quantity.period) if _dated(f.quantity) or not undated]
        if len(timely) < len(same):
            same = timely
            if not same:
                return (_another_period(claim, q, alike, same) or _another_measure(claim, q, figures)
                        or _absent(claim, q, sentence, same))
            best = same[0]
    slipped = [f for f in same if f.similarity >= ONLY_COUNT_CONTEXT and digit_slip(q.value, f.quantity.value)]
    if slipped and not holds:
        best = slipped[0]  # 428 for 482: a transposed or mistyped digit points at the figure meant
    threshold = ONLY_COUNT_CONTEXT if _only_count(q, same, alike) else SAME_CONTEXT
    if best.similarity < threshold and best not in slipped:
        loose = [f for f in holds if f.similarity >= SAME_CONTEXT / 2]
        if loose:
            return _direction(claim, q, loose[0]) or ("supported", [], [_evidence(loose[0])])
        return (_another_period(claim, q, alike, same) or _another_measure(claim, q, figures)
                or _absent(claim, q, sentence, same))
    best = _parallel(best, same, position)
    if _number_in(q, best.passage_text):
        return "supported", [], [_evidence(best)]  # the number is there; we misread its noun
    moved = _another_period(claim, q, alike, same) or _another_measure(claim, q, figures)
    if moved:
        return moved  # the number is the source's, for another period or measure: say which
    source = best.quantity
    what = "window" if compatible(q, source) else "figure"
    message = (f"The article counts {describe(q)}; the source counts {describe(source)} "
               f"('{source.text}', {best.passage})"
               + (": the same count over a different window" if what == "window" else ""))
    finding = FigureMismatch.finding(claim, message, article_value=describe(q),
                                     source_value=describe(source), passage=best.passage)
    return "contradicted", [finding], [_evidence(best)]


def era_of(quantities) -> Period | None:
    """The time an article's figures are for where a sentence names none: the dated
    period most of its figures are given for (the Guardian's "6,685 permanent exclusions
    in 2015-16", "35.2 exclusions a day in 2015-16": 2015-16), leaving out levels given
    as where a change started ('up from 5,785'); the earliest named of equals; None where
    no figure names a dated period."""
    dated = [q.period for q in quantities if q.period is not None and q.period.dated
             and not (q.change is not None and q.change.form == "from")]
    if not dated:
        return None
    # by distinct period, first given first: a long article names few, so this costs their
    # number squared, not its figures'
    counts = Counter(dated)
    return max(counts, key=lambda p: sum(n for o, n in counts.items() if p.agrees(o)))


def _compared_only(when: Period, figures: list[SourceFigure]) -> bool:
    """Does the source name this time only as the one its figures are compared with ('up
    from 6,685 in 2015/16', 'compared with 5.5% in the year to August 2015'), never as a
    figure's own?  Then its figures that name no time are for its own, later time."""
    compared = own = False
    for f in figures:
        period = f.quantity.period
        if period is None or not period.dated or not when.agrees(period):
            continue
        if (f.quantity.change is not None and f.quantity.change.form == "from") or _compared_with(f):
            compared = True
        else:
            own = True
    return compared and not own


def _aside(q: Quantity, era: Period | None) -> bool:
    """Does the article date its figure to another time than the one its figures are for
    (:func:`era_of`)?  'An increase from 2012, when the rate was 11.6' in an article on
    2013: the figure is the earlier time's, told beside the article's own, and the
    source's figures that name no time are of the time the source and the article report
    (a 2013 release's undated male rate, 19.0), not of 2012."""
    return _dated(q) and era is not None and not q.period.agrees(era)  # type: ignore[union-attr]


def _dated(q: Quantity) -> bool:
    return q.period is not None and q.period.dated


def _compared_with(f: SourceFigure) -> bool:
    at = f.sentence.find(f.quantity.text)
    return at >= 0 and bool(_EARLIER_BEFORE.search(f.sentence[max(0, at - 40):at]))


def _only_count(q: Quantity, same: list[SourceFigure], alike: list[SourceFigure]) -> bool:
    """Is the source's one count of the article's noun surely the count the article
    means, however little their sentences share?  Only where it is the source's one
    count of that noun at any time (not just the one left once other years' are set
    aside: '40.6 permanent exclusions per day' beside '35.2 per day in 2015/16' is no
    lone count) and the two say alike what time they count over: both over a window ("the
    fifth director in five years" against "eight different Directors ... over the last
    ten years"), both for a dated period, or neither naming one (a person's age, '24' against
    the '25-year-old').  A count that names no time beside one that does is no sign of the
    same count; a source, or the part of a page stored, that
    counts a noun once does not make its count the one the article means."""
    if q.unit == "%" or len(same) != 1 or len(alike) != 1:
        return False
    a, s = q.period, same[0].quantity.period
    if a is None or s is None:
        return a is None and s is None  # neither names a time: a person's age, a one-off count
    return (a.length is not None and s.length is not None) or (a.dated and s.dated)


_TIME_UNITS = frozenset("year month week day hour fortnight".split())
# what a duration that is the length of a record or a run qualifies: 'a 30-year high',
# 'a 2-month drop', 'over a five year period'
_SPAN_HEADS = frozenset("high low record peak trough best worst period run streak spell stretch drop fall "
                        "rise decline increase growth trend".split())


def spans_something(q: Quantity, sentence: str) -> bool:
    """Is a duration the span of something rather than a length the source measures?
    "Two years of failings and controversy", "a 30-year high", "the highest rate in 30
    years", "the fourth month in a row" say how long a run or a record lasts: the source
    may say so too, and then it holds, but a source that does not is silent, not wrong,
    and no other duration of it is the one meant.  A length the source measures ("spent
    two hours out of their cells", "waiting less than 18 weeks", "the four-week
    inspection") is a figure like any other; a window of a count ("the fifth director in
    five years") is checked with its count and is no figure of its own."""
    if q.unit not in _TIME_UNITS:
        return False
    if q.ordinal or re.match(r"(?:years?|months?|weeks?|days?|hours?|fortnights?)\s+of\b", q.measure, re.I):
        return True  # 'the fourth month in a row', 'two years of failings'
    words = re.findall(r"[a-z]+", q.measure.lower())
    if words and words[-1] in _SPAN_HEADS:
        return True
    at = sentence.find(q.text)
    return at >= 0 and bool(RECORD_BEFORE.search(sentence[max(0, at - 80):at]))


def worked_out(figures: list[SourceFigure]) -> list[SourceFigure]:
    """The figures the source gives only through a change, worked out from the level and
    the change its sentences state (:func:`checker.extract.figures.earlier_levels`).
    Each is placed where its change is: that sentence, and the change's context, whose
    words ("higher than the previous quarter") are what tell the earlier figure from the
    level."""
    rows: dict[tuple[str, str], list[SourceFigure]] = {}
    for figure in figures:
        rows.setdefault((figure.passage, figure.sentence), []).append(figure)
    out = []
    for row in rows.values():
        if len(row) < 2:
            continue
        for quantity, derivation in earlier_levels(row[0].sentence, tuple(f.quantity for f in row)):
            change = next(f for f in row if f.quantity == derivation.change)
            out.append(replace(change, quantity=quantity, derivation=derivation))
    return out


def _worked_out_matches(q: Quantity, figures: list[SourceFigure]) -> list[SourceFigure]:
    """The worked-out figures (:func:`worked_out`) that may be the article's: of its
    measure and unit, of a value it rounds or hedges as a stated figure's would be, and
    placed as a stated figure must be: in the sentence of the source's figures of the
    measure most like the article's (the sentence meant gives the level and the change),
    or as well as the same thing would be.  The size of a change ('rose by 4.1%') is no
    level, and is never held to one."""
    if q.change is not None and q.change.form == "by":
        return []
    alike = [f for f in figures if same_unit(q, f.quantity) and same_person(q, f.quantity) and same_measure(q, f)]
    best = max(alike, key=lambda f: f.similarity, default=None)
    meant = (best.passage, best.sentence) if best is not None and best.similarity >= ONLY_COUNT_CONTEXT else None
    return [f for f in worked_out(figures) if same_unit(q, f.quantity) and same_measure(q, f)
            and compatible(q, f.quantity) and (f.similarity >= SAME_CONTEXT or (f.passage, f.sentence) == meant)]


# words that make an article's figure the earlier value it is compared with
_EARLIER_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|versus|against|previously(?:\s+[\w'’]+){0,2})\s*$", re.I)
_EARLIER_AFTER = re.compile(r"^\s*(?:previously|earlier|before)\b", re.I)


def _given_for(q: Quantity, sentence: str, figure: SourceFigure) -> bool:
    """Does the article give its figure for the earlier time the worked-out one is for?
    By a dated period that agrees with it ('4.1% in March to May 2020'), by a base that
    reaches as far back ('3.9% a year earlier'), or, naming no time, by words that make
    it the earlier value ('compared with 4.1% previously', 'up from 4.1%', 'previously
    standing at 3.9 per cent'): a figure given as the current one ('the rate is 4.1%')
    is the current level's to confirm or not, never an earlier one's that happens to
    match.  Against a base the source names by its date ('since 30 September 2014'), any
    earlier time the article names will do."""
    said, worked = q.period, figure.quantity.period
    if said is not None and said.dated:
        return worked is not None and worked.dated and said.agrees(worked)
    reach = base_months(said.text) if said is not None and said.length is None else None
    if reach is not None and figure.derivation is not None:
        how = figure.derivation
        level = how.level.period
        return how.dated_base or reach == (base_months(how.base) or (level.months if level else None))
    if q.change is not None and q.change.form == "from":
        return True
    at = sentence.find(q.text)
    return at >= 0 and bool(_EARLIER_BEFORE.search(sentence[max(0, at - 40):at])
                            or _EARLIER_AFTER.match(sentence[at + len(q.text):]))


def _noting_worked_out(finding: Finding, matches: list[SourceFigure]) -> Finding:
    """A finding that the source does not give the article's figure, where the source
    works that value out for the measure at another time ('4.1% in April to June 2020'
    where 4.1% is the previous quarter's, March to May 2020), says so and how: the
    reader sees what the source does say.  Its severity stays what it was."""
    if finding.code != FigureNotInSource.code or not matches:
        return finding
    figure = max(matches, key=lambda f: f.similarity)
    return replace(finding, message=f"{finding.message}; it works out {describe(figure.quantity)}, "
                                    f"{figure.derivation.explain()} ({figure.passage})")


def check_bare_number(q: Quantity, sentence: str, passages, similarity) -> tuple[str, list, list[Evidence]]:
    """A number that counts nothing named ('Euro 2016', 'world number two', '2-1') is
    found in the source, in any form, or it is not: it is never held to another number,
    as nothing says which of the source's numbers it would be.  The evidence is the
    passage most like the article's sentence among those that give the number."""
    holding = [p for p in passages if mentions_value(q.value, p.text)]
    if not holding:
        return "not_in_source", [], []
    scored = max(((similarity(sentence, p.text), p) for p in holding), key=lambda sp: sp[0])
    return "supported", [], [Evidence(passage=scored[1].id, text=scored[1].text, score=round(scored[0], 4))]


_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
          9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}


def mentions_value(value: float, text: str) -> bool:
    """Does a text give this number, as digits (with or without separators, '£330m',
    '90th'), as a scaled figure ('3.6 million') or, up to twelve, as a word?"""
    forms = {f"{value:g}"}
    if value == int(value):
        forms |= {f"{int(value):,}", str(int(value))}
    # each pattern only where its digits stand in the text at all: a bare number is
    # looked for in every passage, and most passages hold none of its forms
    for scale, words in ((1e9, r"(?:bn|billion)"), (1e6, r"(?:m|mn|million)"), (1e3, r"(?:k|thousand)")):
        if value >= scale:
            scaled = f"{value / scale:g}"
            if scaled in text and re.search(rf"(?<![\d.,]){re.escape(scaled)}\s?{words}\b", text, re.I):
                return True
    if any(form in text and re.search(rf"(?<![\d.,]){re.escape(form)}(?!\d|[.,]\d)", text) for form in forms):
        return True
    word = _WORDS.get(int(value)) if value == int(value) else None
    return bool(word and re.search(rf"\b{word}\b", text, re.I))


def _another_period(claim: Claim, q: Quantity, alike: list[SourceFigure], same: list[SourceFigure]):
    """The article's number is the source's for the same measure but another period,
    and the source gives no such number for the article's period: the article has
    moved a figure from one period to another ('6.2% in April' where 6.2% was March's)."""
    if q.period is None or not q.period.dated or q.approx:
        return None
    moved = sorted((f for f in alike if another_period(q, f.quantity) and f.quantity.value == q.value
                    and f.similarity >= SAME_CONTEXT), key=lambda f: -f.similarity)
    if not moved:
        return None
    other = moved[0]
    if any(compatible(q, f.quantity) and f.similarity >= other.similarity for f in same):
        return None  # the number is also given for the article's period, as fittingly
    own = [f for f in same if f.quantity.period is not None and f.quantity.period.dated
           and f.similarity >= SAME_CONTEXT]
    message = (f"The article gives {describe(q)}; the source gives {fmt(other.quantity.value)}"
               f"{'%' if q.unit == '%' else ' ' + plural(q.unit)} for {other.quantity.period.text} "
               f"('{other.sentence.strip()[:160]}', {other.passage})"
               + (f", and {describe(own[0].quantity)} ({own[0].passage})" if own else ""))
    finding = AnotherPeriod.finding(claim, message, article_value=describe(q),
                                    source_value=describe(other.quantity), passage=other.passage)
    return "contradicted", [finding], [_evidence(other)]


def _another_measure(claim: Claim, q: Quantity, figures: list[SourceFigure]):
    """The article's number is the source's figure for another measure of the same
    period, in a sentence as alike as the same thing would be: 'clothing prices rose by
    9.1%' where 9.1% is the all-items rate.  A warning when the source gives the
    article's own measure a figure of its own (then the mix-up is plain); information
    when it gives that measure nothing (the figure may be right, from elsewhere)."""
    if not measure_qualifiers(q.measure) or q.approx:
        return None
    alike = [f for f in figures if same_unit(q, f.quantity) and same_person(q, f.quantity)
             and periods_agree(q, f.quantity)]
    others = sorted((f for f in alike if f.quantity.value == q.value and f.similarity >= SAME_CONTEXT
                     and not same_measure(q, f)), key=lambda f: -f.similarity)
    if not others:
        return None
    other = others[0]
    own = sorted((f for f in alike if same_measure(q, f) and f.similarity >= SAME_CONTEXT / 2),
                 key=lambda f: -f.similarity)
    measure = other.quantity.measure or "another measure"
    message = (f"The article gives {describe(q)}; in the source {other.quantity.text} is the figure for "
               f"{measure} ('{other.sentence.strip()[:160]}', {other.passage})"
               + (f", and it gives {describe(own[0].quantity)} for {q.measure} ({own[0].passage})" if own else
                  f", and it gives no figure for '{q.measure}'"))
    finding = AnotherMeasure.finding(claim, message, article_value=describe(q),
                                     source_value=describe(other.quantity), passage=other.passage,
                                     severity="warning" if own else "info")
    return "not_in_source", [finding], [_evidence(other)]


def _direction(claim: Claim, q: Quantity, match: SourceFigure):
    """The number agrees, but not as the article has it move: the other way, the level
    before a change given as the size of the change ('fell by 9.2%' where the rate fell
    from 9.2%), a fall of a rate given for the level it stood at ('fell by 10.5%' where it
    fell to 10.5%), or a rise or fall the source does not state (:func:`_unstated_move`).
    Where the match is placed as the same figure would be (:data:`SAME_CONTEXT`), or is
    surely the one meant (:func:`_surely_meant`), that is a finding; otherwise the
    figure is not the source's as the article gives it, and is not supported."""
    a, s = q.change, match.quantity.change
    if a is None or not a.form:
        return None
    if s is None or not s.form:
        return _unstated_move(claim, q, match)
    level = match.quantity.value > 0
    opposite = {a.direction, s.direction} == {"up", "down"} and a.form == s.form
    # 'fell by 9.2%' where the rate fell from 9.2%.  Not 'rose to 7%' against 'prices
    # rose by 7%': a 12-month rate is both the size of the rise and the level it reached.
    level_for_change = a.form == "by" and s.form == "from"
    # 'the CPI fell by 10.5%' where it fell to 10.5%: the rate's level is a rise of the index
    fall_for_level = a.form == "by" and a.direction == "down" and s.form == "to" and q.unit == "%" and level
    if not (opposite or level_for_change or fall_for_level):
        return None
    if match.similarity < SAME_CONTEXT:
        if level_for_change and not opposite and q.unit == "%" and a.direction == "up" and level:
            return None  # 'CPI rose by 10.7%' for November's 10.7%: its 12-month rate, loosely placed
        if not _surely_meant(q, match):
            return "not_in_source", [], []
    source_says = {"by": f"a {'rise' if s.direction == 'up' else 'fall' if s.direction == 'down' else 'change'} "
                         f"of {match.quantity.text}",
                   "to": f"the level {'after' if s.direction in ('up', 'down') else 'it stayed at'}: "
                         f"{match.quantity.text}",
                   "from": f"the level before the change: {match.quantity.text}"}[s.form]
    article_says = f"a {'rise' if a.direction == 'up' else 'fall' if a.direction == 'down' else 'change'} of {q.text}"
    message = (f"The article gives {article_says}; in the source {match.quantity.text} is {source_says} "
               f"('{match.sentence.strip()[:160]}', {match.passage})")
    finding = AnotherDirection.finding(claim, message, article_value=article_says,
                                       source_value=source_says, passage=match.passage)
    return "contradicted", [finding], [_evidence(match)]


def _surely_meant(q: Quantity, match: SourceFigure) -> bool:
    """Is a loosely placed source figure surely the one the article gives?  The same
    number exactly, unhedged, for the same dated period ('In November, the Consumer Price
    Index fell by 10.7%' and '... down from 10.7% in November')."""
    s = match.quantity
    return (not q.approx and q.value == s.value and _dated(q) and _dated(s)
            and q.period.agrees(s.period))  # type: ignore[union-attr]


def _unstated_move(claim: Claim, q: Quantity, match: SourceFigure):
    """The article has a figure rise or fall to its level ('Emergency admissions also
    climbed to over 530,000 in September'), or a rate fall by its level, where the source
    gives the level and no movement of it: its figure states no change, and its passage
    no word of one that way ('530,824 emergency admissions' in 'their busiest ever
    September').  The level holds; the rise is not in the source: not supported, with a
    note that says so (never an error: the rise may be the source's elsewhere)."""
    a = q.change
    if a is None or a.direction not in ("up", "down"):
        return None
    fall_by_level = a.form == "by" and a.direction == "down" and q.unit == "%" and match.quantity.value > 0
    if not (a.form == "to" or fall_by_level):
        return None
    if MOVED[a.direction].search(f"{match.passage_text or match.sentence}"):
        return None
    said = "rise" if a.direction == "up" else "fall"
    message = (f"The source gives {describe(match.quantity)} ('{match.quantity.text}', {match.passage}) "
               f"but no {said} of it")
    finding = FigureNotInSource.finding(claim, message, article_value=f"a {said} to {describe(q)}" if a.form == "to"
                                        else f"a {said} of {describe(q)}", source_value=describe(match.quantity),
                                        passage=match.passage, severity="info")
    return "not_in_source", [finding], [_evidence(match)]


NEAREST_NAMED = 3  # source figures of the measure a not-in-source finding names


def _absent(claim: Claim, q: Quantity, sentence: str, same: list[SourceFigure]):
    """A figure the source does not give, so that a CI run can see it.  Attributed to
    the source, where the source gives figures of that very measure, it is a warning (a
    mistyped or invented number); otherwise information (it may come from elsewhere),
    naming the measure's nearest figures if the source has any."""
    named = bool(measure_qualifiers(q.measure))  # a measure the source's passages name too
    measured = [f for f in same if f.similarity >= (ONLY_COUNT_CONTEXT if named else SAME_CONTEXT)]
    attributed = cites_source(sentence)
    nearest = sorted(measured, key=lambda f: abs(f.quantity.value - q.value))[:NEAREST_NAMED]
    listed = "; ".join(f"{describe(f.quantity)} ({f.passage})" for f in nearest)
    message = (f"The source does not give {describe(q)}"
               + (", though the article attributes it to the source" if attributed else "")
               + (f"; its figures of this measure: {listed}" if listed else ""))
    # a count's change ('increased by just under 1,000') is not mistyped from the source's
    # levels of it (6,685 exclusions): only figures of its own kind make the warning
    kind = [f for f in measured if q.unit == "%" or _is_change(q) == _is_change(f.quantity)]
    severity = "warning" if attributed and kind else "info"
    finding = FigureNotInSource.finding(claim, message, article_value=describe(q),
                                        source_value=listed or None,
                                        passage=nearest[0].passage if nearest else None, severity=severity)
    return "not_in_source", [finding], [_evidence(f) for f in nearest[:1]]


def _is_change(q: Quantity) -> bool:
    """Is the figure the size of a change ('rose by 18,614', 'a fall of 0.3%')?"""
    return q.change is not None and q.change.form == "by"


def is_points(q: Quantity) -> bool:
    return q.unit == "point" and "percentage" in fold(q.measure)


_OTHER_UNITS = {"point": "percentage points", "penny": "pence", "pence": "pence", "p": "pence",
                "GBP": "pounds"}


def _another_unit(claim: Claim, q: Quantity, figures: list[SourceFigure]):
    """A per cent change where the source gives the same number as a change in
    percentage points or in pence or pounds of the same thing, and no per cent figure
    of that value: the article has turned the unit into per cent (a sub-editor's
    classic correction)."""
    if q.unit != "%" or q.approx or q.change is None or q.change.form != "by":
        return None
    others = sorted((f for f in figures if f.quantity.value == q.value and f.quantity.unit in _OTHER_UNITS
                     and (f.quantity.unit != "point" or is_points(f.quantity))),
                    key=lambda f: -f.similarity)
    if not others or others[0].similarity < SAME_CONTEXT / 2:
        return _rate_difference(claim, q, figures)
    best = others[0]
    if any(f.quantity.unit == "%" and compatible(q, f.quantity) and f.similarity >= best.similarity - TIE
           for f in figures):
        return None  # the source has the per cent figure too: it may be the one meant
    unit = _OTHER_UNITS[best.quantity.unit]
    why = ("a change in a rate is in percentage points, not per cent" if unit == "percentage points"
           else f"a change of {fmt(q.value)} {unit} is not a change of {fmt(q.value)} per cent")
    message = (f"The article gives a change of {fmt(q.value)} per cent{as_quoted(f'{fmt(q.value)} per cent', q.text)}; the source gives "
               f"{fmt(best.quantity.value)} {unit} ('{best.quantity.text}', {best.passage}): {why}")
    finding = AnotherUnit.finding(claim, message, article_value=f"{fmt(q.value)}%",
                                  source_value=f"{fmt(best.quantity.value)} {unit}", passage=best.passage)
    return "contradicted", [finding], [_evidence(best)]


# the rate a per cent change is measured from, named right after it: '13 per cent more
# than the 83 per cent', '5 per cent from 60 per cent', 'up 5 per cent on 60 per cent'
_FROM_RATE = re.compile(r"^\s*(?:(?:more|higher|greater|fewer|lower|less)\s+than|from|on|compared\s+(?:with|to))"
                        r"\s+(?:the\s+|an?\s+)?(?P<base>\d[\d,]*(?:\.\d+)?)\s*(?:%|per\s*cent|percent)", re.I)


def _points_as_per_cent(claim: Claim, q: Quantity, sentence: str, siblings: tuple[float, ...]):
    """A per cent change between two rates the article's own sentence gives, that is
    their difference in points: "recording 96.4 per cent of all crimes, 13 per cent more
    than the 83 per cent" (13.4 percentage points; from 83 per cent, 96.4 per cent is a
    rise of 16 per cent).  The article's own arithmetic shows the slip, whatever the
    source holds.  Only where the change names the rate it is measured from, right after
    it, and the sentence gives the other rate, as far from it as the change says."""
    if q.unit != "%" or q.approx or q.value <= 0:
        return None
    at = re.search(rf"(?<![\d.,]){re.escape(q.text)}", sentence)  # not the '5 per cent' of '65 per cent'
    named = _FROM_RATE.match(sentence[at.end():]) if at else None
    if named is None:
        return None
    base = float(named.group("base").replace(",", ""))
    step = 0.5 * 10 ** -(decimals_written(q) or 0)  # what rounding the change leaves open
    for level in siblings:
        gap = abs(level - base)
        if base <= 0 or level == base or abs(gap - q.value) > step:
            continue
        relative = 100 * gap / base
        if abs(relative - q.value) <= max(step, 1.0):
            return None  # the per cent change is right too (a rate near 100)
        points = f"{fmt(round(gap, 2))} percentage point{'' if gap == 1 else 's'}"
        message = (f"The article gives a change of {fmt(q.value)} per cent{as_quoted(f'{fmt(q.value)} per cent', q.text)} "
                   f"between its own {fmt(base)}% and {fmt(level)}%: that is {points}; as a per cent change "
                   f"it is {fmt(round(relative, 1))} per cent")
        finding = AnotherUnit.finding(claim, message, article_value=f"{fmt(q.value)}%", source_value=points)
        return "contradicted", [finding], []
    return None


def _rate_pair(q: Quantity, figures: list[SourceFigure]):
    """Two rates of one source sentence, the level before a change and after it, that
    are as far apart as the article's figure: (gap, before, after), or None."""
    levels = [f for f in figures if f.quantity.unit == "%" and f.similarity >= SAME_CONTEXT / 2]
    pairs = [(round(abs(after.quantity.value - before.quantity.value), 2), before, after)
             for before in levels if before.quantity.change and before.quantity.change.form == "from"
             for after in levels if after.sentence == before.sentence and after is not before
             and max(after.similarity, before.similarity) >= SAME_CONTEXT]
    pairs = [p for p in pairs if compatible(q, Quantity(p[0], "%"))]
    if not pairs:
        return None
    return min(pairs, key=lambda p: (abs(p[0] - q.value), -p[1].similarity - p[2].similarity))


def _rate_difference(claim: Claim, q: Quantity, figures: list[SourceFigure]):
    """'Inflation rose to 11.1%, up by 1%' where the source has the rate at 11.1%, up
    from 10.1%: the difference of two rates is 1 percentage point, and the article gives
    it as a per cent change (which would be a rise to 10.2%)."""
    pair = _rate_pair(q, figures)
    if pair is None or any(f.quantity.unit == "%" and compatible(q, f.quantity) and f.similarity >= SAME_CONTEXT
                           for f in figures):
        return None  # no two rates that far apart, or the source gives the per cent change too
    gap, before, after = pair
    points = f"{fmt(gap)} percentage point{'' if gap == 1 else 's'}"
    message = (f"The article gives a change of {fmt(q.value)} per cent{as_quoted(f'{fmt(q.value)} per cent', q.text)}; in the source "
               f"the rate went from {before.quantity.text} to {after.quantity.text} "
               f"({before.passage}): {points}, not per cent")
    finding = AnotherUnit.finding(claim, message, article_value=f"{fmt(q.value)}%",
                                  source_value=points, passage=before.passage)
    return "contradicted", [finding], [_evidence(before)]


def _parallel(best: SourceFigure, same: list[SourceFigure], position: tuple[int, int]) -> SourceFigure:
    """The figure in the same place of the best-placed source sentence, when that
    sentence has as many figures of the unit as the article's sentence."""
    k, n = position
    if n < 2:
        return best
    row = sorted((f for f in same if f.sentence == best.sentence),
                 key=lambda f: f.sentence.find(f.quantity.text))
    return row[k] if len(row) == n else best


def _without_siblings_rows(q: Quantity, figures: list[SourceFigure], siblings: tuple[float, ...]):
    """'The 0.3% fall was fuelled by decreases of 0.2% in services, 1% in production and
    1.3% in construction': the source sentence that gives the three sector figures, and
    not 0.3%, is about them; the 0.3% is to be found elsewhere, not held to that row."""
    if len(siblings) < 2:
        return figures
    rows: dict[str, set[float]] = {}
    for f in figures:
        rows.setdefault(f.sentence, set()).add(f.quantity.value)
    taken = {sentence for sentence, values in rows.items()
             if q.value not in values and all(v in values for v in siblings)}
    return [f for f in figures if f.sentence not in taken]


def _times_the_inspection(q: Quantity, sentence: str) -> bool:
    """Is the duration the inspection's ("a four-week inspection", "inspectors spent six
    weeks", "the inspection lasted five weeks"), not another period in a sentence that
    mentions the inspection ("cases from the previous two months", "over the last ten
    years, and since the last inspection")?"""
    if "inspect" in q.measure.lower():
        return True
    figure = re.escape(q.text)
    return bool(re.search(rf"\binspect\w*(?:\s+[\w'’]+){{0,3}}\s+{figure}|{figure}(?:\s+[\w'’-]+){{0,2}}?\s+inspect",
                          sentence, re.I))


def _check_duration(claim: Claim, q: Quantity, facts: SourceFacts):
    if not (facts.inspection_start and facts.inspection_end):
        return None
    start = date.fromisoformat(facts.inspection_start)
    end = date.fromisoformat(facts.inspection_end)
    span_days = (end - start).days + 1
    claimed = q.value * UNIT_DAYS[q.unit]
    cite = facts.inspection_passage or "inspection dates"
    evidence = [Evidence(passage=cite, text=f"Inspection date: {start:%-d %B %Y} – {end:%-d %B %Y}", score=1.0)]
    if abs(claimed - span_days) <= max(3.0, 0.15 * span_days) or (q.approx and abs(claimed - span_days) <= 0.3 * span_days):
        return "supported", [], evidence
    message = (f"The article says the inspection lasted {fmt(q.value)} {q.unit}s{as_quoted(f'{fmt(q.value)} {q.unit}s', claim.text)}; "
               f"the source's inspection dates, {start:%-d %B} – {end:%-d %B %Y}, span {span_days} days "
               f"(about {span_days / UNIT_DAYS[q.unit]:.1f} {q.unit}s)")
    finding = DurationMismatch.finding(claim, message, article_value=f"{fmt(q.value)} {q.unit}s",
                                       source_value=f"{span_days} days", passage=cite)
    return "contradicted", [finding], evidence


def _number_in(q: Quantity, text: str) -> bool:
    """Does the article's number stand in a source text as written, in digits?"""
    if q.unit == "%" or q.value != int(q.value) or q.value < 10:
        return False
    value = int(q.value)
    return bool(re.search(rf"(?<![\d,.])(?:{value:,}|{value})(?!\d|[,.]\d)", text))


def _evidence(figure: SourceFigure) -> Evidence:
    return Evidence(passage=figure.passage, text=figure.sentence, score=round(figure.similarity, 4))
