"""Figures with what they count and over what window.

"including eight different Directors of Children's Services" over "the last ten years"
is 8 *director* over 10 years; "the fifth director in five years" is 5 *director* over
5 years; "The four-week inspection" is a duration of 4 *week* of an *inspection*.  The
counted noun comes from the dependency parse (the noun a number modifies), the window
from a time phrase in the same sentence.  The same reader runs over source passages, so
both sides of a comparison are read alike.
"""

from __future__ import annotations

import re
from dataclasses import replace

from checker.extract.numbers import (
    ORDINALS,
    TENS,
    UNITS,
    Mention,
    find_mentions,
    word_value,
)
from checker.ingest.report_dates import MONTHS
from checker.model import Quantity

NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(ORDINALS) | {"hundred", "thousand", "million"}
TIME_UNITS = {"year": "year", "month": "month", "week": "week", "day": "day", "yr": "year",
              "fortnight": "fortnight", "hour": "hour"}
_IDENTIFIER_HEADS = frozenset(
    "stage section level paragraph page chapter act regulation regulations year number no "
    "key grade tier band phase annex appendix table figure article clause part".split())
_WINDOW = re.compile(
    r"\b(?:in|over|during|within|across|for)\s+(?:a\s+period\s+of\s+|the\s+)?"
    r"(?:(?:last|past|previous|first|next)\s+)?"
    r"(?P<n>\d+|[a-z]+(?:-[a-z]+)?)\s+(?P<unit>years?|months?|weeks?|days?)\b", re.I)


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
    if token.dep_ in ("nummod", "amod", "quantmod", "compound") and head.pos_ in ("NOUN", "PROPN"):
        if head.i < token.i or head.lower_ == "-" or head.text == "%":
            return None  # 'Key Stage 2', 'section 136': identifiers
        return head if head.lower_ not in _GENERIC else _of_noun(head) or head
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.text == "-" and token.i + 2 < len(token.doc):
        after = token.nbor(2)  # "four-week": 'four' attaches to 'week' through the hyphen
        if after.pos_ == "NOUN":
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
        # 'an increase in allegations received, from 272 to 405': the plural noun before
        for prior in reversed(token.doc[token.sent.start:token.i]):
            if prior.tag_ == "NNS" and prior.lower_ not in _GENERIC:
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
    """What a percentage is a share of: 'vacancy rate of 23.3%', '15% of children'."""
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
    return None


def _phrase(noun) -> tuple[int, int]:
    """Token range of a counted noun with its modifiers and one 'of ...' phrase."""
    left = min([noun.i] + [c.i for c in noun.lefts if c.dep_ in ("compound", "amod", "poss")])
    right = noun.i
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            right = max(t.i for t in child.subtree)
            break
    return left, right + 1


def _window(sentence_text: str, exclude: tuple[int, int]) -> tuple[str, float | None, str]:
    for match in _WINDOW.finditer(sentence_text):
        if match.start() <= exclude[0] < match.end():
            continue
        value = word_value(match.group("n"))
        if value is None:
            continue
        unit = match.group("unit").lower().rstrip("s")
        return match.group(0), value, unit
    return "", None, ""


LOCAL_RADIUS = 6  # words either side of a number that say what it counts


def local_context(sentence: str, figure_text: str, radius: int = LOCAL_RADIUS) -> str:
    """The words around a figure in its sentence, numbers left out (they are what may
    differ; the context is what must agree)."""
    at = sentence.find(figure_text)
    if at < 0:
        return sentence
    before = sentence[:at].split()[-radius:]
    after = sentence[at + len(figure_text):].split()[:radius]
    words = before + figure_text.split() + after
    return " ".join(w for w in words if not any(ch.isdigit() for ch in w) and w.lower() not in NUMBER_WORDS)


def read_quantities(sentence) -> list[tuple[Quantity, int, int]]:
    """Figures in one spaCy sentence, each with its character range in the sentence's
    document (including the hedge and the counted phrase)."""
    tokens = sentence.doc
    found: list[tuple[Quantity, int, int]] = []
    borrowed: list[int] = []  # figures whose noun is the sentence's subject ('up from 272')
    for mention in find_mentions(sentence):
        mention = Mention(mention.start + sentence.start, mention.end + sentence.start,
                          mention.value, mention.sort, mention.currency, mention.approx)
        if _in_calendar_date(mention, tokens):
            continue
        last = tokens[mention.end - 1]
        if mention.sort == "ordinal" and mention.value <= 1:
            continue
        if mention.sort == "percent":
            noun = _percent_subject(tokens, mention)
            unit = "%"
        elif mention.sort == "money":
            noun = _counted_noun(last)
            unit = mention.currency
        else:
            noun = _counted_noun(last)
            if noun is None or noun.lower_ in _CLOCK:
                continue  # counts nothing, or '7 pm': a time of day, as '7pm' is
            unit = "age" if _age(last) is not None else noun.lemma_.lower()
            if noun.i < mention.start and unit != "age":  # an age is never another count
                borrowed.append(len(found))
        start_tok = mention.start - len(mention.approx.split()) if mention.approx else mention.start
        end_tok = mention.end
        subject = ""
        if noun is not None:
            left, right = _phrase(noun)
            # an age's noun before it is its person ('Brian Wright, 55, of Kempston'),
            # whose phrase is not the figure's
            if (left > mention.end or right > mention.end) and not (unit == "age" and noun.i < mention.start):
                end_tok = max(end_tok, right)
            if left >= mention.end:
                subject = tokens[left:right].text
            elif noun.i < mention.start:  # 'a vacancy rate of 23.3%'
                subject = tokens[left:noun.i + 1].text
            else:
                subject = tokens[noun.i:right].text
        if unit in TIME_UNITS:
            if end_tok < len(tokens) and tokens[end_tok].lower_ in _RELATIVE \
                    and not (start_tok > 0 and tokens[start_tok - 1].lower_ in _DURATION):
                # 'two weeks ago' places an event; it counts nothing.  But 'jailed for
                # eight years after a trial' is a length of time that a clause follows.
                continue
            unit = TIME_UNITS[unit]
            if noun is not None and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
                subject = noun.head.text  # 'four-week inspection': what lasted
        char_start = tokens[start_tok].idx
        char_end = tokens[end_tok - 1].idx + len(tokens[end_tok - 1].text)
        rel = (char_start - sentence.start_char, char_end - sentence.start_char)
        window, window_value, window_unit = _window(sentence.text, rel)
        if unit in _NO_WINDOW or (unit in TIME_UNITS.values() and window_value == mention.value):
            window, window_value, window_unit = "", None, ""
        found.append((Quantity(value=mention.value, unit=unit, subject=subject, window=window,
                             window_value=window_value, window_unit=window_unit,
                             approx=mention.approx, ordinal=mention.sort == "ordinal",
                             text=tokens.text[char_start:char_end]), char_start, char_end))
    return _drop_windows(_share_units(found, borrowed), sentence)


def _share_units(found, borrowed: list[int]):
    """'405 allegations in 2014, up from 272': a bare number paired with a counted one
    counts the same thing, not the sentence's subject."""
    counted = [q.unit for i, (q, _, _) in enumerate(found)
               if i not in borrowed and q.unit not in ("%", "GBP", "USD", "EUR") and q.unit not in TIME_UNITS.values()]
    if not counted:
        return found
    return [(replace(q, unit=counted[0]), a, b) if i in borrowed else (q, a, b)
            for i, (q, a, b) in enumerate(found)]


def _drop_windows(found, sentence):
    """'ten years' in '8 directors over the last ten years' is a window, not a figure."""
    windows = []
    for quantity, _, _ in found:
        if quantity.window:
            at = sentence.text.find(quantity.window)
            if at >= 0:
                windows.append((sentence.start_char + at, sentence.start_char + at + len(quantity.window)))
    return [item for item in found
            if not (item[0].unit in TIME_UNITS.values()
                    and any(a <= item[1] and item[2] <= b for a, b in windows))]
