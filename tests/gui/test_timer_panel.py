from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.timer import Level, TimerState
from facilitator_app.ui.main_window import MainWindow
from facilitator_app.ui.timer.panel import TimerPanel
from tests.helpers.screens import screenshot


def _timer(win: MainWindow) -> TimerPanel:
    assert win.timer is not None
    win.show_tab(1)
    return win.timer


def test_thresholds_colours_and_overtime_with_a_fake_clock(
    fresh: MainWindow, clock: FixedClock, artifacts: Path
) -> None:
    panel = _timer(fresh)
    assert panel.countdown.text() == "1:00:00"
    panel.sound.setChecked(True)
    panel.start_pause_button.click()
    seen = []
    for minutes, level, text in (
        (10, Level.NORMAL, "50:00"),
        (40, Level.WARNING, "10:00"),
        (5, Level.URGENT, "05:00"),
        (5, Level.OVERTIME, "00:00"),
        (2.5, Level.OVERTIME, "+02:30"),
    ):
        clock.advance(minutes * 60)
        panel.countdown.tick()
        view = panel.countdown.current
        assert view is not None
        assert (view.level, panel.countdown.text()) == (level, text)
        seen.append(panel.countdown.styleSheet())
    assert len(set(seen[:4])) == 4, "each threshold has its own colour"
    assert "fuori tempo di 02:30" in panel.status.text()
    assert panel.beeps == 3  # at 10, 5 and 0 minutes
    screenshot(fresh, "timer", artifacts)


def test_countdown_resumes_after_restart(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path, clock: FixedClock
) -> None:
    panel = _timer(fresh)
    panel.start()
    clock.advance(125)
    panel.extend()
    fresh.close()  # or a crash: every transition is already in the file
    clock.advance(600)
    again = MainWindow(clock)
    qtbot.addWidget(again)
    again.show()
    assert again.open_file(fresh_path)
    view = _timer(again).countdown.current
    assert view is not None
    assert view.state is TimerState.RUNNING
    assert view.remaining == pytest.approx(3600 + 300 - 725, abs=1)
    again.close()


def test_full_screen_window_and_timer_runs_only_while_shown(
    qtbot: QtBot, fresh: MainWindow, clock: FixedClock, artifacts: Path
) -> None:
    panel = _timer(fresh)
    assert panel.countdown.running
    panel.start()
    clock.advance(3000)
    window = panel.show_full_screen()
    qtbot.addWidget(window)
    window.countdown.tick()
    assert window.countdown.text() == "10:00"
    assert window.countdown.running
    image = window.grab()
    assert image.save(str(artifacts / "timer-full-screen.png"))
    fresh.show_tab(0)
    assert not panel.countdown.running, "the hidden panel stops its QTimer"
    assert window.countdown.running, "the detached window keeps counting"
    panel.close_full_screen()


def test_agenda_shows_planned_and_actual_times(fresh: MainWindow) -> None:
    panel = _timer(fresh)
    assert panel.agenda.rowCount() == 8
    session_row = next(
        r
        for r in range(8)
        if (panel.agenda.item(r, 2) or None) and "SESSIONE 1" in panel.agenda.item(r, 2).text()  # type: ignore[union-attr]
    )
    assert panel.agenda.item(session_row, 3).text() == ""  # type: ignore[union-attr]
    panel.start()
    assert panel.agenda.item(session_row, 3).text() != ""  # type: ignore[union-attr]
    panel.agenda.setCurrentCell(1, 0)
    panel.mark_start()
    assert panel.agenda.item(1, 3).text() != ""  # type: ignore[union-attr]
