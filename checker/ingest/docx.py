"""Word drafts (.docx): the paragraphs and table rows a writer typed, one a line.

python-docx reads the body in document order; tables come out as tab-separated rows so
the source splitter reads them as table rows.  Core properties give title, author and
date.  A file that is a ZIP but not a Word document is refused, not guessed at.
"""

from __future__ import annotations

import io
import zipfile

from checker.errors import BinaryInput, EmptyInput


def _blocks(document):
    """Paragraph and table elements of the body in the order they appear."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document)
        elif tag == "tbl":
            yield Table(child, document)


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if not cells or cells[-1] != text:  # merged cells repeat their text
                cells.append(text)
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def read_docx(data: bytes, location: str) -> tuple[str, dict]:
    """(text, metadata) of a .docx: one paragraph (or table row) a line."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise BinaryInput(f"{location}: a ZIP archive but not a Word .docx document") from err
    except Exception as err:  # python-docx raises its own PackageNotFoundError and others
        raise BinaryInput(f"{location}: cannot be read as a Word document ({err})") from err
    lines: list[str] = []
    for block in _blocks(document):
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
        else:
            text = block.text.replace("\u000b", " ").strip()  # soft line breaks
            if text:
                lines.append(text)
    if not lines:
        raise EmptyInput(f"{location}: the Word document has no text")
    props = document.core_properties
    # python-docx's own template stamps its name and a 2013 date: not the writer's
    template = props.author == "python-docx"
    meta = {"format": "docx", "title": props.title or None,
            "byline": None if template else props.author or None,
            "date": props.created.date().isoformat() if props.created and not template else None}
    return "\n".join(lines) + "\n", {k: v for k, v in meta.items() if v}
