"""The post-it board of one table session: capture, tag, theme, vote, filter, synthesis.

Every edit is committed through the capture service the moment it is shown, and pushed
on the workspace's undo stack as a command that can revert and re-apply it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QFocusEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.domain.model import Contribution, Theme
from facilitator_app.domain.vocab import KIND_SHORTCUTS, ZONES, ContributionKind
from facilitator_app.services.capture.board import UNTHEMED, parse_filter
from facilitator_app.ui.board.commands import StepCommand
from facilitator_app.ui.board.delegate import NoteDelegate
from facilitator_app.ui.board.model import PostItModel
from facilitator_app.ui.board.widgets import CaptureLine, NoteView, ThemeList
from facilitator_app.ui.context import Workspace

if TYPE_CHECKING:
    from facilitator_app.ui.suggestions.panel import SuggestionsPanel

T = TypeVar("T")
SYNTHESIS_DELAY_MS = 800


class CountLabel(QLabel):
    """The "N post-it" counter, with a fixed size that follows the font (zoom).

    A label whose text changes re-lays out its layout, and with it the board's wrapping list
    of notes: that cost 7 ms per new post-it with 700 notes shown.
    """

    SAMPLE = "00000 di 00000 post-it"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        """Refit when the font changes (zoom, language)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        self.setFixedSize(metrics.horizontalAdvance(self.SAMPLE) + 8, metrics.height() + 4)


class SynthesisEdit(QPlainTextEdit):
    """The session synthesis; saved a moment after typing stops and when focus leaves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_focus_out: Callable[[], None] | None = None

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Save when the facilitator moves elsewhere."""
        if self.on_focus_out is not None:
            self.on_focus_out()
        super().focusOutEvent(event)


class BoardPanel(QWidget):
    """Post-its of the current table session as coloured notes, with themes and synthesis.

    Args:
        workspace: the open event.
        parent: the owning widget.
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.model = PostItModel()
        self.model.edit_requested.connect(self.edit_text)
        self._themes: list[Theme] = []
        self._saved_synthesis = ""
        self.suggestions: SuggestionsPanel | None = None  # built by suggest_themes()
        self._build()
        self._build_actions()
        self.ws.selection_changed.connect(self.reload)
        self.reload()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.question)

        self.capture = CaptureLine([card.code for card in self.ws.cards], self)
        self.capture.setObjectName("capture")
        self.capture.setAccessibleName(self.tr("Nuovo post-it"))
        self.capture.setPlaceholderText(
            self.tr("Scrivi un post-it e premi Invio · #P tipo · @2.1 scheda · #z5 zona · #a3 asse")
        )
        self.capture.returnPressed.connect(self.add_from_capture)
        layout.addWidget(self.capture)

        tags = QHBoxLayout()
        self.kind_buttons: dict[ContributionKind, QToolButton] = {}
        for kind in ContributionKind:
            button = QToolButton(self)
            button.setText(f"{kind.label} ({kind.shortcut})")
            button.setAccessibleName(self.tr("Tipo: {kind}").format(kind=kind.label))
            button.clicked.connect(lambda _=False, k=kind: self.set_kind(k))
            tags.addWidget(button)
            self.kind_buttons[kind] = button
        tags.addSpacing(12)
        for axis in range(1, 7):
            button = QToolButton(self)
            button.setText(f"→A{axis}")
            button.setToolTip(self.tr("Collega all'asse {n} (tasto {n})").format(n=axis))
            button.setAccessibleName(self.tr("Collega all'asse {n}").format(n=axis))
            button.clicked.connect(lambda _=False, a=axis: self.toggle_link(a))
            tags.addWidget(button)
        tags.addSpacing(12)
        self.card_entry = CaptureLine([card.code for card in self.ws.cards], self)
        self.card_entry.setPlaceholderText(self.tr("@scheda + Invio"))
        self.card_entry.setAccessibleName(self.tr("Scheda da collegare ai post-it scelti"))
        self.card_entry.setMaximumWidth(140)
        self.card_entry.returnPressed.connect(self._card_from_entry)
        tags.addWidget(self.card_entry)
        self.zone_combo = QComboBox(self)
        self.zone_combo.setAccessibleName(self.tr("Zona citata"))
        self.zone_combo.addItem(self.tr("Zona citata…"), None)
        for number, name in ZONES.items():
            self.zone_combo.addItem(f"{number} {name}", number)
        self.zone_combo.activated.connect(self._zone_from_combo)
        tags.addWidget(self.zone_combo)
        tags.addStretch(1)
        layout.addLayout(tags)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter = splitter
        side = QWidget(splitter)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.theme_entry = QLineEdit(side)
        self.theme_entry.setPlaceholderText(self.tr("Nuovo tema + Invio"))
        self.theme_entry.setAccessibleName(self.tr("Titolo del nuovo tema"))
        self.theme_entry.returnPressed.connect(self._theme_from_entry)
        self.theme_list = ThemeList(side)
        self.theme_list.setAccessibleName(self.tr("Temi"))
        self.theme_list.dropped.connect(self._dropped)
        self.theme_list.currentRowChanged.connect(self._theme_filter_changed)
        self.theme_list.itemChanged.connect(self._theme_item_changed)
        side_layout.addWidget(QLabel(self.tr("Temi (trascina qui i post-it)"), side))
        side_layout.addWidget(self.theme_entry)
        side_layout.addWidget(self.theme_list)

        main = QWidget(splitter)
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        self.filter_entry = QLineEdit(main)
        self.filter_entry.setObjectName("filter")
        self.filter_entry.setClearButtonEnabled(True)
        self.filter_entry.setAccessibleName(self.tr("Cerca e filtra i post-it"))
        self.filter_entry.setPlaceholderText(self.tr("Cerca: parole, #P, @2.1, #z5, #a3"))
        self.filter_entry.textChanged.connect(self.apply_filter)
        self.count_label = CountLabel(main)
        top = QHBoxLayout()
        top.addWidget(self.filter_entry, 1)
        top.addWidget(self.count_label)
        main_layout.addLayout(top)
        self.view = NoteView(main)
        self.view.setAccessibleName(self.tr("Post-it della sessione"))
        self.delegate = NoteDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setModel(self.model)
        self.view.kind_key.connect(self.set_kind)
        self.view.axis_key.connect(self.toggle_link)
        self.view.vote_key.connect(self.vote)
        self.view.delete_key.connect(self.delete_selected)
        self.view.theme_key.connect(self.assign_theme_number)
        self.view.escape_key.connect(self.focus_capture)
        self.capture.to_board.connect(self.focus_board)
        main_layout.addWidget(self.view, 1)
        splitter.addWidget(side)
        splitter.addWidget(main)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 780])
        layout.addWidget(splitter, 1)

        layout.addWidget(QLabel(self.tr("Sintesi della sessione per la plenaria"), self))
        self.synthesis = SynthesisEdit(self)
        self.synthesis.setObjectName("synthesis")
        self.synthesis.setAccessibleName(self.tr("Sintesi della sessione"))
        self.synthesis.setMaximumHeight(110)
        self.synthesis.on_focus_out = self.save_synthesis
        self._synthesis_timer = QTimer(self)
        self._synthesis_timer.setSingleShot(True)
        self._synthesis_timer.setInterval(SYNTHESIS_DELAY_MS)
        self._synthesis_timer.timeout.connect(self.save_synthesis)
        self.synthesis.textChanged.connect(self._synthesis_timer.start)
        layout.addWidget(self.synthesis)

    def _action(
        self, text: str, shortcut: str, slot: Callable[[], object], *, on_view: bool = False
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        if on_view:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(action)
        else:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        return action

    def _build_actions(self) -> None:
        """Actions the main window puts in its menus (shortcuts shown there)."""
        self.actions_capture = [
            self._action(self.tr("Scrivi un nuovo post-it"), "Ctrl+L", self.focus_capture),
            self._action(self.tr("Vai ai post-it"), "Ctrl+J", self.focus_board),
            self._action(self.tr("Cerca e filtra"), "Ctrl+F", self.focus_filter),
            self._action(self.tr("Nuovo tema"), "Ctrl+T", self.focus_theme_entry),
            self._action(self.tr("Scrivi la sintesi"), "Ctrl+Shift+Y", self.focus_synthesis),
            self._action(
                self.tr("Sintesi del tema selezionato…"), "Ctrl+Alt+Y", self.edit_theme_synthesis
            ),
            self._action(self.tr("Suggerisci temi"), "Ctrl+Shift+T", self.suggest_themes),
        ]
        self.actions_tag = [
            self._action(
                self.tr("Tipo: {kind}").format(kind=kind.label),
                KIND_SHORTCUTS[kind],
                lambda k=kind: self.set_kind(k),  # type: ignore[misc]
                on_view=True,
            )
            for kind in ContributionKind
        ]
        self.actions_tag += [
            self._action(self.tr("Vota"), "+", lambda: self.vote(1), on_view=True),
            self._action(self.tr("Togli un voto"), "-", lambda: self.vote(-1), on_view=True),
            self._action(self.tr("Modifica il testo"), "F2", self.edit_current, on_view=True),
            self._action(self.tr("Elimina"), "Del", self.delete_selected, on_view=True),
            self._action(self.tr("Togli dal tema"), "Alt+0", lambda: self.assign_theme_number(0)),
        ]

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Show the current table session from the file."""
        self.save_synthesis()
        table = self.ws.table
        if table is None:
            self.model.load([], [])
            return
        session = self.ws.capture.session(table.id, self.ws.session)
        self.question.setText(
            self.tr("{table} · Sessione {n}: {q}").format(
                table=table.name, n=session.number, q=session.question
            )
        )
        self._themes = self.ws.capture.themes(table.id, self.ws.session)
        self.model.load(self.ws.store.contributions(table.id, self.ws.session), self._themes)
        self._fill_theme_list()
        self.synthesis.blockSignals(True)
        self.synthesis.setPlainText(session.synthesis)
        self.synthesis.blockSignals(False)
        self._saved_synthesis = session.synthesis
        self._update_count()

    def _fill_theme_list(self) -> None:
        current = self.theme_list.currentItem()
        wanted = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.theme_list.blockSignals(True)
        self.theme_list.clear()
        every = QListWidgetItem(self.tr("Tutti i post-it"))
        self.theme_list.addItem(every)
        none = QListWidgetItem(self.tr("Senza tema"))
        none.setData(Qt.ItemDataRole.UserRole, UNTHEMED)
        self.theme_list.addItem(none)
        counts: dict[str, int] = {}
        for post in self.model.posts():
            if post.theme_id:
                counts[post.theme_id] = counts.get(post.theme_id, 0) + 1
        for number, theme in enumerate(self._themes, start=1):
            label = f"{theme.title}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, theme.id)
            tip = self.tr("{n} post-it · Alt+{k} per assegnare").format(
                n=counts.get(theme.id, 0), k=number
            )
            item.setToolTip(f"{tip}\n\n{theme.synthesis}" if theme.synthesis else tip)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.theme_list.addItem(item)
        row = 0
        for index in range(self.theme_list.count()):
            item = self.theme_list.item(index)
            if item.data(Qt.ItemDataRole.UserRole) == wanted:
                row = index
        self.theme_list.setCurrentRow(row)
        self.theme_list.blockSignals(False)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), len(self.model.posts())
        text = (
            self.tr("{n} post-it").format(n=total)
            if shown == total
            else self.tr("{shown} di {n} post-it").format(shown=shown, n=total)
        )
        self.count_label.setText(text)

    # -- focus helpers ---------------------------------------------------------------------

    def focus_capture(self) -> None:
        """Put the cursor in the capture line."""
        self.capture.setFocus()

    def focus_board(self) -> None:
        """Move the keyboard into the notes (selecting the last one if none is)."""
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(self.model.rowCount() - 1))

    def focus_filter(self) -> None:
        """Put the cursor in the search box."""
        self.filter_entry.setFocus()
        self.filter_entry.selectAll()

    def focus_theme_entry(self) -> None:
        """Put the cursor in the new-theme box."""
        self.theme_entry.setFocus()

    def focus_synthesis(self) -> None:
        """Put the cursor in the synthesis."""
        self.synthesis.setFocus()

    def edit_current(self) -> None:
        """Edit the current note in place."""
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(index)

    # -- undoable edits --------------------------------------------------------------------

    def _push(self, text: str, redo: Callable[[], None], undo: Callable[[], None]) -> None:
        self.ws.undo_stack.push(StepCommand(text, redo, undo))

    def _show(self, posts: Sequence[Contribution]) -> None:
        for post in posts:
            if post.table_id == self.ws.table_id and post.session == self.ws.session:
                self.model.upsert(post)
        self._update_count()

    def _safely(self, action: Callable[[], T]) -> Callable[[], None]:
        def run() -> None:
            self.ws.run(action, self.tr("Salvato"))

        return run

    def selected_posts(self) -> list[Contribution]:
        """The selected notes (the current one when nothing is selected)."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedIndexes()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return [self.model.post(row) for row in rows if row < self.model.rowCount()]

    def _change(
        self, text: str, before: list[Contribution], op: Callable[[], list[Contribution]]
    ) -> list[Contribution]:
        after = self.ws.run(op, text)
        if after is None:
            return []
        current = self.view.currentIndex()
        current_id = self.model.post(current.row()).id if current.isValid() else None
        self._show(after)
        self._reselect([p.id for p in after], current_id)
        capture = self.ws.capture
        self._push(
            text,
            self._safely(lambda: self._show(capture.put_back(after))),
            self._safely(lambda: self._show(capture.put_back(before))),
        )
        return after

    def _reselect(self, ids: Sequence[str], current_id: str | None) -> None:
        selection = self.view.selectionModel()
        selection.clearSelection()
        for key in ids:
            row = self.model.row_of(key)
            if row is not None:
                selection.select(self.model.index(row), selection.SelectionFlag.Select)
        if current_id is not None:
            row = self.model.row_of(current_id)
            if row is not None:
                selection.setCurrentIndex(self.model.index(row), selection.SelectionFlag.NoUpdate)

    def add_from_capture(self) -> Contribution | None:
        """Store the capture line as a post-it (Enter); the line is cleared for the next."""
        line = self.capture.text()
        table_id = self.ws.table_id
        if not line.strip() or table_id is None:
            self.capture.clear()
            return None
        theme = self._current_theme_filter()
        capture = self.ws.capture
        session = self.ws.session
        post = self.ws.run(
            lambda: capture.capture(table_id, session, line, theme_id=theme or None),
            self.tr("Post-it salvato"),
        )
        if post is None:
            return None
        self.capture.clear()
        self._show([post])
        row = self.model.row_of(post.id)
        if row is not None and row == self.model.rowCount() - 1:
            self.view.scrollToBottom()  # the usual case, and cheap with thousands of notes
        elif row is not None:
            self.view.scrollTo(self.model.index(row))
        self._push(
            self.tr("Aggiungi post-it"),
            self._safely(lambda: self._show(capture.put_back([post]))),
            self._safely(lambda: self._show([capture.delete(post.id)])),
        )
        return post

    def edit_text(self, post_id: str, text: str) -> None:
        """Change a note's text (from the inline editor)."""
        before = [p for p in self.model.posts() if p.id == post_id]
        capture = self.ws.capture
        self._change(
            self.tr("Modifica post-it"), before, lambda: [capture.update(post_id, text=text)]
        )

    def set_kind(self, kind: ContributionKind) -> None:
        """Set the kind of the selected notes (again on the same kind: clear it)."""
        before = self.selected_posts()
        if not before:
            return
        new: ContributionKind | None = None if all(p.kind is kind for p in before) else kind
        capture = self.ws.capture
        self._change(
            self.tr("Tipo {kind}").format(kind=kind.label),
            before,
            lambda: [capture.update(p.id, kind=new) for p in before],
        )

    def toggle_link(self, axis: int) -> None:
        """Add (or remove) a link to another axis on the selected notes."""
        before = self.selected_posts()
        if not before:
            return
        remove = all(axis in p.links for p in before)
        capture = self.ws.capture

        def op() -> list[Contribution]:
            return [
                capture.update(
                    p.id,
                    links=tuple(a for a in p.links if a != axis) if remove else (*p.links, axis),
                )
                for p in before
            ]

        self._change(self.tr("Collegamento all'asse {n}").format(n=axis), before, op)

    def toggle_card(self, code: str) -> None:
        """Add (or remove) a card code on the selected notes."""
        before = self.selected_posts()
        if not before:
            return
        remove = all(code in p.cards for p in before)
        capture = self.ws.capture

        def op() -> list[Contribution]:
            return [
                capture.update(
                    p.id,
                    cards=tuple(c for c in p.cards if c != code) if remove else (*p.cards, code),
                )
                for p in before
            ]

        self._change(self.tr("Scheda {code}").format(code=code), before, op)

    def toggle_zone(self, zone: int) -> None:
        """Add (or remove) a mentioned zone on the selected notes."""
        before = self.selected_posts()
        if not before:
            return
        remove = all(zone in p.zones for p in before)
        capture = self.ws.capture

        def op() -> list[Contribution]:
            return [
                capture.update(
                    p.id,
                    zones=tuple(z for z in p.zones if z != zone) if remove else (*p.zones, zone),
                )
                for p in before
            ]

        self._change(self.tr("Zona {n}").format(n=zone), before, op)

    def _card_from_entry(self) -> None:
        code = self.card_entry.text().strip().lstrip("@")
        if code:
            self.toggle_card(code)
            self.card_entry.clear()

    def _zone_from_combo(self, index: int) -> None:
        zone = self.zone_combo.itemData(index)
        if zone is not None:
            self.toggle_zone(int(zone))
        self.zone_combo.setCurrentIndex(0)

    def vote(self, delta: int) -> None:
        """Add (or remove) a dot vote on the selected notes."""
        before = self.selected_posts()
        if not before:
            return
        capture = self.ws.capture
        self._change(
            self.tr("Voto") if delta > 0 else self.tr("Togli voto"),
            before,
            lambda: [capture.vote(p.id, delta) for p in before],
        )

    def delete_selected(self) -> None:
        """Delete the selected notes (undo brings them back)."""
        before = self.selected_posts()
        if not before:
            return
        capture = self.ws.capture
        self._change(
            self.tr("Elimina post-it"), before, lambda: [capture.delete(p.id) for p in before]
        )

    def assign_theme(self, post_ids: Sequence[str], theme_id: str | None) -> None:
        """Put notes into a theme (None: out of any)."""
        wanted = set(post_ids)
        before = [p for p in self.model.posts() if p.id in wanted]
        if not before:
            return
        capture = self.ws.capture
        self._change(
            self.tr("Sposta nel tema"),
            before,
            lambda: capture.assign_theme([p.id for p in before], theme_id),
        )
        self._fill_theme_list()

    def assign_theme_number(self, number: int) -> None:
        """Alt+n: put the selected notes into the n-th theme (0: none)."""
        if number == 0:
            self.assign_theme([p.id for p in self.selected_posts()], None)
        elif number <= len(self._themes):
            self.assign_theme([p.id for p in self.selected_posts()], self._themes[number - 1].id)

    def _dropped(self, ids: list[str], theme: str) -> None:
        self.assign_theme(ids, theme or None)

    # -- themes ----------------------------------------------------------------------------

    def _refresh_themes(self) -> None:
        table_id = self.ws.table_id
        if table_id is None:
            return
        self._themes = self.ws.capture.themes(table_id, self.ws.session)
        self.model.set_themes(self._themes)
        self._fill_theme_list()
        self._update_count()

    def _theme_step(self, text: str, before: Theme | None, after: Theme) -> None:
        capture = self.ws.capture

        def redo() -> None:
            capture.put_back([after])
            self._refresh_themes()

        def undo() -> None:
            if before is None:
                capture.delete_theme(after.id)
            else:
                capture.put_back([before])
            self._refresh_themes()

        self._refresh_themes()
        self._push(text, self._safely(redo), self._safely(undo))

    def create_theme(self, title: str) -> Theme | None:
        """Create a theme for the current session."""
        table_id = self.ws.table_id
        if table_id is None:
            return None
        capture = self.ws.capture
        session = self.ws.session
        theme = self.ws.run(
            lambda: capture.create_theme(table_id, session, title), self.tr("Tema creato")
        )
        if theme is not None:
            self._theme_step(self.tr("Nuovo tema"), None, theme)
        return theme

    def rename_theme(self, theme_id: str, title: str) -> None:
        """Rename a theme."""
        before = next((t for t in self._themes if t.id == theme_id), None)
        capture = self.ws.capture
        after = self.ws.run(lambda: capture.rename_theme(theme_id, title), self.tr("Salvato"))
        if after is not None and before is not None:
            self._theme_step(self.tr("Rinomina tema"), before, after)
        else:
            self._fill_theme_list()

    def ask_multiline(self, title: str, text: str) -> str | None:
        """Ask for a longer text (tests replace this); None when the person cancels."""
        value, ok = QInputDialog.getMultiLineText(self, title, title, text)
        return value if ok else None

    def edit_theme_synthesis(self) -> None:
        """Write the synthesis of the theme selected in the list (an undoable step)."""
        item = self.theme_list.currentItem()
        theme_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        before = next((t for t in self._themes if t.id == theme_id), None)
        if before is None:
            self.ws.failed.emit(self.tr("Scegliere prima un tema nell'elenco"))
            return
        text = self.ask_multiline(
            self.tr("Sintesi del tema «{title}»").format(title=before.title), before.synthesis
        )
        if text is None or text.strip() == before.synthesis:
            return
        capture = self.ws.capture
        after = self.ws.run(
            lambda: capture.set_theme_synthesis(before.id, text), self.tr("Salvato")
        )
        if after is not None:
            self._theme_step(self.tr("Sintesi del tema"), before, after)

    def delete_theme(self, theme_id: str) -> None:
        """Delete a theme (its notes become unthemed; undo restores it)."""
        before = next((t for t in self._themes if t.id == theme_id), None)
        capture = self.ws.capture
        after = self.ws.run(lambda: capture.delete_theme(theme_id), self.tr("Tema eliminato"))
        if after is not None and before is not None:
            self._theme_step(self.tr("Elimina tema"), before, after)

    def delete_current_theme(self) -> None:
        """Delete the theme selected in the list."""
        item = self.theme_list.currentItem()
        theme = item.data(Qt.ItemDataRole.UserRole) if item else None
        if theme:
            self.delete_theme(str(theme))

    def _theme_from_entry(self) -> None:
        title = self.theme_entry.text().strip()
        if title and self.create_theme(title) is not None:
            self.theme_entry.clear()

    def _theme_item_changed(self, item: QListWidgetItem) -> None:
        theme = item.data(Qt.ItemDataRole.UserRole)
        if theme and item.text().strip():
            current = next((t for t in self._themes if t.id == theme), None)
            if current is not None and current.title != item.text().strip():
                self.rename_theme(str(theme), item.text().strip())

    # -- filtering -------------------------------------------------------------------------

    def _current_theme_filter(self) -> str | None:
        item = self.theme_list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item else None
        return None if value is None else str(value)

    def _theme_filter_changed(self, _row: int) -> None:
        self.apply_filter(self.filter_entry.text())

    def apply_filter(self, query: str | None = None) -> None:
        """Show only the notes matching the search box and the theme selected."""
        text = self.filter_entry.text() if query is None else query
        self.model.set_filter(parse_filter(text, self._current_theme_filter()))
        self._update_count()

    def select_theme_row(self, theme_id: str | None) -> None:
        """Select a row of the theme list (None: all, "": unthemed)."""
        for index in range(self.theme_list.count()):
            if self.theme_list.item(index).data(Qt.ItemDataRole.UserRole) == theme_id:
                self.theme_list.setCurrentRow(index)
                return

    # -- synthesis -------------------------------------------------------------------------

    def save_synthesis(self) -> None:
        """Store the synthesis now if it changed (undoably)."""
        self._synthesis_timer.stop()
        table_id = self.ws.table_id
        text = self.synthesis.toPlainText()
        if table_id is None or text == self._saved_synthesis:
            return
        old = self._saved_synthesis
        session = self.ws.session
        capture = self.ws.capture
        if (
            self.ws.run(
                lambda: capture.set_synthesis(table_id, session, text), self.tr("Sintesi salvata")
            )
            is None
        ):
            return
        self._saved_synthesis = text

        def put(value: str) -> Callable[[], None]:
            def apply() -> None:
                capture.set_synthesis(table_id, session, value)
                if (self.ws.table_id, self.ws.session) == (table_id, session):
                    self._saved_synthesis = value
                    self.synthesis.blockSignals(True)
                    self.synthesis.setPlainText(value)
                    self.synthesis.blockSignals(False)

            return apply

        self._push(self.tr("Sintesi"), self._safely(put(text)), self._safely(put(old)))

    def suggest_themes(self) -> SuggestionsPanel:
        """Show theme suggestions for this session beside the notes (nothing is written)."""
        from facilitator_app.ui.suggestions.panel import SuggestionsPanel  # on demand

        if self.suggestions is None:
            self.suggestions = SuggestionsPanel(self, self.splitter)
            self.splitter.addWidget(self.suggestions)
            self.splitter.setSizes([200, 560, 460])
        self.suggestions.show()
        self.suggestions.compute()
        self.suggestions.tree.setFocus()
        return self.suggestions

    def current_index(self) -> QModelIndex:
        """The note with the keyboard focus."""
        return self.view.currentIndex()

    def set_zoom(self, factor: float) -> None:
        """Scale the notes."""
        self.delegate.zoom = factor
        self.view.doItemsLayout()
