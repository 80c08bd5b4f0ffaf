"""The coordinator's side of the venue hub: receive the tables' files and merge them.

A small Starlette app served by Uvicorn in a thread of its own (like the room server),
bound to the address the coordinator chose. One route, ``POST /invia``: the body is the
file itself, ``X-Hub-Code`` carries the 6-digit code the coordinator shows and
``X-File-Name`` the file's name. A wrong code gets 403 before any byte is stored; only
``.sqlite`` and ``.xlsx`` names are taken; a body over :data:`MAX_BYTES` gets 413. The file
is stored in the received folder, then merged into the coordinator's merged file by
:func:`~facilitator_app.services.merge.engine.merge_files` (which checks it like any source
and recognises a file merged before by its digest): the answer carries the merge's result.
Merges run one at a time, in one more thread.
"""

from __future__ import annotations

import asyncio
import hmac
import re
import secrets
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from facilitator_app.domain.clock import Clock
from facilitator_app.domain.errors import FacilitatorError
from facilitator_app.services.merge.engine import FileResult, merge_files
from facilitator_app.services.room.http_thread import ServerThread
from facilitator_app.services.room.security import RateLimiter

#: The largest file a table may send (an event file of a long day is a few MB).
MAX_BYTES = 200 * 1024 * 1024
ACCEPTED_SUFFIXES = (".sqlite", ".xlsx")
#: Wrong codes one address may try in a minute (a 6-digit code must not be guessed).
WRONG_CODES_PER_MINUTE = 10
DEFAULT_PORT = 8765
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class HubReceipt:
    """One file received and merged (what the coordinator view lists).

    Attributes:
        stored: where the file was kept, in the received folder.
        sender: the sending laptop's address.
        result: the merge's result for it.
    """

    stored: Path
    sender: str
    result: FileResult


class VenueHub:
    """Receive files from the venue's tables and merge each on arrival.

    Args:
        target: the merged event file (created by the first merge when missing).
        received: the folder where received files are kept.
        clock: the merge's time stamps and the rate limit's minutes.
        host: the address to listen on (the coordinator's laptop on the venue's network).
        port: the port (0: any free one).
        code: the code the tables must send; a new random 6-digit one when None.

    Attributes:
        on_received: called with each :class:`HubReceipt` from the hub's merge thread
            (the window marshals it to the Qt thread); None: nobody listens.
    """

    def __init__(
        self,
        target: Path,
        received: Path,
        clock: Clock,
        *,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        code: str | None = None,
    ) -> None:
        self.target = Path(target)
        self.received = Path(received)
        self.clock = clock
        self.host = host
        self.code = code or f"{secrets.randbelow(1_000_000):06d}"
        self.on_received: Callable[[HubReceipt], None] | None = None
        self._port = port
        self._wrong_codes = RateLimiter(clock, WRONG_CODES_PER_MINUTE)
        self._merging = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hub-merge")
        self._http: ServerThread | None = None

    # -- life ------------------------------------------------------------------------------

    def start(self) -> None:
        """Listen (returns once listening).

        Raises:
            OSError: the address cannot be bound (port in use, not this computer's).
        """
        if self._http is not None:
            return
        self.received.mkdir(parents=True, exist_ok=True)
        app = Starlette(
            routes=[
                Route("/controlla", self._check, methods=["POST"]),
                Route("/invia", self._receive, methods=["POST"]),
            ]
        )
        self._http = ServerThread(
            app, self.host, self._port, name="hub-http", limit_concurrency=32, backlog=64
        )
        self._http.start()

    def stop(self) -> None:
        """Stop receiving (safe to call twice); a merge under way finishes first."""
        http, self._http = self._http, None
        if http is not None:
            http.stop()
        self._merging.shutdown(wait=True)

    @property
    def running(self) -> bool:
        """True between :meth:`start` and :meth:`stop`."""
        return self._http is not None

    @property
    def port(self) -> int:
        """The port listened on."""
        return self._http.port if self._http is not None else self._port

    @property
    def address(self) -> str:
        """What a table types to reach this hub: ``host:port``."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    # -- the route -------------------------------------------------------------------------

    def _refused_code(self, request: Request) -> JSONResponse | None:
        """403 (429 after too many) for a wrong code; None for the right one."""
        sender = request.client.host if request.client is not None else "?"
        given = request.headers.get("x-hub-code", "")
        if hmac.compare_digest(given.encode(), self.code.encode()):
            return None
        if not self._wrong_codes.allow(sender):
            return _answer(429, "troppi codici sbagliati: riprovare tra un minuto")
        return _answer(403, "codice sbagliato")

    async def _check(self, request: Request) -> JSONResponse:
        """The code alone, before a file is sent (a refused upload may break its pipe)."""
        return self._refused_code(request) or _answer(200, "")

    async def _receive(self, request: Request) -> JSONResponse:
        sender = request.client.host if request.client is not None else "?"
        refused = self._refused_code(request)
        if refused is not None:
            return refused
        name = Path(request.headers.get("x-file-name", "")).name
        if not name.lower().endswith(ACCEPTED_SUFFIXES):
            return _answer(415, "si accettano solo file evento (.sqlite) e cartelle (.xlsx)")
        declared = request.headers.get("content-length")
        if declared is None or not declared.isdigit():
            return _answer(411, "lunghezza del file mancante")
        if int(declared) > MAX_BYTES:
            return _answer(413, "file troppo grande")
        stored = self._new_place(name)
        written = 0
        try:
            with stored.open("xb") as out:
                async for chunk in request.stream():
                    written += len(chunk)
                    if written > MAX_BYTES:
                        raise _TooBig
                    out.write(chunk)
        except _TooBig:
            stored.unlink(missing_ok=True)
            return _answer(413, "file troppo grande")
        except BaseException:
            stored.unlink(missing_ok=True)  # a dropped connection leaves no half file
            raise
        if written != int(declared):
            stored.unlink(missing_ok=True)
            return _answer(400, "file incompleto")
        loop = asyncio.get_running_loop()
        try:
            receipt = await loop.run_in_executor(self._merging, self._merge, stored, sender)
        except FacilitatorError as error:
            return _answer(503, str(error))
        result = receipt.result
        if result.refused:
            stored.unlink(missing_ok=True)
            return _answer(422, result.reason, status=result.status)
        return _answer(
            200,
            "",
            status=result.status,
            added=result.added,
            updated=result.updated,
            conflicts=len(result.conflicts),
        )

    def _new_place(self, name: str) -> Path:
        """A new file in the received folder, named after the sent one (never replaced)."""
        stamp = self.clock.now().strftime("%Y%m%d-%H%M%S")
        safe = _SAFE_NAME.sub("_", name)[-80:]
        return self.received / f"{stamp}-{secrets.token_hex(3)}-{safe}"

    def _merge(self, stored: Path, sender: str) -> HubReceipt:
        """Merge one received file into the merged file (in the merge thread)."""
        [result] = merge_files(self.target, [stored], self.clock)
        receipt = HubReceipt(stored, sender, result)
        listener = self.on_received
        if listener is not None:
            with suppress(RuntimeError):  # the window went away meanwhile
                listener(receipt)
        return receipt


class _TooBig(Exception):
    """The body passed the size limit while it was read."""


def _answer(code: int, message: str, **fields: object) -> JSONResponse:
    return JSONResponse({"message": message, **fields}, status_code=code)
