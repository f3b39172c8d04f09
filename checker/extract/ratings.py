"""Ratings on the inspectorate's scale, with the subject judged.

Grades are common words ("good practice", "an outstanding achievement"), so a grade
counts as a rating only when it is presented as one: in quote marks, after a judging
verb ("rated", "judged", "branded", "found to be", "given"), as the complement of a
judged area ("adoption services are good"), or as "rated X <grade>".  A grade that
modifies a noun is an adjective, not a rating.  The subject is the judgement area the
clause names (adoption, care leavers, the LSCB ...), the overall judgement when it names
the services or the authority, else unspecified.
"""

from __future__ import annotations

import re

from checker.ingest.grades import named_subjects, subject_of, subjects_in
from checker.model import Rating

GRADE = (r"(?P<grade>outstanding|good|requir(?:es|ed|e)\s+improvement(?:\s+to\s+be\s+good)?|"
         r"requiring\s+improvement|adequate|inadequate)")
_QUOTED = re.compile(r"[\"“‘']\s*" + GRADE + r"\s*[\"”’']", re.I)
_JUDGING = (r"rated|rating(?:\s+of|,)|judged(?:\s+to\s+be)?|judgement\s+of|judgment\s+of|graded|branded|"
            r"found\s+to\s+be|deemed|given(?:\s+an?)?|handed|remains?|still|from|to")
_JUDGED = re.compile(rf"\b(?:{_JUDGING}|was|were|is|are|be)\s+(?:as\s+)?(?:an?\s+)?[\"“‘']?{GRADE}\b", re.I)
_GRADE_WORD = r"(?:requires?|requiring|good|adequate|inadequate|outstanding|as|to|be)\b"
_RATED_OBJECT = re.compile(
    rf"\b(?:rated|judged|graded)\s+(?P<object>(?:(?!{_GRADE_WORD})[\w'’-]+\s+){{1,5}}?){GRADE}\b", re.I)
_STRONG = re.compile(rf"\b(?:{_JUDGING})\s", re.I)
# After a grade, words that show it is not modifying a noun ("rated good by", "good.").
_AFTER_OK = re.compile(r"^\s*(?:$|[.,;:!?)\"”’'—–]|-(?![\w])|(?:and|or|but|by|in|for|at|on|overall|because|"
                       r"following|after|since|with|when|while|to|from|as|across|again|"
                       r"last|this|in\s+\d{4})\b)", re.I)
# "to be good" after a noun, not after a judging verb, is the tail of the grade
# "requires improvement to be good" ("care leavers: requires improvement to be good").
_TO_BE_TAIL = re.compile(r"\b(?!(?:judged|found|deemed|considered|continues?|continued|remains?|remained|"
                         r"proved|proven|shown|seems?|seemed|appears?|appeared|likely|expected|needs?|"
                         r"going|set|rated|said|thought|believed|declared|was|were|is|are)\b)"
                         r"[\w'’]+\s+to\s+$", re.I)
_RATED = re.compile(r"\b(?:rated|rating|judged|judgement|judgment|graded|branded|found|deemed|given|handed|ruled)\b", re.I)
_TRAILING_VERB = re.compile(r"(?:\s+(?:is|are|was|were|remains?|remained|still|now|continues?\s+to\s+be|as|be|to))+\s*$", re.I)
_PROPER_NAME = re.compile(r"^(?:[A-Z][\w'’-]*\s*)+$")


def _graded_is_subject(clause: str) -> bool:
    """Is what the clause says is good the graded thing itself: a judged area
    ("adoption services are good", "Somerset's care leavers still require improvement")
    or a name ("Somerset still inadequate"), not an aspect ("placement stability for
    children looked after is good", "pathway plans ... still require improvement")?"""
    noun_phrase = _TRAILING_VERB.sub("", clause).strip(" ,'\"‘’“”")
    return bool(named_subjects(noun_phrase) or _PROPER_NAME.match(noun_phrase))


UNSPECIFIED = "unspecified"
# a grade denied or left behind: "not rated inadequate", "no longer 'inadequate'", "moves up
# out of 'inadequate'" give no grade
_NEGATED = re.compile(r"\b(?:not|never|no\s+longer|out\s+of)\b|n't\b", re.I)


def _canonical(grade: str) -> str:
    grade = " ".join(grade.lower().split())
    return "requires improvement" if grade.startswith("requir") else grade


# the grade a change starts from: "caring dropped from good to requires improvement"
# gives the grade now, not the one left behind (a source's history, not its judgement)
_FROM = re.compile(r"\bfrom\s+[\"“‘']?$", re.I)
_TO_GRADE = re.compile(rf"^[\"”’']?\s+to\s+(?:an?\s+)?[\"“‘']?{GRADE}", re.I)


def find_ratings(sentence: str) -> list[tuple[Rating, int, int]]:
    """Ratings in a sentence, with the character range of the grade words."""
    found: dict[int, tuple[Rating, int, int]] = {}
    for pattern in (_QUOTED, _JUDGED, _RATED_OBJECT):
        for match in pattern.finditer(sentence):
            start, end = match.span("grade")
            if any(a < end and start < b for _, a, b in found.values()):
                continue
            if pattern is not _QUOTED and not _AFTER_OK.match(sentence[end:]):
                continue  # "an outstanding achievement": an adjective on a noun
            if (pattern is _JUDGED and match.group("grade").lower() == "good" and match.group(0)[:2].lower() == "be"
                    and _TO_BE_TAIL.search(sentence[:match.start()])):
                continue
            if _NEGATED.search(sentence[max(0, match.start() - 12):start]):
                continue
            if _FROM.search(sentence[:start]) and _TO_GRADE.match(sentence[end:]):
                continue
            grade = _canonical(match.group("grade"))
            weak = pattern is _JUDGED and not _STRONG.search(match.group(0))
            as_verb = pattern is _JUDGED and grade == "requires improvement" and not _RATED.search(
                sentence[max(0, match.start() - 20):start])  # "judged to require improvement" is rated
            if (weak and grade in ("good", "adequate", "outstanding") or as_verb) and not _graded_is_subject(
                    _clause_before(sentence, start)):
                continue  # "is good", "still require improvement": plain English unless said of a judged area
            subject = _graded_activity(sentence[end:]) or _graded_noun(sentence[:start]) or _subject(sentence, start, end)
            found[start] = (Rating(grade=grade, subject=subject), start, end)
    return [found[k] for k in sorted(found)]


# "schools rated good": the grade is the noun's, here not a judgement of the report's.
_REDUCED_RELATIVE = re.compile(
    r"\b(?P<noun>[a-z][\w'’-]*s)\s+(?:rated|judged|graded)(?:\s+as|\s+to\s+be)?\s+[\"“‘']?$"  # "schools rated good"
    r"|(?P<head>(?:\b[\w'’-]+\s+){0,3}[\w'’-]+),?\s+(?:which|that)\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+"
    r"(?:judged|rated|graded|found)(?:\s+as|\s+to\s+be)?\s+[\"“‘']?$"  # "one children's home, which was judged"
    r"|\b(?P<count>one|two|three|four|five|six|seven|eight|nine|ten|\d+|some|most|all|many|several|none)"
    r"(?:\s+of\s+(?:them|these|those))?\s+(?:was|were|are|is)\s+(?:judged|rated|graded|found)"
    r"(?:\s+as|\s+to\s+be)?\s+[\"“‘']?$",  # "eight homes; six were judged to be good"
    re.I)


def _graded_noun(before: str) -> str | None:
    """``other:<noun>`` when the grade belongs to a noun it follows ('attend schools
    rated good or outstanding', 'one children's home, which was judged to be good') that
    names no judgement area, or to a count of things ('six were judged to be good')."""
    match = _REDUCED_RELATIVE.search(before)
    if not match:
        return None
    noun = (match.group("noun") or match.group("head") or "").lower()
    if match.group("count"):
        return "other:count"  # a count of graded things, not one judgement
    if noun in ("was", "is", "has", "its", "this", "it", "they"):
        return None
    named = " ".join(before[:match.end("noun")].split()[-3:]) if match.group("noun") else noun
    # a judged area named in full is graded itself ("Children's Services rated good")
    return None if subject_of(noun) or subject_of(named.lower()) else f"other:{noun.split()[-1]}"


_AT_ACTIVITY = re.compile(r"^\s*[\"'’”]?\s*at\s+(?P<activity>(?:\w+ly\s+)?(?:\w+ing|how)\b[^.;]*)", re.I)


def _graded_activity(after: str) -> str | None:
    """'is good at helping young people into jobs' grades the activity, not the whole:
    the judged area it names ('good at investigating crime', 'at keeping people safe'),
    else ``other:activity``."""
    match = _AT_ACTIVITY.match(after)
    if not match:
        return None
    named = [s for s in subjects_in(match.group("activity")) if s != "overall"]
    return named[0] if named else "other:activity"


_ALL_BUT = re.compile(
    r"\ball(?:\s+(?:areas|services|other\s+areas|judgements|the\s+others))?\s+"
    r"(?:bar|but|except(?:\s+for)?|apart\s+from|other\s+than)\s+(?P<x>.+?)(?=,|\s+(?:were|are|have|was|is)\b)",
    re.I)
_PLURAL_VERB = re.compile(r"\b(?:were|are|have\s+been)\b", re.I)
_FINITE = re.compile(r"\b(?:was|were|is|are|has|have|had)\b", re.I)
_RELATIVE = re.compile(r",\s*(?:which|who)\b[^,]*(?:,|$)", re.I)
_CLAUSE_BREAK = re.compile(r"[;:,]|\bwhile\b|\bbut\b|\bwhereas\b|\balthough\b", re.I)


def _clause_before(sentence: str, at: int) -> str:
    return _CLAUSE_BREAK.split(sentence[:at])[-1]


def _subject(sentence: str, start: int, end: int) -> str:
    """The judgement area of the clause holding the grade, else of the text before it;
    the overall judgement when that names the services or the authority.

    "All bar adoption ... were given an inadequate" judges every area but adoption:
    subject ``all_except:adoption``.  A grade inside "which was given ..." belongs to
    the noun the clause hangs on.
    """
    before = sentence[:start]
    every = _ALL_BUT.search(before)
    if every and not _inside_relative(before, every.end()) and _PLURAL_VERB.search(before[every.end():]):
        excluded = subject_of(every.group("x"))
        if excluded:
            return f"all_except:{excluded}"
    clause_end = _CLAUSE_BREAK.search(sentence, end)
    rest = sentence[end:clause_end.start() if clause_end else len(sentence)]
    without_relatives = _RELATIVE.sub(",", before)
    found = [subject_of(text) for text in (
        _clause_before(sentence, start) + rest, _clause_before(without_relatives, len(without_relatives)),
        without_relatives)]
    specific = [s for s in found if s and s != "overall"]
    if specific:
        return specific[0]
    return "overall" if "overall" in found else UNSPECIFIED


def _inside_relative(before: str, at: int) -> bool:
    """Is the grade inside a 'which ...' clause opened after position ``at``?  The
    clause has ended once the main verb ('were') follows it."""
    opened = re.search(r",\s*(?:which|who)\b(?P<clause>.*)$", before[at:], re.I | re.S)
    if not opened:
        return False
    clause = opened.group("clause")
    if "," in clause:
        return False  # ', which were rated good,' is closed before the grade
    return len(_FINITE.findall(clause)) <= 1  # only the clause's own verb so far
