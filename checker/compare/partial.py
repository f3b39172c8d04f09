"""Support that is partial: a statement that goes further than the passage it came from,
where the difference is in words a rule can name, as a sub-editor would mark it.

* an absolute negative for a qualified one: "no improvement" where the source says
  "not improved sufficiently", "never" where it says "not consistently";
* all for some: "all children" where the source says "most children", "always" where it
  says "often";
* a hedge dropped: "are at risk" where the source says "may be at risk", "driven by
  increased hybrid working" where it says "may in part be linked to increased hybrid working".

Each is looked for only in the source sentences that hold the statement's topic (two or
more of its content words, the contrasted one among them), and never where the source
itself also says the stronger form: then the article repeats the source.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from checker.compare.rules import Overstated
from checker.match.index import SourceIndex
from checker.model import Claim, Evidence, Finding
from checker.sentences import split_sentences
from checker.textnorm import STOPWORDS, stem, words

NEGATIONS = frozenset({"no", "not", "never", "without", "nothing", "none"})
# words that make a negation partial: "not improved sufficiently", "not consistently good"
QUALIFIERS = frozenset({
    "sufficiently", "sufficient", "enough", "adequately", "fully", "consistently", "always",
    "yet", "significantly", "substantially", "much", "all", "wholly", "entirely", "routinely"})
# a word that on its own says "some, but not enough" of what follows it
SCANT = frozenset({"insufficient", "limited", "little", "slow", "inconsistent", "partial"})
ABSOLUTE = frozenset({"all", "every", "each", "always", "everyone", "everybody", "everything"})
PARTIAL = frozenset({
    "most", "many", "some", "several", "majority", "few", "half", "often", "usually",
    "sometimes", "generally", "mostly", "largely", "frequently", "occasionally", "number"})
# ("could" is left out: it is as often the past of "can" as a hedge)
HEDGES = frozenset({"may", "might", "possibly", "potentially", "perhaps", "likely", "appear",
                    "appears", "seem", "seems"})
# words that name a cause: "linked to", "due to", "driven by", "because of", "as a result of"
CAUSES = frozenset({"linked", "due", "driven", "caused", "because", "result", "reflect", "reflects",
                    "reflecting", "attributed", "attributable", "owing", "fuelled", "fueled", "prompted"})
CAUSE_REACH = 5  # a hedge governs a cause this near: "may in part be linked to"
# words between a hedge and what it hedges: "may be at risk", "might have been"
LINKS = frozenset({"be", "been", "have", "has", "not", "to", "at", "in", "of", "the", "a", "an"})
HEAD_REACH = 3  # a negation or quantifier governs the first content word this near
QUALIFIER_REACH = 6  # ... and a qualifier this near to the negation makes it partial


@dataclass(frozen=True)
class Overstatement:
    """What the article says, what the source says instead, and where."""

    kind: str  # absolute_negative | all_for_some | hedge_dropped
    article: str  # the article's words ("no improvement")
    source: str  # the source's words ("not improved sufficiently")
    passage: str  # the passage id
    sentence: str  # the source's sentence, quoted whole


_SAYS = {
    "absolute_negative": "goes further than the source's qualified",
    "all_for_some": "says all where the source says some:",
    "hedge_dropped": "drops the source's hedge:",
}


def check_overstatement(claim: Claim, index: SourceIndex, cited: Iterable[str]) -> tuple[Finding, Evidence] | None:
    """An STA01 finding for a statement the source supports only in part, and the source
    sentence it quotes; looked for in the cited passages and every passage that holds
    the statement (the qualified sentence is often beside the one cited)."""
    by_id = {p.id: p for p in index.passages}
    ids = dict.fromkeys([*cited, *(index.passages[i].id for i in index.holding(claim.text))])
    found = overstatements(claim.text, [(pid, by_id[pid].text) for pid in ids if pid in by_id])
    if not found:
        return None
    over = found[0]
    message = (f"The article's \"{over.article}\" {_SAYS[over.kind]} \"{over.source}\" "
               f"({over.passage}: \"{over.sentence}\")")
    finding = Overstated.finding(claim, message, article_value=over.article, source_value=over.source,
                                 passage=over.passage)
    return finding, Evidence(passage=over.passage, text=over.sentence, score=index.similarity(claim.text, over.sentence))


def _negated(ws: list[str], k: int) -> bool:
    return ws[k] in NEGATIONS or ws[k].endswith("n't")


def _head(ws: list[str], k: int) -> int | None:
    """Index of the first content word after position k, within reach."""
    for j in range(k + 1, min(len(ws), k + 1 + HEAD_REACH)):
        if ws[j] not in STOPWORDS and ws[j] not in QUALIFIERS and ws[j] != "any":
            return j
    return None


def _absolute_negatives(ws: list[str]) -> list[tuple[int, int]]:
    """(negation, head) positions of unqualified negatives: "no improvement", "never met"."""
    out = []
    for k in range(len(ws)):
        if not _negated(ws, k):
            continue
        head = _head(ws, k)
        if head is not None and not QUALIFIERS & set(ws[k + 1:k + 1 + QUALIFIER_REACH]):
            out.append((k, head))
    return out


def _qualified_negative(ws: list[str], head_stem: str) -> str | None:
    """The source's words saying the head is partly so: "not improved sufficiently",
    "insufficient improvement"; None when the sentence says no such thing."""
    for k in range(len(ws)):
        if _negated(ws, k):
            span = ws[k:k + 1 + QUALIFIER_REACH]
            heads = [j for j, w in enumerate(span) if j and stem(w) == head_stem]
            quals = [j for j, w in enumerate(span) if w in QUALIFIERS]
            if heads and quals:
                return " ".join(span[:max(heads[0], quals[0]) + 1])
        if ws[k] in SCANT and head_stem in (stem(w) for w in ws[k + 1:k + 3]):
            end = next(j for j in range(k + 1, k + 3) if stem(ws[j]) == head_stem)
            return " ".join(ws[k:end + 1])
    return None


def _quantified(ws: list[str], absolute: bool) -> list[tuple[str, str]]:
    """(words, head stem) of each absolute quantifier ("all children", "always") or
    each partial one ("most children", "often", and "not all", "not always") with the
    word it governs."""
    out = []
    for k, w in enumerate(ws):
        negated = k > 0 and _negated(ws, k - 1)
        if absolute and w in ABSOLUTE and not negated or not absolute and (
                w in PARTIAL or w in ABSOLUTE and negated):
            head = _head(ws, k)
            if head is not None:
                out.append((" ".join(ws[k - negated:head + 1]), stem(ws[head])))
    return out


def _topic(sentence_stems: set[str], claim_stems: set[str], contrasted: str) -> bool:
    """Does a source sentence tell of the claim's matter: its contrasted word and another?"""
    return contrasted in sentence_stems and len(sentence_stems & claim_stems) >= 2


def overstatements(claim: str, passages: Iterable[tuple[str, str]]) -> list[Overstatement]:
    """Where the claim goes further than the sentences of ``passages`` ((id, text) pairs,
    those that hold the claim) in words a rule can name; the first found of each kind."""
    cws = words(claim)
    claim_stems = {stem(w) for w in cws if w not in STOPWORDS}
    sentences = [(pid, s, words(s)) for pid, text in passages for s in split_sentences(text, clauses=True) if s.strip()]
    stemmed = [{stem(w) for w in ws} for _, _, ws in sentences]
    found: dict[str, Overstatement] = {}

    def strong_in_source(test) -> bool:
        return any(test(ws) for _, _, ws in sentences)

    for k, head in _absolute_negatives(cws):
        h = stem(cws[head])
        if strong_in_source(lambda ws: any(stem(ws[j]) == h for _, j in _absolute_negatives(ws))):
            continue
        for (pid, sentence, ws), ss in zip(sentences, stemmed):
            weaker = _topic(ss, claim_stems, h) and _qualified_negative(ws, h)
            if weaker:
                found.setdefault("absolute_negative", Overstatement(
                    "absolute_negative", " ".join(cws[k:head + 1]), weaker, pid, sentence))
                break
    for said, h in _quantified(cws, absolute=True):
        if strong_in_source(lambda ws: any(q == h for _, q in _quantified(ws, absolute=True))):
            continue
        for (pid, sentence, ws), ss in zip(sentences, stemmed):
            weaker = [words_ for words_, q in _quantified(ws, absolute=False) if q == h]
            if weaker and _topic(ss, claim_stems, h):
                found.setdefault("all_for_some", Overstatement("all_for_some", said, weaker[0], pid, sentence))
                break
    if not _hedges(cws):
        for (pid, sentence, ws), ss in zip(sentences, stemmed):
            hedged = _hedged_predicate(ws)
            said = hedged and _ordered_span(hedged[1], cws)
            if said and _topic(ss, claim_stems, hedged[1][0]) and not strong_in_source(
                    lambda other: not _hedges(other) and _ordered_span(hedged[1], other)):
                found.setdefault("hedge_dropped", Overstatement("hedge_dropped", said, hedged[0], pid, sentence))
                break
        for (pid, sentence, ws), ss in zip(sentences, stemmed):
            hedged_cause = _hedged_cause(ws)
            said = hedged_cause and _stated_cause(cws, hedged_cause[1])
            if said and _topic(ss, claim_stems, hedged_cause[1]) and not strong_in_source(
                    lambda other: _stated_cause(other, hedged_cause[1])):
                found.setdefault("hedge_dropped", Overstatement("hedge_dropped", said, hedged_cause[0], pid, sentence))
                break
    return list(found.values())


_MONTH_BEFORE = frozenset({"in", "of", "since", "until", "by", "from", "to", "during", "early", "late", "mid"})


def _is_hedge(ws: list[str], k: int) -> bool:
    """Is the word at ``k`` a hedge?  "may" is the month after "in", "since", "from" ... or
    before a number ("in May 2022", "May 5"), not a hedge."""
    if ws[k] not in HEDGES:
        return False
    month = ws[k] == "may" and (k > 0 and ws[k - 1] in _MONTH_BEFORE or k + 1 < len(ws) and ws[k + 1][:1].isdigit())
    return not month


def _hedges(ws: list[str], start: int = 0, end: int | None = None) -> bool:
    return any(_is_hedge(ws, k) for k in range(start, len(ws) if end is None else end))


def _cause_after(ws: list[str], j: int) -> int | None:
    """Index of the first content word after the cause word at ``j`` (what is named as the
    cause: "linked to increased hybrid working" -> "increased"), within reach."""
    return next((i for i in range(j + 1, min(len(ws), j + 1 + HEAD_REACH + 1))
                 if ws[i] not in STOPWORDS and ws[i] not in CAUSES), None)


def _hedged_cause(ws: list[str]) -> tuple[str, str] | None:
    """A cause the sentence hedges ("may in part be linked to increased hybrid working"):
    its words from the hedge to the cause, and the cause's stem."""
    for k in range(len(ws)):
        if not _is_hedge(ws, k) or k + 1 < len(ws) and _negated(ws, k + 1):
            continue
        for j in range(k + 1, min(len(ws), k + 1 + CAUSE_REACH)):
            if ws[j] in CAUSES:
                cause = _cause_after(ws, j)
                if cause is not None:
                    return " ".join(ws[k:cause + 1]), stem(ws[cause])
                break
    return None


def _stated_cause(ws: list[str], cause_stem: str) -> str | None:
    """The words naming that cause without a hedge ("driven by increased"); None where
    the sentence does not name it so."""
    for j, w in enumerate(ws):
        if w in CAUSES and not _hedges(ws, max(0, j - CAUSE_REACH), j):
            cause = _cause_after(ws, j)
            if cause is not None and stem(ws[cause]) == cause_stem:
                return " ".join(ws[j:cause + 1])
    return None


def _hedged_predicate(ws: list[str]) -> tuple[str, list[str]] | None:
    """A hedge and the first two content stems it governs ("may be at risk of harm" ->
    ("may be at risk of harm", ["risk", "harm"])); "may not" is no hedge, nor is the
    month ("in May 2014")."""
    for k in range(len(ws)):
        if not _is_hedge(ws, k) or k + 1 == len(ws) or _negated(ws, k + 1):
            continue
        content, j = [], k + 1
        while j < len(ws) and len(content) < 2 and (ws[j] in LINKS or ws[j] not in STOPWORDS):
            if ws[j] not in LINKS:
                content.append(j)
            j += 1
        if len(content) == 2:
            return " ".join(ws[k:content[-1] + 1]), [stem(ws[i]) for i in content]
    return None


def _ordered_span(wanted: list[str], ws: list[str]) -> str | None:
    """The words from the first stem to the second, where the second follows within a
    few words ("risk of harm"); None where they do not stand so."""
    for i, w in enumerate(ws):
        if stem(w) == wanted[0]:
            for j in range(i + 1, min(len(ws), i + 1 + QUALIFIER_REACH)):
                if stem(ws[j]) == wanted[1]:
                    return " ".join(ws[i:j + 1])
    return None
