"""Hand-built results for reporter, suppression and batch tests: no NLP, so the tests
are fast and pin the reporters, not the extractor."""

from __future__ import annotations

from checker.compare.rules import RULES_BY_CODE
from checker.ingest.documents import document_from_text
from checker.model import (Alignment, CheckResult, Claim, ClaimResult, Evidence, Relation,
                           RunResult, Span)

REPORT = """Somerset County Council
Inspection dates: 20 January 2015 – 11 February 2015

60. There have been eight different Directors of Children's Services in the last ten years.

61. The experiences and progress of care leavers requires improvement.
"""

ARTICLE = """---
source: ../reports/ofsted.txt
---
# Somerset children's services “inadequate”

Julian Wooster is the fifth director in five years, costing £1m.

<!-- checker: ignore QUO01 -->
Ofsted said the "experiences and progress of care leaders" needed work.

The report, published on 26 March, found 472 children in care.
"""


def claim_at(text: str, phrase: str, cid: str, kind: str = "figure") -> Claim:
    start = text.index(phrase)
    return Claim(id=cid, kind=kind, span=Span(start, start + len(phrase)), text=phrase)


def claim_result(text: str, phrase: str, cid: str, kind: str, verdict: str, *findings,
                 passage: str | None = None) -> ClaimResult:
    claim = claim_at(text, phrase, cid, kind)
    evidence = (Evidence(passage, "...", 0.91),) if passage else ()
    built = tuple(RULES_BY_CODE[code].finding(claim, message, article_value=a, source_value=s,
                                              passage=passage)
                  for code, message, a, s in findings)
    return ClaimResult(claim, verdict, Alignment(cid, evidence, "bm25" if passage else "none"),
                       built)


def sample_result(article_text: str = ARTICLE, uri: str = "drafts/somerset.md",
                  extra: tuple[ClaimResult, ...] = ()) -> CheckResult:
    article = document_from_text(article_text, uri, "article")
    source = document_from_text(REPORT, "reports/ofsted.txt", "source")
    claims = (
        claim_result(article_text, "the fifth director in five years", "c1", "figure",
                     "contradicted",
                     ("NUM01", "the article says 5 directors in 5 years; the source says "
                               "8 directors in 10 years", "5 directors", "8 directors"),
                     passage="¶60"),
        claim_result(article_text, "experiences and progress of care leaders", "c2", "quote",
                     "contradicted",
                     ("QUO01", "quoted “care leaders”; the source says “care leavers”",
                      "care leaders", "care leavers"), passage="¶61"),
        claim_result(article_text, "published on 26 March", "c3", "date", "contradicted",
                     ("DAT01", "published 26 March; the source says 27 March 2015",
                      "2015-03-26", "2015-03-27")),
        claim_result(article_text, "472 children", "c4", "figure", "not_in_source",
                     ("ENT01", "a name spelt otherwise: 100% sure, see: a,b", None, None)),
        *extra,
    )
    return CheckResult(article, (source,), Relation("same_report", source.uri, ("dates match",)),
                       claims)


def clean_result() -> CheckResult:
    text = "Somerset's services were judged inadequate.\n"
    article = document_from_text(text, "drafts/clean.md", "article")
    source = document_from_text(REPORT, "reports/ofsted.txt", "source")
    claims = (claim_result(text, "inadequate", "c1", "rating", "supported"),)
    return CheckResult(article, (source,), Relation("same_report", source.uri), claims)


def run_of(*results: CheckResult) -> RunResult:
    return RunResult(tuple(results))


class PhraseChecker:
    """Stands in for the engine in batch, config and CLI tests: flags each known phrase
    found in an article with its rule, and records which sources each article got."""

    PHRASES = {"fifth director in five years": "NUM01", "care leaders": "QUO01",
               "Somerst": "ENT01", "about 470 children": "ENT01"}

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[str]]] = []

    def prepare(self, source) -> None:
        """Nothing to parse or index: phrases are looked up in the article alone."""

    def check(self, article, sources) -> CheckResult:
        self.calls.append((article.uri, [s.uri for s in sources]))
        claims = []
        for phrase, code in self.PHRASES.items():
            if phrase in article.text:
                claims.append(claim_result(article.text, phrase, f"c{len(claims) + 1}", "figure",
                                           "contradicted",
                                           (code, f"{phrase!r} differs from the source", None, None)))
        relation = Relation("same_report", sources[0].uri if sources else None)
        return CheckResult(article, tuple(sources), relation, tuple(claims))


def run_cli(args: list[str], capsys) -> tuple[int, str, str]:
    """``checker ARGS`` in process: (exit code, stdout, stderr)."""
    from checker.cli import main

    try:
        main(args)
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def make_repo(root, files: dict[str, str]) -> None:
    """A directory that looks like a git checkout (``.git``) holding ``files``."""
    (root / ".git").mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
