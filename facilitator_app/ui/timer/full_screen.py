"""The detached countdown: full screen on a second monitor or turned towards the table.

It shares the timer panel's actions, so the same keys work here as in the workspace (F6
start/pause/resume, F7 +5 minutes, F8 stop); F11 switches between full screen and a window,
Esc closes it. No text sets its size: it is never wider than its screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from facilitator_app.domain.model import Session
from facilitator_app.services.capture.timer import TimerService
from facilitator_app.ui.common.actions import make_action, shortcut_text
from facilitator_app.ui.timer.countdown import CountdownDisplay


class TimerWindow(QWidget):
    """A detached countdown with the timer's keys.

    Args:
        timers: the timer service (and its clock).
        source: returns the session to show.
        actions: the panel's timer actions (start/pause, +5, stop), live here too.
    """

    def __init__(
        self,
        timers: TimerService,
        source: Callable[[], Session | None],
        actions: Sequence[QAction],
    ) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Cronometro"))
        self.setAccessibleName(self.tr("Cronometro a schermo intero"))
        layout = QVBoxLayout(self)
        self.title = self._label(2.0)
        self.countdown = CountdownDisplay(timers, source, self)
        self.keys = self._label(1.0)
        layout.addWidget(self.title)
        layout.addWidget(self.countdown, 1)
        layout.addWidget(self.keys)
        # The same QAction objects as the panel's: one command, one key, live in both windows.
        self.addActions(list(actions))
        window = Qt.ShortcutContext.WindowShortcut
        self.full_screen_action = make_action(
            self, self.tr("Schermo intero / finestra"), self.toggle_full_screen,
            shortcut="F11", scope=window, add_to=self,
        )  # fmt: skip
        self.close_action = make_action(
            self, self.tr("Chiudi"), self.close, shortcut="Esc", scope=window, add_to=self
        )
        self._listed = [*actions, self.full_screen_action, self.close_action]
        for action in actions:
            action.changed.connect(self._list_keys)  # F6 says "Avvia", "Pausa" or "Riprendi"
        self._list_keys()
        self.resize(900, 500)

    def _list_keys(self) -> None:
        self.keys.setText(
            "   ·   ".join(
                f"{shortcut_text(action.shortcut())} {action.text()}" for action in self._listed
            )
        )

    def _label(self, scale: float) -> QLabel:
        label = QLabel(self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        # A long table name wraps instead of widening the window beyond its screen.
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        label.setFont(font)
        return label

    def toggle_full_screen(self) -> None:
        """Full screen, or back to a window."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
