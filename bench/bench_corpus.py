"""Corpus mode, measured: index build time per document, attribution accuracy and time
per article as the corpus grows from 10 to 2,000 documents, and index time and check
throughput against --jobs.

Real text only (corpora/external/news.jsonl.gz, see its README): the targets are news
articles, the queries the summaries written from them (a summary must find its own
article among all the others), the distractors the other articles and WiCE web pages cut
into parts of about 1,200 characters.  One article in six never enters any corpus: its
summaries measure how often a query whose article is absent is rightly told "none".

Every figure is given twice more, for two halves of the articles split by a fixed hash of
the record id: attribution's weights and thresholds were tuned on the "tuning" half only,
and the "held-out" half is what says whether a change generalises.

    .venv/bin/python bench/bench_corpus.py            # writes bench/results/corpus.{json,svg}
    .venv/bin/python bench/bench_corpus.py --quick    # sizes up to 250, for a smoke run
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.corpus.attribution import attribute  # noqa: E402
from checker.corpus.runner import _STATE as runner_state  # noqa: E402
from checker.corpus.runner import Job, attribute_article, check_corpus, run_tasks  # noqa: E402
from checker.corpus.store import CorpusIndex, build_index  # noqa: E402
from checker.ingest.documents import document_from_text  # noqa: E402

NEWS = ROOT / "corpora" / "external" / "news.jsonl.gz"
RESULTS = ROOT / "bench" / "results"
SIZES = (10, 50, 100, 250, 500, 1000, 2000)
PART_CHARS = 1200
HOLD_OUT_EVERY = 6


def load_records() -> list[dict]:
    with gzip.open(NEWS, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def annotation(summary: dict) -> str:
    """What the data sets say of a summary, as a group to report accuracy by: the BBC's
    own first sentence (written by a journalist: the closest to the articles checker
    reads), a system summary annotators judged consistent, one some of whose sentences
    they faulted, one all of whose sentences they faulted, or an XSum system summary
    (each carries an annotated unsupported span)."""
    if summary["writer"] == "human":
        return "human_lede"
    if summary["faithful"]:
        return "system_consistent"
    if summary["factuality"] is None:
        return "system_xsum_unsupported_span"
    return "system_wholly_inconsistent" if summary["factuality"] == 0 else "system_partly_inconsistent"


def half(record_id: str) -> str:
    """The fixed half an article's summaries belong to: "tuning" or "held_out"."""
    return "tuning" if hashlib.sha256(record_id.encode("utf-8")).digest()[0] % 2 == 0 else "held_out"


def parts(text: str, size: int = PART_CHARS) -> list[str]:
    """A page cut at line boundaries into parts of about ``size`` characters."""
    out, current = [], ""
    for line in text.split("\n"):
        if current and len(current) + len(line) > size:
            out.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line
    if current:
        out.append(current)
    return [p for p in out if len(p) >= 300]


def split_sets(records: list[dict]):
    news = [r for r in records if r["summaries"]]
    random.Random(0).shuffle(news)  # BBC and CNN/DM mixed at every corpus size
    targets = [r for i, r in enumerate(news) if i % HOLD_OUT_EVERY != HOLD_OUT_EVERY - 1]
    held_out = [r for i, r in enumerate(news) if i % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1]
    distractors = [(f"{r['id']}-p{j:02d}", p) for r in records if not r["summaries"]
                   for j, p in enumerate(parts(r["text"]))]
    return targets, held_out, distractors


def write_corpus(folder: Path, targets: list[dict], distractors, size: int) -> list[dict]:
    """``size`` documents: targets first (all of them once the corpus is big enough),
    then distractor parts; returns the targets it holds."""
    held = targets[:size]
    for record in held:
        (folder / f"{record['id']}.txt").write_text(record["text"], encoding="utf-8")
    for name, text in distractors[: size - len(held)]:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return held


def queries(records: list[dict], faithful_only: bool):
    """(own article id, the summary's record, the summary as an article document)."""
    for record in records:
        for k, summary in enumerate(record["summaries"]):
            if summary["faithful"] or not faithful_only:
                yield (record["id"], summary,
                       document_from_text(summary["text"], f"{record['id']}-s{k}", "article"))


def _rates(outcomes: list[tuple[bool, bool, bool]]) -> dict:
    total = max(len(outcomes), 1)
    return {"queries": len(outcomes), "top1_accuracy": sum(o[0] for o in outcomes) / total,
            "ranked_first": sum(o[1] for o in outcomes) / total,
            "wrongly_none": sum(o[2] for o in outcomes) / total}


def score(index: CorpusIndex, held: list[dict], faithful_only: bool) -> dict:
    """Top-1 accuracy (the chosen source is the summary's own article), how often the
    own article ranked first before the 'none' decision (what answering every article
    with its best candidate would score), and how often it said none; overall, by the
    summary's data set, by what annotators said of it and by half (tuning / held-out)."""
    groups: dict[str, list[tuple[bool, bool, bool]]] = {}
    for wanted, summary, query in queries(held, faithful_only):
        found = attribute(query, index)
        chosen = Path(found.chosen.uri).stem if found.chosen else None
        best = found.chosen or (found.runners_up[0] if found.runners_up else None)
        outcome = (chosen == wanted, best is not None and Path(best.uri).stem == wanted,
                   chosen is None)
        for group in ("all", f"origin:{summary['origin']}", f"half:{half(wanted)}",
                      f"annotation:{annotation(summary)}"):
            groups.setdefault(group, []).append(outcome)
    by = {prefix: {k.split(":", 1)[1]: _rates(v) for k, v in sorted(groups.items())
                   if k.startswith(prefix + ":")} for prefix in ("origin", "annotation", "half")}
    return {**_rates(groups.pop("all", [])), "by_origin": by["origin"],
            "by_annotation": by["annotation"], "by_half": by["half"]}


def absent_said_none(index: CorpusIndex, held_out: list[dict], faithful_only: bool) -> dict:
    """How often a summary whose article is not in the corpus is told none, by half."""
    groups: dict[str, list[bool]] = {}
    for wanted, _, query in queries(held_out, faithful_only):
        none = attribute(query, index).chosen is None
        for group in ("all", half(wanted)):
            groups.setdefault(group, []).append(none)
    return {k: {"queries": len(v), "said_none": sum(v) / max(len(v), 1)}
            for k, v in sorted(groups.items())}


def measure_size(size: int, targets, held_out, distractors, work: Path) -> dict:
    folder = work / f"corpus-{size}"
    folder.mkdir()
    held = write_corpus(folder, targets, distractors, size)
    stats = build_index(folder)
    index = CorpusIndex(folder, stats.store)
    started = time.perf_counter()
    faithful = score(index, held, faithful_only=True)
    per_article = (time.perf_counter() - started) / max(faithful["queries"], 1)
    every = score(index, held, faithful_only=False)
    absent = absent_said_none(index, held_out, faithful_only=True)
    row = {"documents": stats.documents, **faithful,
           "all_summaries": every,
           "absent_queries": absent["all"]["queries"],
           "absent_said_none": absent["all"]["said_none"],
           "absent_by_half": {k: v for k, v in absent.items() if k != "all"},
           "absent_all_summaries": absent_said_none(index, held_out, faithful_only=False),
           "ms_per_article": 1000 * per_article,
           "index_seconds": stats.seconds,
           "ms_index_per_document": 1000 * stats.seconds / max(stats.documents, 1)}
    print(json.dumps(row), flush=True)
    return row


def measure_jobs(work: Path, targets, distractors, jobs_list=(1, 2)) -> list[dict]:
    """Articles a second through the batch runner (attribution) at each --jobs."""
    folder = work / "corpus-jobs"
    folder.mkdir()
    held = write_corpus(folder, targets, distractors, 1000)
    stats = build_index(folder)
    folder_q = work / "queries"
    folder_q.mkdir()
    items = []
    for record in held:
        for k, summary in enumerate(record["summaries"][:2]):
            path = folder_q / f"{record['id']}-s{k}.txt"
            path.write_text(summary["text"], encoding="utf-8")
            items.append(str(path))
    job = Job(corpus=str(folder.resolve()), store=str(stats.store))
    rows = []
    baseline = None
    for jobs in jobs_list:
        started = time.perf_counter()
        results = run_tasks(attribute_article, items, job, jobs=jobs, progress=False)
        seconds = time.perf_counter() - started
        chosen = [r.chosen.uri if r.chosen else None for r in results]
        baseline = baseline or chosen
        rows.append({"jobs": jobs, "articles": len(items), "seconds": seconds,
                     "articles_per_second": len(items) / seconds, "same_as_jobs_1": chosen == baseline})
        print(json.dumps(rows[-1]), flush=True)
    return rows


def measure_index_jobs(work: Path, targets, distractors, jobs_list=(1, 2)) -> list[dict]:
    """Seconds to index 1,000 documents from nothing (parse, read claims, BM25) at each
    --jobs, each into a fresh store."""
    folder = work / "corpus-index-jobs"
    folder.mkdir()
    write_corpus(folder, targets, distractors, 1000)
    rows, cache = [], os.environ["CHECKER_CACHE_DIR"]
    for jobs in jobs_list:
        os.environ["CHECKER_CACHE_DIR"] = str(work / f"cache-index-{jobs}")
        stats = build_index(folder, jobs=jobs)
        rows.append({"jobs": jobs, "documents": stats.documents, "seconds": stats.seconds,
                     "ms_per_document": 1000 * stats.seconds / max(stats.documents, 1)})
        print(json.dumps(rows[-1]), flush=True)
    os.environ["CHECKER_CACHE_DIR"] = cache
    return rows


def measure_check_jobs(work: Path, targets, distractors, jobs_list=(2, 1), articles=30) -> list[dict]:
    """Full checks (attribution, claim extraction, alignment, rules) a second at each
    --jobs: what a newsroom run costs.  Sources' claims come from the index; each
    article is parsed.  The pool runs first: forked workers would otherwise inherit the
    sources the in-process run loaded."""
    folder = work / "corpus-check"
    folder.mkdir()
    held = write_corpus(folder, targets, distractors, 1000)
    build_index(folder)
    queries_dir = work / "check-queries"
    queries_dir.mkdir()
    items = []
    for record in held:
        faithful = [s["text"] for s in record["summaries"] if s["faithful"]]
        if faithful and len(items) < articles:
            path = queries_dir / f"{record['id']}.txt"
            path.write_text(faithful[0], encoding="utf-8")
            items.append(str(path))
    check_corpus(items[:1], folder, progress=False)  # spaCy loaded once, before timing
    rows, baseline = [], None
    for jobs in jobs_list:
        runner_state.clear()  # no mode inherits the sources another mode prepared
        started = time.perf_counter()
        run = check_corpus(items, folder, jobs=jobs, progress=False)
        seconds = time.perf_counter() - started
        relations = [r.relation for r in run.results]
        baseline = baseline or relations
        rows.append({"jobs": jobs, "articles": len(items), "seconds": seconds,
                     "articles_per_second": len(items) / seconds,
                     "same_relations_in_every_mode": relations == baseline})
        print(json.dumps(rows[-1]), flush=True)
    return sorted(rows, key=lambda row: row["jobs"])


def svg_plot(rows: list[dict]) -> str:
    """Accuracy (left axis) and ms per article (right axis) against corpus size (log x)."""
    import math

    width, height, left, right, top, bottom = 640, 360, 60, 60, 30, 50
    xs = [math.log10(r["documents"]) for r in rows]
    x0, x1 = min(xs), max(xs)
    max_ms = max(r["ms_per_article"] for r in rows) * 1.15

    def px(x: float) -> float:
        return left + (x - x0) / max(x1 - x0, 1e-9) * (width - left - right)

    def py(fraction: float) -> float:
        return top + (1 - fraction) * (height - top - bottom)

    def line(points, colour, dash=""):
        path = " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(points))
        dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>' for x, y in points)
        return f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2" {dash}/>{dots}'

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="sans-serif" font-size="12">',
           '<rect width="100%" height="100%" fill="white"/>']
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        y = py(tick)
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick:.0%}</text>')
        out.append(f'<text x="{width - right + 6}" y="{y + 4:.1f}">{tick * max_ms:.1f} ms</text>')
    for r, x in zip(rows, xs):
        out.append(f'<text x="{px(x):.1f}" y="{height - bottom + 18}" text-anchor="middle">{r["documents"]}</text>')
    out.append(f'<text x="{(left + width - right) / 2}" y="{height - 12}" text-anchor="middle">'
               'documents in the corpus (log scale)</text>')
    out.append(line([(px(x), py(r["top1_accuracy"])) for r, x in zip(rows, xs)], "#9467bd"))
    out.append(line([(px(x), py(r["all_summaries"]["top1_accuracy"])) for r, x in zip(rows, xs)],
                    "#1f77b4"))
    out.append(line([(px(x), py(r["absent_said_none"])) for r, x in zip(rows, xs)], "#2ca02c",
                    'stroke-dasharray="5,4"'))
    out.append(line([(px(x), py(r["ms_per_article"] / max_ms)) for r, x in zip(rows, xs)], "#d62728"))
    legend = (("#9467bd", "top-1 accuracy, consistent summaries"),
              ("#1f77b4", "top-1 accuracy, all summaries"),
              ("#2ca02c", "absent article: said none"),
              ("#d62728", "ms per article (right axis)"))
    for i, (colour, label) in enumerate(legend):
        y = py(0.36) + 16 * i
        out.append(f'<rect x="{left + 10}" y="{y - 9}" width="12" height="4" fill="{colour}"/>'
                   f'<text x="{left + 28}" y="{y - 4}">{label}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes up to 250 only")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--replot", action="store_true",
                        help="redraw corpus.svg from corpus.json without measuring")
    args = parser.parse_args()
    if args.replot:
        rows = json.loads((args.out / "corpus.json").read_text(encoding="utf-8"))["sizes"]
        (args.out / "corpus.svg").write_text(svg_plot(rows), encoding="utf-8")
        return
    targets, held_out, distractors = split_sets(load_records())
    sizes = [s for s in SIZES if not args.quick or s <= 250]
    work = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    os.environ["CHECKER_CACHE_DIR"] = str(work / "cache")
    try:
        rows = [measure_size(size, targets, held_out, distractors, work) for size in sizes]
        jobs = measure_jobs(work, targets, distractors) if not args.quick else []
        index_jobs = measure_index_jobs(work, targets, distractors) if not args.quick else []
        check_jobs = measure_check_jobs(work, targets, distractors) if not args.quick else []
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.out.mkdir(parents=True, exist_ok=True)
    report = {"targets": len(targets), "held_out": len(held_out),
              "distractor_parts": len(distractors), "sizes": rows, "attribution_jobs": jobs,
              "index_jobs": index_jobs,
              "check_jobs": check_jobs,
              "cpus": os.cpu_count()}
    (args.out / "corpus.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    (args.out / "corpus.svg").write_text(svg_plot(rows), encoding="utf-8")
    print(f"wrote {args.out / 'corpus.json'} and {args.out / 'corpus.svg'}")


if __name__ == "__main__":
    main()
