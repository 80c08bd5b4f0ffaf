"""The restituzione as reportlab flowables: the PDF side of :class:`ReportWriter`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from facilitator_app.services.common.pdf_style import (
    FONT,
    RULE,
    SHADE,
    Entry,
    Heading,
    Styles,
    bar_chart,
    make_styles,
    markup,
)
from facilitator_app.services.reports.writer import CoverRole


class PdfWriter:
    """Collects the flowables (:attr:`story`) of the restituzione PDF.

    Fonts must be registered (:func:`~facilitator_app.services.common.pdf_style.register_fonts`).
    """

    def __init__(self) -> None:
        self.st: Styles = make_styles()
        self.story: list[Flowable] = []

    def _para(self, text: str, style: Any) -> None:
        self.story.append(Paragraph(markup(text), style))

    def cover(self, text: str, role: CoverRole) -> None:
        """A line of the cover page."""
        styles = {
            "kicker": self.st.cover_kicker,
            "title": self.st.cover_title,
            "subtitle": self.st.cover_subtitle,
            "line": self.st.cover_line,
        }
        self._para(text, styles[role])

    def heading(self, text: str, level: int, outline: str = "") -> None:
        """A heading and its entry in the PDF's outline (bookmarks)."""
        style = (self.st.h1, self.st.h2, self.st.h3, self.st.h4)[min(level, 3)]
        self.story.append(Heading(text, style, level, outline))

    def paragraph(self, text: str) -> None:
        """A paragraph of body text."""
        self._para(text, self.st.body)

    def note(self, text: str) -> None:
        """A note in the smaller, grey style."""
        self._para(text, self.st.note)

    def bullet(self, text: str, lead: str = "") -> None:
        """An item of a bulleted list, its lead in bold."""
        shown = f"<b>{markup(lead)}</b> {markup(text)}" if lead else markup(text)
        self.story.append(Paragraph(shown, self.st.bullet, bulletText="•"))

    def entry(self, label: str, text: str, meta: str = "", *, indent: float = 12) -> None:
        """A post-it with its label and its grey line of tags."""
        self.story.append(Entry(label, text, meta, indent=indent))

    def table(self, rows: Sequence[Sequence[str]], widths_mm: Sequence[float]) -> None:
        """A table with a shaded header row repeated on every page."""
        cells = [
            [
                Paragraph(markup(str(value)), self.st.cell_bold if index == 0 else self.st.cell)
                for value in row
            ]
            for index, row in enumerate(rows)
        ]
        table = Table(cells, colWidths=[width * mm for width in widths_mm], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ]
            )
        )
        self.story.append(table)

    def chart(self, labels: Sequence[str], values: Sequence[int], title: str) -> None:
        """A horizontal bar chart, a little below the table it draws."""
        self.story.extend([Spacer(1, 3 * mm), bar_chart(list(labels), list(values), title)])

    def space(self, height_mm: float) -> None:
        """Vertical space."""
        self.story.append(Spacer(1, height_mm * mm))

    def keep_room(self, height_mm: float) -> None:
        """A new page unless this much room is left."""
        self.story.append(CondPageBreak(height_mm * mm))

    def page_break(self) -> None:
        """A new page."""
        self.story.append(PageBreak())
