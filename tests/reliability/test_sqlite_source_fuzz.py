"""Fuzzing of ``.sqlite`` merge sources: hostile schemas and values, merged whole or refused.

Each case copies a small, valid venue file and plants one to three hostile changes
(triggers, views, extra tables, indexes or columns, values of the wrong type or out of
range, NULLs, BLOBs, large texts, malformed JSON, bad timestamps, duplicate keys, missing
rows), then merges it into a merged event. Either the file is refused with a message and
the merged event is byte-identical, or it is merged whole and the merged event still
exports (workbook and PDF). Never an uncaught exception.

Default: a few hundred seeded cases in the normal suite; ``FUZZ_CASES=10000`` (and
``FUZZ_SEED``) for the long run recorded in docs/RELIABILITY.md.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import struct
from collections import Counter
from contextlib import closing
from pathlib import Path
from typing import Any

from facilitator_app.services.exchange.writer import export_workbook
from facilitator_app.services.merge import engine as merge
from facilitator_app.services.reports.restituzione import export_pdf
from facilitator_app.storage.database import EventStore
from tests.helpers.files import digest
from tests.helpers.zones import day_clock, fill_venue_files, venue_files

CASES = int(os.environ.get("FUZZ_CASES", "200"))
SEED = int(os.environ.get("FUZZ_SEED", "16"))
TABLES = (
    "contributions",
    "counts",
    "themes",
    "sessions",
    "event_tables",
    "venues",
    "agenda",
    "events",
    "table_cards",
    "cards",
    "post_it_embeddings",  # derived data: never merged, whatever a source holds
)
VALUES: tuple[Any, ...] = (
    None,
    0,
    1,
    2,
    3,
    7,
    -1,
    99,
    -50,
    -1000,
    10**15,
    2**62,
    1.5,
    2.9,
    float("inf"),
    "",
    "no",
    "ieri",
    "zzz",
    "1",
    "proposta",
    "9999-12-31T00:00:00+00:00",
    "1900-01-01T00:00:00+00:00",
    "2023-12-05T09:30:00+00:00",
    "10:30",
    "2023-11-10",
    b"\x00\xff",
    "x" * 100_000,
    "{non json",
    "[1, 2]",
    '{"1": -5}',
    '{"99": 3}',
    '["a"]',
    "[[1]]",
    '[["a", "b"]]',
    "[]",
    "{}",
    '{"cittadini": 3}',
    "[" * 5000,
)
SCHEMA = (
    "create trigger t_{n} after insert on {table} begin select 1; end",
    "create trigger t_{n} before update on {table} begin select raise(ignore); end",
    "create view v_{n} as select * from {table}",
    "create table extra_{n} (x text)",
    "create index i_{n} on {table}(id)",
    "alter table {table} add column extra_{n} text",
    "drop index if exists idx_contributions_table_id_session",
)


def _plant_vectors(path: Path) -> None:
    """A vector for every post-it of the source, as a venue's laptop would have stored."""
    with closing(sqlite3.connect(path)) as conn, conn:
        ids = [row[0] for row in conn.execute("select id from contributions")]
        conn.executemany(
            "insert into post_it_embeddings values (?, 'modello/1', ?, 4, ?)",
            [(i, "0" * 64, struct.pack("<4f", 0.5, 0.5, 0.5, 0.5)) for i in ids],
        )


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"pragma table_info({table})")]


def _mutate(conn: sqlite3.Connection, rng: random.Random, n: int) -> str:
    table = rng.choice(TABLES)
    roll = rng.random()
    if roll < 0.12:
        statement = rng.choice(SCHEMA).format(n=n, table=table)
        conn.execute(statement)
        return statement.split(" ")[1]
    if roll < 0.18:
        conn.execute(f"delete from {table} where rowid = (select min(rowid) from {table})")
        return "delete"
    if roll < 0.24 and table in ("event_tables", "contributions", "counts"):
        column = "key" if table == "event_tables" else "id"
        conn.execute(
            f"update {table} set {column} = (select {column} from {table} order by rowid "
            f"limit 1) where rowid = (select max(rowid) from {table})"
        )
        return "duplicate"
    column = rng.choice(_columns(conn, table))
    value = rng.choice(VALUES)
    conn.execute(
        f"update {table} set [{column}] = ? where rowid = "
        f"(select rowid from {table} order by random() limit 1)",
        (value,),
    )
    return "value"


def test_hostile_sqlite_sources_are_merged_whole_or_refused(tmp_path: Path) -> None:
    base_dir = tmp_path / "base"
    (base,) = venue_files(base_dir, ["Comune di Pinerolo"])
    fill_venue_files([base], themed=True)
    _plant_vectors(base)
    clock = day_clock(50)
    seeded = tmp_path / "seme.sqlite"
    merge.merge_files(seeded, [base], clock)
    rng = random.Random(SEED)
    outcomes: Counter[str] = Counter()
    for case in range(CASES):
        source = tmp_path / f"caso-{case}.sqlite"
        shutil.copy(base, source)
        with closing(sqlite3.connect(source)) as conn, conn:
            conn.execute("pragma recursive_triggers = off")
            kinds = []
            for n in range(rng.randint(1, 3)):
                try:
                    kinds.append(_mutate(conn, rng, n))
                except sqlite3.Error:
                    kinds.append("rejected-by-sqlite")
        target = tmp_path / "unito.sqlite"
        shutil.copy(seeded, target)
        before = digest(target)
        (result,) = merge.merge_files(target, [source], clock)
        if result.refused:
            assert result.problems and all(str(p) for p in result.problems), kinds
            assert digest(target) == before, (case, kinds, result.reason)
            outcomes["rifiutato"] += 1
        else:
            with closing(sqlite3.connect(target)) as conn:  # vectors are never merged
                assert conn.execute("select count(*) from post_it_embeddings").fetchone() == (0,)
            with EventStore.open(target, read_only=True) as store:
                export_workbook(store, tmp_path / "unito.xlsx", clock, device="fuzz")
                if result.added or result.updated:
                    export_pdf(store, tmp_path / "unito.pdf", clock)
            outcomes[result.status] += 1
        source.unlink()
    print(f"\nsorgenti .sqlite: {CASES} casi (seme {SEED}): {dict(outcomes)}")
    assert sum(outcomes.values()) == CASES
