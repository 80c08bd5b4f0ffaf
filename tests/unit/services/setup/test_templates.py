from __future__ import annotations

from pathlib import Path

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Session, StrategyCard, Table, Venue
from facilitator_app.domain.vocab import EventFormat
from facilitator_app.services.setup.templates import bundled_templates, create_event
from facilitator_app.storage.database import EventStore


def test_forum_assi_matches_the_published_format(tmp_path: Path, clock: FixedClock) -> None:
    template = bundled_templates()["forum-assi"]
    with EventStore.create(tmp_path / "e.sqlite") as store:
        event = create_event(store, template, clock, facilitator="Anna")
        tables = store.tables()
        sessions = store.all(Session)
        agenda = store.agenda()
        assert event.format is EventFormat.ASSI
        assert [t.axis for t in tables] == [1, 2, 3, 4, 5, 5, 6]
        assert {t.facilitator for t in tables} == {"Anna"}
        assert len(sessions) == 14
        first = {s.question for s in sessions if s.number == 1}
        assert first == {"Quali lezioni possiamo imparare dal PSM 2021-23?"}
        assert {s.planned_minutes for s in sessions} == {60}
        assert (agenda[0].start, agenda[-1].end) == ("09:30", "13:00")
        assert [a.session_number for a in agenda if a.kind == "sessione"] == [1, 2]
        assert store.count(StrategyCard) > 0


def test_zone_omogenee_maps_eleven_zones_to_six_venues(tmp_path: Path, clock: FixedClock) -> None:
    template = bundled_templates()["zone-omogenee"]
    with EventStore.create(tmp_path / "z.sqlite") as store:
        create_event(store, template, clock)
        venues = {v.id: v.name for v in store.all(Venue)}
        tables = store.tables()
        assert len(venues) == 6
        assert sorted(z for t in tables for z in t.zones) == list(range(1, 12))
        by_venue: dict[str, list[int]] = {}
        for table in tables:
            by_venue.setdefault(venues[table.venue_id], []).extend(table.zones)
        assert by_venue["Comune di Strambino"] == [9, 10]
        assert by_venue["Città metropolitana di Torino"] == [1, 2, 3, 4]
        assert store.count(Session) == 22


def test_one_laptop_one_table(tmp_path: Path, clock: FixedClock) -> None:
    template = bundled_templates()["zone-omogenee"]
    with EventStore.create(tmp_path / "z.sqlite") as store:
        create_event(store, template, clock, table_keys=["zona-5"], title="Pinerolo")
        assert [t.key for t in store.all(Table)] == ["zona-5"]
        assert [v.name for v in store.all(Venue)] == ["Comune di Pinerolo"]
        assert store.event().title == "Pinerolo"


def test_unknown_table_key_is_refused(tmp_path: Path, clock: FixedClock) -> None:
    template = bundled_templates()["forum-assi"]
    with (
        EventStore.create(tmp_path / "e.sqlite") as store,
        pytest.raises(ValueError, match="asse-9"),
    ):
        create_event(store, template, clock, table_keys=["asse-9"])
