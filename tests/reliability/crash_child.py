"""Child process for the crash test: captures through the real services until killed.

It prints one acknowledgement line after each call has returned (that is, committed):
``P <post id>``, ``C <present>``, ``T <timer state>``. The parent kills it with SIGKILL at a
moment of its choosing and checks that everything acknowledged is in the file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from facilitator_app.domain import timer
from facilitator_app.domain.model import Table
from facilitator_app.services.capture.board import CaptureService
from facilitator_app.services.capture.counts import CountsService
from facilitator_app.services.capture.timer import TimerService
from facilitator_app.services.common.clock import SystemClock
from facilitator_app.storage.database import EventStore


def main(path: str) -> None:
    store = EventStore.open(Path(path))
    clock = SystemClock()
    capture = CaptureService(store, clock)
    counts = CountsService(store, clock)
    timers = TimerService(store, clock)
    table = store.all(Table)[0]
    session = timers.session(table.id, 1)
    print("READY", flush=True)
    step = 0
    while True:
        step += 1
        post = capture.add(table.id, 1, f"Post-it {step}: più treni nelle valli, àèìòù")
        print(f"P {post.id}", flush=True)
        if step % 3 == 0:
            count = counts.adjust(table.id, 1, "present", 1)
            print(f"C {count.present}", flush=True)
        if step % 5 == 0:
            current = timer.state(timers.session(table.id, 1))
            if current is timer.TimerState.NOT_STARTED:
                timers.start(session.id)
            elif current is timer.TimerState.RUNNING:
                timers.pause(session.id)
            else:
                timers.resume(session.id)
            print(f"T {timer.state(timers.session(table.id, 1)).value}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
