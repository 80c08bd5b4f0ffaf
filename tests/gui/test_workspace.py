from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Contribution, Event, Session, Table
from facilitator_app.domain.timer import TimerState, remaining_seconds, state
from facilitator_app.resources import resource_path
from facilitator_app.storage.database import EventStore
from facilitator_app.ui import i18n
from facilitator_app.ui.main_window import MainWindow
from facilitator_app.ui.wizard import NewEventWizard

ROOT = Path(__file__).resolve().parents[2]


def _menu_titles(win: MainWindow) -> list[str]:
    return [action.text() for action in win.menuBar().actions()]


def test_menus_show_a_shortcut_for_every_action(fresh: MainWindow) -> None:
    without = []
    for top in fresh.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        if menu.title() in ("&Lingua", "File &recenti"):
            continue
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            if action.shortcut().isEmpty():
                without.append(f"{menu.title()} › {action.text()}")
    assert without == []
    assert len(fresh.board.actions_tag) >= 9  # type: ignore[union-attr]


def test_controls_have_accessible_names(fresh: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

    unnamed = []
    for kind in (QLineEdit, QPlainTextEdit, QComboBox, QSpinBox):
        for widget in fresh.findChildren(kind):
            if isinstance(widget.parent(), (QComboBox, QSpinBox)):
                continue  # the inner editor of a combo or spin box
            if not widget.accessibleName():
                unnamed.append(f"{type(widget).__name__} {widget.objectName()}")
    for button in fresh.findChildren(QAbstractButton):
        if not (button.accessibleName() or button.text()) and button.isVisible():
            unnamed.append(f"button {button.objectName()}")
    assert unnamed == []


def test_zoom_scales_text(fresh: MainWindow) -> None:
    central = fresh.centralWidget()
    assert isinstance(central, QWidget)
    before = central.font().pointSizeF()
    fresh.zoom(1)
    fresh.zoom(1)
    assert central.font().pointSizeF() > before
    assert fresh.board.delegate.zoom > 1  # type: ignore[union-attr]
    fresh.zoom(0)
    assert central.font().pointSizeF() == before


def test_english_translation_switches_and_back(fresh: MainWindow) -> None:
    assert "&Modifica" in _menu_titles(fresh)
    fresh.set_language("en")
    try:
        assert i18n.current_language() == "en"
        assert "&Edit" in _menu_titles(fresh)
        assert fresh.board is not None
        assert fresh.board.capture.placeholderText().startswith("Write a post-it")
    finally:
        fresh.set_language("it")
    assert "&Modifica" in _menu_titles(fresh)
    assert fresh.board is not None
    assert fresh.board.capture.placeholderText().startswith("Scrivi un post-it")


LUPDATE_FOLDERS = ("ui", "services", "domain", "cli", "storage")


def test_every_interface_string_has_an_english_text(tmp_path: Path) -> None:
    """The catalogue, refreshed from the sources as the README says, has no English gap."""
    catalogue = tmp_path / "facilitator_app_en.ts"
    shutil.copy(resource_path("translations/facilitator_app_en.ts"), catalogue)
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(
        str(path.relative_to(ROOT))
        for folder in LUPDATE_FOLDERS
        for path in (ROOT / "facilitator_app" / folder).rglob("*.py")
    )
    forms = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "forms").glob("*.ui"))
    subprocess.run(
        [str(lupdate), "-no-obsolete", *sources, *forms, "-ts", str(catalogue)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    tree = ET.parse(catalogue)
    untranslated = [
        message.findtext("source")
        for message in tree.iter("message")
        if not (message.findtext("translation") or "").strip()
        or (message.find("translation").get("type") == "unfinished")  # type: ignore[union-attr]
    ]
    assert untranslated == []
    assert resource_path("translations/facilitator_app_en.qm").stat().st_size > 1000


def test_italian_dates() -> None:
    assert i18n.italian_date("2023-11-10") == "venerdì 10 novembre 2023"


def test_wizard_form_creates_an_event_and_recent_files_remember_it(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    win = MainWindow(clock)
    qtbot.addWidget(win)
    wizard = NewEventWizard(win)
    qtbot.addWidget(wizard.dialog)
    wizard.template_combo.setCurrentIndex(wizard.template_combo.findData("zone-omogenee"))
    assert wizard.tables_list.count() == 11
    wizard.venue_combo.setCurrentIndex(wizard.venue_combo.findText("Comune di Ciriè"))
    assert wizard.tables_list.count() == 2
    wizard.tables_list.item(1).setCheckState(Qt.CheckState.Unchecked)  # type: ignore[union-attr]
    wizard.title_edit.setText("Prova zona 7")
    wizard.facilitator_edit.setText("Anna")
    target = tmp_path / "zona7.sqlite"
    wizard.file_edit.setText(str(target))
    path = wizard.create(clock)
    assert path == target
    with EventStore.open(target, read_only=True) as store:
        assert store.event().title == "Prova zona 7"
        tables = store.all(Table)
        assert [(t.name, t.facilitator) for t in tables] == [
            ("Zona 7 - Ciriacese - Valli di Lanzo", "Anna")
        ]
        assert len(store.all(Session)) == 2
    assert win.open_file(target)
    assert win.recent.load()[0] == target.resolve()
    assert win.recent_menu.actions()[0].text() == str(target.resolve())
    win.close()


KILLED_SESSION = textwrap.dedent(
    """
    import datetime as dt, os, sys
    from pathlib import Path
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication
    from facilitator_app.domain.clock import FixedClock
    from facilitator_app.ui.main_window import MainWindow

    app = QApplication([])
    clock = FixedClock(dt.datetime(2023, 11, 10, 9, 20, tzinfo=dt.UTC))
    win = MainWindow(clock)
    win.show()
    assert win.open_file(Path(sys.argv[1]))
    board, timer, counts = win.board, win.timer, win.counts
    timer.start()
    for i in range(50):
        board.capture.setText(f"Post-it {i} #P")
        board.add_from_capture()
    board.create_theme("Tema A")
    board.view.selectAll()
    board.assign_theme_number(1)
    board.view.setCurrentIndex(board.model.index(0))
    board.view.selectionModel().clearSelection()
    board.vote(1)
    board.synthesis.setPlainText("Sintesi per la plenaria")
    board.save_synthesis()
    counts.present.spin.setValue(9)
    clock.advance(600)
    timer.start_or_pause()
    clock.advance(60)
    timer.start_or_pause()
    os._exit(9)  # killed: no close, no checkpoint
    """
)


def test_kill_the_app_and_find_everything_on_reopen(
    qtbot: QtBot, fresh_path: Path, clock: FixedClock
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", KILLED_SESSION, str(fresh_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 9, done.stderr
    assert Path(str(fresh_path) + "-wal").exists(), "killed before any checkpoint"
    clock.advance(660 + 120)
    win = MainWindow(clock)
    qtbot.addWidget(win)
    win.show()
    assert win.open_file(fresh_path)
    assert win.board is not None and win.timer is not None and win.counts is not None
    assert win.board.model.rowCount() == 50
    posts = win.board.model.posts()
    assert len({p.theme_id for p in posts}) == 1 and posts[0].theme_id is not None
    assert sum(p.votes for p in posts) == 1
    assert win.board.synthesis.toPlainText() == "Sintesi per la plenaria"
    assert win.counts.present.value() == 9
    view = win.timer.countdown.current
    assert view is not None and view.state is TimerState.RUNNING
    # 10 min run, 1 min paused, then 2 more minutes since the kill: 12 min elapsed
    assert abs(view.remaining - (3600 - 12 * 60)) <= 1
    win.close()
    with EventStore.open(fresh_path, read_only=True) as store:
        assert store.count(Contribution) == 50
        (session,) = [s for s in store.all(Session) if s.actual_start is not None]
        assert state(session) is TimerState.RUNNING
        assert store.all(Event)[0].id
        assert abs(remaining_seconds(session, clock.now()) - 2880) <= 1


def test_qt_calls_do_not_drain_none_true_false() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None per void call (pinned out)."""
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(50_000):
        painter.setBrush(QColor("#ffffff"))  # returns nothing
        painter.isActive()  # returns a bool
    painter.end()
    after = sys.getrefcount(None), sys.getrefcount(True)
    # A leak-free binding leaves the counts where they were (give or take a few objects).
    assert abs(after[0] - before[0]) < 1000 and abs(after[1] - before[1]) < 1000
