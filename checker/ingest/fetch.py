"""Fetching a URL the way a careful reader would: bounded, identified, cached.

Every way a fetch can fail (status, DNS, timeout, redirect loop, size cap) becomes one
:class:`~checker.errors.FetchError` naming the URL, so the CLI prints one line and exits 2.

The cache lives in the user's cache directory (``platformdirs``; ``CHECKER_CACHE_DIR``
overrides it) and revalidates with ``ETag``/``Last-Modified``, so re-checking an article
costs a 304, not a download; ``Cache-Control: max-age`` spares even that.  A cache that
cannot be read or written is skipped: it must never be the reason a check fails.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from checker import __version__
from checker.errors import FetchError

USER_AGENT = f"checker/{__version__} (claim cross-checker; python-httpx)"
MAX_BYTES = 25 * 1024 * 1024  # Ofsted's largest reports are a few MB
MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0


def is_url(location: str) -> bool:
    return location.lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class FetchOptions:
    """Limits of one fetch; the environment may tighten them (tests, CI)."""

    use_cache: bool = True
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS
    connect_timeout: float = CONNECT_TIMEOUT
    read_timeout: float = READ_TIMEOUT
    # Called with every URL about to be requested, redirects included; raises to refuse
    # (the source policy for untrusted drafts: no request ever reaches a private address).
    guard: Callable[[str], None] | None = field(default=None, compare=False)

    @classmethod
    def from_env(cls, use_cache: bool = True,
                 guard: Callable[[str], None] | None = None) -> "FetchOptions":
        def number(name: str, default: float) -> float:
            value = os.environ.get(name)
            try:
                return float(value) if value else default
            except ValueError:
                return default

        timeout = number("CHECKER_FETCH_TIMEOUT", 0) or None
        return cls(use_cache=use_cache and not os.environ.get("CHECKER_NO_CACHE"), guard=guard,
                   max_bytes=int(number("CHECKER_FETCH_MAX_BYTES", MAX_BYTES)),
                   connect_timeout=timeout or CONNECT_TIMEOUT,
                   read_timeout=timeout or READ_TIMEOUT)


@dataclass(frozen=True)
class Fetched:
    """A response body with what is needed to read it."""

    url: str
    final_url: str
    status: int
    media_type: str  # e.g. text/html, lowercased, without parameters
    charset: str | None  # as declared in Content-Type, if at all
    content: bytes
    from_cache: bool = False


# --- the cache -----------------------------------------------------------------------


def cache_dir() -> Path:
    override = os.environ.get("CHECKER_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("checker")) / "http"


@dataclass
class _Entry:
    url: str
    final_url: str
    status: int
    media_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None
    stored_at: float
    max_age: float | None


def _paths(url: str) -> tuple[Path, Path]:
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()
    base = cache_dir()
    return base / f"{key}.json", base / f"{key}.body"


_FIELD_TYPES = {"url": (str,), "final_url": (str,), "status": (int,), "media_type": (str,),
                "charset": (str, type(None)), "etag": (str, type(None)),
                "last_modified": (str, type(None)), "stored_at": (int, float),
                "max_age": (int, float, type(None))}
_HEADER_SAFE = re.compile(r"[\x20-\x7e\t]*")  # what may go back into a request header


def _valid(fields: object, url: str) -> bool:
    """A stored entry is used only if every field has its type, it is for this URL, and
    its validators can go back into a request header unchanged (no CR LF)."""
    if not isinstance(fields, dict) or set(fields) != set(_FIELD_TYPES):
        return False
    if any(not isinstance(fields[k], t) or isinstance(fields[k], bool) and bool not in t
           for k, t in _FIELD_TYPES.items()):
        return False
    headers_ok = all(_HEADER_SAFE.fullmatch(fields[k] or "") for k in ("etag", "last_modified"))
    return fields["url"] == url and headers_ok and fields["stored_at"] <= time.time() + 60


def _load(url: str) -> tuple[_Entry, bytes] | None:
    """The cached response for ``url``, or None: in any doubt, fetch afresh."""
    meta_path, body_path = _paths(url)
    try:
        fields = json.loads(meta_path.read_text("utf-8"))
        if not _valid(fields, url):
            return None
        return _Entry(**fields), body_path.read_bytes()
    except (OSError, ValueError, TypeError, RecursionError):
        return None


def _store(entry: _Entry, body: bytes) -> None:
    """Keep a response, each file whole (a temporary file, then a rename); a cache that
    cannot be written (read-only, full) only costs the next run a download, and a write
    that fails takes its temporary file with it, so a full disk leaves nothing behind."""
    meta_path, body_path = _paths(entry.url)
    tmp = None
    try:
        meta_path.parent.mkdir(parents=True, exist_ok=True)
        for path, data in ((body_path, body), (meta_path, json.dumps(asdict(entry)).encode())):
            tmp = path.with_suffix(path.suffix + f".{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)
            tmp = None
    except OSError:
        if tmp is not None:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass  # a directory in its place, or a read-only cache: nothing was written


def _max_age(cache_control: str) -> float | None:
    if re.search(r"\b(no-store|no-cache)\b", cache_control):
        return None
    match = re.search(r"\bmax-age=(\d+)", cache_control)
    return float(match.group(1)) if match else None


def _fetched(entry: _Entry, body: bytes, from_cache: bool) -> Fetched:
    return Fetched(entry.url, entry.final_url, entry.status, entry.media_type, entry.charset,
                   body, from_cache)


# --- fetching --------------------------------------------------------------------------


def fetch(url: str, options: FetchOptions | None = None) -> Fetched:
    """GET ``url`` within the limits of ``options``; a cached copy when still valid."""
    import httpx

    options = options or FetchOptions.from_env()
    cached = _load(url) if options.use_cache else None
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    if cached:
        entry, body = cached
        if entry.max_age is not None and time.time() - entry.stored_at < entry.max_age:
            return _fetched(entry, body, from_cache=True)
        if entry.etag:
            headers["If-None-Match"] = entry.etag
        if entry.last_modified:
            headers["If-Modified-Since"] = entry.last_modified
    timeout = httpx.Timeout(options.read_timeout, connect=options.connect_timeout)
    try:
        hooks = {"request": [lambda request: options.guard(str(request.url))]} if options.guard else {}
        with httpx.Client(follow_redirects=True, max_redirects=options.max_redirects,
                          timeout=timeout, headers=headers, event_hooks=hooks) as client:
            with client.stream("GET", url) as response:
                if response.status_code == 304 and cached:
                    entry, body = cached
                    entry.stored_at = time.time()
                    fresh_for = _max_age(response.headers.get("cache-control", ""))
                    entry.max_age = fresh_for or entry.max_age
                    _store(entry, body)
                    return _fetched(entry, body, from_cache=True)
                if response.status_code >= 400:
                    raise FetchError(f"{url}: HTTP {response.status_code}"
                                     f" {response.reason_phrase}".rstrip())
                body = _read_capped(response, url, options.max_bytes)
                final_url = str(response.url)
                response_headers = response.headers
                status = response.status_code
    except httpx.TooManyRedirects as err:
        raise FetchError(f"{url}: more than {options.max_redirects} redirects"
                         " (a redirect loop?)") from err
    except httpx.TimeoutException as err:
        phase = "connecting" if isinstance(err, httpx.ConnectTimeout) else "waiting for data"
        limit = options.connect_timeout if phase == "connecting" else options.read_timeout
        raise FetchError(f"{url}: timed out after {limit:g} s {phase}") from err
    except httpx.ConnectError as err:
        raise FetchError(_connect_message(url, err)) from err
    except httpx.UnsupportedProtocol as err:
        raise FetchError(f"{url}: unsupported URL ({err})") from err
    except httpx.HTTPError as err:
        raise FetchError(f"{url}: fetch failed ({type(err).__name__}: {err})") from err
    media_type, charset = parse_content_type(response_headers.get("content-type", ""))
    entry = _Entry(url=url, final_url=final_url, status=status, media_type=media_type,
                   charset=charset, etag=response_headers.get("etag"),
                   last_modified=response_headers.get("last-modified"), stored_at=time.time(),
                   max_age=_max_age(response_headers.get("cache-control", "")))
    cacheable = (entry.etag or entry.last_modified or entry.max_age) \
        and "no-store" not in response_headers.get("cache-control", "")
    if options.use_cache and cacheable:
        _store(entry, body)
    return _fetched(entry, body, from_cache=False)


def _read_capped(response, url: str, max_bytes: int) -> bytes:
    """The decoded (gunzipped) body, refused as soon as it passes ``max_bytes``.

    Counting decoded bytes also bounds a small gzip that inflates into gigabytes.
    """
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url}: response of {int(declared):,} bytes is over the"
                         f" {max_bytes:,}-byte size cap")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: response is over the {max_bytes:,}-byte size cap")
        chunks.append(chunk)
    return b"".join(chunks)


def _connect_message(url: str, err: Exception) -> str:
    host = urlsplit(url).hostname or url
    cause = err.__cause__ or err.__context__
    text = str(err)
    if isinstance(cause, socket.gaierror) or re.search(
            r"Name or service not known|nodename nor servname|getaddrinfo|"
            r"Temporary failure in name resolution|No address associated", text):
        return f"{url}: cannot resolve host {host!r} (DNS lookup failed)"
    return f"{url}: cannot connect to {host} ({text or type(err).__name__})"


def parse_content_type(value: str) -> tuple[str, str | None]:
    """``text/html; charset=ISO-8859-1`` -> ``('text/html', 'iso-8859-1')``."""
    media_type, _, params = value.partition(";")
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", params, re.I)
    return media_type.strip().lower(), (match.group(1).lower() if match else None)


# --- bytes to text ---------------------------------------------------------------------

# Browsers read these labels as windows-1252 (WHATWG Encoding Standard), and so do we:
# pages declaring latin-1 routinely use its curly quotes and dashes.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii",
              "windows-1252", "cp1252", "x-cp1252"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def codec_for(label: str | None) -> str | None:
    """Python's codec for a charset label, reading latin-1 labels as windows-1252; None
    for a label that names no character encoding (unknown, or rot13, base64, zlib ...),
    which browsers ignore, falling back to the next clue."""
    if not label:
        return None
    label = label.strip().lower()
    if label in _AS_CP1252:
        return "cp1252"
    import codecs

    from checker.ingest.read import is_text_encoding

    return codecs.lookup(label).name if is_text_encoding(label) else None


def decode_markup(content: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """Text of an HTML (or plain-text) body and the encoding used to read it.

    Order as browsers do: byte-order mark, then the HTTP charset, then a ``<meta>`` tag
    in the first 4 KB, then UTF-8 if the bytes are valid UTF-8, else windows-1252.
    """
    boms = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
    for bom, codec in boms:
        if content.startswith(bom):
            return content.decode(codec, errors="replace"), codec
    declared = codec_for(header_charset)
    if declared is None:
        meta = _META_CHARSET.search(content[:4096])
        declared = codec_for(meta.group(1).decode("ascii", "replace")) if meta else None
    if declared:
        return content.decode(declared, errors="replace"), declared
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace"), "cp1252"
