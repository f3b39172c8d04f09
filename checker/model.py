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
Verdict = Literal["supported", "contradicted", "not_in_source", "out_of_scope", "unchecked"]
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
class SourceFacts:
    """What a report says about itself: who was inspected, when, and the judgements."""

    authority: str | None = None
    inspection_start: str | None = None  # ISO dates
    inspection_end: str | None = None
    published: str | None = None
    judgements: tuple[Judgement, ...] = ()
    inspection_passage: str | None = None  # where the dates were read, for citations
    published_passage: str | None = None


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
class Quantity:
    """A figure: 8 directors over 10 years; ``approx`` keeps hedges such as 'nearly'."""

    value: float
    unit: str = ""  # the counted noun's lemma, or %, £, week...
    subject: str = ""  # the noun phrase counted, as written
    window: str = ""  # e.g. "10 years"
    window_value: float | None = None
    window_unit: str = ""
    approx: str = ""  # about, almost, more than, nearly ... ('' when exact)
    ordinal: bool = False
    text: str = ""


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
    method: str = "none"  # exact | fuzzy | bm25 | facts | none

    @property
    def best(self) -> Evidence | None:
        return self.evidence[0] if self.evidence else None


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
    claim: Claim
    verdict: Verdict
    alignment: Alignment
    findings: tuple[Finding, ...] = ()


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

    def to_dict(self) -> dict[str, Any]:
        from checker.report.jsonout import result_to_dict

        return result_to_dict(self)


@dataclass
class Summary:
    """Counts for a run; summaries add up so batches can be merged."""

    articles: int = 0
    claims: int = 0
    by_severity: dict[str, int] = field(default_factory=dict)
    by_verdict: dict[str, int] = field(default_factory=dict)
    suppressed: int = 0

    @classmethod
    def of(cls, result: CheckResult) -> "Summary":
        summary = cls(articles=1, claims=len(result.claims))
        for claim in result.claims:
            summary.by_verdict[claim.verdict] = summary.by_verdict.get(claim.verdict, 0) + 1
            for finding in claim.findings:
                if finding.suppressed:
                    summary.suppressed += 1
                else:
                    summary.by_severity[finding.severity] = (
                        summary.by_severity.get(finding.severity, 0) + 1
                    )
        return summary

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
class RunResult:
    results: tuple[CheckResult, ...]

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
