"""The one place that holds the theme suggestions on screen (Qt-free).

The suggestions panel beside the grid and the affinity view's proposed columns show the
same :class:`Proposals`: a gesture in one is seen in the other. Every gesture builds a new
immutable :class:`ProposalState` (nothing is edited in place), so that an undo step only
has to remember the state before and the state after (see :mod:`.steps`).

In the affinity view a proposal holds only the post-its that are still without a theme:
a post-it a facilitator already put into a theme stays there (a suggestion never undoes a
decision), so a group that mixes themed and unthemed post-its shows, and accepts, only its
unthemed ones; a group left with none is not shown there.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from facilitator_app.domain.model import Contribution
from facilitator_app.services.analysis.embeddings import Vector
from facilitator_app.services.analysis.suggest import (
    SuggestedGroup,
    merge_groups,
    rename_group,
    split_group,
)

SessionKey = tuple[str | None, int]


@dataclass(frozen=True)
class ProposalState:
    """The suggestions of one table session as shown at one moment.

    Attributes:
        key: the (table id, session) they were computed for.
        posts: the post-its they were computed from (their order gives words weight).
        groups: the suggested groups, in the order shown.
        ungrouped: how many of ``posts`` resemble no other.
        vectors: the post-its' meaning vectors they were computed with (None: the word
            method), so that a merge or a split titles its groups the same way.
    """

    key: SessionKey = (None, 0)
    posts: tuple[Contribution, ...] = ()
    groups: tuple[SuggestedGroup, ...] = ()
    ungrouped: int = 0
    vectors: Mapping[str, Vector] | None = None

    def renamed(self, index: int, title: str) -> ProposalState:
        """The same proposals with one retitled.

        Raises:
            ValueError: the title is blank.
        """
        groups = list(self.groups)
        groups[index] = rename_group(groups[index], title)
        return dataclasses.replace(self, groups=tuple(groups))

    def merged(self, indices: Sequence[int]) -> ProposalState:
        """Two or more proposals as one, where the first of them was.

        Raises:
            ValueError: fewer than two proposals given.
        """
        chosen = sorted(set(indices))
        if len(chosen) < 2:
            raise ValueError("servono almeno due gruppi da unire")
        merged = merge_groups([self.groups[i] for i in chosen], self.posts, vectors=self.vectors)
        groups = list(self.groups)
        groups[chosen[0]] = merged
        for index in reversed(chosen[1:]):
            del groups[index]
        return dataclasses.replace(self, groups=tuple(groups))

    def split(self, index: int) -> ProposalState:
        """One proposal split in two by the similarity of its post-its, in its place."""
        parts = split_group(self.groups[index], self.posts, vectors=self.vectors)
        groups = list(self.groups)
        groups[index : index + 1] = parts
        return dataclasses.replace(self, groups=tuple(groups))

    def without(self, indices: Collection[int]) -> ProposalState:
        """The proposals but these (ignored, or accepted as themes)."""
        groups = tuple(g for i, g in enumerate(self.groups) if i not in indices)
        return dataclasses.replace(self, groups=groups)

    def moved(self, posts: Sequence[Contribution], target: int | None) -> ProposalState:
        """Post-its taken out of every proposal and put into one (None: into none).

        A post-it the suggestions were not computed from joins their post-its (merging and
        splitting weigh it too); a proposal left empty is dropped.
        """
        ids = [post.id for post in posts]
        wanted = set(ids)
        known = {post.id for post in self.posts}
        groups: list[SuggestedGroup] = []
        for index, group in enumerate(self.groups):
            kept = tuple(i for i in group.contribution_ids if i not in wanted)
            if index == target:
                kept += tuple(ids)
            if kept:
                groups.append(dataclasses.replace(group, contribution_ids=kept))
        extra = tuple(post for post in posts if post.id not in known)
        return dataclasses.replace(self, groups=tuple(groups), posts=self.posts + extra)

    def unthemed_members(self, index: int, themed: Collection[str]) -> list[str]:
        """The post-its of a proposal that are not in a theme now.

        What the proposal holds on the affinity view, and what accepting it moves there.

        Args:
            index: the proposal.
            themed: ids of the post-its that are in a live theme now.
        """
        return [i for i in self.groups[index].contribution_ids if i not in themed]


class Proposals:
    """The suggestions on screen, shared by every view that shows them.

    Views :meth:`subscribe` to be told of each new state; the undo steps of :mod:`.steps`
    :meth:`replace` the state (with the one before, on undo).
    """

    def __init__(self) -> None:
        self.state = ProposalState()
        self._listeners: list[Callable[[], None]] = []

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after every change of state."""
        self._listeners.append(listener)

    def replace(self, state: ProposalState) -> None:
        """Show another state (a new computation, a gesture, an undo or a redo)."""
        self.state = state
        for listener in list(self._listeners):
            listener()

    def clear(self, key: SessionKey) -> None:
        """No suggestions (for another session, or the views were closed)."""
        self.replace(ProposalState(key))
