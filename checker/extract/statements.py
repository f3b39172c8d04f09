"""Check-worthy sentences: the statements a sub-editor would hold against the source.

Every body sentence of some substance is one, whether or not it also holds a figure or
a date, because what it asserts ("Ofsted has found no improvement") is itself checkable.
Sentences that are quotations are left to the quotation reader, unless an outside
speaker is reporting what the report says ("The report does praise ...").
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.ingest.completeness import ends_open, stops_mid_sentence

_ABOUT_SOURCE = re.compile(r"\b(the report|ofsted|inspectors?|the inspection)\b", re.I)
_MIN_WORDS = 5
_SOURCE_NOUNS = (r"(?:the\s+|its\s+|new\s+|latest\s+|official\s+|today's\s+)*(?:\w+\s+)?(?:report|bulletin|release|figures|data|"
                 r"statistics|stats|survey|review|inspection|inspectors?|study|analysis|estimates?|watchdog|regulator)"
                 r"|the\s+(?:ONS|Office\s+for\s+National\s+Statistics|Ofsted|CQC|Care\s+Quality\s+Commission)|ONS|Ofsted|CQC")
_CITES_SOURCE = re.compile(
    rf"\baccording\s+to\s+(?:{_SOURCE_NOUNS})\b|"
    rf"\b(?:{_SOURCE_NOUNS})\s+(?:\w+\s+)?(?:show(?:s|ed|n)?|f[oi]und|finds|revea?l(?:s|ed)?|sa(?:id|ys|y)|suggest(?:s|ed)?|"
    rf"indicat(?:e|es|ed)|put|puts|estimat(?:e|es|ed)|record(?:s|ed)?|confirm(?:s|ed)?)\b|"
    rf"\b(?:published|released)\s+(?:by|on|today|yesterday|this\s+week)\b", re.I)


# a list item's mark is layout, not words of the statement: '• Sexual crimes increased by 11 per cent'
_LIST_MARK = re.compile(r"^[•·▪◦*–-]\s+")


def without_list_mark(text: str) -> str:
    """A sentence without the mark of the list item it stands in."""
    return _LIST_MARK.sub("", text)


def is_check_worthy(text: str, last: bool = False) -> bool:
    """A sentence of some substance that asserts something, and whole: a question asserts
    nothing, and a sentence cut short (stopping on a word no sentence ends on, or, as
    the ``last`` of an article whose text stops mid-sentence, on anything) says less than
    its writer did, so neither can be held to the source.  Its figures, dates and names
    are still claims of their own."""
    words = re.findall(r"[A-Za-z]+", text)
    if len(words) < _MIN_WORDS or text.rstrip().endswith("?"):
        return False
    return not (ends_open(text) or (last and stops_mid_sentence(text)))


def about_source(text: str) -> bool:
    return bool(_ABOUT_SOURCE.search(text))


@lru_cache(maxsize=1024)
def cites_source(text: str) -> bool:
    """Does a sentence give its figures as the source's ("ONS figures show", "the report
    found", "according to the bulletin")?  Then a figure the source lacks is the
    article's error, not a number from elsewhere.  Cached: every figure of a sentence
    asks, and searching a long sentence once a figure made its cost grow as its square."""
    return bool(_CITES_SOURCE.search(text))
