"""The grades a report gives, each with what it grades, in any inspectorate's scale.

Inspectorates grade different things on overlapping scales: Ofsted councils, schools and
providers (outstanding, good, requires improvement, inadequate; "adequate" and
"satisfactory" in older reports), the CQC (overall and the five key questions: safe,
effective, caring, responsive, well-led), HMICFRS (adds "adequate"; the PEEL pillars
and areas) and HM Inspectorate of Prisons (the four healthy prison tests, scored 4 good,
3 reasonably good, 2 not sufficiently good, 1 poor).  Reports state a grade in one of
four layouts, and each is read here:

- a table row: ``Overall effectiveness — Good``, including rows whose label wrapped
  round the grade in a PDF (``Children looked after and achieving Inadequate
  permanence``);
- a label: ``Overall effectiveness: Inadequate``, ``Protecting vulnerable people –
  Requires improvement``, ``Are services safe? Requires improvement``, ``Safety: 2``,
  or a heading with the grade standing alone beneath it;
- prose: ``This school continues to be good``, ``is inadequate at keeping people
  safe``, ``an overall rating of 'Good'``, ``The overall judgement is that ...``,
  HMICFRS's assessment lines (``The extent to which the force is efficient at keeping
  people safe and reducing crime requires improvement``), one grade for every healthy
  prison test (``was judged 'not sufficiently good' in all four healthy prison tests``)
  and a change whose end is this report's grade (``improved its safety score from 'not
  sufficiently good' to 'good'``).

A grade the report gives its own past ("at the previous inspection", "when they were
judged adequate in 2012", a "Previous inspection:" row) is history, never this report's
judgement: a sub-editor would not hold an article to it.
"""

from __future__ import annotations

import re

from checker.model import Judgement, Passage
from checker.sentences import split_sentences
from checker.textnorm import fold

# Grade phrases, longest first so that "not sufficiently good" is not read as "good".
_GRADE_PHRASES = (
    (r"requir(?:es|e|ed|ing) improvement(?: to be good)?", "requires improvement"),
    (r"not sufficiently good", "not sufficiently good"),
    (r"reasonably good", "reasonably good"),
    (r"outstanding", "outstanding"),
    (r"inadequate", "inadequate"),
    (r"adequate", "adequate"),
    (r"satisfactory", "satisfactory"),
    (r"good", "good"),
    (r"poor", "poor"),
)
GRADE_PATTERN = "|".join(p for p, _ in _GRADE_PHRASES)
_GRADE = re.compile(rf"\b(?:{GRADE_PATTERN})\b")
HMIP_SCORES = {"4": "good", "3": "reasonably good", "2": "not sufficiently good", "1": "poor"}

# What a grade grades, as inspectorates and articles name it; most specific first, so
# that "overall effectiveness" is the overall judgement and not CQC's "effective".
SUBJECTS: dict[str, str] = {
    "lscb": r"\blscb\b|safeguarding children board|local safeguarding children",
    "adoption": r"\badoption\b",
    "care_leavers": r"\bcare[- ]leavers?\b|\bleaving care\b|care[- ]experienced",
    "help_and_protection": r"\bhelp and protection\b",
    "looked_after": r"\blooked[- ]after\b|\bchildren in care\b",
    "leadership": r"\bleadership\b|\bimpact of leaders\b",
    "overall": r"\boverall\b",
    # HM Inspectorate of Prisons: the healthy prison tests
    "purposeful_activity": r"\bpurposeful activity\b",
    "rehabilitation": r"\brehabilitation\b|\bresettlement\b|\brelease planning\b",
    "respect": r"(?<!\bin )\brespect\b(?!\s+of\b)",
    # HMICFRS: the PEEL pillars and the areas graded since 2021
    "efficiency": r"\befficien(?:cy|t|tly)\b|\buse of resources\b",
    "legitimacy": r"\blegitima(?:cy|te|tely)\b|\btreats? the public\b",
    "protecting_vulnerable": r"\bprotecting vulnerable\b|\bvulnerable people\b",
    "investigating_crime": r"\binvestigating crime\b",
    "responding_to_public": r"\bresponding to the public\b",
    "preventing_crime": r"\bpreventing crime\b",
    "managing_offenders": r"\bmanaging offenders\b",
    "workforce": r"\bworkforce\b|\bworkplace\b",
    # CQC's key questions (HMICFRS's effectiveness pillar shares "effective";
    # HMIP's safety test shares "safe")
    "effective": r"\beffective(?:ness|ly)?\b(?!\s+of\b)",
    "safe": r"\bsafe(?:ty)?\b",
    "caring": r"\bcaring\b",
    "responsive": r"\bresponsive\b",
    "well_led": r"\bwell[- ]led\b",
    # Ofsted schools and providers
    "quality_of_education": r"\bquality of (?:education|teaching)\b",
    "behaviour": r"\bbehaviour\b",
    "personal_development": r"\bpersonal development\b",
    "early_years": r"\bearly years\b",
    "sixth_form": r"\bsixth[- ]form\b",
}
_SUBJECT_RES = {s: re.compile(p) for s, p in SUBJECTS.items()}
# Names of the whole body inspected: a grade of these is the overall judgement.
_WHOLE = re.compile(r"\bchildren'?s services\b|\bauthority\b|\bcouncil\b|\bdepartment\b|"
                    r"\b(?:this|the) (?:school|college|provider|service|trust|force|prison|home)\b")
HEALTHY_PRISON_TESTS = ("safe", "respect", "purposeful_activity", "rehabilitation")

# The report speaking of its own past.
_HISTORY = re.compile(  # not a page's 'Page last updated: 1 December 2023'
    r"\b(?:previous(?:ly)?|last(?!\s+(?:updated|modified|reviewed|edited)\b)|earlier|prior|former(?:ly)?|since|had been|was (?:then|last)|"
    r"at that time|when (?:it|they|we|the \w+) (?:was|were|last)|improved from|declined from|"
    r"has improved|have improved|has declined|have declined|deteriorat\w*)\b")


def canonical_grade(text: str) -> str | None:
    """The first grade a text gives, on its scale's canonical words ('require
    improvement to be good' is 'requires improvement'); None if it gives none."""
    match = _GRADE.search(fold(text))
    return _canonical(match.group(0)) if match else None


def _canonical(phrase: str) -> str:
    for pattern, grade in _GRADE_PHRASES:
        if re.fullmatch(pattern, phrase):
            return grade
    return phrase


def subjects_in(text: str) -> list[str]:
    """Every judgement area a phrase names, in vocabulary order ('children in care and
    care leavers' names both); the overall judgement only when it names no area."""
    folded = fold(text)
    found = [s for s, pattern in _SUBJECT_RES.items() if s != "overall" and pattern.search(folded)]
    if _SUBJECT_RES["overall"].search(folded):
        return ["overall"]  # "overall effectiveness", "overall rating for safe care"
    if found:
        return found
    return ["overall"] if _WHOLE.search(folded) else []


def subject_of(text: str) -> str | None:
    """The judgement area a phrase names, most specific first; None if it names none."""
    found = subjects_in(text)
    return found[0] if found else None


def scale_of(subject: str, grade: str) -> str:
    """Which inspectorate's scale a grade is on, where its words or subject say so."""
    if grade in ("reasonably good", "not sufficiently good", "poor") or subject in HEALTHY_PRISON_TESTS[1:]:
        return "hmip"
    if subject in ("effective", "caring", "responsive", "well_led"):
        return "cqc"
    if subject in ("efficiency", "legitimacy", "protecting_vulnerable", "investigating_crime",
                   "responding_to_public", "preventing_crime", "managing_offenders", "workforce"):
        return "hmicfrs"
    if grade == "satisfactory" or subject in ("lscb", "adoption", "care_leavers", "help_and_protection",
                                              "looked_after", "quality_of_education", "behaviour",
                                              "personal_development", "early_years", "sixth_form"):
        return "ofsted"
    return ""


def is_history(text: str) -> bool:
    """Does the sentence speak of an earlier inspection or of a change since one?"""
    return bool(_HISTORY.search(fold(text)))


# --- layouts --------------------------------------------------------------------------

_SCORE = r"(?:\s*\(?[1-4]\)?)?"  # Ofsted school tables give "Good 2"
_LABEL = re.compile(rf"^(?P<label>[^:?–—]{{2,140}}?)\s*(?::|\?|\s[–—-])\s*[\"'‘’“”]?(?P<grade>{GRADE_PATTERN})"
                    rf"[\"'‘’“”]?{_SCORE}\s*\.?$")
_LABEL_WORD = re.compile(rf"^(?P<label>.{{2,80}}?\b(?:rating|result|judgement|grade))\s+(?P<grade>{GRADE_PATTERN}){_SCORE}$")
_LABEL_SCORE = re.compile(r"^(?P<label>[a-z ,-]{4,60}?)\s*(?::|\s[–—-]|\t)?\s*(?P<score>[1-4])$")
_GRADE_ALONE = re.compile(rf"^[\"'‘“]?(?P<grade>{GRADE_PATTERN})[\"'’”]?{_SCORE}\.?$")
_SENTENCE_END = re.compile(r"[.!;]$")
# A row of a grade table whose cells wrapped: short, no sentence, grade words anywhere.
_WRAPPED_WORDS = re.compile(r"\b(?:requires|require|improvement|to be good|outstanding|"
                            r"inadequate|adequate|good)\b")

_PROSE = [
    # "The overall judgement is (that children's services are) inadequate"
    (re.compile(rf"\bthe overall (?:judgement|effectiveness) (?:is|was)\b(?: that)?(?P<rest>.*?)\b(?P<grade>{GRADE_PATTERN})\b"),
     "overall"),
    # "The graded judgement for adoption performance is that it requires improvement"
    (re.compile(rf"\bthe graded judgement (?:for|about) (?P<area>.+?) is that (?:it is |it )?(?P<grade>{GRADE_PATTERN})\b"),
     None),
    # "an overall rating of 'Good'", "rated good overall", "overall trust rating of 'requires improvement'",
    # "the overall rating for the home is inadequate"
    (re.compile(rf"\boverall (?:\w+ )?(?:rating|grade|judgement)(?: for (?:the|this|its) (?:home|service|trust|"
                rf"provider|practice|school|hospital|prison|force))? (?:of|was|is) [\"'‘“]?(?P<grade>{GRADE_PATTERN})\b"),
     "overall"),
    # "is 'good' at effectively reducing crime", "is inadequate at keeping people safe"
    (re.compile(rf"(?:\b(?:is|are|was|were) |^)[\"'‘“]?(?P<grade>{GRADE_PATTERN})[\"'’”]? at (?P<area>[^.;]+)"),
     "activity"),
    # "This area of 'purposeful activity' was assessed as poor"
    (re.compile(rf"^(?P<area>[^.;]{{3,120}}?) (?:was|were|is|are) (?:still |now )?(?:assessed|judged|rated|graded|found)"
                rf"(?: to be| as)? [\"'‘“]?(?P<grade>{GRADE_PATTERN})\b"), None),
    # "Children's services in Slough are inadequate", "This school continues to be good",
    # "The LSCB requires improvement", "This is a school that requires improvement",
    # "outcomes in the area of rehabilitation were still reasonably good"
    (re.compile(rf"^(?P<area>[^.;,]{{3,120}}?) (?:(?:is|are|was|were|remains?|continues? to be)"
                rf"(?: still| now)? (?:(?:a|an) (?P<noun>(?:school|service|provider|college|home)(?: that)? )?)?"
                rf"[\"'‘“]?(?P<grade>{GRADE_PATTERN})|(?P<verb>requires? improvement(?: to be good)?))\b(?P<after>[^.;]*)"), None),
]


# the areas an overall grade is given for too: "the overall rating for the home is
# inadequate, as well as the areas of safe, effective, and well-led"
_AS_WELL_AS = re.compile(r"^[^.;]*?\b(?:as well as|and for being)\s+(?:the\s+)?(?:(?:areas?|key questions?)\s+of\s+)?"
                         r"(?P<areas>[^.;]+)")


_PAST_JUDGED = re.compile(r"\b(?:was|were) (?:judged|rated|graded|found|assessed)\b")
# What may follow a grade that is the predicate ("is good and holds ...", "good overall").
_PREDICATE_END = re.compile(r"^\s*(?:$|[,(\-]|(?:and|but|overall|at|in|across|because|with|for|"
                            r"although|while|as|by)\b)")


def read_judgements(passages: tuple[Passage, ...]) -> list[Judgement]:
    """This report's judgements, one per subject: a table row or label outranks prose,
    and among equals the first stated wins (the summary before the detail)."""
    found: dict[str, tuple[int, Judgement]] = {}

    def add(subjects: list[str], grade: str | None, passage: Passage, strength: int, label: str) -> None:
        if not grade:
            return
        for subject in subjects:
            held = found.get(subject)
            if held is None or strength > held[0]:
                found[subject] = (strength, Judgement(subject, grade, passage.id,
                                                      scale_of(subject, grade), label.strip()))

    previous: Passage | None = None
    history_list = False  # a list the report introduces as history: "The judgements were:"
    for passage in passages:
        if passage.kind not in ("bullet", "table_row"):
            history_list = False
        if not (history_list or is_history(passage.heading)):
            for subjects, grade, strength, label in _read(passage, previous):
                add(subjects, grade, passage, strength, label)
        if passage.text.rstrip().endswith(":") and is_history(passage.text):
            history_list = True
        previous = passage
    return [j for _, j in found.values()]


def _read(passage: Passage, previous: Passage | None):
    """(subjects, grade, strength, label) of each grade a passage gives."""
    text = fold(passage.text)
    if passage.kind == "table_row" and " — " in passage.text:
        cells = [fold(cell) for cell in passage.text.split(" — ")]
        if len(cells) > 2 and cells[-1] in HMIP_SCORES and canonical_grade(cells[-2]):
            cells = cells[:-1]  # "Leadership and management — Requires improvement — 3"
        label, value = " ".join(cells[:-1]), cells[-1]
        grade = _value_grade(value, label)
        if grade and not is_history(label):
            yield _label_subjects(label), grade, 3, label
        return
    if passage.kind not in ("heading", "paragraph", "bullet"):
        return
    for pattern in (_LABEL, _LABEL_WORD):
        label = pattern.match(text)
        if label:
            if not is_history(label.group("label")):
                yield _label_subjects(label.group("label")), canonical_grade(label.group("grade")), 3, label.group("label")
            return
    score = _LABEL_SCORE.match(text)
    if score and set(subjects_in(score.group("label"))) & set(HEALTHY_PRISON_TESTS):
        yield subjects_in(score.group("label")), HMIP_SCORES[score.group("score")], 3, score.group("label")
        return
    alone = _GRADE_ALONE.match(text)
    if alone:
        if previous is not None and previous.kind == "heading" and not is_history(previous.text):
            yield subjects_in(previous.text), canonical_grade(alone.group("grade")), 3, fold(previous.text)
        return
    wrapped = _wrapped_row(text, numbered=passage.id.startswith("¶"))
    if wrapped:
        yield wrapped
        return
    told_history = is_history(text)
    for sentence in map(fold, split_sentences(passage.text)):
        if told_history and _PAST_JUDGED.search(sentence):
            continue  # "The previous inspection was in 2010. The authority was judged adequate."
        yield from _prose(sentence, passage)


def _value_grade(value: str, label: str) -> str | None:
    """The grade in a table cell: a grade alone, or a healthy prison test's score."""
    alone = _GRADE_ALONE.match(value.strip())
    if alone:
        return canonical_grade(alone.group("grade"))
    if value.strip() in HMIP_SCORES and set(subjects_in(label)) & set(HEALTHY_PRISON_TESTS):
        return HMIP_SCORES[value.strip()]
    return None


def _label_subjects(label: str) -> list[str]:
    """A bare 'Rating', 'Full inspection result' or 'This inspection' label grades the whole."""
    whole = re.search(r"\b(?:rating|result|judgement|grade)\b|^this inspection\b", label)
    return subjects_in(label) or (["overall"] if whole else [])


def _wrapped_row(text: str, numbered: bool):
    """A grade-table row whose label wrapped round its grade in a PDF ('Requires 2.1
    Adoption performance improvement'): short, not a sentence, its grade words
    making one grade and the rest naming a judgement area.  ``numbered``: the
    passage splitter took the row's number off ('2. Children looked after ...')."""
    if _SENTENCE_END.search(text) or len(text.split()) > 22 or text.count(",") > 1:
        return None
    words = _WRAPPED_WORDS.findall(text)
    if not words:
        return None
    joined = " ".join(words)
    grade = canonical_grade(joined)
    if grade is None or len(set(words) - {"to be good"}) > (2 if grade == "requires improvement" else 1):
        return None
    label = " ".join(_WRAPPED_WORDS.sub(" ", text).split())
    # a wrapped row's label starts as the table's labels do: a number, "the experiences
    # and progress of", "the impact of leaders", "overall effectiveness"
    if not (numbered or re.match(r"^(?:\d(?:\.\d)?\.? |the (?:experiences|impact)\b|overall effectiveness$)", label)):
        return None
    subjects = subjects_in(label)
    return (subjects, grade, 2, label) if subjects else None


_Q = r"[\"'‘’“”]?"
# "improved its safety score from 'not sufficiently good' to 'good'": the end is now.
# The thing changed is named between the verb and "from" or just before the verb
# ("purposeful activity has declined from 'reasonably good' in 2017 to ...").
_CHANGE = re.compile(rf"(?P<before>(?:[\w'‘’-]+ ){{0,4}})(?:has |have |had )?"
                     rf"\b(?:improved|declined|fallen|fell|risen|rose|moved|changed|gone|went|dropped)\b"
                     rf"(?P<area>[^.;]{{0,60}}?)\bfrom {_Q}(?:{GRADE_PATTERN}){_Q}(?: in (?:19|20)\d\d)? "
                     rf"to {_Q}(?P<grade>{GRADE_PATTERN}){_Q}(?P<after>[^.;]*)")
# "was judged 'not sufficiently good' in all four healthy prison tests"
_ALL_TESTS = re.compile(rf"\b(?:judged|rated|assessed|graded|found to be|scored)(?: as)? {_Q}(?P<grade>{GRADE_PATTERN}){_Q} "
                        r"(?:in|for|across|on|against) all (?:four |4 )?(?:of )?(?:the |our |its |inspectors'? )?"
                        r"healthy (?:prison|establishment) (?:tests|areas)\b")
# HMICFRS PEEL assessment lines: "the extent to which the force treats the public and
# its workforce legitimately is good", "... reducing crime requires improvement".
_EXTENT = re.compile(rf"^(?:we found:? )?the extent to which (?:the|this) (?:force|constabulary|service) (?P<area>[^.;]+?) "
                     rf"(?:is {_Q}(?P<grade>{GRADE_PATTERN}){_Q}|(?P<verb>requires improvement))\.?$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _prose(sentence: str, passage: Passage):
    change = _CHANGE.search(sentence)
    if change and not _YEAR.search(change.group("after")):
        for named in (change.group("area"), change.group("before")):
            subjects = [s for s in subjects_in(named) if s != "overall"]
            if subjects:
                yield subjects[:1], canonical_grade(change.group("grade")), 1, named
                break
        return
    if is_history(sentence) or _YEAR.search(sentence):
        return  # history, or a dated grade: "was judged adequate in 2012"
    every = _ALL_TESTS.search(sentence)
    if every:
        yield list(HEALTHY_PRISON_TESTS), canonical_grade(every.group("grade")), 1, "every healthy prison test"
        return
    extent = _EXTENT.match(sentence)
    if extent:
        subjects = [s for s in subjects_in(extent.group("area")) if s != "overall"]
        if subjects:
            yield subjects[:1], canonical_grade(extent.group("grade") or extent.group("verb")), 1, extent.group("area")
        return
    for pattern, fixed in _PROSE:
        match = pattern.search(sentence)
        if not match:
            continue
        grade = canonical_grade(match.groupdict().get("grade") or match.group("verb"))
        if fixed == "activity":  # graded at an activity: the area it names, anywhere in it
            subjects = [s for s in subjects_in(match.group("area")) if s != "overall"]
            if subjects:
                yield subjects[:1], grade, 1, match.group("area")
                return
            continue
        if fixed:
            rest = match.groupdict().get("rest") or ""
            subjects = [s for s in subjects_in(rest) if s != "overall"] or [fixed]
            yield subjects[:1], grade, 1, fixed
            also = _AS_WELL_AS.match(sentence[match.end():]) if fixed == "overall" else None
            if also and canonical_grade(also.group("areas")) is None:  # not "as well as good caring"
                yield [s for s in subjects_in(also.group("areas")) if s != "overall"], grade, 1, also.group("areas")
            return
        area = match.group("area")
        after = match.groupdict().get("after")
        if after is not None and not _PREDICATE_END.match(after):
            continue  # "is good practice": an adjective on a noun
        if match.groupdict().get("noun"):
            noun = match.group("noun")  # "This is a school that requires improvement"
            area = f"the {noun}" if area.strip() in ("this", "it", "that") else f"{area} the {noun}"
        subjects = named_subjects(area)
        if not subjects:
            continue
        yield subjects[:1], grade, 1, area
        return


# Words before the name of what is graded: "the effectiveness of the LSCB", "outcomes in
# the area of rehabilitation", "this area of 'purposeful activity'".
_AREA_LEAD = re.compile(r"^(?:(?:[\w-]+ ){0,4}[\w-]+'s )?(?:the |this |its )?(?:(?:overall )?effectiveness of (?:the )?|services for |"
                        r"outcomes (?:for \w+ )?in (?:the area of )?|(?:this |the )?area of |the )?[\"'‘“]?")
_CLAUSE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|can|which|who)\b|(?<!^)\b(?:this|these)\b")


def named_subjects(area: str) -> list[str]:
    """What a sentence grades, when its subject is the graded thing itself ("children's
    services in Slough", "the LSCB", "this school", "Somerset County Council services")
    rather than an aspect of it ("placement stability for children looked after") or a
    clause."""
    area = fold(area).strip()
    if len(area.split()) > 14 or _CLAUSE.search(area):
        return []
    if _WHOLE.match(area) or len(area.split()) <= 5 and _WHOLE.search(area):
        return ["overall"]
    named = _AREA_LEAD.sub("", area, count=1)
    return [s for s, pattern in _SUBJECT_RES.items() if pattern.match(named)]
