"""Verification of an event file's schema before anything in it is used.

A file could carry SQL of its own: triggers that rewrite or swallow writes, views that
shadow a table or never end, extra tables or indexes, columns of other types. Before any
query touches a table of the file, its ``sqlite_master`` is compared with the schema our
own migrations build for the same schema version (built once, in memory): anything else is
refused with the objects named, and nothing of the file's own schema code ever runs. The
problems are :class:`~facilitator_app.domain.translatable.Message`: Italian text that the
interface shows in English.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, Message, term
from facilitator_app.storage.schema import MIGRATION_SET, MIGRATION_STEPS

MIGRATIONS_TABLE = "_sqlite_migrations"
_KIND_NAMES = {
    "table": term(QT_TRANSLATE_NOOP("Terms", "tabella")),
    "index": term(QT_TRANSLATE_NOOP("Terms", "indice")),
    "view": term(QT_TRANSLATE_NOOP("Terms", "vista")),
    "trigger": term(QT_TRANSLATE_NOOP("Terms", "trigger")),
}


@dataclass(frozen=True)
class SchemaObject:
    """One row of ``sqlite_master``: what it is, its name, its table and its SQL."""

    kind: str
    name: str
    table: str
    sql: str | None


@dataclass(frozen=True)
class TableShape:
    """What the pragmas say of a table: columns (name, type, not null, default, key)."""

    columns: tuple[tuple[str, str, int, str | None, int, int], ...]
    foreign_keys: tuple[tuple[object, ...], ...]


def _normalised(sql: str | None) -> str:
    """SQL text without quoting or spacing differences (old and new sqlite-utils agree)."""
    if sql is None:
        return ""
    return re.sub(r"\s+", " ", re.sub(r'[\[\]"`]', "", sql)).strip().lower()


def schema_objects(conn: sqlite3.Connection) -> list[SchemaObject]:
    """The rows of ``sqlite_master``; reading them runs none of the file's own SQL."""
    rows = conn.execute("select type, name, tbl_name, sql from sqlite_master").fetchall()
    return [SchemaObject(str(kind), str(name), str(table), sql) for kind, name, table, sql in rows]


def _table_shape(conn: sqlite3.Connection, table: str) -> TableShape:
    # Only ever called on a name that sqlite_master lists as a plain table.
    columns = tuple(
        (str(name), str(kind).upper(), int(notnull), default, int(pk), int(hidden))
        for _, name, kind, notnull, default, pk, hidden in conn.execute(
            "select * from pragma_table_xinfo(?)", (table,)
        ).fetchall()
    )
    keys = tuple(conn.execute("select * from pragma_foreign_key_list(?)", (table,)).fetchall())
    return TableShape(columns, keys)


@functools.lru_cache(maxsize=len(MIGRATION_STEPS) + 1)
def expected_schema(
    version: int,
) -> tuple[dict[tuple[str, str], SchemaObject], dict[str, TableShape]]:
    """The schema our migrations build when the first ``version`` steps are applied.

    Returns:
        sqlite_master rows by (kind, name), and each table's shape.
    """
    conn = sqlite3.connect(":memory:")
    try:
        steps = Migrations(MIGRATION_SET)
        for step in MIGRATION_STEPS[:version]:
            steps()(step)
        if version:
            steps.apply(Database(conn))
        objects = {(o.kind, o.name): o for o in schema_objects(conn)}
        shapes = {name: _table_shape(conn, name) for kind, name in objects if kind == "table"}
        return objects, shapes
    finally:
        conn.close()


def _describe(item: SchemaObject) -> Message:
    kind = _KIND_NAMES.get(item.kind, item.kind)
    if item.kind in ("index", "trigger") and item.table:
        return Message(
            QT_TRANSLATE_NOOP("Errors", "{kind} «{name}» su {table}"),
            kind=kind,
            name=item.name,
            table=item.table,
        )
    return Message(QT_TRANSLATE_NOOP("Errors", "{kind} «{name}»"), kind=kind, name=item.name)


def schema_code(objects: list[SchemaObject]) -> list[Message]:
    """Triggers and views: SQL of the file's own that would run on our queries."""
    return [_describe(o) for o in objects if o.kind in ("trigger", "view")]


def migrations_table_problems(
    conn: sqlite3.Connection, objects: list[SchemaObject]
) -> list[Message]:
    """Problems with the migrations table, which must be read to know the schema version."""
    found = {(o.kind, o.name): o for o in objects if o.name == MIGRATIONS_TABLE}
    if not found:
        return []
    wanted, shapes = expected_schema(len(MIGRATION_STEPS))
    table = found.get(("table", MIGRATIONS_TABLE))
    if table is None:
        return [
            Message(
                QT_TRANSLATE_NOOP("Errors", "«{name}» non è una tabella"), name=MIGRATIONS_TABLE
            )
        ]
    expected = wanted[("table", MIGRATIONS_TABLE)]
    if _table_shape(conn, MIGRATIONS_TABLE) != shapes[MIGRATIONS_TABLE] or _normalised(
        table.sql
    ) != _normalised(expected.sql):
        return [
            Message(
                QT_TRANSLATE_NOOP("Errors", "tabella «{name}» diversa da quella attesa"),
                name=MIGRATIONS_TABLE,
            )
        ]
    return []


def _column_problems(table: str, found: TableShape, wanted: TableShape) -> list[Message]:
    problems: list[Message] = []
    have = {column[0]: column for column in found.columns}
    want = {column[0]: column for column in wanted.columns}
    for name in have.keys() - want.keys():
        problems.append(
            Message(
                QT_TRANSLATE_NOOP("Errors", "colonna «{name}» inattesa in {table}"),
                name=name,
                table=table,
            )
        )
    for name in want.keys() - have.keys():
        problems.append(
            Message(
                QT_TRANSLATE_NOOP("Errors", "manca la colonna «{name}» in {table}"),
                name=name,
                table=table,
            )
        )
    for name in want.keys() & have.keys():
        if have[name][1] != want[name][1]:
            problems.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Errors", "colonna «{name}» di {table}: tipo {found} invece di {wanted}"
                    ),
                    name=name,
                    table=table,
                    found=have[name][1] or term(QT_TRANSLATE_NOOP("Terms", "nessuno")),
                    wanted=want[name][1],
                )
            )
        elif have[name] != want[name]:
            problems.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Errors", "colonna «{name}» di {table} definita diversamente"
                    ),
                    name=name,
                    table=table,
                )
            )
    if not problems and [c[0] for c in found.columns] != [c[0] for c in wanted.columns]:
        problems.append(
            Message(
                QT_TRANSLATE_NOOP("Errors", "colonne di {table} in un ordine diverso"), table=table
            )
        )
    if found.foreign_keys != wanted.foreign_keys:
        problems.append(
            Message(
                QT_TRANSLATE_NOOP("Errors", "vincoli di chiave esterna inattesi in {table}"),
                table=table,
            )
        )
    return sorted(problems)


def schema_problems(
    conn: sqlite3.Connection, objects: list[SchemaObject], version: int
) -> list[Message]:
    """Differences between the file's schema and the one of schema ``version``.

    Call only once :func:`schema_code` found nothing: table pragmas are read here.
    """
    wanted, shapes = expected_schema(version)
    found = {(o.kind, o.name): o for o in objects}
    # Italian agrees with the kind: "tabella inattesa", "indice inatteso".
    unexpected_feminine = QT_TRANSLATE_NOOP("Errors", "{object} inattesa")
    unexpected_masculine = QT_TRANSLATE_NOOP("Errors", "{object} inatteso")
    problems = [
        Message(
            unexpected_feminine if key[0] in ("table", "view") else unexpected_masculine,
            object=_describe(found[key]),
        )
        for key in sorted(found.keys() - wanted.keys())
    ]
    problems += [
        Message(QT_TRANSLATE_NOOP("Errors", "manca {object}"), object=_describe(wanted[key]))
        for key in sorted(wanted.keys() - found.keys())
    ]
    for key in sorted(found.keys() & wanted.keys()):
        item, expected = found[key], wanted[key]
        if item.table != expected.table:
            problems.append(
                Message(
                    QT_TRANSLATE_NOOP("Errors", "{object} invece che su {table}"),
                    object=_describe(item),
                    table=expected.table,
                )
            )
            continue
        if item.kind == "table":
            details = _column_problems(item.name, _table_shape(conn, item.name), shapes[item.name])
            if details:
                problems += details
                continue
        if _normalised(item.sql) != _normalised(expected.sql):
            problems.append(
                Message(
                    QT_TRANSLATE_NOOP("Errors", "definizione di {object} diversa da quella attesa"),
                    object=_describe(item),
                )
            )
    return problems
