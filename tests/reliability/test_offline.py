"""Offline by construction: using the app end to end opens no network socket."""

from __future__ import annotations

import io
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from facilitator_app import cli
from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Table
from facilitator_app.services.capture.board import CaptureService
from facilitator_app.services.capture.counts import CountsService
from facilitator_app.services.capture.timer import TimerService
from facilitator_app.storage.database import EventStore


@pytest.fixture
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record (and block) every attempt to reach the network."""
    attempts: list[str] = []
    real_socket = socket.socket

    class GuardedSocket(real_socket):  # type: ignore[misc]
        def connect(self, address: Any) -> None:
            attempts.append(f"connect {address}")
            raise OSError("rete vietata nei test")

        def connect_ex(self, address: Any) -> int:
            attempts.append(f"connect_ex {address}")
            return 1

    def no_lookup(*args: Any, **kwargs: Any) -> Any:
        attempts.append(f"getaddrinfo {args[:2]}")
        raise OSError("rete vietata nei test")

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: no_lookup(*a))
    yield attempts


def test_cli_and_services_end_to_end_open_no_socket(
    tmp_path: Path, clock: FixedClock, network_attempts: list[str]
) -> None:
    out = io.StringIO()
    event = tmp_path / "e.sqlite"
    assert cli.main(["demo", str(event)], out=out) == 0
    assert cli.main(["info", str(event)], out=out) == 0
    assert cli.main(["cards", "list"], out=out) == 0
    template = tmp_path / "t.xlsx"
    assert cli.main(["import-contributions", str(event), "--template", str(template)], out=out) == 0
    assert cli.main(["import-contributions", str(event), str(template)], out=out) == 0
    with EventStore.open(event) as store:
        table = store.all(Table)[0]
        capture = CaptureService(store, clock)
        post = capture.add(table.id, 1, "Più corse serali")
        capture.vote(post.id)
        CountsService(store, clock).adjust(table.id, 1, "present", 1)
        timers = TimerService(store, clock)
        timers.start(timers.session(table.id, 1).id)
    export = tmp_path / "out"
    assert (
        cli.main(
            [
                "export",
                str(event),
                "--xlsx",
                str(export / "e.xlsx"),
                "--pdf",
                str(export / "e.pdf"),
            ],
            out=out,
        )
        == 0
    )
    assert cli.main(["paper-kit", str(event), "--pdf", str(export / "kit.pdf")], out=out) == 0
    assert cli.main(["slides", str(event), "--pdf", str(export / "slides.pdf")], out=out) == 0
    assert cli.main(["themes", "suggest", str(event)], out=out) == 0
    assert (
        cli.main(
            ["merge", "--into", str(tmp_path / "m.sqlite"), str(export / "e.xlsx"), str(event)],
            out=out,
        )
        == 0
    )
    assert cli.main(["aggregate", str(tmp_path / "m.sqlite")], out=out) == 0
    assert network_attempts == []


def test_the_window_opens_no_socket(
    qtbot: Any, demo_path: Path, clock: FixedClock, network_attempts: list[str]
) -> None:
    from facilitator_app.ui.main_window import MainWindow

    window = MainWindow(clock)
    qtbot.addWidget(window)
    window.show()
    assert window.open_file(demo_path)
    assert window.board is not None
    window.board.capture.setText("Un post-it offline")
    window.board.add_from_capture()
    window.close()
    assert network_attempts == []


def test_the_guard_itself_catches_a_connection(network_attempts: list[str]) -> None:
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", 9)):
        pass
    assert network_attempts


def test_the_room_server_serves_a_phone_and_opens_no_outgoing_connection(
    demo_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import _socket  # the phone's side: the C socket, whose connect the guard leaves alone
    from urllib.parse import urlsplit

    from facilitator_app.services.room import RoomServer, RoomSettings

    attempts: list[str] = []
    with EventStore.open(demo_path, read_only=True) as store:
        table = store.tables()[0]
    with monkeypatch.context() as guarded:
        guarded.setattr(socket.socket, "connect", _refused(attempts, "connect"))
        guarded.setattr(socket.socket, "connect_ex", _refused(attempts, "connect_ex"))
        guarded.setattr(socket, "getaddrinfo", _refused(attempts, "getaddrinfo"))
        server = RoomServer(demo_path, RoomSettings(table.id, 1), clock=clock)
        server.start()
        try:
            url = urlsplit(server.url)
            phone = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
            phone.connect((url.hostname, url.port))
            phone.sendall(
                f"GET {url.path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode()
            )
            answer = b""
            while chunk := phone.recv(65536):
                answer += chunk
            phone.close()
        finally:
            server.stop()
    assert answer.startswith(b"HTTP/1.1 200")
    assert attempts == []


def _refused(attempts: list[str], what: str) -> Any:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(f"{what} {args[1:3]}")
        raise OSError("rete vietata nei test")

    return refuse
