"""Checking many articles against a corpus: in this process, a process pool, or Dask.

Every mode runs the same task, :func:`check_article`, on the same inputs and returns
results in input order, so ``--jobs 1``, ``--jobs 4`` and ``--scheduler`` give the same
output.  Each worker opens the corpus store once (memory-mapped) and keeps one
:class:`~checker.engine.Checker` that reads each source's claims as ``checker index``
prepared them, so no worker parses a report.  A worker gets a path, never the corpus, to
read: with Dask the paths must be visible to the workers (a shared file system).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from checker.errors import UsageError
from checker.model import CheckResult, Document, Relation, RunResult

Item = str | Document  # a path, or an article already read (standard input)


@dataclass(frozen=True)
class Job:
    """What a worker needs to know: where the corpus and its store are, how to read."""

    corpus: str
    store: str
    encoding: str | None = None


DASK_CONNECT_TIMEOUT = "10s"
MAX_PREPARED = 32  # sources a worker keeps parsed; each can be megabytes of spaCy docs


class _Worker:
    """A worker's opened index, and a checker holding at most :data:`MAX_PREPARED`
    prepared sources, so a run over thousands of reports stays bounded in memory."""

    def __init__(self, job: Job) -> None:
        from checker.corpus.store import CorpusIndex

        self.index = CorpusIndex(Path(job.corpus), Path(job.store))
        self._checker = None
        self._prepared: set[str] = set()

    def checker_for(self, source: Document | None):
        from checker.engine import Checker

        if source is not None and source.id not in self._prepared:
            if len(self._prepared) >= MAX_PREPARED:
                self._checker = None  # start afresh rather than grow without bound
                self._prepared.clear()
            self._prepared.add(source.id)
        if self._checker is None:
            self._checker = Checker(store=self.index.claims)
        return self._checker


_STATE: dict[Job, _Worker] = {}


def _state(job: Job) -> _Worker:
    """This process's worker for ``job``, made on first use."""
    worker = _STATE.get(job)
    if worker is None:
        worker = _STATE[job] = _Worker(job)
    return worker


def _load(item: Item, job: Job) -> Document:
    """An article read as ``checker check`` reads one (front matter blanked)."""
    if isinstance(item, Document):
        return item
    from checker.batch import BatchRunner, Overrides

    return BatchRunner(Overrides(encoding=job.encoding), checker=object()).load_article(item)[0]


def attribute_article(item: Item, job: Job):
    """Which source, without the check: the benchmark's task."""
    from checker.corpus.attribution import attribute

    return attribute(_load(item, job), _state(job).index)


def check_article(item: Item, job: Job) -> CheckResult:
    """Attribute one article to its source in the corpus, then check it against that."""
    from checker.corpus.attribution import attribute

    worker = _state(job)
    article = _load(item, job)
    found = attribute(article, worker.index)
    if found.chosen is None:  # claims listed, none judged against a source
        result = worker.checker_for(None).check(article, [])
        return replace(result, relation=Relation("unknown", None, found.reasons, found.candidates))
    source = worker.index.document(found.chosen.row)
    result = worker.checker_for(source).check(article, [source])
    relation = replace(result.relation, source=result.relation.source or source.uri,
                       reasons=found.reasons + tuple(result.relation.reasons),
                       candidates=found.candidates)
    return replace(result, relation=relation)


def _run_pool(task: Callable, items: Sequence[Item], job: Job, jobs: int) -> Iterator:
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(partial(task, job=job), items, chunksize=1)


def _run_dask(task: Callable, items: Sequence[Item], job: Job, address: str) -> Iterator:
    try:
        from distributed import Client
    except ImportError as err:
        raise UsageError("--scheduler needs Dask: pip install 'claim-checker[dask]'") from err
    try:
        client = Client(address, timeout=DASK_CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        raise UsageError(f"--scheduler {address}: cannot reach a Dask scheduler ({err})") from err
    try:
        futures = client.map(task, list(items), job=job, pure=False)
        for future in futures:  # in input order, whatever order they finish in
            yield future.result()
    finally:
        client.close()


def run_tasks(task: Callable, items: Sequence[Item], job: Job, *, jobs: int = 1,
              scheduler: str | None = None, progress: bool | None = None) -> list:
    """``task(item, job=job)`` for every item, in input order, in the mode asked for."""
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")
    if scheduler:
        results: Iterable = _run_dask(task, items, job, scheduler)
    elif jobs > 1 and len(items) > 1:
        results = _run_pool(task, items, job, jobs)
    else:
        results = (task(item, job=job) for item in items)
    return list(_with_progress(results, len(items), progress))


def _with_progress(results: Iterable, total: int, show: bool | None) -> Iterator:
    with progress_bar("checking", show) as advance:
        for number, result in enumerate(results, 1):
            yield result
            advance(number, total)


@contextmanager
def progress_bar(label: str, show: bool | None = None) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr, only when stderr is a terminal (never in logs or CI):
    yields ``advance(done, total)``."""
    if show is None:
        show = sys.stderr.isatty()
    if not show:
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    columns = (label, BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    console = Console(stderr=True, force_terminal=True)  # asked for: drawn even if piped
    with Progress(*columns, console=console, transient=True) as bar:
        task_id = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task_id, completed=done, total=total)


def check_corpus(articles: Sequence[str], corpus: str | Path, *, jobs: int = 1,
                 scheduler: str | None = None, encoding: str | None = None,
                 progress: bool | None = None) -> RunResult:
    """Check every article against the source the corpus holds for it."""
    from checker.corpus.store import open_index
    from checker.ingest.read import STDIN

    with progress_bar("indexing", progress) as advance:
        index = open_index(corpus, jobs=1 if scheduler else jobs, progress=advance)
    job = Job(corpus=str(index.corpus), store=str(index.store), encoding=encoding)
    items: list[Item] = [_load(a, job) if a == STDIN else a for a in articles]
    results = run_tasks(check_article, items, job, jobs=jobs, scheduler=scheduler,
                        progress=progress)
    return RunResult(tuple(_share_sources(results)))


def _share_sources(results: list[CheckResult]) -> Iterator[CheckResult]:
    """One object per distinct source across the run: results come back from workers
    each with its own copy of the report, and a thousand copies of one report is memory
    the run does not need."""
    seen: dict[str, Document] = {}
    for result in results:
        sources = tuple(seen.setdefault(s.id, s) for s in result.sources)
        yield replace(result, sources=sources) if sources else result


def corpus_batch(arguments: Sequence[str], corpus: str | Path, overrides, *, jobs: int = 1,
                 scheduler: str | None = None, progress: bool | None = None):
    """``checker check --corpus``: the batch runner's article expansion, configs and
    shaping (rules enabled, suppressions, min severity), with corpus attribution."""
    from checker.batch import Batch, BatchRunner, expand_articles, shape

    configs_from = BatchRunner(overrides, checker=object())  # reads configs only
    locations = expand_articles(arguments)
    configs = [overrides.apply(configs_from.config(location)) for location in locations]
    run = check_corpus(locations, corpus, jobs=jobs, scheduler=scheduler,
                       encoding=overrides.encoding, progress=progress)
    results = tuple(shape(result, config) for result, config in zip(run.results, configs))
    return Batch(RunResult(results), tuple(configs))
