"""The post-it board of one table session: capture, tag, theme, vote, filter, synthesis.

Every edit is committed through the capture service the moment it is shown, and pushed
on the workspace's undo stack as a command that can revert and re-apply it. This module
builds the panel and its actions, loads the session, filters and saves the synthesis;
the edits themselves are in :mod:`.edits` (post-its), :mod:`.themes` (themes) and
:mod:`.affinity_edits` (the view by theme, its drops and proposed themes).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpacerItem,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.domain.vocab import KIND_SHORTCUTS, ZONES, ContributionKind
from facilitator_app.services.capture.tags import parse_filter
from facilitator_app.services.room import phone_post_ids
from facilitator_app.ui import i18n
from facilitator_app.ui.board.affinity import AffinityView
from facilitator_app.ui.board.affinity_edits import AffinityEdits
from facilitator_app.ui.board.delegate import NoteDelegate
from facilitator_app.ui.board.themes import ThemeEdits
from facilitator_app.ui.board.widgets import (
    CaptureLine,
    CountLabel,
    NoteView,
    SynthesisEdit,
    ThemeList,
)
from facilitator_app.ui.common.actions import make_action, make_tool_button, reveal
from facilitator_app.ui.common.flow_layout import FlowLayout
from facilitator_app.ui.common.undo import EventUndoKeys
from facilitator_app.ui.context import Workspace

if TYPE_CHECKING:  # the panel (and the analysis it loads) comes on demand: faster start
    from facilitator_app.ui.suggestions.panel import SuggestionsPanel

SYNTHESIS_DELAY_MS = 800


class BoardPanel(AffinityEdits, ThemeEdits):
    """Post-its of the current table session as coloured notes, with themes and synthesis.

    Args:
        workspace: the open event.
        parent: the owning widget.
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.model.edit_requested.connect(self.edit_text)
        self._saved_synthesis = ""
        self.suggestions: SuggestionsPanel | None = None  # built by suggest_themes()
        self._steps = None  # the proposals, built with the suggestions
        self._shown_session: tuple[str | None, int] = (None, 0)
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
        self.capture.textEdited.connect(self._hide_capture_problem)
        layout.addWidget(self.capture)
        self.capture_problem = QLabel(self)
        self.capture_problem.setObjectName("captureProblem")
        self.capture_problem.setAccessibleName(self.tr("Post-it non salvato"))
        self.capture_problem.setTextFormat(Qt.TextFormat.PlainText)
        self.capture_problem.setWordWrap(True)
        self.capture_problem.setStyleSheet(
            "QLabel { color: #b71c1c; background: #fdecea; border: 1px solid #e57373;"
            " border-radius: 3px; padding: 2px 6px; }"
        )
        self.capture_problem.hide()
        layout.addWidget(self.capture_problem)

        # The tagging controls wrap onto more rows in a narrow window (a 1024 projector).
        tags = FlowLayout()
        self.tags_row = tags
        self.kind_buttons: dict[ContributionKind, QToolButton] = {}
        for kind in ContributionKind:
            button = make_tool_button(
                self,
                f"{i18n.vocab(kind.label)} ({kind.shortcut})",
                lambda k=kind: self.set_kind(k),  # type: ignore[misc]
                accessible=self.tr("Tipo: {kind}").format(kind=i18n.vocab(kind.label)),
            )
            tags.addWidget(button)
            self.kind_buttons[kind] = button
        tags.addItem(QSpacerItem(12, 0))
        for axis in range(1, 7):
            button = make_tool_button(
                self,
                f"→A{axis}",
                lambda a=axis: self.toggle_link(a),  # type: ignore[misc]
                accessible=self.tr("Collega all'asse {n}").format(n=axis),
                tooltip=self.tr("Collega all'asse {n} (tasto {n})").format(n=axis),
            )
            tags.addWidget(button)
        tags.addItem(QSpacerItem(12, 0))
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
        # What "Suggerisci temi" found, in the affinity view: beside the search box, so that
        # the board needs no more height (a 768-pixel projector).
        self.affinity_notice = QLabel(main)
        self.affinity_notice.setObjectName("affinityNotice")
        self.affinity_notice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.affinity_notice.hide()
        top = QHBoxLayout()
        top.addWidget(self.filter_entry, 1)
        top.addWidget(self.affinity_notice, 1)
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
        self.stack = QStackedWidget(main)
        self.stack.addWidget(self.view)
        self.affinity = AffinityView(self.model, self.stack)
        self.stack.addWidget(self.affinity)
        self._connect_affinity()
        main_layout.addWidget(self.stack, 1)
        # In an empty line Ctrl+Z / Ctrl+Y are the event's undo and redo, not the line's.
        self.undo_keys = EventUndoKeys(self)
        self.undo_keys.watch(self.capture, self.card_entry, self.theme_entry, self.filter_entry)
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

    def _connect_affinity(self) -> None:
        view = self.affinity
        view.dropped.connect(self._dropped_on_column)
        view.accept_requested.connect(self._accept_proposal)
        view.rename_requested.connect(self._rename_proposal)
        view.split_requested.connect(self._split_proposal)
        view.merge_requested.connect(self._merge_proposals)
        view.ignore_requested.connect(self._ignore_proposal)
        view.kind_key.connect(self.set_kind)
        view.axis_key.connect(self.toggle_link)
        view.vote_key.connect(self.vote)
        view.delete_key.connect(self.delete_selected)
        view.theme_key.connect(self.assign_theme_number)
        view.escape_key.connect(self.focus_capture)

    def _action(
        self, text: str, shortcut: str, slot: Callable[[], object], *, on_view: bool = False
    ) -> QAction:
        # Keys such as "+" and Del work on the notes only: the text boxes need them too.
        holder: QWidget = self.view if on_view else self
        scope = Qt.ShortcutContext.WidgetShortcut if on_view else Qt.ShortcutContext.WindowShortcut
        if on_view:
            return make_action(self, text, slot, shortcut=shortcut, scope=scope, add_to=holder)

        def shown_then(slot: Callable[[], object] = slot) -> object:
            # From the timer or the cards tab the key would change a board nobody sees.
            reveal(self)
            return slot()

        return make_action(self, text, shown_then, shortcut=shortcut, scope=scope, add_to=holder)

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
        self.affinity_action = self._action(
            self.tr("Vista per temi"),
            "Ctrl+B",
            lambda: self.show_affinity(not self.affinity_shown()),
        )
        self.affinity_action.setCheckable(True)
        self.affinity_action.setToolTip(
            self.tr("Mostra i post-it in colonne, una per tema (Ctrl+B: torna alla griglia)")
        )
        self.actions_capture.append(self.affinity_action)
        self.actions_tag = [
            self._action(
                self.tr("Tipo: {kind}").format(kind=i18n.vocab(kind.label)),
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
        self.model.phone_ids = frozenset(phone_post_ids(self.ws.store, table.id, self.ws.session))
        self.model.load(self.ws.store.contributions(table.id, self.ws.session), self._themes)
        self._fill_theme_list()
        self.synthesis.blockSignals(True)
        self.synthesis.setPlainText(session.synthesis)
        self.synthesis.blockSignals(False)
        self._saved_synthesis = session.synthesis
        self._update_count()
        if (self.ws.table_id, self.ws.session) != self._shown_session:
            self._shown_session = (self.ws.table_id, self.ws.session)
            self.affinity_notice.hide()  # it spoke of another session's suggestions
        self._refresh_affinity()

    # -- the two views -----------------------------------------------------------------------

    def show_affinity(self, on: bool) -> None:
        """Show the post-its in columns by theme (True) or as today's grid (False).

        The keyboard stays on the notes when it was there; the grid's order is untouched.
        """
        on_notes = self.view.hasFocus() or self.affinity.isAncestorOf(self.focusWidget())
        self.affinity_action.setChecked(on)
        if on:
            if self.suggestions is not None:
                self.suggestions.hide()  # its proposals are shown in place, as columns
            self.stack.setCurrentWidget(self.affinity)
            self._refresh_affinity()
        else:
            self.stack.setCurrentWidget(self.view)
            self.affinity.clear()
            self.affinity_notice.hide()
        if on_notes:
            self.focus_board()

    def refresh_posts(self) -> None:
        """Show post-its written elsewhere (phones), keeping the selection and the scroll."""
        table_id = self.ws.table_id
        if table_id is None:
            return
        session = self.ws.session
        self.model.phone_ids = frozenset(phone_post_ids(self.ws.store, table_id, session))
        shown = {post.id: post for post in self.model.posts()}
        for post in self.ws.store.contributions(table_id, session, include_deleted=True):
            before = shown.get(post.id)
            if before != post and not (post.deleted and before is None):
                self.model.upsert(post)  # new, changed or deleted: only that note moves
        self.view.viewport().update()  # a phone mark may have changed
        self._update_count()

    # -- focus helpers ---------------------------------------------------------------------

    def focus_capture(self) -> None:
        """Put the cursor in the capture line."""
        self.capture.setFocus()

    def focus_board(self) -> None:
        """Move the keyboard into the notes (selecting the last one if none is)."""
        if self.affinity_shown():
            self.affinity.focus_first()
            return
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

    # -- filtering -------------------------------------------------------------------------

    def _theme_filter_changed(self, _row: int) -> None:
        self.apply_filter(self.filter_entry.text())

    def apply_filter(self, query: str | None = None) -> None:
        """Show only the notes matching the search box and the theme selected."""
        text = self.filter_entry.text() if query is None else query
        self.model.set_filter(parse_filter(text, self._current_theme_filter()))
        self._update_count()

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
        """Show theme suggestions for this session (nothing is written).

        Beside the grid, in the suggestions panel; in the affinity view, as proposed
        columns of the post-its without a theme.
        """
        if self.suggestions is None:
            from facilitator_app.ui.suggestions.panel import SuggestionsPanel  # on demand

            self.suggestions = SuggestionsPanel(
                self.ws, self.reload, self.splitter, steps=self.proposal_steps()
            )
            self.suggestions.hide()
            self.splitter.addWidget(self.suggestions)
            # after the panel's own listener, so that its status line is already new
            self.suggestions.proposals.subscribe(self._notice_changed)
        if self.affinity_shown():
            self.suggestions.hide()
            check = self.suggestions.unthemed_check
            check.blockSignals(True)
            check.setChecked(True)  # the themed post-its stay in their columns
            check.blockSignals(False)
            self.suggestions.compute()
            self.affinity_notice.show()
            self._notice_changed()
            self.affinity.focus_proposals()
            return self.suggestions
        if self.suggestions.isHidden():
            self.suggestions.show()
            self.splitter.setSizes([200, 560, 460])
        self.suggestions.compute()
        self.suggestions.tree.setFocus()
        return self.suggestions

    def _notice_changed(self) -> None:
        """Say above the columns how many proposals there are now."""
        if self.suggestions is not None and not self.affinity_notice.isHidden():
            text = self.suggestions.status.text()
            self.affinity_notice.setText(text)
            self.affinity_notice.setToolTip(text)

    def current_index(self) -> QModelIndex:
        """The note with the keyboard focus."""
        return self.view.currentIndex()

    def set_zoom(self, factor: float) -> None:
        """Scale the notes."""
        self.delegate.zoom = factor
        self.view.doItemsLayout()
        self._refresh_affinity()

    def focus_first(self) -> None:
        """Where the keyboard goes when the tab is shown: the capture line."""
        self.focus_capture()
