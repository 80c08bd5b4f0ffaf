"""The first screen of the main window: the demo, a new event, a file, recent files.

Texts are translated with the window's own ``tr`` (the translations are filed under
``MainWindow``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from facilitator_app import APP_DISPLAY_NAME
from facilitator_app.ui.common.actions import make_button

# Recent files offered as buttons (the File menu lists them all).
RECENT_BUTTONS = 5


def build_welcome(
    window: QMainWindow,
    recent: Sequence[Path],
    *,
    open_demo: Callable[[], object],
    new_event: Callable[[], object],
    choose_file: Callable[[], object],
    open_file: Callable[[Path], object],
) -> tuple[QWidget, list[QPushButton]]:
    """The welcome screen and its buttons, in tab order (the first one gets the focus)."""
    tr = window.tr
    welcome = QWidget(window)
    welcome.setObjectName("welcome")
    layout = QVBoxLayout(welcome)
    layout.addStretch(1)
    title = QLabel(tr("Benvenuti in {app}").format(app=APP_DISPLAY_NAME), welcome)
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * 1.8)
    font.setBold(True)
    title.setFont(font)
    intro = QLabel(
        tr(
            "Schede strategiche, cronometro delle due sessioni, presenze e post-it: "
            "tutto resta su questo computer, salvato in ogni momento."
        ),
        welcome,
    )
    intro.setWordWrap(True)
    for label in (title, intro):
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
    buttons: list[QPushButton] = []
    for text, slot in (
        (tr("Apri l'evento dimostrativo (Forum del 10 novembre 2023)  ·  Ctrl+D"), open_demo),
        (tr("Nuovo evento da un modello…  ·  Ctrl+N"), new_event),
        (tr("Apri un file evento…  ·  Ctrl+O"), choose_file),
    ):
        button = make_button(welcome, text, slot, accessible=text.split("  ·  ")[0])
        button.setMinimumHeight(44)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        buttons.append(button)
    for file in recent[:RECENT_BUTTONS]:
        name = tr("Riapri {name}").format(name=file.name)
        button = make_button(welcome, name, lambda f=file: open_file(f), tooltip=str(file))  # type: ignore[misc]
        button.setFlat(True)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        buttons.append(button)
    layout.addStretch(2)
    return welcome, buttons
