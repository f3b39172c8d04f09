"""Claims out of an article: figures, quotations, ratings, dates, names, statements.

Each reader is a module of its own; this one runs them over the parsed body (page
furniture left out), decides who each claim is attributed to (a claim inside someone's
quotation is theirs), and numbers the claims in text order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from checker.extract import quotes
from checker.extract.context import ArticleContext, build_context
from checker.extract.dates import event_of, find_dates
from checker.extract.figures import read_quantities
from checker.extract.names import find_names
from checker.extract.ratings import find_ratings
from checker.extract.statements import about_source, is_check_worthy, without_list_mark
from checker.model import Claim, DateRef, Document, Span
from checker.textnorm import fold


def extract_claims(article: Document) -> list[Claim]:
    ctx = build_context(article)
    quoted = _Quotations(quotes.extract(ctx))
    claims: list[Claim] = list(quoted.claims)
    sentences = [(paragraph, sentence) for paragraph in ctx.paragraphs for sentence in paragraph.sentences()]
    for k, (paragraph, sentence) in enumerate(sentences):
        sentence_span = ctx.sentence_span(paragraph, sentence)
        claims.extend(_sentence_claims(ctx, paragraph, sentence, sentence_span, quoted,
                                       last=k == len(sentences) - 1))
    claims = [_attribute(claim, quoted) for claim in claims]
    claims.sort(key=lambda c: (c.span.start, -c.span.end, c.kind))
    claims = _first_mentions(claims)
    return [replace(claim, id=f"C{i:03d}") for i, claim in enumerate(claims, start=1)]


class _Quotations:
    """The article's quotations in text order, looked up by bisection: they never
    overlap, so a sentence or a claim need only ask about those around it (asking all of
    them made a draft of many short quoted lines cost the square of its length)."""

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = sorted(claims, key=lambda c: c.span.start)
        self._starts = [c.span.start for c in self.claims]
        self._ends = [c.span.end for c in self.claims]

    def overlapping(self, span: Span) -> list[Claim]:
        return self.claims[bisect_right(self._ends, span.start):bisect_left(self._starts, span.end)]

    def containing(self, span: Span) -> Claim | None:
        k = bisect_right(self._starts, span.start) - 1
        return self.claims[k] if k >= 0 and self.claims[k].span.contains(span) else None


def _sentence_claims(ctx: ArticleContext, paragraph, sentence, sentence_span: Span,
                     quoted: _Quotations, last: bool = False) -> list[Claim]:
    out: list[Claim] = []
    base = paragraph.offset

    def claim(kind, start, end, payload) -> Claim:
        span = Span(base + start, base + end)
        return Claim(id="", kind=kind, span=span, text=ctx.text(span), payload=payload,
                     sentence=sentence_span)

    for quantity, start, end in read_quantities(sentence):
        out.append(claim("figure", start, end, quantity))
    offset = sentence.start_char
    for rating, start, end in find_ratings(sentence.text):
        out.append(claim("rating", offset + start, offset + end, rating))
    for date, start, end in find_dates(sentence.text):
        dated = DateRef(value=date.value, event=event_of(sentence.text, start), text=date.text)
        out.append(claim("date", offset + start, offset + end, dated))
    for name, start, end in find_names(sentence):
        out.append(claim("entity", start, end, name))
    text = without_list_mark(sentence.text.strip())
    if is_check_worthy(text, last):
        covering = _covering_quote(sentence_span, quoted)
        if covering is None or (covering.payload.speaker_kind == "other" and about_source(text)):
            start = sentence.start_char + sentence.text.index(text)
            out.append(claim("statement", start, start + len(text), None))
    return out


def _first_mentions(claims: list[Claim]) -> list[Claim]:
    """A name is checked once, at its first mention: the same spelling again says
    nothing new (a different spelling is a different name, and is kept)."""
    seen: set[str] = set()
    kept = []
    for claim in claims:
        if claim.kind == "entity":
            key = fold(claim.text)
            if key in seen:
                continue
            seen.add(key)
        kept.append(claim)
    return kept


def _covering_quote(span: Span, quoted: _Quotations) -> Claim | None:
    """The quotation that makes up most of a sentence, if any."""
    for quote in quoted.overlapping(span):
        overlap = min(span.end, quote.span.end) - max(span.start, quote.span.start)
        if overlap > 0.6 * len(span):
            return quote
    return None


def _attribute(claim: Claim, quoted: _Quotations) -> Claim:
    """A claim inside a quotation is the speaker's, not the article's."""
    if claim.kind == "quote" or claim.attribution:
        return claim
    quote = quoted.containing(claim.span)
    if quote is not None and quote.payload.speaker_kind == "other":
        return replace(claim, attribution=quote.payload.speaker)
    return claim
