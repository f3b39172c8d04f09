"""Direct quotations and who the article says spoke them.

Three shapes occur in news copy:

* inline quotations in double or single quote marks, straight or curly;
* quotations running over several paragraphs, where each paragraph opens with a quote
  mark and only the last one closes (the press convention);
* lists reproduced from the source after an attributing line ("The report also said:"),
  whose items are the source's words though no quote marks surround them.

The speaker decides whether a quotation is checked: words given to the report, Ofsted or
the inspectors are compared with the source; words of a council officer or a
councillor are recorded, not judged against the report.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from checker.extract.context import ArticleContext, Paragraph
from checker.model import Claim, Quotation

OPEN_CLOSE = {"\u201c": "\u201d", '"': '"', "\u2018": "\u2019", "'": "'"}
REPORTING_LEMMAS = frozenset(
    """say tell add describe find state conclude highlight identify call brand warn accept
    admit claim note report criticise criticize praise write explain insist argue suggest
    reveal urge stress comment confirm observe judge rate label maintain acknowledge
    apologise apologize look""".split()
)
_SOURCE_WORDS = re.compile(
    r"\b(report|reports|ofsted|inspectors?|inspectorate|inspection(?: team)?|hmi|watchdog|regulator|"
    r"the review|it|they)\b", re.I)
_OTHER_WORDS = re.compile(
    r"\b(council(?:lor|lors)?|mr|mrs|ms|dr|chief|director|leader|chair|spokes(?:man|woman|person)|"
    r"minister|member|cabinet|officer|head|mp|he|she|we|i)\b", re.I)
_GRADE_ONLY = re.compile(
    r"^\W*(outstanding|good|requires improvement(?: to be good)?|adequate|inadequate)\W*$", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·▪–]|\u2022)\s+")
_INTRO = re.compile(r":\s*$")


@dataclass
class _Open:
    speaker: str
    kind: str
    cue: str


def _pairs(text: str) -> list[tuple[int, int, bool]]:
    """(content start, content end, closed) for each quotation in one paragraph."""
    found: list[tuple[int, int, bool]] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char in ("\u201c", '"') or (char in ("\u2018", "'") and _opens_single(text, i)):
            closer = OPEN_CLOSE[char]
            j = _closing(text, i + 1, char, closer)
            if j is None:
                found.append((i + 1, n, False))
                break
            found.append((i + 1, j, True))
            i = j + 1
            continue
        i += 1
    return found


_CLITIC = re.compile(r"(?:s|t|d|m|re|ve|ll)\b", re.I)


def _opens_single(text: str, i: int) -> bool:
    """A single quote opens a quotation, not an apostrophe: space before, letter after.
    Text tokenised for machines splits clitics off with a space ('the toddler 's
    mother', 'it 's'): a quote followed by a clitic alone is that apostrophe."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if _CLITIC.match(text, i + 1):
        return False
    return not before.isalnum() and after.isalpha()  # "the '90s" elides, it does not quote


def _closing(text: str, start: int, opener: str, closer: str) -> int | None:
    j = start
    while j < len(text):
        if text[j] == closer:
            if closer in ("'", "\u2019"):
                after = text[j + 1] if j + 1 < len(text) else " "
                if after.isalpha():  # apostrophe inside a word: don't, council's
                    j += 1
                    continue
            return j
        if opener == '"' and text[j] == "\u201c":
            return None
        j += 1
    return None


def classify_speaker(speaker: str) -> str:
    """source, other or unknown, from the words naming the speaker."""
    if not speaker:
        return "unknown"
    if _SOURCE_WORDS.search(speaker) and not re.search(r"\bcouncil", speaker, re.I):
        return "source"
    if _OTHER_WORDS.search(speaker) or speaker[:1].isupper():
        return "other"
    return "unknown"


class _Quoted:
    """The spans of a paragraph's quotations, sorted and not overlapping, so that
    whether a token is inside one is found by bisection."""

    def __init__(self, spans: tuple[tuple[int, int], ...] = ()) -> None:
        self.spans = spans
        self.starts = [start for start, _ in spans]

    def inside(self, token) -> bool:
        k = bisect_right(self.starts, token.idx) - 1
        return k >= 0 and token.idx < self.spans[k][1]


def _speaker_in(sentence, quoted: _Quoted) -> tuple[str, str]:
    """The speaker and cue of a quotation from one sentence's parse, ignoring words
    inside quotations (its own, and any other in the sentence: '"Every time you say
    that," Tester said, "you give ammunition"' is Tester's, not 'you')."""
    inside = quoted.inside

    for token in sentence:
        if inside(token):
            continue
        if token.lemma_.lower() in REPORTING_LEMMAS and token.pos_ in ("VERB", "AUX"):
            subject = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")
                       and not inside(c)]
            if not subject and token.dep_ in ("relcl", "acl", "advcl", "conj", "xcomp", "ccomp"):
                head = token.head
                subject = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
                if not subject and head.pos_ in ("NOUN", "PROPN"):
                    subject = [head]
            agent = [t for c in token.children if c.dep_ == "agent"
                     for t in c.children if t.dep_ == "pobj"]
            subject = agent or subject
            if subject and subject[0].tag_ in ("WP", "WDT"):
                return _antecedent(subject[0], token), token.text
            if subject:
                words = [t for t in subject[0].subtree if not inside(t)]
                if words:  # cut from the sentence: a Doc builds its whole text on each access
                    base = sentence.start_char
                    text = sentence.text[words[0].idx - base: words[-1].idx + len(words[-1].text) - base]
                    return text.strip(" ,\u201c\u201d\"'"), token.text
    match = re.search(r"(?i:according to) ([A-Z][\w' ]+|the [\w ]+)", sentence.text)
    if match:
        return match.group(1).strip(), "according to"
    return "", ""


def _antecedent(pronoun, verb) -> str:
    """'the police department which reported "..."': who spoke is what 'which' stands
    for, the noun the clause hangs on (or, where the parse does not hang it, the noun
    just before the pronoun), with its modifiers; nothing rather than 'which'."""
    doc = pronoun.doc
    noun = verb.head if verb.dep_ == "relcl" else None
    if noun is None and pronoun.i > 0:
        at = pronoun.i - 1
        if doc[at].text == "," and at > 0:  # 'Ofsted, which said ...'
            at -= 1
        noun = doc[at]
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return ""
    return doc.text[noun.left_edge.idx: noun.idx + len(noun.text)]


class _Sentences:
    """A paragraph's sentences with their character bounds, so that those around a
    quotation are found by bisection (a line of a thousand quotations asked each of its
    sentences about each quotation)."""

    def __init__(self, paragraph: Paragraph) -> None:
        self.all = paragraph.sentences()
        self.starts = [s.start_char for s in self.all]
        self.ends = [s.end_char for s in self.all]

    def around(self, start: int, end: int) -> list:
        """The sentence that opens a quotation, the one that closes it, the one after."""
        near = self.all[bisect_right(self.ends, start - 1):bisect_left(self.starts, end + 2)]
        after = bisect_left(self.starts, end)
        return near[:1] + near[-1:] + self.all[after:after + 1]


def _speaker_near(sentences: _Sentences, start: int, end: int,
                  quoted: _Quoted, cache: dict) -> tuple[str, str]:
    """Look for the cue in the sentence that opens the quotation, then in the one that
    closes it (a quotation of several sentences ends '..., said the report.').
    ``quoted``: every quotation's span in the paragraph, this one's included; ``cache``
    keeps each sentence's answer for the paragraph's other quotations (``quoted`` is the
    same for all of them, so a sentence's start is the key)."""
    for sentence in sentences.around(start, end):
        if sentence.start not in cache:  # one sentence's speaker serves all its quotes
            cache[sentence.start] = _speaker_in(sentence, quoted)
        speaker, cue = cache[sentence.start]
        if speaker:
            return speaker, cue
    return "", ""


def _resolve(speaker: str, last_source: str, last_other: str) -> tuple[str, str]:
    """Pronoun speakers take the last named speaker of their sort."""
    lower = speaker.lower()
    if lower in ("they", "it") and last_source:
        return last_source, "source"
    if lower in ("he", "she") and last_other:
        return last_other, "other"
    return speaker, classify_speaker(speaker)


def extract(ctx: ArticleContext) -> list[Claim]:
    claims: list[Claim] = []
    carry: _Open | None = None  # a quotation left open at the end of the last paragraph
    intro: _Open | None = None  # an attributing line ending in ':' before a list
    last_source = last_other = ""
    previous: _Open | None = None  # speaker of the last quotation in the paragraph before
    carried: list[int] = []  # claims of the quotation still open
    for paragraph in ctx.paragraphs:
        text = paragraph.passage.text
        sources_here = _source_mentions(paragraph)
        if sources_here:
            last_source = sources_here[-1]
        persons = [e.text for e in paragraph.doc.ents if e.label_ == "PERSON"]
        if persons:
            last_other = persons[-1]
        if intro and (_LIST_ITEM.match(text) or (len(text) < 80 and _INTRO.search(text))):
            body = _LIST_ITEM.sub("", text).rstrip(":").strip()
            start = text.index(body) if body else 0
            if len(body.split()) >= 2:
                claims.append(_claim(paragraph, start, start + len(body), intro, "list"))
            continue
        intro = None
        pairs = _pairs(text)
        quoted = _Quoted(tuple((start, end) for start, end, _ in pairs))
        sentences = _Sentences(paragraph) if pairs else None
        speakers: dict = {}
        first_here = len(claims)
        for index, (start, end, closed) in enumerate(pairs):
            content = text[start:end]
            continuing = carry is not None and index == 0 and text.lstrip()[:1] in OPEN_CLOSE
            if continuing:
                opened = carry
                if not opened.speaker and closed:
                    # '"...quality.' / '"It focuses ...," the inspectors wrote.': the cue
                    # comes with the last paragraph and names the speaker of them all
                    speaker, cue = _speaker_near(sentences, start, end, quoted, speakers)
                    if speaker:
                        opened = _Open(*_resolve(speaker, last_source, last_other), cue)
                        for k in carried:
                            claims[k] = _with_speaker(claims[k], opened)
            else:
                carried = []
                speaker, cue = _speaker_near(sentences, start, end, quoted, speakers)
                speaker, kind = _resolve(speaker, last_source, last_other)
                if not speaker and index > 0 and claims and claims[-1].attribution:
                    prev = claims[-1].payload  # a later quotation in the same paragraph
                    speaker, kind = prev.speaker, prev.speaker_kind
                opened = _Open(speaker, kind, cue)
                if (not speaker and index == 0 and previous and text.lstrip()[:1] in OPEN_CLOSE
                        and len(content.split()) >= 6):
                    opened = previous  # a new quote paragraph goes on with the last speaker
            carry = None if closed else opened
            if _GRADE_ONLY.match(content) or not content.strip():
                continue  # a quoted grade is a rating, handled in ratings
            trimmed = content.rstrip(" ,.;:")
            carried.append(len(claims))
            claims.append(_claim(paragraph, start, start + len(trimmed), opened, "quote marks"))
        if not pairs:
            carry = None
        here = [c.payload for c in claims[first_here:]]  # this paragraph's
        previous = _Open(here[-1].speaker, here[-1].speaker_kind, here[-1].cue) if pairs and here else None
        if _INTRO.search(text) and not pairs:
            sentence = paragraph.sentences()[-1]
            speaker, cue = _speaker_in(sentence, _Quoted())
            if not speaker and re.search(r"\b(report|ofsted|inspectors)\b", text, re.I):
                speaker, cue = re.search(r"\b(the report|report|ofsted|inspectors)\b", text, re.I).group(1), "colon"
            speaker, kind = _resolve(speaker, last_source, last_other)
            if kind == "source":
                intro = _Open(speaker, kind, cue or "colon")
    return claims


def _source_mentions(paragraph: Paragraph) -> list[str]:
    return [m.group(0) for m in re.finditer(r"\b(?:the (?:new )?report|Ofsted|inspectors)\b",
                                            paragraph.passage.text, re.I)]


def _with_speaker(claim: Claim, opened: _Open) -> Claim:
    quotation = replace(claim.payload, speaker=opened.speaker, speaker_kind=opened.kind,
                        cue=opened.cue or claim.payload.cue)
    return replace(claim, payload=quotation, attribution=opened.speaker)


def _claim(paragraph: Paragraph, start: int, end: int, opened: _Open, cue: str) -> Claim:
    span = paragraph.span(start, end)
    content = paragraph.passage.text[start:end]
    return Claim(id="", kind="quote", span=span, text=content,
                 payload=Quotation(content=content, speaker=opened.speaker,
                                   speaker_kind=opened.kind, cue=opened.cue or cue,
                                   content_span=span),
                 attribution=opened.speaker)
