"""A real X screen (Xvfb + a window manager) for journeys that offscreen rendering hides.

Offscreen Qt has no window manager, no real keyboard focus and no X key events, so it hides
ambiguous shortcuts, focus problems and window sizes. These tests start the real app as a
separate process on ``Xvfb`` (platform ``xcb``), press keys with ``xdotool`` and read the
event file. The test command (scripts/bootstrap.sh test) installs Xvfb, xdotool and openbox.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest

SCREEN = "1366x768x24"
TOOLS = ("Xvfb", "xdotool", "openbox")


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    """The name (":N") of a fresh X screen with a window manager; stopped after the module."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:  # the test command installs them: a missing tool is a broken set-up, not a skip
        pytest.fail(f"missing {missing}: run scripts/bootstrap.sh test (it installs them)")
    read_end, write_end = os.pipe()
    # -displayfd: the server picks a free display and writes its number once it accepts clients,
    # so there is no race on the number and no waiting for the socket.
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as announced:
        number = announced.readline().strip()
    if not number:
        server.kill()
        pytest.fail("Xvfb did not start")
    display = f":{number}"
    manager = subprocess.Popen(
        ["openbox"],
        env={**os.environ, "DISPLAY": display},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield display
    finally:
        for process in (manager, server):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
