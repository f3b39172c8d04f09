"""Corpus runs give the same results, in input order, in every mode: in process, a
process pool, and a Dask cluster."""

from __future__ import annotations

from checker import as_json

from pathlib import Path

import pytest

from checker.corpus.runner import Job, attribute_article, check_corpus, run_tasks
from checker.corpus.store import build_index
from checker.errors import UsageError
from corpus_helpers import ARTICLE, REPORT, news_records, somerset_corpus

ORDER = ["004", "000", "001", "003"]
FRANK = [r for r in news_records() if r["origin"] == "frank"
         and any(s["faithful"] for s in r["summaries"])]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("runner")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHECKER_CACHE_DIR", str(folder / "cache"))
        corpus = somerset_corpus(folder / "corpus", 40)
        for record in FRANK[:6]:
            (corpus / f"{record['id']}.txt").write_text(record["text"], encoding="utf-8")
        build_index(corpus)
        yield corpus


@pytest.fixture(scope="module")
def articles(corpus, tmp_path_factory):
    """The seed articles, then summaries of news in the corpus, shuffled by kind."""
    folder = tmp_path_factory.mktemp("articles")
    paths = [str(ARTICLE[seed]) for seed in ORDER]
    faithful = [(r["id"], next(s["text"] for s in r["summaries"] if s["faithful"]))
                for r in FRANK[:6]]
    for record_id, summary in faithful:
        path = folder / f"summary-of-{record_id}.txt"
        path.write_text(summary, encoding="utf-8")
        paths.insert(2, str(path))
    return paths


def plain(run):
    return [as_json(result) for result in run.results]


@pytest.fixture(scope="module")
def in_process(corpus, articles):
    return check_corpus(articles, corpus, jobs=1, progress=False)


def test_seed_relations_in_corpus_mode(in_process, articles):
    by_article = {r.article.uri: r.relation for r in in_process.results}
    report = REPORT.name
    for seed, verdict in (("000", "same_report"), ("003", "same_report"), ("001", "later_report")):
        relation = by_article[str(ARTICLE[seed])]
        assert (relation.verdict, Path(relation.source).name) == (verdict, report)
        assert relation.candidates and all(Path(u).name != report for u, _ in relation.candidates)
    unrelated = by_article[str(ARTICLE["004"])]
    assert (unrelated.verdict, unrelated.source) == ("unknown", None)
    assert report in {Path(u).name for u, _ in unrelated.candidates}


def test_results_come_back_in_input_order(in_process, articles):
    assert [r.article.uri for r in in_process.results] == articles
    summaries = [r for r in in_process.results if "summary-of-" in r.article.uri]
    for result in summaries:  # each summary is checked against its own article
        own = Path(result.article.uri).stem.removeprefix("summary-of-")
        assert Path(result.relation.source).stem == own


def test_one_report_object_shared_by_all_results(in_process):
    reports = [r.sources[0] for r in in_process.results if r.sources
               and Path(r.sources[0].uri).name == REPORT.name]
    assert len(reports) == 3 and all(r is reports[0] for r in reports)


def test_process_pool_gives_the_same_results(corpus, articles, in_process):
    pooled = check_corpus(articles, corpus, jobs=2, progress=False)
    assert plain(pooled) == plain(in_process)


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_results(corpus, articles, in_process):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        on_dask = check_corpus(articles, corpus, scheduler=cluster.scheduler_address,
                               progress=False)
    # Dask workers are fresh interpreters with their own hash seeds: the whole result,
    # verdicts and scores included, must not depend on that
    assert plain(on_dask) == plain(in_process)


def test_attribution_alone_is_the_same_in_process_and_pool(corpus, articles):
    from checker.corpus.store import find_store

    job = Job(corpus=str(corpus.resolve()), store=str(find_store(corpus)))
    one = run_tasks(attribute_article, articles, job, jobs=1, progress=False)
    two = run_tasks(attribute_article, articles, job, jobs=2, progress=False)
    assert [a.chosen for a in one] == [a.chosen for a in two]
    assert [a.candidates for a in one] == [a.candidates for a in two]


def test_bad_modes_are_usage_errors(corpus, articles, monkeypatch):
    monkeypatch.setattr("checker.corpus.runner.DASK_CONNECT_TIMEOUT", "1s")
    job = Job(corpus=str(corpus), store=str(corpus))
    with pytest.raises(UsageError):
        run_tasks(attribute_article, articles, job, jobs=0)
    with pytest.raises(UsageError, match="Dask scheduler"):
        run_tasks(attribute_article, articles, job, scheduler="tcp://127.0.0.1:9")


def test_progress_bar_only_when_asked_or_on_a_terminal(capsys):
    from checker.corpus.runner import _with_progress

    assert list(_with_progress(iter(range(3)), 3, show=False)) == [0, 1, 2]
    assert capsys.readouterr().err == ""
    assert list(_with_progress(iter(range(3)), 3, show=None)) == [0, 1, 2]  # not a tty here
    assert capsys.readouterr().err == ""
    assert list(_with_progress(iter(range(3)), 3, show=True)) == [0, 1, 2]
    assert "checking" in capsys.readouterr().err


def test_a_worker_keeps_a_bounded_number_of_prepared_sources(corpus, monkeypatch):
    from checker.corpus import runner
    from checker.corpus.store import find_store
    from checker.model import Document

    monkeypatch.setattr(runner, "MAX_PREPARED", 2)
    worker = runner._Worker(Job(corpus=str(corpus), store=str(find_store(corpus))))
    docs = [Document(id=str(n), uri=f"{n}.txt", role="source", text="x") for n in range(3)]
    first = worker.checker_for(docs[0])
    assert worker.checker_for(docs[1]) is first and worker.checker_for(docs[0]) is first
    third = worker.checker_for(docs[2])  # a third distinct source: a fresh checker
    assert third is not first and worker.checker_for(None) is third


def test_checks_read_the_sources_claims_from_the_index(corpus, articles, monkeypatch):
    """No source is parsed at check time: its figures and dates come from the index."""
    from checker.corpus.runner import _STATE
    from checker.match.index import SourceIndex

    def parse_again(self):
        raise AssertionError(f"{self.document.uri} was prepared again at check time")

    _STATE.clear()  # no worker keeps sources another test prepared in memory
    monkeypatch.setattr(SourceIndex, "warm", parse_again)
    run = check_corpus(articles[:2], corpus, jobs=1, progress=False)
    assert [r.relation.verdict for r in run.results] == ["unknown", "same_report"]  # 004, 000
