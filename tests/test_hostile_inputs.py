"""Hostile and huge inputs: a clear refusal (exit 2, one line) or a bounded run, never a
traceback, never an input changed (issue 11; more kinds in test_cli and test_config)."""

from __future__ import annotations

import pytest

from checker.cli import main
from checker.ingest.documents import article_passages
from checker.ingest.passages import MAX_LINE, split_passages


def _run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


@pytest.mark.parametrize("split", [article_passages, split_passages])
def test_a_line_too_long_to_parse_is_cut_into_passages_at_sentence_ends(split):
    line = " ".join(f"Sentence number {i} says the council was slow." for i in range(6000))
    text = "Title\n\n" + line + "\n"
    passages = split(text)
    assert max(len(p.text) for p in passages) <= MAX_LINE  # spaCy's limit is 1,000,000
    body = [p for p in passages if p.span.start >= text.index("Sentence")]
    assert "".join(text[p.span.start:p.span.end] for p in body).replace(" ", "") == line.replace(" ", "")
    assert all(text[p.span.start:p.span.end].rstrip().endswith(".") for p in body[:-1])


def test_an_input_over_the_size_cap_is_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CHECKER_MAX_BYTES", "1000")
    article = tmp_path / "a.txt"
    article.write_text("Title\n\n" + "The council was slow. " * 100, encoding="utf-8")
    (tmp_path / "r.txt").write_text("Report\n\nThe council was slow.\n", encoding="utf-8")
    code, out, err = _run(capsys, "check", str(article), "--source", str(tmp_path / "r.txt"))
    assert code == 2 and "size cap" in err and "CHECKER_MAX_BYTES" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("encoding, message", [
    ("unicode_escape", "not a text encoding"), ("rot13", "not a text encoding"),
    ("base64", "not a text encoding"), ("zlib_codec", "not a text encoding"),
    ("no-such-codec", "unknown encoding"),
])
def test_only_text_encodings_are_accepted(tmp_path, capsys, encoding, message):
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nThe council said \\ud800 was slow.\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text("Report\n\nThe council was slow.\n", encoding="utf-8")
    code, _, err = _run(capsys, "check", str(article), "--source", str(tmp_path / "r.txt"),
                        "--encoding", encoding)
    assert code == 2 and message in err and len(err.splitlines()) == 1


def test_no_path_can_begin_a_line_of_output(tmp_path, capsys):
    hostile = tmp_path / "a\n::error file=x::forged.txt"
    code, _, err = _run(capsys, "check", str(hostile), "--source", str(tmp_path / "r.txt"))
    assert code == 2 and len(err.splitlines()) == 1 and "\\n::error" in err
    hostile.write_text("Title\n\nSomerset County Council has 99 social workers, the report said.\n",
                       encoding="utf-8")
    (tmp_path / "r.txt").write_text("Somerset County Council report\n\nThe council has 98 social "
                                    "workers.\n", encoding="utf-8")
    for fmt in ("line", "text"):
        code, out, err = _run(capsys, "check", str(hostile), "--source", str(tmp_path / "r.txt"),
                              "-f", fmt, "--no-color")
        assert code == 1 and "NUM01" in out
        assert not any(line.lstrip().startswith("::") for line in (out + err).splitlines()), out


@pytest.mark.parametrize("where", ["a file", "a path under a file", "a directory as the entry"])
def test_a_cache_problem_only_costs_speed(tmp_path, capsys, monkeypatch, where):
    import checker.cachefile as cachefile
    import checker.prepared as prepared
    from checker.engine import Checker
    from checker.ingest.documents import document_from_text

    monkeypatch.setattr(cachefile, "_warned", [])
    blocker = tmp_path / "cache-file"
    blocker.write_text("not a directory")
    root = {"a file": blocker, "a path under a file": blocker / "sub"}.get(where, tmp_path / "cache")
    source = document_from_text("Report\n\nThe council has 98 social workers.\n", "r.txt", "source")
    store = prepared.PreparedStore(root / "sources")
    if where == "a directory as the entry":
        store.prepare(source)
        [entry] = store.folder.iterdir()
        entry.unlink()
        entry.mkdir()
    article = document_from_text("Title\n\nThe council has 99 social workers.\n", "a.txt", "article")
    result = Checker(store=store).check(article, [source])
    assert [f.code for f in result.findings] == ["NUM01"]
    assert len(capsys.readouterr().err.splitlines()) == 1  # one warning, and the check ran
