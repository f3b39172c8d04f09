"""Hand-built check results for the HTML report's tests: the seed case in miniature
(a misquoted heading, a wrong count of directors, a quotation the report lacks, a
suppressed finding, overlapping claims, a cited page) and an article that tries to
inject markup.  Built from the model directly so the report is tested without NLP."""

from __future__ import annotations

from checker.model import (Alignment, Period, CheckResult, Claim, ClaimResult, Document, Evidence,
                           Finding, Passage, Quantity, Quotation, Relation, RunResult, Span)

ARTICLE = """Somerset children's services still 'inadequate', Ofsted says
The report found the "Experiences and progress of care leaders" require improvement.
Julian Wooster, who was appointed in January, is the fifth director in five years.
Inspectors described "a culture of fear" in the department, and said "a corporate failure to keep 472 children safe" had occurred.
The council said it would improve.
"""

SOURCE = """Summary of findings
60. There have been eight different Directors of Children's Services in the last ten years.
61. Experiences and progress of care leavers: requires improvement.
62. There has been a corporate failure to keep 472 children safe in Somerset.
"""


def _span(text: str, needle: str, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span(start, start + len(needle))


def _passage(pid: str, index: int, text: str, page: int | None = None) -> Passage:
    return Passage(id=pid, index=index, span=_span(SOURCE, text), text=text,
                   heading="Summary of findings", page=page)


def source_document() -> Document:
    lines = SOURCE.splitlines()[1:]
    passages = (
        _passage("¶60", 0, lines[0].split(". ", 1)[1], page=7),
        _passage("¶61", 1, lines[1].split(". ", 1)[1]),
        _passage("¶62", 2, lines[2].split(". ", 1)[1], page=8),
    )
    return Document(id="src0000000000001", uri="corpora/seeds/somerset-report.txt",
                    role="source", text=SOURCE, passages=passages,
                    meta={"title": "Somerset County Council: inspection of services for children"})


def seedlike_result() -> CheckResult:
    source = source_document()
    article = Document(id="art0000000000001", uri="corpora/seeds/bbc-somerset.txt",
                       role="article", text=ARTICLE)
    p60, p61, p62 = source.passages
    misquote = Claim("c1", "quote", _span(ARTICLE, "Experiences and progress of care leaders"),
                     "Experiences and progress of care leaders",
                     Quotation("Experiences and progress of care leaders", speaker="Ofsted",
                               speaker_kind="source"), attribution="Ofsted")
    directors = Claim("c2", "figure", _span(ARTICLE, "the fifth director in five years"),
                      "the fifth director in five years",
                      Quantity(5, unit="director", period=Period("5 years", length=5, unit="year"),
                               ordinal=True, text="fifth"))
    fear = Claim("c3", "quote", _span(ARTICLE, "a culture of fear"), "a culture of fear",
                 Quotation("a culture of fear", speaker="Inspectors", speaker_kind="source"))
    failure_text = "a corporate failure to keep 472 children safe"
    failure = Claim("c4", "quote", _span(ARTICLE, failure_text), failure_text,
                    Quotation(failure_text, speaker="Inspectors", speaker_kind="source"))
    children = Claim("c5", "figure", _span(ARTICLE, "472 children"), "472 children",
                     Quantity(472, unit="child", text="472"))
    appointed = Claim("c6", "date", _span(ARTICLE, "appointed in January"),
                      "appointed in January")
    improve = Claim("c7", "statement", _span(ARTICLE, "The council said it would improve."),
                    "The council said it would improve.")
    claims = (
        ClaimResult(misquote, "contradicted",
                    Alignment("c1", (Evidence("¶61", "Experiences and progress of care leavers",
                                              0.97),), "fuzzy"),
                    (Finding("QUO01", "quotes.misquote", "error",
                             "Quoted words differ from the source: 'leaders' for 'leavers'.",
                             "c1", article_value="Experiences and progress of care leaders",
                             source_value="Experiences and progress of care leavers",
                             passage="¶61"),)),
        ClaimResult(appointed, "not_checked", Alignment("c6"), reason="said by Julian Wooster"),
        ClaimResult(directors, "contradicted",
                    Alignment("c2", (Evidence("¶60", p60.text, 0.71),), "bm25"),
                    (Finding("NUM01", "figures.count_mismatch", "error",
                             "The article counts 5 directors in 5 years; the source "
                             "counts 8 in 10 years.", "c2",
                             article_value={"value": 5.0, "window": "5 years"},
                             source_value={"value": 8.0, "window": "10 years"},
                             passage="¶60"),)),
        ClaimResult(fear, "not_in_source", Alignment("c3"),
                    (Finding("QUO02", "quotes.not_found", "warning",
                             "A quotation attributed to the source is not in it.", "c3",
                             article_value="a culture of fear"),)),
        ClaimResult(failure, "supported",
                    Alignment("c4", (Evidence("¶62", failure_text, 1.0),), "exact")),
        ClaimResult(children, "supported",
                    Alignment("c5", (Evidence("¶62", "472 children", 1.0),), "exact"),
                    (Finding("NUM01", "figures.count_mismatch", "info",
                             "Checked by hand: the count is right.", "c5",
                             article_value=472.0, source_value=472.0, passage="¶62",
                             suppressed=True),)),
        ClaimResult(improve, "out_of_scope", Alignment("c7")),
    )
    relation = Relation("same_report", source.uri,
                        reasons=("same authority: Somerset County Council",
                                 "published the day the report was (2015-03-27)"),
                        candidates=((source.uri, 0.93),))
    return CheckResult(article=article, sources=(source,), relation=relation, claims=claims)


INJECTION_ARTICLE = """<script>alert("title")</script> Council <b>rated</b> inadequate
The council said "<img src=x onerror=alert(1)>" and 8 directors left.
See <a href="javascript:alert(2)">the report</a> or [the summary](javascript:alert(3)).
<iframe src="http://example.invalid/"></iframe><link rel=stylesheet href="http://example.invalid/x.css">
"""


def injection_result() -> CheckResult:
    """Markup in every field a page shows: article text, claim text, finding message and
    values, source passage, relation reasons, file names."""
    evil = '<script>alert("src")</script><img src=x onerror=alert(4)>'
    source_text = f"1. There were 8 directors {evil}.\n"
    passage = Passage("¶1<b>", 0, Span(0, len(source_text) - 1), source_text[3:-1],
                      heading="<style>body{display:none}</style>", page=2)
    source = Document(id="srcevil", uri='report<img src=x onerror=alert(5)>.txt',
                      role="source", text=source_text, passages=(passage,),
                      meta={"title": "<script>alert(6)</script>"})
    article = Document(id="artevil", uri="article<script>alert(7)</script>.txt",
                       role="article", text=INJECTION_ARTICLE)
    quote = '<img src=x onerror=alert(1)>'
    c1 = Claim("c1", "quote", _span(INJECTION_ARTICLE, quote), quote, Quotation(quote),
               attribution='<a href="javascript:alert(8)">x</a>')
    c2 = Claim("c2", "figure", _span(INJECTION_ARTICLE, "8 directors"), "8 directors",
               Quantity(8, unit="director"))
    link = '<a href="javascript:alert(2)">the report</a>'
    c3 = Claim("c3", "<kind>", _span(INJECTION_ARTICLE, link), link)
    claims = (
        ClaimResult(c1, "contradicted",
                    Alignment("c1", (Evidence("¶1<b>", evil, 0.5),), "fuzzy<i>"),
                    (Finding("QUO01", "quotes.misquote", "error",
                             '<script>alert("msg")</script>', "c1", article_value=quote,
                             source_value=evil, passage="¶1<b>"),)),
        ClaimResult(c2, "supported", Alignment("c2", (Evidence("¶1<b>", "8 directors", 1.0),),
                                               "exact")),
        ClaimResult(c3, "<verdict>", Alignment("c3"),
                    (Finding("X<b>", "<i>name</i>", "warning", "<b>bold</b>", "c3",
                             article_value={"<k>": "<v>"}),)),
    )
    relation = Relation("same_report", source.uri,
                        reasons=('<img src=x onerror=alert(9)>', "javascript:alert(10)"))
    return CheckResult(article=article, sources=(source,), relation=relation, claims=claims)


def run_of(*results: CheckResult) -> RunResult:
    return RunResult(tuple(results))
