"""A panel in a frameless scroll area: the window fits a small screen whatever the panel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def scrolling(panel: QWidget) -> QScrollArea:
    """A tab's panel in a frameless scroll area, so that the window fits a small screen.

    However wide a panel's controls, the window still fits a 1024-pixel projector: a panel
    that cannot fit scrolls rather than pushing the window (and the timer) off the screen.
    """
    area = QScrollArea()
    area.setObjectName(f"{panel.objectName() or type(panel).__name__}Scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no extra Tab stop: the panel has the keys
    area.setWidget(panel)
    return area
