"""Real Ofsted children's services reports (corpora/ofsted-ilacs-dev): the grades and
dates read as Ofsted published them.  A representative subset, for the suite's time (a
PDF takes 3-14 s to read): wrapped grade tables ("Requires improvement Overall effectiveness to be
good"), a report with no overall grade (the 2026 reform).  `make eval-ilacs`
prints the table for all thirty."""

from __future__ import annotations

import pytest

from checker.evaluate_ilacs import read_report, rows, score

SUBSET = ("staffordshire-11-march-2019.pdf", "wokingham-15-july-2019.pdf",
          "west-northamptonshire-07-july-2026.pdf")


@pytest.mark.parametrize("name", SUBSET)
def test_grades_and_dates_as_published(name):
    row = next(r for r in rows() if r["file"].endswith(name))
    cells = score(row, read_report(row))
    wrong = {field: cell for field, cell in cells.items() if field != "council" and cell.verdict == "wrong"}
    assert wrong == {}
    assert all(cells[f].verdict in ("right", "unscored") for f in cells if f not in ("council", "published"))
    assert cells["published"].verdict in ("right", "not_stated")
