"""What every part of the board shares: its widgets, the undo stack, the theme list.

:class:`~facilitator_app.ui.board.board.BoardPanel` is built from this base, the post-it
edits (:mod:`.edits`) and the theme edits (:mod:`.themes`); the base declares the widgets
the board builds and holds the helpers both kinds of edit use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QStackedWidget,
    QWidget,
)

from facilitator_app.domain.model import Contribution, Theme
from facilitator_app.services.capture.board import BoardRecord, Edit
from facilitator_app.services.capture.tags import UNTHEMED, TagField, TagProblem
from facilitator_app.ui.board.affinity import AffinityView
from facilitator_app.ui.board.delegate import NoteDelegate
from facilitator_app.ui.board.model import PostItModel
from facilitator_app.ui.board.widgets import CaptureLine, CountLabel, NoteView, ThemeList
from facilitator_app.ui.common.undo import StepCommand
from facilitator_app.ui.context import Workspace

T = TypeVar("T")


class BoardBase(QWidget):
    """The board's shared state and helpers (the widgets are built by the board).

    Args:
        workspace: the open event.
        parent: the owning widget.
    """

    capture: CaptureLine
    capture_problem: QLabel
    card_entry: CaptureLine
    zone_combo: QComboBox
    theme_entry: QLineEdit
    theme_list: ThemeList
    view: NoteView
    delegate: NoteDelegate
    affinity: AffinityView
    stack: QStackedWidget
    count_label: CountLabel

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.model = PostItModel()
        self._themes: list[Theme] = []

    # -- undo ------------------------------------------------------------------------------

    def _push(self, text: str, redo: Callable[[], None], undo: Callable[[], None]) -> None:
        self.ws.undo_stack.push(StepCommand(text, redo, undo))

    def _safely(self, action: Callable[[], T]) -> Callable[[], None]:
        def run() -> None:
            self.ws.run(action, self.tr("Salvato"))

        return run

    def _push_edit(self, text: str, edit: Edit) -> None:
        """One undo step for an edit: its undo and its redo are one service call each."""
        capture = self.ws.capture
        self._push(
            text,
            self._safely(lambda: self._show_records(capture.reapply(edit))),
            self._safely(lambda: self._show_records(capture.revert(edit))),
        )

    # -- text lines ------------------------------------------------------------------------

    @staticmethod
    def _empty(line: QLineEdit) -> None:
        """Empty a line once its text is saved, forgetting its own undo history too.

        ``clear()`` could be undone inside the line: Ctrl+Z would bring the saved text back.
        """
        line.setText("")

    def _tag_problem_text(self, problem: TagProblem) -> str:
        """The message beside the capture line: which tag, and what the event accepts."""
        token, first, last = problem.token, problem.first, problem.last
        if problem.field is TagField.ZONE:
            why = self.tr("le zone vanno da #z{first} a #z{last}").format(first=first, last=last)
        elif problem.field is TagField.AXIS:
            why = self.tr("gli assi vanno da #a{first} a #a{last}").format(first=first, last=last)
        elif problem.near:
            why = self.tr("l'evento non ha questa scheda; dello stesso asse ha {cards}").format(
                cards=", ".join(f"@{code}" for code in problem.near)
            )
        elif first:
            why = self.tr("le schede dell'evento vanno da @{first} a @{last}").format(
                first=first, last=last
            )
        else:
            why = self.tr("questo evento non ha schede")
        return self.tr("⚠ Tag non valido: {token} — {why}. Correggi e premi Invio.").format(
            token=token, why=why
        )

    def _show_capture_problem(self, problem: TagProblem) -> None:
        """Say beside the capture line why it was not saved (the text stays in the line)."""
        text = self._tag_problem_text(problem)
        self.capture_problem.setText(text)
        self.capture_problem.show()
        self.capture.setAccessibleDescription(text)

    def _hide_capture_problem(self) -> None:
        """The line was edited or saved: the message no longer applies."""
        if not self.capture_problem.isHidden():
            self.capture_problem.hide()
            self.capture_problem.clear()
            self.capture.setAccessibleDescription("")

    # -- showing ---------------------------------------------------------------------------

    def _show(self, posts: Sequence[Contribution]) -> None:
        for post in posts:
            if post.table_id == self.ws.table_id and post.session == self.ws.session:
                self.model.upsert(post)
        self._update_count()
        self._proposals_follow()

    def _proposals_follow(self) -> None:
        """Show or drop proposed columns whose post-its left or regained "no theme"."""

    def _show_records(self, records: Sequence[BoardRecord]) -> None:
        self._show([r for r in records if isinstance(r, Contribution)])
        if any(isinstance(r, Theme) for r in records):
            self._refresh_themes()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), len(self.model.posts())
        text = (
            self.tr("{n} post-it").format(n=total)
            if shown == total
            else self.tr("{shown} di {n} post-it").format(shown=shown, n=total)
        )
        self.count_label.setText(text)

    def selected_posts(self) -> list[Contribution]:
        """The selected notes (the current one when nothing is selected).

        In the affinity view: those of the column the keyboard is in.
        """
        if self.stack.currentWidget() is self.affinity:
            return self.affinity.selected_posts()
        rows = sorted({index.row() for index in self.view.selectionModel().selectedIndexes()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return [self.model.post(row) for row in rows if row < self.model.rowCount()]

    # -- the theme list --------------------------------------------------------------------

    def _refresh_themes(self) -> None:
        table_id = self.ws.table_id
        if table_id is None:
            return
        self._themes = self.ws.capture.themes(table_id, self.ws.session)
        self.model.set_themes(self._themes)
        self._fill_theme_list()
        self._update_count()
        self._refresh_affinity()

    def _refresh_affinity(self) -> None:
        """Show the themes and proposals again in the affinity view (the board does it)."""

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
            item = QListWidgetItem(theme.title)
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

    def _current_theme_filter(self) -> str | None:
        item = self.theme_list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item else None
        return None if value is None else str(value)
