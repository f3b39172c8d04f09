"""Names and terms the source spells differently by a letter or two.

A sub-editor's rule, applied generally: a name or a two-word term that the source never
uses, where the source does use the same name, or repeatedly the same term, with one word
a letter or two away ("Somerst County Council", "care leaders" for "care leavers").
Inflections ("leaver"/"leavers") are not differences.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from checker.compare.rules import MisspeltName
from checker.match.index import SourceIndex
from checker.model import Claim, Evidence, Finding
from checker.textnorm import STOPWORDS, as_written, stem, words

MIN_USES = 2  # how often the source must use a term for it to be the established one
MIN_LENGTH = 5


def _close(a: str, b: str) -> bool:
    if a == b or stem(a) == stem(b) or a[0] != b[0] or min(len(a), len(b)) < MIN_LENGTH:
        return False
    limit = 1 if max(len(a), len(b)) < 8 else 2
    return Levenshtein.distance(a, b) <= limit and not _other_form(a, b)


# endings that make another word of the same root: "inspector" and "inspection" are two
# words, not one misspelt ("Somerst" for "Somerset" differs in no such ending)
_ENDINGS = frozenset("or ors er ers ion ions ing ings ive ives ed al ally ist ists ism ment ments "
                     "ance ence ant ent ity ities y ies".split())


def _other_form(a: str, b: str) -> bool:
    """Do two words share their root and differ only in a word ending each ("inspector",
    "inspection"; "recorder", "recording")?"""
    common = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return common >= MIN_LENGTH - 1 and a[common:] in _ENDINGS and b[common:] in _ENDINGS


@lru_cache(maxsize=8)
def _established_words(index: SourceIndex) -> dict[str, list[str]]:
    """Words the source uses repeatedly, and proper names it uses at all (an inspector
    named once is still spelt one way), by first letter (a misspelling keeps it)."""
    proper = {w.lower() for p in index.passages for w in _PROPER.findall(p.text)}
    by_letter: dict[str, list[str]] = {}
    for word, count in index.vocabulary.items():
        if (count >= MIN_USES or word in proper) and len(word) >= MIN_LENGTH:
            by_letter.setdefault(word[:1], []).append(word)
    return by_letter


_PROPER = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]+")  # capitalised inside a sentence


@lru_cache(maxsize=8)
def _neighbours(index: SourceIndex) -> tuple[dict, dict]:
    following: dict[str, set[str]] = {}
    preceding: dict[str, set[str]] = {}
    for (w1, w2), count in index.bigrams.items():
        if count >= MIN_USES:
            following.setdefault(w1, set()).add(w2)
            preceding.setdefault(w2, set()).add(w1)
    return following, preceding


def near_misses(text: str, index: SourceIndex) -> list[tuple[str, str]]:
    """(article phrase, source phrase) pairs for terms spelt differently from the source."""
    tokens = words(text)
    following, preceding = _neighbours(index)
    found: list[tuple[str, str]] = []
    for w1, w2 in zip(tokens, tokens[1:]):
        if (w1, w2) in index.bigrams or w1 in STOPWORDS or w2 in STOPWORDS:
            continue
        for x in sorted(following.get(w1, ())):
            if _close(w2, x):
                found.append((f"{w1} {w2}", f"{w1} {x}"))
        for x in sorted(preceding.get(w2, ())):
            if _close(w1, x):
                found.append((f"{w1} {w2}", f"{x} {w2}"))
    return list(dict.fromkeys(found))


def _cite(index: SourceIndex, text: str) -> list[Evidence]:
    hits = index.exact(text)
    if not hits:
        return []
    passage = index.passages[hits[0]]
    return [Evidence(passage.id, passage.text, 1.0)]


def check_name(claim: Claim, index: SourceIndex) -> tuple[str, list[Finding], list[Evidence]]:
    if index.exact(claim.text):
        return "supported", [], _cite(index, claim.text)
    misses = near_misses(claim.text, index) or _other_form_of_name(claim.text, index)
    if not misses:
        established = _established_words(index)
        for word in (w for w in words(claim.text) if w not in index.vocabulary):
            known = next((k for k in established.get(word[:1], ()) if _close(word, k)), None)
            if known:
                misses.append((word, known))
    if not misses:
        return "not_in_source", [], []
    return "contradicted", [term_finding(claim, misses[0], index)], _cite(index, misses[0][1])


# a name of several capitalised words, joined by small words: 'Office for National
# Statistics', 'Her Majesty’s Inspectorate of Constabulary and Fire & Rescue Services'
_LINK = r"(?:of|for|and|&|the|on|in|upon)"
_NAME = re.compile(rf"[A-Z][\w’'-]*(?:\s+(?:{_LINK}\s+)*[A-Z][\w’'-]*)+")
_POSSESSIVE = re.compile(r"['’]s?$")


def _name_key(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(its words as written, folded, without possessive marks; those words without the
    small words): two names with the same words in the same order but other small words
    between are one name written two ways.  A word's other form is not ('Consumer Price
    Index' is as common as the ONS's 'Consumer Prices Index')."""
    written = tuple(_POSSESSIVE.sub("", w) for w in words(name) if w not in ("the",))
    return written, tuple(w for w in written if w not in STOPWORDS and w != "&")


@lru_cache(maxsize=8)
def _source_names(index: SourceIndex) -> dict[tuple[str, ...], set[tuple[str, ...]]]:
    """The source's names of three or more words, by those words: how it writes each."""
    by_words: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for passage in index.passages:
        for match in _NAME.finditer(passage.text):
            written, key = _name_key(match.group(0))
            if len(key) >= 3:
                by_words.setdefault(key, set()).add(written)
    return by_words


def _other_form_of_name(name: str, index: SourceIndex) -> list[tuple[str, str]]:
    """A body's name the source gives with other small words between its words, in the
    same order: 'Office of National Statistics' for the 'Office for National Statistics',
    'Department of Education' for the 'Department for Education'.  A sub-editor puts the
    name as the body writes it; the same words in another order ('Oxford University') are
    another usage, not a slip."""
    written, key = _name_key(name)
    if len(key) < 3:
        return []
    forms = _source_names(index).get(key, set())
    if not forms or written in forms:
        return []
    source = sorted(forms)[0]
    return [(" ".join(written), " ".join(source))]


def term_finding(claim: Claim, miss: tuple[str, str], index: SourceIndex) -> Finding:
    """The finding for a near-miss, quoting each side as it is written there."""
    article = as_written(miss[0], claim.text)
    source = next((as_written(miss[1], index.passages[i].text) for i in index.exact(miss[1])), miss[1])
    message = (f"'{article}' is not in the source, which has '{source}': "
               f"a misspelling or a misreading?")
    return MisspeltName.finding(claim, message, article_value=article, source_value=source)

