"""What a report is about, read the way a reader finds it: from the title, the headings
and the opening lines.

A statistics release titles itself with its topic and edition ("Consumer price
inflation, UK: March 2022"); an inspection report or a publisher's page names its
subject near the top ("Field Place Infant School Ofsted Report", "HMP Lowdham Grange",
"Somerset County Council", "The Care Quality Commission (CQC) has today published").
The same name patterns find the subjects an article names, so the relation step can
tell an article about this school or this statistic from one about another.
"""

from __future__ import annotations

import re

from checker.model import Passage, Subject
from checker.sentences import split_sentences
from checker.textnorm import STOPWORDS, fold

HEAD_CHARS = 3000  # titles and opening lines; the body quotes other subjects
_WORD = r"(?:St\.?|[A-Z][\w'’.&-]*)"
_LINK = r"(?:[ \t]+(?:of|for|and|&|upon|de|la)[ \t]+|[ \t]+|-)"
_NAME = rf"{_WORD}(?:{_LINK}{_WORD}){{0,5}}"

# Each pattern's group 1 is the subject's name, as written.  Order is only a tie-break
# for names found at the same place.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("council", re.compile(
        r"\b((?:[A-Z][a-z]+(?:[ -](?:and|upon|on)[ -])?){1,3}[ \t]?"
        r"(?:County|City|Borough|District|Metropolitan Borough)?[ \t]?Council)\b")),
    ("health", re.compile(rf"\b({_NAME}[ \t]+NHS(?:[ \t]+Foundation)?[ \t]+Trust)\b")),
    ("health", re.compile(rf"\b({_NAME}[ \t]+(?:Hospitals?|Care Home|Nursing Home|Hospice))\b")),
    ("police", re.compile(rf"\b({_NAME}[ \t]+(?:Police|Constabulary))\b(?![ \t]+(?:and|Service|officers?)\b)")),
    ("prison", re.compile(rf"\b((?:HMP|HMYOI|HMP/YOI|HMP[ \t]*&[ \t]*YOI)[ \t]+{_NAME})\b")),
    ("prison", re.compile(rf"\b({_NAME})[ \t]+(?:prison|jail)\b")),
    ("school", re.compile(rf"\b({_NAME}[ \t]+(?:School|Academy|Nursery))\b")),
    ("provider", re.compile(rf"\b({_NAME}[ \t]+College)\b")),
    ("university", re.compile(rf"\b(University[ \t]+of[ \t]+{_WORD}(?:[ \t]+{_WORD})?|{_NAME}[ \t]+University)\b")),
    ("body", re.compile(rf"\b({_NAME})[ \t]+\(([A-Z][A-Za-z]{{1,6}})\)")),
)
# Words that say what kind of thing a subject is, not which one: they never tell two
# schools (or two trusts) apart.
_KIND_WORDS = frozenset(
    "the of and & council county city borough district metropolitan nhs foundation trust "
    "hospital hospitals care home nursing hospice police constabulary hmp hmyoi yoi prison "
    "jail school academy nursery infant infants junior primary secondary high community "
    "college university ofsted report inspection full".split())
# Capitalised words that open a sentence or a heading and name nothing.
_NOT_NAMES = frozenset(
    "a an the this that these those his her their its our your my inspectors inspection "
    "report full every each all most some many new first last next previous although "
    "while when after following meanwhile however despite since".split())
_URN = re.compile(r"\b(?:URN|Unique reference number)\s*:?\s*(\d{6,7})\b", re.I)
_EDITION = (r"(?:(?:year ending|financial year|quarter \d,?|Q\d)\s+)?"
            r"(?:[A-Z][a-z]+\s+(?:to|-|–)\s+)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d(?:\s*(?:to|-|–|/)\s*\d{2,4})?")
_STATISTIC_TITLE = re.compile(rf"^(?P<name>[A-Z][^:\n]{{2,100}}?):\s*(?P<edition>{_EDITION})"
                              r"(?:,\s*(?P<estimate>[a-z ]*estimate))?\s*$")
_MAIN_POINTS = re.compile(r"\bmain points\b|\bkey points\b|\bheadline", re.I)
# The words reporters use for the topics of the main official statistics: a release
# titled with any of a family's words is named by all of them.
TOPIC_FAMILIES = (
    ("price", "inflation", "cpi", "cpih", "rpi", "cost of living"),
    ("employment", "unemployment", "jobless", "labour market", "redundanc", "payroll", "vacanc"),
    ("gdp", "gross domestic product", "economy", "economic growth"),
    ("crime", "offences", "offenders"),
    ("a&e", "accident and emergency", "waiting list", "referral to treatment", "four-hour"),
)
# The opening of an untitled release says what it measures: 'The Consumer Prices Index
# (CPI) rose by 0.3% in the year to January 2016' under its 'Main points', 'The first
# quarterly estimate of UK gross domestic product (GDP) shows', 'New NHS data shows
# there have been 1.2 million more accident and emergency (A&E) attendances'.
_MEASURE = re.compile(r"^(?:The[ \t]+)?(?P<name>[A-Za-z][^.;:\n]{2,120}?)[ \t]+"
                      r"(?:shows?|rose|fell|grew|increased|decreased|was|were|is|are)\b")
_FIGURE = re.compile(r"\d(?:[.,]\d+)*\s*(?:%|per\s*cent\b|million\b|billion\b|thousand\b)", re.I)
_NEW_DATA = re.compile(r"^(?:New|Latest|Today['’]s|Official)[ \t]+(?:[A-Z][\w&]*[ \t]+)*"
                       r"(?:data|figures|statistics)[ \t]+(?:shows?|reveals?)\b")


def key_words(subject: Subject) -> str:
    """The words of a subject's name that tell it from others of its kind:
    'field place' of 'Field Place Infant School', 'lowdham grange' of 'HMP Lowdham Grange'."""
    words = fold(subject.name).replace("-", " ").replace("’", "'").split()
    return " ".join(w.strip(",.'") for w in words if w.strip(",.'") not in _KIND_WORDS)


def named_subjects(text: str) -> list[tuple[Subject, int]]:
    """Every subject a text names, with where (a character offset), in order."""
    found: dict[tuple[int, int], Subject] = {}
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            skipped, name = _trim(match.group(1))
            if not re.search(r"[A-Za-z]{3}", key_words(Subject(kind, name))):
                continue  # no word of its own: 'category B prison', 'the School'
            start = match.start(1) + skipped
            span = (start, start + len(name))
            if any(a <= span[0] and span[1] <= b for a, b in found):
                continue  # inside a name already found ('Exeter' of 'University of Exeter')
            identifiers = (("acronym", match.group(2)),) if kind == "body" else ()
            found = {s: v for s, v in found.items() if not (span[0] <= s[0] and s[1] <= span[1])}
            found[span] = Subject(kind, name, identifiers)
    return [(subject, start) for (start, _), subject in sorted(found.items())]


def _trim(name: str) -> tuple[int, str]:
    """A name without the sentence's opening words ('The', 'Although') or a possessive,
    and how many characters were cut from its front."""
    name = re.sub(r"['’]s?$", "", name)
    skipped = 0
    while (first := re.match(r"(\S+)[ \t]+", name[skipped:])) and (
            first.group(1).lower() in _NOT_NAMES or first.group(1).lower() in STOPWORDS
            or not first.group(1)[:1].isupper()):
        skipped += first.end()
    return skipped, name[skipped:]


def read_subject(text: str, passages: tuple[Passage, ...]) -> Subject | None:
    """The subject a report is about: a statistic titled with its edition, else the first
    subject named in its opening lines; None when the opening names none."""
    head = [p for p in passages if p.span.start < HEAD_CHARS]
    for passage in head[:3]:
        title = _STATISTIC_TITLE.match(passage.text.strip())
        if title:
            edition = title.group("edition")
            if title.group("estimate"):
                edition += ", " + title.group("estimate")
            return Subject("statistic", title.group("name").strip(), (), edition,
                           _reference_periods(head), passage.id)
    council = _council_title(head[:3])
    if council:
        return council
    measured = _measured(head)
    if measured:
        return measured
    for passage in head:
        named = named_subjects(passage.text)
        if named:
            subject = named[0][0]
            urn = _URN.search(text[:HEAD_CHARS * 2])
            identifiers = subject.identifiers + ((("urn", urn.group(1)),) if urn else ())
            return Subject(subject.kind, subject.name, identifiers, passage=passage.id)
    return None


_PLACE = r"[A-Z][a-z]+(?:(?:[ \t]+(?:of|upon|and|on|in|with)[ \t]+|,?[ \t]+|-)[A-Z][a-z]+){0,5}"
# How an Ofsted report on a council's children's services heads its first page: the
# council's name on a line of its own, 'Inspection of X local authority children's
# services', or, for a review of its safeguarding board, 'X Safeguarding Children Board'.
_COUNCIL_TITLES = (
    re.compile(rf"^({_PLACE}[ \t]+(?:(?:County|City|Borough|District|Metropolitan Borough)[ \t]+)?Council)$"),
    re.compile(rf"^Inspection of (?:the )?({_PLACE}) local authority children[’']s services\b"),
    re.compile(rf"^({_PLACE})(?:[ \t]+Local)?[ \t]+Safeguarding Children Board$"),
)


# Older reports head their first page with the place alone ('Wokingham', 'Metropolitan
# Borough of Rotherham') above the kind of inspection: the place is the council then.
_PLACE_LINE = re.compile(rf"^((?:(?:Metropolitan|London|Royal) Borough of |City of |County of )?{_PLACE})$")
_SERVICES_INSPECTION = re.compile(
    r"^(?:Re-)?inspection of services for children|^Review of the effectiveness of the Local Safeguarding", re.I)


def _council_title(head: list[Passage]) -> Subject | None:
    """A council named by the title of its children's services report ('Isle of Wight
    Council', 'Inspection of Bournemouth, Christchurch and Poole local authority
    children's services'): the whole line is the name, so a two-word place ('Cheshire
    East') is read whole, where a council named in running text is read from one word."""
    for passage in head:
        for pattern in _COUNCIL_TITLES:
            match = pattern.match(passage.text.strip())
            if match:
                return Subject("council", match.group(1), (), passage=passage.id)
    for place, kind in zip(head, head[1:]):
        match = _PLACE_LINE.match(place.text.strip())
        if match and _SERVICES_INSPECTION.match(kind.text.strip()):
            return Subject("council", match.group(1), (), passage=place.id)
    return None


def _cue(text: str) -> str | None:
    """The first topic word of an official statistic a sentence uses, as written."""
    folded = fold(text)
    found = [(m.start(), m.end()) for family in TOPIC_FAMILIES for cue in family
             if (m := re.search(rf"\b{re.escape(cue)}", folded))]
    if not found:
        return None
    start, end = min(found)
    return text[start:end] if len(folded) == len(text) else folded[start:end]


def _measured(head: list[Passage]) -> Subject | None:
    """An untitled release: a statistic named by the first sentence of its main points
    (the first lines of the page), or by a press release's 'New ... data shows'."""
    opening = [p for p in head[:4] if p.text.strip() and not _MAIN_POINTS.fullmatch(
        re.sub(r"^\d+\.\s*", "", p.text.strip()))]
    if not opening:
        return None
    first = opening[0]
    under_points = any(_MAIN_POINTS.search(p.text) for p in head[:2] if p.index < first.index) \
        or bool(_MAIN_POINTS.search(first.heading))
    sentence = split_sentences(first.text.strip())[0]
    if not _FIGURE.search(sentence):
        return None  # a release states its headline figure first; a report's 'crime recording is good' is no statistic
    if _NEW_DATA.match(sentence):
        cue = _cue(sentence)
        name = cue
    elif under_points and (measure := _MEASURE.match(sentence)) and _cue(measure.group("name")):
        name = measure.group("name").strip()
    else:
        return None
    if not name:
        return None
    return Subject("statistic", name, (), "", _reference_periods(head), first.id)


def has_year(period) -> bool:
    """Does a period (checker.extract.periods.Period) end in a stated year?"""
    return bool(period.end and period.end[:4].isdigit())


def windowed_periods(text: str) -> list:
    """The spans and run-ups a text states, in order ('the 12 months to March', 'June to
    August 2020', 'the second quarter'): what a statistic's figures are for, unlike a
    bare month or a calendar year ('since 1992')."""
    # imported here: the period reader takes its month names from checker.ingest.facts,
    # which reads the subject with this module
    from checker.extract.periods import find_periods

    return [p for p, _, _ in find_periods(text)
            if p.end and p.months and not re.fullmatch(r"(?:\w+\s+)?\d{4}", p.text)]


def _reference_periods(head: list[Passage]) -> tuple[str, ...]:
    """The periods a release's main points are for: its 'Main points for June to August
    2020' heading and the run-ups ('in the 12 months to March 2022') under it, the
    latest of each point (the earlier ones are its comparisons: 'from 19.2% in the year
    to March 2023, to 19.1% in the year to April 2023')."""
    periods: list[str] = []
    for passage in head:
        if not (_MAIN_POINTS.search(passage.text) or _MAIN_POINTS.search(passage.heading)):
            continue
        dated = [p for p in windowed_periods(passage.text) if has_year(p)]
        if dated:
            latest = max(dated, key=lambda p: p.end).text
            if latest not in periods:
                periods.append(latest)
    return tuple(periods)
