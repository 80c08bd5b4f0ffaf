from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

import pytest

from facilitator_app.domain.model import Contribution
from facilitator_app.services.analysis.quality import adjusted_rand_index
from facilitator_app.services.analysis.suggest import (
    MAX_TITLE,
    SuggestedGroup,
    Suggestion,
    merge_groups,
    rename_group,
    split_group,
    suggest,
    suggest_groups,
)
from facilitator_app.storage.database import EventStore
from tests.helpers.analysis_posts import NOW, post, topic_posts


def labels(posts: Sequence[Contribution], result: Suggestion) -> list[str]:
    found = {cid: f"g{i}" for i, g in enumerate(result.groups) for cid in g.contribution_ids}
    return [found.get(p.id, p.id) for p in posts]


def assert_partition(posts: Sequence[Contribution], result: Suggestion) -> None:
    """Every live post-it is in exactly one group or in the ungrouped list."""
    placed = [cid for g in result.groups for cid in g.contribution_ids] + list(result.ungrouped)
    assert sorted(placed) == sorted(p.id for p in posts if not p.deleted)
    assert all(len(g) >= 2 for g in result.groups)


def test_clearly_separated_topics_are_recovered() -> None:
    posts, truth = topic_posts()
    result = suggest(posts)
    assert_partition(posts, result)
    assert adjusted_rand_index(truth, labels(posts, result)) >= 0.8


def test_titles_are_made_of_the_groups_characteristic_words() -> None:
    posts, _ = topic_posts()
    result = suggest(posts)
    bus = next(g for g in result.groups if "p000" in g.contribution_ids)
    assert "autobus" in bus.title.lower() and "autobus" in bus.keywords
    assert all(g.title and g.title[0].isupper() for g in result.groups)
    assert all(0.0 <= g.score <= 1.0 for g in result.groups)


def test_suggestions_are_deterministic_and_do_not_depend_on_order() -> None:
    posts, _ = topic_posts()
    first, again = suggest(posts), suggest(posts)
    assert first == again
    backwards = suggest(list(reversed(posts)))
    assert sorted(sorted(g.contribution_ids) for g in backwards.groups) == sorted(
        sorted(g.contribution_ids) for g in first.groups
    )


def test_every_demo_post_it_is_placed_exactly_once(demo_path: Path) -> None:
    with EventStore.open(demo_path, read_only=True) as store:
        posts = store.contributions()
    boards: dict[tuple[str, int], list[Contribution]] = {}
    for p in posts:
        boards.setdefault((p.table_id, p.session), []).append(p)
    for board in boards.values():
        assert_partition(board, suggest(board))
    assert_partition(posts, suggest(posts))


def test_odd_post_its_end_up_ungrouped() -> None:
    posts, _ = topic_posts()
    odd = [post("", 90), post("ok", 91), post("Zebra giraffa ippopotamo", 92)]
    result = suggest(posts + odd)
    assert_partition(posts + odd, result)
    assert {"p090", "p091", "p092"} <= set(result.ungrouped)


def test_deleted_post_its_are_left_out() -> None:
    posts, _ = topic_posts()
    posts[0] = dataclasses.replace(posts[0], deleted_at=NOW)
    result = suggest(posts)
    assert_partition(posts, result)
    assert "p000" not in {cid for g in result.groups for cid in g.contribution_ids}
    assert "p000" not in result.ungrouped


def test_nothing_to_group() -> None:
    assert suggest([]) == Suggestion(groups=(), ungrouped=())
    assert suggest([post("Un solo post-it sui trasporti", 1)]).ungrouped == ("p001",)


def test_max_groups_is_respected_and_keeps_the_partition() -> None:
    posts, _ = topic_posts()
    for cap in (1, 2, 3):
        result = suggest(posts, max_groups=cap)
        assert len(result.groups) <= cap
        assert_partition(posts, result)
    assert len(suggest_groups(posts, max_groups=2)) <= 2


def test_a_thousand_character_post_it_does_not_break_titles() -> None:
    posts, _ = topic_posts()
    long_words = " ".join(["autobus", "corse", "valli"] * 60)[:1000]
    one_word = "autobus" + "x" * 993
    extra = [post(long_words, 80), post(long_words, 81), post(one_word, 82), post(one_word, 83)]
    result = suggest(posts + extra)
    assert_partition(posts + extra, result)
    # The long post-its are grouped, so their words do make titles.
    assert {"p080", "p082"} <= {cid for g in result.groups for cid in g.contribution_ids}
    for group in result.groups:
        assert 0 < len(group.title) <= MAX_TITLE
        assert all(len(word) <= MAX_TITLE for word in group.keywords)


def test_merge_two_groups() -> None:
    posts, _ = topic_posts()
    groups = suggest(posts).groups
    merged = merge_groups(groups[:2], posts)
    members = set(groups[0].contribution_ids) | set(groups[1].contribution_ids)
    assert set(merged.contribution_ids) == members
    order = [p.id for p in posts if p.id in members]
    assert list(merged.contribution_ids) == order
    assert merged.title
    with pytest.raises(ValueError):
        merge_groups([], posts)


def test_split_a_mixed_group_back_into_its_topics() -> None:
    posts, _ = topic_posts()
    groups = suggest(posts).groups
    bus = next(g for g in groups if "p000" in g.contribution_ids)
    school = next(g for g in groups if "p001" in g.contribution_ids)
    mixed = merge_groups([bus, school], posts)
    parts = split_group(mixed, posts)
    assert len(parts) == 2
    assert {frozenset(p.contribution_ids) for p in parts} == {
        frozenset(bus.contribution_ids),
        frozenset(school.contribution_ids),
    }


def test_split_gives_the_number_of_parts_asked_even_without_shared_words() -> None:
    texts = ["alfa beta", "gamma delta", "epsilon", "zeta"]
    posts = [post(text, i) for i, text in enumerate(texts)]
    whole = SuggestedGroup("Tutto", (), tuple(p.id for p in posts), 0.0)
    parts = split_group(whole, posts, parts=3)
    assert len(parts) == 3
    assert sorted(cid for p in parts for cid in p.contribution_ids) == [p.id for p in posts]
    single = dataclasses.replace(whole, contribution_ids=("p000",))
    assert split_group(single, posts) == [single]


def test_rename_keeps_members_and_refuses_blank_titles() -> None:
    posts, _ = topic_posts()
    group = suggest(posts).groups[0]
    renamed = rename_group(group, "  Trasporto   pubblico  ")
    assert renamed.title == "Trasporto pubblico"
    assert renamed.contribution_ids == group.contribution_ids
    with pytest.raises(ValueError):
        rename_group(group, "   ")
