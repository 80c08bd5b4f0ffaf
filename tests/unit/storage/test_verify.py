"""Event files are verified before use: the exact schema, no triggers, no views, no extras."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator_app.domain.errors import NotAnEventFileError
from facilitator_app.domain.model import Contribution
from facilitator_app.storage.database import EventStore
from tests.helpers.cli import run
from tests.helpers.files import digest
from tests.helpers.raw_file import applied_migrations, raw_file

RAISE_IGNORE = (
    "create trigger swallow before insert on contributions begin select raise(ignore); end"
)
REWRITE = (
    "create trigger rewrite after update on contributions begin "
    "update contributions set text = 'riscritto'; delete from counts; end"
)
SHADOW = (
    "alter table contributions rename to contributions_real",
    "create view contributions as select * from contributions_real "
    "union all select * from contributions_real",
)
RECURSIVE = (
    "alter table contributions rename to contributions_real",
    "create view contributions as with recursive forever(n) as "
    "(select 1 union all select n + 1 from forever) "
    "select contributions_real.* from contributions_real, forever",
)


def _plant(path: Path, *statements: str) -> None:
    with raw_file(path) as conn:
        for statement in statements:
            conn.execute(statement)


def _refusal(path: Path, *, read_only: bool) -> str:
    with pytest.raises(NotAnEventFileError) as refused:
        EventStore.open(path, read_only=read_only).close()
    return str(refused.value)


def test_a_trigger_that_swallows_inserts_is_refused_by_import_contributions(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _plant(demo_path, RAISE_IGNORE)
    before = digest(demo_path)
    posts = tmp_path / "post.csv"
    posts.write_text("tavolo;sessione;testo\nasse-1;1;Un post-it\n", encoding="utf-8")
    code, text = run("import-contributions", str(demo_path), str(posts))
    assert code == 3, text
    assert "Importati" not in text
    assert "trigger «swallow» su contributions" in capsys.readouterr().err
    assert digest(demo_path) == before


@pytest.mark.parametrize("read_only", [False, True])
def test_a_rewriting_trigger_is_refused_before_any_capture(
    demo_path: Path, read_only: bool
) -> None:
    _plant(demo_path, REWRITE)
    before = digest(demo_path)
    message = _refusal(demo_path, read_only=read_only)
    assert "trigger «rewrite» su contributions" in message
    assert digest(demo_path) == before


def test_a_view_shadowing_a_table_is_refused_by_info(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _plant(demo_path, *SHADOW)
    code, text = run("info", str(demo_path))
    assert code == 3, text
    err = capsys.readouterr().err
    assert "vista «contributions»" in err


def test_a_recursive_view_is_refused_fast_without_running_it(demo_path: Path) -> None:
    _plant(demo_path, *RECURSIVE)
    # In a child process with a deadline: running the view would never end.
    finished = subprocess.run(
        [sys.executable, "-m", "facilitator_app", "info", str(demo_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert finished.returncode == 3, finished.stdout + finished.stderr
    assert "vista «contributions»" in finished.stderr


@pytest.mark.parametrize(
    ("statements", "named"),
    [
        (("create table extra (x text)",), "tabella «extra»"),
        (("create index idx_extra on contributions(text)",), "indice «idx_extra»"),
        (("alter table contributions add column hidden text",), "colonna «hidden»"),
        (("drop index idx_themes_table_id",), "idx_themes_table_id"),
    ],
)
def test_unknown_or_missing_objects_are_named(
    demo_path: Path, statements: tuple[str, ...], named: str
) -> None:
    _plant(demo_path, *statements)
    assert named in _refusal(demo_path, read_only=True)


def test_a_column_of_another_type_is_named(demo_path: Path) -> None:
    _plant(
        demo_path,
        "alter table counts rename to counts_old",
        "create table counts (id text primary key, created_at text, updated_at text, "
        "event_id text, table_ids text, session text, present integer, by_zone text, "
        "by_category text, note text)",
        "drop table counts_old",
    )
    message = _refusal(demo_path, read_only=True)
    assert "counts" in message and "session" in message


# Every step after the first undone: the file is as the first schema (m001) left it.
FIRST_SCHEMA_ONLY = (
    "drop table merge_imports",
    "drop table provenance",
    "drop table merge_conflicts",
    "delete from _sqlite_migrations where name = 'm002_merge_bookkeeping'",
    "alter table venues drop column online_listeners",
    "delete from _sqlite_migrations where name = 'm003_venue_online_listeners'",
    "drop table record_versions",
    "delete from _sqlite_migrations where name = 'm004_record_versions'",
    "drop table post_it_embeddings",
    "delete from _sqlite_migrations where name = 'm005_post_it_embeddings'",
    "drop table room_posts",
    "drop table room_dots",
    "delete from _sqlite_migrations where name = 'm006_room_posts'",
)


def test_an_older_schema_is_verified_then_upgraded(tmp_path: Path) -> None:
    """A file of the first schema (before the merge tables) still opens and is upgraded."""
    path = tmp_path / "vecchio.sqlite"
    EventStore.create(path).close()
    _plant(
        path,
        *FIRST_SCHEMA_ONLY,
    )
    with EventStore.open(path) as store:
        assert store.count(Contribution) == 0
    assert "m002_merge_bookkeeping" in applied_migrations(path)


def test_an_older_schema_with_a_trigger_is_refused_before_upgrading(tmp_path: Path) -> None:
    path = tmp_path / "vecchio.sqlite"
    EventStore.create(path).close()
    _plant(
        path,
        *FIRST_SCHEMA_ONLY,
        "create trigger t1 after insert on meta begin delete from events; end",
    )
    before = digest(path)
    assert "trigger «t1» su meta" in _refusal(path, read_only=False)
    assert digest(path) == before


def test_a_clean_file_is_not_refused(demo_path: Path) -> None:
    with EventStore.open(demo_path, read_only=True) as store:
        assert store.count(Contribution) > 0
    with sqlite3.connect(demo_path) as conn:
        assert (
            conn.execute("select count(*) from sqlite_master where type = 'trigger'").fetchone()[0]
            == 0
        )
