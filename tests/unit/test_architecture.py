"""SQL stays inside storage: an AST walk over the rest of the package.

Import-linter forbids importing sqlite_utils outside storage, but it cannot see a service
reaching through the store (``store.db.execute(...)``) or handing it a where clause; this
test can. Every offence is named by file and line.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import facilitator_app

PACKAGE = Path(facilitator_app.__file__).parent
ROOT = PACKAGE.parent
STORAGE = PACKAGE / "storage"

# The connection and the raw database are storage's business.
FORBIDDEN_ATTRIBUTES = frozenset({"db", "conn"})
# Raw SQL calls, on whatever object.
FORBIDDEN_CALLS = frozenset({"query", "execute", "executemany"})

_SQL = re.compile(
    r"""
    ^\s*(select|with)\s
    | \bselect\b.*\bfrom\b
    | \binsert\s+(or\s+\w+\s+)?into\b
    | \bupdate\s+\[?\w+\]?\s+set\b
    | \bdelete\s+from\b
    | \bwhere\s+\w+
    | \border\s+by\b
    | \bgroup\s+by\b
    | \w+\s*(=|==|!=|<>|<=|>=|<|>)\s*\?
    | \bis\s+(not\s+)?null\b
    """,
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)


def _looks_like_sql(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and _SQL.search(node.value) is not None
    )


def offences_in(source: str, filename: str) -> Iterator[tuple[int, str]]:
    """(line, what) of every way the source reaches past the store's named queries."""
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_ATTRIBUTES:
            yield node.lineno, f"attribute .{node.attr}"
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Attribute) and node.func.attr in FORBIDDEN_CALLS:
            yield node.lineno, f"call of .{node.func.attr}()"
        for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
            if _looks_like_sql(argument):
                yield argument.lineno, "SQL text passed to a call"
        for keyword in node.keywords:
            if keyword.arg == "order_by":
                yield keyword.value.lineno, "order_by= keyword"


def _outside_storage() -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if STORAGE not in path.parents:
            yield path


def _offences() -> list[tuple[str, int, str, str]]:
    found = []
    for path in _outside_storage():
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        relative = path.relative_to(ROOT).as_posix()
        for line, what in offences_in(source, relative):
            found.append((relative, line, what, lines[line - 1].strip()))
    return sorted(set(found))


def test_no_sql_or_connection_outside_storage() -> None:
    offences = [f"{path}:{line}: {what}: {text}" for path, line, what, text in _offences()]
    assert not offences, (
        "SQL or the raw connection used outside storage; add a named query to "
        "facilitator_app/storage/queries.py instead:\n" + "\n".join(offences)
    )


def test_the_walk_catches_each_kind_of_offence() -> None:
    source = (
        "rows = store.db.execute('pragma x')\n"
        "store.conn\n"
        "store.query('select 1')\n"
        "store.all(Theme, 'table_id = ?', [key])\n"
        "store.all(Table, order_by='position')\n"
        "store.count(Theme, 'deleted_at is null')\n"
        "store.tables()\n"
        "store.contributions(table.id, 1)\n"
        "print('Dove si trova il tavolo?')\n"
    )
    found = {(line, what) for line, what in offences_in(source, "example.py")}
    assert found == {
        (1, "attribute .db"),
        (1, "call of .execute()"),
        (2, "attribute .conn"),
        (3, "call of .query()"),
        (3, "SQL text passed to a call"),
        (4, "SQL text passed to a call"),
        (5, "order_by= keyword"),
        (6, "SQL text passed to a call"),
    }
