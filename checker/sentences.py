"""Where a sentence ends: one rule for every module that splits text without parsing it.

A sentence ends where a reader sees the next one start: at a full stop, question mark
or exclamation mark (with any closing quotation marks or brackets after it), then white
space, then a capital letter, a digit, or an opening quotation mark or bracket.  So none
of these ends a sentence:

* a decimal point, or a stop inside an abbreviation ('7.0%', '£1.2bn', the first stops
  of 'e.g.' and 'U.K.'): no space follows it;
* a stop before lower case ('e.g. the council', 'approx. half', '"Why?" she asked'):
  the sentence goes on;
* a title before a name, a Latin abbreviation, or 'No.' before a number ('Mr. Smith',
  'Dr. Jones', 'St. Helens', 'e.g. Ofsted', 'No. 10'; but 'Was it? No. It was not.').

An ellipsis ('…' or '...') ends a sentence as a stop does, when the next starts there
('acting… She's a really good social worker'); before lower case it marks words left
out ('all of the time… we refuse to accept').  A single capital before a stop is no
initial: reports end sentences on one ('grades D to G.', 'see Annex A.') more often
than they write a name with initials.

The rule works within one line, as reports and articles are read one paragraph to a
line; a caller reading a whole article splits it into lines first, so a headline, which
has no stop, ends at its line.

Asking for ``clauses`` also ends a piece at a semicolon and the space after it,
whatever follows (a clause after a semicolon starts in lower case): for a caller that
reads each of a sentence's claims on its own.

spaCy's sentences stay where text is parsed anyway (the article's paragraphs, a source's
figures); this is the rule for text that is not.
"""

from __future__ import annotations

import re

_CLOSERS = "\"'”’)\\]"
_STARTS = "A-Z0-9\"“'‘("
_STOP = rf"[.!?…][{_CLOSERS}]*(?=\s+[{_STARTS}])"
_SENTENCE_END = re.compile(rf"(?P<mark>{_STOP})\s+")
_CLAUSE_END = re.compile(rf"(?P<mark>{_STOP}|;)\s+")
# words whose full stop ends no sentence: titles before a name, Latin abbreviations;
# and 'No.' before a number
_TITLES = frozenset("Mr Mrs Ms Dr Prof St Cllr Rev Sgt e.g i.e cf vs".split())
_NUMBER_SIGNS = frozenset({"No", "Nos"})
_WORD_BEFORE = re.compile(r"(?<![\w.])[\w.]{1,4}$")  # as long as the longest of them


def split_sentences(text: str, *, clauses: bool = False) -> list[str]:
    """The sentences of ``text`` (one line of it) in order, as written, without the white
    space between them; ``clauses``: split at semicolons too."""
    pieces, start = [], 0
    for end in (_CLAUSE_END if clauses else _SENTENCE_END).finditer(text):
        if _abbreviated(text, end):
            continue
        pieces.append(text[start:end.end("mark")])
        start = end.end()
    pieces.append(text[start:])
    return pieces


def _abbreviated(text: str, end: re.Match) -> bool:
    """Is the stop that ``end`` found a title's or an abbreviation's, not a sentence's?"""
    stop = end.start()
    if text[stop] != ".":
        return False
    word = _WORD_BEFORE.search(text, max(0, stop - 4), stop)
    return word is not None and (word.group() in _TITLES
                                 or word.group() in _NUMBER_SIGNS and text[end.end():end.end() + 1].isdigit())
