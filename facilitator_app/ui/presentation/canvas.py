"""A widget that draws one slide layout, scaled to its size and letterboxed to 16:9.

The layout comes from :func:`facilitator_app.services.plenary.layout.layout_slide`: lines
are already broken with the metrics of the embedded DejaVu fonts, which are registered
here with Qt too, so the screen shows the same lines as the PDF.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator_app.resources import resource_path
from facilitator_app.services.common.pdf_style import (
    EMOJI_FONT,
    EMOJI_FONT_FILE,
    FONT_BOLD,
    FONT_FILES,
    FONT_ITALIC,
)
from facilitator_app.services.plenary.layout import SlideLayout, TextRun
from facilitator_app.services.plenary.slides import HEIGHT, WIDTH

_families: dict[str, str] = {}


def font_family() -> str:
    """The family name of the bundled DejaVu Sans, registered with Qt on first use."""
    if "family" not in _families:
        family = "DejaVu Sans"
        for relative in FONT_FILES.values():
            font_id = QFontDatabase.addApplicationFont(str(resource_path(relative)))
            found = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if found:
                family = found[0]
        _families["family"] = family
        font_id = QFontDatabase.addApplicationFont(str(resource_path(EMOJI_FONT_FILE)))
        found = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _families[EMOJI_FONT] = found[0] if found else family
    return _families["family"]


def qt_font(run: TextRun) -> QFont:
    """The Qt font that draws a text run (pixel size in slide units)."""
    family = font_family()
    font = QFont(_families[EMOJI_FONT] if run.font == EMOJI_FONT else family)
    font.setPixelSize(max(1, round(run.size)))
    font.setBold(run.font == FONT_BOLD)
    font.setItalic(run.font == FONT_ITALIC)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


class SlideView(QWidget):
    """Paints a slide layout; black when there is none or when ``black`` is set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slide_layout: SlideLayout | None = None
        self.black = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def show_layout(self, layout: SlideLayout | None) -> None:
        """Show another slide."""
        self.slide_layout = layout
        self.update()

    def set_black(self, black: bool) -> None:
        """Blank the slide (clickers' "black screen" key)."""
        self.black = black
        self.update()

    def slide_rect(self) -> QRectF:
        """Where the 16:9 slide sits inside the widget."""
        scale = min(self.width() / WIDTH, self.height() / HEIGHT)
        width, height = WIDTH * scale, HEIGHT * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the slide's boxes and texts, scaled from the 1920 × 1080 canvas."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#000000"))
        layout = self.slide_layout
        if layout is None or self.black:
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        area = self.slide_rect()
        painter.translate(area.topLeft())
        painter.scale(area.width() / WIDTH, area.height() / HEIGHT)
        painter.fillRect(QRectF(0, 0, WIDTH, HEIGHT), QColor(layout.background))
        for box in layout.boxes:
            painter.fillRect(QRectF(box.x, box.y, box.width, box.height), QColor(box.color))
        for run in layout.runs:
            painter.setFont(qt_font(run))
            painter.setPen(QColor(run.color))
            painter.drawText(QPointF(run.x, run.y), run.text)
        painter.end()
