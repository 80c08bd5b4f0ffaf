"""The table's side of the venue hub: send the event file (or a workbook) to the coordinator.

Plain ``urllib`` (no client library): one POST of the file's bytes to
``http://ADDRESS/invia`` with the coordinator's code. An event file is sent as a consistent
snapshot (SQLite's backup API, :mod:`facilitator_app.storage.snapshot`), never as the bytes
of a file being written. Progress is reported as the bytes go; every failure is a
:class:`FacilitatorError` that says what to do.
"""

from __future__ import annotations

import json
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.request import Request

from facilitator_app.domain.errors import FacilitatorError
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.services.common.progress import Progress, no_progress
from facilitator_app.storage.snapshot import snapshot

CHUNK = 256 * 1024
TIMEOUT_SECONDS = 120.0

_UNREACHABLE = QT_TRANSLATE_NOOP(
    "Errors",
    "Il coordinamento non risponde a {address} ({why}): controllare l'indirizzo e che "
    "questo portatile sia nella stessa rete.",
)
_WRONG_CODE = QT_TRANSLATE_NOOP(
    "Errors", "Codice sbagliato: scrivere il codice mostrato dal coordinamento."
)
_TOO_MANY = QT_TRANSLATE_NOOP(
    "Errors", "Troppi codici sbagliati: riprovare tra un minuto con il codice giusto."
)
_TOO_BIG = QT_TRANSLATE_NOOP("Errors", "Il file {file} è troppo grande per il coordinamento.")
_REFUSED = QT_TRANSLATE_NOOP("Errors", "Il coordinamento ha rifiutato {file}: {why}")
_NOT_SENDABLE = QT_TRANSLATE_NOOP(
    "Errors", "Si inviano solo file evento (.sqlite) e cartelle di lavoro (.xlsx): {file}"
)
_NOT_A_HUB = QT_TRANSLATE_NOOP(
    "Errors",
    "A {address} risponde qualcosa che non è il coordinamento: controllare l'indirizzo "
    "mostrato dal coordinamento.",
)
_BAD_ADDRESS = QT_TRANSLATE_NOOP(
    "Errors", "Indirizzo del coordinamento non valido: {address} (esempio: 192.168.1.10:8765)"
)


@dataclass(frozen=True)
class HubReply:
    """What the coordinator's hub answered to a file sent.

    Attributes:
        status: the merge's status (``importato``, ``già importato``, ...).
        added: records new to the merged file.
        updated: records updated.
        conflicts: conflicts to settle.
    """

    status: str
    added: int
    updated: int
    conflicts: int


def hub_url(address: str) -> str:
    """The hub's upload URL for what a person typed (``host:port``, maybe with http://).

    Raises:
        FacilitatorError: nothing usable was typed.
    """
    text = address.strip().removeprefix("http://").rstrip("/")
    if not text or "/" in text or " " in text:
        raise FacilitatorError(_BAD_ADDRESS, address=address)
    return f"http://{text}/invia"


def send_to_hub(
    address: str,
    code: str,
    path: Path,
    *,
    progress: Progress = no_progress,
    timeout: float = TIMEOUT_SECONDS,
) -> HubReply:
    """Send an event file (its snapshot) or an exchange workbook to the coordinator's hub.

    Args:
        address: the hub's ``host:port``.
        code: the code the coordinator shows.
        path: the event file (.sqlite) or workbook (.xlsx).
        progress: bytes sent out of the file's size.
        timeout: seconds to wait for the hub at each step (the merge included).

    Raises:
        FacilitatorError: unreachable hub, wrong code, refused file (the message says why).
    """
    url = hub_url(address)
    suffix = path.suffix.lower()
    if suffix not in (".sqlite", ".xlsx"):
        raise FacilitatorError(_NOT_SENDABLE, file=path.name)
    # The code first, without the file: a hub refusing an upload half-way would show as a
    # broken connection instead of "wrong code".
    _post(
        Request(
            url.replace("/invia", "/controlla"),
            data=b"",
            method="POST",
            headers={"X-Hub-Code": code.strip()},
        ),
        address,
        path.name,
        timeout,
    )
    with tempfile.TemporaryDirectory(prefix="invio-") as folder:
        sent = path
        if suffix == ".sqlite":
            sent = Path(folder) / path.name
            snapshot(path, sent)
        size = sent.stat().st_size
        request = Request(
            url,
            data=_chunks(sent, size, progress),
            method="POST",
            headers={
                "X-Hub-Code": code.strip(),
                "X-File-Name": path.name,
                "Content-Type": "application/octet-stream",
                "Content-Length": str(size),
            },
        )
        body = _post(request, address, path.name, timeout)
    return HubReply(
        str(body.get("status", "")),
        _count(body, "added"),
        _count(body, "updated"),
        _count(body, "conflicts"),
    )


def _count(body: dict[str, object], key: str) -> int:
    value = body.get(key, 0)
    return value if isinstance(value, int) else 0


def _post(request: Request, address: str, file: str, timeout: float) -> dict[str, object]:
    """Send one request to the hub; its JSON answer, or why not as a FacilitatorError.

    Whatever answers at the address is not trusted: anything but a JSON object (a router's
    web page, a list, text nested too deep to read) is "not the hub", never a crash.
    """
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
    except urllib.error.HTTPError as error:
        raise _refusal(error, file) from None
    except (urllib.error.URLError, OSError) as error:
        why = getattr(error, "reason", None) or error
        raise FacilitatorError(_UNREACHABLE, address=address, why=str(why)) from None
    try:
        answer = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        answer = None
    if not isinstance(answer, dict):
        raise FacilitatorError(_NOT_A_HUB, address=address)
    return answer


def _chunks(path: Path, size: int, progress: Progress) -> Iterator[bytes]:
    """The file's bytes, a chunk at a time, reporting progress as they go."""
    done = 0
    progress(0, size, path.name)
    with path.open("rb") as source:
        while chunk := source.read(CHUNK):
            yield chunk
            done += len(chunk)
            progress(done, size, path.name)


def _refusal(error: urllib.error.HTTPError, file: str) -> FacilitatorError:
    try:
        answer = json.loads(error.read().decode("utf-8"))
        said = str(answer.get("message", "")) if isinstance(answer, dict) else ""
    except (ValueError, OSError, RecursionError):
        said = ""
    if error.code == 403:
        return FacilitatorError(_WRONG_CODE)
    if error.code == 429:
        return FacilitatorError(_TOO_MANY)
    if error.code == 413:
        return FacilitatorError(_TOO_BIG, file=file)
    return FacilitatorError(_REFUSED, file=file, why=said or f"HTTP {error.code}")
