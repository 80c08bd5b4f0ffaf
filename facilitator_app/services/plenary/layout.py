"""Layout: a fitted slide as positioned text runs and boxes that renderers draw as they are.

Computed without Qt on the 1920 × 1080 canvas of slide units: the PDF
(:mod:`facilitator_app.services.plenary.slides_pdf`, 960 × 540 pt, one unit = 0.5 pt) and
the Qt windows draw the same :class:`SlideLayout`, so the screen and the PDF match.
:meth:`SlideLayout.problems` checks the readability rules on what is drawn: size, safe
area and contrast.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from facilitator_app.services.common.pdf_style import (
    FONT,
    FONT_BOLD,
    font_runs,
    register_fonts,
    text_width,
)
from facilitator_app.services.plenary.charts import CHART_GAP, chart_geometry, value_text
from facilitator_app.services.plenary.colours import (
    ACCENT,
    BAR,
    INK,
    MIN_CONTRAST,
    NAVY,
    PALE,
    SOFT_INK,
    WHITE,
    contrast_ratio,
)
from facilitator_app.services.plenary.fitting import fit_slide
from facilitator_app.services.plenary.measure import (
    flow_height,
    footer_top,
    header_bottom,
    text_block,
    title_lines,
)
from facilitator_app.services.plenary.slides import (
    CONTENT_WIDTH,
    COVER_KINDS,
    FOOTER_BASELINE,
    HEIGHT,
    LEADING,
    MARGIN_TOP,
    MARGIN_X,
    MIN_FONT,
    ROLE_STYLES,
    SAFETY,
    WIDTH,
    Chart,
    Item,
    Slide,
)


@dataclass(frozen=True)
class TextRun:
    """One line of text: its left end on the baseline, in slide units."""

    x: float
    y: float
    text: str
    font: str
    size: float
    color: str
    width: float
    background: str


@dataclass(frozen=True)
class Box:
    """A filled rectangle (bars, rules), in slide units."""

    x: float
    y: float
    width: float
    height: float
    color: str


@dataclass(frozen=True)
class SlideLayout:
    """Everything a renderer needs to draw one slide on a 1920 × 1080 canvas."""

    background: str
    boxes: tuple[Box, ...]
    runs: tuple[TextRun, ...]

    def problems(self) -> list[str]:
        """Texts outside the slide's safe area, below the minimum size or with low contrast."""
        found: list[str] = []
        for run in self.runs:
            if run.size < MIN_FONT:
                found.append(f"troppo piccolo ({run.size}): {run.text!r}")
            if run.x < MARGIN_X - 0.5 or run.x + run.width > WIDTH - MARGIN_X + 0.5:
                found.append(f"esce di lato ({run.x:.0f}+{run.width:.0f}): {run.text!r}")
            if run.y - run.size < 0 or run.y + run.size * 0.25 > HEIGHT:
                found.append(f"esce in alto o in basso ({run.y:.0f}): {run.text!r}")
            if contrast_ratio(run.color, run.background) < MIN_CONTRAST:
                found.append(f"contrasto basso: {run.text!r}")
        return found


class _Painter:
    """Collects the runs and boxes of one slide, measuring each run as it is placed."""

    def __init__(self, background: str) -> None:
        self.background = background
        self.boxes: list[Box] = []
        self.runs: list[TextRun] = []

    def text(
        self, x: float, y: float, text: str, font: str, size: float, color: str, align: str = "l"
    ) -> None:
        width = text_width(text, font, size)
        if align == "r":
            x -= width
        elif align == "c":
            x -= width / 2
        # Emoji and symbols the font lacks are runs of their own in the fallback font.
        for part, face in font_runs(text, font):
            part_width = text_width(part, face, size)
            self.runs.append(TextRun(x, y, part, face, size, color, part_width, self.background))
            x += part_width

    def box(self, x: float, y: float, width: float, height: float, color: str) -> None:
        self.boxes.append(Box(x, y, width, height, color))

    def result(self) -> SlideLayout:
        return SlideLayout(self.background, tuple(self.boxes), tuple(self.runs))


def _baseline(bottom: float, size: float) -> float:
    """The baseline of a line whose box ends at ``bottom`` (descenders stay inside)."""
    return bottom - size * (0.26 + (LEADING - 1) / 2)


def _draw_flow(
    paint: _Painter, items: Sequence[Item], body: int, top: float, dark: bool, center: bool
) -> float:
    """Draw the body's items from ``top`` down; return where the last one ends."""
    y = top
    for index, item in enumerate(items):
        block = text_block(item, body)
        style = ROLE_STYLES[item.role]
        colour = style.on_navy if dark else style.on_white
        y += block.gap if index else 0.0
        x = MARGIN_X + block.indent
        for number, line in enumerate(block.lines):
            y += block.size * LEADING
            baseline = _baseline(y, block.size)
            if number == 0 and item.glyph and not item.continued:
                paint.text(MARGIN_X, baseline, item.glyph, FONT_BOLD, block.size, colour)
            if center:
                paint.text(WIDTH / 2, baseline, line, style.font, block.size, colour, "c")
            else:
                paint.text(x, baseline, line, style.font, block.size, colour)
        detail_style = ROLE_STYLES["detail"]
        detail_colour = detail_style.on_navy if dark else detail_style.on_white
        for line in block.detail:
            y += block.detail_size * LEADING
            baseline = _baseline(y, block.detail_size)
            if center:
                paint.text(WIDTH / 2, baseline, line, FONT, block.detail_size, detail_colour, "c")
            else:
                paint.text(x, baseline, line, FONT, block.detail_size, detail_colour)
    return y


def _draw_chart(paint: _Painter, chart: Chart, top: float) -> None:
    """Draw the bars from ``top`` down: label, bar scaled to the largest value, value."""
    geometry = chart_geometry(chart)
    size = MIN_FONT
    bar_left = MARGIN_X + geometry.label_width + 24
    bar_room = WIDTH - MARGIN_X - bar_left - geometry.value_width - 20
    largest = max((b.value for b in chart.bars), default=0) or 1
    y = top
    for bar, lines, pitch in zip(chart.bars, geometry.labels, geometry.pitch, strict=True):
        height = pitch - CHART_GAP
        for number, line in enumerate(lines):
            baseline = _baseline(y + (number + 1) * size * LEADING, size)
            paint.text(MARGIN_X, baseline, line, FONT, size, INK)
        length = max(4.0, bar_room * bar.value / largest)
        bar_height = min(height, size * 1.1)
        bar_top = y + (height - bar_height) / 2
        paint.box(bar_left, bar_top, length, bar_height, BAR)
        baseline = bar_top + bar_height / 2 + size * 0.36
        paint.text(
            bar_left + length + 16,
            baseline,
            value_text(bar.value, chart.unit, chart.thousands),
            FONT_BOLD,
            size,
            INK,
        )
        y += pitch


def layout_slide(
    slide: Slide, number: int = 0, total: int = 0, footer: str | None = None
) -> SlideLayout:
    """Place a fitted slide's texts and boxes on the 1920 × 1080 canvas.

    Args:
        slide: a slide from
            :func:`~facilitator_app.services.plenary.build.build_deck` (already fitted).
        number: its position among the visible slides (0: no page number).
        total: how many slides are visible.
        footer: short text at the bottom left; the slide's own (its table) when None.
    """
    register_fonts()
    footer = slide.footer if footer is None else footer
    dark = slide.kind in COVER_KINDS
    paint = _Painter(NAVY if dark else WHITE)
    body = slide.body_size or fit_slide(slide)[0].body_size
    if dark:
        height = flow_height(slide.items, body)
        top = max(MARGIN_TOP, (footer_top() - height) / 2)
        paint.box(MARGIN_X, top - 48, 160, 10, PALE)
        _draw_flow(paint, slide.items, body, top, dark=True, center=False)
    else:
        size, lines = title_lines(slide.title)
        y = float(MARGIN_TOP)
        for line in lines:
            y += size * LEADING
            paint.text(MARGIN_X, _baseline(y, size), line, FONT_BOLD, size, NAVY)
        paint.box(MARGIN_X, y + 12, CONTENT_WIDTH, 6, ACCENT)
        top = header_bottom(slide.title)
        bottom = _draw_flow(paint, slide.items, body, top, dark=False, center=False)
        if slide.chart is not None:
            _draw_chart(paint, slide.chart, bottom + (36 if slide.items else 0))
    colour = PALE if dark else SOFT_INK
    right = f"{number} / {total}" if number else ""
    if right:
        paint.text(WIDTH - MARGIN_X, FOOTER_BASELINE, right, FONT, MIN_FONT, colour, "r")
    if footer:
        room = CONTENT_WIDTH - text_width(right + "    ", FONT, MIN_FONT)
        if text_width(footer, FONT, MIN_FONT) <= room * (1 - SAFETY):
            paint.text(MARGIN_X, FOOTER_BASELINE, footer, FONT, MIN_FONT, colour)
    return paint.result()
