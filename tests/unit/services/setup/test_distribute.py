"""Venue and table files written all or none (the coordinator's "prepare")."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.errors import StorageError
from facilitator_app.domain.model import Table
from facilitator_app.services.setup import distribute
from facilitator_app.services.setup.templates import bundled_templates, create_event
from facilitator_app.storage.database import EventStore


@pytest.fixture
def master(tmp_path: Path, clock: FixedClock) -> Path:
    path = tmp_path / "master.sqlite"
    with EventStore.create(path) as store:
        create_event(store, bundled_templates()["zone-omogenee"], clock)
    return path


def test_a_plan_is_written_in_full(master: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    plan = distribute.plan_per_venue(out, ["Comune di Ciriè", "Comune di Pinerolo"])
    with EventStore.open(master, read_only=True) as store:
        written = distribute.write_files(store, plan)
    assert [(p.name, [t.key for t in tables]) for p, tables in written] == [
        ("sede-comune-di-cirie.sqlite", ["zona-7", "zona-8"]),
        ("sede-comune-di-pinerolo.sqlite", ["zona-5"]),
    ]
    with EventStore.open(out / "sede-comune-di-cirie.sqlite", read_only=True) as store:
        assert [t.key for t in store.all(Table)] == ["zona-7", "zona-8"]


def test_a_failure_on_the_second_file_leaves_nothing(master: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    plan = distribute.plan_per_table(out, ["zona-1", "zona-99"])
    with EventStore.open(master, read_only=True) as store, pytest.raises(ValueError):
        distribute.write_files(store, plan)
    assert list(out.iterdir()) == []


def test_an_existing_file_refuses_the_whole_plan(master: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "tavolo-zona-2.sqlite").write_bytes(b"already here")
    plan = distribute.plan_per_table(out, ["zona-1", "zona-2"])
    with EventStore.open(master, read_only=True) as store, pytest.raises(StorageError) as refused:
        distribute.write_files(store, plan)
    assert "tavolo-zona-2.sqlite" in str(refused.value)
    assert sorted(p.name for p in out.iterdir()) == ["tavolo-zona-2.sqlite"]
    assert (out / "tavolo-zona-2.sqlite").read_bytes() == b"already here"
