"""Verification of an event file's schema before anything in it is used.

A file could carry SQL of its own: triggers that rewrite or swallow writes, views that
shadow a table or never end, extra tables or indexes, columns of other types. Before any
query touches a table of the file, its ``sqlite_master`` is compared with the schema our
own migrations build for the same schema version (built once, in memory): anything else is
refused with the objects named, and nothing of the file's own schema code ever runs.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from facilitator_app.storage.schema import MIGRATION_SET, MIGRATION_STEPS

MIGRATIONS_TABLE = "_sqlite_migrations"
_KIND_NAMES = {"table": "tabella", "index": "indice", "view": "vista", "trigger": "trigger"}


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


def _describe(item: SchemaObject) -> str:
    kind = _KIND_NAMES.get(item.kind, item.kind)
    if item.kind in ("index", "trigger") and item.table:
        return f"{kind} «{item.name}» su {item.table}"
    return f"{kind} «{item.name}»"


def schema_code(objects: list[SchemaObject]) -> list[str]:
    """Triggers and views: SQL of the file's own that would run on our queries."""
    return [_describe(o) for o in objects if o.kind in ("trigger", "view")]


def migrations_table_problems(conn: sqlite3.Connection, objects: list[SchemaObject]) -> list[str]:
    """Problems with the migrations table, which must be read to know the schema version."""
    found = {(o.kind, o.name): o for o in objects if o.name == MIGRATIONS_TABLE}
    if not found:
        return []
    wanted, shapes = expected_schema(len(MIGRATION_STEPS))
    table = found.get(("table", MIGRATIONS_TABLE))
    if table is None:
        return [f"«{MIGRATIONS_TABLE}» non è una tabella"]
    expected = wanted[("table", MIGRATIONS_TABLE)]
    if _table_shape(conn, MIGRATIONS_TABLE) != shapes[MIGRATIONS_TABLE] or _normalised(
        table.sql
    ) != _normalised(expected.sql):
        return [f"tabella «{MIGRATIONS_TABLE}» diversa da quella attesa"]
    return []


def _column_problems(table: str, found: TableShape, wanted: TableShape) -> list[str]:
    problems: list[str] = []
    have = {column[0]: column for column in found.columns}
    want = {column[0]: column for column in wanted.columns}
    for name in have.keys() - want.keys():
        problems.append(f"colonna «{name}» inattesa in {table}")
    for name in want.keys() - have.keys():
        problems.append(f"manca la colonna «{name}» in {table}")
    for name in want.keys() & have.keys():
        if have[name][1] != want[name][1]:
            problems.append(
                f"colonna «{name}» di {table}: tipo {have[name][1] or 'nessuno'} invece di "
                f"{want[name][1]}"
            )
        elif have[name] != want[name]:
            problems.append(f"colonna «{name}» di {table} definita diversamente")
    if not problems and [c[0] for c in found.columns] != [c[0] for c in wanted.columns]:
        problems.append(f"colonne di {table} in un ordine diverso")
    if found.foreign_keys != wanted.foreign_keys:
        problems.append(f"vincoli di chiave esterna inattesi in {table}")
    return sorted(problems)


def schema_problems(
    conn: sqlite3.Connection, objects: list[SchemaObject], version: int
) -> list[str]:
    """Differences between the file's schema and the one of schema ``version``.

    Call only once :func:`schema_code` found nothing: table pragmas are read here.
    """
    wanted, shapes = expected_schema(version)
    found = {(o.kind, o.name): o for o in objects}
    problems = [
        f"{_describe(found[key])} inattesa"
        if key[0] in ("table", "view")
        else f"{_describe(found[key])} inatteso"
        for key in sorted(found.keys() - wanted.keys())
    ]
    problems += [f"manca {_describe(wanted[key])}" for key in sorted(wanted.keys() - found.keys())]
    for key in sorted(found.keys() & wanted.keys()):
        item, expected = found[key], wanted[key]
        if item.table != expected.table:
            problems.append(f"{_describe(item)} invece che su {expected.table}")
            continue
        if item.kind == "table":
            details = _column_problems(item.name, _table_shape(conn, item.name), shapes[item.name])
            if details:
                problems += details
                continue
        if _normalised(item.sql) != _normalised(expected.sql):
            problems.append(f"definizione di {_describe(item)} diversa da quella attesa")
    return problems
