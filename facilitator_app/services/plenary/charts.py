"""How a horizontal bar chart is measured: its label column, its value column, its rows.

Labels are wrapped in a column of at most 42 % of the content width; each row is as tall
as its label's lines. The fitting spreads rows over slides with these heights and the
layout draws them with the same geometry.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator_app.services.common.pdf_style import FONT, FONT_BOLD, register_fonts, text_width
from facilitator_app.services.plenary.measure import wrap
from facilitator_app.services.plenary.slides import CONTENT_WIDTH, LEADING, MIN_FONT, SAFETY, Chart

CHART_GAP = 18
"""Space between two bars, in slide units."""


@dataclass(frozen=True)
class ChartGeometry:
    """The measures of a chart's labels and values, at :data:`MIN_FONT`.

    Attributes:
        label_width: width of the label column.
        value_width: width of the widest value text.
        labels: each bar's label, line by line.
        pitch: each bar's row height, gap included.
    """

    label_width: float
    value_width: float
    labels: tuple[tuple[str, ...], ...]
    pitch: tuple[float, ...]


def chart_geometry(chart: Chart) -> ChartGeometry:
    """Measure a chart's label column, value column and row heights."""
    register_fonts()
    size = MIN_FONT
    widest = max((text_width(b.label, FONT, size) for b in chart.bars), default=0.0)
    label_width = min(widest / (1 - SAFETY) + 4, CONTENT_WIDTH * 0.42)
    labels = tuple(tuple(wrap(b.label, FONT, size, label_width)) for b in chart.bars)
    value_width = max(
        (
            text_width(value_text(b.value, chart.unit, chart.thousands), FONT_BOLD, size)
            for b in chart.bars
        ),
        default=0.0,
    )
    pitch = tuple(max(1, len(lines)) * size * LEADING + CHART_GAP for lines in labels)
    return ChartGeometry(label_width, value_width, labels, pitch)


def value_text(value: int, unit: str, thousands: str = ".") -> str:
    """A bar's value as shown at its end: thousands separated ("1.250"), then the unit."""
    text = f"{value:,}".replace(",", thousands)
    return f"{text} {unit}" if unit else text
