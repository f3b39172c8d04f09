"""Is a document's text whole, or does it stop short?

A page fetched or stored only in part, a PDF whose extraction broke off, a copy pasted
up to a limit: their text stops in the middle of a sentence ("... which began in
January 2006. Th").  Of such a source, "it does not say X" cannot be known: X may be
in the part that is missing.  Findings of absence are then notes, not warnings.
"""

from __future__ import annotations

import re

_PROSE_LINE = 40  # characters: a shorter last line is a footer, a heading, a signature
_ENDS_SENTENCE = re.compile(r"[.!?:;)\]\"'\u201d\u2019\u2026]$")


# words no sentence, heading or footer ends on: a text that stops on one stops short
_OPEN_WORD = re.compile(r"\b(?:the|a|an|of|to|in|on|at|by|for|with|from|and|or|but|that|which|who|"
                        r"whose|than|as|is|are|was|were|be|been|has|have|had|their|its|our|this|these)$",
                        re.I)


# a heading or a list item, with nothing under it: no document ends on one; a footer has
# its year, page number, postcode or ©, and an end mark is in capitals ("ENDS")
_OPENS_MORE = re.compile(r"^(?:[-*•·▪–]\s*)?[A-Z](?=.*[a-z])[^\d©@|/]*$")


def stops_mid_sentence(text: str) -> bool:
    """Does the text end inside a sentence of prose: a long last line that no sentence
    mark closes, any last line that stops on a word no sentence ends on ("• ensuring
    that"), or a heading or list item with nothing after it ("Inspectors found the
    following areas", "• Develop")?  A footer ('© Crown copyright 2015', a page number,
    an address) ends many a complete report and says nothing either way."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines:
        return False
    last = lines[-1]
    if _ENDS_SENTENCE.search(last):
        return _inside_quotation(last)
    return ends_open(last) or len(last) >= _PROSE_LINE or bool(_OPENS_MORE.match(last))


def _inside_quotation(line: str) -> bool:
    """Does a text's last paragraph open a quotation it never closes ("The Chair of
    Governors said: 'While we fully accept the report's findings, we also recognise ...
    over the past 18 months.")?  A quotation runs on over paragraphs unclosed, but the
    last one closes it: the text stops inside.  A right single quotation mark between
    letters is an apostrophe ("the report’s"), not a close."""
    if line.count('"') % 2:
        return True
    for opening, closing in (("\u201c", "\u201d"), ("\u2018", "\u2019")):
        at = line.rfind(opening)
        if at >= 0 and not re.search(rf"{closing}(?![A-Za-z])", line[at + 1:]):
            return True
    return False


def ends_open(text: str) -> bool:
    """Does a text stop on a word no sentence ends on, no sentence mark after it
    ("Inspectors said the Force is", "not always protected from the risk of abuse, and")?"""
    text = text.rstrip()
    return not _ENDS_SENTENCE.search(text) and bool(_OPEN_WORD.search(text))
