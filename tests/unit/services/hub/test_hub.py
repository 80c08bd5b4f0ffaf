"""The venue hub on loopback: a table sends its event file, the coordinator merges it once.

A real hub (Uvicorn in its thread) and the real sender (urllib); the merged file is read
back through a read-only store.
"""

from __future__ import annotations

import http.server
import shutil
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.errors import FacilitatorError
from facilitator_app.domain.model import Contribution
from facilitator_app.services.capture.board import CaptureService
from facilitator_app.services.hub import HubReceipt, VenueHub, send_to_hub
from facilitator_app.services.merge import engine
from facilitator_app.storage.database import EventStore


@pytest.fixture
def hub(tmp_path: Path, clock: FixedClock) -> Iterator[VenueHub]:
    server = VenueHub(tmp_path / "unito.sqlite", tmp_path / "ricevuti", clock, port=0)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _posts(path: Path) -> int:
    with EventStore.open(path, read_only=True) as store:
        return store.count(Contribution)


def test_an_event_file_sent_is_merged_once(
    hub: VenueHub, demo_path: Path, clock: FixedClock
) -> None:
    receipts: list[HubReceipt] = []
    hub.on_received = receipts.append
    with EventStore.open(demo_path) as store:  # the table's window has the file open
        CaptureService(store, clock).add(store.tables()[0].id, 1, "Ultimo post-it prima dell'invio")
        reply = send_to_hub(hub.address, hub.code, demo_path)
    assert reply.status == engine.STATUS_IMPORTED and reply.added > 0
    assert _posts(hub.target) == _posts(demo_path), "the snapshot holds the last post-it too"
    assert [r.result.status for r in receipts] == [engine.STATUS_IMPORTED]
    assert receipts[0].stored.parent == hub.received and receipts[0].stored.is_file()

    again = send_to_hub(hub.address, hub.code, demo_path)
    assert again.status in (engine.STATUS_ALREADY, engine.STATUS_UNCHANGED)
    assert (again.added, again.updated) == (0, 0)
    assert _posts(hub.target) == _posts(demo_path), "nothing merged twice"


def test_a_wrong_code_is_refused_and_nothing_is_stored(hub: VenueHub, demo_path: Path) -> None:
    wrong = "000000" if hub.code != "000000" else "111111"
    with pytest.raises(FacilitatorError, match="Codice sbagliato"):
        send_to_hub(hub.address, wrong, demo_path)
    assert list(hub.received.iterdir()) == []
    assert not hub.target.exists()


def test_a_file_that_is_not_an_event_file_is_refused_and_not_kept(
    hub: VenueHub, tmp_path: Path
) -> None:
    fake = tmp_path / "tavolo.sqlite"
    fake.write_bytes(b"not a database at all" * 100)
    with pytest.raises(FacilitatorError, match=r"rifiutato tavolo\.xlsx"):
        send_to_hub(hub.address, hub.code, _raw(fake))
    assert list(hub.received.iterdir()) == []
    assert not hub.target.exists()


def _raw(fake: Path) -> Path:
    """A workbook name for a file of garbage (an event file name would be snapshot first)."""
    workbook = fake.with_suffix(".xlsx")
    shutil.copy(fake, workbook)
    return workbook


def test_only_event_files_and_workbooks_are_sent(hub: VenueHub, tmp_path: Path) -> None:
    other = tmp_path / "note.txt"
    other.write_text("ciao")
    with pytest.raises(FacilitatorError, match="Si inviano solo"):
        send_to_hub(hub.address, hub.code, other)


def test_an_unreachable_coordinator_is_said_clearly(demo_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FacilitatorError, match="non risponde"):
        send_to_hub(f"127.0.0.1:{port}", "123456", demo_path, timeout=5)


def test_an_upload_with_a_wrong_code_gets_403_and_nothing_is_stored(
    hub: VenueHub, demo_path: Path
) -> None:
    body = demo_path.read_bytes()[:32_768]  # fits the socket's buffers: refused, not broken
    request = urllib.request.Request(
        f"http://{hub.address}/invia",
        data=body,
        method="POST",
        headers={"X-Hub-Code": "not-the-code", "X-File-Name": "tavolo.sqlite"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 403
    refused.value.close()
    assert list(hub.received.iterdir()) == []
    assert not hub.target.exists()


class _NotAHub(http.server.BaseHTTPRequestHandler):
    """Answers every POST with 200 and the class's body: a web server that is not the hub."""

    body = b""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: object) -> None:  # quiet in the test output
        pass


@pytest.mark.parametrize(
    "body",
    [b"<html>router</html>", b"[1, 2]", b"[" * 5000 + b"]" * 5000, b'"ok"'],
    ids=["html", "list", "too-deep", "string"],
)
def test_an_address_that_is_not_a_hub_is_said_clearly_whatever_it_answers(
    demo_path: Path, body: bytes
) -> None:
    handler = type("Handler", (_NotAHub,), {"body": body})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        address = f"127.0.0.1:{server.server_address[1]}"
        with pytest.raises(FacilitatorError, match="non è il coordinamento"):
            send_to_hub(address, "123456", demo_path, timeout=5)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
