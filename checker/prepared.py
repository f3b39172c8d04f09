"""Prepared sources kept on disk between runs, so a journalist re-checking drafts
against the same report does not wait for its parse every time.

A prepared source (:class:`~checker.match.index.SourceIndex`: passages folded and
stemmed, the BM25 index, the report's figures and dates read by spaCy) is pickled and
gzipped under the user's cache directory, keyed by the source's content hash *and* a
fingerprint of checker's own code and model, so a new version never reads an old
preparation.  A file that cannot be read is ignored and rebuilt; files are written whole
or not at all.
Set ``CHECKER_CACHE_DIR`` to move the cache, ``CHECKER_NO_CACHE`` to bypass it.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from checker.nlp import MODEL

MAX_FILES = 200
SUFFIX = ".pickle.gz"  # gzip at level 3: a third of the size, 5 ms more to read a report
_ANY_VERSION = "*.pickle*"  # this version's files, and older versions' plain pickles


def cache_root() -> Path:
    """Where checker keeps what it can rebuild (prepared sources, corpus stores unless
    ``--beside``): $CHECKER_CACHE_DIR, else the user cache."""
    override = os.environ.get("CHECKER_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("checker"))


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of checker's source files and the model's name: what a preparation
    depends on."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(MODEL.encode())
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def prepare(source):
    """A source prepared whole: indexed, and its figures and dates read."""
    from checker.match.index import SourceIndex

    prepared = SourceIndex(source)
    prepared.warm()
    return prepared


class PreparedStore:
    """Pickled prepared sources in one folder.  ``keep``: how many the folder holds at
    most (the newest), or None where another owner decides what stays (a corpus index
    keeps one per document of its corpus)."""

    def __init__(self, folder: Path, keep: int | None = MAX_FILES) -> None:
        self.folder = folder
        self.keep = keep

    @classmethod
    def default(cls) -> "PreparedStore | None":
        if os.environ.get("CHECKER_NO_CACHE"):
            return None
        return cls(cache_root() / "sources")

    def _path(self, content_id: str) -> Path:
        return self.folder / f"{content_id}-{code_fingerprint()}{SUFFIX}"

    def has(self, content_id: str) -> bool:
        return self._path(content_id).is_file()

    def prepare(self, source):
        """The source's preparation: read from the folder, else made and stored."""
        prepared = self.load(source.id)
        if prepared is None:
            prepared = prepare(source)
            self.save(source.id, prepared)
        return prepared

    def discard_except(self, content_ids: set[str]) -> None:
        """Remove every preparation but the current code's of ``content_ids``."""
        keep = {self._path(c).name for c in content_ids}
        for path in self.folder.glob(_ANY_VERSION) if self.folder.is_dir() else ():
            if path.name not in keep:
                path.unlink(missing_ok=True)

    def load(self, content_id: str):
        """The stored preparation, or None.  A cache problem (a directory where the entry
        should be, a cache path under a file, an unreadable or torn entry) only costs
        speed: the source is prepared afresh, with one warning on stderr."""
        path = self._path(content_id)
        try:
            with gzip.open(path, "rb") as handle:
                prepared = pickle.load(handle)
        except FileNotFoundError:
            return None
        except (gzip.BadGzipFile, EOFError):  # torn: rebuilt below
            _remove(path)
            return None
        except OSError as err:
            _warn(f"cannot read the cache entry {path} ({err.strerror or err}); preparing afresh")
            return None
        except Exception:  # a torn or foreign file: rebuild it rather than fail
            _remove(path)
            return None
        from checker.match.index import SourceIndex

        if not isinstance(prepared, SourceIndex) or prepared.document.id != content_id:
            _remove(path)  # an entry of the wrong type or for another source
            return None
        return prepared

    def save(self, content_id: str, prepared) -> None:
        tmp = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as raw, \
                    gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=3, mtime=0) as handle:
                pickle.dump(prepared, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self._path(content_id))
            tmp = None
            if self.keep is not None:
                self._prune()
        except OSError as err:  # a read-only, full or misplaced cache only costs speed
            _warn(f"cannot write to the cache {self.folder} ({err.strerror or err})")
        finally:
            if tmp is not None:
                _remove(Path(tmp))  # a full disk leaves no temporary file behind

    def _prune(self) -> None:
        """Keep the most recently written MAX_FILES preparations (about 400 KB each for a
        50-page report): a corpus run over hundreds of reports, and preparations left by
        older versions, must not fill the disk."""
        files = sorted(self.folder.glob(_ANY_VERSION), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in files[self.keep:]:
            old.unlink(missing_ok=True)


_warned: list[str] = []


def _warn(message: str) -> None:
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
