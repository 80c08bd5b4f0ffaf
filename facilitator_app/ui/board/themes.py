"""The board's edits of themes: create, rename, synthesis, delete; each one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QListWidgetItem

from facilitator_app.domain.model import Theme
from facilitator_app.ui.board.base import BoardBase


class ThemeEdits(BoardBase):
    """The undoable edits of the session's themes (mixed into the board panel)."""

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

    def _theme(self, theme_id: object) -> Theme | None:
        return next((t for t in self._themes if t.id == theme_id), None)

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
        before = self._theme(theme_id)
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
        before = self._theme(item.data(Qt.ItemDataRole.UserRole) if item else None)
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
        before = self._theme(theme_id)
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
            self._empty(self.theme_entry)

    def _theme_item_changed(self, item: QListWidgetItem) -> None:
        theme = item.data(Qt.ItemDataRole.UserRole)
        if theme and item.text().strip():
            current = self._theme(theme)
            if current is not None and current.title != item.text().strip():
                self.rename_theme(str(theme), item.text().strip())

    def select_theme_row(self, theme_id: str | None) -> None:
        """Select a row of the theme list (None: all, "": unthemed)."""
        for index in range(self.theme_list.count()):
            if self.theme_list.item(index).data(Qt.ItemDataRole.UserRole) == theme_id:
                self.theme_list.setCurrentRow(index)
                return
