"""Session timers that persist every transition, and the day's agenda with actual times."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from facilitator_app.domain import timer
from facilitator_app.domain.clock import Clock, to_iso
from facilitator_app.domain.errors import NotFoundError
from facilitator_app.domain.model import AgendaItem, Session
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.services.common.workspace import bump
from facilitator_app.storage.database import EventStore


@dataclass(frozen=True)
class TimerView:
    """What a countdown shows at one instant."""

    session: Session
    state: timer.TimerState
    remaining: float
    overtime: float
    level: timer.Level
    text: str


class TimerService:
    """Start, pause, resume, extend and stop session timers, committing each change.

    Args:
        store: the open, writable event file.
        clock: where the time comes from.
    """

    def __init__(self, store: EventStore, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    def sessions(self, table_id: str) -> list[Session]:
        """The sessions of a table, in number order."""
        return self.store.sessions_of_table(table_id)

    def session(self, table_id: str, number: int) -> Session:
        """One session of a table.

        Raises:
            NotFoundError: the table has no such session.
        """
        found = self.store.session_of_table(table_id, number)
        if found is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Errors", "sessione {number} del tavolo {table} inesistente"),
                number=number,
                table=table_id,
            )
        return found

    def view(self, session: Session) -> TimerView:
        """The countdown of a session at the clock's current time."""
        now = self.clock.now()
        remaining = timer.remaining_seconds(session, now)
        return TimerView(
            session=session,
            state=timer.state(session),
            remaining=remaining,
            overtime=max(0.0, -remaining),
            level=timer.level_for(remaining),
            text=timer.format_seconds(remaining),
        )

    def _get(self, session_id: str) -> Session:
        current = self.store.get(Session, session_id)
        if current is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Errors", "sessione {session} inesistente"), session=session_id
            )
        return current

    def _apply(self, session_id: str, change: Callable[[Session], Session]) -> Session:
        current = self._get(session_id)
        now = self.clock.now()
        updated = dataclasses.replace(change(current), updated_at=bump(current.updated_at, now))
        self.store.save(updated)
        return updated

    def other_open_session(self, session_id: str) -> Session | None:
        """Another session of the same table that is running or paused, if any.

        Raises:
            NotFoundError: no such session.
        """
        session = self._get(session_id)
        return timer.other_open_session(session, self.sessions(session.table_id))

    def start(self, session_id: str, *, stop_other: bool = False) -> Session:
        """Start a session's timer now.

        Args:
            session_id: the session to start.
            stop_other: first stop the table's other open session, in the same commit (the
                person agreed); without it an open other session refuses the start.

        Raises:
            ValueError: another session of the table is open (and ``stop_other`` is False),
                or this one has already started.
            NotFoundError: no such session.
        """
        session = self._get(session_id)
        other = timer.other_open_session(session, self.sessions(session.table_id))
        if other is not None and not stop_other:
            raise ValueError(
                f"la sessione {other.number} è ancora in corso: terminarla prima di avviare "
                f"la sessione {session.number}"
            )
        now = self.clock.now()
        started = timer.start(session, now)
        started = dataclasses.replace(started, updated_at=bump(session.updated_at, now))
        if other is None:
            self.store.save(started)
            return started
        stopped = timer.stop(other, now)
        stopped = dataclasses.replace(stopped, updated_at=bump(other.updated_at, now))
        self.store.save(stopped, started)  # one commit: never two open, never none by mistake
        return started

    def pause(self, session_id: str) -> Session:
        """Pause a running timer now."""
        return self._apply(session_id, lambda s: timer.pause(s, self.clock.now()))

    def resume(self, session_id: str) -> Session:
        """Resume a paused timer now."""
        return self._apply(session_id, lambda s: timer.resume(s, self.clock.now()))

    def extend(self, session_id: str, seconds: int = timer.EXTEND_SECONDS) -> Session:
        """Add time (5 minutes by default)."""
        return self._apply(session_id, lambda s: timer.extend(s, seconds))

    def stop(self, session_id: str) -> Session:
        """End the session now."""
        return self._apply(session_id, lambda s: timer.stop(s, self.clock.now()))

    def reset(self, session_id: str) -> Session:
        """Forget a session's actual times."""
        return self._apply(session_id, timer.reset)

    def set_planned_minutes(self, session_id: str, minutes: int) -> Session:
        """Change a session's planned duration."""
        if not 1 <= minutes <= 600:
            raise ValueError("durata non valida (1-600 minuti)")
        return self._apply(session_id, lambda s: dataclasses.replace(s, planned_minutes=minutes))

    # -- agenda ----------------------------------------------------------------------------

    def agenda(self) -> list[AgendaItem]:
        """The day's programme in order."""
        return self.store.agenda()

    def mark_agenda(self, item_id: str, *, end: bool = False) -> AgendaItem:
        """Record now as the actual start (or end) of an agenda item."""
        item = self.store.get(AgendaItem, item_id)
        if item is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Errors", "voce {item} inesistente"), item=item_id
            )
        now = self.clock.now()
        stamp = bump(item.updated_at, now)
        if end:
            updated = dataclasses.replace(item, actual_end=to_iso(now), updated_at=stamp)
        else:
            updated = dataclasses.replace(item, actual_start=to_iso(now), updated_at=stamp)
        self.store.save(updated)
        return updated


@dataclass(frozen=True)
class AgendaRow:
    """One line of the agenda as shown: planned times and the actual ones when known."""

    item: AgendaItem
    actual_start: str | None
    actual_end: str | None


def agenda_rows(items: list[AgendaItem], sessions: list[Session]) -> list[AgendaRow]:
    """Agenda lines; a session line takes its actual times from the sessions it covers.

    The earliest start and the latest end among the given sessions of that number are
    used, unless the item has its own recorded times.
    """
    rows = []
    for item in items:
        start, end = item.actual_start, item.actual_end
        if item.session_number is not None:
            same = [s for s in sessions if s.number == item.session_number]
            starts = [s.actual_start for s in same if s.actual_start]
            ends = [s.actual_end for s in same if s.actual_end]
            start = start or (min(starts) if starts else None)
            end = end or (max(ends) if len(ends) == len(same) and ends else None)
        rows.append(AgendaRow(item, start, end))
    return rows
