"""Agreement of suggested groups with the human grouping of an event file.

The human themes of an event (``Theme`` records, one set per table and session) are the
reference partition; :func:`adjusted_rand_index` (Hubert and Arabie, 1985) measures how
well another partition agrees with it: 1 for the same partition, about 0 for chance
agreement, negative for less than chance.

Two scopes are evaluated by :func:`evaluate`:

* per table and session, which is what a facilitator sees on the board: the suggestions
  for that board against its themes, averaged over the boards;
* over the whole event, where grouping by axis tag makes sense as a baseline.

Post-its without a theme, and suggestions left ungrouped, count as groups of one.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy.typing as npt

from facilitator_app.domain.model import Contribution, Table, Theme
from facilitator_app.services.analysis.suggest import suggest


def _pairs(count: int) -> int:
    return count * (count - 1) // 2


def adjusted_rand_index(truth: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    """Adjusted Rand index of two partitions of the same items.

    Args:
        truth: the label of each item in the reference partition.
        predicted: the label of each item (same order) in the partition to judge.

    Returns:
        1.0 for identical partitions (up to renaming labels), about 0.0 for chance
        agreement; can be negative. Two partitions that are both "everything together"
        or both "all apart" are identical and score 1.0.

    Raises:
        ValueError: the two sequences have different lengths.
    """
    if len(truth) != len(predicted):
        raise ValueError("le due partizioni devono avere lo stesso numero di elementi")
    n = len(truth)
    if n < 2:
        return 1.0
    joint = Counter(zip(truth, predicted, strict=True))
    index = sum(_pairs(c) for c in joint.values())
    rows = sum(_pairs(c) for c in Counter(truth).values())
    cols = sum(_pairs(c) for c in Counter(predicted).values())
    total = _pairs(n)
    expected = rows * cols / total
    maximum = (rows + cols) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)


def _entropy(counts: Iterable[int], n: int) -> float:
    return -sum(c / n * math.log(c / n) for c in counts if c)


def mutual_information(truth: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    """Mutual information of two partitions of the same items, in nats."""
    n = len(truth)
    if n == 0:
        return 0.0
    rows, cols = Counter(truth), Counter(predicted)
    joint = Counter(zip(truth, predicted, strict=True))
    return sum(c / n * math.log(n * c / (rows[a] * cols[b])) for (a, b), c in joint.items() if c)


def expected_mutual_information(rows: Sequence[int], cols: Sequence[int]) -> float:
    """Exact expected mutual information of two random partitions with these sizes.

    Under the hypergeometric model of Vinh, Epps and Bailey (2010): the cluster sizes
    are fixed and the items are assigned at random.

    Args:
        rows: the cluster sizes of one partition.
        cols: the cluster sizes of the other (same total).

    Returns:
        The expectation, in nats.
    """
    n = sum(rows)
    if n == 0:
        return 0.0
    lg = [math.lgamma(k + 1) for k in range(n + 1)]  # log k!
    total = 0.0
    for a in rows:
        for b in cols:
            low, high = max(1, a + b - n), min(a, b)
            for nij in range(low, high + 1):
                log_p = (
                    lg[a] + lg[b] + lg[n - a] + lg[n - b]
                    - lg[n] - lg[nij] - lg[a - nij] - lg[b - nij] - lg[n - a - b + nij]
                )  # fmt: skip
                total += nij / n * math.log(n * nij / (a * b)) * math.exp(log_p)
    return total


def adjusted_mutual_information(truth: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    """Adjusted mutual information (arithmetic-mean normalisation) of two partitions.

    (MI − E[MI]) / (mean(H(truth), H(predicted)) − E[MI]), with the exact expectation:
    1 for identical partitions, about 0 for chance agreement, symmetric.

    Raises:
        ValueError: the two sequences have different lengths.
    """
    if len(truth) != len(predicted):
        raise ValueError("le due partizioni devono avere lo stesso numero di elementi")
    n = len(truth)
    rows, cols = Counter(truth), Counter(predicted)
    if len(rows) == len(cols) <= 1 or len(rows) == len(cols) == n:
        return 1.0  # both one group, or both all apart: the same partition
    mi = mutual_information(truth, predicted)
    emi = expected_mutual_information(list(rows.values()), list(cols.values()))
    normaliser = (_entropy(rows.values(), n) + _entropy(cols.values(), n)) / 2
    denominator = normaliser - emi
    if abs(denominator) < 1e-15:
        return 0.0
    return (mi - emi) / denominator


# -- partitions of an event ------------------------------------------------------------


def human_labels(contributions: Sequence[Contribution], themes: Iterable[Theme]) -> list[str]:
    """The reference label of each post-it: its (live) theme, or a group of its own.

    Args:
        contributions: the post-its to label.
        themes: the event's themes; deleted ones do not count.

    Returns:
        One label per post-it, in the same order.
    """
    live = {theme.id for theme in themes if theme.deleted_at is None}
    return [f"tema:{c.theme_id}" if c.theme_id in live else f"solo:{c.id}" for c in contributions]


def suggested_labels(
    contributions: Sequence[Contribution],
    *,
    max_groups: int | None = None,
    vectors: Mapping[str, npt.ArrayLike] | None = None,
) -> list[str]:
    """The label of each post-it in the suggestions (ungrouped ones alone).

    Args:
        contributions: the post-its to group (one board, or a whole event).
        max_groups: passed to :func:`~facilitator_app.services.analysis.suggest.suggest`.
        vectors: post-it id -> meaning vector (word features without them).

    Returns:
        One label per post-it, in the same order.
    """
    result = suggest(contributions, max_groups=max_groups, vectors=vectors)
    label = {cid: f"gruppo:{i}" for i, g in enumerate(result.groups) for cid in g.contribution_ids}
    return [label.get(c.id, f"solo:{c.id}") for c in contributions]


def axis_labels(contributions: Sequence[Contribution]) -> list[str]:
    """Baseline: one group per axis tag (post-its without an axis alone)."""
    return [f"asse:{c.axis}" if c.axis is not None else f"solo:{c.id}" for c in contributions]


def kind_labels(contributions: Sequence[Contribution]) -> list[str]:
    """Baseline: one group per kind tag (criticità, proposta...; untagged alone)."""
    return [f"tipo:{c.kind.value}" if c.kind else f"solo:{c.id}" for c in contributions]


@dataclass(frozen=True, slots=True)
class BoardScore:
    """Agreement on one board (a table in one session).

    Attributes:
        table: the table's key.
        session: the session number.
        size: post-its on the board.
        themes: human themes on the board.
        groups: suggested groups (not counting ungrouped post-its).
        ungrouped: post-its the suggestions left alone.
        method: ARI of the suggestions.
        axis: ARI of grouping by axis tag.
        kind: ARI of grouping by kind tag.
    """

    table: str
    session: int
    size: int
    themes: int
    groups: int
    ungrouped: int
    method: float
    axis: float
    kind: float


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Agreement of the suggestions and of the baselines with an event's human themes.

    Attributes:
        boards: one score per board with at least two post-its and one theme.
        event_size: post-its in the whole-event comparison.
        event_themes: human themes in it.
        event_method: ARI of suggestions computed on the whole event at once, blind to
            tables.
        event_per_board: ARI of the per-board suggestions pooled over the event (each
            board's groups kept apart).
        event_axis: ARI of grouping by axis tag.
        event_kind: ARI of grouping by kind tag.
        event_board: ARI of "one group per board" (table and session), for reference.
    """

    boards: tuple[BoardScore, ...]
    event_size: int
    event_themes: int
    event_method: float
    event_per_board: float
    event_axis: float
    event_kind: float
    event_board: float

    def mean(self, attribute: str, *, weighted: bool = False) -> float:
        """Mean of one board score over the boards (weighted by size if asked).

        Args:
            attribute: "method", "axis" or "kind".
            weighted: weigh each board by its number of post-its.

        Returns:
            The mean, or 0.0 without boards.
        """
        if not self.boards:
            return 0.0
        weights = [b.size if weighted else 1 for b in self.boards]
        values = [float(getattr(b, attribute)) for b in self.boards]
        return sum(w * v for w, v in zip(weights, values, strict=True)) / sum(weights)


def evaluate(
    contributions: Sequence[Contribution],
    themes: Sequence[Theme],
    tables: Sequence[Table],
    *,
    vectors: Mapping[str, npt.ArrayLike] | None = None,
) -> Evaluation:
    """Compare suggestions and baselines with the human themes of an event.

    Only post-its of boards that have at least one live theme take part (a board nobody
    has grouped yet says nothing about quality).

    Args:
        contributions: the event's live post-its.
        themes: the event's themes.
        tables: the event's tables (for their keys).
        vectors: post-it id -> meaning vector (word features without them).

    Returns:
        Per-board and whole-event scores.
    """
    keys = {t.id: t.key for t in tables}
    order = {t.id: t.position for t in tables}
    live = [t for t in themes if t.deleted_at is None]
    themed_boards = {(t.table_id, t.session) for t in live}
    boards: dict[tuple[str, int], list[Contribution]] = {}
    for c in contributions:
        if not c.deleted and (c.table_id, c.session) in themed_boards:
            boards.setdefault((c.table_id, c.session), []).append(c)
    scores: list[BoardScore] = []
    pooled: list[Contribution] = []
    pooled_suggested: list[str] = []
    for (table_id, session), posts in sorted(
        boards.items(), key=lambda item: (order.get(item[0][0], 0), item[0][0], item[0][1])
    ):
        truth = human_labels(posts, live)
        result = suggest(posts, vectors=vectors)
        label = {
            cid: f"{table_id}/{session}/{i}"
            for i, g in enumerate(result.groups)
            for cid in g.contribution_ids
        }
        predicted = [label.get(c.id, f"solo:{c.id}") for c in posts]
        pooled.extend(posts)
        pooled_suggested.extend(predicted)
        if len(posts) < 2:
            continue
        scores.append(
            BoardScore(
                table=keys.get(table_id, table_id),
                session=session,
                size=len(posts),
                themes=len(set(truth) - {f"solo:{c.id}" for c in posts}),
                groups=len(result.groups),
                ungrouped=len(result.ungrouped),
                method=adjusted_rand_index(truth, predicted),
                axis=adjusted_rand_index(truth, axis_labels(posts)),
                kind=adjusted_rand_index(truth, kind_labels(posts)),
            )
        )
    truth = human_labels(pooled, live)
    return Evaluation(
        boards=tuple(scores),
        event_size=len(pooled),
        event_themes=len({label for label in truth if label.startswith("tema:")}),
        event_method=adjusted_rand_index(truth, suggested_labels(pooled, vectors=vectors)),
        event_per_board=adjusted_rand_index(truth, pooled_suggested),
        event_axis=adjusted_rand_index(truth, axis_labels(pooled)),
        event_kind=adjusted_rand_index(truth, kind_labels(pooled)),
        event_board=adjusted_rand_index(truth, [f"{c.table_id}/{c.session}" for c in pooled]),
    )
