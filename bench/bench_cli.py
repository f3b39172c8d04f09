"""Where people wait: whole ``checker check`` runs, each a new process, timed against
the same run's bare spaCy parse of the article in a new process (import spaCy, load
the pipeline, parse): the ratio says what a run costs beyond reading the article at all.

    .venv/bin/python bench/bench_cli.py [--runs N] [--baseline DIR]

Rows: the seed report as text, and as a 33-page PDF (tests/reportpdf.py), and a real
34-page Ofsted PDF (corpora/ofsted-ilacs-dev), each cold (an empty cache: the PDF read,
the report parsed) and prepared (the cache holding the report from an earlier run);
``--version`` and an input error.  ``--baseline DIR``: a checkout of another commit of
checker (``git archive COMMIT checker | tar -x -C DIR``), whose cold runs are timed in the
same bench run with the same interpreter, for a ratio that the machine's load does not
move.  Medians of N runs.
"""

from __future__ import annotations

import argparse
import os
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


def run(args: list[str], cache: str, code: Path = ROOT) -> float:
    """Seconds for one process of checker's code at ``code`` (exit 0 or 1 expected)."""
    env = {**os.environ, "CHECKER_CACHE_DIR": cache, "PYTHONPATH": str(code)}
    env.pop("CHECKER_NO_CACHE", None)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1, 2) or "Traceback" in done.stderr:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr}")
    return elapsed


def check(source: Path) -> list[str]:
    return ["-m", "checker.cli", "check", str(ARTICLE), "--source", str(source)]


def cold(args: list[str], runs: int, codes: tuple[Path, ...] = (ROOT,)) -> list[float]:
    """Median seconds with an empty cache every time, for each checkout in ``codes``;
    their runs take turns, so a change in the machine's load falls on each alike."""
    times: list[list[float]] = [[] for _ in codes]
    for _ in range(runs):
        for code, seconds in zip(codes, times):
            with tempfile.TemporaryDirectory() as cache:
                seconds.append(run(args, cache, code))
    return [statistics.median(seconds) for seconds in times]


def prepared(commands: list[list[str]], runs: int) -> list[float]:
    """Median seconds of each command with its cache filled by one run before; the
    commands' runs take turns."""
    with tempfile.TemporaryDirectory() as folder:
        caches = [str(Path(folder) / str(i)) for i in range(len(commands))]
        for args, cache in zip(commands, caches):
            run(args, cache)
        times: list[list[float]] = [[] for _ in commands]
        for _ in range(runs):
            for args, cache, seconds in zip(commands, caches, times):
                seconds.append(run(args, cache))
    return [statistics.median(seconds) for seconds in times]


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
            rows += [("checker --version", statistics.median(
                          run(["-m", "checker.cli", "--version"], cache) for _ in range(args.runs))),
                     ("an input error (missing article)", statistics.median(
                          run(["-m", "checker.cli", "check", "no-such-draft.txt", "--source", str(REPORT)],
                              cache) for _ in range(args.runs)))]
    parse = rows[0][1]
    print(f"{'run':44} {'seconds':>8} {'x parse':>8}   (medians of {args.runs})")
    for name, seconds in rows:
        print(f"{name:44} {seconds:8.2f} {seconds / parse:8.2f}")
    times = dict(rows)
    text = times["report as text, prepared"]
    print(f"prepared PDF / prepared text: {times['report as 33-page PDF, prepared'] / text:.2f}")
    if args.baseline:
        for name in ("report as 33-page PDF, cold", "34-page Ofsted PDF, cold"):
            print(f"{name}: {times[name] / times['baseline: ' + name]:.2f} of the baseline's")


if __name__ == "__main__":
    main()
