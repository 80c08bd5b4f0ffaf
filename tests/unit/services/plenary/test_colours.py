"""The deck's colours: every pair used passes WCAG AAA, light grey on white would not."""

from __future__ import annotations

from facilitator_app.services.plenary.colours import (
    INK,
    MIN_CONTRAST,
    NAVY,
    PALE,
    SOFT_INK,
    WHITE,
    contrast_ratio,
)


def test_the_palette_passes_the_contrast_rule() -> None:
    assert contrast_ratio(INK, WHITE) > 15
    assert contrast_ratio(WHITE, NAVY) > 14
    assert contrast_ratio(SOFT_INK, WHITE) >= MIN_CONTRAST
    assert contrast_ratio(PALE, NAVY) >= MIN_CONTRAST
    assert contrast_ratio("#AAAAAA", WHITE) < MIN_CONTRAST  # light grey would fail
