"""The board's edits of post-its: capture, text, kind, tags, votes, delete, theme.

Each gesture is one call to the capture service (one transaction, all or nothing, however
many notes are selected) and one step on the undo stack, whose undo and redo are again
one service call each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from facilitator_app.domain.model import Contribution
from facilitator_app.domain.vocab import ContributionKind
from facilitator_app.services.capture.board import Edit
from facilitator_app.ui import i18n
from facilitator_app.ui.board.base import BoardBase


class PostItEdits(BoardBase):
    """The undoable edits of the board's notes (mixed into the board panel)."""

    def _change(self, text: str, op: Callable[[], Edit]) -> Edit | None:
        """Run one service edit, show it, keep the selection, push its undo step."""
        edit = self.ws.run(op, text)
        if edit is None:
            return None
        if self.stack.currentWidget() is self.affinity:
            chosen = self.affinity.selected_posts()
            self._show(edit.posts)
            self.affinity.reselect([p.id for p in edit.posts], chosen[0].id if chosen else None)
            self._push_edit(text, edit)
            return edit
        current = self.view.currentIndex()
        current_id = self.model.post(current.row()).id if current.isValid() else None
        self._show(edit.posts)
        self._reselect([p.id for p in edit.posts], current_id)
        self._push_edit(text, edit)
        return edit

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

    def _selected_ids(self) -> list[str]:
        return [p.id for p in self.selected_posts()]

    def add_from_capture(self) -> Contribution | None:
        """Store the capture line as a post-it (Enter); the line is emptied for the next.

        A line with a tag that cannot be stored stays as typed, and the message beside it
        says which tag and what the event accepts. Once saved, the line forgets its text
        (its own undo too), so Ctrl+Z can never bring it back to be saved twice.
        """
        line = self.capture.text()
        table_id = self.ws.table_id
        if not line.strip() or table_id is None:
            self._empty(self.capture)
            return None
        capture = self.ws.capture
        problem = capture.tag_problem(line)
        if problem is not None:
            self._show_capture_problem(problem)
            return None
        theme = self._current_theme_filter()
        session = self.ws.session
        post = self.ws.run(
            lambda: capture.capture(table_id, session, line, theme_id=theme or None),
            self.tr("Post-it salvato"),
        )
        if post is None:
            return None
        self._empty(self.capture)
        self._hide_capture_problem()
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
        before = next((p for p in self.model.posts() if p.id == post_id), None)
        if before is None:
            return
        capture = self.ws.capture
        self._change(
            self.tr("Modifica post-it"),
            lambda: Edit((before,), (capture.update(post_id, text=text),)),
        )

    def set_kind(self, kind: ContributionKind) -> None:
        """Set the kind of the selected notes (again on the same kind: clear it)."""
        ids = self._selected_ids()
        if ids:
            capture = self.ws.capture
            self._change(
                self.tr("Tipo {kind}").format(kind=i18n.vocab(kind.label)),
                lambda: capture.toggle_kind(ids, kind),
            )

    def toggle_link(self, axis: int) -> None:
        """Add (or remove) a link to another axis on the selected notes."""
        ids = self._selected_ids()
        if ids:
            capture = self.ws.capture
            self._change(
                self.tr("Collegamento all'asse {n}").format(n=axis),
                lambda: capture.toggle_link(ids, axis),
            )

    def toggle_card(self, code: str) -> None:
        """Add (or remove) a card code on the selected notes."""
        ids = self._selected_ids()
        if ids:
            capture = self.ws.capture
            self._change(
                self.tr("Scheda {code}").format(code=code), lambda: capture.toggle_card(ids, code)
            )

    def toggle_zone(self, zone: int) -> None:
        """Add (or remove) a mentioned zone on the selected notes."""
        ids = self._selected_ids()
        if ids:
            capture = self.ws.capture
            self._change(self.tr("Zona {n}").format(n=zone), lambda: capture.toggle_zone(ids, zone))

    def _card_from_entry(self) -> None:
        code = self.card_entry.text().strip().lstrip("@")
        if code:
            self.toggle_card(code)
            self._empty(self.card_entry)

    def _zone_from_combo(self, index: int) -> None:
        zone = self.zone_combo.itemData(index)
        if zone is not None:
            self.toggle_zone(int(zone))
        self.zone_combo.setCurrentIndex(0)

    def vote(self, delta: int) -> None:
        """Add (or remove) a dot vote on the selected notes."""
        ids = self._selected_ids()
        if ids:
            capture = self.ws.capture
            self._change(
                self.tr("Voto") if delta > 0 else self.tr("Togli voto"),
                lambda: capture.add_votes(ids, delta),
            )

    def delete_selected(self) -> None:
        """Delete the selected notes (undo brings them back)."""
        ids = self._selected_ids()
        if ids:
            capture = self.ws.capture
            self._change(self.tr("Elimina post-it"), lambda: capture.delete_posts(ids))

    def assign_theme(
        self, post_ids: Sequence[str], theme_id: str | None, text: str | None = None
    ) -> None:
        """Put notes into a theme (None: out of any), as one undo step (named ``text``)."""
        wanted = set(post_ids)
        ids = [p.id for p in self.model.posts() if p.id in wanted]
        if not ids:
            return
        capture = self.ws.capture
        name = text if text is not None else self.tr("Sposta nel tema")
        self._change(name, lambda: capture.move_to_theme(ids, theme_id))
        self._fill_theme_list()

    def assign_theme_number(self, number: int) -> None:
        """Alt+n: put the selected notes into the n-th theme (0: none)."""
        if number == 0:
            self.assign_theme(self._selected_ids(), None)
        elif number <= len(self._themes):
            self.assign_theme(self._selected_ids(), self._themes[number - 1].id)

    def _dropped(self, ids: list[str], theme: str) -> None:
        self.assign_theme(ids, theme or None)
