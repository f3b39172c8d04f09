"""The outlets' side: what several articles say about the same thing, and where they
disagree with each other, whether or not the report settles it.

Two articles' claims are about the same thing only when the check already makes them
so, or when everything that identifies them is the same:

- *a point of the report* they both carry (the same judgement, the inspection's dates,
  the same headline figure): their values are compared, and where one is confirmed and
  the other misreported they disagree by the report's own word;
- *a figure the report does not give*: the same unit, the same qualifying words of the
  measure (``measure_qualifiers``: 'food' prices, 'CPIH'), a dated period that agrees,
  and the same form (a level, a rise *by*, a rise *to*); a measure with no qualifying
  word ("prices rose 7%") or no dated period is never grouped, since two such figures
  may well be of different things;
- *the same quotation*: one's words run within the other's, or, where both were held
  to the same passage of the report, they differ by a word or two over at least four
  words (a councillor's "widespread and serious failures" is never set against the
  report's "widespread or serious failures" another outlet quoted); only quotations of
  about one length disagree, since two excerpts of one passage, each running past the
  other's ends, do not contradict each other.

The same error in several articles (the same rule, the same wrong value, the same
source value) is one shared error, listed once with every article that made it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from checker.compare.dates import matches_value
from checker.compare.figures import compatible, describe, measure_qualifiers
from checker.model import CheckResult, ClaimResult, DateRef, Finding, Quantity
from checker.outlets.carried import Cell, serious_findings
from checker.outlets.points import Point
from checker.textnorm import fold

SAME_QUOTE = 90  # rapidfuzz partial ratio at which two quotations are the same words
MIN_QUOTE_WORDS = 4
EXCERPT_SLACK = 2  # words by which two givings of one quotation may differ in length


@dataclass(frozen=True)
class Said:
    """One article's value on a topic, with the claim that gave it."""

    article: str
    value: str
    claim: ClaimResult


@dataclass(frozen=True)
class Topic:
    """Something two or more articles make a claim about: ``kind`` is judgement, date,
    figure or quotation; ``report_value`` what the report says where it is one of its
    points (None where the report does not settle it)."""

    key: str
    kind: str
    label: str
    report_value: str | None
    said: tuple[Said, ...]
    disagree: bool


@dataclass(frozen=True)
class SharedError:
    """One error made by several articles."""

    code: str
    name: str
    message: str
    article_value: str
    source_value: str
    passage: str | None
    articles: tuple[str, ...]


def _value(claim: ClaimResult) -> str:
    payload = claim.claim.payload
    if claim.claim.kind == "rating":
        return payload.grade  # type: ignore[union-attr]
    if claim.claim.kind == "figure":
        return describe(payload)  # type: ignore[arg-type]
    if claim.claim.kind == "quote":
        return payload.content  # type: ignore[union-attr]
    return claim.claim.text


def point_topics(points: Sequence[Point], cells: dict[str, dict[str, Cell]]) -> list[Topic]:
    """Topics of the report's own points carried by two or more articles.  ``cells``:
    article uri -> point key -> cell.  Only claims of the point's own kind speak to it
    here (a grade for a judgement, a date for dates, a figure for a figure): a misquoted
    heading is no grade, and 'a four-week inspection' does not contradict another
    outlet's 'in January'.  An article's value is what it got wrong (the finding's
    article value) where such a claim is misreported, else that claim's value."""
    wanted = {"judgement": "rating", "date": "date", "figure": "figure"}
    out = []
    for point in points:
        kind = wanted.get(point.kind)
        said, verdicts = [], set()
        for article, by_point in cells.items():
            cell = by_point[point.key]
            own = [c for c in cell.claims if c.claim.kind == kind]
            wrong = next((c for c in own if serious_findings(c)), None)
            if own:
                value = str(serious_findings(wrong)[0].article_value) if wrong else _value(own[0])
                said.append(Said(article, value, wrong or own[0]))
                verdicts.add("misreported" if wrong else "confirmed")
        if len(said) < 2:
            continue
        settled = len(verdicts) > 1  # one confirmed, another misreported
        out.append(Topic(point.key, point.kind, point.label, point.value, tuple(said),
                         settled or _values_differ(point, said)))
    return out


def _values_differ(point: Point, said: list[Said]) -> bool:
    kind = {"figure": Quantity, "date": DateRef}.get(point.kind)
    claims = [s.claim.claim.payload for s in said if kind and isinstance(s.claim.claim.payload, kind)]
    pairs = [(a, b) for i, a in enumerate(claims) for b in claims[i + 1:]]
    if point.kind == "judgement":
        return len({fold(s.value) for s in said}) > 1
    if point.kind == "figure":
        return any(not (compatible(a, b) or compatible(b, a)) for a, b in pairs)
    if point.kind == "date" and " to " not in point.value:  # a range holds different days
        return any(not (matches_value(a.value, b.value) or matches_value(b.value, a.value))
                   for a, b in pairs)
    return False


def figure_topics(results: Sequence[CheckResult], cells: dict[str, dict[str, Cell]]) -> list[Topic]:
    """Figures that carry none of the report's points (``cells``, as for
    :func:`point_topics`), of the same measure and period in two or more articles (see
    the module docstring for what 'the same' takes)."""
    groups: dict[tuple, list[Said]] = defaultdict(list)
    for result in results:
        carrying = {id(c) for cell in cells[result.article.uri].values() for c in cell.claims}
        for claim in result.claims:
            key = _figure_key(claim)
            if key is None or id(claim) in carrying:
                continue
            if all(s.article != result.article.uri for s in groups[key]):
                groups[key].append(Said(result.article.uri, _value(claim), claim))
    out = []
    for (unit, qualifiers, month, months, form), said in groups.items():
        if len(said) < 2:
            continue
        claims: list[Quantity] = [s.claim.claim.payload for s in said]  # type: ignore[misc]
        differ = any(a.period.agrees(b.period) and not (compatible(a, b) or compatible(b, a))
                     for i, a in enumerate(claims) for b in claims[i + 1:])
        label = f"{claims[0].measure}, {claims[0].period.text}"
        key = "figure:" + "|".join([unit, " ".join(sorted(qualifiers)), month, str(months), form])
        out.append(Topic(key, "figure", label, None, tuple(said), differ))
    return out


def _figure_key(claim: ClaimResult) -> tuple | None:
    q = claim.claim.payload
    if claim.claim.kind != "figure" or claim.verdict in ("out_of_scope", "not_checked") \
            or claim.claim.attribution or not q.unit:  # type: ignore[union-attr]
        return None
    qualifiers = measure_qualifiers(q.measure)  # type: ignore[union-attr]
    if not qualifiers or q.period is None or not q.period.dated:  # type: ignore[union-attr]
        return None
    form = q.change.form if q.change else "level"  # type: ignore[union-attr]
    return q.unit, qualifiers, q.period.end[-2:], q.period.months, form  # type: ignore[union-attr]


def quote_topics(results: Sequence[CheckResult]) -> list[Topic]:
    """The same quotation in two or more articles, and whether their words differ.
    Quotations of people other than the report (not checked against it) count too: two
    outlets can still give one councillor's words differently.  Where an article's
    giving is the report's own words, the report settles it with the passage quoted."""
    clusters: list[list[Said]] = []
    for result in results:
        for claim in result.claims:
            if claim.claim.kind != "quote" or claim.verdict == "out_of_scope":
                continue
            said = Said(result.article.uri, _value(claim), claim)
            home = next((c for c in clusters if _same_quote(claim, c[0].claim)), None)
            if home is None:
                clusters.append([said])
            elif all(s.article != said.article for s in home):
                home.append(said)
    out = []
    for cluster in clusters:
        if len(cluster) < 2:
            continue
        folded = [fold(s.value) for s in cluster]
        differ = any(_worded_otherwise(a, b) for i, a in enumerate(folded) for b in folded[i + 1:])
        held = next((s.claim.alignment.best for s in cluster
                     if s.claim.verdict == "supported" and s.claim.alignment.best), None)
        out.append(Topic(f"quote:{folded[0][:60]}", "quotation", f"\u201c{cluster[0].value}\u201d",
                         held.text if held else None, tuple(cluster), differ))
    return out


def _worded_otherwise(a: str, b: str) -> bool:
    """The same words given differently, not two excerpts of one passage: neither runs
    within the other, and they are of a length (within :data:`EXCERPT_SLACK` words)."""
    return a not in b and b not in a and abs(len(a.split()) - len(b.split())) <= EXCERPT_SLACK


def _same_quote(a: ClaimResult, b: ClaimResult) -> bool:
    fa, fb = fold(_value(a)), fold(_value(b))
    if min(len(fa.split()), len(fb.split())) < MIN_QUOTE_WORDS:
        return fa == fb
    if fa in fb or fb in fa:
        return True
    held = {a.verdict, b.verdict} <= {"supported", "contradicted"}
    same_passage = a.alignment.best and b.alignment.best \
        and a.alignment.best.passage == b.alignment.best.passage
    return bool(held and same_passage) and fuzz.partial_ratio(fa, fb) >= SAME_QUOTE


def shared_errors(results: Sequence[CheckResult]) -> list[SharedError]:
    """Errors and warnings that two or more articles make alike."""
    groups: dict[tuple[str, str, str], list[tuple[str, Finding]]] = defaultdict(list)
    for result in results:
        for claim in result.claims:
            for finding in serious_findings(claim):
                key = (finding.code, fold(str(finding.article_value)), fold(str(finding.source_value)))
                if all(a != result.article.uri for a, _ in groups[key]):
                    groups[key].append((result.article.uri, finding))
    return [SharedError(f.code, f.name, f.message, str(f.article_value), str(f.source_value),
                        f.passage, tuple(a for a, _ in found))
            for found in groups.values() if len(found) > 1 for f in [found[0][1]]]
