"""The window draws emoji with a real glyph even where the system has no emoji font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QRawFont, QTextLayout
from pytestqt.qtbot import QtBot

from facilitator_app.ui.fonts import register_emoji_fallback


def _families_drawing(text: str) -> set[str]:
    layout = QTextLayout(text, QFont())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName() for run in layout.glyphRuns()}


def _has_glyphs(text: str) -> bool:
    layout = QTextLayout(text, QFont())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    for run in layout.glyphRuns():
        raw: QRawFont = run.rawFont()
        if any(index == 0 for index in run.glyphIndexes()):  # 0 is the empty box (.notdef)
            return False
        assert raw.isValid()
    return True


def test_emoji_from_phones_are_drawn_with_the_bundled_font(qtbot: QtBot) -> None:
    families = register_emoji_fallback()
    assert families  # the bundled font loads
    text = "Più navette 🚌 e alberi 🌳"
    assert _has_glyphs(text)
    assert set(families) & _families_drawing("🚌🌳")
