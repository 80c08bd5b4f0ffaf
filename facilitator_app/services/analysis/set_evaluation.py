"""The suggestions measured on a labelled set of boards (``themes evaluate --set``).

Each board's suggestions are compared with its theme labels by the adjusted Rand index
(ARI) and the adjusted mutual information (AMI), beside baselines: one group per board,
one group per kind, one group per tag (zone, else the card's strategy, else the axis) and
the previous word-feature method. Ungrouped post-its count as groups of one. The pooled
figures join every board's partition (boards kept apart). The cross-cutting themes
suggested over the whole set are scored by precision (of the post-its placed in a
suggested theme, the share whose cross-cutting label is the strict majority label of that
theme; a tie is no agreement; undefined, None, when no theme is suggested), its chance
(the same themes with random post-its of their own tables) and coverage (the share of
labelled cross-cutting post-its placed that way), against the set's own labels and,
when given, exhaustive ones (:mod:`.crosscutting_labels`).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy.typing as npt

from facilitator_app.domain.model import Contribution, Table
from facilitator_app.services.analysis.crosscutting import crosscutting_themes
from facilitator_app.services.analysis.crosscutting_model import CrossCuttingTheme
from facilitator_app.services.analysis.labelled_sets import LabelledSet, as_contributions
from facilitator_app.services.analysis.quality import (
    adjusted_mutual_information,
    adjusted_rand_index,
)
from facilitator_app.services.analysis.suggest import Suggestion, suggest
from facilitator_app.services.common.progress import Progress, no_progress

# Draws of the chance baseline of the cross-cutting precision (fixed seed: repeatable; at
# 5,000 its standard error is about 0.001).
CHANCE_DRAWS = 5000
_CHANCE_SEED = 17

# The partitions compared, in the order they are shown (stable ids, used in --json).
METHOD = "method"
PARTITIONS = (METHOD, "words", "one_group", "kind", "tag")
# What each partition is, for people.
PARTITION_LABELS = {
    METHOD: "metodo",
    "words": "parole (metodo precedente)",
    "one_group": "un gruppo",
    "kind": "per tipo",
    "tag": "per etichetta (zona, scheda, asse)",
}


@dataclass(frozen=True, slots=True)
class SetBoardScore:
    """One labelled board.

    Attributes:
        board: the board's id.
        table: the table's name.
        size: post-its on the board.
        themes: labelled themes.
        groups: suggested groups of two or more.
        alone: post-its the suggestions left alone.
        ari: partition name -> ARI against the labels.
        ami: partition name -> AMI against the labels.
    """

    board: str
    table: str
    size: int
    themes: int
    groups: int
    alone: int
    ari: Mapping[str, float]
    ami: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class CrossCuttingScore:
    """The suggested cross-cutting themes against the labelled ones.

    Attributes:
        themes: suggested themes.
        placed: post-its placed in them.
        correct: placed post-its whose label is the majority label of their theme.
        labelled: post-its with a cross-cutting label in the set.
        labels_found: labelled themes that are the majority label of a suggested one.
        labels: labelled cross-cutting themes in the set.
        chance: the precision of the same themes by chance: each post-it replaced by a
            random post-it of its own table (mean of :data:`CHANCE_DRAWS` draws, fixed
            seed); None when no theme is suggested.
    """

    themes: int
    placed: int
    correct: int
    labelled: int
    labels_found: int
    labels: int
    chance: float | None = None

    @property
    def precision(self) -> float | None:
        """Share of the placed post-its that are right; None (undefined) when none is placed.

        No theme is not a precise answer: counting it as 0 or 1 would hide it, so it is
        reported apart (and coverage, a true 0, tells that nothing was found).
        """
        return self.correct / self.placed if self.placed else None

    @property
    def coverage(self) -> float:
        """Share of the labelled cross-cutting post-its placed right."""
        return self.correct / self.labelled if self.labelled else 0.0


@dataclass(frozen=True, slots=True)
class SetEvaluation:
    """Every board's scores, the pooled scores and the cross-cutting score.

    Attributes:
        name: the set's name.
        boards: per board.
        pooled_ari: partition -> ARI over all boards at once (boards kept apart).
        pooled_ami: partition -> AMI over all boards at once.
        crosscutting: the cross-cutting score against the set's own labels.
        size: post-its in the set.
        with_vectors: whether the method had meaning vectors (else it is the word method).
        exhaustive: the same themes scored against exhaustive labels
            (:mod:`.crosscutting_labels`), when they were given.
    """

    name: str
    boards: tuple[SetBoardScore, ...]
    pooled_ari: Mapping[str, float]
    pooled_ami: Mapping[str, float]
    crosscutting: CrossCuttingScore
    size: int
    with_vectors: bool
    exhaustive: CrossCuttingScore | None = None

    def mean(self, measure: str, partition: str) -> float:
        """Mean over the boards of "ari" or "ami" for one partition."""
        if not self.boards:
            return 0.0
        values = [float(getattr(board, measure)[partition]) for board in self.boards]
        return sum(values) / len(values)


def labels_of(posts: Sequence[Contribution], suggestion: Suggestion, prefix: str) -> list[str]:
    """One label per post-it from suggestions (ungrouped post-its alone)."""
    found = {
        cid: f"{prefix}/{i}" for i, g in enumerate(suggestion.groups) for cid in g.contribution_ids
    }
    return [found.get(p.id, f"solo:{p.id}") for p in posts]


def tag_label(post: Contribution) -> str:
    """Baseline label by tag: the zones, else the first card's strategy, else the axis."""
    if post.zones:
        return "zona:" + ",".join(map(str, post.zones))
    if post.cards:
        return "strategia:" + ".".join(post.cards[0].split(".")[:2])
    return f"asse:{post.axis}"


def evaluate_set(
    labelled: LabelledSet,
    vectors: Mapping[str, npt.ArrayLike] | None,
    *,
    progress: Progress = no_progress,
    exhaustive: Mapping[str, str] | None = None,
) -> SetEvaluation:
    """Measure the suggestions and the baselines on a labelled set.

    Args:
        labelled: the set.
        vectors: post-it id -> meaning vector for every post-it, or None (word method).
        progress: told after each board.
        exhaustive: post-it id -> cross-cutting label from an exhaustive labelling (see
            :mod:`.crosscutting_labels`); the same suggested themes are scored against it too.

    Returns:
        The scores.
    """
    partitions: dict[str, list[str]] = {name: [] for name in PARTITIONS}
    truth: list[str] = []
    scores: list[SetBoardScore] = []
    everything: list[Contribution] = []
    total = len(labelled.boards) + 1
    for number, board in enumerate(labelled.boards):
        posts = as_contributions(board)
        everything.extend(posts)
        labels = [f"{board.id}/{post.theme}" for post in board.posts]
        found = suggest(posts, vectors=vectors)
        predictions = {
            METHOD: labels_of(posts, found, board.id),
            "words": labels_of(posts, suggest(posts), board.id),
            "one_group": [board.id] * len(posts),
            "kind": [f"{board.id}/{p.kind.value}" if p.kind else f"solo:{p.id}" for p in posts],
            "tag": [f"{board.id}/{tag_label(p)}" for p in posts],
        }
        board_ari: dict[str, float] = {}
        board_ami: dict[str, float] = {}
        for name in PARTITIONS:
            predicted = predictions[name]
            partitions[name].extend(predicted)
            board_ari[name] = adjusted_rand_index(labels, predicted)
            board_ami[name] = adjusted_mutual_information(labels, predicted)
        truth.extend(labels)
        scores.append(
            SetBoardScore(
                board=board.id,
                table=board.table,
                size=len(posts),
                themes=len(set(labels)),
                groups=len(found.groups),
                alone=len(found.ungrouped),
                ari=board_ari,
                ami=board_ami,
            )
        )
        progress(number + 1, total, board.id)
    recurring = crosscutting_themes(everything, set_tables(labelled), vectors=vectors)
    own = {post.id: post.crosscutting for board in labelled.boards for post in board.posts}
    cross = crosscutting_score(recurring, own, everything)
    progress(total, total, "temi trasversali")
    return SetEvaluation(
        name=labelled.name,
        boards=tuple(scores),
        pooled_ari={n: adjusted_rand_index(truth, partitions[n]) for n in PARTITIONS},
        pooled_ami={n: adjusted_mutual_information(truth, partitions[n]) for n in PARTITIONS},
        crosscutting=cross,
        size=len(truth),
        with_vectors=vectors is not None,
        exhaustive=None
        if exhaustive is None
        else crosscutting_score(
            recurring, {post_id: exhaustive.get(post_id) for post_id in own}, everything
        ),
    )


def set_tables(labelled: LabelledSet) -> list[Table]:
    """One table record per board (key = board id), as the cross-cutting themes need."""
    return [
        Table(
            id=board.id,
            event_id=labelled.name,
            venue_id="",
            key=board.id,
            name=board.table,
            created_at="",
            updated_at="",
            axis=board.axis,
            zones=(board.zone,) if board.zone is not None else (),
            position=position,
        )
        for position, board in enumerate(labelled.boards)
    ]


def crosscutting_score(
    found: Sequence[CrossCuttingTheme],
    label: Mapping[str, str | None],
    posts: Sequence[Contribution],
) -> CrossCuttingScore:
    """Score suggested cross-cutting themes against labels (post-it id -> label or None).

    A theme's right post-its are those carrying its strict majority label; a theme whose
    majority is unlabelled, or with no strict majority, has none right. ``posts`` (the set's post-its) give the chance baseline.
    """
    placed = correct = 0
    majorities: set[str] = set()
    for theme in found:
        right, majority = _agreement([label.get(cid) for cid in theme.contribution_ids])
        placed += len(theme.contribution_ids)
        if majority is not None:
            majorities.add(majority)
            correct += right
    named = {value for value in label.values() if value is not None}
    return CrossCuttingScore(
        themes=len(found),
        placed=placed,
        correct=correct,
        labelled=sum(value is not None for value in label.values()),
        labels_found=len(majorities),
        labels=len(named),
        chance=_chance(found, label, posts) if placed else None,
    )


def _agreement(labels: Sequence[str | None]) -> tuple[int, str | None]:
    """How many carry the theme's label, and that label: the strict majority, or none.

    A tie (two concerns, or a concern and unlabelled post-its, equally many) is no agreement:
    a theme half about one thing and half about another is not right by half.
    """
    ranked = Counter(labels).most_common()
    top, count = ranked[0]
    if top is None or (len(ranked) > 1 and ranked[1][1] == count):
        return 0, None
    return count, top


def _chance(
    found: Sequence[CrossCuttingTheme],
    label: Mapping[str, str | None],
    posts: Sequence[Contribution],
) -> float:
    """Mean precision of the same themes with random post-its of the same tables."""
    table_of = {post.id: post.table_id for post in posts}
    by_table: dict[str, list[str]] = {}
    for post in posts:
        by_table.setdefault(post.table_id, []).append(post.id)
    # What each theme takes from each table, in a fixed order (repeatable whatever the
    # order of the themes' own post-its).
    wants = [
        sorted(Counter(table_of[cid] for cid in theme.contribution_ids).items()) for theme in found
    ]
    totals: Counter[str] = Counter()
    for want in wants:
        for table, count in want:
            totals[table] += count
    placed = sum(totals.values())
    draw = random.Random(_CHANCE_SEED)
    total = 0.0
    for _ in range(CHANCE_DRAWS):
        # One draw per table for all themes at once: like real themes, no post-it in two.
        pools = {table: draw.sample(by_table[table], count) for table, count in totals.items()}
        correct = 0
        for want in wants:
            picked = [pools[table].pop() for table, count in want for _ in range(count)]
            correct += _agreement([label.get(pid) for pid in picked])[0]
        total += correct / placed
    return total / CHANCE_DRAWS
