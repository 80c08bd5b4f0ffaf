"""A large countdown readable across a table; it owns the QTimer that refreshes it.

The digits never set the size of their window: their label asks for no room of its own
(it takes what the layout gives) and the font is chosen to fit that room, measured with
QFontMetrics on the text shown, so "1:00:00" or "+12:30" fits a laptop as well as a
projector.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from facilitator_app.domain.model import Session
from facilitator_app.domain.timer import Level, TimerState
from facilitator_app.services.capture.timer import TimerService, TimerView
from facilitator_app.ui.timer.palette import face_colours

TICK_MS = 250
# Share of the room the text may use: a margin so that the digits never touch the edges.
FILL = 0.92
SMALLEST_PIXELS = 8
LARGEST_PIXELS = 4000


def fitting_pixel_size(font: QFont, text: str, width: float, height: float) -> int:
    """The largest pixel size at which ``text`` in ``font`` fits ``width`` × ``height``.

    Binary search on QFontMetricsF: the advance and the ink of the text must fit the width,
    the line height the height. Never below :data:`SMALLEST_PIXELS` (a tiny window shows
    small digits rather than none).
    """

    def fits(pixels: int) -> bool:
        trial = QFont(font)
        trial.setPixelSize(pixels)
        metrics = QFontMetricsF(trial)
        wide = max(metrics.horizontalAdvance(text), metrics.boundingRect(text).width())
        return wide <= width and metrics.height() <= height

    low, high = SMALLEST_PIXELS, LARGEST_PIXELS
    if not fits(low):
        return low
    while low < high:
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    return low


class FittedLabel(QLabel):
    """A one-line label whose font grows or shrinks to fill the room it is given.

    It asks the layout for no room (size policy Ignored, small size hints), so a long
    text can never widen its window; the font follows the room instead.

    Args:
        scale: the share of the room's height the text may use.
        parent: owning widget.
    """

    def __init__(self, scale: float = FILL, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = scale
        self._fitted_for: tuple[str, int, int] | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def sizeHint(self) -> QSize:
        """Small: the layout decides the size, the text follows."""
        return QSize(80, 24)

    def minimumSizeHint(self) -> QSize:
        """Small: a long text never sets a minimum width."""
        return QSize(16, 12)

    def show_text(self, text: str) -> None:
        """Show ``text`` and refit the font when its shape changed."""
        if text != self.text():
            self.setText(text)
        self.refit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Refit the font to the new room."""
        super().resizeEvent(event)
        self.refit()

    def refit(self) -> None:
        """Choose the font size from the metrics of the text in the room available."""
        room = self.contentsRect()
        # Fit the widest digit in every digit place, so that the size does not jump as
        # the seconds change ("11:11" and "00:00" take the same font).
        shape = "".join("0" if char.isdigit() else char for char in self.text()) or "0"
        key = (shape, room.width(), room.height())
        if key == self._fitted_for:
            return
        font = QFont(self.font())
        font.setBold(True)
        metrics = QFontMetricsF(font)
        widest = max("0123456789", key=metrics.horizontalAdvance)
        shape = shape.replace("0", widest)
        size = fitting_pixel_size(font, shape, room.width() * FILL, room.height() * self.scale)
        font.setPixelSize(size)
        self._fitted_for = key
        self.setFont(font)


class CountdownDisplay(QFrame):
    """Shows ``mm:ss`` for a session under a state word, coloured by state and level.

    The time always comes from the service's injected clock; tests move a fake clock and
    let the display tick (or call :meth:`tick`) instead of waiting.

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
        self._colours: tuple[str, str] | None = None
        self.setObjectName("countdownFace")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(90)
        self.setAccessibleName(self.tr("Tempo rimanente"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        self.state_word = FittedLabel(0.8, self)
        self.state_word.setAccessibleName(self.tr("Stato della sessione"))
        self.digits = FittedLabel(FILL, self)
        self.digits.setAccessibleName(self.tr("Tempo rimanente"))
        layout.addWidget(self.state_word, 1)
        layout.addWidget(self.digits, 5)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self.tick()

    def sizeHint(self) -> QSize:
        """Modest: the countdown takes the room its layout gives."""
        return QSize(320, 160)

    def minimumSizeHint(self) -> QSize:
        """Small: neither the digits nor the state word set a minimum width."""
        return QSize(60, 90)

    def text(self) -> str:
        """The digits shown (``mm:ss``, ``h:mm:ss`` or ``+mm:ss``)."""
        return self.digits.text()

    def showEvent(self, event: QShowEvent) -> None:
        """Start refreshing while visible."""
        super().showEvent(event)
        self.tick()
        self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        """Stop refreshing while hidden."""
        self._timer.stop()
        super().hideEvent(event)

    @property
    def running(self) -> bool:
        """True while the refresh timer runs."""
        return self._timer.isActive()

    def state_text(self, state: TimerState) -> str:
        """The word shown above the digits for a state."""
        return {
            TimerState.NOT_STARTED: self.tr("Non iniziata"),
            TimerState.RUNNING: self.tr("In corso"),
            TimerState.PAUSED: self.tr("In pausa"),
            TimerState.STOPPED: self.tr("Terminata"),
        }[state]

    def _paint(self, background: str, foreground: str) -> None:
        if (background, foreground) == self._colours:
            return  # a new style sheet re-polishes the widgets: only when the look changes
        self._colours = (background, foreground)
        self.setStyleSheet(
            f"QFrame#countdownFace {{ background: {background}; border-radius: 8px; }}"
            f" QLabel {{ color: {foreground}; background: transparent; }}"
        )

    def tick(self) -> None:
        """Recompute the countdown from the clock and repaint it."""
        session = self.source()
        if session is None:
            self.current = None
            self.state_word.show_text("")
            self.digits.show_text("--:--")
            self._paint(*face_colours(TimerState.NOT_STARTED, Level.NORMAL))
            return
        view = self.timers.view(session)
        self.current = view
        self.state_word.show_text(self.state_text(view.state))
        self.digits.show_text(view.text)
        self._paint(*face_colours(view.state, view.level))
        self.setAccessibleDescription(f"{self.state_text(view.state)} {view.text}")
        self.ticked.emit()
        if view.state is TimerState.RUNNING and view.level != self._level:
            if self._level is not None:
                self.level_changed.emit(view.level)
            self._level = view.level
        elif view.state is not TimerState.RUNNING:
            self._level = view.level
