"""Fonts the window needs beyond the system's: the bundled emoji font as a fallback.

Participants' phones send emoji (🌳, 👍, 🚌) and facilitators type them; a laptop without an
emoji font drew them as empty boxes on the board and in the moderation queue. The PDFs
already draw them with the bundled Symbola (services/common/pdf_fonts.py); here the same font
is given to Qt as its emoji font (QFontDatabase.addApplicationEmojiFontFamily, Qt 6.9+), so
every widget finds a glyph.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from facilitator_app.resources import resource_path
from facilitator_app.services.common.pdf_fonts import EMOJI_FONT_FILE

_registered: list[str] = []


def register_emoji_fallback() -> list[str]:
    """Register the bundled emoji font as Qt's emoji font (once); return its families."""
    if not _registered:
        font_id = QFontDatabase.addApplicationFont(str(resource_path(EMOJI_FONT_FILE)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        for family in families:
            QFontDatabase.addApplicationEmojiFontFamily(family)
        _registered.extend(families)
    return list(_registered)
