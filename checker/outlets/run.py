"""Running ``checker compare``: check every article as ``checker check`` does, then map.

With ``--source`` every article is checked against that one report; with ``--corpus``
each article is attributed to the report it covers (:mod:`checker.corpus`) and the
articles are grouped by that report, one map each.  Either way the check runs once per
article and the maps are built from its results.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.errors import InputError, UsageError
from checker.model import CheckResult, RunResult
from checker.outlets.coverage import Comparison, build_map


def compare_with_source(articles: Sequence[str], source: str, overrides) -> Comparison:
    """Every article against one report (``overrides`` as ``checker check`` takes them,
    its ``sources`` the one report)."""
    from checker.batch import BatchRunner

    runner = BatchRunner(overrides)
    results = _all_checked(runner.run(list(articles)).run)
    document = runner.load_source(source)
    return Comparison((build_map(document, runner.checker.prepare(document), results),))


def compare_in_corpus(articles: Sequence[str], corpus: str, overrides, *, jobs: int = 1) -> Comparison:
    """Each article against the report of ``corpus`` it covers; one map per report, in
    the order the reports are first met.  An article about a later or earlier report of
    a subject is listed apart in that subject's map; one the corpus holds no report on
    (no source found, or only one about another subject) is listed as unattributed."""
    from checker.corpus.runner import corpus_batch
    from checker.corpus.store import open_index
    from checker.engine import Checker

    if overrides.sources:
        raise UsageError("give either --source or --corpus, not both")
    results = _all_checked(corpus_batch(list(articles), corpus, overrides, jobs=jobs).run)
    by_source: dict[str, list[CheckResult]] = {}
    documents = {}
    unattributed = []
    for result in results:
        if not result.sources or result.relation.verdict in ("different_subject", "unknown"):
            unattributed.append(result)  # the corpus holds no report on its subject
            continue
        source = result.sources[0]
        documents.setdefault(source.id, source)
        by_source.setdefault(source.id, []).append(result)
    checker = Checker(store=open_index(corpus, update=False).claims)
    maps = tuple(build_map(documents[key], checker.prepare(documents[key]), group)
                 for key, group in by_source.items())
    return Comparison(maps, tuple(unattributed))


def _all_checked(run: RunResult) -> tuple[CheckResult, ...]:
    """The results, when every article could be checked.  A map needs them all: an
    article that could not be read would show as carrying none of the report, so the
    comparison stops with the inputs that failed, on one line (exit 2)."""
    if run.failures:
        raise InputError("; ".join(failure.message for failure in run.failures))
    return run.results
