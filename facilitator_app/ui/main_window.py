"""The main window: opens an event file and shows its venues, tables and sessions."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator_app import APP_DISPLAY_NAME, __version__
from facilitator_app.domain.errors import FacilitatorError
from facilitator_app.services import demo, paths
from facilitator_app.services.clock import SystemClock
from facilitator_app.services.summary import EventSummary, summarize
from facilitator_app.storage.database import EventStore


class MainWindow(QMainWindow):
    """Lists the venues, tables and sessions of the open event with their counts."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.resize(1000, 680)
        self.summary: EventSummary | None = None
        self.path: Path | None = None

        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.heading = QLabel(self.tr("Nessun evento aperto"), central)
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.details = QLabel("", central)
        self.details.setWordWrap(True)
        self.tree = QTreeWidget(central)
        self.tree.setAccessibleName(self.tr("Sedi, tavoli e sessioni"))
        self.tree.setHeaderLabels(
            [
                self.tr("Sede / tavolo / sessione"),
                self.tr("Presenti"),
                self.tr("Contributi"),
                self.tr("Temi"),
            ]
        )
        self.tree.setColumnWidth(0, 560)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addWidget(self.tree)
        self.setCentralWidget(central)

        menu = self.menuBar().addMenu(self.tr("&File"))
        open_action = QAction(self.tr("&Apri evento…"), self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.choose_file)
        demo_action = QAction(self.tr("Apri l'evento &dimostrativo"), self)
        demo_action.setShortcut(QKeySequence("Ctrl+D"))
        demo_action.triggered.connect(self.open_demo)
        quit_action = QAction(self.tr("&Esci"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (open_action, demo_action, quit_action):
            menu.addAction(action)
        self.statusBar().showMessage(self.tr("Pronto"))

    def choose_file(self) -> None:
        """Ask the user for an event file and open it."""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Apri evento"), str(paths.data_dir()), self.tr("Eventi (*.sqlite)")
        )
        if name:
            self.open_file(Path(name))

    def open_demo(self) -> None:
        """Open the demo event, writing it first if this computer has none yet."""
        path = paths.default_demo_path()
        if not path.exists():
            try:
                demo.write_demo(path, SystemClock())
            except FacilitatorError as error:
                QMessageBox.critical(self, APP_DISPLAY_NAME, str(error))
                return
        self.open_file(path)

    def open_file(self, path: Path) -> bool:
        """Load an event file's summary into the window; False (and a message) on failure."""
        try:
            with EventStore.open(path, read_only=True) as store:
                summary = summarize(store)
        except FacilitatorError as error:
            QMessageBox.warning(self, APP_DISPLAY_NAME, str(error))
            return False
        self.show_summary(path, summary)
        return True

    def show_summary(self, path: Path, summary: EventSummary) -> None:
        """Fill the window from an event summary."""
        self.path = path
        self.summary = summary
        event = summary.event
        self.setWindowTitle(f"{event.title} — {APP_DISPLAY_NAME}")
        self.heading.setText(event.title)
        presence = "—" if event.in_presence is None else str(event.in_presence)
        online = "—" if event.online_listeners is None else str(event.online_listeners)
        self.details.setText(
            self.tr(
                "{date} · {fmt} · {presence} in presenza, {online} online · {n} contributi"
            ).format(
                date=event.date,
                fmt=event.format.label,
                presence=presence,
                online=online,
                n=summary.total_contributions,
            )
        )
        self.tree.clear()
        for venue in summary.venues:
            venue_item = QTreeWidgetItem(self.tree, [venue.name])
            for table in (t for t in summary.tables if t.table.venue_id == venue.id):
                present = "—" if table.present is None else str(table.present)
                table_item = QTreeWidgetItem(
                    venue_item,
                    [
                        table.table.name,
                        present,
                        str(sum(table.contributions.values())),
                        str(sum(table.themes.values())),
                    ],
                )
                if table.shared_count_note:
                    table_item.setToolTip(1, table.shared_count_note)
                for number in (1, 2):
                    QTreeWidgetItem(
                        table_item,
                        [
                            self.tr("Sessione {n}: {q}").format(
                                n=number, q=table.questions.get(number, "")
                            ),
                            "",
                            str(table.contributions[number]),
                            str(table.themes[number]),
                        ],
                    )
            venue_item.setExpanded(True)
        self.statusBar().showMessage(str(path))


def run_gui(path: Path | None = None) -> int:
    """Start the Qt application, optionally opening an event file."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    window = MainWindow()
    window.show()
    if path is not None:
        window.open_file(path)
    else:
        window.open_demo()
    return app.exec()
