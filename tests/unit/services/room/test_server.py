"""The room server over real HTTP on loopback: what a phone (or an attacker) gets."""

from __future__ import annotations

import io
import socket
import threading
from pathlib import Path
from urllib.parse import urlsplit

import openpyxl
import pytest

from facilitator_app import cli
from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Contribution, Table
from facilitator_app.services.room import RoomServer, RoomSettings, phone_post_ids
from facilitator_app.storage.database import EventStore
from tests.helpers.room_client import Phone


def _path(server: RoomServer) -> str:
    return urlsplit(server.url).path


def _posts(path: Path, table: Table) -> list[Contribution]:
    with EventStore.open(path, read_only=True) as store:
        return store.contributions(table.id, 1)


def test_the_plain_form_stores_a_post_it_and_says_ricevuto(
    room: RoomServer, phone: Phone, demo_path: Path, room_table: Table
) -> None:
    before = _posts(demo_path, room_table)
    answer = phone.write(_path(room), "Più corse serali per le valli")
    assert answer.status == 303
    assert answer.headers["location"] == f"{_path(room)}/ricevuto"
    received = phone.get(answer.headers["location"])
    assert received.status == 200
    assert "Ricevuto" in received.body
    assert 'lang="it"' in received.body
    after = _posts(demo_path, room_table)
    assert [p.text for p in after[len(before) :]] == ["Più corse serali per le valli"]
    with EventStore.open(demo_path, read_only=True) as store:
        assert phone_post_ids(store, room_table.id, 1) == {after[-1].id}
    assert room.phones_connected == 1


def test_the_page_shows_the_question_and_every_security_header(
    room: RoomServer, phone: Phone, demo_path: Path, room_table: Table
) -> None:
    with EventStore.open(demo_path, read_only=True) as store:
        session = store.session_of_table(room_table.id, 1)
    assert session is not None and session.question
    page = phone.get(_path(room))
    assert page.status == 200
    assert session.question.replace("'", "&#x27;") in page.body
    assert '<textarea id="text" name="text" maxlength="500"' in page.body
    assert '<label for="text">' in page.body
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "form-action 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "no-referrer"
    cookie = phone.cookies["phone"]
    assert len(cookie) == 22
    # Nothing of another table: not its name, not its post-its (even with the board shown).
    room.open_voting(3)
    page = phone.get(_path(room))
    with EventStore.open(demo_path, read_only=True) as store:
        other = store.tables()[0]
        others = [p.text for p in store.contributions(other.id)]
        own = [p.text for p in store.contributions(room_table.id, 1)]
    assert others and own
    assert other.name not in page.body
    assert all(text.replace("'", "&#x27;") in page.body for text in own)
    assert not [text for text in others if text.replace("'", "&#x27;") in page.body]


def test_english_from_accept_language_and_from_the_link(room: RoomServer, phone: Phone) -> None:
    english = phone.get(_path(room), {"Accept-Language": "en-GB,en;q=0.9,it;q=0.5"})
    assert 'lang="en"' in english.body and "Write a sticky note" in english.body
    assert f'href="{_path(room)}?lang=it"' in english.body
    italian = phone.get(f"{_path(room)}?lang=it", {"Accept-Language": "en"})
    assert 'lang="it"' in italian.body
    assert 'lang="it"' in phone.get(_path(room), {"Accept-Language": "en"}).body  # cookie


def test_a_wrong_or_old_token_is_refused_with_403_and_nothing_stored(
    room: RoomServer, phone: Phone, demo_path: Path, room_table: Table
) -> None:
    page = phone.get(_path(room))
    old = _path(room)
    before = _posts(demo_path, room_table)
    wrong = "/t/" + "A" * 24
    assert phone.get(wrong).status == 403
    assert phone.post_form(f"{wrong}/post", {"csrf": page.form_token, "text": "x"}).status == 403
    room.rotate_token()
    assert _path(room) != old
    refused = phone.post_form(f"{old}/post", {"csrf": page.form_token, "text": "vecchio"})
    assert refused.status == 403
    assert "non è più valido" in refused.body
    assert phone.get(old).status == 403
    assert _posts(demo_path, room_table) == before
    assert phone.write(_path(room), "nuovo").status == 303


def test_a_form_without_the_phone_cookie_or_with_another_token_is_refused(
    room: RoomServer, phone: Phone, demo_path: Path, room_table: Table
) -> None:
    page = phone.get(_path(room))
    before = _posts(demo_path, room_table)
    stranger = Phone(phone.base)
    forged = stranger.post_form(f"{_path(room)}/post", {"csrf": page.form_token, "text": "x"})
    assert forged.status == 403
    wrong = phone.post_form(f"{_path(room)}/post", {"csrf": "0" * 32, "text": "x"})
    assert wrong.status == 403
    assert _posts(demo_path, room_table) == before


def _raw_post(server: RoomServer, head: str, body_chunks: list[bytes]) -> str:
    """Send a POST by hand; the status line the server answered ("" if it reset first)."""
    host, port = urlsplit(server.url).hostname, urlsplit(server.url).port
    with socket.create_connection((host, port), timeout=10) as raw:
        raw.sendall(head.encode())
        try:
            for chunk in body_chunks:
                raw.sendall(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server refused and closed while the body was still coming
        try:
            return raw.recv(200).decode("latin-1").split("\r\n")[0]
        except ConnectionResetError:
            return ""


def test_a_one_megabyte_body_gets_413_before_it_is_sent(
    room: RoomServer, phone: Phone, demo_path: Path, room_table: Table
) -> None:
    token = phone.get(_path(room)).form_token
    before = _posts(demo_path, room_table)
    head = (
        f"POST {_path(room)}/post HTTP/1.1\r\nHost: x\r\nCookie: phone={phone.cookies['phone']}"
        "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {1 << 20}\r\n\r\n"
    )
    # Only the headers are sent: the answer comes without the server waiting for the body.
    assert _raw_post(room, head, []) == "HTTP/1.1 413 Request Entity Too Large"
    body = f"csrf={token}&text=".encode() + b"a" * (1 << 20)
    assert _raw_post(room, head, [body]) in ("HTTP/1.1 413 Request Entity Too Large", "")
    assert _posts(demo_path, room_table) == before
    assert phone.get(_path(room)).status == 200


def test_a_chunked_body_is_cut_at_the_limit(
    room: RoomServer, phone: Phone, demo_path: Path, room_table: Table
) -> None:
    token = phone.get(_path(room)).form_token
    before = _posts(demo_path, room_table)
    head = (
        f"POST {_path(room)}/post HTTP/1.1\r\nHost: x\r\nCookie: phone={phone.cookies['phone']}"
        "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
    )
    first = f"csrf={token}&text=".encode()
    piece = b"b" * 65536
    chunks = [b"%x\r\n%s\r\n" % (len(first), first)]
    chunks += [b"%x\r\n%s\r\n" % (len(piece), piece)] * 16 + [b"0\r\n\r\n"]
    assert _raw_post(room, head, chunks) in ("HTTP/1.1 413 Request Entity Too Large", "")
    assert _posts(demo_path, room_table) == before
    assert phone.get(_path(room)).status == 200


def test_a_post_over_500_characters_is_refused_and_given_back(
    room: RoomServer, phone: Phone, demo_path: Path, room_table: Table
) -> None:
    before = _posts(demo_path, room_table)
    answer = phone.write(_path(room), "b" * 501)
    assert answer.status == 400
    assert "al massimo 500 caratteri" in answer.body
    assert "b" * 501 in answer.body
    assert _posts(demo_path, room_table) == before
    assert phone.write(_path(room), "c" * 500).status == 303


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/x-www-form-urlencoded", b"csrf=%s&text=%FF%FE"),
        ("application/x-www-form-urlencoded", b"csrf=%s&text=caf\xc3\xa8"),
        ("application/x-www-form-urlencoded", b"csrf=%s&text=a&text=b"),
        ("application/x-www-form-urlencoded", b"csrf=%s&text=ciao&extra=1"),
        ("application/x-www-form-urlencoded", b"csrf=%s&text=ciao%00"),
        ("application/x-www-form-urlencoded", b"csrf=%s&&=&&"),
        ("application/json", b'{"csrf": "%s", "text": "ciao"}'),
        ("multipart/form-data; boundary=x", b"--x\r\ncsrf=%s\r\n--x--"),
    ],
)
def test_malformed_forms_and_encodings_get_400_and_nothing_stored(
    room: RoomServer,
    phone: Phone,
    demo_path: Path,
    room_table: Table,
    content_type: str,
    body: bytes,
) -> None:
    token = phone.get(_path(room)).form_token
    before = _posts(demo_path, room_table)
    answer = phone.request(
        "POST",
        f"{_path(room)}/post",
        body.replace(b"%s", token.encode(), 1),
        {"Content-Type": content_type},
    )
    assert answer.status == 400, answer.body[:200]
    assert _posts(demo_path, room_table) == before
    assert phone.get(_path(room)).status == 200


def test_a_malformed_content_length_gets_400(room: RoomServer, phone: Phone) -> None:
    answer = phone.request("GET", "/", headers={"Content-Length": "-5"})
    assert answer.status == 400


@pytest.mark.parametrize(
    "path",
    [
        "/t/../../etc/passwd",
        "/t/%2e%2e/%2e%2e/etc/passwd",
        "/room.css/../../etc/passwd",
        "/static/../../pyproject.toml",
        "/..%2f..%2fpyproject.toml",
        "/t/{token}/../../../etc/passwd",
        "/t/{token}/%2e%2e%2fpost",
    ],
)
def test_path_traversal_gets_404(room: RoomServer, phone: Phone, path: str) -> None:
    answer = phone.get(path.replace("{token}", room.token))
    assert answer.status == 404
    assert "root:" not in answer.body and "[project]" not in answer.body


def test_html_in_a_post_it_is_stored_as_text_and_escaped_in_the_page_and_in_an_export(
    room: RoomServer, phone: Phone, demo_path: Path, room_table: Table, tmp_path: Path
) -> None:
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    assert phone.write(_path(room), hostile).status == 303
    assert _posts(demo_path, room_table)[-1].text == hostile
    room.open_voting(3)
    page = phone.get(_path(room))
    assert "<script>alert" not in page.body and "<img src=x" not in page.body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page.body
    room.stop()
    workbook = tmp_path / "export.xlsx"
    assert cli.main(["export", str(demo_path), "--xlsx", str(workbook)], out=io.StringIO()) == 0
    cells = {
        cell
        for sheet in openpyxl.load_workbook(workbook, read_only=True).worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str)
    }
    assert hostile in cells


def test_the_rate_limit_answers_429_and_the_server_keeps_serving(
    room: RoomServer, phone: Phone, demo_path: Path, room_table: Table, clock: FixedClock
) -> None:
    before = len(_posts(demo_path, room_table))
    answers = [phone.write(_path(room), f"idea {n}").status for n in range(12)]
    assert answers == [303] * 10 + [429] * 2
    assert len(_posts(demo_path, room_table)) == before + 10
    assert phone.get(_path(room)).status == 200
    clock.advance(61)
    assert phone.write(_path(room), "dopo un minuto").status == 303


def test_a_flood_of_requests_from_one_address_gets_429_then_serving_resumes(
    room: RoomServer, phone: Phone, clock: FixedClock
) -> None:
    statuses = [phone.get("/").status for _ in range(700)]
    assert statuses[:600] == [200] * 600
    assert set(statuses[600:]) == {429}
    clock.advance(61)
    assert phone.get("/").status == 200


def test_the_short_code_leads_to_the_page(room: RoomServer, phone: Phone) -> None:
    assert 6 <= len(room.short_code) <= 8
    typed = room.short_code.lower()[:3] + " " + room.short_code.lower()[3:]
    answer = phone.get(f"/code?c={typed.replace(' ', '+')}")
    assert answer.status == 303
    assert answer.headers["location"] == _path(room)
    assert phone.get("/code?c=ZZZZZZZ").status == 404


def test_dots_are_limited_per_phone(
    room: RoomServer, phone: Phone, demo_path: Path, room_table: Table
) -> None:
    assert phone.write(_path(room), "uno").status == 303
    target = _posts(demo_path, room_table)[-1]
    page = phone.get(_path(room))
    assert "Dai un punto" not in page.body  # no voting yet
    room.open_voting(2)
    page = phone.get(_path(room))
    assert "Punti che ti restano: 2" in page.body
    statuses = [
        phone.post_form(f"{_path(room)}/dot", {"csrf": page.form_token, "post": target.id}).status
        for _ in range(3)
    ]
    assert statuses == [303, 303, 409]
    assert _posts(demo_path, room_table)[-1].votes == target.votes + 2
    room.close_voting()
    closed = phone.post_form(f"{_path(room)}/dot", {"csrf": page.form_token, "post": target.id})
    assert closed.status == 403


def test_moderated_posts_wait_and_are_not_on_the_board(
    room: RoomServer, phone: Phone, demo_path: Path, room_table: Table
) -> None:
    room.moderate = True
    before = _posts(demo_path, room_table)
    answer = phone.write(_path(room), "da approvare")
    assert answer.status == 303 and answer.headers["location"].endswith("?attesa=1")
    assert "metterà sul tabellone" in phone.get(answer.headers["location"]).body
    assert _posts(demo_path, room_table) == before


def test_on_change_is_called_after_the_commit(
    room: RoomServer, phone: Phone, demo_path: Path, room_table: Table
) -> None:
    seen: list[int] = []
    called = threading.Event()

    def changed() -> None:
        seen.append(len(_posts(demo_path, room_table)))
        called.set()

    before = len(_posts(demo_path, room_table))
    room.on_change = changed
    assert phone.write(_path(room), "avvisami").status == 303
    assert called.wait(10)
    assert seen == [before + 1]  # another connection already sees the post: committed


def test_an_unknown_table_or_session_is_refused(demo_path: Path, clock: FixedClock) -> None:
    from facilitator_app.domain.errors import NotFoundError

    with pytest.raises(NotFoundError, match="nessuno"):
        RoomServer(demo_path, RoomSettings("nessuno", 1), clock=clock).start()
    with EventStore.open(demo_path, read_only=True) as store:
        table = store.tables()[0]
    with pytest.raises(NotFoundError, match="sessione 9"):
        RoomServer(demo_path, RoomSettings(table.id, 9), clock=clock).start()
    # Nothing is left holding the file: it opens for writing.
    EventStore.open(demo_path).close()


def test_the_server_shares_the_window_lock_and_both_write(
    demo_path: Path, room_table: Table, clock: FixedClock
) -> None:
    with EventStore.open(demo_path) as window_store:
        server = RoomServer(demo_path, RoomSettings(room_table.id, 1), clock=clock)
        server.start()
        try:
            phone = Phone(server.base_url.rstrip("/"))
            assert phone.write(_path(server), "dal telefono").status == 303
            from facilitator_app.services.capture.board import CaptureService

            CaptureService(window_store, clock).add(room_table.id, 1, "dalla finestra")
        finally:
            server.stop()
        texts = [p.text for p in window_store.contributions(room_table.id, 1)]
        assert {"dal telefono", "dalla finestra"} <= set(texts)
        # The window still holds the file after the server stopped.
        from facilitator_app.domain.errors import EventFileLockedError

        with pytest.raises(EventFileLockedError):
            EventStore.open(demo_path)
    EventStore.open(demo_path).close()


def test_phones_and_the_window_write_at_once_and_nothing_fails(
    demo_path: Path, room_table: Table, clock: FixedClock
) -> None:
    from facilitator_app.services.capture.board import CaptureService

    with EventStore.open(demo_path) as window_store:
        server = RoomServer(
            demo_path,
            RoomSettings(
                room_table.id, 1, posts_per_minute=1000, posts_per_minute_per_address=1000
            ),
            clock=clock,
        )
        server.start()
        statuses: list[int] = []
        answered = threading.Event()

        def phones() -> None:
            phone = Phone(server.base_url.rstrip("/"))
            form = phone.get(_path(server)).form_token
            for n in range(60):
                answer = phone.post_form(f"{_path(server)}/post", {"csrf": form, "text": f"t{n}"})
                statuses.append(answer.status)
                answered.set()

        sender = threading.Thread(target=phones)
        sender.start()
        capture = CaptureService(window_store, clock)
        try:
            # Writes that read before writing (an upsert learns the table's columns first),
            # one pair per phone post, while the next post is on its way (the window writes
            # at a person's pace: it does not hold the file's write lock all the time).
            while sender.is_alive():
                answered.wait(30)
                answered.clear()
                window_store.set_meta("nota", str(len(statuses)))
                capture.add(room_table.id, 1, "dalla finestra")
        finally:
            sender.join()
            server.stop()
    assert statuses == [303] * 60
