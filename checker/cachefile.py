"""Cache entries that cannot run code: versioned, checksummed, compressed JSON.

The cache directory can be written by other programs, so an entry is data checked
before use, never a pickle.  One entry is a header line and a body::

    checker-cache {"format": 1, "kind": "prepared", "key": "...", "code": "...",
                   "sha256": "<of the body>", "size": <body bytes after inflating>}
    <zlib-compressed JSON>

It is read only if every header field is as expected (this format, this kind of entry,
this key, this version of checker's code) and the body's hash matches; then its JSON is
handed to the owner's decoder, which checks every field's type.  Anything else is an
:class:`InvalidEntry`, which :class:`EntryFolder` treats as a miss: the work is done
afresh, and one warning says so.  A cache problem only ever costs speed.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import zlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.nlp import MODEL

FORMAT = 1
MAGIC = b"checker-cache "
SUFFIX = ".entry"
MAX_BODY = 1 << 30  # inflated: an entry claiming more is not one checker wrote
_LEVEL = 3  # zlib: a third of the size, a few ms more to read a report's entry


class InvalidEntry(ValueError):
    """An entry that is torn, foreign, of another format or kind, or fails its checks."""


def cache_root() -> Path:
    """Where checker keeps what it can rebuild (prepared sources, extracted documents,
    corpus stores unless ``--beside``): $CHECKER_CACHE_DIR, else the user cache."""
    override = os.environ.get("CHECKER_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("checker"))


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of checker's source files and the model's name: what an entry depends on."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(MODEL.encode())
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def encode(kind: str, key: str, value: Any) -> bytes:
    """The bytes of an entry holding ``value`` (JSON-ready) for ``key``."""
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packed = zlib.compress(body, _LEVEL)
    header = {"format": FORMAT, "kind": kind, "key": key, "code": code_fingerprint(),
              "sha256": hashlib.sha256(packed).hexdigest(), "size": len(body)}
    return MAGIC + json.dumps(header, separators=(",", ":")).encode("ascii") + b"\n" + packed


def decode(data: bytes, kind: str, key: str) -> Any:
    """The JSON value of an entry's bytes, if the entry is this kind's for ``key`` and
    whole; else :class:`InvalidEntry`."""
    line, newline, packed = data.partition(b"\n")
    if not (line.startswith(MAGIC) and newline):
        raise InvalidEntry("not a checker cache entry")
    try:
        header = json.loads(line[len(MAGIC):])
    except ValueError as err:
        raise InvalidEntry("its header is not JSON") from err
    expected = {"format": FORMAT, "kind": kind, "key": key, "code": code_fingerprint()}
    if not isinstance(header, dict) or any(header.get(k) != v for k, v in expected.items()):
        raise InvalidEntry("it was written for another format, kind, key or version")
    size = header.get("size")
    if not (isinstance(size, int) and 0 <= size <= MAX_BODY):
        raise InvalidEntry("its size is not a size")
    if header.get("sha256") != hashlib.sha256(packed).hexdigest():
        raise InvalidEntry("its checksum does not match (torn or altered)")
    inflater = zlib.decompressobj()
    try:
        body = inflater.decompress(packed, size + 1)
    except zlib.error as err:
        raise InvalidEntry("its body is not compressed") from err
    if len(body) != size or not inflater.eof:
        raise InvalidEntry("its body is not the size its header says")
    try:
        return json.loads(body)
    except (ValueError, RecursionError) as err:  # not UTF-8, not JSON, or nested too deep
        raise InvalidEntry("its body is not JSON checker can read") from err


class EntryFolder:
    """Entries of one kind in one folder, named by key and code version.  ``keep``: how
    many the folder holds at most (the newest), or None where another owner decides what
    stays (a corpus index keeps one per document of its corpus)."""

    def __init__(self, folder: Path, kind: str, keep: int | None) -> None:
        self.folder = folder
        self.kind = kind
        self.keep = keep

    def path(self, key: str) -> Path:
        return self.folder / f"{key}-{code_fingerprint()}{SUFFIX}"

    def has(self, key: str) -> bool:
        return self.path(key).is_file()

    def load(self, key: str, read: Callable[[Any], Any]):
        """``read`` of the stored JSON value, or None.  ``read`` turns the value into what
        the owner keeps, raising ValueError (as :func:`checker.plain.from_plain` does)
        when it is not.  A missing entry is a quiet miss; an unreadable one (a directory in
        its place, a cache path under a file) or an invalid one is a miss with one
        warning, and an invalid one is removed."""
        path = self.path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as err:
            warn(f"cannot read the cache entry {path} ({err.strerror or err}); doing the work afresh")
            return None
        try:
            return read(decode(data, self.kind, key))
        except ValueError as err:  # InvalidEntry, NotPlain, or the owner's own checks
            warn(f"ignored the invalid cache entry {path} ({err}); doing the work afresh")
            _remove(path)
            return None

    def save(self, key: str, value: Any) -> None:
        """Store ``value`` (JSON-ready) whole or not at all."""
        tmp = None
        try:
            data = encode(self.kind, key, value)
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, self.path(key))
            tmp = None
            if self.keep is not None:
                self._prune()
        except OSError as err:  # a read-only, full or misplaced cache only costs speed
            warn(f"cannot write to the cache {self.folder} ({err.strerror or err})")
        finally:
            if tmp is not None:
                _remove(Path(tmp))  # a full disk leaves no temporary file behind

    def discard_except(self, keys: set[str]) -> None:
        """Remove every entry (and older versions' pickles) but the current code's of ``keys``."""
        keep = {self.path(k).name for k in keys}
        for path in self._entries():
            if path.name not in keep:
                path.unlink(missing_ok=True)

    def _entries(self) -> list[Path]:
        """This folder's entries of any version, and the pickles of versions before."""
        if not self.folder.is_dir():
            return []
        return [*self.folder.glob(f"*{SUFFIX}"), *self.folder.glob("*.pickle*")]

    def _prune(self) -> None:
        """Keep the ``keep`` most recently written entries: a corpus run over hundreds of
        reports, and entries left by older versions, must not fill the disk."""
        files = sorted(self._entries(), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in files[self.keep:]:
            old.unlink(missing_ok=True)


_warned: list[str] = []


def warn(message: str) -> None:
    """One line on stderr for the first cache problem of a process: the check goes on,
    and one warning says all a user can do about it."""
    if not _warned:
        _warned.append(message)
        print(f"checker: warning: {message}", file=sys.stderr)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass  # a directory in the entry's place, or a read-only cache: leave it
