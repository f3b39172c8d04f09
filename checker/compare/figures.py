"""Is the article's figure the source's figure for the same thing?

Same thing: the same counted noun (or both percentages), in the most similar sentence
of the source.  When the source counts that noun only once, that count is the one to
hold the article to (there is no other); when it counts it several times, the context
must agree before a difference is called a contradiction.  Hedges are honoured:
"nearly a quarter" holds for 23.3%, "more than 470" for 472.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from checker.compare.rules import DurationMismatch, FigureMismatch, PointsAsPercent
from checker.model import Claim, Evidence, Finding, Quantity, SourceFacts
from checker.textnorm import fold, stems

UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30.4, "year": 365.25}
SAME_CONTEXT = 0.35  # context similarity that makes two figures of one unit the same thing
ONLY_COUNT_CONTEXT = 0.1  # ... when the source counts that unit only once
TIE = 0.1  # candidates this close to the best-placed one are as likely to be meant
LOCAL_AGREES = 0.3  # ... if the words around their number agree this much with the article's


LOCAL_WEIGHT = 0.35  # the words around a number tell figures of one sentence apart


@dataclass(frozen=True)
class SourceFigure:
    quantity: Quantity
    passage: str
    sentence: str
    similarity: float
    passage_text: str = ""
    local: float = 0.0  # similarity of the words right around the number


def fmt(value: float) -> str:
    return f"{value:,.1f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"


def describe(q: Quantity) -> str:
    """'5 director(s) in five years', '23.3%'."""
    hedge = f"{q.approx} " if q.approx else ""
    if q.unit == "%":
        core = f"{hedge}{fmt(q.value)}%" + (f" ({q.subject})" if q.subject else "")
    elif q.unit in ("GBP", "USD", "EUR"):
        core = f"{hedge}{ {'GBP': '£', 'USD': '$', 'EUR': '€'}[q.unit]}{fmt(q.value)}"
    else:
        core = f"{hedge}{fmt(q.value)} {plural(q.unit) if q.value != 1 else q.unit}"
        if q.ordinal:
            core += f" (the '{q.text}')"
    return core + (f" {q.window}" if q.window else "")


_IRREGULAR = {"child": "children", "person": "people", "man": "men", "woman": "women"}


def plural(noun: str) -> str:
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun if noun.endswith("s") else noun + "s"


def compatible(article: Quantity, source: Quantity) -> bool:
    """Does the source's value make the article's (hedged) value true?"""
    a, s = article.value, source.value
    hedge = article.approx
    if hedge in ("nearly", "almost", "just under", "close to"):
        return 0.85 * a <= s <= a * 1.001 or (source.approx and abs(a - s) <= 0.05 * a)
    if hedge == "at least":
        return s >= a
    if hedge in ("more than", "over", "just over", "well over"):
        # 'more than 470' for 472; for 470 only if the source hedges it the same way
        return s > a or (s == a and (source.approx == hedge or source.approx in ("over", "more than", "just over")))
    if hedge in ("fewer than", "less than", "under", "up to"):
        return s <= a
    if hedge in ("about", "around", "approximately", "roughly", "some", "approx", "circa"):
        return abs(a - s) <= 0.1 * max(abs(s), 1e-9) + 0.5
    if article.unit == "%" and article.text and not any(ch.isdigit() for ch in article.text):
        return abs(a - s) <= 0.1 * max(abs(s), 1e-9)  # 'a quarter', 'one in five': approximate
    if a == s:
        return True
    decimals = len(article.text.split(".")[1].rstrip("%")) if "." in article.text.split()[0] else 0
    return round(s, decimals) == a or (a == int(a) and abs(a - s) < 0.5 and s != int(s))


def digit_slip(a: float, b: float) -> bool:
    """Do two numbers differ by a transposed or a single mistyped digit (428 / 482,
    59.6 / 95.6, 3,067 / 3,607)?"""
    if a == b or min(abs(a), abs(b)) < 10:
        return False
    x, y = (f"{v:g}" for v in (a, b))
    if len(x) != len(y):
        return False
    return sorted(x) == sorted(y) or sum(c != d for c, d in zip(x, y)) == 1


def windows_agree(article: Quantity, source: Quantity) -> bool:
    if article.window_value is None or source.window_value is None:
        return True
    return (article.window_value, article.window_unit) == (source.window_value, source.window_unit)


def same_unit(article: Quantity, source: Quantity) -> bool:
    if article.unit == "%" or source.unit == "%":
        return article.unit == source.unit
    if article.unit == source.unit:
        return True
    return bool(stems(article.unit)) and stems(article.unit) == stems(source.unit)


_AGE_WORDS = frozenset({"age", "aged", "old"})


def same_person(article: Quantity, source: Quantity) -> bool:
    """Ages after names ('Copeland, 31, and his wife, Katrine Saltare, 28') are
    different people's unless the names share a word; any other figure, or an age
    whose person the text leaves unnamed ('the 27-year-old'), may be the same."""
    if article.unit != "age" or source.unit != "age":
        return True
    a, s = (set(re.findall(r"\w+", fold(q.subject))) - _AGE_WORDS for q in (article, source))
    return not a or not s or bool(a & s)


def check_figure(claim: Claim, sentence: str, figures: list[SourceFigure],
                 facts: SourceFacts | None, position: tuple[int, int] = (0, 1),
                 ) -> tuple[str, list[Finding], list[Evidence]]:
    """(verdict, findings, evidence) for one figure claim.

    Candidates are the source's figures of the same unit, ranked by how alike their
    contexts are.  The article's figure holds if the best-placed candidate (or one as
    well placed) agrees; it is contradicted if the best-placed one is placed well enough
    to be the same thing and disagrees.  ``position`` is the claim's place among the
    article sentence's figures of this unit: "from 331 to 454" is read against the
    source sentence's "from 331 ... to 545" in order.
    """
    q: Quantity = claim.payload  # type: ignore[assignment]
    if facts and q.unit in UNIT_DAYS and q.subject and _times_the_inspection(q, sentence):
        duration = _check_duration(claim, q, facts)
        if duration:
            return duration
    points = _points_as_percent(claim, q, sentence, figures)
    if points:
        return points
    same = sorted((f for f in figures if same_unit(q, f.quantity) and same_person(q, f.quantity)),
                  key=lambda f: -f.similarity)
    if not same:
        return "not_in_source", [], []
    best = same[0]
    holds = [f for f in same if compatible(q, f.quantity) and windows_agree(q, f.quantity)]
    near_top = [f for f in holds if f.similarity >= best.similarity - TIE
                and (f.sentence == best.sentence or f.local >= min(best.local - TIE, LOCAL_AGREES))]
    if near_top and best.similarity >= ONLY_COUNT_CONTEXT:
        return "supported", [], [_evidence(near_top[0])]  # as likely the one meant
    slipped = [f for f in same if f.similarity >= ONLY_COUNT_CONTEXT and digit_slip(q.value, f.quantity.value)]
    if slipped and not holds:
        best = slipped[0]  # 428 for 482: a transposed or mistyped digit points at the figure meant
    threshold = ONLY_COUNT_CONTEXT if len(same) == 1 and q.unit != "%" else SAME_CONTEXT
    if best.similarity < threshold and best not in slipped:
        loose = [f for f in holds if f.similarity >= SAME_CONTEXT / 2]
        return ("supported", [], [_evidence(loose[0])]) if loose else ("not_in_source", [], [])
    best = _parallel(best, same, position)
    if _number_in(q, best.passage_text):
        return "supported", [], [_evidence(best)]  # the number is there; we misread its noun
    source = best.quantity
    what = "window" if compatible(q, source) else "figure"
    message = (f"The article counts {describe(q)}; the source counts {describe(source)} "
               f"('{source.text}', {best.passage})"
               + (": the same count over a different window" if what == "window" else ""))
    finding = FigureMismatch.finding(claim, message, article_value=describe(q),
                                     source_value=describe(source), passage=best.passage)
    return "contradicted", [finding], [_evidence(best)]


_CHANGE = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|fall(?:s|en|ing)?|fell|drop(?:s|ped)?|"
    r"decreas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|up|down|higher|lower|grew|grow(?:n|s|th)?|"
    r"jump(?:s|ed)?|climb(?:s|ed)?|gain(?:s|ed)?)\b", re.I)
_CHANGE_RADIUS = 4  # words either side of the figure that make it a change


def is_change(sentence: str, figure_text: str) -> bool:
    """Does the article give a figure as a change ('risen by 0.6 per cent', 'a 0.3 per
    cent decrease') rather than a level ('stands at 4.5 per cent')?"""
    at = sentence.find(figure_text)
    if at < 0:
        return False
    before = sentence[:at].split()[-_CHANGE_RADIUS:]
    after = sentence[at + len(figure_text):].split()[:_CHANGE_RADIUS - 1]
    return bool(_CHANGE.search(" ".join(before + after)))


def is_points(q: Quantity) -> bool:
    return q.unit == "point" and "percentage" in fold(q.subject)


def _points_as_percent(claim: Claim, q: Quantity, sentence: str, figures: list[SourceFigure]):
    """A per cent change where the source gives the same number as a change in
    percentage points of the same thing, and no per cent figure of that value: the
    article has turned points into per cent (a sub-editor's classic correction)."""
    if q.unit != "%" or q.approx or not is_change(sentence, q.text):
        return None
    points = sorted((f for f in figures if is_points(f.quantity) and f.quantity.value == q.value),
                    key=lambda f: -f.similarity)
    if not points or points[0].similarity < SAME_CONTEXT / 2:
        return None
    best = points[0]
    if any(f.quantity.unit == "%" and compatible(q, f.quantity) and f.similarity >= best.similarity - TIE
           for f in figures):
        return None  # the source has the per cent figure too: it may be the one meant
    message = (f"The article gives a change of {fmt(q.value)} per cent ('{q.text}'); the source gives "
               f"{fmt(best.quantity.value)} percentage points ('{best.quantity.text}', {best.passage}): "
               f"a change in a rate is in percentage points, not per cent")
    finding = PointsAsPercent.finding(claim, message, article_value=f"{fmt(q.value)}%",
                                      source_value=f"{fmt(best.quantity.value)} percentage points",
                                      passage=best.passage)
    return "contradicted", [finding], [_evidence(best)]


def _parallel(best: SourceFigure, same: list[SourceFigure], position: tuple[int, int]) -> SourceFigure:
    """The figure in the same place of the best-placed source sentence, when that
    sentence has as many figures of the unit as the article's sentence."""
    k, n = position
    if n < 2:
        return best
    row = sorted((f for f in same if f.sentence == best.sentence),
                 key=lambda f: f.sentence.find(f.quantity.text))
    return row[k] if len(row) == n else best


def _times_the_inspection(q: Quantity, sentence: str) -> bool:
    """Is the duration the inspection's ("a four-week inspection", "inspectors spent six
    weeks", "the inspection lasted five weeks"), not another period in a sentence that
    mentions the inspection ("cases from the previous two months", "over the last ten
    years, and since the last inspection")?"""
    if "inspect" in q.subject.lower():
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
    message = (f"The article says the inspection lasted {fmt(q.value)} {q.unit}s ('{claim.text}'); "
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
