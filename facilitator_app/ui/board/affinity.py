"""The affinity view of the board: the post-its in columns under their themes.

One column per theme of the table session, one for the post-its without a theme ("Senza
tema") and, after "Suggerisci temi", one dashed column per proposed theme, holding the
post-its without a theme that the suggestion groups together (see
:mod:`facilitator_app.ui.suggestions.proposals` for the rule). The columns scroll sideways
and show the board's own model through filters; this widget only shows them and says what
the person did (drops, proposal buttons, keys): the board turns that into undoable edits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QScrollArea, QWidget

from facilitator_app.domain.model import Contribution, Theme
from facilitator_app.ui.board.columns import Column, ProposalColumn, Target
from facilitator_app.ui.board.model import PostItModel
from facilitator_app.ui.suggestions.levels import confidence_text

# A proposal as the view needs it: (its index among the proposals, title, keywords, post
# ids, the suggested group); plain values, so that the board does not load the analysis
# package before it is asked to. The index is the proposal's own: proposals with no post-it
# left without a theme are not shown, so a column's place is not its proposal's index.
ProposalShown = tuple[int, str, Sequence[str], Sequence[str], object]


class AffinityView(QScrollArea):
    """The board's post-its grouped by theme, in columns that scroll sideways.

    Signals:
        dropped: (post ids, :class:`Target`) when notes are dragged onto a column.
        accept_requested, split_requested, ignore_requested: (proposal index).
        rename_requested: (proposal index, title).
        merge_requested: (proposal index, other proposal index).
        kind_key, axis_key, vote_key, delete_key, theme_key, escape_key: the note keys,
            as on the grid.
    """

    dropped = Signal(list, object)
    accept_requested = Signal(int)
    rename_requested = Signal(int, str)
    split_requested = Signal(int)
    merge_requested = Signal(int, int)
    ignore_requested = Signal(int)
    kind_key = Signal(object)
    axis_key = Signal(int)
    vote_key = Signal(int)
    delete_key = Signal()
    theme_key = Signal(int)
    escape_key = Signal()

    def __init__(self, model: PostItModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setObjectName("affinity")
        self.setAccessibleName(self.tr("Post-it per tema"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.columns: list[Column] = []
        self._focused: Target | None = None
        self._holder = QWidget(self)
        self._row = QHBoxLayout(self._holder)
        self._row.setContentsMargins(2, 2, 2, 2)
        self._row.setSpacing(6)
        self._row.addStretch(1)
        self.setWidget(self._holder)

    # -- building --------------------------------------------------------------------------

    def rebuild(
        self,
        themes: Sequence[Theme],
        proposals: Sequence[ProposalShown],
        zoom: float,
    ) -> None:
        """Show a column per theme, "Senza tema" and one per proposal.

        Args:
            themes: the live themes of the session, in board order.
            proposals: (index, title, keywords, post ids, group) of each proposal shown.
            zoom: the notes' scale.
        """
        focus = QApplication.focusWidget()
        holder = next((c for c in self.columns if focus and c.isAncestorOf(focus)), None)
        position = self.columns.index(holder) if holder is not None else None
        focused = holder.target if holder is not None else self._focused
        chosen = self.selected_posts()
        scrolled = self.horizontalScrollBar().value()
        self.clear()
        live = {theme.id for theme in themes}
        claimed = {i for _index, _title, _words, ids, _group in proposals for i in ids}

        def unthemed(post: Contribution) -> bool:
            return post.theme_id is None or post.theme_id not in live

        self._add(
            Column(
                Target(),
                self.tr("Senza tema"),
                self.model,
                lambda post: unthemed(post) and post.id not in claimed,
                zoom,
            )
        )
        titles = [(index, title) for index, title, _words, _ids, _group in proposals]
        for index, title, words, ids, group in proposals:
            members = set(ids)
            column = ProposalColumn(
                Target(proposal=index),
                title,
                self.model,
                lambda post, m=members: unthemed(post) and post.id in m,  # type: ignore[misc]
                zoom,
            )
            others = [(i, t) for i, t in titles if i != index]
            column.describe(confidence_text(group), ", ".join(words), others)
            column.accept_requested.connect(self.accept_requested)
            column.rename_requested.connect(self.rename_requested)
            column.split_requested.connect(self.split_requested)
            column.merge_requested.connect(self.merge_requested)
            column.ignore_requested.connect(self.ignore_requested)
            self._add(column)
        for theme in themes:
            self._add(
                Column(
                    Target(theme_id=theme.id),
                    theme.title,
                    self.model,
                    lambda post, t=theme.id: post.theme_id == t,  # type: ignore[misc]
                    zoom,
                )
            )
        self._settle()
        self.horizontalScrollBar().setValue(scrolled)  # the columns stay where they were
        ids = [post.id for post in chosen]
        target = next((c for c in self.columns if c.target == focused), None)
        if ids:
            target = next((c for c in self.columns if set(ids) & set(c.post_ids())), target)
        if target is None and position is not None and self.columns:
            target = self.columns[min(position, len(self.columns) - 1)]
        if target is not None:
            target.select_ids(ids, ids[0] if ids else None)
            if position is not None:  # the keyboard was in a column: it follows the notes
                self.focus_column(target)

    def clear(self) -> None:
        """No columns (the grid is shown: the filters need not follow the board)."""
        for column in self.columns:
            self._row.removeWidget(column)
            column.hide()  # at once: it is deleted only when the event loop runs
            column.deleteLater()
        self.columns = []

    def _settle(self) -> None:
        # The scroll area would widen its content only once the event loop runs; until then
        # the fixed-width columns would be drawn over each other.
        self._row.activate()
        needed = self._row.minimumSize().width()
        self._holder.resize(max(needed, self.viewport().width()), self.viewport().height())

    def _add(self, column: Column) -> None:
        self.columns.append(column)
        column.setParent(self._holder)
        self._row.insertWidget(self._row.count() - 1, column)
        notes = column.notes
        notes.dropped.connect(lambda ids, t=column.target: self.dropped.emit(ids, t))
        notes.neighbour.connect(lambda step, c=column: self._go_beside(c, step))
        notes.kind_key.connect(self.kind_key)
        notes.axis_key.connect(self.axis_key)
        notes.vote_key.connect(self.vote_key)
        notes.delete_key.connect(self.delete_key)
        notes.theme_key.connect(self.theme_key)
        notes.escape_key.connect(self.escape_key)
        notes.selectionModel().currentChanged.connect(
            lambda *_args, t=column.target: self._remember(t)
        )
        column.show()

    def _remember(self, target: Target) -> None:
        self._focused = target

    # -- the keyboard ----------------------------------------------------------------------

    def column(self, target: Target) -> Column | None:
        """The column standing for a target, if shown."""
        return next((c for c in self.columns if c.target == target), None)

    def current_column(self) -> Column | None:
        """The column the keyboard is in (or was in last)."""
        for column in self.columns:
            if column.notes.hasFocus():
                return column
        return self.column(self._focused) if self._focused is not None else None

    def _go_beside(self, column: Column, step: int) -> None:
        index = self.columns.index(column) + step
        if 0 <= index < len(self.columns):
            self.focus_column(self.columns[index])

    def focus_column(self, column: Column) -> None:
        """Move the keyboard into a column (its first note current if none is)."""
        self._focused = column.target
        notes = column.notes
        notes.setFocus()
        if not notes.currentIndex().isValid() and column.count():
            notes.setCurrentIndex(column.filter.index(0, 0))
        self._scroll_to(column)

    def _scroll_to(self, column: Column) -> None:
        # Sideways only: ensureWidgetVisible would also scroll the headings out of sight.
        bar = self.horizontalScrollBar()
        left, width, room = column.x(), column.width(), self.viewport().width()
        if left < bar.value():
            bar.setValue(left)
        elif left + width > bar.value() + room:
            bar.setValue(left + width - room)

    def focus_first(self) -> None:
        """The keyboard into the column it was in, or the first with notes."""
        column = self.current_column() or next((c for c in self.columns if c.count()), None)
        if column is None and self.columns:
            column = self.columns[0]
        if column is not None:
            self.focus_column(column)

    def focus_proposals(self) -> None:
        """The keyboard into the first proposed column (or "Senza tema" when none)."""
        column = next((c for c in self.columns if c.target.proposal is not None), None)
        if column is None and self.columns:
            column = self.columns[0]
        if column is not None:
            self.focus_column(column)
            self.horizontalScrollBar().setValue(0)

    # -- selection -------------------------------------------------------------------------

    def selected_posts(self) -> list[Contribution]:
        """The notes selected in the current column."""
        column = self.current_column()
        return column.selected_posts() if column is not None else []

    def reselect(self, ids: Sequence[str], current_id: str | None) -> None:
        """Select notes where they are now (after an edit moved them to another column)."""
        wanted = list(ids)
        for column in self.columns:
            if column.select_ids(wanted, current_id):
                had_focus = any(c.notes.hasFocus() for c in self.columns)
                self._focused = column.target
                if had_focus:
                    column.notes.setFocus()
                return

    def each_notes(self, action: Callable[[Column], None]) -> None:
        """Do something to every column (the zoom, a language change)."""
        for column in self.columns:
            action(column)
