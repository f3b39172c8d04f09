"""Does an article name the source's subject, and which other subjects does it name?

Articles name a subject their own way: "Field Place" for Field Place Infant School,
"Lowdham Grange" for HMP Lowdham Grange, "the CQC" for the Care Quality Commission,
"inflation" for consumer price inflation.  So a named subject is matched by the words
that tell it from others of its kind (and its codes: an acronym, a URN), a council
also allowing a misspelling, and a statistic by its topic, which a headline states in
everyday words.
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz

from checker.compare.scope import place_word, same_authority
from checker.extract.names import COUNCIL
from checker.ingest.subjects import TOPIC_FAMILIES as _TOPIC_FAMILIES, key_words, named_subjects, whole_name
from checker.model import Subject
from checker.textnorm import fold

# Words of a statistic's title that say where or how, not what.
_TITLE_ONLY = frozenset(
    "uk england wales scotland northern ireland great britain the in of and for by overview "
    "bulletin statistics statistical release estimate estimates first second third quarterly "
    "monthly annual national accounts index indices measures".split())


def _title_topic(subject: Subject) -> str:
    words = [w for w in re.findall(r"[a-z]+", fold(subject.name)) if w not in _TITLE_ONLY]
    return " ".join(words)


def _cue_spans(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Where a folded text uses a topic word of a family, a word inside a longer one of
    another family left out: 'house prices' is the house price index's, not 'prices'."""
    found = [(m.start(), m.end(), family) for family in _TOPIC_FAMILIES for cue in family
             for m in re.finditer(rf"\b{re.escape(cue)}", text)]
    return [(a, b, family) for a, b, family in found
            if not any(c <= a and b <= d and (d - c) > (b - a) and other is not family
                       for c, d, other in found)]


def _families(phrase: str) -> list[tuple[str, ...]]:
    used = {family for _, _, family in _cue_spans(phrase)}
    return [family for family in _TOPIC_FAMILIES if family in used]


def _coordinated(subject: Subject) -> list[str]:
    """Each of two things a title names with one word: 'permanent exclusions' and
    'fixed-period exclusions' of 'Permanent and fixed-period exclusions in England'."""
    found = []
    for m in re.finditer(r"\b([a-z][a-z-]+) and ([a-z][a-z-]+) ([a-z]+)\b", fold(subject.name)):
        if m.group(3) not in _TITLE_ONLY and m.group(1) not in _TITLE_ONLY:
            found += [f"{m.group(1)} {m.group(3)}", f"{m.group(2)} {m.group(3)}"]
    return found


def _proper_names(subject: Subject) -> list[str]:
    """The names a statistic's title holds ('Mental Health Act' of 'Uses of the Mental
    Health Act'): an article names the statistic by them."""
    runs = re.findall(r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)+", subject.name)
    return [fold(r) for r in runs if any(w not in _TITLE_ONLY for w in fold(r).split())]


def _family_text(subject: Subject) -> str:
    """What a statistic's families are read from: its title's topic and its whole name
    ('A&E' and 'accident and emergency' keep the marks and small words the topic drops)."""
    return f"{_title_topic(subject)} {fold(subject.name)}"


def topic_words(subject: Subject) -> tuple[str, ...]:
    """The words an article about a statistic uses for it: its title's topic as a phrase
    ('consumer price inflation', 'labour market') and the everyday words of its family
    ('inflation', 'prices', 'cost of living')."""
    phrase = _title_topic(subject)
    found = [phrase] if phrase else []
    found.extend(name for name in _proper_names(subject) + _coordinated(subject) if name not in found)
    for family in _families(_family_text(subject)):
        found.extend(cue for cue in family if cue not in found)
    return tuple(found)


def topic_key(subject: Subject) -> str:
    """What one statistic's releases share whatever their titles: its topic family
    ('Employment in the UK' and 'Labour market overview, UK' are one statistic), else its
    title's topic phrase."""
    phrase = _title_topic(subject)
    families = _families(_family_text(subject))
    return families[0][0] if families else phrase


_GAP = r"\W+(?:(?:the|of|and|in|for|a|an|to|under)\W+)*"


def _topic_pattern(word: str) -> str:
    """A topic phrase, with small words allowed between its words."""
    return r"\b" + _GAP.join(map(re.escape, word.split()))


def names_topic(text: str, subject: Subject) -> list[str]:
    """The topic words of a statistic a text uses, a phrase also with small words between
    its words ('detentions under the Mental Health Act' for 'detentions mental health act'),
    never inside a longer topic word of another statistic ('house prices' names the house
    price index, not consumer prices)."""
    folded = fold(text)
    mine = set(_families(_family_text(subject)))
    foreign = [(a, b) for a, b, family in _cue_spans(folded) if family not in mine]
    named = []
    for word in topic_words(subject):
        pattern = _topic_pattern(word)
        if any(not any(a <= m.start() and m.end() <= b and (b - a) > (m.end() - m.start()) for a, b in foreign)
               for m in re.finditer(pattern, folded)):
            named.append(word)
    return named


def _key_pattern(subject: Subject) -> str:
    """A subject's distinguishing words as a text writes them, with the linking words its
    name has between them ('Avon and Somerset Police' for Avon and Somerset
    Constabulary, whose distinguishing words are 'avon somerset')."""
    words = key_words(subject).split()
    return r"\b" + r"(?:,?\s+(?:and|&|of|upon|on|for)\s+|,?\s+)".join(map(re.escape, words)) + r"\b"


# a capitalised word (not a sentence's opening word) just before a name makes it part of a
# longer one: 'HM Prison and Probation Service' is not the Probation Service
_LONGER_NAME = re.compile(r"(?<![\w'’-])(?!(?:The|A|An|This|That|Its|Their|Our|His|Her)\b)[A-Z][\w'’-]*"
                          r"[ \t]+(?:(?:and|&|of|for)[ \t]+)?$")


def own_mentions(body: str, subject: Subject) -> int:
    """How often an article names the source's subject: its distinguishing words or its
    codes; a council also by a misspelt council name, and its place never inside another
    body's name ('Taunton and Somerset NHS Foundation Trust' is not Somerset Council); a
    study by its journal's name as written, and what a report is about by its whole name
    ('the Probation Service', not 'probation' nor 'HM Prison and Probation Service')."""
    if subject.kind == "council":
        for other, start in named_subjects(body):
            if other.kind != "council":
                body = body[:start] + " " * len(other.name) + body[start + len(other.name):]
        place = place_word(subject.name)
        own = len(re.findall(rf"\b{re.escape(place)}\b", body, re.I))
        return own + sum(1 for m in COUNCIL.finditer(body)
                         if same_authority(m.group(0), subject.name) and place.lower() not in m.group(0).lower())
    if subject.kind == "study":  # a journal's name, as written ('Nature', not 'the nature of')
        return len(re.findall(whole_name(subject.name), body))
    if subject.kind == "report":  # what a report is about, by its whole name, never inside a longer one
        return sum(1 for m in re.finditer(whole_name(subject.name), body, re.I)
                   if not _LONGER_NAME.search(body[max(0, m.start() - 40):m.start()]))
    folded = fold(body).replace("-", " ").replace("’", "'")
    count = len(re.findall(_key_pattern(subject), folded))
    for _, code in subject.identifiers:
        count += len(re.findall(rf"\b{re.escape(code)}\b", body))
    return count


def is_source_subject(other: Subject, subject: Subject) -> bool:
    """Is a subject the article names the source's own (allowing a misspelling)?"""
    if subject.kind == "council" and other.kind == "council":
        return same_authority(other.name, subject.name)
    if any(code == other.name or (kind, code) in other.identifiers for kind, code in subject.identifiers):
        return True
    mine, theirs = key_words(subject), key_words(other)
    return bool(mine) and (fuzz.ratio(mine, theirs) >= 85 or re.search(rf"\b{re.escape(mine)}\b", theirs) is not None)


def other_subjects(body: str, subject: Subject) -> Counter[str]:
    """The subjects an article names that are not the source's, with how often."""
    return Counter(s.name for s, _ in named_subjects(body) if not is_source_subject(s, subject))


def topic_counts(text: str, subject: Subject) -> tuple[int, str, int]:
    """How often a text names a statistic (its topic words, each place once), and the
    other statistic it names most, with how often ('house prices' three times in a
    story on the house price index, 'prices' once)."""
    folded = fold(text)
    mine = set(_families(_family_text(subject)))
    foreign: Counter[tuple[str, ...]] = Counter()
    taken: list[tuple[int, int]] = []
    for a, b, family in _cue_spans(folded):
        if family not in mine and not any(c <= a < d for c, d in taken):
            foreign[family] += 1
            taken.append((a, b))
    own = set()
    for word in topic_words(subject):
        for m in re.finditer(_topic_pattern(word), folded):
            if not any(c <= m.start() < d for c, d in taken):
                own.add(m.start())
    starts = sorted(own)
    own_count = sum(1 for k, start in enumerate(starts) if k == 0 or start >= starts[k - 1] + 3)
    if not foreign:
        return own_count, "", 0
    family, count = foreign.most_common(1)[0]
    return own_count, family[0], count
