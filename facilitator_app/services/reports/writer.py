"""What a chapter of the restituzione can write, whatever the document.

The chapters (:mod:`~facilitator_app.services.reports.chapters`) say *what* the report holds
through a :class:`ReportWriter`; :class:`~facilitator_app.services.reports.pdf_writer.PdfWriter`
turns it into reportlab flowables and
:class:`~facilitator_app.services.reports.docx_writer.DocxWriter` into a Word document, so the
PDF and the Word report cannot drift apart: same sections, same order, same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

#: The lines of the cover page, from the top: the institution, the document's title, what
#: it is (the subtitle) and plain lines (plan, date, venues).
CoverRole = Literal["kicker", "title", "subtitle", "line"]


class ReportWriter(Protocol):
    """A document being written, block after block, top to bottom.

    Texts are plain (no markup): each writer escapes what its format needs.
    """

    def cover(self, text: str, role: CoverRole) -> None:
        """A line of the cover page."""

    def heading(self, text: str, level: int, outline: str = "") -> None:
        """A heading; level 0 is a chapter. ``outline`` is a shorter name for bookmarks."""

    def paragraph(self, text: str) -> None:
        """A paragraph of body text."""

    def note(self, text: str) -> None:
        """A note in the smaller, quieter style (rules, missing data)."""

    def bullet(self, text: str, lead: str = "") -> None:
        """An item of a bulleted list; ``lead`` is written in bold before the text."""

    def entry(self, label: str, text: str, meta: str = "", *, indent: float = 12) -> None:
        """A post-it: its label ("•" or "12."), its text, and a quieter line of tags.

        Args:
            label: "•" for an item of a bulleted list, else its number ("12.").
            text: the post-it's text.
            meta: its kind, cards, zones, votes ("" for none).
            indent: where the text starts, in points (the PDF's layout).
        """

    def table(self, rows: Sequence[Sequence[str]], widths_mm: Sequence[float]) -> None:
        """A table whose first row is the header; column widths in millimetres."""

    def chart(self, labels: Sequence[str], values: Sequence[int], title: str) -> None:
        """A bar chart of figures already given in a table just above it."""

    def space(self, height_mm: float) -> None:
        """Vertical space."""

    def keep_room(self, height_mm: float) -> None:
        """Start a new page unless this much room is left (before a table's chapter)."""

    def page_break(self) -> None:
        """Start a new page."""
