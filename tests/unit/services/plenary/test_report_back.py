"""The report-back timer: each table's time apart, on an injected clock."""

from __future__ import annotations

from facilitator_app.domain.clock import FixedClock
from facilitator_app.services.plenary.report_back import ReportBackTimer


def test_report_back_timer_counts_each_table_apart(clock: FixedClock) -> None:
    timer = ReportBackTimer(clock, minutes=3)
    timer.switch("asse-1")
    clock.advance(90)
    assert timer.text() == "01:30 / 03:00"
    timer.switch("asse-2")
    clock.advance(30)
    timer.switch("asse-1")  # back to the first table: its time goes on
    clock.advance(100)
    assert timer.spent() == 190 and timer.spent("asse-2") == 30
    assert timer.text() == "+00:10 oltre 03:00"
    timer.reset()
    assert timer.text() == "00:00 / 03:00"
