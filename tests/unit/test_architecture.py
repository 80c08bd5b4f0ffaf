"""SQL stays inside storage: an AST walk over the rest of the package, the tests and benchmarks.

Import-linter forbids importing sqlite_utils outside storage, but it cannot see a service
reaching through the store (``store._db.execute(...)``) or handing it a where clause; this
test can. Tests and benchmarks are held to a narrower rule: they may open a file with the
stdlib ``sqlite3`` module to check or attack it, but they hand no SQL to a store either.
Every offence is named by file and line.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import facilitator_app

PACKAGE = Path(facilitator_app.__file__).parent
ROOT = PACKAGE.parent
STORAGE = PACKAGE / "storage"

TEST_ROOTS = (ROOT / "tests", ROOT / "benchmarks")

# The connection and the raw database are storage's business.
FORBIDDEN_ATTRIBUTES = frozenset({"db", "_db", "conn"})
# The only test helper that reaches the store's private handle, for the two settings SQLite
# keeps per connection (synchronous, max_page_count); it says so in its docstring.
PRIVATE_HANDLE_ALLOWED = frozenset({"tests/helpers/raw_file.py"})
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


def _names_along(node: ast.expr) -> Iterator[str]:
    """The names a receiver is reached through: ``window.store`` gives store, window."""
    while True:
        if isinstance(node, ast.Attribute):
            yield node.attr
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Subscript):
            node = node.value
        else:
            if isinstance(node, ast.Name):
                yield node.id
            return


def _is_store(node: ast.expr) -> bool:
    return any("store" in name.lower() for name in _names_along(node))


def store_offences_in(source: str, filename: str) -> Iterator[tuple[int, str]]:
    """(line, what) of every way a test or benchmark hands SQL to a store or reaches past it.

    Only objects reached through a name containing ``store`` count: a test's own
    ``sqlite3`` connection, opened to inspect or attack a file, is its business.
    """
    handles_allowed = filename in PRIVATE_HANDLE_ALLOWED
    for node in ast.walk(ast.parse(source, filename)):
        if (
            isinstance(node, ast.Attribute)
            and node.attr in FORBIDDEN_ATTRIBUTES
            and not handles_allowed
            and _is_store(node.value)
        ):
            yield node.lineno, f"attribute .{node.attr} of a store"
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and _is_store(node.func.value)
        ):
            continue
        if node.func.attr == "query":
            yield node.lineno, "call of a store's .query()"
        for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
            if _looks_like_sql(argument):
                yield argument.lineno, "SQL text passed to a store"
        for keyword in node.keywords:
            if keyword.arg == "order_by":
                yield keyword.value.lineno, "order_by= keyword passed to a store"


def _outside_storage() -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if STORAGE not in path.parents:
            yield path


def _tests_and_benchmarks() -> Iterator[Path]:
    for root in TEST_ROOTS:
        yield from sorted(root.rglob("*.py"))


def _offences(
    paths: Iterator[Path], walk: Callable[[str, str], Iterator[tuple[int, str]]]
) -> list[str]:
    found = set()
    for path in paths:
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        relative = path.relative_to(ROOT).as_posix()
        for line, what in walk(source, relative):
            found.add((relative, line, what, lines[line - 1].strip()))
    return [f"{path}:{line}: {what}: {text}" for path, line, what, text in sorted(found)]


def test_no_sql_or_connection_outside_storage() -> None:
    offences = _offences(_outside_storage(), offences_in)
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


def test_tests_and_benchmarks_hand_no_sql_to_a_store() -> None:
    offences = _offences(_tests_and_benchmarks(), store_offences_in)
    assert not offences, (
        "SQL handed to a store (or its private handle used) in tests or benchmarks; use a "
        "named query, filter store.all(Kind) in the test, or open the file with sqlite3 "
        "(tests/helpers/raw_file.py):\n" + "\n".join(offences)
    )


def test_the_walk_over_tests_catches_only_what_reaches_a_store() -> None:
    source = (
        "store.all(Theme, 'table_id = ?', [key])\n"
        "window.store.all(Table, order_by='position')\n"
        "EventStore.open(path).query('select 1')\n"
        "rows = other_store._db.execute('pragma x')\n"
        "window.store.db\n"
        "conn.execute('select * from themes where id = ?', [key])\n"
        "db.conn.close()\n"
        "store.tables()\n"
        "sorted(store.all(Theme), key=lambda t: t.id)\n"
    )
    found = {(line, what) for line, what in store_offences_in(source, "tests/example.py")}
    assert found == {
        (1, "SQL text passed to a store"),
        (2, "order_by= keyword passed to a store"),
        (3, "call of a store's .query()"),
        (3, "SQL text passed to a store"),
        (4, "attribute ._db of a store"),
        (5, "attribute .db of a store"),
    }
    allowed = store_offences_in(source, "tests/helpers/raw_file.py")
    assert {what for _, what in allowed if what.startswith("attribute")} == set()
