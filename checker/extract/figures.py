"""Figures with what they measure, for what period, and how they moved.

"including eight different Directors of Children's Services" over "the last ten years"
is 8 *director* over 10 years; "the fifth director in five years" is 5 *director* over
5 years; "The four-week inspection" is a duration of 4 *week* of an *inspection*;
"clothing prices rose by 9.1% in the 12 months to May" is 9.1 *%* of clothing prices,
for the 12 months to May, a rise by that much.  The counted noun comes from the
dependency parse (the noun a number modifies), the period from the period phrase the
figure stands next to (:mod:`checker.extract.periods`), the movement from the verb
before or the noun after it.  The same reader runs over source passages, so both sides
of a comparison are read alike.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache

from checker.extract.numbers import (
    ORDINALS,
    TENS,
    UNITS,
    Mention,
    find_mentions,
)
from checker.extract.periods import COMPARED, earlier_period, find_periods
from checker.ingest.report_dates import MONTHS
from checker.model import Change, Derivation, Period, Quantity

NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(ORDINALS) | {"hundred", "thousand", "million"}
TIME_UNITS = {"year": "year", "month": "month", "week": "week", "day": "day", "yr": "year",
              "fortnight": "fortnight", "hour": "hour"}
_IDENTIFIER_HEADS = frozenset(
    "stage section level paragraph page chapter act regulation regulations year number no "
    "key grade tier band phase annex appendix table figure article clause part".split())
def _is_year(mention: Mention, tokens) -> bool:
    return (mention.sort == "cardinal" and 1900 <= mention.value <= 2100
            and mention.end - mention.start == 1 and tokens[mention.start].text.isdigit())


def _in_calendar_date(mention: Mention, tokens) -> bool:
    """'31 January 2015', 'March 27': day numbers and years are dates, not figures."""
    neighbours = tokens[max(0, mention.start - 2): min(len(tokens), mention.end + 2)]
    return any(t.lower_ in MONTHS for t in neighbours) and mention.sort == "cardinal" and mention.value <= 31 \
        or _is_year(mention, tokens)


_RELATIVE = frozenset("ago later earlier before after since previously".split())
# An age or a size is not counted over a period: '35-foot sailboat ... in 66 days'
_NO_WINDOW = frozenset("age foot feet ft inch mile metre meter km kilometre kilometer cm mm "
                       "kg kilogram gram tonne ton litre liter acre hectare degree mph".split())
_CLOCK = frozenset("am pm a.m. p.m. gmt bst utc".split())
_DURATION = frozenset("for over during within lasting".split())
_GENERIC = frozenset("number total proportion rate figure amount".split())


def _counted_noun(token):
    """The noun a number counts, or None (identifiers like 'Key Stage 2' count none).

    Beyond the number's own head noun ('eight directors', 'four-week'), the forms news
    copy uses: 'nine of the inspectors' (the 'of' phrase), 'a large number (36) of cases'
    (the noun after the parenthesis), 'rose from 412 to 472' (the plural noun the
    sentence is about, nearest before the number).
    """
    head = token.head
    age = _age(token)
    if age is not None:
        return age
    if token.dep_ in ("nummod", "amod", "quantmod", "compound") and head.pos_ in ("NOUN", "PROPN") \
            and head.lower_ not in ("up", "down"):  # '7,720 - up from 6,685': no noun 'up'

        if head.i < token.i or head.lower_ == "-" or head.text == "%":
            return None  # 'Key Stage 2', 'section 136': identifiers
        return head if head.lower_ not in _GENERIC else _of_noun(head) or head
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.text == "-" and token.i + 2 < len(token.doc):
        after = token.nbor(2)  # "four-week": 'four' attaches to 'week' through the hyphen
        if after.pos_ == "NOUN" and after.lower_ not in ("up", "down"):
            return after
    if token.dep_ in ("nummod", "amod") and head.dep_ == "punct":
        return None
    of = _of_noun(token)
    if of is not None:
        return of
    if token.i > 0 and token.nbor(-1).text == "(":
        before = token.nbor(-2) if token.i > 1 else None
        if before is not None and before.pos_ == "NOUN":
            return _of_noun(before, after=token.i) or before
    ahead = _noun_ahead(token)
    if ahead is not None:
        return ahead
    if token.dep_ == "pobj" and head.lower_ in ("from", "to") and token.lower_ != "one":
        # 'the number of permanent exclusions across all ... schools increased from 6,685':
        # what the number the sentence is about counts
        verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
        subject = verb and next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ in _GENERIC and _of_noun(subject) is not None:
            return _of_noun(subject)
        # 'an increase in allegations received, from 272 to 405': the plural noun before
        for prior in reversed(token.doc[token.sent.start:token.i]):
            if prior.tag_ == "NNS" and prior.lower_ not in _GENERIC and not any(ch.isdigit() for ch in prior.text):
                return prior
        subject = next((t for t in token.sent if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ == "NOUN":
            return _of_noun(subject) if subject.lower_ in _GENERIC else subject
    return None


def _age(token):
    """'at the age of 83', 'aged 73', 'AGE: 27', 'the 55-year-old', 'Al-Douri, 72,': a
    person's age, counted in the token 'age'/'aged' (whose lemma is 'age') or the name."""
    doc = token.doc
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ == "age":
        return token.head.head
    if token.i > 0 and doc[token.i - 1].lower_ == "aged":
        return doc[token.i - 1]
    if token.i > 1 and doc[token.i - 1].text == ":" and doc[token.i - 2].lower_ == "age":
        return doc[token.i - 2]  # a profile box's 'AGE: 27'
    name = doc[token.i - 2] if token.i >= 2 else None
    set_off = doc[token.i - 1].text == "," and token.i + 1 < len(doc) and doc[token.i + 1].text == ","
    if (name is not None and name.pos_ == "PROPN" and name.ent_type_ not in _PLACES_AND_BODIES
            and set_off and token.text.isdigit() and 0 < int(token.text) < 120):
        return name  # 'Al-Douri, 72, headed': news copy's age after a name
    if token.i + 3 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ == "year" \
            and doc[token.i + 3].text == "-" and token.i + 4 < len(doc) and doc[token.i + 4].lower_ == "old":
        return doc[token.i + 4]
    return None


_PLACES_AND_BODIES = frozenset("GPE LOC FAC ORG NORP".split())  # 'Leeds, 40,' is no age
_BRIDGE_TAGS = frozenset("VBN VBD JJ RB IN HYPH".split())


def _noun_ahead(token):
    """'216 looked after children': the small model parses the participle as a verb;
    a plural noun a few modifier words on is what the number counts."""
    doc = token.doc
    for t in doc[token.i + 1: min(len(doc), token.i + 5)]:
        if t.tag_ == "NNS":
            return t
        if t.tag_ not in _BRIDGE_TAGS or (t.tag_ == "IN" and t.lower_ not in ("after",)):
            return None
    return None


def _of_noun(token, after: int | None = None):
    """The noun of an 'of' phrase hanging on a token: 'nine of the inspectors'."""
    doc = token.doc
    start = (after if after is not None else token.i) + 1
    for i in range(start, min(len(doc), start + 3)):
        if doc[i].lower_ == "of":
            for t in doc[i + 1:i + 6]:
                if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "pobj":
                    return t
            return None
        if doc[i].text not in (")", "("):
            return None
    return None


def _percent_subject(tokens, mention: Mention):
    """What a percentage is a share of: 'vacancy rate of 23.3%', '15% of children', or
    the rate the sentence says moved: 'Clothing prices rose by 9.1%'."""
    last = tokens[mention.end - 1]
    following = tokens[mention.end: mention.end + 3]
    for i, token in enumerate(following):
        if token.lower_ == "of" and i + 1 < len(following):
            for t in tokens[mention.end + i + 1: mention.end + i + 6]:
                if t.pos_ in ("NOUN", "PROPN", "PRON"):
                    return t if t.pos_ != "PRON" else None
    node = last
    for _ in range(4):
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in ("NOUN", "PROPN"):
            return node.head.head
        if node.head is node:
            break
        node = node.head
    return _moved_subject(last)


_REPORTING = frozenset("datum data figure statistic stat report analysis research survey study bulletin "
                       "release estimate ons".split())


def _moved_subject(token):
    """The subject of the verb a figure hangs on ('Clothing prices rose by 9.1%')."""
    node = token
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX"):
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.i == token.i or subject.pos_ not in ("NOUN", "PROPN") \
                    or subject.lemma_.lower() in _REPORTING:
                return None  # 'figures show 2.21m ...': the figures report the count, they are not counted
            return subject
        if node.head is node:
            return None
        node = node.head
    return None


def _phrase(noun, floor: int = 0) -> tuple[int, int]:
    """Token range of a counted noun with its modifiers, whole ('fixed-period
    exclusions', not 'period exclusions': the modifier's own modifiers say what is
    counted too), and one 'of ...' phrase; no further left than ``floor`` (the number's
    end, when the noun follows it)."""
    left = min([noun.i] + [max(c.left_edge.i, floor) for c in noun.lefts if c.dep_ in ("compound", "amod", "poss")])
    right = noun.i
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            right = max(t.i for t in child.subtree)
            break
    return left, right + 1


LOCAL_RADIUS = 6  # words either side of a number that say what it counts


def local_context(sentence: str, figure_text: str, radius: int = LOCAL_RADIUS) -> str:
    """The words around a figure in its sentence, numbers left out (they are what may
    differ; the context is what must agree)."""
    at = sentence.find(figure_text)
    if at < 0:
        return sentence
    before = sentence[:at].rsplit(None, radius)[-radius:]  # split only as far as needed
    after = sentence[at + len(figure_text):].split(None, radius)[:radius]
    words = before + figure_text.split() + after
    return " ".join(w for w in words if not any(ch.isdigit() for ch in w) and w.lower() not in NUMBER_WORDS)


def read_quantities(sentence, inherited: Period | None = None) -> list[tuple[Quantity, int, int]]:
    """Figures in one spaCy sentence, each with its character range in the sentence's
    document (including the hedge and the counted phrase).  A number that counts
    nothing the text names ('Euro 2016', 'world number two') is a figure of no unit:
    it can be found in the source or not, but never held to another number.
    ``inherited`` is the period of the section the sentence stands in (a heading's),
    for figures whose sentence names none."""
    tokens = sentence.doc
    text = sentence.text  # built from the tokens on every access: once, not once a figure
    periods = [(period, sentence.start_char + a, sentence.start_char + b)
               for period, a, b in find_periods(text)]
    found: list[tuple[Quantity, int, int]] = []
    borrowed: list[int] = []  # figures whose noun is the sentence's subject ('up from 272')
    for mention in find_mentions(sentence):
        mention = Mention(mention.start + sentence.start, mention.end + sentence.start,
                          mention.value, mention.sort, mention.currency, mention.approx)
        last = tokens[mention.end - 1]
        if mention.sort == "ordinal" and mention.value <= 1:
            continue
        if _in_calendar_date(mention, tokens):
            if not _bare_year(mention, tokens):
                continue
            noun, unit = None, ""
        elif mention.sort == "percent":
            noun = _percent_subject(tokens, mention)
            unit = "%"
        elif mention.sort == "money":
            noun = _counted_noun(last)
            unit = mention.currency
        else:
            noun = _counted_noun(last)
            if noun is None and mention.value >= 1000:
                noun = _moved_subject(last)  # 'the waiting list reached 7.7m': a count of the list
                if noun is not None and noun.lower_ in _GENERIC:
                    noun = _of_noun(noun) or noun  # 'the number of exclusions has increased to 7,720'
            if noun is not None and noun.lower_ in _CLOCK or _clock_after(tokens, mention):
                continue  # '7 pm': a time of day, as '7pm' is
            if noun is None and _identifier(tokens, mention):
                continue  # 'Key Stage 2', 'section 136', 'world number two': names, not numbers
            unit = "" if noun is None else "age" if _age(last) is not None else noun.lemma_.lower()
            if noun is not None and noun.i < mention.start and unit != "age":  # an age is never another count
                borrowed.append(len(found))
        start_tok = mention.start - len(mention.approx.split()) if mention.approx else mention.start
        end_tok = mention.end
        measure = ""
        if noun is not None:
            left, right = _phrase(noun, mention.end if noun.i >= mention.end else 0)
            # an age's noun before it is its person ('Brian Wright, 55, of Kempston'),
            # whose phrase is not the figure's
            if (left > mention.end or right > mention.end) and not (unit == "age" and noun.i < mention.start):
                end_tok = max(end_tok, right)
            if left >= mention.end:
                measure = tokens[left:right].text
            elif noun.i < mention.start:  # 'a vacancy rate of 23.3%'
                measure = tokens[left:noun.i + 1].text
            else:
                measure = tokens[noun.i:right].text
        if unit in TIME_UNITS:
            if end_tok < len(tokens) and tokens[end_tok].lower_ in _RELATIVE \
                    and not (start_tok > 0 and tokens[start_tok - 1].lower_ in _DURATION):
                # 'two weeks ago' places an event; it counts nothing, so it is a number
                # to find in the source, no more.  But 'jailed for eight years after a
                # trial' is a length of time that a clause follows.
                unit, end_tok = "", end_tok + 1
            else:
                unit = TIME_UNITS[unit]
            if unit and noun is not None and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
                measure = noun.head.text  # 'four-week inspection': what lasted
        char_start = tokens[start_tok].idx
        char_end = tokens[end_tok - 1].idx + len(tokens[end_tok - 1].text)
        if _inside_period(tokens[mention.start].idx, tokens[mention.start].text, periods):
            continue  # the '12' of 'the 12 months to May' is the period's, not a figure
        if mention.start > 0 and tokens[mention.start - 1].lower_ == "per":
            continue  # the '10,000' of '20 pupils per 10,000' is the rate's, not a count
        found.append((Quantity(value=mention.value, unit=unit, measure=measure,
                               approx=mention.approx, ordinal=mention.sort == "ordinal",
                               text=_written(sentence, text, char_start, char_end)), char_start, char_end))
    found = _share_units(found, borrowed)
    spans = _Spans([(a, b) for _, a, b in found])
    # 'hit 5% for the first time in over four years': the four years are the record's, not 5%'s window
    # 'increased by 0.1% compared with 2022': 2022 is what the rise is measured against
    held = [(p, a, b) for p, a, b in periods
            if (p.length is None or not RECORD_BEFORE.search(text[max(0, a - sentence.start_char - 80):a - sentence.start_char]))
            and not _BASE_BEFORE.search(text[max(0, a - sentence.start_char - 20):a - sentence.start_char])]
    found = [(replace(q, period=_period_of(q, a, b, spans, held) or (inherited if q.unit else None),
                      change=read_change(text, a - sentence.start_char, b - sentence.start_char),
                      per=read_per(text, b - sentence.start_char) if q.unit not in ("%", "") else ""),
              a, b) for q, a, b in found]
    return _drop_windows(found, periods)


_RATE_UNITS = r"(?:day|week|fortnight|month|year|hour|night|quarter)"
# 'per 10,000', 'per day', 'per head', 'every day', 'each week', 'a day'; a few words on,
# in the figure's clause ('40 pupils now being banned from their school every day', 'two
# hours out of their cell a day'); not 'a year ago', nor 'in a year' (a window)
_PER = re.compile(
    rf"\b(?:per\s+(?P<n>(?:\d[\d,]*(?:\.\d+)?|one|a|ten|hundred|thousand|million)\b)?\s*"
    rf"(?P<scale>hundred|thousand|million)?\s*(?P<what>[a-z]+)?|(?:every|each)\s+(?P<each>{_RATE_UNITS})\b|"
    rf"an?\s+(?P<a>{_RATE_UNITS})\b(?!\s+(?:ago|earlier|before|later|after|on|or)\b))", re.I)
_NOT_RATE_BEFORE = frozenset("in within over for during after before of than from since by at to".split())
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "ten": 10, "one": 1, "a": 1}


def read_per(text: str, end: int) -> str:
    """What a count is counted per, read after it in its clause: '20 pupils per 10,000'
    is '10000'; '40.6 permanent exclusions per day', '35.2 exclusions a day', '40 pupils
    banned from their school every day' are 'day'; '£12 per head' is 'head'.  '' for a
    count of no rate ('per cent' is a percentage's, not a rate)."""
    after = re.split(r"[;:(–—]|[,.](?!\d)|\s-\s", text[end:end + 90], maxsplit=1)[0]
    found = _PER.search(after)
    if found is None:
        return ""
    between = after[:found.start()].split()
    if len(between) > 6 or any(ch.isdigit() for ch in " ".join(between)):
        return ""  # another number's, or too far to be this one's
    if found.group("a"):
        return "" if between and between[-1].lower() in _NOT_RATE_BEFORE else found.group("a").lower()
    if found.group("each"):
        return found.group("each").lower()
    number, scale, what = found.group("n"), found.group("scale"), (found.group("what") or "").lower()
    if what in ("cent", "centum") or not (number or scale or what):
        return ""
    if number is None and scale is None:
        what = what[:-1] if what.endswith("s") and what[:-1] in _RATE_WORDS else what
        return _SAME_RATE.get(what, what)
    value = float(number.replace(",", "")) if number and number[0].isdigit() else _SCALES.get((number or "").lower(), 1)
    value *= _SCALES.get((scale or "").lower(), 1)
    return f"{value:g}"


_RATE_WORDS = frozenset("day week fortnight month year hour night quarter head person capita".split())
_SAME_RATE = {"annum": "year", "capita": "head", "person": "head"}  # 'per annum' is 'a year'


def _written(sentence, text: str, start: int, end: int) -> str:
    """The document's text from ``start`` to ``end``, cut from the sentence's own text
    (``text``) where it lies inside: a spaCy Doc builds its whole text on every access,
    and a paragraph of many figures asked it once a figure."""
    base = sentence.start_char
    if base <= start and end <= base + len(text):
        return text[start - base:end - base]
    return sentence.doc.text[start:end]


# the length of a record: 'the highest rate in 30 years', 'its fastest rate for 30 years',
# 'for the first time in over four years', 'the highest point in the last 12 months'
RECORD_BEFORE = re.compile(
    r"\b(?:highest|lowest|fastest|slowest|biggest|largest|smallest|steepest|sharpest|strongest|weakest|"
    r"greatest|longest|shortest|best|worst|most|least|first\s+time|record)\b(?:\s+[\w'’-]+){0,4}?\s+"
    r"(?:in|for|over|since)\s+(?:(?:the|a)\s+)?(?:(?:last|past|previous)\s+)?$", re.I)


# a period a figure is measured from, not its own: 'compared with 2022', 'down 106,000
# since YE June 2016'
_BASE_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|versus|against|since(?:\s+YE)?)\s*$", re.I)


def _drop_windows(found, periods):
    """'ten years' in '8 directors over the last ten years' is a window, not a figure:
    it is checked with the count it is the window of.  So is 'five years' in 'Julian
    Wooster, who was appointed in January, is the fifth director in five years', though
    the period before it ('in January', the appointment's) would otherwise be taken for
    its own."""
    windows = [(a, b) for period, a, b in periods if not period.dated
               and any(q.period is period for q, _, _ in found)]
    return [(q, a, b) for q, a, b in found
            if not (q.unit in TIME_UNITS.values() and any(wa <= a and b <= wb for wa, wb in windows))]


def _bare_year(mention: Mention, tokens) -> bool:
    """A year that no date phrase takes ('Euro 2016', 'the 2015 Grand National'): a
    number the source may or may not give, so still a figure of no unit."""
    if not _is_year(mention, tokens):
        return False
    before = tokens[mention.start - 1] if mention.start > 0 else None
    around = tokens[max(0, mention.start - 2): min(len(tokens), mention.end + 2)]
    return not any(t.lower_ in MONTHS for t in around) and not (
        before is not None and before.lower_ in _DATE_PREPOSITIONS)


_DATE_PREPOSITIONS = frozenset("in since from until during by before after of to for between and than".split())


def _identifier(tokens, mention: Mention) -> bool:
    """'Stage 2', 'section 136', 'number two': a number naming a thing.  A year after a
    name is still a year ('Euro 2016')."""
    if _is_year(mention, tokens):
        return False
    before = tokens[mention.start - 1] if mention.start > 0 else None
    return before is not None and (before.lower_ in _IDENTIFIER_HEADS or before.pos_ == "PROPN"
                                   and before.text[:1].isupper() and before.ent_type_ not in _PLACES_AND_BODIES)


def _clock_after(tokens, mention: Mention) -> bool:
    nxt = tokens[mention.end] if mention.end < len(tokens) else None
    return nxt is not None and nxt.lower_ in _CLOCK


def _inside_period(offset: int, text: str, periods) -> bool:
    """A number inside a dated period phrase is the period's ('the 12 months to May',
    'the second quarter of 2022'), as is one inside a period named by its place before
    another ('the previous 12 months', 'the same two months a year ago'); a year there
    is still a number of its own ('Euro 2016').  A window ('in 66 days') is a figure's
    only when another figure takes it."""
    return not re.fullmatch(r"(?:19|20)\d\d", text) and any(
        a <= offset < b for period, a, b in periods if period.dated or period.length is None)


PERIOD_REACH = 60  # characters after a figure within which a period phrase is its own


class _Spans:
    """The character ranges of a sentence's figures, sorted, so that what stands between
    a figure and a period phrase is found by bisection: a line of a thousand figures
    costs a thousand look-ups, not a million comparisons."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = sorted(a for a, _ in spans)
        self.ends = sorted(b for _, b in spans)

    def trails(self, period_start: int, figure_end: int) -> bool:
        """Does the period phrase follow the figure closely, no figure starting between?"""
        if not 0 <= period_start - figure_end <= PERIOD_REACH:
            return False
        k = bisect_left(self.starts, figure_end)
        return k == len(self.starts) or self.starts[k] >= period_start

    def owned(self, period_start: int) -> bool:
        """Does some figure end closely before the period phrase, none starting between?"""
        k = bisect_left(self.starts, period_start)
        last_start = self.starts[k - 1] if k else -1
        j = bisect_left(self.ends, max(last_start + 1, period_start - PERIOD_REACH))
        return j < len(self.ends) and self.ends[j] <= period_start


def _period_of(q: Quantity, start: int, end: int, spans: _Spans, periods) -> Period | None:
    """The period a figure is for: a period phrase right after it with no other figure
    between ('6.2% in March'); else one before it that no figure claims that way ('In
    the 12 months to May, prices rose 9.1%'); else the window the sentence counts over
    ('eight directors over the last ten years')."""
    if q.unit in _NO_WINDOW:
        return None
    after = [p for p, a, _ in periods if spans.trails(a, end)]
    if after:  # the nearest: 'the fifth director in five years, appointed in January'
        if after[0].dated or not (q.unit in TIME_UNITS.values() and after[0].length == q.value):
            return after[0]
    before = [p for p, a, b in periods if p.dated and b <= start and not spans.owned(a)]
    if before:
        return before[-1]
    for period, a, b in periods:
        if period.length is not None and not (a <= start < b):
            if q.unit in TIME_UNITS.values() and period.length == q.value:
                return None  # 'for four weeks' is the figure itself
            return period
    return None


_UP = r"ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|up|higher|grew|grow(?:n|s|th)?|jump(?:s|ed)?|climb(?:s|ed)?|gain(?:s|ed)?|soar(?:s|ed)?|surg(?:e|es|ed)"
_DOWN = r"fall(?:s|en|ing)?|fell|drop(?:s|ped)?|decreas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|down|lower|shr[ai]nk|cut|slump(?:s|ed)?|eas(?:e|es|ed)"
_FLAT = r"unchanged|flat|steady|stable|remain(?:s|ed)?|stay(?:s|ed)?"
# a word that says a figure moved that way, anywhere in a passage ('climbed', 'fell')
MOVED = {"up": re.compile(rf"\b(?:{_UP}|more|greater|above|positive)\b", re.I),
         "down": re.compile(rf"\b(?:{_DOWN}|fewer|less|below|negative)\b", re.I)}
_MOVE_BEFORE = re.compile(  # 'rose from 272 in 2013 to', 'fell by', 'rose sharply', 'fell'
    rf"\b(?P<verb>{_UP}|{_DOWN}|{_FLAT})\b(?:(?:\s+\S+){{0,5}}?\s+(?P<prep>by|to|from|at|of)|(?:\s+\w+)?)"
    rf"\s*(?:an?\s+)?$", re.I)
_MOVE_AFTER = re.compile(rf"^\s*(?:per\s+cent\s+|percent\s+|percentage\s+points?\s+)?(?P<verb>{_UP}|{_DOWN})\b", re.I)


def read_change(text: str, start: int, end: int) -> Change | None:
    """How the words around a figure say it moved: 'rose by 0.4%' (up, by), 'fell to
    8.8%' (down, to), 'up from 6.2%' (up, from), 'a 0.5% rise' (up, by), 'unchanged at
    4%' (flat, to); with the base it is compared with where one is named ('compared
    with the previous quarter', 'a year earlier')."""
    before = text[max(0, start - 40):start]
    after = text[end:end + 40]
    move = _MOVE_BEFORE.search(before)
    direction = form = ""
    if move:
        verb, prep = move.group("verb").lower(), (move.group("prep") or "").lower()
        direction = _direction(verb)
        form = {"by": "by", "to": "to", "from": "from", "at": "to", "of": "by"}.get(prep, "by")
        if direction == "flat":
            form = "to"
        elif prep == "" and re.search(r"\b(?:up|down)\s*$", before, re.I):
            form = "to"  # 'down 5%' in a headline is a change; 'up from' is caught above
    else:
        after_move = _MOVE_AFTER.match(after)
        if after_move:
            direction, form = _direction(after_move.group("verb").lower()), "by"
    if re.search(r"\bfrom\s*$", before, re.I) and form != "from":
        form, direction = "from", direction or ""
    if not form:
        return None
    compared = _compared(text[end:end + 80])
    return Change(direction, form, compared.group("base") if compared else "")


def _compared(after: str) -> re.Match | None:
    """The earlier period a figure is compared with, named in the words after it before
    any other number ('0.6 percentage points higher than a year earlier and 0.4 ...': a
    year earlier; '282,664, down 28% on last year': none, that base is the 28%'s)."""
    compared = COMPARED.search(after)
    return compared if compared and not re.search(r"\d", after[:compared.start()]) else None


def _direction(verb: str) -> str:
    if re.fullmatch(_UP, verb, re.I):
        return "up"
    if re.fullmatch(_DOWN, verb, re.I):
        return "down"
    return "flat"


def _share_units(found, borrowed: list[int]):
    """'405 allegations in 2014, up from 272': a bare number paired with a counted one
    counts the same thing, not the sentence's subject."""
    counted = [q.unit for i, (q, _, _) in enumerate(found)
               if i not in borrowed and q.unit not in ("%", "GBP", "USD", "EUR") and q.unit not in TIME_UNITS.values()]
    if not counted:
        return found
    return [(replace(q, unit=counted[0]), a, b) if i in borrowed else (q, a, b)
            for i, (q, a, b) in enumerate(found)]


# --- earlier levels a source gives through a change ------------------------------------

_COMPARATIVES = {"higher": "up", "more": "up", "above": "up", "greater": "up",
                 "lower": "down", "fewer": "down", "less": "down", "below": "down"}
_COMPARATIVE = re.compile(rf"^\s*(?:(?P<word>{'|'.join(_COMPARATIVES)})\s+)?$", re.I)
# what may stand between a level and the changes set beside it, once its period is taken
# out: '4.5%, 0.6 percentage points higher', '282,664, down 28%', '75.6%, a fall of 0.3
# points', '7.0% in the 12 months to March 2022, up 0.8 percentage points'
_APPOSED = re.compile(rf"^(?:[\s,;:(–—-]|\b(?:and|or|an?|the|in|for|by|of|{_UP}|{_DOWN})\b)*$", re.I)
_THEN_TO = re.compile(r"^[\s,]*to\s*$", re.I)


@lru_cache(maxsize=4096)
def earlier_levels(sentence: str, figures: tuple[Quantity, ...]) -> tuple[tuple[Quantity, Derivation], ...]:
    """The earlier levels a source sentence gives through a change, worked out as a
    sub-editor works them out: "The UK unemployment rate was estimated at 4.5%, 0.6
    percentage points higher than a year earlier and 0.4 percentage points higher than
    the previous quarter" gives 3.9% a year earlier and 4.1% for the previous quarter;
    "... rose by 0.4 percentage points on the quarter to 4.5%" the same 4.1%.

    ``figures`` are the sentence's figures, in order, as :func:`read_quantities` read
    them.  A change counts only where it names the earlier period it is measured
    against, right after it (:func:`checker.extract.periods.earlier_period` dates it from
    the level's period), and stands beside its level: after it, with nothing but
    punctuation, movement words and the other changes of that level between, or before
    it as 'by ... to'.  Each result is the earlier figure, for the same measure, rounded
    to the precision the two figures carry, with how it was reached; cached, as every
    article figure asks of the same source sentences."""
    located = _located(sentence, figures)
    out: list[tuple[Quantity, Derivation]] = []
    for k, (change, start, end) in enumerate(located):
        limit = located[k + 1][1] if k + 1 < len(located) else len(sentence)
        against = _against(change, sentence, start, end, limit)
        if against is None:
            continue
        direction, base, base_end = against
        level = (located[k + 1][0] if k + 1 < len(located) and change.change and change.change.form == "by"
                 and _THEN_TO.match(sentence[base_end:limit]) else _level_before(located, k, sentence))
        worked = level and _work_out(level, change, direction, base)
        if worked:
            out.append(worked)
    return tuple(out)


def _located(sentence: str, figures: tuple[Quantity, ...]) -> list[tuple[Quantity, int, int]]:
    """Each figure with where its words stand in the sentence (none where one cannot be
    found: the sentence is then not read for changes)."""
    out, at = [], 0
    for q in figures:
        start = sentence.find(q.text, at) if q.text else -1
        if start < 0:
            return []
        out.append((q, start, start + len(q.text)))
        at = start + len(q.text)
    return out


def _against(q: Quantity, sentence: str, start: int, end: int, limit: int) -> tuple[str, str, int] | None:
    """(direction, base, where the base ends) when the figure is a change measured
    against an earlier period named right after it: '0.4 percentage points higher than
    the previous quarter', 'down 28% on last year', '3% fewer than a year earlier',
    'fell by 0.2 points on the quarter'; else None."""
    compared = _compared(sentence[end:limit])
    if compared is None:
        return None
    word = _COMPARATIVE.match(sentence[end:end + compared.start()])
    if word is None:
        return None  # other words between: 'the largest rise since May'
    if word.group("word"):
        direction = _COMPARATIVES[word.group("word").lower()]
    elif q.change is not None and q.change.direction in ("up", "down") and (
            q.change.form == "by" or re.search(r"\b(?:up|down)\s*$", sentence[:start], re.I)):
        direction = q.change.direction  # 'fell by 0.2 points on the quarter', 'down 28% on last year'
    else:
        return None  # a level, or a change of no direction: '4.5% in the previous quarter'
    return direction, compared.group("base"), end + compared.end()


def _level_before(located: list[tuple[Quantity, int, int]], k: int, sentence: str) -> Quantity | None:
    """The level a change is set beside: the figure before it, past the level's other
    changes ('4.5%, 0.6 percentage points higher than a year earlier and 0.4 percentage
    points higher than the previous quarter'), with nothing but the level's period,
    punctuation and movement words between ('7.0% in the 12 months to March 2022, up
    0.8 percentage points on February')."""
    cut = located[k][1]
    for q, start, end in reversed(located[:k]):
        against = _against(q, sentence, start, end, cut)
        gap = sentence[against[2] if against else end:cut]
        for _, a, b in sorted(find_periods(gap), key=lambda p: -p[1]):
            gap = gap[:a] + gap[b:]
        if not _APPOSED.match(gap):
            return None
        if against is None:
            return q
        cut = start
    return None


def _work_out(level: Quantity, change: Quantity, direction: str, base: str) -> tuple[Quantity, Derivation] | None:
    """The earlier figure, exact about units: percentage points, or the level's own unit,
    are taken off (or added back); a per cent change of a count or an index is a ratio.
    A per cent change of a rate could be either, and is left alone; so are hedged
    figures and figures that count nothing named."""
    if level.approx or change.approx or "percentage" in level.measure:
        return None
    derivation = Derivation(level, change, direction, base)
    if change.unit == "point":
        unit = level.unit if level.unit in ("%", "point") else None  # a rate's, or an index's points
    elif change.unit == "%":
        unit = level.unit if level.unit not in ("%", "") else None
    elif level.unit != "%" and (level.unit == change.unit or not (level.unit and change.unit)):
        unit = level.unit or change.unit  # '891.0 million, down 158.2 million hours'
    else:
        unit = None
    if not unit or (level.change is not None and level.change.form == "by" and level.unit != "%"):
        return None  # '... rose by 18,614': a change is no level to work back from
    places = [decimals_written(level), decimals_written(change)]
    if None in places:
        return None
    if derivation.ratio:
        if derivation.factor <= 0:
            return None
        value = level.value / derivation.factor
        # as many significant figures as the less precise of the level and the factor
        figures = min(_magnitude(level.value) + places[0], _magnitude(derivation.factor) + places[1] + 2) + 1
        value = round(value, figures - 1 - _magnitude(value))
    else:
        value = round(level.value - change.value if direction == "up" else level.value + change.value, min(places))
        if value < 0 and unit != "%":
            return None
    earlier = Quantity(value=value, unit=unit, measure=level.measure or change.measure,
                       period=earlier_period(level.period, base))
    return earlier, derivation


def _magnitude(value: float) -> int:
    return math.floor(math.log10(abs(value))) if value else 0


def decimals_written(q: Quantity) -> int | None:
    """The decimal place of the last digit a figure is written to, in its value's units:
    1 for '4.5%', -5 for '891.0 million', 0 for '282,664'; None when it is not written in
    digits."""
    written = re.search(r"\d[\d,]*(?:\.(\d+))?", q.text)
    if written is None:
        return None
    number = float(written.group(0).replace(",", ""))
    scale = q.value / number if number else 1.0
    return len(written.group(1) or "") - round(math.log10(scale)) if scale > 0 else None
