from __future__ import annotations

import pytest

from facilitator_app.domain.clock import FixedClock, to_iso
from facilitator_app.domain.model import Event, ParticipantCount, Table
from facilitator_app.domain.vocab import StakeholderCategory
from facilitator_app.services.capture.counts import CountsService, count_warnings
from facilitator_app.storage.database import EventStore


def test_counters_go_up_and_down_and_persist(
    store: EventStore, table: Table, clock: FixedClock
) -> None:
    service = CountsService(store, clock)
    for _ in range(3):
        service.adjust(table.id, 2, "present", +1)
    service.adjust(table.id, 2, "present", -1)
    service.adjust(table.id, 2, "zone", +1, 5)
    service.adjust(table.id, 2, "category", +1, "cittadini")
    count = service.get(table.id, 2)
    assert count is not None
    assert (count.present, count.by_zone, count.by_category) == (2, {5: 1}, {"cittadini": 1})
    assert store.get(ParticipantCount, count.id) == count
    assert service.adjust(table.id, 2, "zone", -5, 5).by_zone == {}
    with pytest.raises(ValueError):
        service.set_zone(table.id, 2, 12, 1)
    with pytest.raises(ValueError):
        service.adjust(table.id, 2, "nonsense", 1)


def test_inconsistent_numbers_warn_but_are_kept(
    store: EventStore, table: Table, clock: FixedClock
) -> None:
    service = CountsService(store, clock)
    service.set_present(table.id, 1, 3)
    assert count_warnings(service.get(table.id, 1)) == []
    service.set_category(table.id, 1, StakeholderCategory.CITTADINI, 3)
    count = service.set_category(table.id, 1, StakeholderCategory.TERZO_SETTORE, 2)
    assert count.by_category == {"cittadini": 3, "terzo_settore": 2}
    warnings = count_warnings(count)
    assert len(warnings) == 1
    assert "5" in warnings[0] and "3" in warnings[0]
    service.set_zone(table.id, 1, 1, 9)
    assert len(count_warnings(service.get(table.id, 1))) == 2


def test_in_presence(store: EventStore, clock: FixedClock) -> None:
    service = CountsService(store, clock)
    before = store.event()
    event = service.set_in_presence(142)
    assert store.all(Event) == [event] and event.in_presence == 142
    # The edit is stamped with the clock's time, later than the demo's own stamp.
    assert event.updated_at == to_iso(clock.now()) > before.updated_at
    assert service.set_in_presence(None).in_presence is None
    with pytest.raises(ValueError):
        service.set_in_presence(-1)
