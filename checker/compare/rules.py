"""The rules: each a code, a stable name, a default severity and a docstring whose
*Misreported* and *Faithful* examples are the user documentation (``checker rules``).

Rules here only describe themselves and build findings; the comparisons that decide
when a rule fires live in the sibling modules (figures, quotes, ratings, dates, names),
so a reporter can list rules without importing any NLP.
"""

from __future__ import annotations

import inspect
from typing import Any, ClassVar

from checker.model import Claim, Finding, Severity


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    summary: ClassVar[str]
    # the finding says the source lacks something: of a source whose text stops short,
    # that cannot be known, and the finding is a note (checker/ingest/completeness.py)
    absence: ClassVar[bool] = False

    @classmethod
    def description(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def page(cls) -> str:
        """The rule's documentation page (``docs/rules/CODE.md``, the SARIF ``helpUri``)."""
        return (f"# {cls.code} `{cls.name}`\n\nDefault severity: **{cls.severity}**. "
                f"{cls.summary}\n\n{cls.description()}\n\nSilence one finding with "
                f"`<!-- checker: ignore {cls.code} -->` above its paragraph, or the rule with "
                f"`disable = [\"{cls.code}\"]` in the config.\n")

    @classmethod
    def finding(cls, claim: Claim, message: str, article_value: Any = None,
                source_value: Any = None, passage: str | None = None,
                severity: Severity | None = None) -> Finding:
        return Finding(code=cls.code, name=cls.name, severity=severity or cls.severity,
                       message=message, claim_id=claim.id, article_value=article_value,
                       source_value=source_value, passage=passage)


class FigureMismatch(Rule):
    """The article counts the same thing as the source but gives another number (or
    another window for it).

    Misreported: "Julian Wooster is the fifth director in five years." against the
    report's "eight different Directors of Children's Services" over the last ten years.

    Faithful: "nearly a quarter of social worker posts are vacant" against a vacancy rate
    of 23.3%; "more than 470 children" against 472.
    """

    code = "NUM01"
    name = "figures.count_mismatch"
    severity = "error"
    summary = "A figure differs from the source's figure for the same thing."


class DurationMismatch(Rule):
    """A duration the article gives for a dated event (the inspection) does not fit the
    dates the source gives for it.

    Misreported: "The four-week inspection" against inspection dates of 20 January to
    11 February 2015 (23 days).

    Faithful: "the three-week inspection" for the same dates.
    """

    code = "NUM02"
    name = "figures.duration_mismatch"
    severity = "warning"
    summary = "A duration does not fit the source's dates."


class AnotherUnit(Rule):
    """A change the source gives in another unit is reported as a per cent change: in
    percentage points (a rate of 3.9% that rises to 4.5% has risen by 0.6 percentage
    points, which is a rise of about 15 per cent, not 0.6 per cent) or in pence or
    pounds (a price that fell by 5.1p a litre).  The article's own sentence may show it
    too, giving both rates and, as a per cent change between them, their difference.

    Misreported: "the unemployment rate has risen by 0.6 per cent" against "4.5%, 0.6
    percentage points higher than a year earlier"; "diesel prices dropped 5.1%" against
    "diesel fell by 5.1 pence a litre"; "recording 96.4 per cent of all crimes, 13 per
    cent more than the 83 per cent" (13.4 points, a rise of 16 per cent).

    Faithful: "the unemployment rate rose 0.6 percentage points to 4.5%"; "prices rose
    by 0.6%" where the source gives a 0.6% rise in prices.
    """

    code = "NUM03"
    name = "figures.another_unit"
    severity = "warning"
    summary = "A change the source gives in percentage points or money is reported in per cent."


class AnotherPeriod(Rule):
    """The article gives a figure of one period as another period's: the source has the
    number, for the same measure, but for another month, quarter or year.

    Misreported: "inflation was 6.2% in April" against "7.0% in the 12 months to April
    2022, up from 6.2% in March".

    Faithful: "inflation rose to 7% in the 12 months to April, from 6.2% in March"
    against the same sentence.
    """

    code = "NUM04"
    name = "figures.another_period"
    severity = "warning"
    summary = "A figure is the source's figure for another period."


class AnotherDirection(Rule):
    """The article has a figure move the other way, or gives a level as the size of a
    change (or a change as a level).

    Misreported: "the unemployment rate fell by 9.2%" against "the rate fell from 9.2% to
    8.8%" (9.2% was the level before the fall); "prices rose 0.4%" against "prices fell
    by 0.4%".

    Faithful: "the rate fell to 8.8%, from 9.2%" against the same sentence.
    """

    code = "NUM05"
    name = "figures.another_direction"
    severity = "warning"
    summary = "A figure moves another way than the source says, or a level is given as a change."


class AnotherMeasure(Rule):
    """The article gives the source's figure for one measure as another's: the number
    is the source's, for the same period, but for a measure the article's words do not
    name (the all-items rate given as clothing's, a total given as a per-school sum).  A
    warning when the source gives the article's measure another figure; information
    when it gives that measure none (the figure may come from elsewhere).

    Misreported: "clothing prices rose by 7% in the 12 months to March 2022" against "The
    Consumer Prices Index (CPI) rose by 7.0% in the 12 months to March 2022 ... clothing
    prices rose by 4.4%".

    Faithful: "consumer prices rose by 7% in the year to March 2022" against the same.
    """

    code = "NUM07"
    name = "figures.another_measure"
    severity = "warning"
    summary = "A figure is the source's figure for another measure."


class FigureNotInSource(Rule):
    """A figure the source does not give.  A warning when the article attributes it to
    the source ("ONS figures show", "the report found", "according to the bulletin")
    and the source gives figures of that very measure, so the number is likely mistyped
    or invented; information otherwise (the figure may come from elsewhere).  The
    message names the source's figures of that measure nearest to it.

    Misreported: "ONS figures show the unemployment rate rose to 4.9%" against a
    bulletin whose unemployment rate is 4.8%, and which gives no 4.9% for it.

    Faithful: "the unemployment rate rose to 4.8%, ONS figures show" against the same.
    """

    absence = True
    code = "NUM06"
    name = "figures.not_in_source"
    severity = "warning"
    summary = "A figure the source does not give (a warning when it is attributed to the source)."


class Misquote(Rule):
    """Words presented as the source's differ from the closest text in the source.

    Misreported: "Experiences and progress of care leaders" against the judgement
    heading "Experiences and progress of care leavers".

    Faithful: "a "corporate failure" to keep children safe" against "There has been a
    corporate failure to keep children safe in Somerset".
    """

    code = "QUO01"
    name = "quotes.misquote"
    severity = "error"
    summary = "Quoted words differ from the source's words."


class QuoteNotFound(Rule):
    """A quotation attributed to the source (the report, the inspectors) that the source
    does not contain, even approximately.

    Misreported: Ofsted described "a culture of fear" (no such words in the report).

    Faithful: the council said there was "an important need" (not attributed to the
    report, so not looked for in it).
    """

    absence = True
    code = "QUO02"
    name = "quotes.not_found"
    severity = "warning"
    summary = "A quotation attributed to the source is not in it."


class RatingMismatch(Rule):
    """The article gives a judgement grade the source does not give that subject.

    Misreported: "adoption services were rated inadequate" when the report judged
    adoption performance as requiring improvement.

    Faithful: "Adoption performance, which was given "requires improvement"".
    """

    code = "RAT01"
    name = "ratings.grade_mismatch"
    severity = "error"
    summary = "A rating differs from the source's judgement."


class DateMismatch(Rule):
    """A date the article gives for an event the source dates differently.

    Misreported: "the report, published on 26 March" against "Report published:
    27 March 2015".

    Faithful: "based on an inspection in January" against inspection dates of
    20 January to 11 February 2015.
    """

    code = "DAT01"
    name = "dates.mismatch"
    severity = "error"
    summary = "A date differs from the source's date for the same event."


class MisspeltName(Rule):
    """A name or term the source spells differently by a letter or two, or a body's name
    the source gives with other small words between the same words.

    Misreported: "Somerst County Council" for "Somerset County Council"; "Office of
    National Statistics" for "Office for National Statistics".

    Faithful: "Somerset County Council"; "Essex County Council" (another body, not a
    misspelling); "Oxford University" for "University of Oxford" (the same words in
    another order, a usage).
    """

    code = "ENT01"
    name = "names.misspelt"
    severity = "warning"
    summary = "A name or term is spelt differently from the source."


class Overstated(Rule):
    """A statement goes further than the passage it came from, in words a rule can name:
    an absolute negative for a qualified one, all for some, or a hedge dropped.

    Misreported: "Ofsted has found no improvement in the care provided" against "services
    have not improved sufficiently"; "all care leavers have a pathway plan" against "most
    care leavers have a pathway plan".

    Faithful: "services have not improved sufficiently since 2013"; "children may be at
    risk of harm" against "children may be at risk of harm".
    """

    code = "STA01"
    name = "statements.overstated"
    severity = "warning"
    summary = "A statement says more than its source passage (never for not sufficiently, all for most, a hedge dropped)."


class UnusedSuppression(Rule):
    """A suppression comment in the draft (``<!-- checker: ignore CODE -->``, or an
    ``off``/``on`` stretch) that silences no finding: the text was fixed, or the code is
    misspelt, and the stale comment would hide a later mistake unseen.

    Misreported: ``<!-- checker: ignore NUM01 -->`` above a paragraph whose figures all
    agree with the source.

    Faithful: the same comment above "the fifth director in five years", which NUM01
    flags and the writer has decided to keep.
    """

    code = "SUP01"
    name = "suppression.unused"
    severity = "info"
    summary = "A suppression comment matches no finding."


RULES: tuple[type[Rule], ...] = (
    FigureMismatch, DurationMismatch, AnotherUnit, AnotherPeriod, AnotherDirection, FigureNotInSource,
    AnotherMeasure, Misquote, QuoteNotFound, RatingMismatch,
    DateMismatch, MisspeltName, Overstated, UnusedSuppression,
)
RULES_BY_CODE = {rule.code: rule for rule in RULES}


def rule_named(key: str) -> type[Rule] | None:
    """The rule with this code (any case) or name (``figures.count_mismatch``)."""
    return RULES_BY_CODE.get(key.upper()) or next((r for r in RULES if r.name == key), None)
