"""The post-its' meaning vectors kept in the event file (migration m005): derived data."""

from __future__ import annotations

import hashlib
import sqlite3
import struct
from pathlib import Path

import pytest
from sqlite_utils import Database

from facilitator_app.domain.errors import NotAnEventFileError
from facilitator_app.storage import embeddings
from facilitator_app.storage.database import EventStore
from facilitator_app.storage.schema import APPLICATION_ID, migrations
from tests.helpers.files import digest
from tests.helpers.raw_file import applied_migrations, raw_file

MODEL = "modello-prova/1"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _blob(*values: float) -> bytes:
    return struct.pack(f"<{len(values)}f", *values)


def _row(post_id: str, text: str, *values: float) -> embeddings.StoredVector:
    return embeddings.StoredVector(post_id, MODEL, _sha(text), len(values), _blob(*values))


def test_vectors_written_together_are_read_back_for_the_same_texts(tmp_path: Path) -> None:
    with EventStore.create(tmp_path / "e.sqlite") as store:
        embeddings.save_vectors(
            store, [_row("p1", "Più bus", 1.0, 0.0), _row("p2", "Meno auto", 0.0, 1.0)]
        )
        found = embeddings.stored_vectors(
            store, {"p1": _sha("Più bus"), "p2": _sha("Meno auto"), "p3": _sha("altro")}, MODEL
        )
    assert found == {"p1": _blob(1.0, 0.0), "p2": _blob(0.0, 1.0)}


def test_a_vector_of_an_edited_text_or_another_model_is_not_returned(tmp_path: Path) -> None:
    with EventStore.create(tmp_path / "e.sqlite") as store:
        embeddings.save_vectors(store, [_row("p1", "Più bus", 1.0, 0.0)])
        assert embeddings.stored_vectors(store, {"p1": _sha("Più bus, la sera")}, MODEL) == {}
        assert embeddings.stored_vectors(store, {"p1": _sha("Più bus")}, "altro/2") == {}
        # rewriting the vector of the same post-it replaces the old one
        embeddings.save_vectors(store, [_row("p1", "Più bus, la sera", 0.5, 0.5)])
        assert embeddings.stored_vectors(store, {"p1": _sha("Più bus, la sera")}, MODEL) == {
            "p1": _blob(0.5, 0.5)
        }


def test_a_blob_of_the_wrong_length_is_never_returned(tmp_path: Path) -> None:
    path = tmp_path / "e.sqlite"
    EventStore.create(path).close()
    with raw_file(path) as conn:
        conn.executemany(
            "insert into post_it_embeddings values (?, ?, ?, ?, ?)",
            [
                ("short", MODEL, _sha("a"), 3, _blob(1.0, 0.0)),
                ("text", MODEL, _sha("b"), 2, "non un vettore"),
                ("good", MODEL, _sha("c"), 2, _blob(0.0, 1.0)),
            ],
        )
    with EventStore.open(path, read_only=True) as store:
        wanted = {"short": _sha("a"), "text": _sha("b"), "good": _sha("c")}
        assert embeddings.stored_vectors(store, wanted, MODEL) == {"good": _blob(0.0, 1.0)}


def test_many_vectors_are_written_in_one_transaction(tmp_path: Path) -> None:
    path = tmp_path / "e.sqlite"
    with EventStore.create(path) as store:
        rows = [_row(f"p{i}", f"testo {i}", float(i), 1.0) for i in range(1500)]
        rows.append(embeddings.StoredVector("bad", MODEL, _sha("x"), 2, None))  # type: ignore[arg-type]
        with pytest.raises(sqlite3.IntegrityError):  # NOT NULL: the whole batch is refused
            embeddings.save_vectors(store, rows)
        assert embeddings.stored_vectors(store, {"p1": _sha("testo 1")}, MODEL) == {}
        embeddings.save_vectors(store, rows[:-1])
        wanted = {f"p{i}": _sha(f"testo {i}") for i in range(1500)}
        assert len(embeddings.stored_vectors(store, wanted, MODEL)) == 1500


def test_a_file_before_the_table_is_upgraded_on_open_and_read_only_reads_nothing(
    tmp_path: Path,
) -> None:
    path = tmp_path / "vecchio.sqlite"
    db = Database(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(db, stop_before="m005_post_it_embeddings")
    db.conn.close()
    assert "m005_post_it_embeddings" not in applied_migrations(path)
    before = digest(path)
    with EventStore.open(path, read_only=True) as store:  # read-only: verified, not upgraded
        assert embeddings.stored_vectors(store, {"p1": _sha("a")}, MODEL) == {}
        assert not embeddings.can_store_vectors(store)
    assert digest(path) == before
    with EventStore.open(path) as store:
        assert embeddings.can_store_vectors(store)
        embeddings.save_vectors(store, [_row("p1", "a", 1.0)])
    assert "m005_post_it_embeddings" in applied_migrations(path)


def test_a_crafted_embeddings_table_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "e.sqlite"
    EventStore.create(path).close()
    with raw_file(path) as conn:
        conn.execute("alter table post_it_embeddings add column extra text")
    with pytest.raises(NotAnEventFileError, match="extra"):
        EventStore.open(path, read_only=True)
