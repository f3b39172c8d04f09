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
_NOT_A_PLACE = r"(?![A-Z][a-z]+ing[ \t]+on[ \t])"  # 'Reporting on X Council': a gerund and 'on' start no place
_LINK = r"(?:[ \t]+(?:of|for|and|&|upon|de|la)[ \t]+|[ \t]+|-)"
_NAME = rf"{_WORD}(?:{_LINK}{_WORD}){{0,5}}"

# Each pattern's group 1 is the subject's name, as written.  Order is only a tie-break
# for names found at the same place.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("council", re.compile(
        rf"\b({_NOT_A_PLACE}(?!(?:Town|Parish|Community)[ \t]+Council\b)"  # 'Town Council' names no town
        r"(?:[A-Z][a-z]+(?:[ -](?:and|upon|on)[ -])?){1,3}[ \t]?"
        r"(?:County|City|Borough|District|Metropolitan Borough|Town|Parish|Community)?[ \t]?Council)\b"
        r"(?![ \t]+areas\b)")),  # 'NHS Board and Council areas': kinds of area, no council
    ("health", re.compile(rf"\b({_NAME}[ \t]+NHS(?:[ \t]+Foundation)?[ \t]+Trust)\b")),
    ("health", re.compile(rf"\b({_NAME}[ \t]+(?:Hospitals?|(?:Residential )?Care Home|Nursing Home|Residential Home|"
                          r"Rest Home|Hospice))\b")),
    ("police", re.compile(rf"\b({_NAME}[ \t]+(?:Police|Constabulary))\b(?![ \t]+(?:and|Service|officers?)\b)")),
    ("fire", re.compile(rf"\b({_NAME}[ \t]+Fire[ \t]+(?:and|&)[ \t]+Rescue(?:[ \t]+(?:Service|Authority))?)\b")),
    ("prison", re.compile(rf"\b((?:HMP|HMYOI|HMP/YOI|HMP[ \t]*&[ \t]*YOI)[ \t]+{_NAME})\b")),
    ("prison", re.compile(rf"\b({_NAME})[ \t]+(?:prison|jail)\b")),
    ("school", re.compile(rf"\b({_NAME}[ \t]+(?:School|Academy|Nursery))\b")),
    ("provider", re.compile(rf"\b({_NAME}[ \t]+College)\b")),
    ("university", re.compile(rf"\b(University[ \t]+of[ \t]+{_WORD}(?:[ \t]+{_WORD})?|{_NAME}[ \t]+University)\b")),
    ("department", re.compile(
        rf"\b((?:Department[ \t]+(?:for|of)|Ministry[ \t]+of)[ \t]+{_WORD}(?:[ \t]+{_WORD})*"
        rf"(?:(?:,[ \t]+{_WORD}(?:[ \t]+{_WORD})*)*[ \t]+and[ \t]+{_WORD}(?:[ \t]+{_WORD})*)?)")),
    ("body", re.compile(rf"\b({_NAME})[ \t]+\(([A-Z][A-Za-z]{{1,6}})\)")),
)
# Words that say what kind of thing a subject is, not which one: they never tell two
# schools (or two trusts) apart.
_KIND_WORDS = frozenset(
    "the of and & council county city borough district metropolitan nhs foundation trust "
    "hospital hospitals care home nursing hospice police constabulary fire rescue service hmp hmyoi yoi prison "
    "jail school academy nursery infant infants junior primary secondary high community "
    "college university ofsted report inspection full department ministry for".split())
# Capitalised words that open a sentence or a heading and name nothing.
_NOT_NAMES = frozenset(
    "a an the this that these those his her their its our your my inspectors inspection "
    "report full every each all most some many new first last next previous although "
    "while when after following meanwhile however despite since".split())
_URN = re.compile(r"\b(?:URN|Unique reference number)\s*:?\s*(\d{6,7})\b", re.I)
# A statistic's edition as its title states it: 'March 2022', 'year ending June 2019',
# 'April to June 2021', '2016 to 2017', 'mid-2018', 'Annual Statistics, 2015/16', 'main results 2015',
# and the word for what a year's figures count or which issue this is: '2013 Registrations'
# (deaths registered in 2013, not those that occurred), '2019 edition'.
_EDITION = (r"(?:(?i:annual|monthly|quarterly|main|provisional|final|interim|key)[ \t]+"
            r"(?i:statistics|figures|data|results|estimates),?[ \t]+)?"
            r"(?:(?:year ending|financial year(?: ending)?|academic year|quarter \d,?|Q\d)\s+)?"
            r"(?:mid-|[A-Z][a-z]+\s+(?:to|-|–)\s+)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d(?:\s*(?:to|-|–|/)\s*\d{2,4})?"
            r"(?:[ \t]+(?i:registrations|occurrences|edition|release|bulletin))?")
# 'Consumer price inflation, UK: March 2022'; a name that says it is a statistic may take
# its edition after a comma: 'Immigration system statistics, year ending June 2024'.
_STATISTIC_TITLE = re.compile(rf"^(?P<name>[A-Z][^:\n]{{2,100}}?)(?::|(?<=[Ss]tatistics),|(?<=[Ee]stimates),|"
                              rf"(?<=[Ii]ndex),|(?<=[Ff]igures),)\s*(?P<edition>{_EDITION})"
                              r"(?:,\s*(?P<estimate>[a-z ]*estimate))?\s*$")
# ... or with its place and year: 'Drug-related deaths in Scotland in 2019', 'Recorded Crime
# in Scotland, 2014-15' (a nation's statistic, titled by topic and place, for a calendar,
# financial or academic year).
_NATION = (r"(?:the[ \t]+)?(?:UK|United[ \t]+Kingdom|Great[ \t]+Britain|Britain|England(?:[ \t]+and[ \t]+Wales)?|"
           r"Wales|Scotland|Northern[ \t]+Ireland)")
_PLACE_TITLE = re.compile(rf"^(?P<name>[A-Z][^:\n]{{2,100}}?[ \t]+in[ \t]+{_NATION})(?:,[ \t]*|[ \t]+in[ \t]+)"
                          r"(?P<edition>(?:19|20)\d\d(?:[ \t]*(?:/|-|–|to)[ \t]*\d{2,4})?)$")
# ... or with the month it is for after a name in title case, with no colon: 'Appointments
# in General Practice December 2019'.  Every word of the name capitalised but its linking
# words, so a headline ('Unemployment falls to lowest level since March 2019') is none.
_MONTH_TITLE = re.compile(r"^(?P<name>[A-Z][\w'’&-]*(?:[ \t]+(?:in|of|and|for|the|on|at|by|to|&|[A-Z][\w'’&-]*)){1,8})"
                          r"[ \t]+(?P<edition>(?:January|February|March|April|May|June|July|August|September|"
                          r"October|November|December)[ \t]+(?:19|20)\d\d)$")
# A release headed by its edition on a line of its own, its title by topic on the next:
# 'Academic Year 2021/22' above 'Key stage 2 attainment'.
_EDITION_LINE = re.compile(r"^(?P<edition>(?i:academic|financial|calendar|reporting|tax)[ \t]+(?i:year)[ \t]+"
                           r"(?:19|20)\d\d(?:[ \t]*(?:/|-|–|to)[ \t]*\d{2,4})?)$")
# A label before a date is no statistic's name: 'Published: March 2015', 'Next release: May 2016'.
_DATE_LABEL = re.compile(r"\b(?:published|publication|updated|dates?|released?|issued|inspected|inspection|"
                         r"period|next|last)$", re.I)
# A chapter of a release names the release in quotation marks: "Back to 'Immigration
# system statistics, year ending June 2024' content page".
_QUOTED = re.compile(r"[‘“\"]([A-Z][^‘’“”\"\n]{4,140})[’”\"]")
TITLE_PASSAGES = 8  # where a title may stand: a PDF's cover lines come before it
_MAIN_POINTS = re.compile(r"\bmain points\b|\bkey points\b|\bmain findings\b|\bkey findings\b|\bheadline", re.I)
# The words reporters use for the topics of the main official statistics: a release
# titled with any of a family's words is named by all of them.
TOPIC_FAMILIES = (
    ("price", "inflation", "cpi", "cpih", "rpi", "cost of living"),
    ("employment", "unemployment", "jobless", "labour market", "redundanc", "payroll", "vacanc"),
    ("gdp", "gross domestic product", "economy", "economic growth"),
    ("crime", "offences", "offenders"),
    ("a&e", "accident and emergency", "waiting list", "referral to treatment", "four-hour"),
    ("house price", "property price", "home price"),
    ("immigration", "migrant", "migration", "asylum", "refugee"),
    ("road casualt", "road death", "road fatalit", "road traffic", "killed or seriously injured"),
    ("retail sales", "shop sales", "high street sales"),
    ("public sector finances", "public sector net borrowing", "public sector net debt"),
    ("trade deficit", "trade in goods", "exports", "imports"),
    ("homelessness", "homeless", "rough sleep"),
    ("drug-related death", "drug related death", "drug death", "drug poisoning"),
    ("key stage 2", "ks2", "sats"),
)
# The opening of an untitled release says what it measures: 'The Consumer Prices Index
# (CPI) rose by 0.3% in the year to January 2016' under its 'Main points', 'The first
# quarterly estimate of UK gross domestic product (GDP) shows', 'New NHS data shows
# there have been 1.2 million more accident and emergency (A&E) attendances'.
_MEASURE = re.compile(r"^(?:The[ \t]+)?(?P<name>[A-Za-z][^.;:\n]{2,120}?)[ \t]+"
                      r"(?:shows?|rose|fell|grew|increased|decreased|was|were|is|are)\b")
_FIGURE = re.compile(r"\d(?:[.,]\d+)*\s*(?:%|per\s*cent\b|million\b|billion\b|thousand\b)|"
                     r"\b\d{1,3}(?:,\d{3})+\b", re.I)
_NEW_DATA = re.compile(r"^(?:New|Latest|Today['’]s|Official)[ \t]+(?:[A-Z][\w&]*[ \t]+)*"
                       r"(?:data|figures|statistics)[ \t]+(?:shows?|reveals?)\b")
# ... or after it: 'Detentions decreased by 5.7 per cent, a new report by NHS Digital shows.'
_SHOWS = re.compile(r",[ \t]+(?:a[ \t]+|the[ \t]+)?(?:new|latest|official)[ \t]+(?:[\w&]+[ \t]+){0,6}?"
                    r"(?:report|data|figures|statistics|analysis)\b[^.]{0,60}\b(?:shows?|reveals?)\.?$")


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
    """The subject a report is about: a statistic titled with its edition, else a council
    titled, an untitled release's statistic, the first place or body named in its opening
    lines, a study's press release (the study, known by its journal), a release known only
    by its figures, a page's own title line, or a report titled by what it is about; None
    when the opening names none of these."""
    head = [p for p in passages if p.span.start < HEAD_CHARS]
    titled = _titled_statistic(head)
    if titled:
        return titled
    council = _council_title(head[:3])
    if council:
        return council
    measured = _measured(head)
    if measured:
        return measured
    named = _first_named(text, head)
    if named:
        return named
    return (_study(head) or _measured(head, cue=False) or _figure_page(head) or _title_line(head)
            or _report_title(head))


def _titled_statistic(head: list[Passage]) -> Subject | None:
    """A release's title with its edition: a line of its own among the first lines, or
    the release a chapter names in quotation marks."""
    for passage in head[:TITLE_PASSAGES]:
        line = passage.text.strip()
        for candidate in [line] + [m.group(1).strip() for m in _QUOTED.finditer(line)]:
            title = _STATISTIC_TITLE.match(candidate)
            if not title or _DATE_LABEL.search(title.group("name").strip()):
                continue
            edition = title.group("edition")
            if title.group("estimate"):
                edition += ", " + title.group("estimate")
            return Subject("statistic", title.group("name").strip(), (), edition,
                           _reference_periods(head), passage.id)
    for k, passage in enumerate(head[:TITLE_PASSAGES]):
        line = passage.text.strip()
        placed = _PLACE_TITLE.match(line) or _MONTH_TITLE.match(line)
        if placed and not _names_a_place(placed.group("name")) and not _DATE_LABEL.search(placed.group("name")):
            return Subject("statistic", placed.group("name").strip(), (), placed.group("edition"),
                           _reference_periods(head), passage.id)
        heading = _EDITION_LINE.match(line)
        title = next((p for p in head[k + 1:k + 2] if _topic_title(p.text.strip())), None)
        if heading and title is not None:
            return Subject("statistic", title.text.strip(), (), heading.group("edition"),
                           _reference_periods(head), title.id)
    return None


def _names_a_place(text: str) -> bool:
    return any(s.kind != "body" for s, _ in named_subjects(text))


def _topic_title(line: str) -> bool:
    """A short title line naming a topic ('Key stage 2 attainment'): no sentence, no
    date's label, no school, council or other place."""
    return (bool(re.match(r"^[A-Z][\w'’&,:()-]*(?:[ \t]+[\w'’&,:()-]+){0,7}$", line))
            and line[-1:] not in ".!?:" and not _DATE_LABEL.search(line) and not _names_a_place(line))


_SENTENCE_WORDS = 8  # a passage this long that ends a sentence is running text, not a title


def _running(passage: Passage) -> bool:
    text = passage.text.strip()
    return len(text.split()) >= _SENTENCE_WORDS and text[-1:] in ".!?:"


def _first_running(head: list[Passage]) -> Passage | None:
    """The first passage of running text: where a page's text begins, after its title lines."""
    return next((p for p in head if _running(p)), None)


def whole_name(name: str) -> str:
    """A pattern for a name as written, never part of a longer or hyphenated word."""
    return rf"(?<![\w-]){re.escape(name)}(?![\w-])"


# A press release's dateline: where it was issued from, before a dash ('Department of
# Psychiatry, Warneford Hospital, Oxford, UK – A new dementia risk score ...', 'LONDON –').
_DATELINE = re.compile(r"^(?:[A-Z][\w'’&.()-]*(?:[ \t]+(?:of|for|and|&|the|upon|on|[A-Z0-9][\w'’&.()-]*))*"
                       r"(?:,[ \t]+|[ \t]*$))+")
_DATELINE_DASH = re.compile(r"[ \t]+[–—-][ \t]+")


def _dateline_end(text: str) -> int:
    """Where a paragraph's dateline ends (0 when it has none): names and places, each a
    run of capitalised words, separated by commas and followed by a dash."""
    dash = _DATELINE_DASH.search(text[:200])
    if not dash or not _DATELINE.fullmatch(text[:dash.start()]):
        return 0
    return dash.end()


def _first_named(text: str, head: list[Passage]) -> Subject | None:
    """The first school, home, trust, force, prison, department (...) the opening names.  A
    body known by its acronym ('The Care Quality Commission (CQC) has rated Charnwood Care
    Home') is the publisher when a place is named beside it, and is the subject only where
    it names itself: in the title lines or the first sentence of the text.  Further down,
    a body with an acronym is one the text cites ('data released by the National Police
    Chiefs' Council (NPCC)', 'Community Treatment Order (CTO)').  A press release's
    dateline names where it was issued, not what it is about ('Department of Psychiatry,
    Warneford Hospital, Oxford, UK – A new dementia risk score ...')."""
    first = _first_running(head)
    first_text = first.index if first else None
    for position, passage in enumerate(head):
        skip = _dateline_end(passage.text) if passage.index == first_text else 0
        named = [s for s, _ in named_subjects(passage.text[skip:])]
        places = [s for s in named if s.kind != "body"]
        if places:
            subject = places[0]
        elif named and (position < 3 and (first_text is None or passage.index <= first_text)
                        or passage.index == first_text):
            subject = named[0]
        else:
            continue
        urn = _URN.search(text[:HEAD_CHARS * 2])
        identifiers = subject.identifiers + ((("urn", urn.group(1)),) if urn else ())
        return Subject(subject.kind, subject.name, identifiers, passage=passage.id)
    return None


# 'suggests a large long term study published in the open access journal BMJ Mental Health'
_STUDY = re.compile(r"\b(?:study|studies|research|analysis|trial|paper|findings)\b[^.;]{0,120}?\bpublished[ \t]+"
                    r"(?:today[ \t]+|online[ \t]+|this[ \t]+week[ \t]+)?in[ \t]+(?:the[ \t]+)?(?:[a-z-]+[ \t]+){0,3}?"
                    r"(?P<journal>[A-Z][\w&'’-]*(?:[ \t]+(?:of|the|and|&|in|[A-Z][\w&'’-]*))*)")


def _study(head: list[Passage]) -> Subject | None:
    """A study's press release: what its title lines or its first sentence say was
    published in a journal ('a large long term study published in the open access journal
    BMJ Mental Health') is the study, known by its journal.  The universities and
    hospitals beside it are where the researchers work."""
    first = _first_running(head)
    first_text = first.index if first else None
    for passage in head:
        if first_text is not None and passage.index > first_text:
            break
        text = passage.text[_dateline_end(passage.text):] if passage.index == first_text else passage.text
        sentence = (split_sentences(text.strip()) or [""])[0]
        match = _STUDY.search(sentence)
        if match:
            journal = re.sub(r"(?:[ \t]+(?:of|the|and|&|in))+$", "", match.group("journal"))
            return Subject("study", journal, (), passage=passage.id)
    return None


# 'Universal Credit: early progress - Public Accounts Committee Contents': a report titled
# with what it is about, a subtitle and, after a dash, its publisher.
_REPORT_TITLE = re.compile(r"^(?P<name>[A-Z][\w'’&-]*(?:[ \t]+(?:of|and|for|the|&|[A-Z][\w'’&-]*)){0,5}):[ \t]+"
                           r"[a-z][^:\n]{2,80}?(?:[ \t]+[-–|][ \t]+[^:\n]*)?$")
_PROPER = re.compile(r"(?<![\w'’])[A-Z][\w'’&-]*(?:[ \t]+(?:of|and|for|&)?[ \t]*[A-Z][\w'’&-]*)+")


def _report_title(head: list[Passage]) -> Subject | None:
    """A report or its press release titled with what it is about: the name before a
    title's colon ('Universal Credit: early progress'), else the first name of two or
    more capitalised words a headline gives after its first words that the first sentence
    of the text names again ('Chief Inspector calls for an independent review of the
    Probation Service, publishing his final annual report', then 'The outgoing Chief
    Inspector of Probation ... whether the Probation Service should return to local
    control')."""
    first_text = _first_running(head)
    titles = [p for p in head[:3] if first_text is None or p.index < first_text.index]
    for passage in titles:
        titled = _REPORT_TITLE.match(passage.text.strip())
        if titled and not _names_a_place(titled.group("name")):
            return Subject("report", titled.group("name"), (), passage=passage.id)
    if first_text is None:
        return None
    opening = (split_sentences(first_text.text.strip()) or [""])[0]
    for passage in titles:
        line = passage.text.strip()
        for match in _PROPER.finditer(line):
            name = match.group(0)
            if match.start() == 0 or name.split()[0].lower() in _NOT_NAMES or _names_a_place(name):
                continue
            if re.search(whole_name(name), opening):
                return Subject("report", name, (), passage=passage.id)
    return None


_TITLE_WORD = r"(?:[A-Z][\w'’&-]*|of|and|the|upon|on|in|at)"
_TITLE_LINE = re.compile(rf"^[A-Z][\w'’&-]*(?:[ \t]+{_TITLE_WORD}){{1,5}}$")


def _title_line(head: list[Passage]) -> Subject | None:
    """A page titled with the name of what it is about, a name its text then uses ('Forest
    Hill' above 'Overall: Requires improvement', and 'Forest Hill provides personal and
    nursing care'): a care home's or a service's page names no kind of place."""
    for k, passage in enumerate(head[:TITLE_PASSAGES]):
        name = passage.text.strip()
        if not _TITLE_LINE.match(name) or not re.search(r"[A-Za-z]{3}", key_words(Subject("provider", name))):
            continue
        if name.split()[0].lower() in _NOT_NAMES:
            continue
        if any(_running(p) and re.search(whole_name(name), p.text) for p in head[k + 1:]):
            return Subject("provider", name, (), passage=passage.id)
    return None


_PLACE = rf"{_NOT_A_PLACE}[A-Z][a-z]+(?:(?:[ \t]+(?:of|upon|and|on|in|with)[ \t]+|,?[ \t]+|-)[A-Z][a-z]+){{0,5}}"
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


def _points_heading(passage: Passage) -> bool:
    return bool(_MAIN_POINTS.fullmatch(re.sub(r"^\d+\.\s*", "", passage.text.strip())))


def _openings(head: list[Passage]):
    """Where an untitled release states its headline figure, with whether it is under a
    'Main points' ('Main findings', 'Key findings') heading: the first line with a figure
    after that heading (past a table of contents that lists it), then the page's first line."""
    for k, passage in enumerate(head):
        if any(s.kind != "body" for s, _ in named_subjects(passage.text)):
            break  # a page that names a school, a prison, a trust first is about it, whatever its 'Key findings'
        if _points_heading(passage):
            after = next((p for p in head[k + 1:k + 3] if not _points_heading(p) and _FIGURE.search(p.text)), None)
            if after is not None:
                yield after, True
    opening = [p for p in head[:4] if p.text.strip() and not _points_heading(p)]
    if opening:
        first = opening[0]
        yield first, any(_MAIN_POINTS.search(p.text) for p in head[:2] if p.index < first.index) \
            or bool(_MAIN_POINTS.search(first.heading))


def _measured(head: list[Passage], cue: bool = True) -> Subject | None:
    """An untitled release: a statistic named by the first sentence of its main points
    (the first lines of the page), or by a press release's 'New ... data shows' ('...,
    a new report by NHS Digital shows').  With ``cue``, only a statistic that reporters
    name in everyday words (TOPIC_FAMILIES): a page that names a place first is about it."""
    for first, under_points in _openings(head):
        sentence = split_sentences(first.text.strip())[0]
        if not _FIGURE.search(sentence):
            continue  # a release states its headline figure first; a report's 'crime recording is good' is no statistic
        measure = _MEASURE.match(sentence)
        if _NEW_DATA.match(sentence):
            name = _cue(sentence) if cue else _cue(sentence) or (measure and _measure_name(measure.group("name")))
        elif (under_points or _SHOWS.search(sentence)) and measure and (_cue(measure.group("name")) or not cue):
            name = _measure_name(measure.group("name"))
        else:
            continue
        if name:
            periods = _reference_periods(head) or _latest_period(sentence) or _after_comparisons(head)
            return Subject("statistic", name, (), "", periods, first.id)
    return None


_FIGURES_FIRST = 3  # of the first sentences of an untitled page, stating figures: a release


def _figure_page(head: list[Passage]) -> Subject | None:
    """An untitled excerpt of a release, its opening a run of figures ('Most occurred in
    secondary schools which accounted for 83% of all permanent exclusions. The permanent
    exclusion rate in secondary schools increased 0.20%...'): the statistic is what its
    first measuring sentence measures, when half its first eight sentences count it (a news
    story's opening counts many things)."""
    sentences = [(p, sentence) for p in head[:8] for sentence in split_sentences(p.text.strip())
                 if sentence][:8]
    if sum(1 for _, sentence in sentences[:5] if _FIGURE.search(sentence)) < _FIGURES_FIRST:
        return None
    for passage, sentence in sentences[:5]:
        measure = _MEASURE.match(sentence)
        name = _measure_name(measure.group("name")) if measure and _FIGURE.search(sentence) else ""
        if not name or name.split()[0].lower() in _NOT_NAMES | {"it", "there"}:
            continue
        words = r"\W+(?:\w+\W+){0,2}?".join(re.escape(w) for w in fold(name).split())
        if sum(1 for _, other in sentences if re.search(rf"\b{words}", fold(other))) >= len(sentences) / 2:
            periods = _reference_periods(head) or _after_comparisons(head)
            return Subject("statistic", name, (), "", periods, passage.id)
    return None


_MEASURE_WORDS = r"(?:number|numbers|rate|rates|level|levels|total|proportion|share|count)"


def _measure_name(name: str) -> str:
    """What a release's headline sentence measures, without its period, its place or the
    word for the measure: 'permanent exclusion' of 'permanent exclusion rate in secondary
    schools', 'detentions under the Mental Health Act' of 'number of detentions under the
    Mental Health Act in England', 'population of the UK' of 'population of the UK in mid-2018'."""
    from checker.extract.periods import find_periods

    for _, start, end in reversed(find_periods(name)):
        name = name[:start] + name[end:]
    name = _MID_YEAR.sub("", name)
    name = re.sub(rf"^(?:the\s+)?(?:(?:total|overall)\s+)?{_MEASURE_WORDS}\s+of\s+(?:the\s+)?", "", name.strip(), flags=re.I)
    name = re.sub(r"\s+(?:in|among|across|for|at|between|from|during)(?:\s+\S.*)?$", "", name)
    name = re.sub(rf"\s+{_MEASURE_WORDS}$", "", name.strip())
    return name.strip(" ,;-–")


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

    found = [(start, p) for p, start, _ in find_periods(text)
             if p.end and p.months and not re.fullmatch(r"(?:\w+\s+)?\d{4}", p.text)]
    found += [(m.start(), mid_year(m)) for m in _MID_YEAR.finditer(text)]
    return [p for _, p in sorted(found, key=lambda pair: pair[0])]


# Population estimates are for the middle of a year: 'mid-2018', 'the middle of 2018'
# (the twelve months to June).
_MID_YEAR = re.compile(r"\b(?:mid-|the middle of\s+)((?:19|20)\d\d)\b", re.I)


def mid_year(match: re.Match):
    from checker.model import Period

    year = int(match.group(1))
    return Period(match.group(0), f"{year - 1}-07", f"{year}-06", 12)


def periods_in(text: str) -> list:
    """Every period a text states, a mid-year among them."""
    from checker.extract.periods import find_periods

    return [p for p, _, _ in find_periods(text)] + [mid_year(m) for m in _MID_YEAR.finditer(text)]


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


def _latest_period(sentence: str) -> tuple[str, ...]:
    """The latest dated period of a release's headline sentence ('decreased by 5.7 per cent
    from 2020-21 to 2021-22'): what its figures are for."""
    dated = [p for p in windowed_periods(sentence) if has_year(p)]
    return (max(dated, key=lambda p: p.end).text,) if dated else ()


# 'to 7,720 - up from 6,685 in 2015/16', 'down from 0.08% in 2015/16', 'compared with 5,785 in 2015'
_COMPARED = re.compile(r"\b(?:up|down|rising|falling|rose|fell|increased|decreased)\s+from\b[^.;]{0,40}?\bin\s+"
                       r"(?P<year>(?:19|20)\d\d)(?:\s*[-/–]\s*(?P<next>\d\d))?\b(?![-/–]\d)|"
                       r"\bcompared\s+(?:with|to)\b[^.;]{0,40}?\bin\s+(?P<year2>(?:19|20)\d\d)(?:\s*[-/–]\s*(?P<next2>\d\d))?\b(?![-/–]\d)",
                       re.I)


def _after_comparisons(head: list[Passage]) -> tuple[str, ...]:
    """A release that never states its own year ('The number of permanent exclusions has
    increased to 7,720 - up from 6,685 in 2015/16') is for the year after the latest one it
    compares with: 2016/17.  Only whole years are read so (a financial or academic year,
    a calendar year): a month compared with may be the month before or a year before."""
    years = []
    for passage in head:
        for m in _COMPARED.finditer(passage.text):
            year, nxt = (m.group("year"), m.group("next")) if m.group("year") else (m.group("year2"), m.group("next2"))
            if nxt is not None and int(nxt) != (int(year) + 1) % 100:
                continue
            years.append((int(year), nxt is not None))
    if not years:
        return ()
    year, split = max(years)
    return (f"{year + 1}/{(year + 2) % 100:02d}" if split else str(year + 1),)
