"""Is the grade the article gives a subject the grade the source gave it?

The source's judgements are read once (``SourceFacts.judgements``); a rating is held
to the judgement for its subject, "all bar X" to every judgement but X's.
"""

from __future__ import annotations

from checker.compare.rules import RatingMismatch
from checker.model import Claim, Evidence, Finding, Judgement, Rating, SourceFacts
from checker.textnorm import as_quoted

SUBJECT_NAMES = {
    "overall": "the overall judgement", "adoption": "adoption performance",
    "care_leavers": "care leavers", "help_and_protection": "children who need help and protection",
    "looked_after": "children looked after", "leadership": "leadership, management and governance",
    "lscb": "the LSCB",
}


def check_rating(claim: Claim, facts: SourceFacts | None, names_authority: bool = False,
                 ) -> tuple[str, list[Finding], list[Evidence]]:
    """``names_authority``: the sentence names the source's authority, so a grade with no
    judgement area of its own ("Somerset was rated inadequate") is the overall one."""
    rating: Rating = claim.payload  # type: ignore[assignment]
    if rating.subject == "unspecified" and names_authority:
        rating = Rating(rating.grade, "overall", rating.scale)
    judgements = {j.subject: j for j in (facts.judgements if facts else ())}
    if rating.subject.startswith("all_except:"):
        excluded = rating.subject.split(":", 1)[1]
        relevant = [j for s, j in judgements.items() if s not in (excluded, "lscb")]
    else:
        relevant = [judgements[rating.subject]] if rating.subject in judgements else []
    if not relevant:
        return "not_in_source", [], []
    differing = [j for j in relevant if j.grade != rating.grade]
    evidence = [_evidence(j) for j in (differing or relevant)[:3]]
    if not differing:
        return "supported", [], evidence
    source_value = "; ".join(f"{SUBJECT_NAMES.get(j.subject, j.subject)}: {j.grade}" for j in differing)
    subject = SUBJECT_NAMES.get(rating.subject, rating.subject.replace("all_except:", "all areas but "))
    message = (f"The article rates {subject} '{rating.grade}'{as_quoted(rating.grade, claim.text)}; the source's "
               f"judgement is {source_value} ({differing[0].passage})")
    finding = RatingMismatch.finding(claim, message, article_value=rating.grade,
                                     source_value=source_value, passage=differing[0].passage)
    return "contradicted", [finding], evidence


def _evidence(judgement: Judgement) -> Evidence:
    return Evidence(passage=judgement.passage,
                    text=f"{SUBJECT_NAMES.get(judgement.subject, judgement.subject)}: {judgement.grade}",
                    score=1.0)
