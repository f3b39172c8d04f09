"""Attribution: which source in a corpus an article reports on, from names, dates and
content; the seed articles against the Somerset report among 400 real news texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.corpus.attribution import (Candidate, _stands_out, attribute, authority_key,
                                        named_councils)
from checker.corpus.store import open_index
from checker.ingest.documents import document_from_text, load_document
from corpus_helpers import ARTICLE, REPORT, news_records, redated_report, somerset_corpus


@pytest.fixture(scope="module")
def corpus400(tmp_path_factory):
    folder = tmp_path_factory.mktemp("c400")
    cache = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHECKER_CACHE_DIR", str(cache))
        index = open_index(somerset_corpus(folder / "corpus", 400))
    assert len(index) == 401
    return index


def chosen_name(article: Path, index) -> str | None:
    found = attribute(load_document(str(article), "article"), index)
    return Path(found.chosen.uri).name if found.chosen else None


@pytest.mark.parametrize("seed", ["000", "001", "003"])
def test_somerset_articles_find_the_somerset_report(corpus400, seed):
    assert chosen_name(ARTICLE[seed], corpus400) == REPORT.name


def test_worcestershire_article_finds_none(corpus400):
    found = attribute(load_document(str(ARTICLE["004"]), "article"), corpus400)
    assert found.chosen is None
    runner_ups = [Path(uri).name for uri, _ in found.candidates]
    assert REPORT.name in runner_ups  # considered, and ruled out by name
    report = next(c for c in found.runners_up if Path(c.uri).name == REPORT.name)
    assert "worcestershire" in report.reasons[0] and "Somerset" in report.reasons[0]


def test_candidates_are_runners_up_with_scores_best_first(corpus400):
    found = attribute(load_document(str(ARTICLE["003"]), "article"), corpus400)
    scores = [s for _, s in found.candidates]
    assert found.candidates and scores == sorted(scores, reverse=True)
    assert all(s < found.chosen.score for s in scores)
    assert found.chosen.uri not in {u for u, _ in found.candidates}


def test_faithful_summaries_find_their_own_article(corpus400):
    records = [r for r in news_records()[:400] if r["origin"] == "frank"]
    hits = total = 0
    for record in records[:40]:
        for summary in (s for s in record["summaries"] if s["faithful"]):
            found = attribute(document_from_text(summary["text"], "q", "article"), corpus400)
            total += 1
            hits += found.chosen is not None and Path(found.chosen.uri).stem == record["id"]
    assert total >= 30 and hits / total >= 0.95


@pytest.fixture()
def three_somerset_reports(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    corpus = somerset_corpus(tmp_path / "corpus", 30)
    for year in (2013, 2017):
        (corpus / f"somerset-{year}.txt").write_text(redated_report(year), encoding="utf-8")
    return open_index(corpus)


def test_same_report_among_earlier_and_later_ones(three_somerset_reports):
    # The 2015 stories mention nothing after 2015: the 2017 report is ruled out by date,
    # and the 2015 one is the newest the story could be about (the local story also
    # gives its publication day, 27 March).
    assert chosen_name(ARTICLE["003"], three_somerset_reports) == REPORT.name
    assert chosen_name(ARTICLE["000"], three_somerset_reports) == REPORT.name


def test_later_inspection_article_takes_the_newest_report_before_it(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    corpus = somerset_corpus(tmp_path / "corpus", 30)
    (corpus / "somerset-2013.txt").write_text(redated_report(2013), encoding="utf-8")
    # The 2017 article about Somerset: of the 2013 and 2015 reports, the newest earlier.
    assert chosen_name(ARTICLE["001"], open_index(corpus)) == REPORT.name


def test_names_are_compared_by_what_tells_councils_apart():
    assert authority_key("Somerset County Council") == "somerset"
    assert authority_key("Kingston upon Thames Council") == "kingston upon thames"
    assert named_councils(ARTICLE["004"].read_text()) == {"worcestershire"}
    assert named_councils(ARTICLE["000"].read_text()) >= {"somerset", "essex"}


def test_empty_corpus_finds_none(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "empty").mkdir()
    found = attribute(load_document(str(ARTICLE["003"]), "article"), open_index(tmp_path / "empty"))
    assert found.chosen is None and found.candidates == ()


def test_later_inspection_article_takes_the_later_report_when_the_corpus_has_it(
        three_somerset_reports):
    assert chosen_name(ARTICLE["001"], three_somerset_reports) == "somerset-2017.txt"


def _candidate(bm25: float, coverage: float = 0.5, reasons: tuple[str, ...] = ()) -> Candidate:
    return Candidate(row=0, uri="x", score=0.0, coverage=coverage, bm25=bm25, reasons=reasons)


def test_a_source_stands_out_by_its_share_of_the_self_score_and_its_lead():
    # Its own article scores a good share of the summary's self-score, well ahead.
    assert _stands_out(_candidate(4.0), [_candidate(1.5)], self_score=10.0) is not None
    # Near-equal weak matches, as an article absent from the corpus leaves: none.
    assert _stands_out(_candidate(2.0), [_candidate(1.9)], self_score=10.0) is None
    # The same scores for a summary with five times the vocabulary are a small share.
    assert _stands_out(_candidate(4.0), [_candidate(1.5)], self_score=50.0) is None
    # Weak, near-equal scores, but the best source's opening holds most of the summary.
    assert _stands_out(_candidate(2.0), [_candidate(1.9)], self_score=10.0, lede_idf=6.0)
    # A report on the authority the article names stands out whatever its scores.
    named = _candidate(1.0, coverage=0.3, reasons=("names Somerset County Council",))
    assert _stands_out(named, [_candidate(1.0)], self_score=50.0) is not None
