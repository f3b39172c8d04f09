"""A date is held to the source's date of the same event: the inspection's first day
for "began on", its last for "ended", the whole visit for "inspected in"; never borne
out by a day of another event."""

from __future__ import annotations

import pytest

from checker.engine import Checker
from checker.ingest.documents import document_from_text, load_document

SEED = "corpora/seeds/ofsted-2015-03-27-somerset-childrens-services-report.txt"


@pytest.fixture(scope="module")
def run():
    checker = Checker(use_store=False)
    source = load_document(SEED, "source")

    def dates(sentence):
        result = checker.check(document_from_text(sentence + "\n", "a.txt", "article"), [source])
        return [(c.claim.payload.event, [f.code for f in c.findings]) for c in result.claims if c.claim.kind == "date"]
    return dates


@pytest.mark.parametrize("sentence,expected", [
    ("The inspection of Somerset County Council began on 21 January.", [("inspection_start", ["DAT01"])]),
    ("The inspection of Somerset County Council began on 20 January.", [("inspection_start", [])]),
    ("Somerset County Council was inspected from 21 January to 11 February 2015.",
     [("inspection_start", ["DAT01"]), ("inspection_end", [])]),
    ("The inspection of Somerset County Council ended on 11 February.", [("inspection_end", [])]),
    ("Somerset County Council was inspected in January 2015.", [("inspection", [])]),
])
def test_same_event(run, sentence, expected):
    assert run(sentence) == expected
