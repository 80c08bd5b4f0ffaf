"""The deck's colours and the contrast rule every text on a slide must pass.

White on dark navy, or near-black and navy on white; never light grey on white. Every
text run is checked with :func:`contrast_ratio` against :data:`MIN_CONTRAST` (WCAG AAA).
"""

from __future__ import annotations

NAVY = "#0B2545"
ACCENT = "#1F4E79"
INK = "#111111"
SOFT_INK = "#333333"
WHITE = "#FFFFFF"
PALE = "#E8EEF5"  # on navy only (contrast 13:1)
BAR = "#1F4E79"

MIN_CONTRAST = 7.0
"""Smallest contrast ratio allowed between a text and its background (WCAG AAA)."""


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two ``#RRGGBB`` colours (1 to 21)."""
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)
