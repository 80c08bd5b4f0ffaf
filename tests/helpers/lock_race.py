"""Two processes taking and giving back the writer lock of one file, over and over.

Each holder appends ``+pid`` when it gets the lock and ``-pid`` just before giving it back,
to one log opened with ``O_APPEND`` (each line lands whole, in the order written); a ``+``
while someone else's ``+`` is still open is a moment with two writers.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_CYCLER = """
import os, sys
from pathlib import Path
from facilitator_app.domain.errors import EventFileLockedError
from facilitator_app.storage.lock import WriterLock

event, log, cycles = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
out = os.open(log, os.O_WRONLY | os.O_APPEND)
me = os.getpid()
sys.stdout.write("READY\\n"); sys.stdout.flush()
sys.stdin.readline()
done = 0
while done < cycles:
    lock = WriterLock(event)
    try:
        lock.acquire()
    except EventFileLockedError:
        continue
    os.write(out, f"+{me}\\n".encode())
    os.write(out, f"-{me}\\n".encode())
    lock.release()
    done += 1
"""


def run_race(event: Path, log: Path, cycles: int, processes: int = 2) -> list[str]:
    """Run ``processes`` cyclers of ``cycles`` each on ``event``; the log's lines."""
    log.write_bytes(b"")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _CYCLER, str(event), str(log), str(cycles)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(processes)
    ]
    for child in children:  # all imported and waiting: they start together
        assert child.stdout is not None and child.stdout.readline().strip() == "READY"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.close()
    for child in children:
        assert child.wait(timeout=120) == 0
        assert child.stdout is not None
        child.stdout.close()
    return log.read_text().split()


def moments_with_two_holders(lines: list[str]) -> int:
    """How many times a process got the lock while another still held it."""
    holders: set[str] = set()
    overlaps = 0
    for line in lines:
        who = line[1:]
        if line.startswith("+"):
            overlaps += bool(holders)
            holders.add(who)
        else:
            holders.discard(who)
    return overlaps
