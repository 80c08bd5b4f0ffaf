"""The main window's menu bar: File, Modifica, Post-it, Cronometro, Schede, Visualizza, Lingua.

The menus call the window through :class:`MenuHost`, so this module does not import the
window. Texts are translated with the window's own ``tr`` (the translations are filed
under ``MainWindow``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from facilitator_app.ui import i18n
from facilitator_app.ui.common.actions import Shortcut, make_action
from facilitator_app.ui.common.undo import REDO_KEYS, UNDO_KEYS


class MenuHost(Protocol):
    """The commands of the main window that the menus call."""

    def new_event(self) -> object:
        """Run the new-event wizard."""

    def choose_file(self) -> object:
        """Ask for an event file and open it."""

    def open_demo(self) -> object:
        """Open the demo event."""

    def open_file(self, path: Path) -> object:
        """Open an event file."""

    def export_document(self, kind: str) -> object:
        """Export the open event."""

    def open_coordinator(self) -> object:
        """Show the coordinator view."""

    def edit_report_texts(self) -> object:
        """Edit the texts of the report."""

    def open_to_phones(self) -> object:
        """Open the current table and session to the participants' phones."""

    def send_to_coordinator(self) -> object:
        """Send the event file to the coordinator's laptop (the venue hub)."""

    def undo(self) -> object:
        """Undo the last edit."""

    def redo(self) -> object:
        """Redo the last undone edit."""

    def show_tab(self, index: int) -> object:
        """Switch to a workspace tab."""

    def focus_navigator(self) -> object:
        """Move the keyboard into the navigator."""

    def step(self, delta: int) -> object:
        """Go to the next or previous table session."""

    def zoom(self, direction: int) -> object:
        """Bigger, smaller or normal text."""

    def present(self) -> object:
        """Present the open event in plenary."""

    def set_language(self, language: str) -> object:
        """Switch the interface language."""


@dataclass
class WindowMenus:
    """The menus and actions the window changes after building them.

    Attributes:
        recent: File › File recenti, refilled when the list changes.
        undo: Modifica › Annulla, enabled with the undo stack.
        redo: Modifica › Ripeti, enabled with the undo stack.
        board: the Post-it menu, filled with the board's actions.
        timer: the Cronometro menu, filled with the timer's actions.
        cards: the Schede menu, filled with the deck's actions.
        tabs: Visualizza › one action per workspace tab.
        room: "Apri ai telefoni" (in the Post-it menu and the board tab).
    """

    recent: QMenu
    undo: QAction
    redo: QAction
    board: QMenu
    timer: QMenu
    cards: QMenu
    tabs: list[QAction]
    room: QAction


def build_menus(window: QMainWindow, host: MenuHost) -> WindowMenus:
    """Build (again, after a language change) the window's menu bar."""
    tr = window.tr

    def add(
        menu: QMenu, text: str, shortcut: Shortcut | None, slot: Callable[[], object]
    ) -> QAction:
        return make_action(window, text, slot, shortcut=shortcut, add_to=menu)

    bar = window.menuBar()
    for old in bar.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly):
        old.deleteLater()  # clear() keeps the menus of the old language as hidden children
    bar.clear()
    file_menu = bar.addMenu(tr("&File"))
    add(file_menu, tr("&Nuovo evento…"), "Ctrl+N", host.new_event)
    add(file_menu, tr("&Apri evento…"), "Ctrl+O", host.choose_file)
    recent = file_menu.addMenu(tr("File &recenti"))
    add(file_menu, tr("Apri l'evento &dimostrativo"), "Ctrl+D", host.open_demo)
    file_menu.addSeparator()
    for text, shortcut, kind in (
        (tr("Esporta cartella di lavoro &Excel…"), "Ctrl+E", "xlsx"),
        (tr("Esporta restituzione &PDF…"), "Ctrl+Shift+E", "restituzione"),
        (tr("&Kit cartaceo PDF…"), "Ctrl+Shift+K", "kit-cartaceo"),
        (tr("Esporta proposte per Decidim (&CSV)…"), "Ctrl+Shift+D", "decidim"),
        (tr("Esporta dat&i aperti (cartella)…"), "Ctrl+Shift+A", "dati-aperti"),
    ):
        add(file_menu, text, shortcut, lambda k=kind: host.export_document(k))  # type: ignore[misc]
    add(file_menu, tr("&Unisci file dei tavoli…"), "Ctrl+Shift+M", host.open_coordinator)
    add(file_menu, tr("&Testi della restituzione…"), "Ctrl+Shift+R", host.edit_report_texts)
    add(file_menu, tr("&Invia al coordinamento…"), "Ctrl+Shift+S", host.send_to_coordinator)
    file_menu.addSeparator()
    add(file_menu, tr("&Esci"), "Ctrl+Q", window.close)

    edit = bar.addMenu(tr("&Modifica"))
    undo = add(edit, tr("&Annulla"), None, host.undo)
    undo.setShortcuts([QKeySequence(key) for key in UNDO_KEYS])
    redo = add(edit, tr("&Ripeti"), None, host.redo)
    redo.setShortcuts([QKeySequence(key) for key in REDO_KEYS])

    board = bar.addMenu(tr("&Post-it"))
    room = make_action(
        window, tr("Apri ai &telefoni…"), host.open_to_phones, shortcut="Ctrl+Shift+P"
    )
    timer = bar.addMenu(tr("&Cronometro"))
    cards = bar.addMenu(tr("&Schede"))

    view = bar.addMenu(tr("&Visualizza"))
    tabs = [
        add(view, text, f"Ctrl+{index + 1}", lambda i=index: host.show_tab(i))  # type: ignore[misc]
        for index, text in enumerate(
            (tr("Post-it"), tr("Cronometro"), tr("Schede"), tr("Presenze"))
        )
    ]
    view.addSeparator()
    add(view, tr("Vai al navigatore"), "F4", host.focus_navigator)
    add(view, tr("Sessione successiva"), "Ctrl+PgDown", lambda: host.step(1))
    add(view, tr("Sessione precedente"), "Ctrl+PgUp", lambda: host.step(-1))
    view.addSeparator()
    add(view, tr("Ingrandisci il testo"), QKeySequence.StandardKey.ZoomIn, lambda: host.zoom(1))
    add(view, tr("Riduci il testo"), QKeySequence.StandardKey.ZoomOut, lambda: host.zoom(-1))
    add(view, tr("Testo normale"), "Ctrl+0", lambda: host.zoom(0))
    view.addSeparator()
    # F5 presents, as in slide software: one key at 12:30 (the timer starts with F6).
    add(view, tr("&Presenta in plenaria"), "F5", host.present)

    language = bar.addMenu(tr("&Lingua"))
    group = QActionGroup(window)
    for code, name in i18n.LANGUAGES.items():
        action = add(language, name, None, lambda c=code: host.set_language(c))  # type: ignore[misc]
        action.setCheckable(True)
        action.setChecked(code == i18n.current_language())
        group.addAction(action)
    menus = WindowMenus(recent, undo, redo, board, timer, cards, tabs, room)
    show_undo_steps(window, menus, None)
    return menus


def show_undo_steps(window: QMainWindow, menus: WindowMenus, stack: QUndoStack | None) -> None:
    """Name the next step in Modifica › Annulla / Ripeti, and follow the event's history.

    The items read "Annulla: Aggiungi post-it" and "Ripeti: Aggiungi post-it", and plain
    "Annulla" / "Ripeti", disabled, when there is nothing to undo or redo.

    Args:
        window: the main window (its ``tr`` words the items).
        menus: the window's menus.
        stack: the open event's undo history; None with no event open.
    """
    tr = window.tr

    def name(action: QAction, plain: str, named: str, step: str) -> None:
        # A step named after a theme may hold "&": doubled, it is not a mnemonic.
        action.setText(named.format(step=step.replace("&", "&&")) if step else plain)

    def undo_text(step: str) -> None:
        name(menus.undo, tr("&Annulla"), tr("&Annulla: {step}"), step)

    def redo_text(step: str) -> None:
        name(menus.redo, tr("&Ripeti"), tr("&Ripeti: {step}"), step)

    undo_text(stack.undoText() if stack is not None else "")
    redo_text(stack.redoText() if stack is not None else "")
    menus.undo.setEnabled(stack is not None and stack.canUndo())
    menus.redo.setEnabled(stack is not None and stack.canRedo())
    if stack is not None:
        stack.undoTextChanged.connect(undo_text)
        stack.redoTextChanged.connect(redo_text)
        stack.canUndoChanged.connect(menus.undo.setEnabled)
        stack.canRedoChanged.connect(menus.redo.setEnabled)


def fill_recent(
    window: QMainWindow, menu: QMenu, files: Sequence[Path], open_file: Callable[[Path], object]
) -> None:
    """List the recent event files (the menu is disabled when there are none)."""
    menu.clear()
    for file in files:
        make_action(window, str(file), lambda f=file: open_file(f), add_to=menu)  # type: ignore[misc]
    menu.setEnabled(bool(files))


def fill_panel_menus(
    menus: WindowMenus,
    board: tuple[Sequence[QAction], Sequence[QAction]] | None,
    timer: Sequence[QAction] | None,
    cards: Sequence[QAction] | None,
    *,
    enabled: bool,
) -> None:
    """Put the panels' actions in their menus (board: capture actions, tag actions)."""
    for menu in (menus.board, menus.timer, menus.cards):
        menu.clear()
    if board is not None:
        capture, tag = board
        menus.board.addActions(list(capture))
        menus.board.addSeparator()
        menus.board.addActions(list(tag))
        menus.board.addSeparator()
        menus.board.addAction(menus.room)
    if timer is not None:
        menus.timer.addActions(list(timer))
    if cards is not None:
        menus.cards.addActions(list(cards))
    for menu in (menus.board, menus.timer, menus.cards):
        menu.setEnabled(enabled)
