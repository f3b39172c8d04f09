"""Names of authorities, bodies and people, so that a misspelt or a different authority
shows.  spaCy's entities are joined by a pattern for council names, which the small
model often splits ("Somerst County Council" is not a known place)."""

from __future__ import annotations

import re

from checker.model import EntityRef
from checker.textnorm import STOPWORDS

COUNCIL = re.compile(
    r"\b(?!(?:The|A|An|Now|In|At|By|For|And|But|So|Then|When|While)\b)"
    r"(?:[A-Z][a-z]+(?:-(?:on|upon|under|in)-|\s+(?:and|upon|on)\s+|\s+|-)){1,5}?"
    r"(?:County\s+|City\s+|Borough\s+|District\s+|Metropolitan\s+Borough\s+)?Council\b")
_LABELS = {"ORG", "GPE", "PERSON"}
_TITLES = re.compile(r"^(?:the|mr|mrs|ms|dr|councillor|cllr)\s+", re.I)


def find_names(sentence) -> list[tuple[EntityRef, int, int]]:
    """Names in one spaCy sentence, with character ranges in its document."""
    found: dict[tuple[int, int], EntityRef] = {}
    # cut from the sentence's own text: a spaCy Doc builds its whole text on every
    # access, and each sentence of a long paragraph asked for it
    own, base = sentence.text, sentence.start_char

    def text_at(start: int, end: int) -> str:
        return own[start - base:end - base]

    for match in COUNCIL.finditer(own):
        start = base + match.start()
        found[(start, start + len(match.group(0)))] = EntityRef(match.group(0), "ORG")
    for ent in sentence.ents:
        if ent.label_ not in _LABELS:
            continue
        name = re.sub(r"['’]s?$", "", _TITLES.sub("", ent.text)).strip()
        if len(name) < 3 or not name[:1].isupper() or not is_name(name):
            continue
        start = ent.start_char + ent.text.index(name) if name in ent.text else ent.start_char
        span = (start, start + len(name))
        if any(a <= span[0] and span[1] <= b for a, b in found):
            continue
        found[span] = EntityRef(text_at(*span), ent.label_)
    for start, end in _title_runs(sentence):
        if is_name(text_at(start, end)) and not any(a <= start < b or a < end <= b for a, b in found):
            found[(start, end)] = EntityRef(text_at(start, end), "NAME")
    return [(ref, a, b) for (a, b), ref in sorted(found.items())]


# Capitalised words that name no one in particular ("the Council", "Cabinet").
_GENERIC = frozenset(
    "council cabinet children government department board service services committee "
    "chief executive minister authority county city borough district report inspectors".split())


def is_name(text: str) -> bool:
    """Worth checking as a name: not a lone generic word, not a pronoun-led fragment
    ('While I')."""
    words = text.split()
    if words[0].lower() in STOPWORDS:
        return False
    return not all(w.lower().strip("’'s") in _GENERIC for w in words)


def _title_runs(sentence) -> list[tuple[int, int]]:
    """Runs of two or more capitalised words the model did not tag ('Troubled Families
    Programme'): names too, and the ones a misspelling hides from the model."""
    runs, run = [], []
    for token in sentence:
        if token.is_title and token.is_alpha and not (token.i == sentence.start and token.pos_ != "PROPN"):
            run.append(token)
            continue
        if len(run) >= 2:
            runs.append((run[0].idx, run[-1].idx + len(run[-1].text)))
        run = []
    if len(run) >= 2:
        runs.append((run[0].idx, run[-1].idx + len(run[-1].text)))
    return runs
