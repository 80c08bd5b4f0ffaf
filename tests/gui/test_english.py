"""English all the way: after Lingua › English no window shows Italian beyond the user's data.

The Italian words and the user's data come from :mod:`tests.helpers.italian`.
"""

from __future__ import annotations

import shutil
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from facilitator_app import APP_DISPLAY_NAME
from facilitator_app.services.records.event_records import load_records
from facilitator_app.storage.database import EventStore
from facilitator_app.ui import i18n
from facilitator_app.ui.exports.dialog import ExportRequest
from facilitator_app.ui.main_window import MainWindow
from facilitator_app.ui.navigator import table_label
from facilitator_app.ui.presentation import PresentationSession
from tests.helpers.italian import ITALIAN, italian_in, user_data
from tests.helpers.mounts import read_only_view
from tests.helpers.raw_file import raw_file


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    if isinstance(model, QAbstractListModel):  # its columnCount is private in PySide6
        return 0 if parent.isValid() else 1
    return model.columnCount(parent)


def _model_texts(
    model: QAbstractItemModel, parent: QModelIndex, budget: list[int]
) -> Iterator[str]:
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        if parent.isValid():
            break
        count = _columns(model, parent) if orientation == Qt.Orientation.Horizontal else 0
        for section in range(count):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str):
                    yield value
    for row in range(model.rowCount(parent)):
        for column in range(_columns(model, parent)):
            budget[0] -= 1
            if budget[0] < 0:
                return
            index = model.index(row, column, parent)
            for role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.AccessibleTextRole,
            ):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
            if column == 0 and not isinstance(model, QAbstractListModel) and model.rowCount(index):
                yield from _model_texts(model, index, budget)


def _action_texts(action: QAction) -> Iterator[str]:
    yield from (action.text(), action.toolTip(), action.statusTip(), action.whatsThis())


def widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a person can see or hear in ``root`` and its children."""
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__}#{widget.objectName()}"
        texts = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        texts += [widget.statusTip(), widget.whatsThis()]
        if widget.isWindow():
            texts.append(widget.windowTitle())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.placeholderText())
            if widget.isReadOnly():
                texts.append(widget.toPlainText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QSpinBox):
            texts += [widget.prefix(), widget.suffix()]
        if isinstance(widget, QAbstractSpinBox):
            texts.append(widget.specialValueText())
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                texts += [widget.tabText(i), widget.tabToolTip(i)]
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QMenu):
            texts.append(widget.title())
        if isinstance(widget, QMessageBox):
            texts += [widget.text(), widget.informativeText(), widget.detailedText()]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += list(_model_texts(widget.model(), QModelIndex(), [3000]))
        for action in widget.actions():
            texts += list(_action_texts(action))
        for text in texts:
            if text:
                yield where, text


def italian_found(root: QWidget, data: list[str]) -> dict[str, set[str]]:
    """Where Italian words show in ``root``: {"Widget#name: text": words}."""
    found: dict[str, set[str]] = {}
    for where, text in widget_texts(root):
        words = italian_in(text, data)
        if words:
            found[f"{where}: {text[:80]!r}"] = words
    return found


def menu_action(window: MainWindow, text: str) -> QAction:
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        for action in menu.actions():
            if action.text() == text:
                return action
    raise AssertionError(f"no menu entry {text!r}")


def modal_texts(
    qtbot: QtBot, open_it: Callable[[], object], data: list[str]
) -> dict[str, set[str]]:
    """The Italian found in the modal dialog ``open_it`` shows (read before it closes)."""
    found: dict[str, set[str]] = {}

    def take() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(10, take)
            return
        found.update(italian_found(modal, data))
        found["(seen)"] = set()
        assert isinstance(modal, QDialog)
        modal.reject()
        modal.deleteLater()  # now, not with the window at teardown

    QTimer.singleShot(0, take)
    open_it()
    qtbot.waitUntil(lambda: "(seen)" in found)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del found["(seen)"]
    return found


@pytest.fixture
def english(window: MainWindow) -> Iterator[MainWindow]:
    """The demo workspace; the test switches it to English; Italian again after."""
    yield window
    i18n.set_language("it")


def test_the_word_list_knows_the_interface_italian() -> None:
    assert {"sessione", "tavolo", "annulla"} & ITALIAN
    assert not {"post", "pdf", "excel"} & ITALIAN


def test_english_everywhere_beyond_the_users_data(
    qtbot: QtBot, english: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    window = english
    with EventStore.open(demo_path, read_only=True) as store:
        tables = load_records(store).tables
    # The navigator's labels are built from the tables' own keys and names: data, not interface.
    data = user_data(demo_path, [text for table in tables for text in table_label(table)])
    window.activateWindow()
    # Windows opened in Italian must follow the switch: the presentation and the coordinator.
    qtbot.keyClick(window, Qt.Key.Key_F5)
    session = window.findChild(PresentationSession)
    assert isinstance(session, PresentationSession)
    qtbot.keyClick(session.audience, Qt.Key.Key_PageDown)
    window.open_coordinator()
    menu_action(window, "English").trigger()
    QApplication.sendPostedEvents()  # the LanguageChange events, as the event loop would
    # The widgets the switch replaced go at the next turn of the event loop.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    found: dict[str, set[str]] = {}
    for tab in range(4):
        window.show_tab(tab)
        found.update(italian_found(window, data))
    assert window.coordinator is not None and window.coordinator.isVisible()
    found.update(italian_found(window.coordinator, data))
    for presentation_window in (session.presenter, session.audience):
        found.update(italian_found(presentation_window, data))
    # Every slide: the presenter's notes and headings, and the words on the slide itself.
    controller = session.controller
    for _ in range(len(controller.shown)):
        qtbot.keyClick(session.audience, Qt.Key.Key_PageDown)
        found.update(italian_found(session.presenter, data))
        layout = controller.layout()
        assert layout is not None
        slide_text = " ".join(run.text for run in layout.runs)
        words = italian_in(slide_text, data)
        if words:
            found[f"slide {controller.current.key}: {slide_text[:80]!r}"] = words
    for text in ("Export &Excel workbook…", "Export report &PDF…", "Paper &kit PDF…"):
        found.update(modal_texts(qtbot, menu_action(window, text).trigger, data))
    found.update(modal_texts(qtbot, menu_action(window, "&New event…").trigger, data))
    report = "\n".join(f"{where} -> {sorted(words)}" for where, words in sorted(found.items()))
    assert found == {}, report


def test_a_service_error_is_shown_in_english(
    qtbot: QtBot, english: MainWindow, tmp_path: Path
) -> None:
    menu_action(english, "English").trigger()
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    target = blocker / "report.pdf"  # its folder is a file: the write must fail
    english.exporter.ask = lambda _kind, _path, _table: ExportRequest(target)
    english.exporter.opener = lambda _url: None
    menu_action(english, "Export report &PDF…").trigger()
    box = english.exporter.message
    assert box is not None and box.isVisible()
    shown = [box.text()]
    assert "failed" in shown[0] and "Cannot write " in shown[0]
    assert str(target) in shown[0]
    assert not italian_in(shown[0], [str(target)])


def test_a_file_that_is_not_an_event_is_refused_in_english(
    qtbot: QtBot, english: MainWindow, tmp_path: Path
) -> None:
    menu_action(english, "English").trigger()
    junk = tmp_path / "notes.sqlite"
    junk.write_text("not an event\n", encoding="utf-8")
    # The box's title is the app's name, as everywhere (user_data counts it as data too).
    data = [str(junk), APP_DISPLAY_NAME]
    found = modal_texts(qtbot, lambda: english.open_file(junk), data)
    assert found == {}


def _refusal_box(qtbot: QtBot, window: MainWindow, path: Path) -> str:
    """The text of the message box that opening ``path`` shows (the box is then closed)."""
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.close()
        else:
            QTimer.singleShot(10, read_and_close)

    QTimer.singleShot(0, read_and_close)
    assert not window.open_file(path)
    qtbot.waitUntil(lambda: bool(seen))
    return seen[0]


def test_a_file_open_elsewhere_is_refused_in_english(
    qtbot: QtBot, english: MainWindow, fresh_path: Path
) -> None:
    menu_action(english, "English").trigger()
    with EventStore.open(fresh_path):  # another window has it
        shown = _refusal_box(qtbot, english, fresh_path)
    assert "already open" in shown and fresh_path.name in shown
    assert not italian_in(shown, [str(fresh_path), socket.gethostname()])


def test_a_file_with_a_trigger_is_refused_in_english(
    qtbot: QtBot, english: MainWindow, fresh_path: Path
) -> None:
    menu_action(english, "English").trigger()
    with raw_file(fresh_path) as conn:
        conn.execute(
            "create trigger swallow before insert on contributions begin select raise(ignore); end"
        )
    shown = _refusal_box(qtbot, english, fresh_path)
    assert "swallow" in shown and "not a valid event file" in shown
    assert not italian_in(shown, [str(fresh_path), "swallow", "contributions"])


def test_an_event_in_a_read_only_folder_is_refused_in_english(
    qtbot: QtBot, english: MainWindow, fresh_path: Path, tmp_path: Path
) -> None:
    menu_action(english, "English").trigger()
    source = tmp_path / "chiavetta"
    source.mkdir()
    shutil.move(fresh_path, source / "evento.sqlite")
    with read_only_view(source, tmp_path / "sola-lettura") as view:
        event = view / "evento.sqlite"
        shown = _refusal_box(qtbot, english, event)
    assert "read-only" in shown and "evento.sqlite" in shown
    assert not italian_in(shown, [str(event)])


@pytest.mark.parametrize(("language", "cancel"), [("it", "Annulla"), ("en", "Cancel")])
def test_qt_own_buttons_speak_the_chosen_language(
    english: MainWindow, language: str, cancel: str
) -> None:
    menu_action(english, i18n.LANGUAGES[language]).trigger()
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "?",
        "?",
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
        english,
    )
    button = box.button(QMessageBox.StandardButton.Cancel)
    assert button is not None and button.text().replace("&", "") == cancel
