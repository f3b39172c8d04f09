"""Outputs are written whole or not at all: a temporary file beside the target, then an
atomic rename, so an interrupted run never leaves half a report; and never over an
input, so no run can destroy the draft or the report it reads."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from checker.errors import UsageError


def write_atomic(path: str | Path, content: str) -> None:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report is for others to read
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def refuse_inputs(output: str | Path, inputs: Iterable[str | Path]) -> None:
    """Stop (exit 2, nothing written) when the output path is one of the inputs, by
    name, through a symbolic link or as another hard link to the same file."""
    target = Path(output)
    for item in inputs:
        path = Path(item)
        if not path.exists():
            continue
        same = target.resolve() == path.resolve() or (target.exists() and os.path.samefile(target, path))
        if same:
            raise UsageError(f"{output}: the output would overwrite the input {item}; choose another -o")
