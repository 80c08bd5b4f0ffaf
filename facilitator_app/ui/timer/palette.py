"""The countdown's colours: one look per timer state, and per level while it runs.

Each pair is (background, digits). Every pair keeps a WCAG contrast of at least 4.5:1
(tests/gui/test_timer_look.py computes it), so the digits stay readable across a table in
every state: the amber and orange levels take black digits, the dark ones white.
"""

from __future__ import annotations

from facilitator_app.domain.timer import Level, TimerState

# While the session runs the colour tells how close the end is (10, 5 and 0 minutes).
RUNNING_COLOURS: dict[Level, tuple[str, str]] = {
    Level.NORMAL: ("#1b5e20", "#ffffff"),  # green
    Level.WARNING: ("#f9a825", "#000000"),  # amber
    Level.URGENT: ("#e65100", "#000000"),  # orange: white digits would be 3.8:1 only
    Level.OVERTIME: ("#b71c1c", "#ffffff"),  # red
}
# The other states look the same at every level: nothing is counting down.
NOT_STARTED_COLOURS = ("#e3f2fd", "#0d47a1")  # pale blue, navy digits
PAUSED_COLOURS = ("#37474f", "#ffe082")  # slate, pale amber digits: plainly stopped for now
STOPPED_COLOURS = ("#e0e0e0", "#424242")  # grey: over


def face_colours(state: TimerState, level: Level) -> tuple[str, str]:
    """Background and digit colour of the countdown in a state (and level, while running)."""
    if state is TimerState.RUNNING:
        return RUNNING_COLOURS[level]
    if state is TimerState.PAUSED:
        return PAUSED_COLOURS
    if state is TimerState.STOPPED:
        return STOPPED_COLOURS
    return NOT_STARTED_COLOURS
