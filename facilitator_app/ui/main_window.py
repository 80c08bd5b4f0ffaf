"""The main window: the facilitator's workspace on one event file.

A navigator (venue → table → session) on the left; tabs for the post-it board, the
timer, the card deck and the counts; an always-visible "saved" indicator. The event file
is opened read-write and every change is committed the moment it is shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QMoveEvent, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator_app import APP_DISPLAY_NAME
from facilitator_app.domain.clock import Clock
from facilitator_app.domain.errors import FacilitatorError
from facilitator_app.services.common import paths
from facilitator_app.services.common.clock import SystemClock
from facilitator_app.services.common.workspace import Places, Preferences, RecentFiles
from facilitator_app.ui import i18n
from facilitator_app.ui.common.scrolling import scrolling
from facilitator_app.ui.room.commands import RoomCommands
from facilitator_app.ui.welcome import build_welcome
from facilitator_app.ui.window_menus import (
    build_menus,
    fill_panel_menus,
    fill_recent,
    show_undo_steps,
)
from facilitator_app.ui.window_place import NoticeBar, PlaceKeeper

if TYPE_CHECKING:  # the workspace modules load with the first event: the window shows sooner
    from facilitator_app.services.common.workspace import Place
    from facilitator_app.storage.database import EventStore
    from facilitator_app.ui.board.board import BoardPanel
    from facilitator_app.ui.cards.deck import CardDeckPanel
    from facilitator_app.ui.context import Workspace
    from facilitator_app.ui.coordinator.view import CoordinatorView
    from facilitator_app.ui.counts.panel import CountsPanel
    from facilitator_app.ui.exports.exporter import Exporter, ExportResult
    from facilitator_app.ui.navigator import Navigator
    from facilitator_app.ui.timer.panel import TimerPanel

ZOOM_STEPS = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
DEFAULT_SIZE = QSize(1280, 800)
# The dock's width before an event is open (then the navigator's own minimum).
NAVIGATOR_MIN_WIDTH = 150


class MainWindow(RoomCommands, QMainWindow):
    """The workspace window.

    Args:
        clock: where every time stamp and the timers take the time (tests pass a fake).
    """

    def __init__(self, clock: Clock | None = None) -> None:
        super().__init__()
        self.clock: Clock = clock or SystemClock()
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.resize(DEFAULT_SIZE)
        self.path: Path | None = None
        self.store: EventStore | None = None
        self.workspace: Workspace | None = None
        self.board: BoardPanel | None = None
        self.timer: TimerPanel | None = None
        self.deck: CardDeckPanel | None = None
        self.counts: CountsPanel | None = None
        self.navigator: Navigator | None = None
        self.tabs: QTabWidget | None = None
        self._exporter: Exporter | None = None
        self.coordinator: CoordinatorView | None = None
        self.recent = RecentFiles(paths.data_dir() / "recent.json")
        self.preferences = Preferences(paths.data_dir() / "preferences.json")
        self.place_keeper = PlaceKeeper(self, Places(paths.data_dir() / "places.json"))
        self.notice: NoticeBar | None = None
        self._zoom_index = ZOOM_STEPS.index(1.0)
        self._base_point_size = self.font().pointSizeF()
        self._saved_ok: bool | None = None
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("savedIndicator")
        self.saved_label.setAccessibleName(self.tr("Stato del salvataggio"))
        self.saved_label.setMinimumWidth(
            self.saved_label.fontMetrics().horizontalAdvance("✔ Tutto salvato · 00:00:00__")
        )
        self.statusBar().addPermanentWidget(self.saved_label)
        self.dock = QDockWidget(self.tr("Navigatore"), self)
        self.dock.setObjectName("navigatorDock")
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.dock.setMinimumWidth(NAVIGATOR_MIN_WIDTH)  # the navigator's own, once it is built
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self._build_menus()
        self._show_welcome()

    # -- chrome ----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.menus = build_menus(self, self)
        # The window's own names for the menus it changes later (tests use them too).
        self.recent_menu = self.menus.recent
        self.undo_action = self.menus.undo
        self.redo_action = self.menus.redo
        self.board_menu = self.menus.board
        self.timer_menu = self.menus.timer
        self.cards_menu = self.menus.cards
        self._tab_actions = self.menus.tabs
        self._fill_recent()
        self._fill_panel_menus()

    def _fill_panel_menus(self) -> None:
        fill_panel_menus(
            self.menus,
            (self.board.actions_capture, self.board.actions_tag) if self.board else None,
            self.timer.actions_timer if self.timer is not None else None,
            self.deck.actions_cards if self.deck is not None else None,
            enabled=self.workspace is not None,
        )
        self.add_room_button(self.menus.room)

    def _fill_recent(self) -> None:
        fill_recent(self, self.recent_menu, self.recent.load(), self.open_file)

    def _show_welcome(self) -> None:
        """The first screen: the demo, a new event from a template, a file, recent files."""
        welcome, self.welcome_buttons = build_welcome(
            self,
            self.recent.load(),
            open_demo=self.open_demo,
            new_event=self.new_event,
            choose_file=self.choose_file,
            open_file=self.open_file,
        )
        self.setCentralWidget(welcome)
        self.saved_label.setText("")
        if self.welcome_buttons:
            self.welcome_buttons[0].setFocus()

    # -- opening ---------------------------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for an event file and open it."""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Apri evento"), str(paths.data_dir()), self.tr("Eventi (*.sqlite)")
        )
        if name:
            self.open_file(Path(name))

    def open_demo(self) -> None:
        """Open the demo event, writing it first if this computer has none yet."""
        from facilitator_app.services.setup import demo  # loaded on demand: faster start-up

        path = paths.default_demo_path()
        if not path.exists():
            try:
                demo.write_demo(path, self.clock)
            except FacilitatorError as error:
                QMessageBox.critical(self, APP_DISPLAY_NAME, i18n.error_text(error))
                return
        self.open_file(path)

    def new_event(self) -> Path | None:
        """Run the new-event wizard and open the event it creates."""
        from facilitator_app.ui.wizard import NewEventWizard  # on demand: faster start-up

        try:
            wizard = NewEventWizard(self)
        except (OSError, LookupError) as error:
            QMessageBox.critical(self, APP_DISPLAY_NAME, i18n.error_text(error))
            return None
        try:
            while wizard.dialog.exec() == QDialog.DialogCode.Accepted:
                try:
                    path = wizard.create(self.clock)
                except (ValueError, FacilitatorError) as error:
                    QMessageBox.warning(wizard.dialog, APP_DISPLAY_NAME, i18n.error_text(error))
                    continue
                self.open_file(path)
                return path
            return None
        finally:
            # One form per Ctrl+N: without this every wizard stayed a child of the window.
            if shiboken6.isValid(wizard.dialog):  # unless something already deleted it
                wizard.dialog.deleteLater()

    def open_file(self, path: Path) -> bool:
        """Open an event file read-write as the workspace; False (and a message) on failure."""
        from facilitator_app.storage.database import EventStore
        from facilitator_app.ui.context import Workspace

        try:
            store = EventStore.open(path)
            workspace = Workspace(store, self.clock, self)
        except FacilitatorError as error:
            if "store" in locals():
                store.close()
            QMessageBox.warning(self, APP_DISPLAY_NAME, i18n.error_text(error))
            return False
        place = self.place_keeper.remembered(path)
        self.close_event_file()
        self.store = store
        self.path = path
        self.workspace = workspace
        try:
            self._build_workspace()
        except FacilitatorError as error:  # damage found while the panels read the file
            self.close_event_file()
            self._show_welcome()
            QMessageBox.warning(self, APP_DISPLAY_NAME, i18n.error_text(error))
            return False
        self._fill_recent_after(path)
        self._return_to(path, place)
        # The keyboard starts in the tab (typing at once writes a post-it), once the new
        # workspace is shown: set before, the focus went to the navigator on a real X screen.
        QTimer.singleShot(0, self.focus_tab)
        return True

    def _return_to(self, path: Path, place: Place | None) -> None:
        """Go back where the person was in this file; after a crash, say nothing was lost."""
        ws, tabs = self.workspace, self.tabs
        if ws is None or tabs is None:
            return
        if place is not None:
            self.place_keeper.restore_window(place)
            if any(table.id == place.table_id for table in ws.tables) and place.session in (1, 2):
                ws.select(place.table_id, place.session)
            if 0 <= place.tab < tabs.count():
                tabs.setCurrentIndex(place.tab)
        self.place_keeper.start(path, self._whereabouts)
        ws.selection_changed.connect(self.place_keeper.save)  # once per file (not per rebuild)
        if place is not None and place.running and self.notice is not None:
            posts = sum(ws.store.live_contribution_counts().values())
            self.notice.show_text(
                self.tr("Riaperto dove eri: nulla è andato perso ({n} post-it salvati)").format(
                    n=posts
                )
            )

    def _whereabouts(self) -> tuple[str, int, int]:
        ws = self.workspace
        if ws is None:
            return "", 1, 0
        return ws.table_id or "", ws.session, self.tabs.currentIndex() if self.tabs else 0

    def _fill_recent_after(self, path: Path) -> None:
        self.recent.add(path)
        self._fill_recent()

    def _build_workspace(self) -> None:
        from facilitator_app.ui.board.board import BoardPanel
        from facilitator_app.ui.cards.deck import CardDeckPanel
        from facilitator_app.ui.counts.panel import CountsPanel
        from facilitator_app.ui.navigator import Navigator
        from facilitator_app.ui.timer.panel import TimerPanel

        ws = self.workspace
        if ws is None:
            return
        event = ws.event_record
        if self.path is not None:
            self.setWindowFilePath(str(self.path))
            self.setWindowTitle(f"{self.path.name} — {event.title} — {APP_DISPLAY_NAME}")
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.notice = NoticeBar(central)
        layout.addWidget(self.notice)
        self.heading = QLabel(central)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)  # a long title takes two lines on a projector
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.heading.setFont(font)
        self.heading.setText(
            f"{event.title} · {i18n.local_date(event.date)} · {i18n.vocab(event.format.label)}"
        )
        layout.addWidget(self.heading)
        self.tabs = QTabWidget(central)
        self.tabs.setAccessibleName(self.tr("Spazio di lavoro"))
        self.board = BoardPanel(ws, self.tabs)
        self.timer = TimerPanel(ws, self.tabs)
        self.deck = CardDeckPanel(ws, self.tabs)
        self.counts = CountsPanel(ws, self.tabs)
        self.tabs.addTab(scrolling(self.board), self.tr("&Post-it"))
        self.tabs.addTab(scrolling(self.timer), self.tr("&Cronometro"))
        self.tabs.addTab(scrolling(self.deck), self.tr("&Schede"))
        self.tabs.addTab(scrolling(self.counts), self.tr("P&resenze"))
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        # A new card set changes every panel's cards: open the event again on them.
        self.deck.card_set_changed.connect(self._reopen, Qt.ConnectionType.QueuedConnection)
        self.navigator = Navigator(ws, self.dock)
        self.dock.setWidget(self.navigator)
        self._fit_dock()
        # Saved as the person moves: a crash or kill -9 never reaches closeEvent.
        self.tabs.currentChanged.connect(self.place_keeper.save)
        ws.saved.connect(self._saved)
        ws.failed.connect(self._failed)
        show_undo_steps(self, self.menus, ws.undo_stack)
        self._fill_panel_menus()
        self._apply_zoom()
        if self.width() < DEFAULT_SIZE.width():  # once the new panels are laid out
            QTimer.singleShot(0, self._narrow_dock)
        self._saved("")
        self.statusBar().showMessage(str(self.path), 5000)
        self.board.focus_capture()

    def _reopen(self) -> None:
        """Open the event again (its cards changed), at the same table and session."""
        if self.path is None or self.workspace is None:
            return
        path, where = self.path, (self.workspace.table_id, self.workspace.session)
        self.close_event_file()
        if not self.open_file(path):
            self._show_welcome()
        elif self.workspace is not None and where[0] is not None:
            self.workspace.select(where[0], where[1])

    def close_event_file(self) -> None:
        """Save what is pending and close the open event file, if any."""
        self.place_keeper.stop()  # a clean close: the next opening is no recovery
        self.close_room()  # the phones' server first: it shares this file's lock
        if self.board is not None:
            self.board.save_synthesis()
        if self.timer is not None:
            self.timer.close_full_screen()
        if self.workspace is not None:
            self.workspace.undo_stack.clear()
            self.workspace.deleteLater()
        if self.store is not None:
            self.store.close()
        self.store = None
        self.workspace = None
        self.board = None
        self.timer = None
        self.deck = None
        self.counts = None
        self.setWindowFilePath("")
        self.setWindowTitle(APP_DISPLAY_NAME)

    # -- exports and merge (ui/exports, ui/coordinator) ------------------------------------

    @property
    def exporter(self) -> Exporter:
        """Runs the exports of this window (built on first use: faster start-up)."""
        if self._exporter is None:
            from facilitator_app.ui.exports.exporter import Exporter

            self._exporter = Exporter(self, self.clock)
        return self._exporter

    def export_document(self, kind: str) -> ExportResult | None:
        """Ask where, then export the open event ("xlsx", "restituzione", "kit-cartaceo")."""
        from facilitator_app.ui.exports.dialog import ExportKind

        if self.store is None or self.path is None:
            self.statusBar().showMessage(self.tr("Nessun evento aperto"), 5000)
            return None
        table = self.workspace.table if self.workspace is not None else None
        return self.exporter.export(ExportKind(kind), self.store, self.path, table)

    def export_file(
        self, kind: str, path: Path, *, current_table_only: bool = False, anonymise: bool = False
    ) -> ExportResult | None:
        """Export the open event to ``path`` without asking (what the dialog leads to)."""
        from facilitator_app.ui.exports.dialog import ExportKind, ExportRequest

        if self.store is None:
            return None
        table = self.workspace.table if self.workspace is not None else None
        keys = (table.key,) if current_table_only and table is not None else ()
        request = ExportRequest(path, keys, anonymise)
        return self.exporter.export_to(ExportKind(kind), self.store, request)

    def open_coordinator(self) -> CoordinatorView:
        """Show the coordinator view (merge the tables' files, then export)."""
        from facilitator_app.ui.coordinator.view import CoordinatorView

        if self.coordinator is None:
            self.coordinator = CoordinatorView(self, self)
        self.coordinator.show()
        self.coordinator.raise_()
        self.coordinator.activateWindow()
        return self.coordinator

    def edit_report_texts(self) -> None:
        """Edit the premessa, cross-cutting themes and conclusions of the open event."""
        from facilitator_app.ui.report_texts import ReportTextsDialog

        if self.store is None or self.store.read_only:
            self.statusBar().showMessage(self.tr("Aprire un file evento modificabile"), 6000)
            return
        dialog = ReportTextsDialog(self.store, self.clock, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self._saved(self.tr("Testi della restituzione"))
            if self.workspace is not None:
                self.workspace.reload_event()

    # -- indicator and errors --------------------------------------------------------------

    def _saved(self, what: str) -> None:
        now = self.clock.now().astimezone().strftime("%H:%M:%S")
        text = self.tr("✔ Tutto salvato · {time}").format(time=now)
        if self.saved_label.text() != text:
            self.saved_label.setText(text)
        if self._saved_ok is not True:  # restyling is slow: only when the state flips
            self.saved_label.setStyleSheet("QLabel { color: #1b5e20; }")
            self._saved_ok = True
        if what:
            self.statusBar().showMessage(what, 3000)

    def _failed(self, why: str) -> None:
        self.saved_label.setText(self.tr("⚠ Non salvato"))
        if self._saved_ok is not False:
            self.saved_label.setStyleSheet("QLabel { color: #b71c1c; font-weight: bold; }")
            self._saved_ok = False
        self.statusBar().showMessage(why, 8000)

    # -- commands --------------------------------------------------------------------------

    def undo(self) -> None:
        """Undo the last edit (Ctrl+Z)."""
        if self.workspace is not None:
            self.workspace.undo_stack.undo()

    def redo(self) -> None:
        """Redo the last undone edit."""
        if self.workspace is not None:
            self.workspace.undo_stack.redo()

    def show_tab(self, index: int) -> None:
        """Switch to one of the workspace tabs."""
        if self.tabs is not None:
            self.tabs.setCurrentIndex(index)
            self.focus_tab()

    def focus_tab(self) -> None:
        """Put the keyboard in the current tab's first control (keys after Ctrl+3 go there)."""
        panels = (self.board, self.timer, self.deck, self.counts)
        index = self.tabs.currentIndex() if self.tabs is not None else -1
        if 0 <= index < len(panels) and panels[index] is not None:
            panels[index].focus_first()  # type: ignore[union-attr]

    def focus_navigator(self) -> None:
        """Move the keyboard into the navigator."""
        if self.navigator is not None:
            self.navigator.setFocus()

    def step(self, delta: int) -> None:
        """Go to the next or previous table session."""
        if self.navigator is not None:
            self.navigator.step(delta)

    def present(self) -> None:
        """Present the open event in plenary (F5): slides on the projector, notes here."""
        from facilitator_app.ui.presentation import present_event  # on demand: faster start-up

        present_event(self, self.store, self.clock)

    def zoom(self, direction: int) -> None:
        """Bigger (1), smaller (-1) or normal (0) text."""
        if direction == 0:
            self._zoom_index = ZOOM_STEPS.index(1.0)
        else:
            self._zoom_index = max(0, min(len(ZOOM_STEPS) - 1, self._zoom_index + direction))
        self._apply_zoom()

    @property
    def zoom_factor(self) -> float:
        """The current text scale."""
        return ZOOM_STEPS[self._zoom_index]

    def _apply_zoom(self) -> None:
        central = self.centralWidget()
        if central is None:
            return
        font = central.font()
        font.setPointSizeF(self._base_point_size * self.zoom_factor)
        central.setFont(font)
        if self.navigator is not None:
            self.navigator.setFont(font)
            self._fit_dock()
        if self.board is not None:
            self.board.set_zoom(self.zoom_factor)

    def _fit_dock(self) -> None:
        """As narrow as the navigator allows (its labels' starts), at the current zoom."""
        if self.navigator is not None:
            self.dock.setMinimumWidth(self.navigator.narrowest_width())

    def _narrow_dock(self) -> None:
        if self.navigator is not None and self.dock.width() > self.dock.minimumWidth():
            self.resizeDocks([self.dock], [self.dock.minimumWidth()], Qt.Orientation.Horizontal)

    def set_language(self, language: str) -> None:
        """Switch between Italian and English and rebuild the interface."""
        if not i18n.set_language(language):
            self.statusBar().showMessage(self.tr("Traduzione non disponibile"), 5000)
            return
        self.preferences.set("language", language)
        if self.board is not None:
            self.board.save_synthesis()
        if self.timer is not None:
            self.timer.close_full_screen()
        if self.workspace is not None:
            self.workspace.undo_stack.clear()  # commands refer to the old widgets
            for signal in (self.workspace.saved, self.workspace.failed):
                signal.disconnect()
        old_central = self.centralWidget()
        old_navigator = self.navigator
        self.saved_label.setAccessibleName(self.tr("Stato del salvataggio"))
        self.dock.setWindowTitle(self.tr("Navigatore"))
        features = self.dock.features()  # setting them again rewrites Qt's own button texts
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.dock.setFeatures(features)
        self.board = None
        self.timer = None
        self.deck = None
        self.counts = None
        self._build_menus()
        if self.workspace is not None:
            self._build_workspace()
        else:
            self._show_welcome()
        if self.coordinator is not None:  # a separate window: rebuilt with its state
            from facilitator_app.ui.coordinator.renew import renew_coordinator

            self.coordinator = renew_coordinator(self.coordinator, self)
        for widget in (old_central, old_navigator):
            if widget is not None and widget is not self.centralWidget():
                widget.deleteLater()

    def show_fitted(self) -> None:
        """Show the window, maximised when the screen is smaller than it (laptop, projector)."""
        screen = self.screen().availableGeometry().size()
        if self.width() > screen.width() or self.height() > screen.height():
            self.showMaximized()
        else:
            self.show()

    def moveEvent(self, event: QMoveEvent) -> None:
        """Remember where the window is (saved shortly after the move ends)."""
        super().moveEvent(event)
        self.place_keeper.window_changed()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Remember the window's size (saved shortly after the resize ends).

        In a window narrower than the default (a laptop, a projector) the navigator gives
        its room to the panels: it becomes as narrow as its labels' starts allow.
        """
        super().resizeEvent(event)
        narrow = event.size().width() < DEFAULT_SIZE.width()
        if narrow and event.oldSize().width() != event.size().width():
            QTimer.singleShot(0, self._narrow_dock)  # once the window's layout has followed
        self.place_keeper.window_changed()

    def changeEvent(self, event: QEvent) -> None:
        """Remember a maximised or restored window."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            self.place_keeper.window_changed()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save pending edits and close the event file."""
        self.close_event_file()
        super().closeEvent(event)
