"""Groups from meaning vectors: the tree, the chosen cut, the cap, singletons, confidence."""

from __future__ import annotations

import numpy as np

from facilitator_app.domain.model import Contribution
from facilitator_app.services.analysis import semantic
from facilitator_app.services.analysis.quality import adjusted_rand_index
from facilitator_app.services.analysis.suggest import (
    merge_groups,
    split_group,
    suggest,
)
from tests.helpers.analysis_posts import post
from tests.helpers.meaning_vectors import topic_vectors


def board(sizes: dict[str, int]) -> tuple[list[Contribution], list[str]]:
    posts: list[Contribution] = []
    topics: list[str] = []
    for topic, size in sizes.items():
        for k in range(size):
            posts.append(post(f"{topic} {k}", len(posts), kind=None))
            topics.append(topic)
    return posts, topics


def labels_of(posts: list[Contribution], groups: list[list[str]], alone: list[str]) -> list[str]:
    found = {cid: f"g{i}" for i, g in enumerate(groups) for cid in g}
    return [found.get(p.id, p.id) for p in posts]


def test_the_method_finds_the_number_of_topics_by_itself() -> None:
    posts, topics = board({"a": 6, "b": 5, "c": 4, "d": 3, "e": 6})
    vectors = topic_vectors(posts, topics)
    result = suggest(posts, vectors=vectors)
    assert len(result.groups) == 5 and not result.ungrouped
    found = labels_of(posts, [list(g.contribution_ids) for g in result.groups], [])
    assert adjusted_rand_index(topics, found) == 1.0


def test_a_post_it_unlike_the_others_stays_alone() -> None:
    posts, topics = board({"a": 5, "b": 5, "c": 5, "solo": 1})
    result = suggest(posts, vectors=topic_vectors(posts, topics))
    assert result.ungrouped == (posts[-1].id,)
    assert len(result.groups) == 3


def test_never_one_bag_of_everything() -> None:
    # One big topic (14 of 20) and noise: no group may hold more than 40 % of the board.
    posts, topics = board({"big": 14, "x": 3, "y": 3})
    result = suggest(posts, vectors=topic_vectors(posts, topics, noise=0.8))
    assert result.groups
    assert max(len(g) for g in result.groups) <= 0.4 * len(posts)
    placed = [c for g in result.groups for c in g.contribution_ids] + list(result.ungrouped)
    assert sorted(placed) == sorted(p.id for p in posts)


def test_same_input_same_groups_and_order_does_not_matter() -> None:
    posts, topics = board({"a": 5, "b": 5, "c": 5})
    vectors = topic_vectors(posts, topics, noise=0.9)
    first = suggest(posts, vectors=vectors)
    assert suggest(posts, vectors=vectors) == first
    backwards = suggest(list(reversed(posts)), vectors=vectors)
    assert sorted(sorted(g.contribution_ids) for g in backwards.groups) == sorted(
        sorted(g.contribution_ids) for g in first.groups
    )


def test_confidence_is_higher_for_a_clear_group() -> None:
    posts, topics = board({"clear": 5, "vague": 5, "other": 5})
    clear = topic_vectors(posts[:5], topics[:5], noise=0.2, seed=1)
    vague = topic_vectors(posts[5:], topics[5:], noise=1.6, seed=2)
    result = suggest(posts, vectors={**clear, **vague})
    clear_group = next(g for g in result.groups if posts[0].id in g.contribution_ids)
    others = [g for g in result.groups if g is not clear_group]
    assert clear_group.level == "alta"
    assert all(0.0 <= g.confidence <= 1.0 for g in result.groups)
    assert all(clear_group.confidence > g.confidence for g in others)


def test_without_a_vector_for_every_post_it_the_word_method_runs() -> None:
    posts, topics = board({"a": 3, "b": 3})
    vectors = topic_vectors(posts, topics)
    del vectors[posts[0].id]
    assert suggest(posts, vectors=vectors) == suggest(posts)
    assert all(g.confidence == 0.0 for g in suggest(posts).groups)


def test_merge_and_split_with_vectors() -> None:
    posts, topics = board({"a": 4, "b": 4, "c": 4})
    vectors = topic_vectors(posts, topics)
    groups = list(suggest(posts, vectors=vectors).groups)
    merged = merge_groups(groups[:2], posts, vectors=vectors)
    assert len(merged) == 8 and merged.confidence < min(g.confidence for g in groups[:2])
    parts = split_group(merged, posts, vectors=vectors)
    assert sorted(sorted(p.contribution_ids) for p in parts) == sorted(
        sorted(g.contribution_ids) for g in groups[:2]
    )


def test_average_link_tree_by_hand() -> None:
    similarity = np.array(
        [
            [1.0, 0.9, 0.1, 0.2],
            [0.9, 1.0, 0.3, 0.0],
            [0.1, 0.3, 1.0, 0.8],
            [0.2, 0.0, 0.8, 1.0],
        ]
    )
    tree = semantic.average_link_tree(similarity)
    assert [(m.left, m.right) for m in tree[:2]] == [(0, 1), (2, 3)]
    # Last merge: mean of the four cross pairs (0.1 + 0.2 + 0.3 + 0.0) / 4.
    assert tree[2].similarity == 0.15000000000000002 or abs(tree[2].similarity - 0.15) < 1e-12
    assert semantic.labels_after(4, tree[:2]).tolist() == [0, 0, 2, 2]


def test_silhouettes_along_the_tree_equal_the_silhouette_of_each_cut() -> None:
    rng = np.random.default_rng(7)
    points = rng.standard_normal((60, 8))
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    similarity = points @ points.T
    tree = semantic.average_link_tree(similarity)
    counts = [2, 3, 5, 9, 17, 30, 59]
    found = semantic.silhouettes_along(similarity, tree, counts)
    assert sorted(found) == counts
    for count in counts:
        labels = semantic.labels_after(60, tree[: 60 - count])
        assert abs(found[count] - semantic.silhouette(similarity, labels)) < 1e-9


def test_a_large_set_is_cut_quickly_and_like_the_exact_search() -> None:
    # 600 items in 30 tight topics: the fast search over a grid of cuts finds them too.
    topics = 30
    posts, labels = board({f"t{k}": 20 for k in range(topics)})
    vectors = topic_vectors(posts, labels, seed=3)
    result = suggest(posts, vectors=vectors)
    predicted = labels_of(posts, [list(g.contribution_ids) for g in result.groups], [])
    assert adjusted_rand_index(labels, predicted) > 0.9
