"""What the article is to the source: the same report, a later or an earlier one of the
same authority, or another subject altogether.

Names first (which authority does the article talk about?), then time (does it call
the source's inspection "the last one", or predate it?).  Each step leaves a reason a
person can check; the verdict decides which claims may be judged at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from checker.compare.scope import place_word, same_authority
from checker.extract.dates import find_dates
from checker.extract.furniture import furniture_passages
from checker.extract.names import COUNCIL
from checker.model import Claim, DateRef, Document, Relation

_DATELINE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday published updated posted on at "
    "last am pm gmt bst".split())
_RANK = {"same_report": 4, "later_report": 3, "earlier_report": 3, "unknown": 1,
         "different_subject": 0}


def _body(article: Document) -> str:
    furniture = furniture_passages(article.passages)
    return "\n".join(p.text for p in article.passages if p.index not in furniture)


def _article_date(article: Document) -> str | None:
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


def assess(article: Document, claims: Sequence[Claim], index) -> tuple[Relation, int]:
    """The relation of one article to one prepared source (a SourceIndex), and how often
    it names the source's authority (a tie-breaker between sources)."""
    source = index.document
    facts = source.facts
    authority = facts.authority if facts else None
    place = place_word(authority)
    body = _body(article)
    if not place:
        return Relation("unknown", source.uri, ("The source names no authority to compare with.",)), 0
    own = len(re.findall(rf"\b{re.escape(place)}\b", body, re.I))
    others = Counter(m.group(0) for m in COUNCIL.finditer(body) if not same_authority(m.group(0), authority))
    misspelt = [m.group(0) for m in COUNCIL.finditer(body)
                if same_authority(m.group(0), authority) and place.lower() not in m.group(0).lower()]
    own += len(misspelt)
    if own == 0 and others:
        name, count = others.most_common(1)[0]
        reason = (f"The article names {name} ({count} time{'s' if count != 1 else ''}) and never "
                  f"{authority}, the authority the source is about.")
        return Relation("different_subject", None, (reason,)), 0
    if own == 0:
        return _unnamed(claims, index, authority), 0
    reasons = [f"The article names {authority} or {place} {own} time{'s' if own != 1 else ''}."]
    if others:
        reasons.append("It also names " + ", ".join(f"{n} ({c})" for n, c in others.most_common(3)) + ".")
    verdict = _timing(article, claims, facts, reasons)
    return Relation(verdict, source.uri, tuple(reasons)), own


SHARED_ENOUGH = 0.3  # share of an unnamed article's statements found in the source
UNRELATED_AFTER = 3  # statements, none found, that show an unnamed article is about something else


def _unnamed(claims: Sequence[Claim], index, authority: str) -> Relation:
    """An article that names no authority at all (a draft saying "the council") is
    judged by what it says: when enough of its statements stand in the source it
    reports on it; when several do and none stands there it is about something else;
    in between the relation is unknown, and its claims are still checked."""
    statements = [c for c in claims if c.kind == "statement"]
    found = sum(1 for c in statements if (best := index.align(c, c.text).best) and best.score >= 0.6)
    share = found / len(statements) if statements else 0.0
    reason = (f"The article names no authority; {found} of its {len(statements)} statements "
              f"are found in the source about {authority}.")
    if share >= SHARED_ENOUGH:
        return Relation("same_report", index.document.uri, (reason,))
    if found == 0 and len(statements) >= UNRELATED_AFTER:
        return Relation("different_subject", None, (reason,))
    return Relation("unknown", index.document.uri, (reason,))


def _timing(article: Document, claims: Sequence[Claim], facts, reasons: list[str]) -> str:
    inspected = facts.inspection_start or facts.published
    if not inspected:
        reasons.append("The source gives no inspection or publication date to compare with.")
        return "same_report"
    year = int(inspected[:4])
    dates = [c.payload for c in claims if c.kind == "date" and isinstance(c.payload, DateRef)]
    for ref in dates:
        if ref.event == "previous_inspection" and ref.value[:4].isdigit() and int(ref.value[:4]) >= year:
            reasons.append(f"It calls the {ref.value[:4]} inspection (the source's) the last one: "
                           f"it reports a later inspection.")
            return "later_report"
    dated = _article_date(article)
    if dated and facts.published and dated < facts.inspection_start:
        reasons.append(f"It is dated {dated}, before the source's inspection began ({facts.inspection_start}).")
        return "earlier_report"
    if dated and int(dated[:4]) > year + 1:
        reasons.append(f"It is dated {dated}, more than a year after the source ({inspected[:4]}).")
        return "later_report"
    agreeing = [r for r in dates if r.event == "published" or r.event.startswith("inspection")]
    if agreeing:
        events = sorted({"publication" if r.event == "published" else r.event for r in agreeing})
        reasons.append("It dates the " + " and the ".join(events) + " as the source does."
                       if _dates_agree(agreeing, facts) else
                       "Its publication or inspection dates differ from the source's.")
    if dated:
        reasons.append(f"It is dated {dated}.")
    return "same_report"


def _dates_agree(refs: list[DateRef], facts) -> bool:
    from datetime import date

    from checker.compare.dates import matches

    for ref in refs:
        if ref.event == "published" and facts.published:
            if not matches(ref.value, date.fromisoformat(facts.published)):
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
