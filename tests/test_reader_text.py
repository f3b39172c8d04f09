"""What a reader sees in a terminal: verdicts that separate checked from not checked,
findings first with one summary line in words, colour and width as the terminal asks,
and a status line while a source is read."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from checker.model import RunResult, Summary
from checker.report.text import render, terminal_options
from checker.report.wording import summary_line
from sample_runs import clean_result, run_cli, sample_result

SEEDS = Path(__file__).resolve().parent.parent / "corpora" / "seeds"
REPORT = SEEDS / "ofsted-2015-03-27-somerset-childrens-services-report.txt"
LOCAL = SEEDS / "local-news-2015-03-27-somerset-branded-inadequate.txt"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


# --- the seed article: verdicts and counts ----------------------------------------------


@pytest.fixture(scope="module")
def local_news():
    import checker

    return checker.check(str(LOCAL), str(REPORT))


def test_quotations_by_others_are_not_checked_with_who_said_them(local_news):
    others = [c for c in local_news.claims
              if c.claim.kind == "quote" and c.claim.payload.speaker_kind == "other"]
    assert len(others) >= 10
    for claim_result in others:
        assert claim_result.verdict == "not_checked" and claim_result.findings == ()
        assert claim_result.reason == f"said by {claim_result.claim.payload.speaker}"
    assert any(c.reason == "said by Somerset County Councillor Mike Rigby" for c in others)


def test_figures_inside_anothers_quotation_are_not_checked(local_news):
    inside = [c for c in local_news.claims if c.claim.kind == "figure" and c.claim.attribution]
    assert inside and all(c.verdict == "not_checked" and c.reason.startswith("said by ")
                          for c in inside)


def test_names_are_context_reported_only_when_misspelt_or_absent(local_news):
    names = [c for c in local_news.claims if c.claim.kind == "entity" and not c.claim.attribution]
    spelt_alike = [c for c in names if c.verdict == "not_checked"]
    assert spelt_alike and all(c.reason == "a name, spelt as the source spells it" for c in spelt_alike)
    assert {c.verdict for c in names} <= {"not_checked", "contradicted", "not_in_source"}
    assert any(c.verdict == "contradicted" and c.claim.text.startswith("Somerst") for c in names)
    summary = Summary.of(local_news)
    assert summary.claims == sum(1 for c in local_news.claims if c.claim.kind != "entity")


def test_counts_read_off_the_new_verdicts(local_news):
    summary = Summary.of(local_news)
    counted = [c for c in local_news.claims if c.claim.kind != "entity"]
    checked = [c for c in counted if c.verdict in ("supported", "contradicted", "not_in_source")]
    assert summary.checkable == len(checked)
    assert summary.confirmed == sum(1 for c in checked if c.verdict == "supported")
    assert summary.by_verdict["not_checked"] >= 20  # 21 quotations by others, and figures in them
    assert summary.checkable < len(counted)


def test_json_keeps_the_distinction_and_its_reason(capsys):
    code, out, _ = run_cli(["check", str(LOCAL), "--source", str(REPORT), "-f", "json"], capsys)
    body = json.loads(out)
    assert code == 1 and body["schema"] == "checker/2"
    reasons = {c["reason"] for c in body["claims"] if c["verdict"] == "not_checked"}
    assert "said by Somerset County Councillor Mike Rigby" in reasons
    assert all(c["reason"] is None for c in body["claims"]
               if c["verdict"] in ("supported", "contradicted", "not_in_source"))


def test_the_seed_text_output_leads_with_findings_then_one_summary_line(capsys, local_news):
    code, out, _ = run_cli(["check", str(LOCAL), "--source", str(REPORT)], capsys)
    lines = out.rstrip("\n").splitlines()
    assert code == 1
    assert lines[0].startswith(str(LOCAL)) and "against" in lines[0]
    assert re.match(r"  \d+:\d+ +(error|warning|note) ", lines[1])
    summary = Summary.of(local_news)
    # no note: 'two years of failings' is a span the source does not give, no figure it lacks
    assert lines[-1] == (f"1 error, 2 warnings; {summary.confirmed} of "
                         f"{summary.checkable} checkable claims confirmed")
    assert "aligned by" not in out and "relation" not in out and not re.search(r"\b0 ", lines[-1])  # no zero counts


def test_verbose_lists_every_claim_with_its_alignment(capsys):
    code, out, _ = run_cli(["check", str(LOCAL), "--source", str(REPORT), "-v"], capsys)
    assert "aligned by fuzzy" in out or "aligned by exact" in out
    assert "not checked (said by Somerset County Councillor Mike Rigby)" in out
    assert "quotes.misquote" in out


# --- the summary line and the layout ----------------------------------------------------


def test_summary_line_in_words_without_zero_counts():
    summary = Summary(articles=1, claims=5, by_severity={"error": 2, "warning": 1},
                      by_verdict={"supported": 3, "contradicted": 1, "not_in_source": 1,
                                  "not_checked": 4})
    assert summary_line(summary) == "2 errors, 1 warning; 3 of 5 checkable claims confirmed"
    quiet = Summary(articles=3, claims=1, by_verdict={"supported": 1}, suppressed=2)
    assert summary_line(quiet) == "no findings in 3 articles (2 suppressed); 1 of 1 checkable claim confirmed"


def test_a_clean_article_is_one_line():
    out = render(RunResult((clean_result(),)))
    assert out.splitlines()[0] == "drafts/clean.md against reports/ofsted.txt: no findings"


def test_width_wraps_with_a_hanging_indent_and_pipes_are_not_wrapped():
    run = RunResult((sample_result(),))
    wrapped = render(run, width=50).splitlines()
    assert all(len(line) <= 50 for line in wrapped)
    assert any(line.startswith(" " * 19) and line.strip() for line in wrapped)
    whole = render(run).splitlines()
    assert any("the source says 8 directors in 10 years [NUM01]" in line for line in whole)


# --- colour and width from the environment ----------------------------------------------


def test_no_color_wins_over_a_terminal_and_force_color_colours_a_pipe(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert terminal_options(_Terminal(), None)["color"] is False
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert terminal_options(_Terminal(), None)["color"] is False  # NO_COLOR first
    monkeypatch.delenv("NO_COLOR")
    assert terminal_options(io.StringIO(), None)["color"] is True
    assert terminal_options(io.StringIO(), False)["color"] is False  # --no-color wins
    monkeypatch.delenv("FORCE_COLOR")
    assert terminal_options(io.StringIO(), None) == {"color": False, "width": None}
    assert terminal_options(_Terminal(), None)["color"] is True
    monkeypatch.setenv("COLUMNS", "72")
    assert terminal_options(_Terminal(), None)["width"] == 72
    assert terminal_options(None, None)["width"] is None  # a file named by -o


def test_force_color_reaches_a_piped_stdout_and_no_color_strips_it(capsys, monkeypatch):
    args = ["check", str(LOCAL), "--source", str(REPORT)]
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, coloured, _ = run_cli(args, capsys)
    assert ANSI.search(coloured)
    monkeypatch.setenv("NO_COLOR", "1")
    _, plain, _ = run_cli(args, capsys)
    assert not ANSI.search(plain) and ANSI.sub("", coloured) == plain


# --- the status line while a source is read ---------------------------------------------


def test_status_line_names_the_source_and_its_size_on_a_terminal(capsys, monkeypatch):
    import checker.status

    monkeypatch.setattr(checker.status, "on_terminal", lambda: True)
    code, out, err = run_cli(["check", str(LOCAL), "--source", str(REPORT), "-f", "json"], capsys)
    assert code == 1 and json.loads(out)
    passages = len(checker.check(str(LOCAL), str(REPORT)).sources[0].passages)
    assert f"Reading {REPORT.name}: {passages} passages" in ANSI.sub("", err)


def test_no_status_line_when_stderr_is_not_a_terminal(capsys):
    _, _, err = run_cli(["check", str(LOCAL), "--source", str(REPORT)], capsys)
    assert "Reading" not in err


def test_a_pdf_source_is_sized_in_pages():
    from checker.ingest.documents import document_from_text
    from checker.model import Passage, Span
    from checker.status import size_of

    document = document_from_text("a\nb\n", "r.pdf", "source")
    paged = type(document)(document.id, document.uri, "source", "a\nb\n",
                           (Passage("¶1", 0, Span(0, 1), "a", page=1),
                            Passage("¶2", 1, Span(2, 3), "b", page=50)))
    assert size_of(paged) == "50 pages"


# --- messages say each value once -------------------------------------------------------


def test_a_rating_message_gives_the_grade_once_and_other_words_beside_it():
    from checker.compare.ratings import check_rating
    from checker.model import Claim, Judgement, Rating, SourceFacts, Span

    facts = SourceFacts(judgements=(Judgement("overall", "inadequate", "¶1"),))
    bare = Claim("c1", "rating", Span(0, 4), "good", Rating("good"))
    _, [finding], _ = check_rating(bare, facts)
    assert "'good'" in finding.message and "('good')" not in finding.message
    worded = Claim("c2", "rating", Span(0, 10), "rated good", Rating("good"))
    _, [finding], _ = check_rating(worded, facts)
    assert "'good' ('rated good')" in finding.message
