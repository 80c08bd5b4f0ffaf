from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from facilitator_app.domain.model import Table, Theme
from facilitator_app.services.analysis.quality import (
    adjusted_rand_index,
    axis_labels,
    evaluate,
    human_labels,
    kind_labels,
)
from facilitator_app.storage.database import EventStore
from tests.helpers.analysis_posts import NOW, post


def test_identical_partitions_score_one_whatever_the_labels() -> None:
    assert adjusted_rand_index([0, 0, 1, 1, 2], ["a", "a", "b", "b", "c"]) == 1.0
    assert adjusted_rand_index([1, 2, 3], [7, 8, 9]) == 1.0  # all apart, both
    assert adjusted_rand_index([0, 0, 0], [5, 5, 5]) == 1.0  # all together, both


def test_known_pairs_of_partitions_match_hand_computed_values() -> None:
    # truth {0,1}{2,3}, predicted {0,1}{2}{3}: index 1, expected 1/3, max 3/2 -> 4/7.
    assert adjusted_rand_index([0, 0, 1, 1], [0, 0, 1, 2]) == pytest.approx(4 / 7)
    # truth {0,1,2}{3,4,5}, predicted {0,1}{2,3}{4,5}: index 2, expected 1.2, max 4.5.
    assert adjusted_rand_index([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]) == pytest.approx(8 / 33)
    # Crossed pairs: less agreement than chance.
    assert adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]) == pytest.approx(-0.5)
    # Everything in one group against a real split: 0.
    assert adjusted_rand_index([0, 0, 1, 1], [9, 9, 9, 9]) == 0.0


def test_ari_is_symmetric_and_checks_lengths() -> None:
    a, b = [0, 0, 1, 1, 2, 2, 2], [0, 1, 1, 1, 2, 2, 0]
    assert adjusted_rand_index(a, b) == pytest.approx(adjusted_rand_index(b, a))
    with pytest.raises(ValueError):
        adjusted_rand_index([0, 1], [0])


def test_labels_of_untagged_and_unthemed_posts_are_groups_of_their_own() -> None:
    theme = Theme(id="t1", table_id="tavolo-1", title="Trasporti", created_at=NOW, updated_at=NOW)
    gone = dataclasses.replace(theme, id="t2", deleted_at=NOW)
    posts = [
        post("a", 1, theme="t1"),
        post("b", 2, theme="t1"),
        post("c", 3),
        post("d", 4, theme="t2", axis=None, kind=None),
    ]
    labels = human_labels(posts, [theme, gone])
    assert labels[0] == labels[1] and len(set(labels)) == 3
    assert axis_labels(posts)[3] != axis_labels(posts)[2]
    assert len(set(kind_labels(posts))) == 2


def test_evaluation_of_the_demo(demo_path: Path) -> None:
    with EventStore.open(demo_path, read_only=True) as store:
        result = evaluate(store.contributions(), store.all(Theme), store.all(Table))
    assert len(result.boards) == 14  # 7 tables x 2 sessions
    assert result.event_size == 189 and result.event_themes == 54
    # One axis per table: grouping a board by axis puts everything together.
    assert all(board.axis == 0.0 for board in result.boards)
    assert 0.0 < result.event_axis < 1.0
    for board in result.boards:
        assert board.groups >= 1 and board.groups + board.ungrouped <= board.size
    # Regression guard on measured quality (see docs/THEMES.md for the figures).
    assert result.mean("method") > 0.2 > result.mean("kind")
    assert result.event_per_board > result.event_board > result.event_axis
