"""Are the quoted words the source's words?

A quotation is split at ellipses and editorial brackets (each fragment must stand in
the source by itself), looked up exactly after folding, and otherwise fitted to the
closest source text.  A close fit with a few words changed is a misquote, reported with
a word-level diff that names both readings; a quotation given to the source that fits
nowhere is reported as not found.  Very short fragments are only ever matched exactly:
fuzzy scores on three words mean nothing.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from checker.compare.rules import Misquote, QuoteNotFound
from checker.match.index import SourceIndex
from checker.model import Claim, Evidence, Finding, Passage, Quotation
from checker.textnorm import STOPWORDS, as_written, fold, words

MISQUOTE_FIT = 0.75  # word-level similarity above which a near-match is a misquote
UNATTRIBUTED_FIT = 0.85  # ... when the article does not say the words are the source's
MIN_FUZZY_WORDS = 4
NEGATIONS = frozenset({"not", "no", "never", "nor", "none", "nothing", "without"})  # never minor
MAX_CHANGED = 0.25  # share of a quotation's words a misquote may change; more is another text
_SPLIT = re.compile(r"\s*(?:\.\.\.|…|\[[^\]]*\])\s*")
_JOINED = re.compile(r"(?<=\w)[-‐‑](?=\w)")


def quote_words(text: str) -> list[str]:
    """A quotation's words, compared word by word: a hyphen joins words a reporter may
    write apart or together ('end-of-life' is the source's 'end of life'), so it never
    makes a difference a sub-editor would mark."""
    return words(_JOINED.sub(" ", text))


@dataclass(frozen=True)
class WordDiff:
    """A word-level difference: what the article has, what the source has."""

    article: str
    source: str


def fragments(content: str) -> list[str]:
    return [f for f in (part.strip(" ,.;:\"'“”‘’") for part in _SPLIT.split(content)) if f]


def word_diff(article: str, source: str) -> list[WordDiff]:
    a, s = quote_words(article), quote_words(source)
    matcher = difflib.SequenceMatcher(a=a, b=s, autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            out.append(WordDiff(" ".join(a[i1:i2]), " ".join(s[j1:j2])))
    return out


def _trim_to_article(article: str, window: str) -> str:
    """Cut the source window to the span that lines up with the article's words."""
    a, s = quote_words(article), _JOINED.sub(" ", window).split()
    if not a or not s:
        return window
    matcher = difflib.SequenceMatcher(a=a, b=[w.strip(".,;:\"'") for w in s], autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return window
    first, last = blocks[0], blocks[-1]
    start = max(0, first.b - first.a)
    end = min(len(s), last.b + last.size + (len(a) - last.a - last.size))
    return " ".join(s[start:end])


def check_quote(claim: Claim, index: SourceIndex) -> tuple[str, list[Finding], list[Evidence]]:
    quote: Quotation = claim.payload  # type: ignore[assignment]
    evidence: list[Evidence] = []
    findings: list[Finding] = []
    missing: list[str] = []
    for fragment in fragments(quote.content):
        exact = index.exact(fragment)
        if exact:
            passage = index.passages[exact[0]]
            evidence.append(Evidence(passage.id, _source_words(passage.text, fragment), 1.0))
            continue
        window = _fit(fragment, index)
        fit = MISQUOTE_FIT if quote.speaker_kind == "source" else UNATTRIBUTED_FIT
        if window and len(quote_words(fragment)) >= MIN_FUZZY_WORDS and window.score >= fit:
            source_text = as_written(window.text, window.passage.text)
            diffs = word_diff(fragment, source_text)
            changed = sum(len(d.article.split()) for d in diffs)
            if changed > max(1, MAX_CHANGED * len(quote_words(fragment))):
                missing.append(fragment)
                continue
            if diffs:
                evidence.append(Evidence(window.passage.id, source_text, round(window.score, 4)))
                findings.append(_misquote(claim, fragment, source_text, diffs, window))
                continue
            evidence.append(Evidence(window.passage.id, source_text, round(window.score, 4)))
            continue
        missing.append(fragment)
    if findings:
        return "contradicted", findings, evidence
    if missing:
        if quote.speaker_kind == "source" and len(" ".join(missing).split()) >= 2:
            message = (f"The article quotes the source ({quote.speaker or 'the report'}) as saying "
                       f"\"{missing[0]}\", but the source does not contain these words")
            return "not_in_source", [QuoteNotFound.finding(claim, message, article_value=missing[0])], evidence
        return "not_in_source", [], evidence
    return "supported", [], evidence


@dataclass(frozen=True)
class Window:
    """Where a quotation best fits the source: the passage, its words there, how well."""

    passage: Passage
    text: str
    score: float


def _fit(fragment: str, index: SourceIndex) -> Window | None:
    """The closest source text to a quotation: rapidfuzz finds the region of each
    candidate passage, a word-level comparison scores it (so a long passage cannot win
    by character overlap, nor a short heading by being contained in the quotation)."""
    needle = fold(fragment)
    wanted = quote_words(fragment)
    best: Window | None = None
    for i in index.candidates(fragment):
        hay = index.folded[i]
        found = fuzz.partial_ratio_alignment(needle, hay)
        if found is None:
            continue
        lo, hi = max(0, found.dest_start - 30), min(len(hay), found.dest_end + 30)
        text = _trim_to_article(fragment, _widen(hay, lo, hi))
        score = difflib.SequenceMatcher(a=wanted, b=quote_words(text), autojunk=False).ratio()
        if best is None or score > best.score:
            best = Window(index.passages[i], text, score)
    return best


def _widen(text: str, start: int, end: int) -> str:
    """Extend a character window to whole words."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]


def _source_words(passage_text: str, fragment: str) -> str:
    """The source's own spelling of an exactly matched fragment, for the evidence."""
    folded = fold(passage_text)
    at = folded.find(fold(fragment))
    if at >= 0 and len(folded) == len(passage_text):
        return passage_text[at:at + len(fold(fragment))]
    return passage_text


def _misquote(claim: Claim, fragment: str, source_text: str, diffs: list[WordDiff],
              window: Window) -> Finding:
    changes = "; ".join(f"\"{d.article or '(nothing)'}\" where the source has \"{d.source or '(nothing)'}\""
                        for d in diffs[:4])
    only_minor = all(set((d.article + " " + d.source).split()) <= STOPWORDS - NEGATIONS for d in diffs)
    message = (f"Misquote: the article has {changes} ({window.passage.id}: \"{source_text}\")")
    return Misquote.finding(claim, message, article_value=fragment, source_value=source_text,
                            passage=window.passage.id,
                            severity="warning" if only_minor else None)
