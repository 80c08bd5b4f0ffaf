"""Paints a post-it as a coloured note with its tags."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from facilitator_app.domain.model import Contribution
from facilitator_app.ui import i18n
from facilitator_app.ui.board.model import PHONE_ROLE, RECORD_ROLE, THEME_ROLE
from facilitator_app.ui.style import kind_colour

NOTE_WIDTH = 220
NOTE_HEIGHT = 120


def tag_line(post: Contribution) -> str:
    """The tags of a post-it in one short line (kind letter, cards, zones, links, votes)."""
    parts: list[str] = []
    if post.kind is not None:
        parts.append(i18n.vocab(post.kind.label))
    parts.extend(f"@{code}" for code in post.cards)
    parts.extend(f"Z{zone}" for zone in post.zones)
    parts.extend(f"→A{axis}" for axis in post.links)
    if post.votes:
        parts.append("●" * min(post.votes, 5) + (f"{post.votes}" if post.votes > 5 else ""))
    return " · ".join(parts)


class NoteDelegate(QStyledItemDelegate):
    """Draws each post-it as a note coloured by kind; text wraps, tags at the bottom."""

    def __init__(self, parent: QWidget | None = None, width: int = NOTE_WIDTH) -> None:
        super().__init__(parent)
        self.zoom = 1.0
        self.width = width

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """All notes have the same size (scaled by the zoom)."""
        return QSize(int(self.width * self.zoom), int(NOTE_HEIGHT * self.zoom))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw one note."""
        post = index.data(RECORD_ROLE)
        if not isinstance(post, Contribution):
            return
        rect: QRect = option.rect.adjusted(3, 3, -3, -3)
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(kind_colour(post.kind))
        pen = QPen(QColor("#0d47a1") if selected else QColor("#9e9e9e"))
        pen.setWidth(3 if selected else 1)
        if focused:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 6, 6)
        base: QFont = option.font
        font = QFont(base)
        font.setPointSizeF(max(6.0, base.pointSizeF() * self.zoom))
        painter.setFont(font)
        painter.setPen(QColor("#212121"))
        inner = rect.adjusted(8, 6, -8, -6)
        if index.data(PHONE_ROLE):
            inner = self._paint_phone_mark(painter, inner)
        line = painter.fontMetrics().height()
        theme = str(index.data(THEME_ROLE) or "")
        lines = max(1, (inner.height() - line * 2) // line)
        text_rect = QRect(inner.left(), inner.top(), inner.width(), lines * line)
        painter.drawText(
            text_rect,
            int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignTop),
            post.text,
        )
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        painter.setFont(small)
        metrics = painter.fontMetrics()
        painter.setPen(QColor("#424242"))
        tags = metrics.elidedText(tag_line(post), Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(
            QRect(inner.left(), inner.bottom() - 2 * line, inner.width(), line),
            int(Qt.AlignmentFlag.AlignLeft),
            tags,
        )
        if theme:
            painter.setPen(QColor("#1a237e"))
            painter.drawText(
                QRect(inner.left(), inner.bottom() - line, inner.width(), line),
                int(Qt.AlignmentFlag.AlignLeft),
                metrics.elidedText("▸ " + theme, Qt.TextElideMode.ElideRight, inner.width()),
            )
        painter.restore()

    @staticmethod
    def _paint_phone_mark(painter: QPainter, inner: QRect) -> QRect:
        """A small phone drawn in the top right corner (no emoji font needed); the text's room."""
        side = painter.fontMetrics().height()
        width = max(6, side * 3 // 5)
        body = QRect(inner.right() - width, inner.top() + 1, width, side - 2)
        painter.save()
        pen = QPen(QColor("#37474f"))
        pen.setWidth(max(1, side // 10))
        painter.setPen(pen)
        painter.setBrush(QColor("#eceff1"))
        painter.drawRoundedRect(body, 2, 2)
        screen = body.adjusted(2, 3, -2, -side // 4)
        painter.fillRect(screen, QColor("#37474f"))
        painter.restore()
        return inner.adjusted(0, 0, -width - 4, 0)
