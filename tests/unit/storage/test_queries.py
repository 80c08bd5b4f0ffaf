"""The store's named queries, on real event files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator_app.domain.model import (
    AgendaItem,
    Contribution,
    ParticipantCount,
    Session,
    StrategyCard,
    Table,
    TableCard,
    Theme,
    Venue,
)
from facilitator_app.storage.database import EventStore
from facilitator_app.storage.schema import KNOWN_MIGRATIONS, MIGRATION_STEPS
from tests.helpers.raw_file import applied_migrations

EARLY = "2023-11-10T09:00:00.000000+00:00"
LATE = "2023-11-10T10:00:00.000000+00:00"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EventStore]:
    with EventStore.create(tmp_path / "e.sqlite") as opened:
        yield opened


def _table(key: str, position: int, name: str = "") -> Table:
    return Table(f"id-{key}", "e", "v", key, name or key, EARLY, EARLY, position=position)


def _theme(
    key: str,
    table_id: str,
    position: int,
    *,
    session: int = 1,
    created: str = EARLY,
    deleted: bool = False,
) -> Theme:
    return Theme(
        key,
        table_id,
        key,
        created,
        created,
        session=session,
        position=position,
        deleted_at=LATE if deleted else None,
    )


def _post(
    key: str, table_id: str, session: int, position: int, *, deleted: bool = False
) -> Contribution:
    return Contribution(
        key,
        table_id,
        session,
        key,
        EARLY,
        EARLY,
        position=position,
        deleted_at=LATE if deleted else None,
    )


def test_frame_in_listing_order_position_then_name(store: EventStore) -> None:
    store.save(
        _table("c", 2),
        _table("b", 1, name="Zeta"),
        _table("a", 1, name="Alfa"),
        Venue("v2", "e", "Seconda", EARLY, EARLY, position=1),
        Venue("v1", "e", "Prima", EARLY, EARLY, position=0),
        AgendaItem("g2", "e", 1, "10:00", "11:00", "Tavoli", EARLY, EARLY),
        AgendaItem("g1", "e", 0, "09:00", "10:00", "Apertura", EARLY, EARLY),
    )
    assert [t.key for t in store.tables()] == ["a", "b", "c"]
    assert [v.id for v in store.venues()] == ["v1", "v2"]
    assert [item.id for item in store.agenda()] == ["g1", "g2"]


def test_sessions_of_a_table_in_number_order(store: EventStore) -> None:
    store.save(
        Session("s2", "t1", 2, "Seconda?", EARLY, EARLY),
        Session("s1", "t1", 1, "Prima?", EARLY, EARLY),
        Session("x1", "t2", 1, "Altro tavolo?", EARLY, EARLY),
    )
    assert [s.id for s in store.sessions_of_table("t1")] == ["s1", "s2"]
    assert store.sessions_of_table("nowhere") == []
    found = store.session_of_table("t1", 2)
    assert found is not None and found.id == "s2"
    assert store.session_of_table("t2", 2) is None


def test_themes_of_a_table_in_board_order(store: EventStore) -> None:
    store.save(
        _theme("late-tie", "t1", 1, created=LATE),
        _theme("early-tie", "t1", 1),
        _theme("first", "t1", 0, session=2),
        _theme("gone", "t1", 2, deleted=True),
        _theme("other-table", "t2", 0),
    )
    assert [t.id for t in store.themes_of_table("t1")] == ["first", "early-tie", "late-tie"]
    assert [t.id for t in store.themes_of_table("t1", 1)] == ["early-tie", "late-tie"]
    assert [t.id for t in store.themes_of_table("t1", include_deleted=True)] == [
        "first",
        "early-tie",
        "late-tie",
        "gone",
    ]
    assert {t.id for t in store.live_themes()} == {"late-tie", "early-tie", "first", "other-table"}


def test_live_contributions_and_their_counts(store: EventStore) -> None:
    store.save(
        _post("a", "t1", 1, 3),
        _post("b", "t1", 1, 1),
        _post("c", "t1", 2, 2),
        _post("d", "t2", 1, 4),
        _post("gone", "t1", 1, 9, deleted=True),
    )
    assert {c.id for c in store.live_contributions()} == {"a", "b", "c", "d"}
    assert [c.id for c in store.contributions("t1", 1)] == ["b", "a"]
    assert store.live_contribution_counts() == {("t1", 1): 2, ("t1", 2): 1, ("t2", 1): 1}


def test_last_board_position_counts_deleted_posts_and_is_zero_when_empty(
    store: EventStore,
) -> None:
    assert store.last_board_position() == 0
    store.save(_post("a", "t1", 1, 3), _post("gone", "t2", 1, 7, deleted=True))
    assert store.last_board_position() == 7


def test_cards_by_edition_and_axis(store: EventStore) -> None:
    store.save(
        StrategyCard("2021-2023", "1.2", "Strategia"),
        StrategyCard("2021-2023", "1", "Asse uno"),
        StrategyCard("2021-2023", "1.10", "Strategia dieci"),
        StrategyCard("2021-2023", "2", "Asse due"),
        StrategyCard("2024-2026", "1", "Nuovo asse"),
    )
    # Codes sort as text: the services order them by number where it matters.
    assert [c.code for c in store.cards("2021-2023")] == ["1", "1.10", "1.2", "2"]
    assert [c.code for c in store.cards("2021-2023", axes_only=True)] == ["1", "2"]
    assert [(c.edition, c.code) for c in store.cards()] == [
        ("2021-2023", "1"),
        ("2021-2023", "1.10"),
        ("2021-2023", "1.2"),
        ("2021-2023", "2"),
        ("2024-2026", "1"),
    ]
    assert store.card_count("2021-2023") == 4
    assert store.card_count("1999") == 0


def test_cards_in_play_of_a_table(store: EventStore) -> None:
    store.save(
        TableCard("a", "t1", "1.2", EARLY, EARLY, session=1),
        TableCard("b", "t1", "2", EARLY, EARLY, session=2),
        TableCard("c", "t2", "1", EARLY, EARLY, session=1),
    )
    assert {c.id for c in store.cards_in_play("t1")} == {"a", "b"}
    assert [c.id for c in store.cards_in_play("t1", 2)] == ["b"]
    assert store.cards_in_play("t3") == []


def test_participant_counts_of_a_session(store: EventStore) -> None:
    store.save(
        ParticipantCount("a", "e", ("t1",), EARLY, EARLY, session=1, present=10),
        ParticipantCount("b", "e", ("t1", "t2"), EARLY, EARLY, session=2, present=20),
    )
    assert [c.id for c in store.participant_counts(2)] == ["b"]
    assert {c.id for c in store.participant_counts()} == {"a", "b"}


def test_in_transaction_follows_begin_and_commit(store: EventStore) -> None:
    assert not store.in_transaction
    store.begin()
    store.save(_post("a", "t1", 1, 1))
    assert store.in_transaction
    store.commit()
    assert not store.in_transaction


def test_known_migrations_are_our_own_list_of_steps() -> None:
    names = [step.__name__ for step in MIGRATION_STEPS]
    assert frozenset(names) == KNOWN_MIGRATIONS
    assert names == sorted(names)  # applied in the order listed: m001, m002, ...


def test_every_listed_step_is_applied_to_a_new_file(store: EventStore) -> None:
    assert applied_migrations(store.path) == KNOWN_MIGRATIONS
