"""The one data model every stage and every reporter shares.

Frozen dataclasses with no I/O and no NLP imports, so that ``import checker.model`` is
instant and reporters can be written (and tested) without spaCy.  Offsets are half-open
character offsets into one document's text; line and column are derived only when a
result is reported, which keeps them consistent across formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal

Role = Literal["article", "source"]
ClaimKind = Literal["figure", "quote", "rating", "date", "entity", "statement"]
Verdict = Literal["supported", "contradicted", "not_in_source", "not_checked", "out_of_scope"]
# what the source was asked about and answered: the verdicts a reader counts as checked
CHECKED: tuple[Verdict, ...] = ("supported", "contradicted", "not_in_source")
Severity = Literal["error", "warning", "info"]
RelationVerdict = Literal[
    "same_report", "later_report", "earlier_report", "different_subject", "unknown"
]

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Span:
    """Half-open character range ``[start, end)`` into one document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Passage:
    """A piece of a document a person would cite: a numbered paragraph, a bullet, a row.

    ``id`` is the citation (``¶60``, ``Summary of findings • 2``); ``text`` is the clean
    text (markup removed) and ``span`` points at the raw text it was read from.
    """

    id: str
    index: int
    span: Span
    text: str
    heading: str = ""
    kind: str = "paragraph"
    page: int | None = None


@dataclass(frozen=True)
class Judgement:
    """A graded judgement the source gives, e.g. adoption performance: requires improvement.

    ``subject`` is the canonical area graded (``overall``, ``adoption``, CQC's ``safe``,
    a healthy prison test ...), ``label`` what the report calls it, ``scale`` whose
    grading scale the grade is on (``ofsted``, ``cqc``, ``hmicfrs``, ``hmip``; '' when
    the words fit several)."""

    subject: str
    grade: str
    passage: str
    scale: str = ""
    label: str = ""


@dataclass(frozen=True)
class Subject:
    """What a report is about: a school, a council, a trust, a prison, a statistic...

    ``name`` is as the report writes it ("Field Place Infant School", "Consumer price
    inflation, UK"); ``identifiers`` are the codes that pin it down (("urn", "125864"),
    ("acronym", "CQC")).  A statistic also has an ``edition`` (the release it is, as
    titled: "March 2022") and ``periods``, the reference periods its main points are for
    ("12 months to March 2022", "June to August 2020"), which an article's own period is
    compared with.  ``passage`` is where the subject was read, for citations.
    """

    kind: str  # school | provider | council | health | police | fire | prison | university | department | body | statistic
    name: str
    identifiers: tuple[tuple[str, str], ...] = ()
    edition: str = ""
    periods: tuple[str, ...] = ()
    passage: str | None = None


@dataclass(frozen=True)
class SourceFacts:
    """What a report says about itself: what it is about, when, and the judgements."""

    subject: Subject | None = None
    inspection_start: str | None = None  # ISO dates
    inspection_end: str | None = None
    published: str | None = None
    judgements: tuple[Judgement, ...] = ()
    inspection_passage: str | None = None  # where the dates were read, for citations
    published_passage: str | None = None

    @property
    def authority(self) -> str | None:
        """The council the report is about, when its subject is a council (the seed kind,
        whose rules compare council names)."""
        return self.subject.name if self.subject and self.subject.kind == "council" else None


@dataclass(frozen=True)
class Document:
    """One input, article or source, as text plus the passages cut from it."""

    id: str
    uri: str
    role: Role
    text: str
    passages: tuple[Passage, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    facts: SourceFacts | None = None

    def passage(self, passage_id: str) -> Passage | None:
        for passage in self.passages:
            if passage.id == passage_id:
                return passage
        return None

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a character offset."""
        line = self.text.count("\n", 0, offset) + 1
        line_start = self.text.rfind("\n", 0, offset) + 1
        return line, offset - line_start + 1


# --- claim payloads -----------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """The time a figure is for, or the window it is counted over.

    ``start`` and ``end`` are months (``YYYY-MM``; ``--MM`` when the text leaves the year
    to the reader; None for a window given only as a length, 'over ten years').
    ``months`` is the length the text states (12 for 'the 12 months to May', 3 for a
    quarter; None for a bare month, which releases use for either reading).  ``length``
    and ``unit`` keep a window given as a length.  ``years_back`` marks 'May last year'.
    Read by :mod:`checker.extract.periods`.
    """

    text: str
    start: str | None = None
    end: str | None = None
    months: int | None = None
    length: float | None = None
    unit: str = ""
    years_back: int = 0

    @property
    def dated(self) -> bool:
        return self.end is not None

    def agrees(self, other: "Period | None") -> bool:
        """Can the two be the same period?  Unknown parts (a year left out, a length not
        stated) agree with anything; stated parts must match."""
        if other is None:
            return True
        if not (self.dated and other.dated):
            a, b = self._length_in_months(), other._length_in_months()
            if a is not None and b is not None:
                return a == b
            if self.length is not None and other.length is not None:
                return (self.length, self.unit) == (other.length, other.unit)
            return True
        if not _same_month(self.end, other.end):
            return False
        if (_year(self.end) is None or _year(other.end) is None) and self.years_back != other.years_back:
            return False
        return self.months is None or other.months is None or self.months == other.months

    def _length_in_months(self) -> float | None:
        if self.dated:
            return self.months
        factor = {"year": 12, "month": 1}.get(self.unit)
        return self.length * factor if factor and self.length is not None else None


def _year(month: str | None) -> int | None:
    return int(month[:4]) if month and month[:4].isdigit() else None


def _same_month(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    ya, yb = _year(a), _year(b)
    return a[-2:] == b[-2:] and (ya is None or yb is None or ya == yb)


@dataclass(frozen=True)
class Change:
    """How a figure moves, when the text gives it as a movement.

    ``direction``: up, down or flat ('' when a change is stated without one, 'a change
    of 2%'); ``form``: 'by' for the size of the change ('rose by 0.4%'), 'to' for the
    level after it ('fell to 8.8%'), 'from' for the level before it ('up from 6.2%').
    ``base`` is what the figure is compared with, as written ('a year earlier').
    """

    direction: str
    form: str
    base: str = ""


@dataclass(frozen=True)
class Quantity:
    """A figure: what it measures, for what time, how it moved.

    8 directors over 10 years; 9.1% (clothing prices, the 12 months to May, up by);
    ``unit`` is how it is counted (%, point for percentage points, GBP, penny, or the
    counted noun's lemma; '' for a number that counts nothing the text names, such as
    'Euro 2016' or 'world number two'); ``measure`` is what is measured or counted, as
    written; ``approx`` keeps hedges such as 'nearly'.  ``per`` is what a rate is
    counted per, as its number or noun ('day' for '40.6 exclusions per day' or '40 pupils
    banned every day', '10000' for '20 pupils per 10,000'; '' for a count): a rate is
    another measure than a count of the same noun.
    """

    value: float
    unit: str = ""
    measure: str = ""
    period: Period | None = None
    change: Change | None = None
    approx: str = ""  # about, almost, more than, nearly ... ('' when exact)
    ordinal: bool = False
    text: str = ""
    per: str = ""


@dataclass(frozen=True)
class Derivation:
    """How a figure the source gives only through a change was worked out from the two
    figures it states: the ``level`` (4.5%) and the ``change`` against an earlier period
    (0.4 percentage points, ``direction`` up), that period named as the source names it
    (``base``, 'the previous quarter').  Releases state earlier levels this way ("4.5%,
    0.4 percentage points higher than the previous quarter"), and a sub-editor takes
    4.1% for the previous quarter from it; kept beside the worked-out figure so that
    whatever names that figure can say how it was reached, and so that it is only ever
    used to confirm, never to contradict (it is checker's arithmetic, not the source's
    words).

    A change in per cent of anything but a rate is a ratio (the level over 0.72 for a 28%
    fall); in points, or in the level's own unit, a difference."""

    level: Quantity
    change: Quantity
    direction: str  # up | down
    base: str

    @property
    def ratio(self) -> bool:
        return self.change.unit == "%"

    @property
    def dated_base(self) -> bool:
        """Is the base a date ('30 September 2014', 'February'), counted from, rather than
        a period named by its place before the level's ('the previous quarter')?"""
        return self.base[:1].isdigit() or self.base[:1].isupper()

    @property
    def factor(self) -> float:
        """What the level is of the earlier one, for a ratio (1.28 after a 28% rise)."""
        return 1 + (self.change.value if self.direction == "up" else -self.change.value) / 100

    def explain(self) -> str:
        """'the 4.5% less the 0.4-point rise on the previous quarter'; 'the 282,664
        divided by 0.72 (a 28% fall on last year)'."""
        move = "rise" if self.direction == "up" else "fall"
        since = f"{'since' if self.dated_base else 'on'} {self.base}"
        if self.ratio:
            return f"the {self.level.text} divided by {self.factor:g} (a {self.change.text} {move} {since})"
        size = f"{self.change.value:g}-point {move}" if self.change.unit == "point" else f"{move} of {self.change.text}"
        return f"the {self.level.text} {'less' if self.direction == 'up' else 'plus'} the {size} {since}"


@dataclass(frozen=True)
class Quotation:
    content: str
    speaker: str = ""
    speaker_kind: str = "unknown"  # source | other | unknown
    cue: str = ""
    content_span: Span | None = None


@dataclass(frozen=True)
class Rating:
    grade: str
    subject: str = "overall"
    scale: str = "ofsted"


@dataclass(frozen=True)
class DateRef:
    value: str  # ISO date, month (YYYY-MM) or year (YYYY); may lack a year (--MM-DD)
    event: str = ""  # published | inspection | previous_inspection | other
    text: str = ""


@dataclass(frozen=True)
class EntityRef:
    name: str
    label: str = ""


Payload = Quantity | Quotation | Rating | DateRef | EntityRef | None


@dataclass(frozen=True)
class Claim:
    id: str
    kind: ClaimKind
    span: Span
    text: str
    payload: Payload = None
    attribution: str = ""  # who the article says made the claim ('' = the article itself)
    sentence: Span | None = None

    @property
    def said_by(self) -> str | None:
        """Who other than the source said this (a councillor's quotation, or a figure
        inside it): the source cannot confirm or contradict what they said.  None when the
        claim is the article's own or the source's; '' for an unnamed other speaker."""
        if self.kind == "quote":
            quotation = self.payload
            return quotation.speaker if quotation.speaker_kind == "other" else None  # type: ignore[union-attr]
        return self.attribution or None


@dataclass(frozen=True)
class Evidence:
    passage: str
    text: str
    score: float


@dataclass(frozen=True)
class Alignment:
    """Where a claim came from in the source, how sure, and which method found it."""

    claim_id: str
    evidence: tuple[Evidence, ...] = ()
    method: str = "none"  # exact | fuzzy | bm25 | adjacent | near | facts | figure | entity | none

    @property
    def best(self) -> Evidence | None:
        return self.evidence[0] if self.evidence else None

    @property
    def held(self) -> tuple[Evidence, ...]:
        """The evidence that may decide whether the source holds the claim: none when
        the only passage cited is the nearest one (``near``), which shows a reader where
        the source tells of it but holds too little of it to count as support."""
        return () if self.method == "near" else self.evidence


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    severity: Severity
    message: str
    claim_id: str
    article_value: Any = None
    source_value: Any = None
    passage: str | None = None
    suppressed: bool = False


@dataclass(frozen=True)
class ClaimResult:
    """A claim's verdict, the evidence it rests on and the findings it raised.

    ``reason`` says, in the reader's words, why a claim was ``not_checked`` ("said by
    Cllr Huxtable", "a name, spelt as the source spells it") or ``out_of_scope``; a
    checked verdict needs none.
    """

    claim: Claim
    verdict: Verdict
    alignment: Alignment
    findings: tuple[Finding, ...] = ()
    reason: str = ""

    @property
    def counted(self) -> bool:
        """Does this claim count among the article's claims?  Names are context: one the
        source spells the same is no claim, and a misspelt or absent one is reported
        through its finding or verdict, never counted."""
        return self.claim.kind != "entity"


@dataclass(frozen=True)
class Relation:
    verdict: RelationVerdict
    source: str | None
    reasons: tuple[str, ...] = ()
    candidates: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class CheckResult:
    """One article checked against its source(s): what every reporter reads."""

    article: Document
    sources: tuple[Document, ...]
    relation: Relation
    claims: tuple[ClaimResult, ...]

    @property
    def findings(self) -> list[Finding]:
        return [f for c in self.claims for f in c.findings]


@dataclass
class Summary:
    """Counts for a run; summaries add up so batches can be merged.

    ``claims`` and ``by_verdict`` count only :attr:`ClaimResult.counted` claims (names
    are left out), so "48 of 61 checkable claims confirmed" reads straight off them.
    """

    articles: int = 0
    claims: int = 0
    by_severity: dict[str, int] = field(default_factory=dict)
    by_verdict: dict[str, int] = field(default_factory=dict)
    suppressed: int = 0

    @classmethod
    def of(cls, result: CheckResult) -> "Summary":
        summary = cls(articles=1)
        for claim in result.claims:
            if claim.counted:
                summary.claims += 1
                summary.by_verdict[claim.verdict] = summary.by_verdict.get(claim.verdict, 0) + 1
            for finding in claim.findings:
                if finding.suppressed:
                    summary.suppressed += 1
                else:
                    summary.by_severity[finding.severity] = (
                        summary.by_severity.get(finding.severity, 0) + 1
                    )
        return summary

    @property
    def checkable(self) -> int:
        """Claims the source was asked about: confirmed, contradicted or not in it."""
        return sum(self.by_verdict.get(v, 0) for v in CHECKED)

    @property
    def confirmed(self) -> int:
        return self.by_verdict.get("supported", 0)

    def __add__(self, other: "Summary") -> "Summary":
        def merged(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
            return {k: a.get(k, 0) + b.get(k, 0) for k in sorted(set(a) | set(b))}

        return Summary(
            self.articles + other.articles,
            self.claims + other.claims,
            merged(self.by_severity, other.by_severity),
            merged(self.by_verdict, other.by_verdict),
            self.suppressed + other.suppressed,
        )


@dataclass(frozen=True)
class InputFailure:
    """An input of a batch that could not be checked (the draft, its config or its
    source), kept on the run so that every format reports it beside the findings of the
    drafts that could be checked, instead of one bad draft ending the run."""

    path: str  # the draft, as given on the command line
    kind: str  # the error's class name, e.g. MissingInput
    message: str  # one line, naming the input that failed


@dataclass(frozen=True)
class RunResult:
    results: tuple[CheckResult, ...]
    failures: tuple[InputFailure, ...] = ()

    def fails(self, fail_on: str) -> bool:
        """Is there an unsuppressed finding at or above ``fail_on`` ('none': never)?"""
        if fail_on == "none":
            return False
        threshold = SEVERITY_RANK[fail_on]
        return any(not f.suppressed and SEVERITY_RANK[f.severity] >= threshold
                   for r in self.results for f in r.findings)

    @property
    def summary(self) -> Summary:
        total = Summary()
        for result in self.results:
            total = total + Summary.of(result)
        return total


def as_plain(value: Any) -> Any:
    """Dataclasses and tuples to JSON-ready dicts and lists (Span stays a pair of ints)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [as_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: as_plain(v) for k, v in value.items()}
    return value
