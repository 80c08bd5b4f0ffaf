"""Labelled sets of post-its (boards with theme labels) for measuring theme suggestions.

A minimal reader of the format of ``benchmarks/data/themes_dev.json`` (see
``benchmarks/data/README.md``): boards of post-its, each with its theme label and, for a
few, a cross-cutting label. Standard library and domain only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator_app.domain.errors import InvalidValueError
from facilitator_app.domain.model import Contribution
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.domain.vocab import ContributionKind

# Fixed timestamps of the records built from a set (the sets are not events).
SET_TIME = "2023-11-10T09:00:00+00:00"


@dataclass(frozen=True, slots=True)
class LabelledPost:
    """One post-it with its labels."""

    id: str
    text: str
    kind: str | None
    cards: tuple[str, ...]
    zones: tuple[int, ...]
    theme: str
    crosscutting: str | None


@dataclass(frozen=True, slots=True)
class LabelledBoard:
    """One table in one session and its labelled post-its."""

    id: str
    table: str
    axis: int | None
    zone: int | None
    session: int
    posts: tuple[LabelledPost, ...]


@dataclass(frozen=True, slots=True)
class LabelledSet:
    """A named set of labelled boards."""

    name: str
    boards: tuple[LabelledBoard, ...]


def _refuse(path: Path, where: str, what: str) -> InvalidValueError:
    return InvalidValueError(
        QT_TRANSLATE_NOOP("Errors", "{file}: {where}: {what}"),
        file=path.name,
        where=where,
        what=what,
    )


def _post(path: Path, board_id: str, raw: dict[str, Any]) -> LabelledPost:
    post_id = str(raw.get("id", ""))
    where = f"tavola {board_id}, post-it {post_id or '?'}"
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _refuse(path, where, "testo mancante")
    kind = raw.get("kind")
    if kind is not None and kind not in {k.value for k in ContributionKind}:
        raise _refuse(path, where, f"tipo sconosciuto «{kind}»")
    theme = raw.get("theme")
    if not isinstance(theme, str) or not theme.strip():
        raise _refuse(path, where, "tema mancante")
    cross = raw.get("crosscutting")
    return LabelledPost(
        id=post_id,
        text=text,
        kind=kind,
        cards=tuple(str(c) for c in raw.get("cards") or ()),
        zones=tuple(int(z) for z in raw.get("zones") or ()),
        theme=theme,
        crosscutting=str(cross) if cross else None,
    )


def load_labelled_set(path: Path) -> LabelledSet:
    """Read and check a labelled set.

    Args:
        path: the JSON file.

    Returns:
        The set.

    Raises:
        InvalidValueError: the file is not a labelled set (names the file, board and post).
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise _refuse(path, "file", str(error)) from error
    if not isinstance(data, dict) or not isinstance(data.get("boards"), list):
        raise _refuse(path, "file", "manca l'elenco «boards»")
    seen: set[str] = set()
    boards: list[LabelledBoard] = []
    for raw_board in data["boards"]:
        board_id = str(raw_board.get("id", "?"))
        posts = tuple(_post(path, board_id, raw) for raw in raw_board.get("posts", ()))
        for post in posts:
            if post.id in seen or not post.id:
                raise _refuse(path, f"tavola {board_id}, post-it {post.id}", "id ripetuto")
            seen.add(post.id)
        if len({post.theme for post in posts}) < 2:
            raise _refuse(path, f"tavola {board_id}", "meno di due temi")
        boards.append(
            LabelledBoard(
                id=board_id,
                table=str(raw_board.get("table", board_id)),
                axis=raw_board.get("axis"),
                zone=raw_board.get("zone"),
                session=int(raw_board.get("session", 1)),
                posts=posts,
            )
        )
    return LabelledSet(name=str(data.get("name", path.stem)), boards=tuple(boards))


def as_contributions(board: LabelledBoard) -> list[Contribution]:
    """The board's post-its as domain records (table id = board id), in order."""
    return [
        Contribution(
            id=post.id,
            table_id=board.id,
            session=board.session,
            text=post.text,
            created_at=SET_TIME,
            updated_at=SET_TIME,
            kind=ContributionKind(post.kind) if post.kind else None,
            axis=board.axis,
            cards=post.cards,
            zones=post.zones,
            position=position,
        )
        for position, post in enumerate(board.posts)
    ]
