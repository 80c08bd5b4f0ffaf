"""The board's affinity view: its toggle, its drops and its proposed themes, all undoable.

A drop on a theme's column moves the post-its into that theme and on "Senza tema" out of
any (one service call, one undo step, "Sposta in «…»"); a drop on a proposed theme's column
puts them into that proposal (taking them out of their theme first, in the same step).
Accept, rename, split, merge and ignore of a proposal are each one undo step
(:class:`~facilitator_app.ui.suggestions.steps.ProposalSteps`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator_app.ui.board.affinity import AffinityView, ProposalShown
from facilitator_app.ui.board.columns import Target
from facilitator_app.ui.board.edits import PostItEdits

if TYPE_CHECKING:  # the suggestions (and the analysis they load) come on demand
    from facilitator_app.ui.suggestions.steps import ProposalSteps


class AffinityEdits(PostItEdits):
    """The affinity view's gestures (mixed into the board panel)."""

    affinity: AffinityView
    _steps: ProposalSteps | None

    # -- the view --------------------------------------------------------------------------

    def affinity_shown(self) -> bool:
        """True when the board shows its post-its by theme."""
        return self.stack.currentWidget() is self.affinity

    def proposal_steps(self) -> ProposalSteps:
        """The shared proposals and their undoable gestures (built on first use)."""
        if self._steps is None:
            from facilitator_app.ui.suggestions.proposals import Proposals
            from facilitator_app.ui.suggestions.steps import ProposalSteps  # on demand

            self._steps = ProposalSteps(self.ws, Proposals(), self.reload)
            self._steps.proposals.subscribe(self._refresh_affinity)
        return self._steps

    def reload(self) -> None:
        """Show the current table session from the file (the board defines it)."""
        raise NotImplementedError

    def _shown_proposals(self) -> list[ProposalShown]:
        if self._steps is None:
            return []
        state = self._steps.proposals.state
        if state.key != (self.ws.table_id, self.ws.session):
            return []
        themed = {p.id for p in self.model.posts() if self.model.theme_title(p.theme_id)}
        shown: list[ProposalShown] = []
        for index, group in enumerate(state.groups):
            members = state.unthemed_members(index, themed)
            if members:  # a proposal of themed post-its only has nothing to show here
                shown.append((index, group.title, group.keywords, members, group))
        return shown

    def _refresh_affinity(self) -> None:
        if self.affinity_shown():
            self.affinity.rebuild(self._themes, self._shown_proposals(), self.delegate.zoom)

    def _proposals_follow(self) -> None:
        # A proposal whose post-its all went into themes has nothing to show (and one whose
        # post-its came back, on undo, shows again): rebuild only when that set changes.
        if not self.affinity_shown():
            return
        wanted = [shown[0] for shown in self._shown_proposals()]
        present = [
            c.target.proposal for c in self.affinity.columns if c.target.proposal is not None
        ]
        if wanted != present:
            self._refresh_affinity()

    # -- drops -----------------------------------------------------------------------------

    def _dropped_on_column(self, ids: list[str], target: Target) -> None:
        if target.proposal is not None:
            self._into_proposal(ids, target.proposal)
            return
        wanted = set(ids)
        posts = [p for p in self.model.posts() if p.id in wanted]
        title = self.model.theme_title(target.theme_id) or self.tr("Senza tema")
        text = self.tr("Sposta in «{title}»").format(title=title)
        moving = [p.id for p in posts if p.theme_id != target.theme_id]
        if target.theme_id is None:
            moving = [p.id for p in posts if self.model.theme_title(p.theme_id)]
            if not moving and self._steps is not None:  # from a proposal: out of it
                state = self._steps.proposals.state
                self._steps.change(text, state.moved(posts, None))
                return
        self.assign_theme(moving, target.theme_id, text)

    def _into_proposal(self, ids: list[str], index: int) -> None:
        steps = self.proposal_steps()
        state = steps.proposals.state
        title = state.groups[index].title
        text = self.tr("Sposta in «{title}»").format(title=title)
        wanted = set(ids)
        posts = [p for p in self.model.posts() if p.id in wanted]
        after = state.moved(posts, index)
        themed = [p.id for p in posts if p.theme_id]
        if not themed:
            steps.change(text, after)
            return
        capture = self.ws.capture
        steps.with_edit(text, lambda: capture.move_to_theme(themed, None), after, text)

    # -- proposals -------------------------------------------------------------------------

    def _accept_proposal(self, index: int) -> None:
        steps = self.proposal_steps()
        themed = {p.id for p in self.model.posts() if self.model.theme_title(p.theme_id)}
        members = steps.proposals.state.unthemed_members(index, themed)
        if members:
            steps.accept(index, members)
        else:
            self.ws.failed.emit(self.tr("La proposta non ha post-it senza tema"))

    def _rename_proposal(self, index: int, title: str) -> None:
        steps = self.proposal_steps()
        try:
            after = steps.proposals.state.renamed(index, title)
        except ValueError:
            self.ws.failed.emit(self.tr("Il titolo non può essere vuoto."))
            self._refresh_affinity()
            return
        steps.change(self.tr("Rinomina proposta"), after)

    def _split_proposal(self, index: int) -> None:
        steps = self.proposal_steps()
        steps.change(self.tr("Dividi proposta"), steps.proposals.state.split(index))

    def _merge_proposals(self, index: int, other: int) -> None:
        steps = self.proposal_steps()
        steps.change(self.tr("Unisci proposte"), steps.proposals.state.merged([index, other]))

    def _ignore_proposal(self, index: int) -> None:
        steps = self.proposal_steps()
        steps.change(self.tr("Ignora proposta"), steps.proposals.state.without({index}))
