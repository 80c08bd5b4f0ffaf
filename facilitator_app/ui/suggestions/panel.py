"""Theme suggestions for the current table session, shown beside the board.

The groups come from :func:`facilitator_app.services.analysis.suggest.suggest` (pure: it
reads and writes nothing) and are kept in
the board's shared :class:`~facilitator_app.ui.suggestions.proposals.Proposals`, which the
affinity view shows too. Renaming, merging, splitting and ignoring change only the
suggestions on screen; accepting a group is the one gesture that writes: one call to the
capture service creates the theme and moves its post-its into it in one transaction. Each
gesture is one step of the event's undo history (:mod:`.steps`).

The suggestions use the post-its' meaning vectors
(:mod:`facilitator_app.services.analysis.embeddings`): the model loads once, in a worker
thread while the window keeps answering ("Preparo i suggerimenti…" after a second), and
the vectors missing from the file are computed and stored there; without the model the
word method alone is used.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEventLoop, Qt, QThread
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.domain.model import Contribution, Theme
from facilitator_app.services.analysis import embeddings
from facilitator_app.services.analysis.suggest import SuggestedGroup
from facilitator_app.ui.common.actions import Shortcut, make_action, make_button
from facilitator_app.ui.context import Workspace
from facilitator_app.ui.progress import ProgressDialog
from facilitator_app.ui.suggestions.proposals import Proposals, ProposalState
from facilitator_app.ui.suggestions.steps import ProposalSteps

GROUP_ROLE = Qt.ItemDataRole.UserRole
POST_ROLE = Qt.ItemDataRole.UserRole + 1
# A member's text is cut to this many characters in the list (the tooltip has all of it).
MEMBER_CHARS = 90
# Milliseconds before "Preparo i suggerimenti…" appears (a warm model answers sooner).
PREPARING_AFTER_MS = 1000


class _EncoderLoader(QThread):
    """Loads the shared encoder away from the window's thread."""

    def run(self) -> None:
        embeddings.shared_encoder()


class SuggestionsPanel(QWidget):
    """Suggested groups of the board's post-its, to accept as themes or to dismiss.

    Args:
        workspace: the open event; its current table session is grouped.
        written: called after the file changed (a group accepted, undone or redone), so
            that the board shows it.
        parent: the owning widget (the board's splitter).
        steps: the undoable gestures on the suggestions shared with the affinity view (a
            panel of its own when None).
    """

    def __init__(
        self,
        workspace: Workspace,
        written: Callable[[], None],
        parent: QWidget | None = None,
        *,
        steps: ProposalSteps | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.steps = steps or ProposalSteps(workspace, Proposals(), written)
        self.proposals = self.steps.proposals
        self._select_after: int | None = None
        self._computing = 0
        self.setObjectName("suggestions")
        self.setAccessibleName(self.tr("Temi suggeriti"))
        self._build()
        self.ws.selection_changed.connect(self._selection_changed)
        self.proposals.subscribe(self._proposals_changed)

    @property
    def groups(self) -> list[SuggestedGroup]:
        """The suggestions on screen for the current table session, in order."""
        state = self.proposals.state
        return list(state.groups) if state.key == self._key() else []

    @property
    def posts(self) -> list[Contribution]:
        """The post-its the suggestions were computed from."""
        state = self.proposals.state
        return list(state.posts) if state.key == self._key() else []

    def _key(self) -> tuple[str | None, int]:
        return (self.ws.table_id, self.ws.session)

    # -- building --------------------------------------------------------------------------

    def _button(self, text: str, accessible: str, slot: Callable[[], object]) -> QPushButton:
        return make_button(self, text, slot, accessible=accessible)

    def _shortcut(self, key: Shortcut, slot: Callable[[], object]) -> None:
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        make_action(self, "", slot, shortcut=key, scope=scope, add_to=self)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Temi suggeriti"), self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        top.addWidget(heading, 1)
        self.close_button = self._button("✕", self.tr("Chiudi i suggerimenti"), self.hide)
        self.close_button.setToolTip(self.tr("Chiudi i suggerimenti (nulla viene scritto)"))
        self.close_button.setFlat(True)
        top.addWidget(self.close_button)
        layout.addLayout(top)
        self.unthemed_check = QCheckBox(self.tr("Solo i post-it senza &tema"), self)
        self.unthemed_check.setAccessibleName(self.tr("Suggerisci solo per i post-it senza tema"))
        self.unthemed_check.toggled.connect(lambda _=False: self.compute())
        layout.addWidget(self.unthemed_check)

        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Gruppi suggeriti e i loro post-it"))
        self.tree.setHeaderLabels(
            [self.tr("Gruppo / post-it"), self.tr("N."), self.tr("Parole chiave")]
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 150)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.tree.setWordWrap(True)
        self.tree.itemChanged.connect(self._item_changed)
        layout.addWidget(self.tree, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        buttons = QHBoxLayout()
        self.accept_button = self._button(
            self.tr("&Accetta"), self.tr("Accetta il gruppo come tema"), self.accept_selected
        )
        self.accept_button.setToolTip(
            self.tr("Crea il tema e vi sposta i post-it (Ctrl+Invio; Ctrl+Z annulla)")
        )
        self.rename_button = self._button(
            self.tr("Ri&nomina"), self.tr("Rinomina il gruppo"), self.start_rename
        )
        self.rename_button.setToolTip(self.tr("Modifica il titolo suggerito (F2)"))
        self.merge_button = self._button(
            self.tr("&Unisci"), self.tr("Unisci i gruppi scelti"), self.merge_selected
        )
        self.merge_button.setToolTip(self.tr("Unisce due o più gruppi scelti con Ctrl+clic"))
        self.split_button = self._button(
            self.tr("&Dividi"), self.tr("Dividi il gruppo in due"), self.split_selected
        )
        self.ignore_button = self._button(
            self.tr("&Ignora"), self.tr("Ignora il gruppo"), self.ignore_selected
        )
        self.ignore_button.setToolTip(self.tr("Toglie il suggerimento dall'elenco (Canc)"))
        for button in (
            self.accept_button,
            self.rename_button,
            self.merge_button,
            self.split_button,
            self.ignore_button,
        ):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._shortcut("Ctrl+Return", self.accept_selected)
        self._shortcut("Ctrl+Enter", self.accept_selected)
        self._shortcut(QKeySequence.StandardKey.Delete, self.ignore_selected)
        self.tree.itemSelectionChanged.connect(self._update_buttons)

    # -- computing -------------------------------------------------------------------------

    def _live_themes(self) -> set[str]:
        table_id = self.ws.table_id
        if table_id is None:
            return set()
        return {t.id for t in self.ws.capture.themes(table_id, self.ws.session)}

    def compute(self) -> None:
        """Suggest groups for the current table session (writes only missing meaning vectors)."""
        table_id = self.ws.table_id
        posts = (
            [p for p in self.ws.store.contributions(table_id, self.ws.session) if not p.deleted]
            if table_id is not None
            else []
        )
        if self.unthemed_check.isChecked():
            live = self._live_themes()
            posts = [p for p in posts if p.theme_id is None or p.theme_id not in live]
        # While the model loads, the window answers: a newer compute() may start and
        # finish meanwhile, and then this older one must not overwrite it.
        self._computing += 1
        mine = self._computing
        vectors = self._vectors(posts)
        if mine != self._computing:
            return
        suggestion = embeddings.suggest_on(posts, vectors)
        self.proposals.replace(
            ProposalState(
                self._key(),
                tuple(posts),
                tuple(suggestion.groups),
                len(suggestion.ungrouped),
                vectors,
            )
        )

    def _vectors(self, posts: Sequence[Contribution]) -> dict[str, embeddings.Vector] | None:
        """The post-its' vectors (stored ones reused, new ones saved), None without model."""
        if not posts:
            return None
        window, focus = self.window(), QApplication.focusWidget()
        with ProgressDialog(window, self.tr("Preparo i suggerimenti…")) as progress:
            progress.dialog.setMinimumDuration(PREPARING_AFTER_MS)
            progress.dialog.setValue(0)  # starts Qt's show timer now (else it waits 4 s)
            if not embeddings.shared_encoder_loaded():
                loader = _EncoderLoader(self)
                waiting = QEventLoop(self)
                loader.finished.connect(waiting.quit)
                loader.start()
                # The window keeps painting and answering while the model loads.
                waiting.exec()
                loader.wait()
                loader.deleteLater()
            store = self.ws.store
            vectors = embeddings.board_vectors(
                store,
                posts,
                embeddings.shared_encoder(),
                save=not store.read_only,
                progress=progress,
            )
        # The progress dialog (shown or not) and the wait for the model can leave the window
        # without keyboard focus: give it back to where the person was.
        window.activateWindow()
        if focus is not None and focus.isVisible():
            focus.setFocus()
        return vectors

    def _selection_changed(self) -> None:
        if self.isVisible():
            self.compute()
        else:
            self.proposals.clear(self._key())

    def _proposals_changed(self) -> None:
        select, self._select_after = self._select_after, None
        self._fill(select)

    def _change(self, text: str, after: ProposalState, select: int | None) -> None:
        """One undoable gesture on the suggestions, the group ``select`` selected after."""
        self._select_after = select
        self.steps.change(text, after)
        self._select_after = None

    def _fill(self, select: int | None = None) -> None:
        by_id = {p.id: p for p in self.posts}
        themes: dict[str, Theme] = {}
        table_id = self.ws.table_id
        if table_id is not None:
            themes = {t.id: t for t in self.ws.capture.themes(table_id, self.ws.session)}
        self.tree.blockSignals(True)
        self.tree.clear()
        for index, group in enumerate(self.groups):
            words = ", ".join(group.keywords)
            item = QTreeWidgetItem([group.title, str(len(group)), words])
            item.setToolTip(2, words)
            item.setToolTip(1, self.tr("{n} post-it").format(n=len(group)))
            item.setData(0, GROUP_ROLE, index)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(
                0, self.tr("Coesione {score:.2f} · F2 per rinominare").format(score=group.score)
            )
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            for post_id in group.contribution_ids:
                post = by_id.get(post_id)
                if post is None:
                    continue
                text = (
                    post.text if len(post.text) <= MEMBER_CHARS else post.text[:MEMBER_CHARS] + "…"
                )
                theme = themes.get(post.theme_id or "")
                child = QTreeWidgetItem([text])
                child.setData(0, POST_ROLE, post.id)
                tip = post.text
                if theme is not None:
                    tip += "\n\n" + self.tr("Ora nel tema: {title}").format(title=theme.title)
                child.setToolTip(0, tip)
                child.setFlags(child.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            for row in range(item.childCount()):
                member = item.child(row)
                if member is not None:
                    member.setFirstColumnSpanned(True)
            item.setExpanded(True)
        self.tree.blockSignals(False)
        if self.groups:
            row = 0 if select is None else max(0, min(select, len(self.groups) - 1))
            self._set_current(row)
        if not self.posts:
            text = self.tr("Nessun post-it da raggruppare in questa sessione.")
        elif not self.groups:
            text = self.tr("Nessun gruppo suggerito: i post-it non si somigliano abbastanza.")
        else:
            text = self.tr("{groups} gruppi suggeriti · {loose} post-it non raggruppati").format(
                groups=len(self.groups), loose=self.proposals.state.ungrouped
            )
        self.status.setText(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_indices()
        self.accept_button.setEnabled(len(chosen) == 1)
        self.rename_button.setEnabled(len(chosen) == 1)
        self.merge_button.setEnabled(len(chosen) >= 2)
        self.split_button.setEnabled(len(chosen) == 1 and len(self.groups[chosen[0]]) >= 2)
        self.ignore_button.setEnabled(bool(chosen))

    def _set_current(self, row: int, *, select: bool = True) -> None:
        item = self.tree.topLevelItem(row)
        if item is None:
            return
        if select:
            self.tree.setCurrentItem(item)
        else:
            flag = self.tree.selectionModel().SelectionFlag.NoUpdate
            self.tree.setCurrentItem(item, 0, flag)

    def selected_indices(self) -> list[int]:
        """The groups selected (a selected post-it stands for its group), in list order."""
        chosen: set[int] = set()
        for item in self.tree.selectedItems():
            top = item.parent() or item
            chosen.add(int(top.data(0, GROUP_ROLE)))
        if not chosen and (current := self.tree.currentItem()) is not None:
            chosen.add(int((current.parent() or current).data(0, GROUP_ROLE)))
        return sorted(i for i in chosen if i < len(self.groups))

    def select(self, *indices: int) -> None:
        """Select groups by their position in the list."""
        self.tree.clearSelection()
        for index in indices:
            item = self.tree.topLevelItem(index)
            if item is not None:
                item.setSelected(True)
        if indices:
            self._set_current(indices[0], select=False)
        self._update_buttons()

    # -- gestures on the suggestions (nothing is written) ---------------------------------

    def start_rename(self) -> None:
        """Edit the selected group's title in place."""
        chosen = self.selected_indices()
        if len(chosen) == 1:
            item = self.tree.topLevelItem(chosen[0])
            if item is not None:
                self.tree.setCurrentItem(item)
                self.tree.editItem(item, 0)

    def rename(self, index: int, title: str) -> bool:
        """Give a group another title; False (and the old title back) when it is blank."""
        try:
            after = self.proposals.state.renamed(index, title)
        except ValueError:
            self._fill(index)
            self.status.setText(self.tr("Il titolo non può essere vuoto."))
            return False
        self._change(self.tr("Rinomina proposta"), after, index)
        return True

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0 or item.parent() is not None:
            return
        index = int(item.data(0, GROUP_ROLE))
        if index < len(self.groups) and item.text(0) != self.groups[index].title:
            self.rename(index, item.text(0))

    def merge_selected(self) -> SuggestedGroup | None:
        """Merge the selected groups (two or more) into one."""
        chosen = self.selected_indices()
        if len(chosen) < 2:
            self.status.setText(self.tr("Scegli almeno due gruppi da unire (Ctrl+clic)."))
            return None
        self._change(self.tr("Unisci proposte"), self.proposals.state.merged(chosen), chosen[0])
        return self.groups[chosen[0]]

    def split_selected(self) -> list[SuggestedGroup]:
        """Split the selected group in two by the similarity of its post-its."""
        chosen = self.selected_indices()
        if len(chosen) != 1:
            return []
        index = chosen[0]
        before = len(self.groups)
        self._change(self.tr("Dividi proposta"), self.proposals.state.split(index), index)
        return self.groups[index : index + 1 + len(self.groups) - before]

    def ignore_selected(self) -> None:
        """Drop the selected groups from the list (the file is not touched)."""
        chosen = self.selected_indices()
        if chosen:
            state = self.proposals.state.without(set(chosen))
            self._change(self.tr("Ignora proposta"), state, chosen[0])

    # -- accepting (the one gesture that writes) -------------------------------------------

    def accept_selected(self) -> Theme | None:
        """Accept the selected group: create its theme and move its post-its into it."""
        chosen = self.selected_indices()
        if len(chosen) != 1:
            return None
        return self.accept(chosen[0])

    def accept(self, index: int) -> Theme | None:
        """Create the theme of a group and move its post-its into it, as one undoable step.

        Returns:
            The new theme, or None when the file refused the change (the reason is shown).
        """
        group = self.groups[index]
        table_id, session = self.ws.table_id, self.ws.session
        if table_id is None:
            return None
        live = {p.id for p in self.ws.store.contributions(table_id, session) if not p.deleted}
        ids = [i for i in group.contribution_ids if i in live]
        self._select_after = index
        try:
            if not ids:
                self.steps.change(self.tr("Ignora proposta"), self.proposals.state.without({index}))
                return None
            return self.steps.accept(index, ids)
        finally:
            self._select_after = None

    def member_texts(self, index: int) -> Sequence[str]:
        """The texts of a group's post-its (what the panel lists under it)."""
        by_id = {p.id: p.text for p in self.posts}
        return [by_id[i] for i in self.groups[index].contribution_ids if i in by_id]
