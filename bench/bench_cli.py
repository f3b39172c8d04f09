"""Where people wait: whole ``checker check`` runs, each a new process, timed against
the same run's bare spaCy parse of the article in a new process (import spaCy, load
the pipeline, parse): the ratio says what a run costs beyond reading the article at all.

    .venv/bin/python bench/bench_cli.py [--runs N] [--baseline DIR]

Rows: the seed report as text, and as a 33-page PDF (tests/reportpdf.py), and a real
34-page Ofsted PDF (corpora/ofsted-ilacs-dev), each cold (an empty cache: the PDF read,
the report parsed) and prepared (the cache holding the report from an earlier run);
``--version`` and an input error.  ``--baseline DIR``: a checkout of another commit of
checker (``git archive COMMIT checker | tar -x -C DIR``), whose cold runs are timed in the
same bench run with the same interpreter, taking turns with this checkout's.  Medians
of N runs, of wall time (what a user waits) and of the process's CPU time (what the
code costs, which other work on a shared machine moves less).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
SEEDS = ROOT / "corpora" / "seeds"
ARTICLE = SEEDS / "bbc-2015-03-27-somerset-still-inadequate.txt"
REPORT = SEEDS / "ofsted-2015-03-27-somerset-childrens-services-report.txt"
ILACS = ROOT / "corpora" / "ofsted-ilacs-dev" / "reports" / "rotherham-29-january-2018.pdf"
BARE_PARSE = ("import sys; from checker.nlp import get_nlp; "
              "get_nlp()(open(sys.argv[1], encoding='utf-8').read())")


Timing = tuple[float, float]  # wall seconds (what a user waits), CPU seconds (what the code costs)


def run(args: list[str], cache: str, code: Path = ROOT) -> Timing:
    """Wall and CPU seconds of one process of checker's code at ``code`` (exit 0, 1 or 2
    expected).  On a machine shared with other work, the CPU time is the steadier one."""
    env = {**os.environ, "CHECKER_CACHE_DIR": cache, "PYTHONPATH": str(code)}
    env.pop("CHECKER_NO_CACHE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True,
                          cwd=cache)  # not this checkout: ``-m`` imports from the working directory
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1, 2) or "Traceback" in done.stderr:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def medians(timings: list[Timing]) -> Timing:
    return statistics.median(t[0] for t in timings), statistics.median(t[1] for t in timings)


def check(source: Path) -> list[str]:
    return ["-m", "checker.cli", "check", str(ARTICLE), "--source", str(source)]


def cold(args: list[str], runs: int, codes: tuple[Path, ...] = (ROOT,)) -> list[Timing]:
    """Median seconds with an empty cache every time, for each checkout in ``codes``;
    their runs take turns, so a change in the machine's load falls on each alike."""
    times: list[list[Timing]] = [[] for _ in codes]
    for _ in range(runs):
        for code, timings in zip(codes, times):
            with tempfile.TemporaryDirectory() as cache:
                timings.append(run(args, cache, code))
    return [medians(timings) for timings in times]


def prepared(commands: list[list[str]], runs: int) -> list[Timing]:
    """Median seconds of each command with its cache filled by one run before; the
    commands' runs take turns."""
    with tempfile.TemporaryDirectory() as folder:
        caches = [str(Path(folder) / str(i)) for i in range(len(commands))]
        for cache in caches:
            Path(cache).mkdir()
        for args, cache in zip(commands, caches):
            run(args, cache)
        times: list[list[Timing]] = [[] for _ in commands]
        for _ in range(runs):
            for args, cache, timings in zip(commands, caches, times):
                timings.append(run(args, cache))
    return [medians(timings) for timings in times]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="a checkout of another commit")
    args = parser.parse_args()
    from reportpdf import build_report_pdf

    with tempfile.TemporaryDirectory() as folder:
        seed_pdf = build_report_pdf(Path(folder) / "somerset-report.pdf")
        codes = (ROOT, args.baseline.resolve()) if args.baseline else (ROOT,)
        rows = [("bare spaCy parse of the article", *cold(["-c", BARE_PARSE, str(ARTICLE)], args.runs))]
        warm = prepared([check(REPORT), check(seed_pdf), check(ILACS)], args.runs)
        rows += [("report as text, prepared", warm[0]), ("report as 33-page PDF, prepared", warm[1]),
                 ("34-page Ofsted PDF, prepared", warm[2]),
                 ("report as text, cold", *cold(check(REPORT), args.runs))]
        for name, path in (("report as 33-page PDF, cold", seed_pdf), ("34-page Ofsted PDF, cold", ILACS)):
            timed = cold(check(path), args.runs, codes)
            rows.append((name, timed[0]))
            if args.baseline:
                rows.append((f"baseline: {name}", timed[1]))
        with tempfile.TemporaryDirectory() as cache:
            rows += [("checker --version", medians(
                          [run(["-m", "checker.cli", "--version"], cache) for _ in range(args.runs)])),
                     ("an input error (missing article)", medians(
                          [run(["-m", "checker.cli", "check", "no-such-draft.txt", "--source", str(REPORT)],
                               cache) for _ in range(args.runs)]))]
    wall, cpu = rows[0][1]
    print(f"{'run':44} {'wall s':>7} {'x parse':>8} {'CPU s':>7} {'x parse':>8}   (medians of {args.runs})")
    for name, (seconds, cpu_seconds) in rows:
        print(f"{name:44} {seconds:7.2f} {seconds / wall:8.2f} {cpu_seconds:7.2f} {cpu_seconds / cpu:8.2f}")
    times = dict(rows)

    def ratio(a: str, b: str) -> str:
        return f"{times[a][0] / times[b][0]:.2f} wall, {times[a][1] / times[b][1]:.2f} CPU"

    print(f"prepared 33-page PDF / prepared text: {ratio('report as 33-page PDF, prepared', 'report as text, prepared')}")
    if args.baseline:
        for name in ("report as 33-page PDF, cold", "34-page Ofsted PDF, cold"):
            print(f"{name} / the baseline's: {ratio(name, 'baseline: ' + name)}")


if __name__ == "__main__":
    main()
