"""The corpus store: built once, re-parsed only where content changed, bounded memory."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from checker.corpus.store import BESIDE, CorpusIndex, build_index, find_store, open_index
from checker.errors import MissingInput, UsageError
from checker.ingest.documents import load_document
from corpus_helpers import REPORT, somerset_corpus, write_news


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_second_run_parses_nothing_and_a_changed_file_alone_is_parsed(tmp_path, cache):
    corpus = somerset_corpus(tmp_path / "corpus", 20)
    first = build_index(corpus)
    assert (first.documents, first.parsed, first.prepared, first.rebuilt_bm25) == (21, 21, 21, True)
    assert first.store.is_relative_to(cache)
    again = build_index(corpus)
    assert (again.parsed, again.reused, again.prepared, again.rebuilt_bm25) == (0, 21, 0, False)

    changed = next(corpus.glob("xsum-*.txt"))
    changed.write_text(changed.read_text() + "\nA line added later.", encoding="utf-8")
    third = build_index(corpus)
    assert (third.parsed, third.reused, third.removed, third.prepared, third.rebuilt_bm25) == \
        (1, 20, 1, 1, True)
    assert len(list((third.store / "prepared").glob("*.entry"))) == 21  # the old one went


def test_the_index_holds_each_sources_claims(tmp_path, monkeypatch):
    corpus = somerset_corpus(tmp_path / "corpus", 3)
    index = open_index(corpus)
    row = next(i for i, card in enumerate(index.cards) if card.path == REPORT.name)
    prepared = index.claims.load(index.document(row))
    assert prepared is not None
    assert any(value == "2015-03-27" for _, value, _ in prepared.dates)  # read at index time
    assert prepared.quantities  # the report's figures, read by spaCy once
    # A new version of checker reads every source's claims again at the next run.
    import checker.cachefile as cachefile

    monkeypatch.setattr(cachefile, "code_fingerprint", lambda: "a-later-version")
    stats = build_index(corpus)
    assert (stats.parsed, stats.prepared) == (0, 4)
    assert len(list((stats.store / "prepared").glob("*.entry"))) == 4


def test_touched_or_renamed_files_are_rehashed_not_reparsed(tmp_path):
    corpus = somerset_corpus(tmp_path / "corpus", 5)
    build_index(corpus)
    report = corpus / REPORT.name
    os.utime(report, ns=(1, 1))  # same bytes, new mtime
    (corpus / "xsum-0000.txt").rename(corpus / "renamed.txt")
    stats = build_index(corpus)
    assert (stats.parsed, stats.reused) == (0, 6)
    assert "renamed.txt" in {c.path for c in CorpusIndex(corpus, stats.store).cards}


def test_deleted_files_leave_the_store(tmp_path):
    corpus = somerset_corpus(tmp_path / "corpus", 5)
    build_index(corpus)
    (corpus / "xsum-0001.txt").unlink()
    stats = build_index(corpus)
    assert (stats.documents, stats.removed) == (5, 1)
    assert len(list((stats.store / "docs").glob("*.json.gz"))) == 5
    assert len(list((stats.store / "prepared").glob("*.entry"))) == 5


def test_beside_store_is_found_first(tmp_path):
    corpus = somerset_corpus(tmp_path / "corpus", 3)
    stats = build_index(corpus, beside=True)
    assert stats.store == corpus.resolve() / BESIDE
    assert find_store(corpus) == stats.store
    assert len(open_index(corpus)) == 4  # the store itself is not indexed


def test_stored_document_is_the_parsed_source(tmp_path):
    corpus = somerset_corpus(tmp_path / "corpus", 3)
    index = open_index(corpus)
    row = next(i for i, c in enumerate(index.cards) if c.path == REPORT.name)
    stored, parsed = index.document(row), load_document(str(REPORT), "source")
    assert stored.passages == parsed.passages and stored.facts == parsed.facts
    assert stored.id == parsed.id and stored.uri == str(corpus.resolve() / REPORT.name)
    card = index.cards[row]
    assert (card.subject.name if card.subject else None, card.published, card.is_report) == (
        "Somerset County Council", "2015-03-27", True)


def test_unreadable_files_are_skipped_with_a_reason(tmp_path):
    corpus = somerset_corpus(tmp_path / "corpus", 2)
    (corpus / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (corpus / "empty.txt").write_text("  \n", encoding="utf-8")
    stats = build_index(corpus)
    assert stats.documents == 3
    assert sorted(p for p, _ in stats.skipped) == ["empty.txt", "scan.pdf"]


def test_bad_corpus_arguments(tmp_path):
    with pytest.raises(MissingInput):
        build_index(tmp_path / "nowhere")
    with pytest.raises(UsageError):
        build_index(REPORT)


def test_building_does_not_hold_the_corpus_in_memory(tmp_path):
    """Four times the reports, (almost) the same peak: one report is parsed and its
    claims read at a time, and the BM25 matrix is built from term files streamed from
    disk.  (The first third of the report, so that reading claims keeps this quick.)
    Measured in a fresh interpreter, so that what earlier tests left in checker's caches
    is not counted."""
    write_news(tmp_path / "warm", 2)
    text = REPORT.read_text(encoding="utf-8")
    text = text[: len(text) // 3]
    corpora = []
    for copies in (4, 16):
        corpus = tmp_path / f"reports-{copies}"
        corpus.mkdir()
        for n in range(copies):
            (corpus / f"report-{n}.txt").write_text(f"{text}\nCopy {n}.\n", encoding="utf-8")
        corpora.append(str(corpus))
    done = subprocess.run([sys.executable, "-c", _PEAKS, str(tmp_path / "warm"), *corpora],
                          capture_output=True, text=True, check=True)
    four, sixteen = (int(line) for line in done.stdout.split())
    added_text = 12 * len(text)  # holding the twelve more copies would cost their text at
    # least, and their parses many times that; what is kept per document is its card
    assert sixteen - four < added_text / 2, (four, sixteen, added_text)


# Each corpus's peak memory while it is indexed, after a first index has warmed the imports.
_PEAKS = """
import sys, tracemalloc
from checker.corpus.store import build_index
build_index(sys.argv[1])
for corpus in sys.argv[2:]:
    tracemalloc.start()
    build_index(corpus)
    print(tracemalloc.get_traced_memory()[1])
    tracemalloc.stop()
"""


def test_cards_keep_the_terms_of_their_opening_lines_only(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    opening = "Torquay United have signed striker Myles Anderson on a two-year deal."
    filler = " The weather was mild and the crowd was small." * 20
    (corpus / "story.txt").write_text(opening + filler + " Penguins appeared late.",
                                      encoding="utf-8")
    index = open_index(corpus)
    lede = index.cards[0].lede
    assert {"torquay", "anderson"} <= set(lede) and list(lede) == sorted(lede)
    assert not any(t.startswith("penguin") for t in lede)  # past the opening
    # The lede survives the manifest: a reopened store has the same card.
    assert CorpusIndex(corpus, find_store(corpus)).cards[0].lede == lede


def test_a_pool_indexes_as_one_process_does(tmp_path, monkeypatch):
    corpus = somerset_corpus(tmp_path / "corpus", 6)
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "pool"))
    pooled = build_index(corpus, jobs=2)
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "alone"))
    alone = build_index(corpus, jobs=1)
    assert (pooled.documents, pooled.parsed, pooled.prepared, pooled.skipped) == \
        (alone.documents, alone.parsed, alone.prepared, alone.skipped) == (7, 7, 7, alone.skipped)
    assert [p for p, _ in pooled.skipped] == ["empty.txt"]
    assert CorpusIndex(corpus, pooled.store).cards == CorpusIndex(corpus, alone.store).cards
    assert sorted(p.name for p in (pooled.store / "prepared").iterdir()) == \
        sorted(p.name for p in (alone.store / "prepared").iterdir())
    with pytest.raises(UsageError):
        build_index(corpus, jobs=0)
