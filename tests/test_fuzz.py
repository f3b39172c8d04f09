"""Seeded fuzz and hostile inputs through the real command line (issue 11): one test or
more for each of the issue's twelve kinds and for each thing that held, each checking
the properties of :func:`fuzzing.assert_held`.  Quick in ``make test`` (one generated
input per kind); ``make fuzz SEED=N COUNT=M`` runs M inputs per kind and the huge ones.
"""

from __future__ import annotations

import gzip
import json
import os
import pickle
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from fuzzing import (COUNT, FORMATS, TIME_BOUND, Run, article_text, assert_held, complete, rng_for,
                     run_cli, seed_sentences, small_report, snapshot)

NUMBERS = range(COUNT)
FORGED = "::error file=x,line=1::FORGED"
QUOTES = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "''", '""']


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory) -> Path:
    """One cache for the cases that do not break it, so the report is prepared once."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def work(tmp_path) -> Path:
    """A folder holding the report and, per case, the article and anything else read."""
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "report.txt").write_text(small_report(), encoding="utf-8")
    return folder


def check(work: Path, cache: Path, article: str | Path, *extra: str, fmt: str = "json", **options):
    return run_cli(["check", str(article), "--source", str(work / "report.txt"), "-f", fmt, *extra],
                   work, cache, **options)


def held_run(work: Path, cache: Path, name: str, text: str | bytes, *extra: str, fmt: str = "json", **options):
    """Write the article, check it, and hold the run to the properties."""
    path = work / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    before = snapshot(work)
    run = check(work, cache, path, *extra, fmt=fmt, **options)
    assert_held(run, before, fmt)
    return run


# --- 1. long documents ----------------------------------------------------------------

@pytest.mark.parametrize("number", NUMBERS)
def test_kind1_a_line_longer_than_a_passage_is_checked(work, shared_cache, number):
    rng = rng_for("long-line", number)
    line = " ".join(article_text(rng, 4).split("\n")[2:]).replace("\n", " ")
    text = "Somerset children's services\n\n" + (line + " ") * (rng.randint(25_000, 60_000) // len(line) + 1)
    assert held_run(work, shared_cache, "a.txt", text).code in (0, 1)


@pytest.mark.parametrize("number", NUMBERS)
def test_kind1_an_input_over_the_size_cap_is_refused(work, shared_cache, number):
    rng = rng_for("size-cap", number)
    text = article_text(rng, 30)
    cap = rng.randint(1, len(text.encode()) - 1)
    run = held_run(work, shared_cache, "a.txt", text, env={"CHECKER_MAX_BYTES": str(cap)})
    assert run.code == 2 and "size cap" in run.stderr


@pytest.mark.skipif(COUNT == 1, reason="huge: make fuzz")
def test_kind1_a_million_characters_are_checked(work, shared_cache):
    rng = rng_for("million", 0)
    story = [s for s in seed_sentences() if not re.search(r"\.\.\.|…|\[", s)]  # no end-of-story signal
    lines, length = ["Somerset children's services still inadequate", ""], 0
    while length < 1_100_000:  # every line its own, so none is taken for page furniture
        lines.append(f"{rng.choice(story)} The council had {rng.randint(1, 99_999)} cases in "
                     f"{rng.randint(1990, 2030)}, said {rng.choice(['Ofsted', 'the report', 'Mr Smith'])}.")
        length += len(lines[-1]) + 1
    text = "\n".join(lines) + "\n"
    assert held_run(work, shared_cache, "a.txt", text, timeout=max(TIME_BOUND, 3600)).code in (0, 1)


# --- 2. quotation marks, 3. many short lines --------------------------------------------

def _quote_soup(rng, tokens: int) -> str:
    words = ["the", "council", "said", "report", "Ofsted", "inadequate", "care", "leavers", "was"]
    parts = [rng.choice(QUOTES) + rng.choice(words) if rng.random() < 0.4 else
             str(rng.randint(0, 10_000)) if rng.random() < 0.3 else rng.choice(words)
             for _ in range(tokens)]
    return " ".join(parts)


@pytest.mark.parametrize("number", NUMBERS)
def test_kind2_a_line_of_quotation_marks_and_numbers(work, shared_cache, number):
    rng = rng_for("quotes", number)
    text = "Somerset County Council\n\n" + _quote_soup(rng, rng.randint(500, 1500)) + "\n"
    assert held_run(work, shared_cache, "a.txt", text, fmt="line").code in (0, 1)


@pytest.mark.parametrize("number", NUMBERS)
def test_kind3_many_short_lines(work, shared_cache, number):
    rng = rng_for("short-lines", number)
    lines = [f"The council has {rng.randint(0, 999)} {rng.choice(['social workers', 'children', 'cases'])}."
             if rng.random() < 0.7 else _quote_soup(rng, rng.randint(1, 6)) for _ in range(rng.randint(300, 700))]
    text = "Somerset County Council\n\n" + "\n".join(lines) + "\n"
    assert held_run(work, shared_cache, "a.txt", text).code in (0, 1)


# --- 4. codecs that are not text encodings ----------------------------------------------

NOT_TEXT = ["unicode_escape", "raw_unicode_escape", "rot13", "base64", "hex", "zlib", "bz2", "uu",
            "idna", "punycode", "quopri", "utf-7", "no-such-codec", "", "utf-8\n", "../utf-8"]
TEXT = ["utf-8", "latin-1", "cp1252", "utf-16", "ascii", "koi8-r"]


@pytest.mark.parametrize("number", NUMBERS)
def test_kind4_any_encoding_name(work, shared_cache, number):
    rng = rng_for("encoding", number)
    text = article_text(rng, 4)
    data = text.encode("utf-8") + bytes(rng.randrange(256) for _ in range(rng.randint(0, 40)))
    encoding = rng.choice(NOT_TEXT + TEXT)
    held_run(work, shared_cache, "a.txt", data, f"--encoding={encoding}")


@pytest.mark.parametrize("number", NUMBERS)
def test_kind4_a_page_naming_any_charset(work, shared_cache, httpserver, number):
    rng = rng_for("charset", number)
    charset = rng.choice(NOT_TEXT + TEXT)
    body = "".join(f"<p>{s}</p>" for s in article_text(rng, 6).split("\n") if s)
    page = (f'<!doctype html><html><head><meta charset="{charset}"><title>Somerset</title></head>'
            f"<body><article><h1>Somerset children's services</h1>{body}</article></body></html>")
    served = rng.choice(NOT_TEXT + TEXT).strip() or "rot13"
    httpserver.expect_request("/story").respond_with_data(
        page.encode("utf-8", "replace"), content_type=f"text/html; charset={served}")
    before = snapshot(work)
    run = check(work, shared_cache, httpserver.url_for("/story"))
    assert_held(run, before)
    held_run(work, shared_cache, "story.html", page)  # the same page as a local file


# --- 5. configs ---------------------------------------------------------------------------

def _hostile_config(rng) -> str:
    depth = rng.randint(1_000, 20_000)
    return rng.choice([
        "a = " + "[" * depth + "]" * depth + "\n",
        "a = " + "{b = " * depth + "1" + "}" * depth + "\n",
        "[tool.checker]\nfail_on = " + rng.choice(["3", "[]", "'nothing'", "{a = 1}"]) + "\n",
        "enable = " + rng.choice(["'NUM01'", "[1, 2]", "[[['NUM01']]]", "true"]) + "\n",
        "[sources]\n" + rng.choice(["'*' = 5", "'**' = ['a', 'b']", "x = {y = 1}"]) + "\n",
        "[policy]\nallow_urls = 'yes'\nallow_private = 127\n",
        bytes(rng.randrange(256) for _ in range(200)).decode("latin-1"),
    ])


@pytest.mark.parametrize("number", NUMBERS)
def test_kind5_any_config(work, shared_cache, number):
    rng = rng_for("config", number)
    (work / ".checker.toml").write_text(_hostile_config(rng), encoding="utf-8")
    held_run(work, shared_cache, "a.txt", article_text(rng, 4))


# --- 6. -o onto an input ------------------------------------------------------------------

@pytest.mark.parametrize("number", NUMBERS)
def test_kind6_output_onto_any_input_is_refused(work, shared_cache, number):
    rng = rng_for("output-onto-input", number)
    article = work / "a.txt"
    article.write_text(article_text(rng, 4), encoding="utf-8")
    (work / "c.toml").write_text("[tool.checker]\n", encoding="utf-8")
    os.symlink(article, work / "link-to-article.txt")
    os.link(work / "report.txt", work / "hard-link-to-report.txt")
    target = work / rng.choice(["a.txt", "report.txt", "link-to-article.txt", "hard-link-to-report.txt", "c.toml"])
    fmt = rng.choice(FORMATS)
    before = snapshot(work)
    run = check(work, shared_cache, article, "--config", str(work / "c.toml"), "-o", str(target), fmt=fmt)
    assert_held(run, before, fmt)
    assert run.code == 2 and "overwrite the input" in run.stderr


# --- 7. and 8. the prepared-source cache: any problem only costs speed --------------------

def _cache_files(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*") if p.is_file())


def _break_entry(rng, path: Path) -> None:
    data = path.read_bytes()
    how = rng.choice(["random", "half", "empty", "gzip-random", "wrong-type", "directory", "json"])
    path.unlink()
    if how == "directory":
        path.mkdir()
        return
    path.write_bytes({
        "random": bytes(rng.randrange(256) for _ in range(rng.randint(1, 4096))),
        "half": data[: len(data) // 2],
        "empty": b"",
        "gzip-random": gzip.compress(bytes(rng.randrange(256) for _ in range(512))),
        "wrong-type": gzip.compress(pickle.dumps(rng.choice([{"passages": 1}, [1, 2], "x", None]))),
        "json": json.dumps({"version": rng.choice([1, "1", None]), "data": [1] * 10}).encode(),
    }[how])


@dataclass
class Reference:
    """One article checked once with a fresh cache: the folder it lies in, the cache
    that run filled, and its output, which every run with a broken cache must repeat."""

    work: Path
    cache: Path
    article: Path
    run: Run

    def cache_copy(self, to: Path) -> Path:
        shutil.copytree(self.cache, to)
        return to


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Reference:
    work = tmp_path_factory.mktemp("reference")
    (work / "report.txt").write_text(small_report(), encoding="utf-8")
    article = work / "a.txt"
    article.write_text(article_text(rng_for("cache", 0), 6), encoding="utf-8")
    cache = tmp_path_factory.mktemp("reference-cache")
    run = check(work, cache, article)
    assert run.code in (0, 1), run.stderr
    assert _cache_files(cache), "the first run stored nothing"
    return Reference(work, cache, article, run)


@pytest.mark.parametrize("number", NUMBERS)
def test_kind7_a_corrupt_or_foreign_cache_entry_only_costs_speed(reference, tmp_path, number):
    rng = rng_for("cache-entry", number)
    cache = reference.cache_copy(tmp_path / "cache")
    for path in _cache_files(cache):
        _break_entry(rng, path)
    before = snapshot(reference.work)
    run = check(reference.work, cache, reference.article)
    assert_held(run, before, cache_warning=True)
    assert (run.code, run.stdout) == (reference.run.code, reference.run.stdout)
    assert len(run.stderr.splitlines()) <= 1


def test_kind7_a_cache_entry_cannot_run_code(reference, tmp_path):
    cache = reference.cache_copy(tmp_path / "cache")
    marker = tmp_path / "code-ran"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    for path in _cache_files(cache):
        data = pickle.dumps(Payload())
        path.write_bytes(gzip.compress(data) if path.read_bytes()[:2] == b"\x1f\x8b" else data)
    check(reference.work, cache, reference.article)
    assert not marker.exists()


@pytest.mark.parametrize("where", ["a file", "a path under a file", "sources is a file"])
def test_kind8_a_misplaced_cache_only_costs_speed(reference, tmp_path, where):
    blocker = tmp_path / "blocker"
    blocker.write_text("not a directory")
    cache = {"a file": blocker, "a path under a file": blocker / "sub"}.get(where, tmp_path / "cache")
    if where == "sources is a file":
        cache.mkdir()
        (cache / "sources").write_text("not a directory")
    before = snapshot(reference.work)
    run = check(reference.work, cache, reference.article)
    assert_held(run, before, cache_warning=True)
    assert (run.code, run.stdout) == (reference.run.code, reference.run.stdout)


# --- 9. HTTP cache entries ------------------------------------------------------------------

HOSTILE_VALUES = [None, 1, -1, 1e308, float("nan"), True, "", "x" * 5000, "a\r\nX-Injected: 1", [], {},
                  ["nested", ["list"]], {"a": {"b": 1}}, "\u2028", 2 ** 70]


@pytest.mark.parametrize("number", NUMBERS)
def test_kind9_any_http_cache_field_only_costs_speed(work, tmp_path, httpserver, number):
    rng = rng_for("http-cache", number)
    httpserver.expect_request("/report.txt").respond_with_data(
        small_report(), content_type="text/plain; charset=utf-8",
        headers={"ETag": '"v1"', "Last-Modified": "Wed, 01 Apr 2015 00:00:00 GMT", "Cache-Control": "max-age=0"})
    url = httpserver.url_for("/report.txt")
    cache = tmp_path / "cache"
    article = work / "a.txt"
    article.write_text(article_text(rng, 6), encoding="utf-8")
    args = ["check", str(article), "--source", url, "-f", "json"]
    reference = run_cli(args, work, cache)
    assert reference.code in (0, 1), reference.stderr
    metas = [p for p in cache.glob("*.json")]
    assert metas, "nothing cached"
    for meta in metas:
        fields = json.loads(meta.read_text())
        how = rng.choice(["field", "field", "field", "missing", "extra", "list", "garbage"])
        if how == "field":
            for key in rng.sample(sorted(fields), rng.randint(1, 3)):
                fields[key] = rng.choice(HOSTILE_VALUES)
        elif how == "missing":
            fields.pop(rng.choice(sorted(fields)))
        elif how == "extra":
            fields["extra"] = 1
        text = {"list": "[1, 2, 3]", "garbage": "{not json"}.get(how) or json.dumps(fields)
        meta.write_text(text)
    before = snapshot(work)
    run = run_cli(args, work, cache)
    assert_held(run, before)
    assert (run.code, run.stdout) == (reference.code, reference.stdout)


# --- 10. a full disk ------------------------------------------------------------------------

@pytest.mark.parametrize("number", NUMBERS)
def test_kind10_a_full_disk_leaves_no_temporary_or_partial_file(work, tmp_path, httpserver, number):
    rng = rng_for("full-disk", number)
    httpserver.expect_request("/report.txt").respond_with_data(
        small_report(), content_type="text/plain", headers={"ETag": '"v1"'})
    cache = tmp_path / "cache"
    article = work / "a.txt"
    article.write_text(article_text(rng, 6), encoding="utf-8")
    output = work / "out" / "report.json"
    output.parent.mkdir()
    output.write_text("the last report\n")
    before = snapshot(work)
    run = run_cli(["check", str(article), "--source", httpserver.url_for("/report.txt"), "-f", "json",
                   "-o", str(output)], work, cache, limit_file_bytes=rng.choice([0, 1, 100, 4096, 30_000]))
    assert_held(run, before, "json", output=output, cache_warning=True)
    assert not [p for p in cache.rglob("*") if ".tmp" in p.name], "temporary files left in the cache"


# --- 11. file names ---------------------------------------------------------------------------

NAME_PIECES = ["\n", "\r", "\r\n", FORGED, "\u2028", "\u0085", "%0A", " ", "a", "\t", "::", "é"]


@pytest.mark.parametrize("number", NUMBERS)
def test_kind11_no_file_name_can_begin_a_line_of_output(work, shared_cache, number):
    rng = rng_for("file-name", number)
    name = "d" + "".join(rng.choice(NAME_PIECES) for _ in range(rng.randint(2, 8))) + "\n" + FORGED + ".txt"
    text = "Somerset County Council has 99 social workers, the report said.\n" + article_text(rng, 3)
    fmt = rng.choice(FORMATS)
    exists = rng.random() < 0.8
    path = work / name
    if exists:
        path.write_text(text, encoding="utf-8")
    before = snapshot(work)
    run = check(work, shared_cache, path, fmt=fmt)
    assert_held(run, before, fmt)
    assert run.code in ((0, 1) if exists else (2,))
    for line in (run.stdout + "\n" + run.stderr).splitlines():
        assert not line.lstrip().startswith(FORGED), (fmt, line)
        assert fmt == "github" or not line.lstrip().startswith("::"), (fmt, line)


# --- 12. PDFs -----------------------------------------------------------------------------------

@pytest.mark.parametrize("number", NUMBERS)
def test_kind12_encrypted_and_broken_pdfs(work, shared_cache, number):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportpdf import build_report_pdf

    rng = rng_for("pdf", number)
    how = rng.choice(["owner password", "user password", "truncated", "bytes flipped", "plain"])
    encrypt = {"owner password": StandardEncryption("", ownerPassword="owner", canPrint=0, canCopy=0),
               "user password": "secret"}.get(how)
    pdf = build_report_pdf(work / "report.pdf", small_report(), encrypt=encrypt)
    data = bytearray(pdf.read_bytes())
    if how == "truncated":
        data = data[: rng.randint(8, len(data) - 1)]
    elif how == "bytes flipped":
        for _ in range(rng.randint(1, 50)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    pdf.write_bytes(bytes(data))
    article = work / "a.txt"
    article.write_text(article_text(rng, 4), encoding="utf-8")
    before = snapshot(work)
    run = run_cli(["check", str(article), "--source", str(pdf), "-f", "json"], work, shared_cache)
    assert_held(run, before)
    if how in ("owner password", "plain"):
        assert run.code in (0, 1), run.stderr
    if how == "user password":
        assert run.code == 2 and "encrypted" in run.stderr


# --- what held, and must keep holding ---------------------------------------------------------

HOSTILE_SOURCES = ["http://127.0.0.1:{port}/report.txt", "http://localhost:{port}/report.txt",
                   "http://[::1]:{port}/report.txt", "http://2130706433:{port}/report.txt",
                   "http://0x7f000001:{port}/report.txt", "http://169.254.169.254/latest/meta-data/",
                   "file:///etc/passwd", "/etc/passwd", "../../outside.txt", "reports/link.txt",
                   "http://127.0.0.1:{port}/redirect"]


@pytest.mark.parametrize("number", NUMBERS)
def test_held_the_url_policy_makes_no_connection(tmp_path, shared_cache, httpserver, number):
    rng = rng_for("url-policy", number)
    httpserver.expect_request("/report.txt").respond_with_data(small_report(), content_type="text/plain")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "drafts").mkdir()
    (repo / "reports").mkdir()
    (tmp_path / "outside.txt").write_text(small_report(), encoding="utf-8")
    os.symlink(tmp_path / "outside.txt", repo / "reports" / "link.txt")
    source = rng.choice(HOSTILE_SOURCES).format(port=httpserver.port)
    config = rng.choice(["", "[policy]\nallow_urls = true\n"])
    if config:
        (repo / ".checker.toml").write_text(config, encoding="utf-8")
    draft = repo / "drafts" / "a.md"
    draft.write_text(f"---\nsource: {source}\n---\n" + article_text(rng, 3), encoding="utf-8")
    before = snapshot(repo)
    run = run_cli(["check", "drafts/a.md", "-f", "jsonl"], repo, shared_cache)
    assert_held(run, before, "jsonl")
    assert run.code == 2, run.stderr
    assert len(httpserver.log) == 0, "a refused source was fetched"


HTML_PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "</textarea><svg onload=alert(1)>",
                 "javascript:alert(1)", "{{7*7}}<b>bold</b>", "<!--", "]]><x>"]


@pytest.mark.parametrize("number", NUMBERS)
def test_held_html_output_escapes_the_article(work, shared_cache, number):
    rng = rng_for("html", number)
    payloads = rng.sample(HTML_PAYLOADS, 3)
    text = article_text(rng, 4) + "".join(
        f'\nOfsted said "{p} inadequate" and Somerst County Council had {rng.randint(1, 99)} {p} social workers.\n'
        for p in payloads)
    (work / "a.txt").write_text(text, encoding="utf-8")
    output = work / "out" / "report.html"
    before = snapshot(work)
    run = check(work, shared_cache, work / "a.txt", "-o", str(output), fmt="html")
    assert_held(run, before, "html", output=output)
    for page in output.parent.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        for payload in payloads:
            if "<" in payload:
                assert payload not in html, (page.name, payload)


@pytest.mark.parametrize("number", NUMBERS)
def test_held_github_annotations_escape_the_article(work, shared_cache, number):
    rng = rng_for("github", number)
    breaks = ["\n", "\r", "%0A", "%0D", "\u2028", "\u0085"]
    text = article_text(rng, 3) + "".join(
        f"\nSomerst County Council had 99 social workers{rng.choice(breaks)}{FORGED} said the report.\n"
        for _ in range(3))
    run = held_run(work, shared_cache, "a.txt", text, fmt="github")
    for line in (run.stdout + run.stderr).splitlines():
        assert not line.lstrip().startswith(FORGED), line


@pytest.mark.parametrize("number", NUMBERS)
def test_held_kill_9_during_output_leaves_the_old_or_the_whole_new_report(work, tmp_path, number):
    rng = rng_for("kill", number)
    article = work / "a.txt"
    article.write_text(article_text(rng, 8), encoding="utf-8")
    output = work / "report.json"
    output.write_text("the last report\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHECKER_")}
    env["CHECKER_CACHE_DIR"] = str(tmp_path / "cache")
    process = subprocess.Popen([sys.executable, "-m", "checker.cli", "check", str(article), "--source",
                                str(work / "report.txt"), "-f", "json", "-o", str(output)],
                               cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0.5, 5.0))  # before, while or after it writes
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    text = output.read_text(encoding="utf-8")
    assert text == "the last report\n" or complete(text, "json")


def test_held_concurrent_runs_preparing_the_same_report_agree(work, tmp_path):
    article = work / "a.txt"
    article.write_text(article_text(rng_for("concurrent", 0), 6), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHECKER_")}
    env["CHECKER_CACHE_DIR"] = str(tmp_path / "cache")
    command = [sys.executable, "-m", "checker.cli", "check", str(article), "--source",
               str(work / "report.txt"), "-f", "json"]
    processes = [subprocess.Popen(command, cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for _ in range(2)]
    results = [p.communicate(timeout=TIME_BOUND) for p in processes]
    assert all(p.returncode in (0, 1) for p in processes), [err for _, err in results]
    assert all(not err for _, err in results), [err for _, err in results]
    assert len({out for out, _ in results}) == 1


@pytest.mark.parametrize("number", NUMBERS)
def test_held_fuzzed_articles_through_the_python_api(tmp_path, number):
    import checker
    from checker.errors import CheckerError

    rng = rng_for("api", number)
    report = tmp_path / "report.txt"
    report.write_text(small_report(), encoding="utf-8")
    for k in range(3):
        text = article_text(rng, rng.randint(1, 8))
        text = "".join(c if rng.random() > 0.02 else rng.choice(QUOTES + ["\n", "%", "£", "½", "\x00", "1"])
                       for c in text)
        path = tmp_path / f"a{k}.txt"
        path.write_text(text, encoding="utf-8")
        try:
            result = checker.check(str(path), str(report))
        except CheckerError:
            continue  # bad input is refused with the project's own error, never another
        assert json.loads(json.dumps(checker.as_json(result)))["schema"] == "checker/1"

