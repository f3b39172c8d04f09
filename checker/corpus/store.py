"""The persistent index of a directory of source documents.

Layout of a store (in the user cache directory, or ``DIR/.checker-index`` with
``--beside``)::

    manifest.json            one card per source file: path, content hash, facts
    docs/<sha256>.json.gz    the parsed Document (passages, facts)
    docs/<sha256>.terms.gz   its term counts, what the retrieval index is built from
    prepared/<id>-<code>.entry  its claims: the figures and dates spaCy reads in it, as
                             checked JSON (see checker.prepared), so no check parses a
                             source again
    bm25/                    the bm25s index over every document, loaded memory-mapped

Files are keyed by the SHA-256 of their bytes, so a re-index parses only files whose
content changed (a touched but unchanged file is re-hashed, not re-parsed; a renamed one
is neither); a new version of checker prepares every document's claims again.  Nothing
here holds the corpus in memory at once: parsing goes file by file,
the BM25 matrix is built from the term files streamed from disk, and a check loads only
the one report it needs.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np

from checker import __version__
from checker.corpus.serial import (document_from_dict, document_to_dict, read_json_gz,
                                   subject_from_dict, write_json_gz)
from checker.corpus.terms import term_counts, terms
from checker.errors import InputError, MissingInput, UsageError
from checker.model import Document, Subject
from checker.prepared import PreparedStore, cache_root

FORMAT = 3  # 2: cards carry their lede's terms; 3: and their subject
BESIDE = ".checker-index"
SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"})
EMPTY_TERM = ""
LEDE_CHARS = 300  # a news story's opening, which a summary of it restates
PREPARED = "prepared"


@dataclass(frozen=True)
class Card:
    """What the index keeps in memory about one source: enough to attribute without it."""

    path: str  # relative to the corpus directory, with forward slashes
    digest: str  # sha256 of the file's bytes
    size: int
    mtime_ns: int
    doc_id: str
    title: str
    chars: int
    passages: int
    subject: Subject | None = None
    inspection_start: str | None = None
    inspection_end: str | None = None
    published: str | None = None
    judgements: int = 0
    lede: tuple[str, ...] = ()  # the terms of the first LEDE_CHARS characters, sorted

    @property
    def is_report(self) -> bool:
        """A source that dates itself or grades something: its subject can be trusted."""
        return bool(self.inspection_start or self.published or self.judgements)

    @property
    def date(self) -> str | None:
        """The date the report speaks for: its publication, else the inspection's end."""
        return self.published or self.inspection_end or self.inspection_start


@dataclass
class IndexStats:
    """What one ``checker index`` run did."""

    store: Path
    documents: int = 0
    parsed: int = 0
    reused: int = 0
    removed: int = 0
    prepared: int = 0  # documents whose claims were read (new, changed, or new code)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    rebuilt_bm25: bool = False
    seconds: float = 0.0


def store_dir(corpus: Path, beside: bool = False) -> Path:
    """Where a corpus's store lives: beside it, or under the cache root."""
    corpus = corpus.resolve()
    if beside:
        return corpus / BESIDE
    key = hashlib.sha256(str(corpus).encode("utf-8")).hexdigest()[:16]
    return cache_root() / "corpora" / f"{corpus.name or 'root'}-{key}"


def find_store(corpus: Path) -> Path | None:
    """The existing store of a corpus: beside it first, then in the cache."""
    for beside in (True, False):
        candidate = store_dir(corpus, beside)
        if (candidate / "manifest.json").is_file():
            return candidate
    return None


def corpus_files(corpus: Path) -> Iterator[Path]:
    """Documents under ``corpus`` in a stable order; hidden files and folders skipped."""
    for root, dirs, files in os.walk(corpus):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                yield Path(root) / name


def _check_corpus(corpus: Path) -> Path:
    if not corpus.exists():
        raise MissingInput(f"{corpus}: no such directory")
    if not corpus.is_dir():
        raise UsageError(f"{corpus}: a corpus is a directory of source documents, not a file")
    return corpus


def _read_manifest(store: Path) -> dict[str, Card]:
    try:
        data = json.loads((store / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if data.get("format") != FORMAT or data.get("checker") != __version__:
        return {}  # another parser may cut passages differently: parse everything again
    return {c["path"]: Card(**{**c, "lede": tuple(c.get("lede", ())),
                               "subject": subject_from_dict(c.get("subject"))})
            for c in data.get("cards", [])}


def _parse(path: Path, digest: str, rel: str, stat: os.stat_result,
           docs: Path) -> tuple[Card, Document]:
    from checker.ingest.documents import load_document

    doc = load_document(str(path), "source")
    text = doc.text
    write_json_gz(docs / f"{digest}.json.gz", document_to_dict(doc))
    write_json_gz(docs / f"{digest}.terms.gz", term_counts(text))
    facts = doc.facts
    title = next((p.text for p in doc.passages if p.text), rel)[:200]
    return Card(path=rel, digest=digest, size=stat.st_size, mtime_ns=stat.st_mtime_ns,
                doc_id=doc.id, title=title, chars=len(text), passages=len(doc.passages),
                subject=facts.subject if facts else None,
                inspection_start=facts.inspection_start if facts else None,
                inspection_end=facts.inspection_end if facts else None,
                published=facts.published if facts else None,
                judgements=len(facts.judgements) if facts else 0,
                lede=tuple(sorted(set(terms(text[:LEDE_CHARS]))))), doc


def _load_document(docs: Path, card: Card, corpus: Path) -> Document:
    doc = document_from_dict(read_json_gz(docs / f"{card.digest}.json.gz"))
    return replace(doc, uri=str(corpus / card.path))


@dataclass(frozen=True)
class _Work:
    """What indexing one file still needs: a parse (``card`` None) or only its claims."""

    path: Path
    rel: str
    digest: str
    docs: Path
    claims: Path
    corpus: Path
    card: Card | None = None


def _plan(corpus: Path, path: Path, old: dict[str, Card], by_digest: dict[str, Card],
          docs: Path, claims: PreparedStore) -> Card | _Work:
    """A file's card as the store knows it, when nothing is left to do; else the work:
    a file whose size and time, or else whose content, the store knows is not parsed
    again, and its claims are read again only for a new version of checker."""
    rel = path.relative_to(corpus).as_posix()
    stat = path.stat()
    known = old.get(rel)
    if not (known and (known.size, known.mtime_ns) == (stat.st_size, stat.st_mtime_ns)
            and (docs / f"{known.digest}.json.gz").is_file()):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        same = by_digest.get(digest)
        if not (same and (docs / f"{digest}.json.gz").is_file()):
            return _Work(path, rel, digest, docs, claims.folder, corpus)
        known = replace(same, path=rel, size=stat.st_size, mtime_ns=stat.st_mtime_ns)
    if claims.has(known.doc_id):
        return known
    return _Work(path, rel, known.digest, docs, claims.folder, corpus, card=known)


def _do(work: _Work) -> tuple[Card | None, bool, str]:
    """(card, parsed now, why it was skipped) for one file: parse it if it must be,
    then read its claims.  Runs in a worker process under ``--jobs``."""
    claims = PreparedStore(work.claims, keep=None)
    if work.card is not None:
        claims.prepare(_load_document(work.docs, work.card, work.corpus))
        return work.card, False, ""
    try:
        card, doc = _parse(work.path, work.digest, work.rel, work.path.stat(), work.docs)
    except InputError as err:
        return None, False, str(err)
    claims.prepare(doc)
    return card, True, ""


def _done(work: list[_Work], jobs: int) -> Iterator[tuple[Card | None, bool, str]]:
    """``_do`` for each piece of work, in order: here, or in a pool of ``jobs`` processes
    (reading claims is spaCy's work, seconds for a long report)."""
    if jobs > 1 and len(work) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield from pool.map(_do, work, chunksize=1)
    else:
        yield from map(_do, work)


def build_index(corpus_dir: str | Path, *, beside: bool = False, jobs: int = 1,
                progress: Callable[[int, int], None] | None = None) -> IndexStats:
    """Create or update the store of ``corpus_dir``; parse only new or changed files,
    reading their claims, with ``jobs`` processes."""
    import time

    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")
    started = time.perf_counter()
    corpus = _check_corpus(Path(corpus_dir))
    store = store_dir(corpus, beside)
    docs = store / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    old = _read_manifest(store)
    by_digest = {c.digest: c for c in old.values()}
    claims = PreparedStore(store / PREPARED, keep=None)
    stats = IndexStats(store=store)
    plan = [_plan(corpus, path, old, by_digest, docs, claims) for path in corpus_files(corpus)]
    done = _done([p for p in plan if isinstance(p, _Work)], jobs)
    cards: list[Card] = []
    for number, planned in enumerate(plan, 1):
        if isinstance(planned, Card):
            card, parsed, skipped = planned, False, ""
        else:
            card, parsed, skipped = next(done)
            stats.prepared += card is not None
        if card is None:
            stats.skipped.append((planned.rel, skipped))
        else:
            cards.append(card)
            stats.parsed += parsed
            stats.reused += not parsed
        if progress:
            progress(number, len(plan))
    claims.discard_except({c.doc_id for c in cards})
    keep = {c.digest for c in cards}
    for stale in docs.iterdir():
        if stale.name.split(".", 1)[0] not in keep:
            stale.unlink()
            stats.removed += stale.name.endswith(".json.gz")
    stats.documents = len(cards)
    manifest_cards = [asdict(c) for c in cards]
    previous = [c.digest for c in old.values()]
    if [c.digest for c in cards] != previous or not (store / "bm25" / "params.index.json").is_file():
        _build_bm25(store, [c.digest for c in cards])
        stats.rebuilt_bm25 = True
    from checker.outfile import write_atomic

    write_atomic(store / "manifest.json", json.dumps(
        {"format": FORMAT, "checker": __version__, "corpus": str(corpus.resolve()),
         "cards": manifest_cards}, ensure_ascii=False, indent=0))
    stats.seconds = time.perf_counter() - started
    return stats


class _StreamedTokenIds(list):
    """The token ids of every document, read from the term files each time bm25s walks
    them, so building the index holds one document's terms at a time, not the corpus's.
    (bm25s wants a list; it only takes its length and iterates.)"""

    def __init__(self, docs: Path, digests: list[str], vocab: dict[str, int]) -> None:
        super().__init__()
        self._docs, self._digests, self._vocab = docs, digests, vocab

    def __len__(self) -> int:
        return len(self._digests)

    def __iter__(self):
        for digest in self._digests:
            counts = read_json_gz(self._docs / f"{digest}.terms.gz")
            ids: list[int] = []
            for term, count in counts.items():
                ids.extend([self._vocab[term]] * count)
            yield ids or [self._vocab[EMPTY_TERM]]


def _build_bm25(store: Path, digests: list[str]) -> None:
    import bm25s

    docs = store / "docs"
    vocabulary = {EMPTY_TERM}
    for digest in digests:
        vocabulary.update(read_json_gz(docs / f"{digest}.terms.gz"))
    vocab = {term: i for i, term in enumerate(sorted(vocabulary))}
    retriever = bm25s.BM25()
    tmp = store / "bm25.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    if digests:
        retriever.index((_StreamedTokenIds(docs, digests, vocab), vocab), show_progress=False)
    else:
        retriever.index(([[0]], vocab), show_progress=False)  # bm25s cannot index nothing
    retriever.save(tmp, show_progress=False)
    final = store / "bm25"
    shutil.rmtree(final, ignore_errors=True)
    tmp.rename(final)


class CorpusIndex:
    """An opened store: the cards in memory, the BM25 matrix memory-mapped, documents
    loaded one at a time on demand."""

    def __init__(self, corpus: Path, store: Path) -> None:
        import bm25s

        self.corpus = corpus
        self.store = store
        self.cards = list(_read_manifest(store).values())
        self._bm25 = bm25s.BM25.load(store / "bm25", mmap=True, show_progress=False)
        indptr = np.asarray(self._bm25.scores["indptr"])
        self._df = np.diff(indptr)
        n = max(len(self.cards), 1)
        self._idf = np.log(1 + (n - self._df + 0.5) / (self._df + 0.5))

    def __len__(self) -> int:
        return len(self.cards)

    def known_terms(self, query_terms: set[str]) -> list[str]:
        """The query terms the corpus has, sorted: the order of ``term_ids``."""
        return [t for t in sorted(query_terms) if t in self._bm25.vocab_dict]

    def term_ids(self, query_terms: set[str]) -> np.ndarray:
        ids = [self._bm25.vocab_dict[t] for t in self.known_terms(query_terms)]
        return np.asarray(ids, dtype=np.int64)

    def idf(self, term_ids: np.ndarray) -> np.ndarray:
        return self._idf[term_ids]

    def scores(self, term_ids: np.ndarray) -> np.ndarray:
        """BM25 score of every document for these (unique) query terms."""
        if not len(self.cards):
            return np.zeros(0)
        if not len(term_ids):
            return np.zeros(len(self.cards))
        return np.asarray(self._bm25.get_scores_from_ids(term_ids.tolist()), dtype=np.float64)

    def contains(self, term_ids: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """A (len(rows), len(term_ids)) boolean matrix: does document row hold term?"""
        indptr, indices = self._bm25.scores["indptr"], self._bm25.scores["indices"]
        out = np.zeros((len(rows), len(term_ids)), dtype=bool)
        for j, term in enumerate(term_ids):
            holders = indices[indptr[term]:indptr[term + 1]]
            out[:, j] = np.isin(rows, holders)
        return out

    def document(self, row: int) -> Document:
        """The parsed source at ``row``, with its uri pointing into the corpus as it is now."""
        return _load_document(self.store / "docs", self.cards[row], self.corpus)

    @property
    def claims(self) -> PreparedStore:
        """The sources' prepared claims, for a :class:`~checker.engine.Checker` to read."""
        return PreparedStore(self.store / PREPARED, keep=None)

    def uri(self, row: int) -> str:
        return str(self.corpus / self.cards[row].path)


def open_index(corpus_dir: str | Path, *, update: bool = True, jobs: int = 1,
               progress: Callable[[int, int], None] | None = None) -> CorpusIndex:
    """Open the store of ``corpus_dir``, first bringing it up to date (cheap when nothing
    changed) unless ``update`` is false and a store exists."""
    corpus = _check_corpus(Path(corpus_dir))
    store = find_store(corpus)
    if store is None or update:
        store = build_index(corpus, beside=store is not None and store.name == BESIDE,
                            jobs=jobs, progress=progress).store
    return CorpusIndex(corpus, store)
