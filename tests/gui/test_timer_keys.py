"""The facilitator's session timer by keys: F6 start/pause/resume, F7 +5, F8 stop (asked).

Journeys send the keys a person presses to the main window (and to the full-screen timer),
move the injected clock instead of waiting, and check what is shown and what the event file
holds (read back through a second, read-only EventStore).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from facilitator_app.domain.clock import FixedClock, to_iso
from facilitator_app.domain.model import Session
from facilitator_app.domain.timer import elapsed_minutes
from facilitator_app.storage.database import EventStore
from facilitator_app.ui.main_window import MainWindow
from facilitator_app.ui.timer.panel import TimerPanel


def _timer_tab(qtbot: QtBot, win: MainWindow) -> TimerPanel:
    win.activateWindow()
    qtbot.keyClick(win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert win.timer is not None and win.tabs is not None
    assert win.tabs.currentIndex() == 1 and win.timer.isVisible()
    return win.timer


def _in_file(path: Path, number: int) -> Session:
    """Session ``number`` of the first table, as the event file holds it."""
    with EventStore.open(path, read_only=True) as store:
        table = store.tables()[0]
        found = store.session_of_table(table.id, number)
    assert found is not None
    return found


def _shown(panel: TimerPanel, countdown_owner: QWidget | None = None) -> tuple[str, str]:
    countdown = panel.countdown if countdown_owner is None else countdown_owner.countdown  # type: ignore[attr-defined]
    countdown.tick()
    return countdown.state_word.text(), countdown.text()


def _question(qtbot: QtBot, panel: TimerPanel) -> QMessageBox:
    qtbot.waitUntil(lambda: panel.question is not None and panel.question.isVisible())
    box = panel.question
    assert box is not None
    return box


def _accept(qtbot: QtBot, box: QMessageBox) -> None:
    accept = next(b for b in box.buttons() if b is not box.defaultButton())
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)


def test_start_pause_resume_extend_and_stop_by_keys_in_the_tab(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path, clock: FixedClock
) -> None:
    panel = _timer_tab(qtbot, fresh)
    assert _shown(panel) == ("Non iniziata", "1:00:00")
    assert panel.start_pause_button.text() == "Avvia (F6)"

    qtbot.keyClick(fresh, Qt.Key.Key_F6)
    assert _shown(panel) == ("In corso", "1:00:00")
    assert _in_file(fresh_path, 1).actual_start == to_iso(clock.now())
    assert panel.start_pause_button.text() == "Pausa (F6)"

    clock.advance(600)
    qtbot.keyClick(fresh, Qt.Key.Key_F6)
    assert _shown(panel) == ("In pausa", "50:00")
    assert panel.start_pause_action.text() == "Riprendi"
    clock.advance(300)
    assert _shown(panel) == ("In pausa", "50:00"), "a pause stops the countdown"
    assert _in_file(fresh_path, 1).pauses[-1].end is None

    qtbot.keyClick(fresh, Qt.Key.Key_F6)
    assert _shown(panel) == ("In corso", "50:00")
    assert _in_file(fresh_path, 1).pauses[-1].end == to_iso(clock.now())

    qtbot.keyClick(fresh, Qt.Key.Key_F7)
    assert _shown(panel) == ("In corso", "55:00")
    assert _in_file(fresh_path, 1).extension_seconds == 300

    clock.advance(60)
    qtbot.keyClick(fresh, Qt.Key.Key_F8)
    box = _question(qtbot, panel)
    assert "Terminare la sessione 1?" in box.text()
    assert box.defaultButton() is not None and box.defaultButton().text() == "&Annulla"
    qtbot.keyClick(box, Qt.Key.Key_Return)  # a stray Enter: the session goes on
    qtbot.waitUntil(lambda: panel.question is None)
    assert _shown(panel) == ("In corso", "54:00")
    assert _in_file(fresh_path, 1).actual_end is None

    qtbot.keyClick(fresh, Qt.Key.Key_F8)
    _accept(qtbot, _question(qtbot, panel))
    qtbot.waitUntil(lambda: panel.question is None)
    assert _shown(panel) == ("Terminata", "54:00")
    stopped = _in_file(fresh_path, 1)
    assert stopped.actual_end == to_iso(clock.now())
    assert elapsed_minutes(stopped) == 11  # 10 + 1 minutes of discussion, the pause excluded

    clock.advance(600)
    for key in (Qt.Key.Key_F6, Qt.Key.Key_F7, Qt.Key.Key_F8):
        qtbot.keyClick(fresh, key)
    assert panel.question is None, "a finished session asks nothing"
    assert _shown(panel) == ("Terminata", "54:00")
    assert not panel.start_pause_button.isEnabled() and not panel.stop_button.isEnabled()
    assert _in_file(fresh_path, 1) == stopped, "keys on a finished session change nothing"


def test_the_same_keys_work_in_the_full_screen_window(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path, clock: FixedClock
) -> None:
    panel = _timer_tab(qtbot, fresh)
    qtbot.keyClick(fresh, Qt.Key.Key_F11)
    full = panel.window_full
    assert full is not None and full.isVisible()
    qtbot.addWidget(full)
    full.activateWindow()
    qtbot.waitUntil(full.isActiveWindow)
    assert "F6 Avvia" in full.keys.text() and "F8 Termina" in full.keys.text()

    qtbot.keyClick(full, Qt.Key.Key_F6)
    assert _shown(panel, full) == ("In corso", "1:00:00")
    assert _in_file(fresh_path, 1).actual_start == to_iso(clock.now())
    clock.advance(120)
    qtbot.keyClick(full, Qt.Key.Key_F6)
    assert _shown(panel, full) == ("In pausa", "58:00")
    assert "F6 Riprendi" in full.keys.text()
    clock.advance(60)
    qtbot.keyClick(full, Qt.Key.Key_F6)
    qtbot.keyClick(full, Qt.Key.Key_F7)
    assert _shown(panel, full) == ("In corso", "1:03:00")
    assert _in_file(fresh_path, 1).extension_seconds == 300

    qtbot.keyClick(full, Qt.Key.Key_F8)
    box = _question(qtbot, panel)
    assert box.parentWidget() is full, "asked over the window in use, not behind it"
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.question is None)
    assert _in_file(fresh_path, 1).actual_end is None

    qtbot.keyClick(full, Qt.Key.Key_F8)
    _accept(qtbot, _question(qtbot, panel))
    qtbot.waitUntil(lambda: panel.question is None)
    assert _shown(panel, full) == ("Terminata", "1:03:00")
    assert _in_file(fresh_path, 1).actual_end == to_iso(clock.now())

    was_full = full.isFullScreen()
    qtbot.keyClick(full, Qt.Key.Key_F11)
    assert full.isFullScreen() != was_full
    qtbot.keyClick(full, Qt.Key.Key_Escape)
    assert not full.isVisible()


def test_starting_session_two_while_one_runs_asks_first(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path, clock: FixedClock
) -> None:
    panel = _timer_tab(qtbot, fresh)
    qtbot.keyClick(fresh, Qt.Key.Key_F6)
    clock.advance(1800)
    qtbot.keyClick(fresh, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert fresh.workspace is not None and fresh.workspace.session == 2
    assert _shown(panel) == ("Non iniziata", "1:00:00")

    qtbot.keyClick(fresh, Qt.Key.Key_F6)
    box = _question(qtbot, panel)
    assert "La sessione 1 di questo tavolo è ancora in corso" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Annulla, the default: nothing starts
    qtbot.waitUntil(lambda: panel.question is None)
    assert _shown(panel) == ("Non iniziata", "1:00:00")
    assert _in_file(fresh_path, 2).actual_start is None
    assert _in_file(fresh_path, 1).actual_end is None

    clock.advance(60)
    qtbot.keyClick(fresh, Qt.Key.Key_F6)
    box = _question(qtbot, panel)
    assert any("Termina la 1 e avvia la 2" in b.text().replace("&", "") for b in box.buttons())
    _accept(qtbot, box)
    qtbot.waitUntil(lambda: panel.question is None)
    assert _shown(panel) == ("In corso", "1:00:00")
    first, second = _in_file(fresh_path, 1), _in_file(fresh_path, 2)
    assert first.actual_end == second.actual_start == to_iso(clock.now())
    assert elapsed_minutes(first) == 31
    assert "Sessione 1: terminata" in panel.other.text()
