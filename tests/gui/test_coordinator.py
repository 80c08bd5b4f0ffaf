from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Contribution, Table
from facilitator_app.services.capture.board import CaptureService
from facilitator_app.services.exchange.reader import read_workbook
from facilitator_app.storage.database import EventStore
from facilitator_app.ui.coordinator.view import CoordinatorView
from facilitator_app.ui.exports.dialog import ExportKind, ExportRequest
from facilitator_app.ui.main_window import MainWindow
from tests.helpers.screens import screenshot
from tests.helpers.zones import day_clock
from tests.helpers.zones import venue_files as zone_venue_files

VENUES = ("Comune di Pinerolo", "Comune di Condove")


_clock = day_clock


@pytest.fixture
def clock() -> FixedClock:
    """The window's clock on the day the venue files were written: a merge refuses
    records stamped more than two days after its own time."""
    return day_clock(50)


@pytest.fixture
def venue_files(tmp_path: Path) -> list[Path]:
    """Two venue files cut from a zone-omogenee master, with post-its, and one junk file."""
    files = zone_venue_files(tmp_path / "tavoli", VENUES)
    for index, path in enumerate(files, start=1):
        with EventStore.open(path) as store:
            capture = CaptureService(store, _clock(10 + index))
            for table in store.all(Table):
                for n in range(3):
                    capture.capture(table.id, 1, f"Sede {index}, post-it {n} sul trasporto")
    junk = tmp_path / "tavoli" / "appunti.txt"
    junk.write_text("solo appunti, non un file dei tavoli\n", encoding="utf-8")
    return [*files, junk]


def _view(window: MainWindow, target: Path) -> CoordinatorView:
    view = window.open_coordinator()
    view.ask_target = lambda: target
    view.target_button.click()
    assert view.target == target and view.target_edit.text() == str(target)
    return view


def _drop(view: CoordinatorView, files: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    viewport = view.drop_list.viewport()
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()


def _rows(view: CoordinatorView) -> list[list[str]]:
    table = view.table
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]  # type: ignore[union-attr]
        for row in range(table.rowCount())
    ]


def test_dropped_files_are_merged_with_their_status_then_already_imported(
    qtbot: QtBot, window: MainWindow, venue_files: list[Path], tmp_path: Path, artifacts: Path
) -> None:
    merged = tmp_path / "unito.sqlite"
    view = _view(window, merged)
    assert not view.merge_button.isEnabled() and not view.workbook_button.isEnabled()
    _drop(view, venue_files)
    _drop(view, venue_files[:1])  # the same file twice is listed once
    assert view.sources() == venue_files
    assert view.merge_button.isEnabled()
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)

    rows = _rows(view)
    assert [row[:2] for row in rows] == [
        ["sede-1.sqlite", "importato"],
        ["sede-2.sqlite", "importato"],
        ["appunti.txt", "rifiutato"],
    ]
    assert all(int(row[2]) > 3 for row in rows[:2])  # tables, sessions... and the post-its
    assert "non è né un file evento" in rows[2][5]
    junk_tip = view.table.item(2, 5).toolTip()  # type: ignore[union-attr]
    assert junk_tip.startswith("Rifiutato: ") and "appunti.txt" in junk_tip
    assert "Uniti 2 file su 3" in view.summary.text() and "1 rifiutati" in view.summary.text()
    with EventStore.open(merged, read_only=True) as store:
        posts = store.all(Contribution)
        tables = store.all(Table)
    assert len(posts) == 3 * len(tables) and len(tables) >= 2
    assert view.message is None  # no error message
    assert view.workbook_button.isEnabled() and view.open_button.isEnabled()
    view.resize(980, 520)
    screenshot(view, "coordinator", artifacts)

    view.merge()
    assert [row[:2] for row in _rows(view)] == [
        ["sede-1.sqlite", "già importato"],
        ["sede-2.sqlite", "già importato"],
        ["appunti.txt", "rifiutato"],
    ]
    with EventStore.open(merged, read_only=True) as store:
        assert store.count(Contribution) == len(posts)


def test_added_file_edited_later_shows_updated(
    window: MainWindow, venue_files: list[Path], tmp_path: Path
) -> None:
    merged = tmp_path / "unito.sqlite"
    view = _view(window, merged)
    view.ask_sources = lambda: venue_files[:1]
    view.add_button.click()
    assert view.sources() == venue_files[:1]
    assert [r.status for r in view.merge()] == ["importato"]
    with EventStore.open(venue_files[0]) as store:
        post = store.all(Contribution)[0]
        CaptureService(store, _clock(30)).update(post.id, text="Testo corretto dopo la plenaria")
    assert [row[1] for row in _rows(view)] == ["importato"]
    view.merge()
    row = _rows(view)[0]
    assert row[1] == "aggiornato" and row[3] == "1"
    view.drop_list.selectAll()
    view.remove_button.click()
    assert view.sources() == [] and not view.merge_button.isEnabled()


def test_merging_into_the_file_open_in_the_window_works_and_the_window_shows_it_again(
    window: MainWindow, venue_files: list[Path], tmp_path: Path
) -> None:
    merged = tmp_path / "unito.sqlite"
    view = _view(window, merged)
    view.add_files(venue_files[:1])
    view.merge()
    assert view.open_in_window()
    assert window.path == merged
    assert window.store is not None
    before = window.store.count(Contribution)
    view.add_files(venue_files[1:2])
    results = view.merge()
    # The window let go of the file for the merge (one writer per file) and opened it again.
    assert [r.status for r in results] == ["già importato", "importato"]
    assert view.message is None
    assert window.path == merged and window.store is not None
    assert window.store.count(Contribution) > before


def test_merged_event_is_exported_with_the_window_exporter(
    window: MainWindow, venue_files: list[Path], tmp_path: Path
) -> None:
    merged = tmp_path / "unito.sqlite"
    view = _view(window, merged)
    view.add_files(venue_files)
    view.merge()
    asked: list[tuple[ExportKind, Path]] = []

    def ask(kind: ExportKind, event_path: Path, table: Table | None) -> ExportRequest:
        assert table is None
        asked.append((kind, event_path))
        return ExportRequest(tmp_path / f"unito{kind.suffix}")

    window.exporter.ask = ask
    view.workbook_button.click()
    view.report_button.click()
    assert asked == [(ExportKind.WORKBOOK, merged), (ExportKind.REPORT, merged)]
    data = read_workbook(tmp_path / "unito.xlsx")
    assert len(data.records.contributions) == 3 * len(data.records.tables)
    assert (tmp_path / "unito.pdf").read_bytes().startswith(b"%PDF")


def test_a_conflict_is_listed_with_both_versions_and_settled_by_a_click(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from tests.helpers.laptops import edit_post_it, laptop_copies, master_with_post_its, post_its

    base = master_with_post_its(tmp_path / "giro")
    first, second = laptop_copies(base, tmp_path / "portatili", 2)
    edit_post_it(first, 0, 20, text="Versione del primo portatile")
    edit_post_it(second, 0, 30, text="Versione del secondo portatile")
    merged = tmp_path / "unito.sqlite"
    view = _view(window, merged)
    _drop(view, [first, second])
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    assert [row[4] for row in _rows(view)] == ["0", "1"]
    panel = view.conflicts
    assert panel.title.text() == "C&onflitti da decidere: 1"
    table = panel.table
    seen = [table.item(0, column).text() for column in range(table.columnCount())]  # type: ignore[union-attr]
    assert seen == [
        "Post-it «Versione del secondo portatile»",
        "testo",
        "Versione del secondo portatile",
        "Versione del primo portatile",
        "A",
    ]
    assert not panel.keep_b.isEnabled()
    # The coordinator opened the merged file in the main window to look at it: settling a
    # conflict still works (the window lets go of the file, then shows it again).
    assert window.open_file(merged)
    rect = table.visualItemRect(table.item(0, 1))  # type: ignore[arg-type]
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.keep_b.isEnabled()
    qtbot.mouseClick(panel.keep_b, Qt.MouseButton.LeftButton)
    assert table.rowCount() == 0 and panel.title.text() == "C&onflitti da decidere: nessuno"
    assert view.message is None
    assert window.path == merged and window.workspace is not None
    assert post_its(merged)[0].text == "Versione del primo portatile"
    # Merging the same laptops again keeps the choice.
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    assert [row[1] for row in _rows(view)] == ["già importato", "già importato"]
    assert post_its(merged)[0].text == "Versione del primo portatile"
