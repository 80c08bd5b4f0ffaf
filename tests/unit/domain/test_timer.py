from __future__ import annotations

import datetime as dt

import pytest

from facilitator_app.domain import timer
from facilitator_app.domain.clock import to_iso
from facilitator_app.domain.model import Session

T0 = dt.datetime(2023, 11, 10, 9, 20, tzinfo=dt.UTC)
STAMP = to_iso(T0)


def _session(minutes: int = 60) -> Session:
    return Session("s1", "t1", 1, "Domanda?", STAMP, STAMP, planned_minutes=minutes)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def test_not_started_shows_full_duration() -> None:
    session = _session()
    assert timer.state(session) is timer.TimerState.NOT_STARTED
    assert timer.remaining_seconds(session, at(1000)) == 3600
    assert timer.format_seconds(3600) == "1:00:00"


def test_running_counts_down() -> None:
    session = timer.start(_session(), at(0))
    assert timer.state(session) is timer.TimerState.RUNNING
    assert timer.remaining_seconds(session, at(90)) == 3600 - 90
    assert timer.format_seconds(timer.remaining_seconds(session, at(90.4))) == "58:30"


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [
        (0, timer.Level.NORMAL),
        (49 * 60 + 59, timer.Level.NORMAL),
        (50 * 60, timer.Level.WARNING),
        (54 * 60 + 59, timer.Level.WARNING),
        (55 * 60, timer.Level.URGENT),
        (59 * 60 + 59, timer.Level.URGENT),
        (60 * 60, timer.Level.OVERTIME),
        (75 * 60, timer.Level.OVERTIME),
    ],
)
def test_levels_change_at_10_5_and_0_minutes(elapsed: int, expected: timer.Level) -> None:
    session = timer.start(_session(), at(0))
    assert timer.level(session, at(elapsed)) is expected


def test_overtime_is_counted_and_shown_with_plus() -> None:
    session = timer.start(_session(1), at(0))
    assert timer.overtime_seconds(session, at(95)) == 35
    assert timer.format_seconds(timer.remaining_seconds(session, at(95))) == "+00:35"


def test_pause_freezes_and_resume_continues() -> None:
    session = timer.pause(timer.start(_session(), at(0)), at(600))
    assert timer.state(session) is timer.TimerState.PAUSED
    assert timer.remaining_seconds(session, at(900)) == 3000
    session = timer.resume(session, at(900))
    assert timer.state(session) is timer.TimerState.RUNNING
    assert timer.remaining_seconds(session, at(960)) == 2940


def test_extend_adds_five_minutes_and_stop_freezes() -> None:
    session = timer.extend(timer.start(_session(), at(0)))
    assert timer.remaining_seconds(session, at(3600)) == 300
    session = timer.stop(session, at(3700))
    assert timer.state(session) is timer.TimerState.STOPPED
    assert timer.remaining_seconds(session, at(99999)) == 200


def test_stop_while_paused_closes_the_pause() -> None:
    session = timer.pause(timer.start(_session(), at(0)), at(100))
    session = timer.stop(session, at(400))
    assert session.pauses[-1].end is not None
    assert timer.elapsed_seconds(session, at(5000)) == 100


def test_illegal_transitions_are_refused() -> None:
    with pytest.raises(ValueError):
        timer.pause(_session(), at(0))
    with pytest.raises(ValueError):
        timer.stop(_session(), at(0))
    running = timer.start(_session(), at(0))
    with pytest.raises(ValueError):
        timer.start(running, at(1))
    with pytest.raises(ValueError):
        timer.resume(running, at(1))
    with pytest.raises(ValueError):
        timer.extend(running, 0)
    assert timer.state(timer.reset(running)) is timer.TimerState.NOT_STARTED


def test_another_open_session_of_the_table_is_found_running_or_paused() -> None:
    first = _session()
    second = Session("s2", "t1", 2, "Altra?", STAMP, STAMP, planned_minutes=60)
    elsewhere = Session("s3", "t2", 1, "Altro tavolo?", STAMP, STAMP, planned_minutes=60)
    sessions = [first, second, elsewhere]
    assert timer.other_open_session(second, sessions) is None, "nothing has started"
    running = timer.start(first, at(0))
    sessions[0] = running
    assert timer.other_open_session(second, sessions) == running
    assert timer.other_open_session(running, sessions) is None, "not itself"
    paused = timer.pause(running, at(60))
    sessions[0] = paused
    assert timer.other_open_session(second, sessions) == paused, "a pause is not an end"
    sessions[0] = timer.stop(paused, at(120))
    assert timer.other_open_session(second, sessions) is None, "a finished one is no obstacle"
    sessions[2] = timer.start(elsewhere, at(0))
    assert timer.other_open_session(second, sessions) is None, "another table's is no obstacle"
