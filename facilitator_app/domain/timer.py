"""Session timer arithmetic: pure functions of a :class:`Session` and the current time.

Nothing here reads the clock: every function takes ``now``. The timer's whole state lives
in the session record (``actual_start``, ``pauses``, ``extension_seconds``,
``actual_end``), so a restarted app recomputes the exact remaining time from the file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Iterable

from facilitator_app.domain.clock import from_iso, to_iso
from facilitator_app.domain.errors import InvalidValueError
from facilitator_app.domain.model import Pause, Session
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP

EXTEND_SECONDS = 5 * 60
WARNING_SECONDS = 10 * 60
URGENT_SECONDS = 5 * 60


class TimerState(enum.StrEnum):
    """Where a session's timer is."""

    NOT_STARTED = "not_started"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"


class Level(enum.IntEnum):
    """How close the end is: drives the countdown's colour."""

    NORMAL = 0
    WARNING = 1  # 10 minutes or less
    URGENT = 2  # 5 minutes or less
    OVERTIME = 3  # past the end


def state(session: Session) -> TimerState:
    """The timer state recorded in a session."""
    if session.actual_start is None:
        return TimerState.NOT_STARTED
    if session.actual_end is not None:
        return TimerState.STOPPED
    if session.pauses and session.pauses[-1].end is None:
        return TimerState.PAUSED
    return TimerState.RUNNING


def is_open(session: Session) -> bool:
    """True from the start until the stop, pauses included: the session's clock is not closed."""
    return state(session) in (TimerState.RUNNING, TimerState.PAUSED)


def other_open_session(session: Session, sessions: Iterable[Session]) -> Session | None:
    """Another session of the same table that has started and not ended, if any.

    A table discusses one question at a time: starting a session while another one is open
    would leave that one's clock running and its duration wrong in the report.
    """
    return next(
        (
            other
            for other in sessions
            if other.table_id == session.table_id and other.id != session.id and is_open(other)
        ),
        None,
    )


def planned_seconds(session: Session) -> int:
    """Planned duration plus every extension, in seconds."""
    return session.planned_minutes * 60 + session.extension_seconds


def elapsed_seconds(session: Session, now: dt.datetime) -> float:
    """Seconds of discussion so far (pauses excluded; frozen once stopped)."""
    if session.actual_start is None:
        return 0.0
    start = from_iso(session.actual_start)
    end = from_iso(session.actual_end) if session.actual_end else now
    paused = 0.0
    for pause in session.pauses:
        pause_start = from_iso(pause.start)
        pause_end = from_iso(pause.end) if pause.end else end
        paused += max(0.0, (min(pause_end, end) - pause_start).total_seconds())
    return max(0.0, (end - start).total_seconds() - paused)


def remaining_seconds(session: Session, now: dt.datetime) -> float:
    """Seconds left before the planned end; negative once in overtime."""
    return planned_seconds(session) - elapsed_seconds(session, now)


def overtime_seconds(session: Session, now: dt.datetime) -> float:
    """Seconds past the planned end (0 before it)."""
    return max(0.0, -remaining_seconds(session, now))


def level_for(remaining: float) -> Level:
    """The colour level for a number of remaining seconds."""
    if remaining <= 0:
        return Level.OVERTIME
    if remaining <= URGENT_SECONDS:
        return Level.URGENT
    if remaining <= WARNING_SECONDS:
        return Level.WARNING
    return Level.NORMAL


def level(session: Session, now: dt.datetime) -> Level:
    """The colour level of a session's countdown at ``now``."""
    return level_for(remaining_seconds(session, now))


def format_seconds(seconds: float) -> str:
    """``mm:ss`` (or ``h:mm:ss``) for a countdown; overtime is shown as ``+mm:ss``.

    Remaining time is rounded up (a countdown shows 00:01 until the last second has
    gone); overtime is rounded down.
    """
    if seconds > 0:
        whole = int(-(-seconds // 1))
        sign = ""
    else:
        whole = int(-seconds // 1)
        sign = "+" if whole > 0 else ""
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


# -- transitions: each returns the new session record (the caller stores it) ------------


def start(session: Session, now: dt.datetime) -> Session:
    """Start the timer.

    Raises:
        ValueError: the session has already started.
    """
    if session.actual_start is not None:
        raise InvalidValueError(QT_TRANSLATE_NOOP("Errors", "la sessione è già iniziata"))
    return dataclasses.replace(session, actual_start=to_iso(now), actual_end=None, pauses=())


def pause(session: Session, now: dt.datetime) -> Session:
    """Pause a running timer.

    Raises:
        ValueError: the timer is not running.
    """
    if state(session) is not TimerState.RUNNING:
        raise InvalidValueError(QT_TRANSLATE_NOOP("Errors", "il cronometro non è in corso"))
    return dataclasses.replace(session, pauses=(*session.pauses, Pause(to_iso(now))))


def resume(session: Session, now: dt.datetime) -> Session:
    """Resume a paused timer.

    Raises:
        ValueError: the timer is not paused.
    """
    if state(session) is not TimerState.PAUSED:
        raise InvalidValueError(QT_TRANSLATE_NOOP("Errors", "il cronometro non è in pausa"))
    last = session.pauses[-1]
    return dataclasses.replace(
        session, pauses=(*session.pauses[:-1], Pause(last.start, to_iso(now)))
    )


def extend(session: Session, seconds: int = EXTEND_SECONDS) -> Session:
    """Add time to the planned duration (in any state)."""
    if seconds <= 0:
        raise InvalidValueError(QT_TRANSLATE_NOOP("Errors", "l'estensione deve essere positiva"))
    return dataclasses.replace(session, extension_seconds=session.extension_seconds + seconds)


def stop(session: Session, now: dt.datetime) -> Session:
    """Stop the timer for good, closing an open pause.

    Raises:
        ValueError: the session has not started or is already stopped.
    """
    current = state(session)
    if current is TimerState.NOT_STARTED:
        raise InvalidValueError(QT_TRANSLATE_NOOP("Errors", "la sessione non è iniziata"))
    if current is TimerState.STOPPED:
        raise InvalidValueError(QT_TRANSLATE_NOOP("Errors", "la sessione è già conclusa"))
    if current is TimerState.PAUSED:
        session = resume(session, now)
    return dataclasses.replace(session, actual_end=to_iso(now))


def reset(session: Session) -> Session:
    """Forget the actual times (a session started by mistake)."""
    return dataclasses.replace(
        session, actual_start=None, actual_end=None, pauses=(), extension_seconds=0
    )


def elapsed_minutes(session: Session) -> int | None:
    """Minutes a session actually ran, pauses excluded (None until it has ended)."""
    if not session.actual_start or not session.actual_end:
        return None
    try:
        total = (from_iso(session.actual_end) - from_iso(session.actual_start)).total_seconds()
        for pause in session.pauses:
            if pause.end:
                total -= (from_iso(pause.end) - from_iso(pause.start)).total_seconds()
    except ValueError:
        return None
    return max(0, round(total / 60))
