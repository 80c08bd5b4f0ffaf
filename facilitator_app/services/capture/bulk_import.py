"""Bulk import of post-its typed into the documented template (e.g. from paper sheets).

The file is validated completely before anything is written; one refused row refuses the
file, and the event file is then left byte-identical.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator_app.domain.clock import Clock, to_iso
from facilitator_app.domain.errors import InputRefusedError, Problem, problem_from
from facilitator_app.domain.model import Contribution, Table, Theme, new_id
from facilitator_app.domain.rules import (
    check_axis,
    check_card_code,
    check_session,
    check_tag_count,
    check_text,
    check_zone,
    split_list,
)
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, term
from facilitator_app.domain.validation import check_votes
from facilitator_app.domain.vocab import ContributionKind, fold, parse_kind
from facilitator_app.services.common.cells import parse_integer
from facilitator_app.services.common.progress import Progress, no_progress
from facilitator_app.services.common.tabular import Row, Sheet, read_tabular
from facilitator_app.storage.database import EventStore

CONTRIBUTION_COLUMNS: dict[str, tuple[str, ...]] = {
    "tavolo": ("table", "tavolo di lavoro"),
    "sessione": ("session",),
    "testo": ("text", "contributo", "post-it"),
    "tipo": ("kind",),
    "asse": ("axis",),
    "schede": ("cards", "codici scheda", "schede collegate"),
    "zone": ("zones", "zone citate"),
    "collegamenti": ("links", "altri assi", "assi collegati"),
    "tema": ("theme",),
    "voti": ("votes",),
}
CONTRIBUTION_REQUIRED = ("sessione", "testo")
ALREADY_IMPORTED = QT_TRANSLATE_NOOP(
    "Errors", "contributo già presente nell'evento (file già importato?)"
)
_DUPLICATE_ROW = QT_TRANSLATE_NOOP("Errors", "riga duplicata (uguale alla riga {first})")
_NOTHING = QT_TRANSLATE_NOOP("Errors", "nessun contributo nel file")

# The two example rows of a template: a lesson learnt in session 1, a need in session 2.
_EXAMPLE_TEXTS = (
    (
        "1",
        "Lezione appresa",
        "Le case della salute hanno funzionato dove erano in rete con i Comuni",
    ),
    ("2", "Esigenza", "Servono infermieri di comunità anche nelle valli"),
)


def template_examples(store: EventStore) -> list[list[str]]:
    """Example rows for the import template, written for this event's own tables.

    Each row names one of the event's tables, an axis and a card of the event's edition
    and, on a zones day, one of the table's zones: the same event accepts them as they are.
    """
    event = store.event()
    tables = store.tables()
    if not tables:
        return []
    cards = [c for c in store.cards(event.card_edition) if c.level != "asse"]
    rows: list[list[str]] = []
    for number, (session, kind, text) in enumerate(_EXAMPLE_TEXTS):
        table = tables[number % len(tables)]
        own = [c for c in cards if table.axis is None or c.code.split(".")[0] == str(table.axis)]
        card = own[number % len(own)] if own else None
        axis = table.axis if table.axis is not None else (card.axis if card else None)
        zone = table.zones[number % len(table.zones)] if table.zones else None
        rows.append(
            [
                table.key,
                session,
                text,
                kind,
                "" if axis is None else str(axis),
                card.code if card else "",
                "" if zone is None else str(zone),
                "",
                "Esempio: tema del tavolo",
                "0",
            ]
        )
    return rows


@dataclass(frozen=True)
class ImportResult:
    """What an accepted import added."""

    contributions: int
    themes: int


def _table_lookup(tables: list[Table]) -> dict[str, Table]:
    lookup: dict[str, Table] = {}
    for table in tables:
        lookup[fold(table.key)] = table
        lookup[fold(table.name)] = table
    return lookup


def plan_import(
    store: EventStore, sheet: Sheet, clock: Clock
) -> tuple[list[Contribution], list[Theme]]:
    """Validate every row against the event and return the records to add.

    Raises:
        InputRefusedError: every problem found, each with row and column.
    """
    now = to_iso(clock.now())
    tables = store.tables()
    lookup = _table_lookup(tables)
    cards = {card.code for card in store.cards()}
    themes: dict[tuple[str, int, str], str] = {
        (t.table_id, t.session or 0, fold(t.title)): t.id for t in store.live_themes()
    }
    existing = {
        (c.table_id, c.session, fold(c.text)) for c in store.contributions(include_deleted=False)
    }
    next_position = store.last_board_position()
    problems: list[Problem] = []
    seen_rows: dict[tuple[str, int, str], int] = {}
    new_themes: list[Theme] = []
    new_posts: list[Contribution] = []

    for row in sheet.rows:

        def fail(column: str, message: str, row: Row = row, **params: object) -> None:
            problems.append(
                Problem(
                    sheet.file,
                    message,
                    row=row.number,
                    column=column,
                    sheet=sheet.sheet,
                    params=tuple(params.items()),
                )
            )

        def refused(column: str, error: ValueError, row: Row = row) -> None:
            problems.append(
                problem_from(error, sheet.file, row=row.number, column=column, sheet=sheet.sheet)
            )

        def field(column: str, parse: Callable[[str], Any], row: Row = row) -> Any:
            try:
                return parse(row.get(column))
            except ValueError as error:
                refused(column, error)
                return None

        table = _row_table(row, lookup, tables, fail)
        session = field("sessione", check_session)
        text = field("testo", check_text)
        kind: ContributionKind | None = field("tipo", parse_kind) if row.get("tipo") else None
        axis = field("asse", check_axis) if row.get("asse") else (table.axis if table else None)
        codes = field("schede", lambda cell: _tags(cell, lambda c: check_card_code(c, cards)))
        zones = field("zone", lambda cell: _tags(cell, check_zone))
        links = field("collegamenti", lambda cell: _tags(cell, check_axis))
        votes = field("voti", _votes)
        if table is None or session is None or text is None or None in (codes, zones, links):
            continue
        identity = (table.id, session, fold(text))
        if identity in seen_rows:
            fail("testo", _DUPLICATE_ROW, first=seen_rows[identity])
            continue
        seen_rows[identity] = row.number
        if identity in existing:
            fail("testo", ALREADY_IMPORTED)
            continue
        theme_id = None
        if row.get("tema"):
            try:
                title = check_text(
                    row.get("tema"), what=term(QT_TRANSLATE_NOOP("Terms", "tema")), limit=300
                )
            except ValueError as error:
                refused("tema", error)
                continue
            key = (table.id, session, fold(title))
            if key not in themes:
                theme = Theme(new_id(), table.id, title, now, now, session=session)
                themes[key] = theme.id
                new_themes.append(theme)
            theme_id = themes[key]
        next_position += 1
        new_posts.append(
            Contribution(
                id=new_id(),
                table_id=table.id,
                session=session,
                text=text,
                created_at=now,
                updated_at=now,
                kind=kind,
                axis=axis,
                cards=tuple(codes or ()),
                zones=tuple(zones or ()),
                links=tuple(links or ()),
                theme_id=theme_id,
                votes=votes or 0,
                position=next_position,
            )
        )
    if not sheet.rows:
        problems.append(Problem(sheet.file, _NOTHING, row=2))
    if problems:
        raise InputRefusedError(problems)
    return new_posts, new_themes


def _row_table(
    row: Row, lookup: dict[str, Table], tables: list[Table], fail: Callable[..., None]
) -> Table | None:
    name = row.get("tavolo")
    if not name:
        if len(tables) == 1:
            return tables[0]
        fail("tavolo", QT_TRANSLATE_NOOP("Errors", "manca il tavolo (l'evento ne ha più di uno)"))
        return None
    table = lookup.get(fold(name))
    if table is None:
        fail(
            "tavolo",
            QT_TRANSLATE_NOOP("Errors", "tavolo «{name}» non presente nell'evento"),
            name=name,
        )
    return table


def _tags(cell: str, check: Callable[[str], Any]) -> list[Any]:
    items = split_list(cell)
    check_tag_count(items, term(QT_TRANSLATE_NOOP("Terms", "questa cella")))
    return [check(item) for item in items]


def _votes(cell: str) -> int:
    # The cell's text as a whole number (no 2.9, no inf, no 1e400: cells.parse_integer), then
    # the domain's one range rule for votes.
    if not cell:
        return 0
    # The parser's message names the value; the problem names the column («voti»).
    return check_votes(parse_integer(cell))


def import_contributions(
    store: EventStore, path: Path, clock: Clock, progress: Progress = no_progress
) -> ImportResult:
    """Validate a bulk-import file and add its post-its in one commit (all or nothing).

    Raises:
        InputRefusedError: the file was refused; the event file is unchanged.
    """
    progress(0, 3, "lettura")
    sheet = read_tabular(path, CONTRIBUTION_COLUMNS, CONTRIBUTION_REQUIRED)
    progress(1, 3, "verifica")
    posts, themes = plan_import(store, sheet, clock)
    progress(2, 3, "salvataggio")
    with store.transaction():
        store.save_all([*themes, *posts])
    progress(3, 3, "fatto")
    return ImportResult(contributions=len(posts), themes=len(themes))
