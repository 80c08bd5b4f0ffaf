"""How the countdown looks: it fits any window and screen, and reads well in every state.

The digits' rendered size (QFontMetrics of the font the widget really uses) must fit the
widget, in the timer tab and in the full-screen window, at common screen sizes, for short,
long and overtime texts; the window must not grow past its screen. The contrast of the
digits on their background (WCAG 2 formula, from the colours in the widget's style sheet)
must be at least 4.5:1 for every state and level.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from pytestqt.qtbot import QtBot

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.timer import Level, TimerState
from facilitator_app.ui.main_window import MainWindow
from facilitator_app.ui.timer.countdown import CountdownDisplay
from facilitator_app.ui.timer.palette import face_colours

SCREENS = [(1024, 768), (1366, 768), (1920, 1080)]


def _relative_luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours."""
    light, dark = sorted((_relative_luminance(first), _relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _sheet_colours(countdown: CountdownDisplay) -> tuple[str, str]:
    """(background, digits) as the countdown's style sheet paints them."""
    sheet = countdown.styleSheet()
    background = re.search(r"#countdownFace \{ background: (#[0-9a-fA-F]{6})", sheet)
    digits = re.search(r"QLabel \{ color: (#[0-9a-fA-F]{6})", sheet)
    assert background and digits, sheet
    return background.group(1), digits.group(1)


def test_contrast_formula_matches_known_pairs() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#e65100", "#ffffff") < 4.5, "the old urgent colours were too faint"


@pytest.mark.parametrize("state", list(TimerState))
@pytest.mark.parametrize("level", list(Level))
def test_digits_contrast_at_least_4_5_in_every_state_and_level(
    state: TimerState, level: Level
) -> None:
    background, digits = face_colours(state, level)
    assert contrast(background, digits) >= 4.5, (state, level, background, digits)


def _fits(countdown: CountdownDisplay, where: str) -> None:
    label = countdown.digits
    metrics = QFontMetricsF(label.font())
    room = label.contentsRect()
    text = label.text()
    width = max(metrics.horizontalAdvance(text), metrics.boundingRect(text).width())
    assert width <= room.width(), f"{where}: {text!r} is {width:.0f} px in {room.width()} px"
    assert metrics.height() <= room.height(), f"{where}: {text!r} too tall for {room.height()}"
    assert label.font().pixelSize() >= 0.25 * min(room.height(), room.width() / len(text)), (
        f"{where}: {text!r} fits but is needlessly small ({label.font().pixelSize()} px)"
    )


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_countdown_fits_tab_and_full_screen_at_every_size(
    qtbot: QtBot, fresh: MainWindow, clock: FixedClock, width: int, height: int
) -> None:
    fresh.activateWindow()
    qtbot.keyClick(fresh, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    panel = fresh.timer
    assert panel is not None
    fresh.resize(width, height)
    qtbot.keyClick(fresh, Qt.Key.Key_F11)
    full = panel.window_full
    assert full is not None
    qtbot.addWidget(full)
    full.resize(width, height)  # what full screen on such a screen gives it
    for _ in range(13):  # 1:00:00 + 13 × 5 minutes = 2:05:00, before the start
        qtbot.keyClick(fresh, Qt.Key.Key_F7)
    fresh.activateWindow()
    qtbot.waitUntil(fresh.isActiveWindow)
    seen = []
    # (seconds the clock moves, what the countdown must read): 2:05:00 not started, then
    # the start; 1:00:00 and 59:59 after 65 minutes and 1 second; 00:05; 12:30 over time.
    steps: list[tuple[int | None, str]] = [
        (0, "2:05:00"),
        (None, "2:05:00"),
        (65 * 60, "1:00:00"),
        (1, "59:59"),
        (3594, "00:05"),
        (5 + 750, "+12:30"),
    ]
    for seconds, expected in steps:
        if seconds is None:
            qtbot.keyClick(fresh, Qt.Key.Key_F6)
        else:
            clock.advance(seconds)
        for countdown, where in ((panel.countdown, "tab"), (full.countdown, "full screen")):
            countdown.tick()
            assert countdown.text() == expected
            _fits(countdown, f"{where} {width}x{height}")
            seen.append(countdown.digits.font().pixelSize())
        # The timer tab leaves room for the navigator (230 px) on the smallest screen; the
        # Post-it tab's own minimum width is not the timer's to judge.
        assert panel.minimumSizeHint().width() <= min(width, 1024) - 260
        assert full.width() <= width and full.height() <= height, "no text widens a window"
    assert len(set(seen)) > 1, "the font follows the text and the room"


def test_each_state_has_its_own_look_and_word(
    qtbot: QtBot, fresh: MainWindow, clock: FixedClock
) -> None:
    fresh.activateWindow()
    qtbot.keyClick(fresh, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    panel = fresh.timer
    assert panel is not None
    looks: dict[str, tuple[str, str]] = {}

    def look() -> None:
        panel.countdown.tick()
        colours = _sheet_colours(panel.countdown)
        assert contrast(*colours) >= 4.5
        looks[panel.countdown.state_word.text()] = colours

    look()
    qtbot.keyClick(fresh, Qt.Key.Key_F6)
    look()
    qtbot.keyClick(fresh, Qt.Key.Key_F6)
    look()
    qtbot.keyClick(fresh, Qt.Key.Key_F6)
    for minutes in (50, 5, 5):  # warning, urgent, overtime while running
        clock.advance(minutes * 60)
        panel.countdown.tick()
        assert contrast(*_sheet_colours(panel.countdown)) >= 4.5
    qtbot.keyClick(fresh, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: panel.question is not None and panel.question.isVisible())
    assert panel.question is not None
    accept = next(b for b in panel.question.buttons() if b is not panel.question.defaultButton())
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.question is None)
    look()
    assert list(looks) == ["Non iniziata", "In corso", "In pausa", "Terminata"]
    backgrounds = [background for background, _ in looks.values()]
    assert len(set(backgrounds)) == 4, f"four states, four backgrounds: {looks}"
