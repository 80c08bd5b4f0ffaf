from __future__ import annotations

import pytest

from facilitator_app.domain import counting
from facilitator_app.domain.model import Contribution, ParticipantCount, TableCard

NOW = "2023-12-05T09:00:00+00:00"


def count(tables: str, session: int | None, present: int | None, **zones: int) -> ParticipantCount:
    by_zone = {int(k.removeprefix("z")): v for k, v in zones.items()}
    return ParticipantCount(
        f"{tables}-{session}", "e", tuple(tables), NOW, NOW, session, present, by_zone
    )


def test_the_day_count_stands_for_its_table_even_when_a_session_had_more() -> None:
    chosen = counting.representative_counts([count("a", 1, 25), count("a", None, 20)])
    assert [c.present for c in chosen.values()] == [20]


def test_without_a_day_count_the_session_with_most_people_stands() -> None:
    counts = [count("a", 1, 33, z7=10, z8=2), count("a", 2, 15, z7=13, z4=2)]
    assert counting.people_at(counts, "a") == 33
    origin = counting.origin_by_zone(counts, "a")
    assert origin.values == {7: 10, 8: 2}
    assert (origin.tallied, origin.present) == (12, 33)


def test_ties_go_to_the_count_with_more_people_tallied_then_the_earlier_session() -> None:
    tie = [count("a", 2, 10, z1=3), count("a", 1, 10, z1=2), count("a", 3, 10, z1=3)]
    assert counting.representative_counts(tie)[("a",)].session == 2


def test_a_shared_count_is_taken_once_and_never_split() -> None:
    counts = [count("ab", 1, 30), count("c", 1, 5)]
    assert counting.people_at(counts, "a") == 30
    assert counting.people_at(counts, "ab") == 30
    assert counting.people_at(counts, "abc") == 35
    shown = counting.table_presence(counts)
    assert (
        shown["a"]
        == shown["b"]
        == counting.TablePresence(30, ("a", "b"), "conteggio comune a 2 tavoli")
    )


def test_a_table_counted_alone_inside_a_shared_count_is_not_counted_twice() -> None:
    counts = [count("ab", 1, 30), count("a", 2, 14)]
    assert counting.people_at(counts, "ab") == 30
    assert counting.table_presence(counts)["a"].people == 30


def test_counts_without_any_figure_are_ignored_and_none_means_not_counted() -> None:
    assert counting.people_at([count("a", 1, None)], "a") is None
    assert counting.people_at([], "a") is None
    tally_only = [count("a", 1, None, z3=4)]
    assert counting.people_at(tally_only, "a") is None
    assert counting.origin_by_zone(tally_only, "a").values == {3: 4}


def test_a_tagged_action_counts_for_its_strategy_and_axis_once() -> None:
    posts = [
        Contribution("1", "t", 1, "x", NOW, NOW, cards=("3.1.2", "3.1.4"), votes=2),
        Contribution("2", "t", 1, "y", NOW, NOW, cards=("3",), votes=1),
        Contribution("3", "t", 1, "z", NOW, NOW, cards=("3",), deleted_at=NOW),
    ]
    totals = counting.contributions_per_card(posts)
    assert totals["3"] == (2, 3)
    assert totals["3.1"] == (1, 2)
    assert totals["3.1.2"] == (1, 2)
    assert "3.2" not in totals


def test_votes_on_cards_in_play_stay_on_the_card() -> None:
    played = [
        TableCard("1", "t", "6.1", NOW, NOW, 1, 3),
        TableCard("2", "u", "6.1", NOW, NOW, 1, 2),
    ]
    assert counting.card_votes(played) == {"6.1": 5}
    assert counting.code_and_parents("6.1.3") == ["6", "6.1", "6.1.3"]


def test_a_shared_tally_without_people_does_not_wipe_out_a_table_count() -> None:
    counts = [count("ab", 1, None, z10=5), count("a", 2, 14)]
    assert counting.people_at(counts, "ab") == 14
    assert counting.table_presence(counts)["a"].people == 14


def test_inside_a_larger_group_the_side_with_more_people_stays() -> None:
    day_counts = [count("a", None, 20), count("b", None, 17)]
    small_shared = [*day_counts, count("ab", 1, 5)]
    assert counting.people_at(small_shared, "ab") == 37
    assert counting.table_presence(small_shared)["a"].people == 20
    large_shared = [*day_counts, count("ab", 1, 45)]
    assert counting.people_at(large_shared, "ab") == 45
    assert counting.table_presence(large_shared)["b"].people == 45


def test_a_table_in_two_overlapping_groups_shows_the_larger_in_any_order() -> None:
    first, second = count("ab", 1, 20), count("bc", 1, 30)
    for counts in ([first, second], [second, first]):
        assert counting.table_presence(counts)["b"].people == 30
        assert counting.people_at(counts, "abc") == 50


def test_a_breakdown_says_which_part_comes_from_counts_with_people() -> None:
    counts = [count("a", 1, 10, z1=4), count("b", 1, None, z2=6)]
    origin = counting.origin_by_zone(counts, "ab")
    assert origin.values == {1: 4, 2: 6}
    assert (origin.tallied, origin.present, origin.tallied_of_present, origin.unmatched) == (
        10,
        10,
        4,
        6,
    )


def test_standing_counts_worked_out_once_give_the_same_totals() -> None:
    counts = [count("ab", 1, 30), count("a", 2, 14), count("c", None, 9, z3=9)]
    standing = counting.StandingCounts(counts)
    assert counting.people_at(standing, "abc") == counting.people_at(counts, "abc") == 39
    assert counting.origin_by_zone(standing, "c") == counting.origin_by_zone(counts, "c")


@pytest.mark.parametrize(
    ("votes", "places"),
    [
        ({}, {}),
        ({"2.1": 0, "3.1": 0}, {}),
        ({"2.1": 3, "3.1": 2, "4.1": 2, "6.1": 1}, {"2.1": 1, "3.1": 2, "4.1": 2, "6.1": 4}),
        ({"2.1": 0, "3.1": 1, "4.1": 2, "6.1": 1}, {"4.1": 1, "3.1": 2, "6.1": 2}),
        ({"1": 5, "2": 5, "3": 5}, {"1": 1, "2": 1, "3": 1}),
    ],
)
def test_card_places_share_ties_and_skip_after_them(
    votes: dict[str, int], places: dict[str, int]
) -> None:
    assert counting.card_places(votes) == places
