"""The printable table card: the room's QR code, its URL and short code on paper (PDF).

The card stands on the table: participants scan the code (drawn as vector squares from
segno's own matrix, sharp at any printer's resolution) or type the short code at the
address printed under it. Italian or English, like the other documents (``Texts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import segno
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.services.common.files import atomic_write
from facilitator_app.services.common.pdf_style import FONT, FONT_BOLD, register_fonts
from facilitator_app.services.common.texts import Texts

CONTEXT = "TableCard"
TITLE = QT_TRANSLATE_NOOP("TableCard", "Scrivi i tuoi post-it dal telefono")
SCAN = QT_TRANSLATE_NOOP("TableCard", "Inquadra il codice QR con la fotocamera")
OR_TYPE = QT_TRANSLATE_NOOP("TableCard", "oppure apri {address} e scrivi il codice")
NETWORK = QT_TRANSLATE_NOOP(
    "TableCard", "Collegati alla rete della sala: non serve internet. Bastano anche carta e penna."
)
# Modules of white around the code: what scanners expect.
QUIET_ZONE = 4
PAGE_SIZES = {"A5": A5, "A4": A4}


@dataclass(frozen=True)
class TableCard:
    """What a table card says.

    Attributes:
        table: the table's name.
        question: the session's question.
        url: the participants' URL (the QR code's content).
        address: where to type the short code.
        code: the short code.
    """

    table: str
    question: str
    url: str
    address: str
    code: str


def qr_modules(url: str) -> list[list[bool]]:
    """The QR code's modules, dark True, without the quiet zone (what the card draws)."""
    qr = segno.make_qr(url, error="m", boost_error=False)
    return [[bool(cell) for cell in row] for row in qr.matrix]


def write_table_card(
    path: Path, card: TableCard, *, language: str = "it", page: str = "A5"
) -> None:
    """Write the card as a one-page PDF, atomically.

    Args:
        path: the PDF to write.
        card: what it says.
        language: "it" or "en".
        page: "A5" or "A4".

    Raises:
        StorageError: the file could not be written (the old one, if any, is unchanged).
    """
    register_fonts()
    texts = Texts(language)

    def tr(source: str) -> str:
        return texts.translate(CONTEXT, source)

    def draw(temporary: Path) -> None:
        width, height = PAGE_SIZES[page]
        canvas = Canvas(str(temporary), pagesize=(width, height), invariant=True)
        canvas.setTitle(f"{card.table} — {tr(TITLE)}")
        margin = 14 * mm
        y = height - margin
        y = _centred_lines(canvas, card.table, FONT_BOLD, 20, width, y, margin)
        y = _centred_lines(canvas, card.question, FONT, 12, width, y - 4, margin)
        y = _centred_lines(canvas, tr(TITLE), FONT_BOLD, 15, width, y - 8, margin)
        modules = qr_modules(card.url)
        side = min(width - 2 * margin, y - margin - 58 * mm)
        module = side / (len(modules) + 2 * QUIET_ZONE)
        left = (width - side) / 2 + QUIET_ZONE * module
        top = y - 4 * mm - QUIET_ZONE * module
        draw_modules(canvas, modules, left, top, module)
        y = top - len(modules) * module - QUIET_ZONE * module - 6 * mm
        y = _centred_lines(canvas, tr(SCAN), FONT, 11, width, y, margin)
        y = _centred_lines(canvas, card.url, FONT, 8, width, y - 2, margin)
        y = _centred_lines(
            canvas, tr(OR_TYPE).format(address=card.address), FONT, 11, width, y - 6, margin
        )
        y = _centred_lines(canvas, card.code, FONT_BOLD, 30, width, y - 4, margin)
        _centred_lines(canvas, tr(NETWORK), FONT, 9, width, y - 6, margin)
        canvas.showPage()
        canvas.save()

    atomic_write(path, draw)


def draw_modules(
    canvas: Canvas, modules: list[list[bool]], left: float, top: float, module: float
) -> None:
    """Draw the dark modules as filled squares, one run of a row as one rectangle."""
    canvas.setFillColor(colors.black)
    for row_number, row in enumerate(modules):
        y = top - (row_number + 1) * module
        column = 0
        while column < len(row):
            if not row[column]:
                column += 1
                continue
            start = column
            while column < len(row) and row[column]:
                column += 1
            canvas.rect(left + start * module, y, (column - start) * module, module, 0, 1)


def _centred_lines(
    canvas: Canvas, text: str, font: str, size: float, width: float, y: float, margin: float
) -> float:
    """Draw ``text`` centred, wrapped to the margins; the baseline under the last line."""
    canvas.setFont(font, size)
    canvas.setFillColor(colors.black)
    words = text.split()
    line = ""
    lines: list[str] = []
    for word in words:
        candidate = f"{line} {word}".strip()
        if line and canvas.stringWidth(candidate, font, size) > width - 2 * margin:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    for text_line in lines:
        y -= size * 1.25
        canvas.drawCentredString(width / 2, y, text_line)
    return y
