"""The gestures on theme suggestions as steps of the event's one undo history.

Renaming, merging, splitting, ignoring and moving post-its between proposals change only
what is on screen: each is one :class:`~facilitator_app.ui.common.undo.StepCommand` that
puts back the :class:`~.proposals.ProposalState` before (undo) or after (redo). Accepting a
proposal also writes: one call to the capture service creates the theme and moves the
post-its into it (one transaction), and its one undo step reverts that call and puts the
proposal back on screen, as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject

from facilitator_app.domain.model import Theme
from facilitator_app.services.capture.board import Edit
from facilitator_app.ui.common.undo import StepCommand
from facilitator_app.ui.context import Workspace
from facilitator_app.ui.suggestions.proposals import Proposals, ProposalState


class ProposalSteps(QObject):
    """Undoable gestures on the shared :class:`Proposals`.

    Args:
        workspace: the open event (its undo stack and capture service).
        proposals: the suggestions on screen.
        written: called after the file changed (an accept, its undo or redo), so that the
            board shows it.
    """

    def __init__(
        self, workspace: Workspace, proposals: Proposals, written: Callable[[], None]
    ) -> None:
        super().__init__(workspace)
        self.ws = workspace
        self.proposals = proposals
        self._written = written

    def change(self, text: str, after: ProposalState) -> None:
        """Show ``after`` as one undo step named ``text`` (nothing is written)."""
        before = self.proposals.state
        if after == before:
            return
        self.proposals.replace(after)
        self.ws.undo_stack.push(
            StepCommand(
                text,
                lambda: self.proposals.replace(after),
                lambda: self.proposals.replace(before),
            )
        )

    def accept(self, index: int, post_ids: Sequence[str]) -> Theme | None:
        """Create the theme of a proposal with these post-its, as one undo step.

        Returns:
            The new theme, or None when the file refused the change (the reason is shown).
        """
        before = self.proposals.state
        group = before.groups[index]
        table_id, session = before.key
        if table_id is None:
            return None
        capture = self.ws.capture
        edit = self.with_edit(
            self.tr("Accetta tema «{title}»").format(title=group.title),
            lambda: capture.accept_group(table_id, session, group.title, post_ids),
            before.without({index}),
            self.tr("Tema «{title}» creato").format(title=group.title),
        )
        return edit.themes[0] if edit is not None else None

    def with_edit(
        self, text: str, op: Callable[[], Edit], after: ProposalState, done: str
    ) -> Edit | None:
        """Write an edit and show ``after``, as one undo step that reverts both.

        Args:
            text: the step's name.
            op: the one service call that writes (one transaction).
            after: the proposals shown once it is written.
            done: what the status bar says once it is written.

        Returns:
            The edit, or None when the file refused it (nothing changes, the reason is shown).
        """
        before = self.proposals.state
        edit = self.ws.run(op, done)
        if edit is None:
            return None
        capture = self.ws.capture

        def step(action: Callable[[], object], state: ProposalState) -> Callable[[], None]:
            def run() -> None:
                done = self.ws.run(action, self.tr("Salvato")) is not None
                self._written()
                if done:
                    self.proposals.replace(state)

            return run

        # The board shows the file first, then the proposals: so the keyboard stays in the
        # column it was in (the next proposal) rather than where the post-its were a moment.
        self._written()
        self.proposals.replace(after)
        self.ws.undo_stack.push(
            StepCommand(
                text,
                step(lambda: capture.reapply(edit), after),
                step(lambda: capture.revert(edit), before),
            )
        )
        return edit
