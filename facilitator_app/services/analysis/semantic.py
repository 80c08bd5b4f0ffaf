"""Groups of post-its from meaning vectors: similarity, average-link tree, the cut, confidence.

The vectors come from the embedded sentence encoder (:mod:`.encoder`), one unit vector per
post-it, supplied by the caller. Similarity between two post-its is the cosine of their
vectors blended with a small overlap of their own tags (cards, zones, linked axes, kind).
Groups come from average-link agglomeration on that similarity (the nearest-neighbour chain
algorithm, numpy only), cut where the board's mean silhouette is highest, so the number of
groups is the method's choice; a group covering more than :data:`MAX_SHARE` of a board is
split at its top merge. Groups of one are allowed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from facilitator_app.domain.model import Contribution
from facilitator_app.services.analysis.vectors import Corpus

Matrix = npt.NDArray[np.float64]

# Weight of the tag overlap against the cosine of the meaning vectors (chosen on the dev set).
TAG_WEIGHT = 0.05
# Weight of the word features' cosine (TF-IDF, :mod:`.vectors`) in the blend.
WORD_WEIGHT = 0.15
# Weight of a shared kind inside the tag overlap (a kind says little about the topic).
KIND_WEIGHT = 0.25
# Largest share of a board one group may hold (boards of MIN_CAPPED post-its or more).
MAX_SHARE = 0.4
MIN_CAPPED = 5
# A member closer to its group than to the rest of the board by less than this share of
# the group's own similarity is left alone.
STRAY_MARGIN = 0.25
# Above this many post-its the silhouette is computed on a grid of cuts, not on every one.
FULL_SEARCH = 240
GRID_CUTS = 24


@dataclass(frozen=True, slots=True)
class Merge:
    """One step of the average-link tree.

    Leaves ``left`` and ``right`` stand for the two clusters joined at average
    similarity ``similarity``.
    """

    left: int
    right: int
    similarity: float


def tags_of(post: Contribution) -> dict[str, float]:
    """The post-it's own tags as weighted features (cards with their strategy, zones...)."""
    tags: dict[str, float] = {}
    for code in post.cards:
        tags[f"scheda:{code}"] = 1.0
        strategy = ".".join(code.split(".")[:2])
        tags[f"strategia:{strategy}"] = 0.5
    for zone in post.zones:
        tags[f"zona:{zone}"] = 1.0
    for axis in post.links:
        tags[f"asse:{axis}"] = 1.0
    if post.kind is not None:
        tags[f"tipo:{post.kind.value}"] = KIND_WEIGHT
    return tags


def tag_overlap(posts: Sequence[Contribution]) -> Matrix:
    """Weighted Jaccard overlap of the posts' tags (0 where neither has any).

    Each tag has one weight wherever it appears, so the sum of minima is a product of
    presence matrices and the sum of maxima follows from the totals: O(n² tags) time,
    O(n²) memory.
    """
    n = len(posts)
    tags = [tags_of(post) for post in posts]
    names = sorted({name for tag in tags for name in tag})
    if not names:
        return np.zeros((n, n))
    column = {name: k for k, name in enumerate(names)}
    weight = np.zeros(len(names))
    presence = np.zeros((n, len(names)))
    for i, tag in enumerate(tags):
        for name, value in tag.items():
            presence[i, column[name]] = 1.0
            weight[column[name]] = value
    shared = (presence * weight) @ presence.T
    totals = presence @ weight
    union = totals[:, None] + totals[None, :] - shared
    overlap = np.divide(shared, union, out=np.zeros((n, n)), where=union > 0)
    return np.asarray(overlap, dtype=np.float64)


def word_similarity(posts: Sequence[Contribution], corpus: Corpus | None = None) -> Matrix:
    """Cosine similarity of the posts' TF-IDF word features (see :mod:`.vectors`)."""
    n = len(posts)
    corpus = corpus if corpus is not None else Corpus.build(posts)
    index: dict[str, list[tuple[int, float]]] = {}
    for i, vector in enumerate(corpus.vectors):
        for feature, weight in vector.items():
            index.setdefault(feature, []).append((i, weight))
    similarity = np.zeros((n, n))
    for entries in index.values():
        rows = np.array([i for i, _ in entries])
        weights = np.array([w for _, w in entries])
        similarity[np.ix_(rows, rows)] += np.outer(weights, weights)
    return similarity


def similarity_matrix(
    posts: Sequence[Contribution],
    vectors: Mapping[str, npt.ArrayLike],
    *,
    tag_weight: float = TAG_WEIGHT,
    word_weight: float = WORD_WEIGHT,
    centre: bool = True,
    corpus: Corpus | None = None,
    projection: npt.NDArray[np.float32] | None = None,
) -> Matrix:
    """Blended similarity of every pair of post-its.

    The cosine of the meaning vectors, after removing their mean over the set (on a
    board every post-it shares the table's topic, which would otherwise dominate the
    cosine), blended with the cosine of word features and the overlap of tags.

    Args:
        posts: the post-its (each must have a vector).
        vectors: post-it id -> meaning vector.
        tag_weight: share of the tag overlap in the blend.
        word_weight: share of the word-feature cosine in the blend.
        centre: remove the mean vector of the set first.
        corpus: the posts' word features, when already built.
        projection: a learned map of the vectors applied first (``vectors @ projection``,
            :mod:`.theme_projection`), or None for the vectors as they are.

    Returns:
        A symmetric (n, n) matrix with 1 on the diagonal.
    """
    if not posts:
        return np.zeros((0, 0))
    stacked = np.vstack([np.asarray(vectors[p.id], dtype=np.float32).ravel() for p in posts])
    if projection is not None:
        stacked = _unit_rows(stacked) @ projection
    if centre and len(posts) > 2:
        stacked = stacked - stacked.mean(axis=0)
    norms = np.linalg.norm(stacked, axis=1, keepdims=True)
    unit = (stacked / np.where(norms > 0, norms, 1.0)).astype(np.float32)
    # The product in float32 (the encoder's own precision): half the time of float64.
    similarity = (unit @ unit.T).astype(np.float64)
    similarity *= 1 - tag_weight - word_weight
    if word_weight > 0:
        similarity += word_weight * word_similarity(posts, corpus)
    if tag_weight > 0:
        similarity += tag_weight * tag_overlap(posts)
    np.fill_diagonal(similarity, 1.0)
    return np.asarray(similarity, dtype=np.float64)


def _unit_rows(stacked: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    norms = np.linalg.norm(stacked, axis=1, keepdims=True)
    return (stacked / np.where(norms > 0, norms, 1.0)).astype(np.float32)


def average_link_tree(similarity: Matrix) -> list[Merge]:
    """The complete average-link tree, merges sorted from most to least similar.

    Nearest-neighbour chain algorithm with Lance-Williams updates: O(n²) time and memory.
    Ties are broken by position, so the same input always gives the same tree.

    Args:
        similarity: symmetric pairwise similarities.

    Returns:
        n - 1 merges (none for fewer than two items), most similar first.
    """
    n = similarity.shape[0]
    if n < 2:
        return []
    table = similarity.astype(np.float64, copy=True)
    np.fill_diagonal(table, -np.inf)
    size = np.ones(n)
    active = n
    merges: list[Merge] = []
    chain: list[int] = []
    alive = np.ones(n, dtype=bool)
    while active > 1:
        if not chain:
            chain.append(int(np.flatnonzero(alive)[0]))
        while True:
            a = chain[-1]
            b = int(np.argmax(table[a]))
            if len(chain) > 1 and table[a, chain[-2]] >= table[a, b]:
                b = chain[-2]
            if len(chain) > 1 and b == chain[-2]:
                break
            chain.append(b)
        a, b = chain.pop(), chain.pop()
        keep, drop = min(a, b), max(a, b)
        merges.append(Merge(keep, drop, float(table[a, b])))
        row = (size[keep] * table[keep] + size[drop] * table[drop]) / (size[keep] + size[drop])
        row[~alive] = -np.inf
        row[keep] = row[drop] = -np.inf
        table[keep, :] = row
        table[:, keep] = row
        table[drop, :] = -np.inf
        table[:, drop] = -np.inf
        size[keep] += size[drop]
        alive[drop] = False
        active -= 1
    order = sorted(range(len(merges)), key=lambda k: (-merges[k].similarity, k))
    return [merges[k] for k in order]


def labels_after(n: int, merges: Sequence[Merge]) -> npt.NDArray[np.int64]:
    """Cluster label of each item once ``merges`` are applied (label = smallest member)."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for merge in merges:
        a, b = root(merge.left), root(merge.right)
        parent[max(a, b)] = min(a, b)
    return np.array([root(i) for i in range(n)], dtype=np.int64)


def silhouette(similarity: Matrix, labels: npt.NDArray[np.int64]) -> float:
    """Mean silhouette (distance = 1 - similarity); a post-it alone scores 0."""
    n = len(labels)
    names, index = np.unique(labels, return_inverse=True)
    k = len(names)
    if k < 2 or k >= n:
        return 0.0
    distance = 1.0 - similarity
    counts = np.bincount(index, minlength=k).astype(np.float64)
    # Distance of each item to every cluster, summed: columns grouped by cluster, then
    # added up run by run (O(n²), where a product with a one-hot matrix is O(n² k)).
    order = np.argsort(index, kind="stable")
    starts = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.intp)
    totals = np.add.reduceat(distance[:, order], starts, axis=1)
    own = counts[index]
    inside = np.where(own > 1, totals[np.arange(n), index] / np.maximum(own - 1, 1), 0.0)
    means = totals / counts
    means[np.arange(n), index] = np.inf
    nearest = means.min(axis=1)
    scores = np.where(
        own > 1, (nearest - inside) / np.maximum(np.maximum(nearest, inside), 1e-12), 0.0
    )
    return float(scores.mean())


def _capped(n: int, merges: list[Merge], applied: int, max_share: float) -> npt.NDArray[np.int64]:
    """Labels after the first ``applied`` merges, splitting any group over the cap."""
    chosen = list(merges[:applied])
    limit = max(2, int(max_share * n)) if n >= MIN_CAPPED else n
    while True:
        labels = labels_after(n, chosen)
        values, counts = np.unique(labels, return_counts=True)
        if counts.max() <= limit:
            return labels
        big = int(values[int(np.argmax(counts))])
        # The least similar merge inside the big group is its top merge: undo it.
        inside = [k for k, m in enumerate(chosen) if labels[m.left] == big]
        chosen.pop(inside[-1])


def silhouettes_along(
    similarity: Matrix, merges: Sequence[Merge], counts: Sequence[int]
) -> dict[int, float]:
    """The mean silhouette of the tree's cut into each number of clusters in ``counts``.

    One walk down the tree: each item's summed distance to every cluster is kept and
    updated as clusters merge (adding two columns), so a cut into ``k`` clusters costs
    O(n k) instead of the O(n²) of :func:`silhouette` (same values).

    Args:
        similarity: pairwise similarities (distance = 1 - similarity).
        merges: the tree, most similar first (:func:`average_link_tree`).
        counts: numbers of clusters wanted (each between 1 and n).

    Returns:
        Number of clusters -> mean silhouette (0 for one cluster or all apart).
    """
    n = similarity.shape[0]
    wanted = {int(k) for k in counts if 1 <= k <= n}
    found: dict[int, float] = {}
    distance_to = 1.0 - similarity  # row c: distances to the cluster whose root is c
    size = np.ones(n)
    label = np.arange(n)
    alive = np.ones(n, dtype=bool)
    rows = np.arange(n)
    clusters = n
    for step in range(n):
        if clusters in wanted:
            found[clusters] = _silhouette_of(distance_to, size, label, alive, rows)
        if step == len(merges):
            break
        merge = merges[step]
        a, b = int(label[merge.left]), int(label[merge.right])
        keep, drop = min(a, b), max(a, b)
        distance_to[keep] += distance_to[drop]  # rows: contiguous (the matrix is symmetric)
        size[keep] += size[drop]
        alive[drop] = False
        label[label == drop] = keep
        clusters -= 1
    return found


def _silhouette_of(
    distance_to: Matrix,
    size: Matrix,
    label: npt.NDArray[np.int64],
    alive: npt.NDArray[np.bool_],
    rows: npt.NDArray[np.int64],
) -> float:
    """Mean silhouette from each item's summed distance to each live cluster."""
    roots = np.flatnonzero(alive)
    k, n = len(roots), len(label)
    if k < 2 or k >= n:
        return 0.0
    column = np.zeros(n, dtype=np.int64)
    column[roots] = np.arange(k)
    own_column = column[label]
    totals = distance_to[roots].T
    counts = size[roots]
    own = counts[own_column]
    inside = np.where(own > 1, totals[rows, own_column] / np.maximum(own - 1, 1), 0.0)
    means = totals / counts
    means[rows, own_column] = np.inf
    nearest = means.min(axis=1)
    scores = np.where(
        own > 1, (nearest - inside) / np.maximum(np.maximum(nearest, inside), 1e-12), 0.0
    )
    return float(scores.mean())


def cut(
    similarity: Matrix,
    merges: list[Merge] | None = None,
    *,
    groups: int | None = None,
    max_share: float = MAX_SHARE,
) -> npt.NDArray[np.int64]:
    """Cluster labels for the items: the cut of the tree with the best mean silhouette.

    Every cut is tried on a board (up to :data:`FULL_SEARCH` items), a geometric grid of
    :data:`GRID_CUTS` cuts above; the silhouettes come from one walk down the tree
    (:func:`silhouettes_along`), then the cap on a group's share applies to the chosen
    cut.

    Args:
        similarity: pairwise similarities.
        merges: the tree (computed when not given).
        groups: cut into exactly this many clusters instead (the cap still applies).
        max_share: largest share of the items in one cluster.

    Returns:
        One label per item (the smallest index of its cluster).
    """
    n = similarity.shape[0]
    if n < 3:
        return labels_after(n, merges if merges is not None else average_link_tree(similarity))
    tree = merges if merges is not None else average_link_tree(similarity)
    if groups is not None:
        return _capped(n, tree, n - max(1, min(groups, n)), max_share)
    if n > FULL_SEARCH:  # large sets: a geometric grid of cuts
        grid = np.unique(np.geomspace(2, n - 1, GRID_CUTS).round().astype(int))
        candidates = [int(k) for k in grid]
    else:
        candidates = list(range(2, n))
    scores = silhouettes_along(similarity, tree, candidates)
    top = max(scores[k] for k in candidates)
    best = min(k for k in candidates if scores[k] >= top - 1e-12)  # ties: fewest clusters
    return detach_strays(similarity, _capped(n, tree, n - best, max_share))


def detach_strays(similarity: Matrix, labels: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Leave alone the members no closer to their group than to the rest of the board.

    A member whose mean similarity to the rest of its group exceeds its mean similarity
    to the post-its outside the group by less than :data:`STRAY_MARGIN` times the group's
    own mean similarity was only pulled in by the cut; it becomes a group of one (so does
    the last member left).

    Args:
        similarity: pairwise similarities.
        labels: cluster labels.

    Returns:
        New labels (a stray's label is its own index).
    """
    result = labels.copy()
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        outside = np.flatnonzero(labels != label)
        if len(members) < 2 or not len(outside):
            continue
        block = similarity[np.ix_(members, members)]
        closeness = (block.sum(axis=1) - np.diag(block)) / (len(members) - 1)
        elsewhere = similarity[np.ix_(members, outside)].mean(axis=1)
        inner = float(closeness.mean())
        stray = closeness - elsewhere < STRAY_MARGIN * max(inner, 0.0)
        keep = members[~stray]
        if len(keep) < 2:
            keep = members[:0]
        for i in members:
            result[i] = int(keep[0]) if i in keep else int(i)
    return result


def clusters_of(labels: npt.NDArray[np.int64]) -> list[list[int]]:
    """Members of each cluster, in item order, clusters by their first member."""
    found: dict[int, list[int]] = {}
    for i, label in enumerate(labels.tolist()):
        found.setdefault(int(label), []).append(i)
    return sorted(found.values(), key=lambda members: members[0])


def confidence(similarity: Matrix, members: Sequence[int], others: Sequence[int]) -> float:
    """How clearly a group stands apart, 0–1 (a silhouette of the whole group).

    With distance = 1 - similarity: ``a`` is the mean distance between the group's
    members, ``b`` the mean distance from the group to the closest post-it outside it;
    the confidence is (b - a) / max(a, b), clipped to 0–1.

    Args:
        similarity: pairwise similarities of the board.
        members: the group's items (two or more for a non-zero value).
        others: every other item of the board.

    Returns:
        0 for a group of one or one no tighter than its surroundings, up to 1.
    """
    if len(members) < 2:
        return 0.0
    block = similarity[np.ix_(members, members)]
    count = len(members)
    inside = 1.0 - (block.sum() - np.trace(block)) / (count * (count - 1))
    if not others:
        return 1.0
    # Mean similarity of each outside post-it to the group: the closest one counts.
    to_group = similarity[:, list(members)].mean(axis=1)
    outside = 1.0 - float(to_group[list(others)].max())
    spread = max(inside, outside)
    if spread <= 0:
        return 0.0
    return float(np.clip((outside - inside) / spread, 0.0, 1.0))


def confidence_level(value: float) -> str:
    """The word shown to people for a confidence: "alta", "media" or "bassa"."""
    if value >= HIGH:
        return "alta"
    if value >= MEDIUM:
        return "media"
    return "bassa"


# Confidence levels shown to people (chosen on the dev set, see docs/THEMES.md).
HIGH = 0.15
MEDIUM = 0.06
