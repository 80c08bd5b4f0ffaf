"""A large countdown readable across a table; it owns the QTimer that refreshes it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from facilitator_app.domain.model import Session
from facilitator_app.domain.timer import Level, TimerState
from facilitator_app.services.capture.timer import TimerService, TimerView
from facilitator_app.ui.style import LEVEL_COLOURS

TICK_MS = 250


class CountdownDisplay(QLabel):
    """Shows ``mm:ss`` for a session, coloured by level (10, 5, 0 minutes).

    The time always comes from the service's injected clock; tests call :meth:`tick`
    after moving a fake clock instead of waiting.

    Args:
        timers: the timer service (and its clock).
        source: returns the session to show (None: nothing).
        parent: owning widget.

    Signals:
        level_changed: the new :class:`Level` when the colour changes while running.
        ticked: after each refresh of a session's countdown.
    """

    level_changed = Signal(object)
    ticked = Signal()

    def __init__(
        self,
        timers: TimerService,
        source: Callable[[], Session | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.timers = timers
        self.source = source
        self.current: TimerView | None = None
        self._level: Level | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(90)
        self.setAccessibleName(self.tr("Tempo rimanente"))
        self.scale = 0.55
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self.tick()

    def showEvent(self, event: QShowEvent) -> None:
        """Start refreshing while visible."""
        super().showEvent(event)
        self.tick()
        self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        """Stop refreshing while hidden."""
        self._timer.stop()
        super().hideEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the digits as large as the space allows."""
        super().resizeEvent(event)
        font = QFont(self.font())
        size = max(12, int(min(self.height() * self.scale, self.width() / 4.2)))
        font.setPixelSize(size)
        font.setBold(True)
        self.setFont(font)

    @property
    def running(self) -> bool:
        """True while the refresh timer runs."""
        return self._timer.isActive()

    def tick(self) -> None:
        """Recompute the countdown from the clock and repaint it."""
        session = self.source()
        if session is None:
            self.current = None
            self.setText("--:--")
            self.setStyleSheet("")
            return
        view = self.timers.view(session)
        self.current = view
        self.setText(view.text)
        background, foreground = LEVEL_COLOURS[view.level]
        if view.state is TimerState.NOT_STARTED:
            background, foreground = ("#eceff1", "#263238")
        elif view.state is TimerState.PAUSED:
            foreground = "#cfd8dc" if foreground == "#ffffff" else "#37474f"
        self.setStyleSheet(
            f"QLabel {{ background: {background}; color: {foreground}; border-radius: 8px; }}"
        )
        self.setAccessibleDescription(view.text)
        self.ticked.emit()
        if view.state is TimerState.RUNNING and view.level != self._level:
            if self._level is not None:
                self.level_changed.emit(view.level)
            self._level = view.level
        elif view.state is not TimerState.RUNNING:
            self._level = view.level
