"""The room server's web application (Starlette): routes, forms, cookies, answers.

No Qt here and no SQL: every read and write of the event file is handed to the server's
one database thread (:class:`RoomState.run`), where the :class:`~.intake.RoomDesk` lives.
Refusals are plain and specific: 403 for a wrong or old token or a forged form, 404 for any
other path, 400 for a malformed form or encoding, 413 for a large body, 429 over a rate.
"""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any, TypeVar
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from facilitator_app.domain.errors import FacilitatorError, InvalidValueError, NotFoundError
from facilitator_app.services.room import pages, security
from facilitator_app.services.room.intake import DotsSpentError, RoomDesk
from facilitator_app.services.room.settings import RoomSettings
from facilitator_app.services.room.texts import MAX_PHONE_TEXT_CHARS, phone_text

T = TypeVar("T")
PHONE_COOKIE = "phone"
LANG_COOKIE = "lang"
_FORM_TYPE = "application/x-www-form-urlencoded"


class RoomState:
    """What the web application shares with :class:`~.server.RoomServer` (thread-safe).

    Args:
        settings: the table and session, and the limits.
        executor: the single database thread (the desk lives there).
        posts_by_phone, posts_by_address, codes_by_address: rate limits.
        phones: the register of phones seen.
    """

    def __init__(
        self,
        settings: RoomSettings,
        executor: Executor,
        *,
        posts_by_phone: security.RateLimiter,
        posts_by_address: security.RateLimiter,
        codes_by_address: security.RateLimiter,
        phones: security.PhoneRegister,
    ) -> None:
        self.settings = settings
        self.executor = executor
        self.posts_by_phone = posts_by_phone
        self.posts_by_address = posts_by_address
        self.codes_by_address = codes_by_address
        self.phones = phones
        self.desk: RoomDesk | None = None  # set and used in the database thread only
        self.moderate = settings.moderate
        self._guard = threading.Lock()
        self._token = security.new_token()
        self._short_code = security.new_short_code()
        self._secret = security.new_token().encode()
        self.voting: tuple[str, int] | None = None  # (voting round id, dots per phone)

    @property
    def token(self) -> str:
        """The participants' URL token in force."""
        with self._guard:
            return self._token

    @property
    def short_code(self) -> str:
        """The short code in force."""
        with self._guard:
            return self._short_code

    def rotate(self) -> None:
        """New token, short code and form secret: every old URL and form is refused."""
        with self._guard:
            self._token = security.new_token()
            self._short_code = security.new_short_code()
            self._secret = security.new_token().encode()

    def form_token(self, phone: str) -> str:
        """The anti-forgery token of a phone's forms."""
        with self._guard:
            return security.form_token(self._secret, phone, self._token)

    async def run(self, work: Callable[[RoomDesk], T]) -> T:
        """Run ``work`` with the desk in the database thread and wait for its result."""

        def call() -> T:
            assert self.desk is not None, "the room server is not started"
            return work(self.desk)

        return await asyncio.get_running_loop().run_in_executor(self.executor, call)


def _language(request: Request) -> str:
    asked = request.query_params.get("lang", "") or request.cookies.get(LANG_COOKIE, "")
    if asked in pages.LANGUAGES:
        return asked
    best, best_weight = "it", -1.0
    for part in request.headers.get("accept-language", "").split(",")[:20]:
        code, _, weight_text = part.strip().partition(";q=")
        try:
            weight = float(weight_text) if weight_text else 1.0
        except ValueError:
            continue
        primary = code.split("-")[0].lower()
        if primary in pages.LANGUAGES and weight > best_weight:
            best, best_weight = primary, weight
    return best


def _html(text: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status_code=status)


def _address(request: Request) -> str:
    return request.client.host if request.client else "?"


def _remember(request: Request, response: Response, phone: str, lang: str) -> Response:
    """Set the phone's id and language cookies when they are new."""
    if request.cookies.get(PHONE_COOKIE) != phone:
        response.set_cookie(
            PHONE_COOKIE, phone, max_age=12 * 3600, httponly=True, samesite="strict", path="/"
        )
    if request.query_params.get("lang") == lang and request.cookies.get(LANG_COOKIE) != lang:
        response.set_cookie(
            LANG_COOKIE, lang, max_age=12 * 3600, httponly=True, samesite="strict", path="/"
        )
    return response


def _phone(request: Request) -> str | None:
    """The phone's id from its cookie, when well formed."""
    phone = request.cookies.get(PHONE_COOKIE, "")
    return phone if security.PHONE_SHAPE.fullmatch(phone) else None


class _Refused(Exception):
    def __init__(self, status: int, key: str) -> None:
        super().__init__(key)
        self.status = status
        self.key = key


async def _form(request: Request) -> dict[str, str]:
    """The fields of a urlencoded form, strictly: one value per name, valid UTF-8."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != _FORM_TYPE:
        raise _Refused(400, "refused")
    try:
        body = await request.body()
    except security.BodyTooLarge:
        raise _Refused(413, "too_large") from None
    try:
        text = body.decode("ascii")  # a urlencoded body is ASCII; the values are %-encoded
        fields = parse_qsl(text, keep_blank_values=True, strict_parsing=bool(text), errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise _Refused(400, "refused") from None
    found: dict[str, str] = {}
    for name, value in fields:
        if name in found or len(found) > 8:
            raise _Refused(400, "refused")
        found[name] = value
    return found


class RoomWeb:
    """The routes of the participants' pages, over a :class:`RoomState`."""

    def __init__(self, state: RoomState) -> None:
        self.state = state

    def app(self) -> Starlette:
        """The Starlette application (to wrap in :class:`~.security.Guard`)."""
        routes = [
            Route("/", self.code_form, methods=["GET"]),
            Route("/code", self.code, methods=["GET"]),
            Route("/room.css", self.stylesheet, methods=["GET"]),
            Route("/t/{token}", self.write, methods=["GET"]),
            Route("/t/{token}/post", self.post, methods=["POST"]),
            Route("/t/{token}/ricevuto", self.received, methods=["GET"]),
            Route("/t/{token}/dot", self.dot, methods=["POST"]),
        ]
        app = Starlette(routes=routes, exception_handlers={404: self.not_found})
        return app

    # -- helpers -------------------------------------------------------------------------

    def _check_token(self, request: Request) -> str:
        token = str(request.path_params["token"])
        if not security.TOKEN_SHAPE.fullmatch(token):
            raise _Refused(404, "not_found")  # not even shaped like a token: no such page
        if not security.same_secret(token, self.state.token):
            raise _Refused(403, "forbidden")
        return token

    def _context(self, lang: str, token: str, phone: str) -> pages.PageContext:
        return pages.PageContext(lang, f"/t/{token}", self.state.form_token(phone))

    async def not_found(self, request: Request, exc: Exception) -> Response:
        """Any path that is not a page (traversal included): 404."""
        return _html(pages.notice_page(_language(request), "not_found"), 404)

    async def _guarded(self, request: Request, handler: Callable[[], Any]) -> Response:
        lang = _language(request)
        try:
            response: Response = await handler()
            return response
        except _Refused as refusal:
            status = refusal.status
            response = _html(pages.notice_page(lang, refusal.key), status)
            if status == 429:
                response.headers["retry-after"] = "60"
            return response

    # -- pages ---------------------------------------------------------------------------

    async def stylesheet(self, request: Request) -> Response:
        """The pages' stylesheet (served here: the pages load nothing from elsewhere)."""
        return Response(pages.STYLESHEET, media_type="text/css")

    async def code_form(self, request: Request) -> Response:
        """The server's address: a form to type the table's short code."""
        return _html(pages.code_page(_language(request)))

    async def code(self, request: Request) -> Response:
        """A typed short code: on to the table's page, or the form again."""
        lang = _language(request)
        if not self.state.codes_by_address.allow(_address(request)):
            return _html(pages.notice_page(lang, "too_many"), 429)
        typed = security.normalised_code(request.query_params.get("c", ""))
        if typed and security.same_secret(typed, self.state.short_code):
            return RedirectResponse(f"/t/{self.state.token}", status_code=303)
        return _html(pages.code_page(lang, wrong=True), 404)

    async def write(self, request: Request) -> Response:
        """The participant's page: question, post-it form, board when voting."""

        async def show() -> Response:
            token = self._check_token(request)
            lang = _language(request)
            phone = _phone(request) or security.new_phone_id()
            self.state.phones.seen(phone)
            voting = self.state.voting

            def read(desk: RoomDesk) -> tuple[str, list[Any], int | None]:
                if voting is None:
                    return desk.question(), [], None
                left = max(0, voting[1] - desk.dots_spent(voting[0], phone))
                return desk.question(), desk.board(), left

            question, board, left = await self.state.run(read)
            page = pages.write_page(
                self._context(lang, token, phone), question, board=board, dots_left=left
            )
            return _remember(request, _html(page), phone, lang)

        return await self._guarded(request, show)

    async def received(self, request: Request) -> Response:
        """After a post: "ricevuto"."""

        async def show() -> Response:
            token = self._check_token(request)
            lang = _language(request)
            phone = _phone(request) or security.new_phone_id()
            pending = request.query_params.get("attesa") == "1"
            page = pages.received_page(self._context(lang, token, phone), pending=pending)
            return _remember(request, _html(page), phone, lang)

        return await self._guarded(request, show)

    async def _checked_form(self, request: Request) -> tuple[str, str, dict[str, str]]:
        """Token, phone and fields of a form post, refused unless all are in order."""
        token = self._check_token(request)  # before the body is read: nothing is stored
        fields = await _form(request)
        phone = _phone(request)
        if phone is None or not security.same_secret(
            fields.get("csrf", ""), self.state.form_token(phone)
        ):
            raise _Refused(403, "expired")
        self.state.phones.seen(phone)
        return token, phone, fields

    async def post(self, request: Request) -> Response:
        """A post-it from a phone: stored (committed), then "ricevuto"."""

        async def store() -> Response:
            token, phone, fields = await self._checked_form(request)
            lang = _language(request)
            if set(fields) - {"csrf", "text"}:
                raise _Refused(400, "refused")
            raw = fields.get("text", "")
            try:
                text = phone_text(raw)
            except InvalidValueError:
                key = "too_long" if len(raw.strip()) > MAX_PHONE_TEXT_CHARS else "empty"
                if raw.strip() and len(raw.strip()) <= MAX_PHONE_TEXT_CHARS:
                    key = "bad_text"
                page = pages.write_page(
                    self._context(lang, token, phone),
                    await self.state.run(lambda desk: desk.question()),
                    message=pages.WORDS[lang][key],
                    text=raw[: MAX_PHONE_TEXT_CHARS * 2],
                )
                return _html(page, 400)
            if not self.state.posts_by_address.allow(_address(request)):
                raise _Refused(429, "too_many")
            if not self.state.posts_by_phone.allow(phone):
                raise _Refused(429, "too_many")
            moderate = self.state.moderate
            try:
                await self.state.run(lambda desk: desk.receive(text, phone, moderate=moderate))
            except FacilitatorError:
                raise _Refused(503, "error") from None
            where = f"/t/{token}/ricevuto" + ("?attesa=1" if moderate else "")
            return RedirectResponse(where, status_code=303)

        return await self._guarded(request, store)

    async def dot(self, request: Request) -> Response:
        """A dot given to a post-it of the board, within the phone's budget."""

        async def spend() -> Response:
            token, phone, fields = await self._checked_form(request)
            if set(fields) - {"csrf", "post"}:
                raise _Refused(400, "refused")
            voting = self.state.voting
            if voting is None:
                raise _Refused(403, "forbidden")
            post_id = fields.get("post", "")
            if not re.fullmatch(r"[0-9a-fA-F-]{1,64}", post_id):
                raise _Refused(400, "refused")
            try:
                await self.state.run(
                    lambda desk: desk.spend_dot(voting[0], phone, post_id, voting[1])
                )
            except DotsSpentError:
                raise _Refused(409, "no_dots") from None
            except NotFoundError:
                raise _Refused(404, "not_found") from None
            except FacilitatorError:
                raise _Refused(503, "error") from None
            return RedirectResponse(f"/t/{token}#voting", status_code=303)

        return await self._guarded(request, spend)
