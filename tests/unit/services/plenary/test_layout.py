"""Layout: sizes never below the minimum; small or low-contrast runs are reported."""

from __future__ import annotations

from facilitator_app.services.common.pdf_style import FONT
from facilitator_app.services.plenary.colours import WHITE
from facilitator_app.services.plenary.layout import SlideLayout, TextRun
from facilitator_app.services.plenary.slides import BODY_SIZES, COVER_SIZES, MIN_FONT, TITLE_SIZES


def test_sizes_and_problems_of_a_layout() -> None:
    assert min(BODY_SIZES + COVER_SIZES + TITLE_SIZES) >= MIN_FONT
    small = SlideLayout(WHITE, (), (TextRun(100, 200, "x", FONT, 20, "#AAAAAA", 10, WHITE),))
    assert len(small.problems()) == 2
