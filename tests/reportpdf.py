"""The seed Ofsted report typeset as a multi-page PDF, the way Ofsted publishes it:
numbered paragraphs with the number hanging in the margin, bullets, judgement tables,
footnotes, a running header on every page and a page number in the footer.

Built with reportlab in test set-up, so the PDF route is tested on the same content as
the plain-text route.  Nothing here is read by checker itself.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

SEEDS = Path(__file__).resolve().parent.parent / "corpora" / "seeds"
REPORT = SEEDS / "ofsted-2015-03-27-somerset-childrens-services-report.txt"
RUNNING_HEADER = "Inspection report: Somerset County Council, 27 March 2015"
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"


def _markup(text: str) -> str:
    """Seed text to reportlab paragraph markup: bold kept, footnote marks raised."""
    text = escape(text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    return re.sub(f"[{SUPERSCRIPTS}]+", lambda m: "<super>" + "".join(
        str((SUPERSCRIPTS.index(c) + 1) % 10) for c in m.group(0)) + "</super>", text)


def report_flowables(text: str):
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontName="Helvetica",
                          fontSize=10, leading=13, spaceAfter=7)
    numbered = ParagraphStyle("numbered", parent=body, leftIndent=26, bulletIndent=0)
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=16, bulletIndent=4)
    heading = ParagraphStyle("heading", parent=body, fontName="Helvetica-Bold", fontSize=13,
                             leading=16, spaceBefore=8, spaceAfter=8)
    footnote = ParagraphStyle("footnote", parent=body, fontSize=8, leading=10)
    box = ParagraphStyle("box", parent=body, backColor=colors.HexColor("#e8eef6"),
                         borderPadding=4)
    flow = []
    table_rows: list[list[str]] = []

    def flush_table() -> None:
        if table_rows:
            table = Table([[Paragraph(_markup(c), body) for c in row] for row in table_rows],
                          colWidths=[300, 150])
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            flow.append(table)
            flow.append(Spacer(1, 6))
            table_rows.clear()

    for line in text.split("\n"):
        stripped = line.strip()
        if "\t" in line and "<p>" not in line:
            table_rows.append([c for c in line.split("\t") if c.strip()] or [""])
            continue
        flush_table()
        if not stripped:
            continue
        if "<p>" in line:
            for fragment in re.findall(r"<p>(.*?)</p>", line, re.S):
                flow.append(Paragraph(_markup(fragment.strip()), box))
            continue
        number = re.match(r"^(\d{1,3})\.\s+(.*)$", stripped)
        bullet_item = re.match(r"^[-•]\s+(.*)$", stripped)
        if number and len(stripped) > 40:
            flow.append(Paragraph(_markup(number.group(2)), numbered,
                                  bulletText=f"{number.group(1)}."))
        elif bullet_item:
            flow.append(Paragraph(_markup(bullet_item.group(1)), bullet, bulletText="•"))
        elif stripped[0] in SUPERSCRIPTS:
            flow.append(Paragraph(_markup(stripped), footnote))
        elif len(stripped) < 90 and stripped[-1] not in ".,;":
            flow.append(Paragraph(_markup(stripped), heading))
        else:
            flow.append(Paragraph(_markup(stripped), body))
    flush_table()
    return flow


def build_report_pdf(path: Path, text: str | None = None, encrypt=None) -> Path:
    """Typeset ``text`` (the seed report by default) to ``path``; returns ``path``.
    ``encrypt``: a user password, or a reportlab ``StandardEncryption``."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    text = text if text is not None else REPORT.read_text("utf-8")

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, A4[1] - 40, RUNNING_HEADER)
        canvas.drawRightString(A4[0] - 72, 30, str(doc.page))
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=72, rightMargin=72,
                            topMargin=60, bottomMargin=50, title="Somerset inspection report",
                            author="Ofsted", encrypt=encrypt)
    doc.build(report_flowables(text), onFirstPage=furniture, onLaterPages=furniture)
    return path
