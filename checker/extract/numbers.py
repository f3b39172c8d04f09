"""Reading numbers the way a sub-editor does, over spaCy tokens.

No number library read the seed texts right ("fifth" became 0.2, "£1m" one pound-metre,
word2number summed every number word in a sentence), so this is a small normaliser of
our own: digits with separators and scale suffixes, number words, ordinals, fractions
("nearly a quarter", "one in five"), percentages and money, and hyphenated durations
("four-week").  It finds *mentions*; what each counts is decided in ``figures``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
ORDINALS = {w: i for i, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
    "twentieth".split())}
FRACTIONS = {"half": 0.5, "halves": 0.5, "quarter": 0.25, "quarters": 0.25, "third": 1 / 3,
             "thirds": 1 / 3, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}
SUFFIX_SCALE = {"k": 1e3, "m": 1e6, "bn": 1e9, "million": 1e6, "billion": 1e9, "thousand": 1e3}
CURRENCY = {"£": "GBP", "$": "USD", "€": "EUR"}
APPROX = ("more than", "fewer than", "less than", "at least", "up to", "just over",
          "just under", "nearly", "almost", "about", "around", "approximately", "roughly",
          "over", "under", "some", "approx", "circa", "close to", "well over")

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_DIGIT_SUFFIX = re.compile(r"^(\d+(?:\.\d+)?)(k|m|bn)$", re.I)
_ORDINAL_DIGITS = re.compile(r"^(\d+)(st|nd|rd|th)$", re.I)


@dataclass(frozen=True)
class Mention:
    """A number in text: token range ``[start, end)``, its value and what sort it is."""

    start: int
    end: int
    value: float
    sort: str  # cardinal | ordinal | percent | money | fraction
    currency: str = ""
    approx: str = ""


def word_value(word: str) -> float | None:
    """A single number word or numeral ("eight", "twenty-five", "3,607") as a value."""
    word = word.lower().strip()
    if _DIGITS.match(word):
        return float(word.replace(",", ""))
    if word in UNITS:
        return float(UNITS[word])
    if word in TENS:
        return float(TENS[word])
    if "-" in word:
        head, _, tail = word.partition("-")
        if head in TENS and tail in UNITS and 0 < UNITS[tail] < 10:
            return float(TENS[head] + UNITS[tail])
    return None


def words_value(words: list[str]) -> float | None:
    """A run of number words ("two thousand nine hundred", "one hundred and five")."""
    total = current = 0.0
    seen = False
    for word in words:
        lower = word.lower()
        if lower == "and" and seen:
            continue
        if lower in SCALES:
            current = max(current, 1.0) * SCALES[lower]
            if SCALES[lower] >= 1000:
                total, current = total + current, 0.0
            seen = True
            continue
        value = word_value(lower)
        if value is None:
            return None
        current += value
        seen = True
    return total + current if seen else None


def _is_number_word(text: str) -> bool:
    lower = text.lower()
    return word_value(lower) is not None or lower in SCALES


def _approx_before(tokens, start: int) -> str:
    """The hedge just before a number: 'nearly', 'more than', 'well over'."""
    before = " ".join(t.lower_ for t in tokens[max(0, start - 2):start])
    for phrase in sorted(APPROX, key=len, reverse=True):
        if before == phrase or before.endswith(" " + phrase):
            return phrase
    return ""


def find_mentions(tokens) -> list[Mention]:
    """Every number mention in a spaCy Doc or Span, left to right, not overlapping."""
    mentions: list[Mention] = []
    i, n = 0, len(tokens)
    while i < n:
        mention = _mention_at(tokens, i)
        if mention is None:
            i += 1
            continue
        mentions.append(mention)
        i = mention.end
    return mentions


def _number_run(tokens, i: int) -> tuple[int, list[str]]:
    """The end of a run of number words and numerals from token i, with its words:
    "two thousand nine hundred", "one hundred and five", "twenty-five" (which the
    tokenizer may split at the hyphen)."""
    n, j, words = len(tokens), i, []
    while j < n:
        token = tokens[j]
        if _is_number_word(token.text):
            words.append(token.text)
            j += 1
            if _DIGITS.match(words[-1]) and _spaced_thousands(tokens, j, words[-1]):
                words[-1] += tokens[j + 1].text  # '£50, 000': text re-typed or tokenised
                j += 2
            if _DIGITS.match(words[-1]) and not (j < n and tokens[j].lower_ in SCALES):
                break
            continue
        joins = j + 1 < n and words and _is_number_word(tokens[j + 1].text)
        if joins and token.lower_ == "and":
            j += 1
            continue
        if joins and token.text == "-" and words[-1].lower() in TENS and tokens[j + 1].lower_ in UNITS:
            words[-1] = f"{words[-1]}-{tokens[j + 1].text}"
            j += 2
            continue
        break
    return j, words


def _spaced_thousands(tokens, j: int, digits: str) -> bool:
    """A thousands separator followed by a stray space ('50, 000'): the comma ends a
    one-to-three-digit group and exactly three digits follow, which no list of figures
    ('5, 10 and 20') writes."""
    return (j + 1 < len(tokens) and tokens[j].text == "," and re.fullmatch(r"\d{1,3}", digits) is not None
            and re.fullmatch(r"\d{3}", tokens[j + 1].text) is not None)


def _mention_at(tokens, i: int) -> Mention | None:
    token = tokens[i]
    text = token.text
    lower = token.lower_
    n = len(tokens)
    currency = ""
    start = i
    if text in CURRENCY and i + 1 < n and (tokens[i + 1].like_num or _DIGIT_SUFFIX.match(tokens[i + 1].text)):
        currency = CURRENCY[text]
        i += 1
        token, text, lower = tokens[i], tokens[i].text, tokens[i].lower_
    suffixed = _DIGIT_SUFFIX.match(text)
    if suffixed:
        value = float(suffixed.group(1)) * SUFFIX_SCALE[suffixed.group(2).lower()]
        return Mention(start, i + 1, value, "money" if currency else "cardinal", currency,
                       _approx_before(tokens, start))
    ordinal = _ORDINAL_DIGITS.match(text)
    if ordinal or lower in ORDINALS:
        value = float(ordinal.group(1)) if ordinal else float(ORDINALS[lower])
        if lower in ("second",) and not (i + 1 < n and tokens[i + 1].pos_ in ("NOUN", "ADJ")):
            return None  # "a second" / "every second" are rarely counts
        fraction = lower in FRACTIONS and i > 0 and (
            tokens[i - 1].lower_ in ("a", "one") or _is_number_word(tokens[i - 1].text))
        if not fraction:  # "one fifth" is a fraction: read below
            return Mention(start, i + 1, value, "ordinal", approx=_approx_before(tokens, start))
    if lower == "half" and not (i > 0 and _is_number_word(tokens[i - 1].text)):
        begin = i - 1 if i > 0 and tokens[i - 1].lower_ in ("a", "one") else i
        return Mention(begin, i + 1, 50.0, "percent", approx=_approx_before(tokens, begin))
    if lower in FRACTIONS and i > 0:
        prev = tokens[i - 1].lower_
        numerator = 1.0 if prev in ("a", "an", "one") else word_value(prev)
        if numerator is not None:
            begin = i - 1
            return Mention(begin, i + 1, numerator * FRACTIONS[lower] * 100, "percent",
                           approx=_approx_before(tokens, begin))
    if not (_is_number_word(text) and lower not in SCALES) and not _DIGITS.match(text):
        return None
    j, words = _number_run(tokens, i)
    value = words_value(words)
    if value is None:
        return None
    hyphen = j + 1 < n and tokens[j].text == "-" and tokens[j + 1].lower_ in FRACTIONS
    if hyphen or (j < n and tokens[j].lower_ in FRACTIONS):
        k = j + 1 if hyphen else j
        return Mention(start, k + 1, value * FRACTIONS[tokens[k].lower_] * 100, "percent",
                       approx=_approx_before(tokens, start))  # "two thirds", "two-thirds"
    if j < n and tokens[j].lower_ in ("m", "bn", "k") and tokens[j].idx == tokens[j - 1].idx + len(tokens[j - 1].text):
        value *= SUFFIX_SCALE[tokens[j].lower_]  # "2m" split by the tokenizer
        j += 1
    elif j < n and tokens[j].lower_ in ("million", "billion") and currency:
        value *= SUFFIX_SCALE[tokens[j].lower_]
        j += 1
    # "one in five"
    denominator = word_value(tokens[j + 1].text) if j + 1 < n and tokens[j].lower_ == "in" else None
    if denominator and value < denominator <= 100:  # 'one in five', not 'Stage 2 in 2014'
        return Mention(start, j + 2, 100 * value / denominator, "percent",
                       approx=_approx_before(tokens, start))
    if j < n and (tokens[j].text == "%" or tokens[j].lower_ in ("percent", "per")):
        end = j + 1
        if tokens[j].lower_ == "per" and j + 1 < n and tokens[j + 1].lower_ == "cent":
            end = j + 2
        if tokens[j].lower_ != "per" or end == j + 2:
            return Mention(start, end, value, "percent", approx=_approx_before(tokens, start))
    sort = "money" if currency else "cardinal"
    return Mention(start, j, value, sort, currency, _approx_before(tokens, start))
