"""Shared by the ingest tests: a private fetch cache, and the check that a bad input is
refused as the CLI promises (one stderr line, exit 2, nothing written)."""

from __future__ import annotations

import pytest

from checker.cli import main


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Each test its own fetch cache, never the user's."""
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CHECKER_NO_CACHE", raising=False)


def assert_refused(argv: list[str], tmp_path, capsys) -> str:
    """Run the CLI with ``-o``; it must exit 2 with one stderr line and write nothing."""
    out = tmp_path / "report.out"
    with pytest.raises(SystemExit) as exit_:
        main([*argv, "-o", str(out)])
    err = capsys.readouterr().err
    assert exit_.value.code == 2, err
    assert err.count("\n") == 1 and err.startswith("checker: error: "), err
    assert "Traceback" not in err
    assert not out.exists()
    return err
