"""The open-data package: a Frictionless Data Package that frictionless itself accepts."""

from __future__ import annotations

import csv
import dataclasses
import json
import shutil
import subprocess
import sys
from pathlib import Path

import frictionless
import pytest

from facilitator_app.domain.clock import FixedClock, to_iso
from facilitator_app.domain.errors import StorageError
from facilitator_app.services.publish.open_data import RESOURCES, write_open_data
from facilitator_app.services.records.event_records import load_records
from facilitator_app.services.records.report import EventReport, build_report
from facilitator_app.storage.database import EventStore


def _report(path: Path) -> EventReport:
    with EventStore.open(path, read_only=True) as store:
        return build_report(load_records(store))


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_package_valid_for_frictionless_with_counts_of_the_report(
    rich_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    report = _report(rich_path)
    out = tmp_path / "dati"
    result = write_open_data(report, out, clock)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["datapackage.json", *(f"{name}.csv" for name in RESOURCES)]
    )
    checked = frictionless.validate(out / "datapackage.json")
    assert checked.valid, checked.flatten(["rowNumber", "fieldName", "type", "note"])
    live_themes = report.records.live_themes()
    assert len(_rows(out, "contributions")) == report.total_contributions == result.contributions
    assert len(report.records.contributions) > report.total_contributions  # one is deleted
    assert len(_rows(out, "themes")) == len(live_themes)
    assert len(_rows(out, "tables")) == len(report.tables)
    assert len(_rows(out, "cards_in_play")) == len(report.records.table_cards)
    assert len(_rows(out, "counts")) == len(report.records.counts)
    tables = {row["key"]: row for row in _rows(out, "tables")}
    for table in report.tables:
        shown = tables[table.table.key]["people"]
        assert shown == ("" if table.people is None else str(table.people))
    posts = {row["id"]: row for row in _rows(out, "contributions")}
    for table in report.tables:
        for session in table.sessions:
            for post in session.posts:
                assert posts[post.id]["text"] == post.text
                assert posts[post.id]["votes"] == str(post.votes)


def test_descriptor_licence_sources_and_no_personal_data(
    rich_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    report = _report(rich_path)
    out = tmp_path / "dati"
    write_open_data(report, out, clock, licence="CC0-1.0")
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == "CC0-1.0"
    assert descriptor["licenses"][0]["path"].startswith("https://")
    assert descriptor["sources"][0]["title"].startswith(report.records.event.title)
    assert descriptor["created"] == to_iso(clock.now())
    assert descriptor["name"].islower() and " " not in descriptor["name"]
    for resource in descriptor["resources"]:
        assert resource["schema"]["primaryKey"]
    everything = "".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    for table in report.records.tables:
        if table.facilitator:
            assert table.facilitator not in everything


def test_frictionless_command_line_accepts_it(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    out = tmp_path / "dati"
    write_open_data(_report(demo_path), out, clock)
    command = shutil.which("frictionless", path=str(Path(sys.executable).parent))
    assert command is not None
    checked = subprocess.run(
        [command, "validate", str(out / "datapackage.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_replaces_own_package_refuses_other_folder(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    out = tmp_path / "dati"
    write_open_data(_report(demo_path), out, clock)
    with EventStore.open(demo_path) as store:
        post = store.contributions()[0]
        store.save_all([dataclasses.replace(post, deleted_at=to_iso(clock.now()))])
    report = _report(demo_path)
    write_open_data(report, out, clock)
    assert len(_rows(out, "contributions")) == report.total_contributions
    other = tmp_path / "altro"
    other.mkdir()
    (other / "mio.txt").write_text("da non perdere", encoding="utf-8")
    with pytest.raises(StorageError, match="non è vuota"):
        write_open_data(report, other, clock)
    assert [p.name for p in other.iterdir()] == ["mio.txt"]


def test_a_folder_whose_descriptor_is_crafted_too_deep_is_refused_not_crashed(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    # Only the package's own file names, but a descriptor nested past the JSON reader's depth:
    # not a package this app wrote, so it is refused and left as it is.
    other = tmp_path / "finto"
    other.mkdir()
    deep = "[" * 5000 + "]" * 5000
    (other / "datapackage.json").write_text(deep, encoding="utf-8")
    with pytest.raises(StorageError, match="non è vuota"):
        write_open_data(_report(demo_path), other, clock)
    assert (other / "datapackage.json").read_text(encoding="utf-8") == deep


def test_unwritable_place_leaves_no_half_package(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    blocker = tmp_path / "un-file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StorageError, match="un-file"):
        write_open_data(_report(demo_path), blocker / "dati", clock)
    left = [p.name for p in tmp_path.rglob("*") if not p.name.startswith("demo.sqlite")]
    assert left == ["un-file"]


def test_unknown_licence_refused(demo_path: Path, tmp_path: Path, clock: FixedClock) -> None:
    with pytest.raises(ValueError, match="licenza"):
        write_open_data(_report(demo_path), tmp_path / "dati", clock, licence="MIA-1.0")
    assert not (tmp_path / "dati").exists()
