from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from facilitator_app.domain.model import ParticipantCount, Venue
from facilitator_app.storage.database import EventStore
from facilitator_app.ui.main_window import MainWindow
from tests.helpers.screens import screenshot


def test_counters_warn_when_categories_exceed_present(
    fresh: MainWindow, fresh_path: Path, artifacts: Path
) -> None:
    assert fresh.counts is not None
    fresh.show_tab(3)
    panel = fresh.counts
    for _ in range(3):
        panel.present.plus.click()
    panel.present.minus.click()
    assert panel.present.value() == 2
    assert panel.warning.isHidden()
    panel.categories["cittadini"].plus.click()
    panel.categories["cittadini"].plus.click()
    assert panel.warning.isHidden()
    panel.categories["terzo_settore"].plus.click()
    assert not panel.warning.isHidden()
    assert "3" in panel.warning_text and "2" in panel.warning_text
    panel.zones[6].spin.setValue(2)
    panel.online.spin.setValue(40)
    with EventStore.open(fresh_path, read_only=True) as other:
        (count,) = other.all(ParticipantCount)
        assert count.present == 2
        assert count.by_category == {"cittadini": 2, "terzo_settore": 1}
        assert count.by_zone == {6: 2}
        assert other.all(Venue)[0].online_listeners == 40
    screenshot(fresh, "counts", artifacts)
    panel.present.plus.click()  # now consistent again
    assert panel.warning.isHidden()


def test_count_changes_are_undone_and_redone(fresh: MainWindow, fresh_path: Path) -> None:
    assert fresh.counts is not None and fresh.store is not None
    panel = fresh.counts
    panel.present.plus.click()
    panel.present.plus.click()
    panel.categories["cittadini"].plus.click()
    fresh.undo()
    (count,) = fresh.store.all(ParticipantCount)
    assert count.present == 2 and count.by_category == {}
    assert panel.categories["cittadini"].value() == 0
    fresh.undo()
    fresh.undo()
    (count,) = fresh.store.all(ParticipantCount)
    assert count.present is None and panel.present.value() == 0
    fresh.redo()
    (count,) = fresh.store.all(ParticipantCount)
    assert count.present == 1 and panel.present.value() == 1


def _settle() -> None:
    """Let Qt apply pending layout changes, as the screen does between two clicks."""
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()


def _click_at(window: QWidget, point: QPoint) -> None:
    """Click whatever the window shows at ``point`` now, as a mouse that does not move."""
    _settle()
    target = window.childAt(point)
    assert target is not None
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, point))
    _settle()


def _stored(path: Path) -> ParticipantCount:
    with EventStore.open(path, read_only=True) as other:
        (count,) = other.all(ParticipantCount)
    return count


def _where(window: QWidget, button: QWidget) -> QPoint:
    _settle()
    return button.mapTo(window, button.rect().center())


def test_clicks_on_one_row_stay_on_that_row_while_the_warning_comes_and_goes(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path
) -> None:
    assert fresh.counts is not None
    qtbot.keyClick(fresh, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Presenze
    panel = fresh.counts
    _click_at(fresh, _where(fresh, panel.present.plus))
    _click_at(fresh, _where(fresh, panel.present.plus))
    assert panel.present.value() == 2 and panel.warning.isHidden()
    zone6 = _where(fresh, panel.zones[6].plus)
    for _ in range(5):  # from the third click on, the zones add up to more than present
        _click_at(fresh, zone6)
    assert not panel.warning.isHidden()
    assert [panel.zones[z].value() for z in (5, 6, 7)] == [0, 5, 0]
    assert _stored(fresh_path).by_zone == {6: 5}
    present = _where(fresh, panel.present.plus)
    for _ in range(5):  # at the third click present catches up: the warning goes away
        _click_at(fresh, present)
    assert panel.warning.isHidden()
    count = _stored(fresh_path)
    assert (count.present, count.by_zone, count.by_category) == (7, {6: 5}, {})
    assert panel.online.value() == 0 and fresh.store is not None
    assert fresh.store.event().online_listeners in (None, 0)


def test_counts_by_keys_stay_on_the_field_while_the_warning_comes_and_goes(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path
) -> None:
    assert fresh.counts is not None
    qtbot.keyClick(fresh, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    panel = fresh.counts
    _click_at(fresh, _where(fresh, panel.present.spin))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(QApplication.focusWidget(), "2")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    _click_at(fresh, _where(fresh, panel.zones[6].spin))
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
        _settle()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert (panel.present.value(), panel.zones[6].value()) == (2, 4)
    assert not panel.warning.isHidden()
    assert panel.zones[6].value() == 4
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is panel.zones[7].spin  # Tab goes from field to field, not to the buttons
    qtbot.keyClick(focused, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(focused, "1")
    qtbot.keyClick(focused, Qt.Key.Key_Tab)
    count = _stored(fresh_path)
    assert (count.present, count.by_zone) == (2, {6: 4, 7: 1})
    assert [panel.zones[z].value() for z in (5, 6, 7, 8)] == [0, 4, 1, 0]
