"""Labelled sets of post-its: boards whose themes a person has already chosen.

They measure theme suggestions on boards the method was not written for: the development set
(``benchmarks/data/themes_dev.json``) and the held-out sets (``tests/data/themes_heldout.json``,
``tests/data/themes_heldout2.json``, ``tests/data/themes_heldout3.json`` and
``tests/data/themes_heldout4.json``, for the final measurement only) share one JSON format, described in ``benchmarks/data/README.md``. :func:`load_labelled_set` reads and checks a file;
:func:`as_contributions` turns one board into the post-its the analysis works on, without
their labels.

Standard library and domain only.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator_app.domain.errors import InvalidValueError
from facilitator_app.domain.model import Contribution
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.domain.vocab import ContributionKind

# A labelled set of a few thousand post-its is well under a megabyte; a file far larger is
# not one (and /dev/zero is not read until memory runs out).
MAX_JSON_BYTES = 20 * 1024 * 1024

# Fixed time stamps: the records are evaluation data, not things that happened today.
LABELLED_TIMESTAMP = "2023-11-10T10:20:00+00:00"

_UNREADABLE = QT_TRANSLATE_NOOP("Errors", "{file}: file illeggibile o non JSON ({reason})")
_NOT_A_FILE = QT_TRANSLATE_NOOP("Errors", "{file}: non è un file")
_TOO_LARGE = QT_TRANSLATE_NOOP(
    "Errors", "{file}: troppo grande per un insieme etichettato ({size} MB, al massimo {limit} MB)"
)
_SET_FIELD = QT_TRANSLATE_NOOP("Errors", "{file}: campo «{field}» mancante o non valido")
_BOARD_FIELD = QT_TRANSLATE_NOOP(
    "Errors", "{file}, tabellone «{board}»: campo «{field}» mancante o non valido"
)
_POST_FIELD = QT_TRANSLATE_NOOP(
    "Errors", "{file}, tabellone «{board}», post-it «{post}»: campo «{field}» mancante o non valido"
)
_NO_TEXT = QT_TRANSLATE_NOOP("Errors", "{file}, tabellone «{board}», post-it «{post}»: testo vuoto")
_UNKNOWN_KIND = QT_TRANSLATE_NOOP(
    "Errors", "{file}, tabellone «{board}», post-it «{post}»: tipo «{kind}» sconosciuto"
)
_DUPLICATE = QT_TRANSLATE_NOOP(
    "Errors", "{file}, tabellone «{board}», post-it «{post}»: identificativo ripetuto"
)
_DUPLICATE_BOARD = QT_TRANSLATE_NOOP(
    "Errors", "{file}, tabellone «{board}»: identificativo ripetuto"
)
_FEW_THEMES = QT_TRANSLATE_NOOP(
    "Errors", "{file}, tabellone «{board}»: un solo tema, ne servono almeno 2 per valutare"
)


@dataclass(frozen=True)
class LabelledPost:
    """One post-it and the theme a person gave it.

    Attributes:
        id: unique in the set.
        text: what the post-it says.
        kind: its kind, when the facilitator set one.
        cards: strategy-card codes it was tagged with.
        zones: zona omogenea numbers it was tagged with.
        theme: the board theme it belongs to (the reference grouping).
        crosscutting: the cross-cutting theme it belongs to, if any.
    """

    id: str
    text: str
    kind: ContributionKind | None
    cards: tuple[str, ...]
    zones: tuple[int, ...]
    theme: str
    crosscutting: str | None


@dataclass(frozen=True)
class LabelledBoard:
    """One table in one session, with its post-its in board order.

    Attributes:
        id: unique in the set (it becomes the contributions' table id).
        table: the table's name as a facilitator would write it.
        axis: the PSM axis of an axis table, else ``None``.
        zone: the zona omogenea of a zone table, else ``None``.
        session: 1 or 2.
        posts: the post-its, in order.
    """

    id: str
    table: str
    axis: int | None
    zone: int | None
    session: int
    posts: tuple[LabelledPost, ...]

    @property
    def themes(self) -> tuple[str, ...]:
        """The distinct themes, in order of first appearance."""
        return tuple(dict.fromkeys(post.theme for post in self.posts))


@dataclass(frozen=True)
class LabelledSet:
    """A named collection of labelled boards."""

    name: str
    boards: tuple[LabelledBoard, ...]


def load_labelled_set(path: Path) -> LabelledSet:
    """Read and check a labelled set.

    Raises:
        InvalidValueError: the file cannot be read, or a record is wrong; the message names
            the file, the board and the post-it.
    """
    file = path.name
    data = read_json_file(path)
    if not isinstance(data, dict):
        raise InvalidValueError(_SET_FIELD, file=file, field="boards")
    name = data.get("name")
    boards = data.get("boards")
    if not isinstance(name, str) or not name.strip():
        raise InvalidValueError(_SET_FIELD, file=file, field="name")
    if not isinstance(boards, list) or not boards:
        raise InvalidValueError(_SET_FIELD, file=file, field="boards")
    loaded: list[LabelledBoard] = []
    seen_posts: set[str] = set()
    for position, record in enumerate(boards, start=1):
        board = _board(record, file, position, seen_posts)
        if any(board.id == other.id for other in loaded):
            raise InvalidValueError(_DUPLICATE_BOARD, file=file, board=board.id)
        loaded.append(board)
    return LabelledSet(name=name, boards=tuple(loaded))


def read_json_file(path: Path) -> Any:
    """The JSON value of an evaluation file, refused whole when it cannot be one.

    Raises:
        InvalidValueError: not a regular file, over :data:`MAX_JSON_BYTES`, unreadable, not
            UTF-8 or not JSON, an object with a repeated key, or nested deeper than the
            reader follows (a crafted file); the message names the file.
    """
    file = path.name
    try:
        regular = path.is_file()
        size = path.stat().st_size if regular else 0
    except OSError as error:
        raise InvalidValueError(_UNREADABLE, file=file, reason=str(error)) from error
    if not regular:
        raise InvalidValueError(_NOT_A_FILE, file=file)
    if size > MAX_JSON_BYTES:
        raise InvalidValueError(
            _TOO_LARGE, file=file, size=size // 2**20, limit=MAX_JSON_BYTES // 2**20
        )
    try:
        return json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_unique_keys)
    except (OSError, ValueError, RecursionError) as error:
        # ValueError: not UTF-8, not JSON, a repeated key, a number too long to convert;
        # RecursionError: nested deeper than the reader follows.
        raise InvalidValueError(_UNREADABLE, file=file, reason=str(error)) from error


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refused when a key is repeated (the last would silently win)."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise ValueError(f"chiave ripetuta «{key}»")
        found[key] = value
    return found


def as_contributions(board: LabelledBoard) -> list[Contribution]:
    """The board's post-its as domain contributions, in order, without their theme labels.

    The table id is the board id; time stamps are fixed so that runs are repeatable.
    """
    return [
        Contribution(
            id=post.id,
            table_id=board.id,
            session=board.session,
            text=post.text,
            created_at=LABELLED_TIMESTAMP,
            updated_at=LABELLED_TIMESTAMP,
            kind=post.kind,
            axis=board.axis,
            cards=post.cards,
            zones=post.zones,
            position=position,
        )
        for position, post in enumerate(board.posts)
    ]


def _board(record: Any, file: str, position: int, seen_posts: set[str]) -> LabelledBoard:
    if not isinstance(record, Mapping):
        raise InvalidValueError(_BOARD_FIELD, file=file, board=f"#{position}", field="id")
    board_id = record.get("id")
    if not isinstance(board_id, str) or not board_id.strip():
        raise InvalidValueError(_BOARD_FIELD, file=file, board=f"#{position}", field="id")

    def refuse(field: str) -> InvalidValueError:
        return InvalidValueError(_BOARD_FIELD, file=file, board=board_id, field=field)

    table = record.get("table")
    if not isinstance(table, str) or not table.strip():
        raise refuse("table")
    axis = record.get("axis")
    zone = record.get("zone")
    if not _absent_or_in(axis, range(1, 7)):
        raise refuse("axis")
    if not _absent_or_in(zone, range(1, 12)):
        raise refuse("zone")
    session = record.get("session")
    if type(session) is not int or session not in (1, 2):
        raise refuse("session")
    records = record.get("posts")
    if not isinstance(records, list) or not records:
        raise refuse("posts")
    posts = tuple(
        _post(item, file, board_id, index, seen_posts) for index, item in enumerate(records)
    )
    themes = {post.theme for post in posts}
    if len(themes) < 2:
        raise InvalidValueError(_FEW_THEMES, file=file, board=board_id)
    return LabelledBoard(
        id=board_id, table=table, axis=axis, zone=zone, session=session, posts=posts
    )


def _absent_or_in(value: Any, allowed: range) -> bool:
    """True when ``value`` is ``None`` or one of the ``allowed`` whole numbers."""
    return value is None or (type(value) is int and value in allowed)


def _post(record: Any, file: str, board: str, index: int, seen: set[str]) -> LabelledPost:
    post_id = record.get("id") if isinstance(record, Mapping) else None
    if not isinstance(record, Mapping) or not isinstance(post_id, str) or not post_id.strip():
        raise InvalidValueError(
            _POST_FIELD, file=file, board=board, post=f"#{index + 1}", field="id"
        )

    def refuse(field: str) -> InvalidValueError:
        return InvalidValueError(_POST_FIELD, file=file, board=board, post=post_id, field=field)

    if post_id in seen:
        raise InvalidValueError(_DUPLICATE, file=file, board=board, post=post_id)
    seen.add(post_id)
    text = record.get("text")
    if not isinstance(text, str):
        raise refuse("text")
    if not text.strip():
        raise InvalidValueError(_NO_TEXT, file=file, board=board, post=post_id)
    kind_code = record.get("kind")
    kind: ContributionKind | None = None
    if kind_code is not None:
        try:
            kind = ContributionKind(kind_code)
        except ValueError:
            raise InvalidValueError(
                _UNKNOWN_KIND, file=file, board=board, post=post_id, kind=kind_code
            ) from None
    cards = record.get("cards", [])
    if not isinstance(cards, list) or not all(isinstance(card, str) for card in cards):
        raise refuse("cards")
    zones = record.get("zones", [])
    if not isinstance(zones, list) or not all(type(zone) is int for zone in zones):
        raise refuse("zones")
    theme = record.get("theme")
    if not isinstance(theme, str) or not theme.strip():
        raise refuse("theme")
    crosscutting = record.get("crosscutting")
    if crosscutting is not None and (not isinstance(crosscutting, str) or not crosscutting.strip()):
        raise refuse("crosscutting")
    return LabelledPost(
        id=post_id,
        text=text,
        kind=kind,
        cards=tuple(cards),
        zones=tuple(zones),
        theme=theme,
        crosscutting=crosscutting,
    )
