"""A PDF's words with their boxes and font sizes, page by page: what
:mod:`checker.ingest.pdf` rebuilds paragraphs from.

Two readers, fastest first.  PDFium (pypdfium2) gives each character with its box; its
characters are put into words as pdfplumber puts them (a word ends at a space, a gap of
more than 3 points, a move up or down of more than 3 points, or a change of font size)
and boxed as pdfminer boxes a character (from the font's descent to one font size above
it), so both give the same words.  On the 30 Ofsted reports of
corpora/ofsted-ilacs-dev it is about ten times faster than pdfplumber.  A file PDFium
cannot read, or finds no text in, is read by pdfplumber; one that needs a password is
refused by both.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from checker.errors import InputError

Word = dict  # text, x0, x1, top, bottom (points from the page's top), size
Pages = list[tuple[list[Word], float]]  # each page's words, and its height
X_TOLERANCE = Y_TOLERANCE = 3.0  # pdfplumber's defaults for splitting words
_PDFIUM_HYPHEN, _HYPHEN = 0x02, "-"  # PDFium's code for a hyphen it takes to end a line


class Encrypted(InputError):
    """A PDF that needs a password to open."""


def _encrypted(location: str) -> Encrypted:
    return Encrypted(f"{location}: the PDF is encrypted; save an unprotected copy and check that")


def read_words(data: bytes, location: str) -> tuple[Pages, dict]:
    """(each page's words and height, the document information dictionary)."""
    try:
        pages, info = pdfium_words(data, location)
    except Encrypted:
        raise
    except Exception:  # a file PDFium cannot parse may still be read by pdfminer
        return pdfplumber_words(data, location)
    if not any(words for words, _ in pages):  # a scan, or text PDFium cannot map
        return pdfplumber_words(data, location)
    return pages, info


def pdfium_words(data: bytes, location: str) -> tuple[Pages, dict]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if "password" in str(err).lower():
            raise _encrypted(location) from err
        raise
    try:
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            height = float(page.get_height())
            pages.append((list(_words(_characters(page, height))), height))
        return pages, pdf.get_metadata_dict(skip_empty=True)
    finally:
        pdf.close()


def _characters(page, height: float) -> Iterator[tuple[str, float, float, float, float, float] | None]:
    """(character, x0, x1, top, bottom, size) for each character of a page in the
    order it is drawn, None for a space or a break PDFium inferred.  The box runs from
    the font's descent below the baseline to one font size above that, as pdfminer's
    does (PDFium's own loose box takes a symbol font's bullet for a line above its text)."""
    import ctypes

    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        box = raw.FS_RECTF()
        x, y = ctypes.c_double(), ctypes.c_double()
        descent = ctypes.c_float()
        descents: dict[tuple[int | None, float], float] = {}
        for i in range(raw.FPDFText_CountChars(handle)):
            code = raw.FPDFText_GetUnicode(handle, i)
            char = _HYPHEN if code == _PDFIUM_HYPHEN else chr(code) if 0 < code < 0x110000 else ""
            if not char or char.isspace() or raw.FPDFText_IsGenerated(handle, i) == 1:
                yield None
                continue
            size = float(raw.FPDFText_GetFontSize(handle, i))
            text_object = raw.FPDFText_GetTextObject(handle, i)
            key = (ctypes.cast(text_object, ctypes.c_void_p).value, size)
            if key not in descents:
                font = raw.FPDFTextObj_GetFont(text_object)
                found = font and raw.FPDFFont_GetDescent(font, ctypes.c_float(size), ctypes.byref(descent))
                descents[key] = descent.value if found else 0.0
            raw.FPDFText_GetLooseCharBox(handle, i, box)
            raw.FPDFText_GetCharOrigin(handle, i, x, y)
            bottom = height - (y.value + descents[key])
            yield char, box.left, box.right, bottom - size, bottom, size
    finally:
        textpage.close()


def _words(characters) -> Iterator[Word]:
    word: Word | None = None
    for char in characters:
        if char is not None and word is not None:
            text, x0, x1, top, _, size = char
            if (x0 - word["x1"] <= X_TOLERANCE and abs(top - word["top"]) <= Y_TOLERANCE
                    and size == word["size"] and x0 >= word["x0"] - 1):
                word["text"] += text
                word["x1"] = max(word["x1"], x1)
                continue
        if word is not None:
            yield word
            word = None
        if char is not None:
            text, x0, x1, top, bottom, size = char
            word = {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "size": size}
    if word is not None:
        yield word


def pdfplumber_words(data: bytes, location: str) -> tuple[Pages, dict]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = [(page.extract_words(extra_attrs=["size"], keep_blank_chars=False),
                  float(page.height)) for page in pdf.pages]
        info = pdf.metadata or {}
        pdf.close()
    except (PDFPasswordIncorrect, PDFEncryptionError) as err:
        raise _encrypted(location) from err
    except Exception as err:  # pdfminer raises many types for a damaged file
        if "password" in str(err).lower() or "encrypt" in str(err).lower():
            raise _encrypted(location) from err
        raise InputError(f"{location}: not a readable PDF ({type(err).__name__})") from err
    return pages, info
