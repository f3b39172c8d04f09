"""Text folding shared by alignment, comparison and evaluation.

Articles and reports differ in typography that carries no meaning: curly against
straight quotes, en dashes, non-breaking spaces, ligatures from PDF extraction.  Every
comparison goes through :func:`fold` first so that only wording counts.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    }
)
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[a-z0-9£$€%]+(?:['\-.][a-z0-9]+)*")
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"


def fold(text: str) -> str:
    """NFKC, quote and dash folding, white space folded, lower case."""
    text = unicodedata.normalize("NFKC", text.translate(_QUOTES)).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().lower()


def fold_keep_offsets(text: str) -> str:
    """Quote, dash and space folding and lower case, one character for one, so offsets
    into the result are offsets into ``text`` (for locating a quotation)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text.translate(_QUOTES))


def as_written(phrase: str, text: str) -> str:
    """A folded phrase ('somerst county') as ``text`` spells it ('Somerst County'), for
    messages that quote each side in its own words; the phrase itself if not found."""
    pattern = r"\W+".join(re.escape(word) for word in phrase.split())
    match = re.search(pattern, fold_keep_offsets(text)) if pattern else None
    return text[match.start():match.end()] if match else phrase


_FOOTNOTE_MARK = re.compile(r"(?<=[^\W\d])[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


def words(text: str) -> list[str]:
    """The folded words of a text, apostrophes and hyphens kept inside words; a raised
    footnote mark on a word ('Board¹') is not part of it."""
    return _WORD.findall(fold(_FOOTNOTE_MARK.sub("", text)).replace("'s ", " ").replace("'s", ""))


STOPWORDS = frozenset(
    """a an the of to in on at for by with from and or but if as is are was were be been
    being has have had do does did not no it its this that these those there their they
    them he she his her we our you your i me my which who whom whose what when where why
    how than then so such too very can could would should will shall may might must also
    into over under about after before since until while all any some more most other
    only own same just out up down off again further once here both each few s""".split()
)


def content_words(text: str) -> list[str]:
    """Folded words without stop words: what alignment scores on."""
    return [w for w in words(text) if w not in STOPWORDS]


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light suffix-stripper: enough to meet 'directors' with 'director' and 'improved'
    with 'improvement', without a stemming library whose rules would also merge
    unrelated words."""
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix in ("ments", "ment", "ings", "ing", "ied", "ies", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
            break
    else:
        if word.endswith(("sses", "xes", "ches", "shes", "zes")):
            word = word[:-2]
        elif word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


@lru_cache(maxsize=1 << 14)
def stem_set(text: str) -> frozenset[str]:
    """The stems of a text as a set, cached: source sentences are compared again and again."""
    return frozenset(stems(text))


def stems(text: str) -> list[str]:
    return [stem(w) for w in content_words(text)]


_BREAKS = str.maketrans({"\r": "\\r", "\n": "\\n", "\x85": "\\x85", "\u2028": "\\u2028",
                         "\u2029": "\\u2029"})


def one_line(text: str) -> str:
    """Text for a line of output with its line breaks shown as escapes, so that nothing
    an input chose (a file named 'a\\n::error::x.md') can begin a line of its own: a
    GitHub workflow command, a forged finding."""
    return text.translate(_BREAKS)


def as_quoted(value: str, text: str) -> str:
    """" ('the article's words')" after a value a message states, or '' when the words
    are the value itself: "rates overall 'good'", never "'good' ('good')"."""
    return "" if fold(text).strip(" '\"‘’“”") == fold(value).strip() else f" ('{text}')"
