"""Reading an input's bytes and turning them into text, refusing what is not text.

Every refusal is an :class:`~checker.errors.InputError` naming the input, so the CLI can
print one line and exit 2.  Nothing here writes to an input.
"""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path

from checker.errors import BinaryInput, DecodeError, EmptyInput, MissingInput, RefusedInput

STDIN = "-"
MAX_BYTES = 25 * 1024 * 1024  # as for fetched pages: Ofsted's largest reports are a few MB

# Magic numbers of formats a user may pass by mistake (or that a later reader handles).
_BINARY_MAGIC = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a ZIP archive (Word .docx?)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Word/Office file",
}


def max_bytes() -> int:
    """The size cap on a local input: 25 MB, or ``CHECKER_MAX_BYTES``."""
    value = os.environ.get("CHECKER_MAX_BYTES", "")
    return int(value) if value.isdigit() and int(value) > 0 else MAX_BYTES


def read_bytes(location: str) -> bytes:
    """The raw bytes of a path, or of standard input for ``-``, up to the size cap."""
    cap = max_bytes()
    if location == STDIN:
        data = sys.stdin.buffer.read(cap + 1)
    else:
        path = Path(location)
        if not path.exists():
            raise MissingInput(f"{location}: no such file")
        if path.is_dir():
            raise MissingInput(f"{location}: is a directory, not a file")
        try:
            with path.open("rb") as handle:
                data = handle.read(cap + 1)
        except OSError as err:
            raise MissingInput(f"{location}: cannot be read ({err.strerror})") from err
    if len(data) > cap:
        raise RefusedInput(f"{location}: over the {cap:,}-byte size cap (set CHECKER_MAX_BYTES to raise it)")
    return data


def decode_text(data: bytes, location: str, encoding: str | None = None) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or UTF-16 with BOM, or ``encoding``.

    Guessing a legacy encoding silently turns a wrong byte into a wrong quotation, so an
    undecodable file is refused with a hint instead.
    """
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise BinaryInput(f"{location}: looks like {what}, not a text file")
    if encoding is not None and not _known_encoding(encoding):
        raise DecodeError(f"{location}: unknown encoding '{encoding}'")
    if encoding is not None and not is_text_encoding(encoding):
        raise DecodeError(f"{location}: '{encoding}' is not a text encoding (try utf-8, cp1252 or latin-1)")
    if encoding is None and data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16"
    if encoding is None and b"\x00" in data:
        raise BinaryInput(f"{location}: contains NUL bytes; this looks like a binary file")
    try:
        text = data.decode(encoding or "utf-8-sig")
    except (UnicodeDecodeError, LookupError) as err:
        raise DecodeError(
            f"{location}: not valid {encoding or 'UTF-8'} text"
            f" (byte {getattr(err, 'start', '?')}); re-save it as UTF-8 or pass --encoding"
        ) from err
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInput(f"{location}: is empty")
    return text


def _known_encoding(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


_NOT_DOCUMENT_ENCODINGS = frozenset({"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"})


def is_text_encoding(name: str) -> bool:
    """Is this the name of a character encoding a document can be in?  Codecs such as
    rot13, base64, zlib or uu transform data; unicode_escape even yields lone
    surrogates; idna and punycode encode host names."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        return False
    return getattr(info, "_is_text_encoding", True) and info.name not in _NOT_DOCUMENT_ENCODINGS


def read_text(location: str, encoding: str | None = None) -> str:
    return decode_text(read_bytes(location), location, encoding)
