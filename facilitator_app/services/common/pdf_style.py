"""Shared pieces of the PDF documents: embedded fonts, styles, page furniture.

The fonts, with the emoji fallback and the text measuring, are in
:mod:`facilitator_app.services.common.pdf_fonts` (their names are re-exported here). Long
lists of post-its use :class:`Entry`, a light flowable that wraps text itself: building
20,000 reportlab Paragraphs would take several times longer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from facilitator_app.domain.clock import Clock
from facilitator_app.services.common.files import atomic_path
from facilitator_app.services.common.pdf_fonts import EMOJI_FONT as EMOJI_FONT
from facilitator_app.services.common.pdf_fonts import EMOJI_FONT_FILE as EMOJI_FONT_FILE
from facilitator_app.services.common.pdf_fonts import FONT as FONT
from facilitator_app.services.common.pdf_fonts import FONT_BOLD as FONT_BOLD
from facilitator_app.services.common.pdf_fonts import FONT_FILES as FONT_FILES
from facilitator_app.services.common.pdf_fonts import FONT_ITALIC as FONT_ITALIC
from facilitator_app.services.common.pdf_fonts import draw_string as draw_string
from facilitator_app.services.common.pdf_fonts import drawable as drawable
from facilitator_app.services.common.pdf_fonts import font_runs as font_runs
from facilitator_app.services.common.pdf_fonts import markup as markup
from facilitator_app.services.common.pdf_fonts import register_fonts as register_fonts
from facilitator_app.services.common.pdf_fonts import text_width as text_width
from facilitator_app.services.common.pdf_fonts import wrap_text as wrap_text

ACCENT = colors.HexColor("#1F4E79")
MUTED = colors.HexColor("#595959")
RULE = colors.HexColor("#BFBFBF")
SHADE = colors.HexColor("#DCE6F1")


def format_int(value: int) -> str:
    """An integer with the Italian thousands separator ("10.000")."""
    return f"{value:,}".replace(",", ".")


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a multi-line text (one per non-empty line)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of the documents."""

    cover_kicker: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_line: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    h4: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle


def make_styles() -> Styles:
    """Build the styles (fonts must be registered)."""
    body = ParagraphStyle(
        "body", fontName=FONT, bulletFontName=FONT, fontSize=9.5, leading=13.5, spaceAfter=5
    )
    return Styles(
        cover_kicker=ParagraphStyle(
            "cover_kicker", parent=body, fontName=FONT_BOLD, fontSize=11, textColor=ACCENT
        ),
        cover_title=ParagraphStyle(
            "cover_title", parent=body, fontName=FONT_BOLD, fontSize=24, leading=30, spaceAfter=14
        ),
        cover_subtitle=ParagraphStyle(
            "cover_subtitle", parent=body, fontSize=15, leading=20, textColor=ACCENT, spaceAfter=10
        ),
        cover_line=ParagraphStyle("cover_line", parent=body, fontSize=11, leading=15),
        h1=ParagraphStyle(
            "h1",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=14,
            leading=18,
            spaceBefore=6,
            spaceAfter=10,
            textColor=ACCENT,
            keepWithNext=1,
        ),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=10,
            spaceAfter=6,
            keepWithNext=1,
        ),
        h3=ParagraphStyle(
            "h3",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=8,
            spaceAfter=4,
            textColor=ACCENT,
            keepWithNext=1,
        ),
        h4=ParagraphStyle(
            "h4",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=9.5,
            leading=13,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=1,
        ),
        body=body,
        note=ParagraphStyle(
            "note", parent=body, fontName=FONT_ITALIC, fontSize=8.5, leading=11.5, textColor=MUTED
        ),
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=4, spaceAfter=2),
        cell=ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11, spaceAfter=0),
        cell_bold=ParagraphStyle(
            "cell_bold", parent=body, fontName=FONT_BOLD, fontSize=8.5, leading=11, spaceAfter=0
        ),
    )


class Heading(Paragraph):  # type: ignore[misc]
    """A heading that also becomes an entry of the PDF outline (bookmarks)."""

    def __init__(self, text: str, style: ParagraphStyle, level: int, outline: str = "") -> None:
        super().__init__(markup(text), style)
        self.outline_level = level
        self.outline_title = outline or text


@dataclass(frozen=True)
class _Line:
    text: str
    font: str
    size: float
    leading: float
    color: Any
    x: float


class _Lines(Flowable):  # type: ignore[misc]
    """Pre-wrapped lines (with an optional label on the first one), splittable by line."""

    def __init__(self, lines: list[_Line], label: str = "", label_font: str = FONT_BOLD) -> None:
        super().__init__()
        self.lines = lines
        self.label = label
        self.label_font = label_font
        self.space_after = 2.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = sum(line.leading for line in self.lines) + self.space_after
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        # Short entries move whole to the next page; long ones keep at least two lines on
        # each side of the break (no widows, no orphans).
        if len(self.lines) <= 4:
            return []
        used = 0.0
        count = 0
        for line in self.lines:
            if used + line.leading + self.space_after > available_height:
                break
            used += line.leading
            count += 1
        count = min(count, len(self.lines) - 2)
        if count < 2:
            return []
        return [
            _Lines(self.lines[:count], self.label, self.label_font),
            _Lines(self.lines[count:]),
        ]

    def draw(self) -> None:
        canvas = self.canv
        y = self.height - self.space_after
        text = canvas.beginText()
        style: tuple[str, float, float, float] | None = None
        color: Any = None
        for index, line in enumerate(self.lines):
            y -= line.leading
            baseline = y + (line.leading - line.size) * 0.5 + line.size * 0.22
            if index == 0 and self.label:
                text.setTextOrigin(0, baseline)
                text.setFont(self.label_font, line.size, line.leading)
                text.setFillColor(line.color)
                color = line.color
                text.textLine(self.label)
                style = None
            # Consecutive lines of one style follow each other by their leading (T*), so
            # the origin and font are only set when the style changes: much less to write.
            current = (line.font, line.size, line.leading, line.x)
            runs = font_runs(line.text, line.font)
            if color is not line.color:
                text.setFillColor(line.color)
                color = line.color
            if len(runs) > 1 or (runs and runs[0][1] != line.font):
                # A line with emoji: each run in its own font, then the next line afresh.
                text.setTextOrigin(line.x, baseline)
                for part, face in runs:
                    text.setFont(face, line.size, line.leading)
                    text.textOut(part)
                style = None
                continue
            if current != style:
                text.setTextOrigin(line.x, baseline)
                text.setFont(line.font, line.size, line.leading)
                style = current
            text.textLine(runs[0][0] if runs else "")
        canvas.drawText(text)


class Entry(_Lines):
    """One post-it in a list: a label (bullet or number), its text, a grey line of tags.

    Args:
        label: drawn in bold before the first line ("•", "12.").
        text: the post-it's text (wrapped with a hanging indent).
        meta: kind, cards, zones... on a smaller grey line ("" for none).
        indent: where the text starts, in points from the left of the frame.
    """

    def __init__(
        self,
        label: str,
        text: str,
        meta: str = "",
        *,
        indent: float = 16,
        size: float = 9,
        leading: float = 11.5,
    ) -> None:
        super().__init__([], label)
        self.source = (text, meta, indent, size, leading)
        self._wrapped_for = -1.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Break the text into lines for this width (once per width)."""
        if available_width != self._wrapped_for:
            text, meta, indent, size, leading = self.source
            room = max(20.0, available_width - indent)
            lines = [
                _Line(part, FONT, size, leading, colors.black, indent)
                for part in wrap_text(text, FONT, size, room)
            ]
            if meta:
                small = size - 1.5
                lines += [
                    _Line(part, FONT_ITALIC, small, small + 2.5, MUTED, indent)
                    for part in wrap_text(meta, FONT_ITALIC, small, room)
                ]
            self.lines = lines
            self._wrapped_for = available_width
        return super().wrap(available_width, available_height)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """Split between lines when the entry does not fit in what is left of a page."""
        self.wrap(available_width, available_height)
        return super().split(available_width, available_height)


# -- charts ------------------------------------------------------------------------------------


def bar_chart(
    labels: Sequence[str],
    values: Sequence[int],
    title: str,
    *,
    width: float = 160 * mm,
    bar: float = 14,
) -> Drawing:
    """A horizontal bar chart with the value at the end of each bar."""
    label_room = min(70 * mm, max(text_width(label, FONT, 8) for label in labels) + 8)
    height = bar * len(labels) + 40
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT  # otherwise reportlab's graphics start in Helvetica
    chart = HorizontalBarChart()
    chart.x = label_room
    chart.y = 10
    chart.width = width - label_room - 30
    chart.height = bar * len(labels)
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    drawing.add(String(0, height - 14, title, fontName=FONT_BOLD, fontSize=9))
    return drawing


# -- document ----------------------------------------------------------------------------------


def _pdf_date(clock: Clock) -> Callable[..., str]:
    when = clock.now()

    def formatter(*_: object) -> str:
        return when.strftime("D:%Y%m%d%H%M%S+00'00'")

    return formatter


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that writes "Pagina N di M" and a running footer once the total is known.

    Subclasses set ``footer`` (left text), ``skip_first`` (no footer on a cover) and
    ``page_label`` (the page number's words, with ``{number}`` and ``{total}``).
    """

    footer = ""
    skip_first = True
    page_label = "Pagina {number} di {total}"
    pages_seen = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        """Keep the page until the total is known."""
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Draw every footer, then write the file."""
        total = len(self._pages)
        type(self).pages_seen = total
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            if number > 1 or not self.skip_first:
                self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        width, _ = self._pagesize
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(18 * mm, 14 * mm, width - 18 * mm, 14 * mm)
        self.setFont(FONT, 7.5)
        self.setFillColor(MUTED)
        draw_string(self, 18 * mm, 9.5 * mm, self.footer[:140], FONT, 7.5)
        self.drawRightString(
            width - 18 * mm, 9.5 * mm, self.page_label.format(number=number, total=total)
        )
        self.restoreState()


def numbered_canvas(
    footer: str, *, skip_first: bool = True, page_label: str = NumberedCanvas.page_label
) -> type[NumberedCanvas]:
    """A canvas class with this footer text (and these words for "Pagina N di M")."""
    attributes = {"footer": footer, "skip_first": skip_first, "page_label": page_label}
    return type("FooterCanvas", (NumberedCanvas,), attributes)


class ReportDoc(BaseDocTemplate):  # type: ignore[misc]
    """A document that turns :class:`Heading` flowables into PDF outline entries.

    Args:
        path: where the PDF goes.
        clock: gives the creation date written in the PDF.
        on_flowable: called after each top-level flowable is laid out (for progress).
        language: the document's language, written in the PDF ("it" or "en").
    """

    def __init__(
        self,
        path: Path,
        clock: Clock,
        *,
        pagesize: tuple[float, float] = A4,
        title: str = "",
        subject: str = "",
        author: str = "Città metropolitana di Torino",
        creator: str = "facilitator_app",
        on_flowable: Callable[[], None] | None = None,
        margins: tuple[float, float, float, float] = (18 * mm, 18 * mm, 18 * mm, 20 * mm),
        language: str = "it",
    ) -> None:
        left, right, top, bottom = margins
        super().__init__(
            str(path),
            pagesize=pagesize,
            leftMargin=left,
            rightMargin=right,
            topMargin=top,
            bottomMargin=bottom,
            title=title,
            subject=subject,
            author=author,
            creator=creator,
            lang="en-GB" if language == "en" else "it-IT",
            initialFontName=FONT,
            initialFontSize=10,
            initialLeading=12,
        )
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._clock = clock
        self._outline_count = 0
        self._outline_level = -1
        self._on_flowable = on_flowable

    def beforeDocument(self) -> None:
        """Take the creation date from the injected clock."""
        self.canv.setDateFormatter(_pdf_date(self._clock))

    def afterFlowable(self, flowable: Flowable) -> None:
        """Add outline entries for headings and report progress."""
        if isinstance(flowable, Heading):
            level = min(flowable.outline_level, self._outline_level + 1)
            self._outline_count += 1
            key = f"h{self._outline_count}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.outline_title, key, level=level, closed=level > 0)
            self._outline_level = level
        if self._on_flowable is not None:
            self._on_flowable()


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    # ASCII85 only makes page streams 25% larger and slower to write; binary is fine.
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


def build(doc: ReportDoc, story: list[Flowable], canvas: type[NumberedCanvas]) -> int:
    """Lay out and write a document atomically; return its page count.

    Raises:
        StorageError: the file cannot be written (nothing is left behind).
    """
    final = Path(doc.filename)
    try:
        with atomic_path(final) as temporary, _binary_streams():
            doc.filename = str(temporary)
            doc.build(story, canvasmaker=canvas)
    finally:
        doc.filename = str(final)
    return canvas.pages_seen


def centered(style: ParagraphStyle) -> ParagraphStyle:
    """A centred copy of a style."""
    return ParagraphStyle(f"{style.name}_c", parent=style, alignment=TA_CENTER)
