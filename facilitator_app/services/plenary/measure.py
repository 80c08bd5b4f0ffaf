"""How much room text takes on a slide: lines broken with the embedded fonts' metrics.

Lines are broken with the metrics of the embedded DejaVu fonts (reportlab's
``stringWidth``), :data:`~facilitator_app.services.plenary.slides.SAFETY` narrower than
their box. The fitting (:mod:`~facilitator_app.services.plenary.fitting`) and the layout
(:mod:`~facilitator_app.services.plenary.layout`) measure with the same functions, so what
was fitted is what is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from facilitator_app.services.common.pdf_style import FONT_BOLD, register_fonts, wrap_text
from facilitator_app.services.plenary.slides import (
    CONTENT_WIDTH,
    FOOTER_BASELINE,
    LEADING,
    MARGIN_TOP,
    MIN_FONT,
    ROLE_STYLES,
    SAFETY,
    TITLE_MAX_LINES,
    TITLE_SIZES,
    Item,
)


@dataclass(frozen=True)
class TextBlock:
    """An item wrapped at one size: its lines and their style.

    Attributes:
        item: the item wrapped.
        size: the size of its text.
        lines: its text, line by line.
        detail: its detail line(s), smaller, under the text.
        detail_size: the size of the detail.
        indent: room left of the text for the glyph (or the quote's hanging indent).
    """

    item: Item
    size: int
    lines: tuple[str, ...]
    detail: tuple[str, ...]
    detail_size: int
    indent: float

    @property
    def gap(self) -> float:
        """Space before the block (none on the continued part of a split item)."""
        return 0.0 if self.item.continued else ROLE_STYLES[self.item.role].gap * self.size

    @property
    def height(self) -> float:
        """The gap, the lines and the detail lines, in slide units."""
        return (
            self.gap
            + len(self.lines) * self.size * LEADING
            + len(self.detail) * self.detail_size * LEADING
        )


def role_size(role: str, body: int) -> int:
    """The text size of a role for a body size; never below :data:`MIN_FONT`."""
    return max(MIN_FONT, round(body * ROLE_STYLES[role].scale))


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Break text into lines that fit ``width`` (less the safety margin) at ``size``."""
    register_fonts()
    return wrap_text(text, font, size, width * (1 - SAFETY))


def text_block(item: Item, body: int, width: float = CONTENT_WIDTH) -> TextBlock:
    """Wrap an item at the size its role takes for a body size."""
    size = role_size(item.role, body)
    indent = size * 1.25 if item.glyph or item.role == "quote" else 0.0
    lines = wrap(item.text, ROLE_STYLES[item.role].font, size, width - indent) if item.text else []
    detail_size = role_size("detail", body)
    detail = (
        wrap(item.detail, ROLE_STYLES["detail"].font, detail_size, width - indent)
        if item.detail
        else []
    )
    return TextBlock(item, size, tuple(lines), tuple(detail), detail_size, indent)


def flow_height(items: Sequence[Item], body: int) -> float:
    """Height of a body at a size, in slide units."""
    blocks = [text_block(item, body) for item in items]
    if not blocks:
        return 0.0
    return sum(b.height for b in blocks) - blocks[0].gap


def title_lines(title: str) -> tuple[int, list[str]]:
    """The title's size and lines: the largest size at which it takes at most two lines."""
    if not title:
        return TITLE_SIZES[-1], []
    for size in TITLE_SIZES:
        lines = wrap(title, FONT_BOLD, size, CONTENT_WIDTH)
        if len(lines) <= TITLE_MAX_LINES:
            return size, lines
    return TITLE_SIZES[-1], lines


def header_bottom(title: str) -> float:
    """Where the body starts under a title (its lines, the rule and a gap)."""
    size, lines = title_lines(title)
    if not lines:
        return MARGIN_TOP
    return MARGIN_TOP + len(lines) * size * LEADING + 18 + 36  # rule, then a gap


def footer_top() -> float:
    """Where the footer's band starts: the body must end above it."""
    return FOOTER_BASELINE - MIN_FONT * 1.05 - 24


def body_room(title: str) -> float:
    """Height available to the body of a slide with this title."""
    return footer_top() - header_bottom(title)
