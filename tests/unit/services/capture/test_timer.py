from __future__ import annotations

from pathlib import Path

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import AgendaItem, Table
from facilitator_app.domain.timer import Level, TimerState
from facilitator_app.domain.timer import elapsed_minutes as timer_minutes
from facilitator_app.services.capture.timer import TimerService, agenda_rows
from facilitator_app.storage.database import EventStore


def test_every_transition_is_persisted_and_survives_a_restart(
    store: EventStore, table: Table, clock: FixedClock, demo_path: Path
) -> None:
    service = TimerService(store, clock)
    session = service.session(table.id, 1)
    service.start(session.id)
    clock.advance(600)
    service.pause(session.id)
    clock.advance(120)
    service.resume(session.id)
    service.extend(session.id)
    clock.advance(60)
    store.close()  # the app is killed: only the file remains

    with EventStore.open(demo_path) as reopened:
        again = TimerService(reopened, clock)
        view = again.view(again.session(table.id, 1))
        assert view.state is TimerState.RUNNING
        assert view.remaining == pytest.approx(3600 + 300 - 660, abs=1)
        assert view.text == "54:00"
        clock.advance(3240)
        assert again.view(again.session(table.id, 1)).level is Level.OVERTIME
        stopped = again.stop(again.session(table.id, 1).id)
        assert stopped.actual_end is not None
        assert stopped.updated_at > session.updated_at


def test_transitions_bump_updated_at_even_with_a_frozen_clock(
    store: EventStore, table: Table, clock: FixedClock
) -> None:
    service = TimerService(store, clock)
    session = service.session(table.id, 2)
    first = service.start(session.id)
    second = service.pause(session.id)
    assert first.updated_at < second.updated_at


def test_agenda_session_lines_take_actual_times_from_sessions(
    store: EventStore, table: Table, clock: FixedClock
) -> None:
    service = TimerService(store, clock)
    session = service.session(table.id, 1)
    service.start(session.id)
    rows = agenda_rows(service.agenda(), service.sessions(table.id))
    line = next(row for row in rows if row.item.session_number == 1)
    assert line.actual_start is not None
    assert line.actual_end is None
    plenary = service.agenda()[1]
    marked = service.mark_agenda(plenary.id)
    assert store.get(AgendaItem, plenary.id) == marked
    assert marked.actual_start is not None


def test_planned_minutes_are_validated(store: EventStore, table: Table, clock: FixedClock) -> None:
    service = TimerService(store, clock)
    session = service.session(table.id, 1)
    assert service.set_planned_minutes(session.id, 45).planned_minutes == 45
    with pytest.raises(ValueError):
        service.set_planned_minutes(session.id, 0)


def test_a_second_session_does_not_start_while_the_first_runs_unless_it_is_stopped(
    store: EventStore, table: Table, clock: FixedClock
) -> None:
    service = TimerService(store, clock)
    first, second = service.session(table.id, 1), service.session(table.id, 2)
    assert service.other_open_session(second.id) is None
    service.start(first.id)
    clock.advance(1800)
    assert service.other_open_session(second.id) == service.session(table.id, 1)
    with pytest.raises(ValueError, match="sessione 1 è ancora in corso"):
        service.start(second.id)
    assert service.session(table.id, 2).actual_start is None, "nothing changed"
    assert service.session(table.id, 1).actual_end is None

    started = service.start(second.id, stop_other=True)
    stopped = service.session(table.id, 1)
    assert stopped.actual_end == started.actual_start, "one instant: one ends, the other begins"
    assert service.other_open_session(second.id) is None
    assert timer_minutes(stopped) == 30
