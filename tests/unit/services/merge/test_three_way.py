"""The three-way merge (issue 15): no false conflicts, no missed ones, any order."""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
from pathlib import Path

import pytest

from facilitator_app.domain.clock import to_iso
from facilitator_app.domain.model import Contribution, Event, Table, Venue, new_id
from facilitator_app.services.exchange import exchange_data, reader
from facilitator_app.services.exchange.writer import export_workbook
from facilitator_app.services.merge import conflicts
from facilitator_app.services.merge import engine as merge
from facilitator_app.services.setup import distribute
from facilitator_app.services.setup.templates import bundled_templates, create_event
from facilitator_app.storage.database import EventStore
from tests.helpers.laptops import (
    delete_post_it,
    edit_post_it,
    laptop_copies,
    master_with_post_its,
    merge_in_order,
    post_its,
    state,
)
from tests.helpers.zones import day_clock


def _two_venue_files(folder: Path) -> tuple[Path, Path, Path]:
    master = folder / "m.sqlite"
    with EventStore.create(master) as store:
        create_event(store, bundled_templates()["zone-omogenee"], day_clock(0))
        names = [v.name for v in store.venues()]
    files = []
    with EventStore.open(master, read_only=True) as store:
        for number, name in enumerate(names[:2]):
            path = folder / f"sede-{number}.sqlite"
            distribute.extract(store, path, venues=[name])
            files.append(path)
    return master, files[0], files[1]


def _logged(path: Path) -> list[conflicts.Conflict]:
    with EventStore.open(path, read_only=True) as store:
        return conflicts.open_conflicts(store)


def test_the_event_changed_at_one_venue_is_no_conflict_in_either_order(tmp_path: Path) -> None:
    _, first, second = _two_venue_files(tmp_path)
    with EventStore.open(first) as store:
        event = store.event()
        venue = store.all(Venue)[0]
        now = to_iso(day_clock(30).now())
        store.save(
            dataclasses.replace(event, online_listeners=83, updated_at=now),
            dataclasses.replace(venue, online_listeners=83, updated_at=now),
        )
    one, two = tmp_path / "r1.sqlite", tmp_path / "r2.sqlite"
    forward = merge_in_order(one, [first, second])
    backward = merge_in_order(two, [second, first])
    assert [len(r.conflicts) for r in forward + backward] == [0, 0, 0, 0]
    assert state(one) == state(two)
    assert state(one)["Event"][0].online_listeners == 83
    assert _logged(one) == [] and _logged(two) == []


def test_an_unchanged_file_or_workbook_again_is_already_imported(tmp_path: Path) -> None:
    _, first, second = _two_venue_files(tmp_path)
    merged = tmp_path / "r.sqlite"
    merge_in_order(merged, [first, second])
    copy = tmp_path / "copia.sqlite"
    with EventStore.open(first) as store:  # same records, other bytes (a later copy)
        store.set_meta("device", "altro portatile")
    shutil.copyfile(first, copy)
    with EventStore.open(first, read_only=True) as store:
        book = export_workbook(store, tmp_path / "sede.xlsx", day_clock(40))
    again = merge_in_order(merged, [copy, book.path, second], minute=55)
    assert [r.status for r in again] == [merge.STATUS_ALREADY] * 3
    assert [len(r.conflicts) for r in again] == [0, 0, 0]


def test_the_same_post_it_edited_on_two_laptops_is_one_conflict_in_either_order(
    tmp_path: Path,
) -> None:
    base = master_with_post_its(tmp_path / "giro")
    first, second = laptop_copies(base, tmp_path / "portatili", 2)  # same computer name
    edit_post_it(first, 0, 20, text="Versione del primo portatile")
    edit_post_it(second, 0, 30, text="Versione del secondo portatile")
    edit_post_it(second, 1, 30, votes=4)  # only one side: merges quietly
    one, two = tmp_path / "r1.sqlite", tmp_path / "r2.sqlite"
    forward = merge_in_order(one, [first, second])
    backward = merge_in_order(two, [second, first])
    assert sum(len(r.conflicts) for r in forward) == 1
    assert sum(len(r.conflicts) for r in backward) == 1
    assert state(one) == state(two)
    posts = post_its(one)
    assert posts[0].text == "Versione del secondo portatile"  # the latest is shown
    assert posts[1].votes == 4 and posts[2] == post_its(base)[2]
    (conflict,) = _logged(one)
    assert conflict.kind == "Contribution" and conflict.record_id == posts[0].id
    (field,) = conflict.fields
    assert field.field == "text" and field.shown == 0
    assert field.values == ("Versione del secondo portatile", "Versione del primo portatile")


def test_delete_against_edit_is_a_conflict_the_post_it_stays_deleted_either_way(
    tmp_path: Path,
) -> None:
    base = master_with_post_its(tmp_path / "giro")
    first, second = laptop_copies(base, tmp_path / "portatili", 2)
    delete_post_it(first, 0, 10)  # laptop A deletes at 10:00 ...
    edit_post_it(second, 0, 11, text="Corretto dopo")  # ... laptop B edits at 11:00
    one, two = tmp_path / "r1.sqlite", tmp_path / "r2.sqlite"
    forward = merge_in_order(one, [first, second])
    backward = merge_in_order(two, [second, first])
    assert sum(len(r.conflicts) for r in forward) == sum(len(r.conflicts) for r in backward) == 1
    assert state(one) == state(two)
    assert post_its(one)[0].deleted
    (conflict,) = _logged(one)
    assert [f.field for f in conflict.fields] == ["deleted_at"]
    # Choosing the edit brings the post-it back, and a later merge keeps the choice.
    keep = "AB"[conflict.fields[0].values.index(None)]
    with EventStore.open(one) as store:
        conflicts.resolve_conflict(store, conflict.id, keep, day_clock(55))
    merge_in_order(one, [first, second, tmp_path / "r2.sqlite"], minute=58)
    restored = post_its(one)[0]
    assert not restored.deleted and restored.text == "Corretto dopo"
    assert _logged(one) == []


def test_merging_in_groups_gives_the_same_file_as_merging_at_once(tmp_path: Path) -> None:
    base = master_with_post_its(tmp_path / "giro")
    first, second, third = laptop_copies(base, tmp_path / "portatili", 3)
    edit_post_it(first, 0, 20, text="uno")
    edit_post_it(second, 0, 21, text="due")
    delete_post_it(third, 1, 22)
    edit_post_it(first, 2, 23, votes=2)
    at_once = tmp_path / "tutto.sqlite"
    merge_in_order(at_once, [third, first, second])
    left, right, grouped = (tmp_path / n for n in ("x.sqlite", "y.sqlite", "z.sqlite"))
    merge_in_order(left, [first, second])
    merge_in_order(right, [third])
    merge_in_order(grouped, [right, left])
    assert state(grouped) == state(at_once)
    assert len(_logged(grouped)) == len(_logged(at_once)) == 1


def test_post_its_still_in_the_wal_are_merged_the_second_time_too(tmp_path: Path) -> None:
    _, first, _ = _two_venue_files(tmp_path)
    merged = tmp_path / "r.sqlite"
    with EventStore.open(first) as laptop:  # the laptop's app stays open: writes sit in -wal
        table = laptop.all(Table)[0]

        def add(count: int, minute: int) -> None:
            now = to_iso(day_clock(minute).now())
            laptop.save(
                *(
                    Contribution(new_id(), table.id, 1, f"p{minute}-{n}", now, now)
                    for n in range(count)
                )
            )

        add(5, 10)
        assert merge_in_order(merged, [first])[0].added > 5
        add(4, 20)
        again = merge_in_order(merged, [first], minute=55)[0]
        assert again.status == merge.STATUS_IMPORTED and again.added == 4
    assert len(post_its(merged)) == 9


def test_files_merged_before_byte_for_byte_are_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, first, second = _two_venue_files(tmp_path)
    with EventStore.open(first, read_only=True) as store:
        book = export_workbook(store, tmp_path / "sede.xlsx", day_clock(40)).path
    merged = tmp_path / "r.sqlite"
    with EventStore.open(second) as laptop:  # open: its last post-it sits in the -wal
        table = laptop.all(Table)[0]
        now = to_iso(day_clock(10).now())
        laptop.save(Contribution(new_id(), table.id, 1, "nel wal", now, now))
        assert Path(f"{second}-wal").stat().st_size > 0
        merge_in_order(merged, [book, second])

        def unread(*args: object, **kwargs: object) -> None:
            raise AssertionError("a file merged before was decoded again")

        monkeypatch.setattr(exchange_data, "load_records", unread)
        monkeypatch.setattr(reader, "XlsxWorkbook", unread)
        again = merge_in_order(merged, [book, second], minute=55)
    assert [r.status for r in again] == [merge.STATUS_ALREADY] * 2
    assert "nel wal" in [p.text for p in post_its(merged)]


def _listing(folder: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def test_the_inputs_and_their_folder_are_left_exactly_as_they_were(tmp_path: Path) -> None:
    inputs = tmp_path / "ricevuti"
    inputs.mkdir()
    _, first, second = _two_venue_files(tmp_path)
    closed = shutil.copyfile(first, inputs / "chiuso.sqlite")
    open_copy = inputs / "aperto.sqlite"
    shutil.copyfile(second, open_copy)
    with EventStore.open(open_copy) as laptop:
        table = laptop.all(Table)[0]
        now = to_iso(day_clock(10).now())
        laptop.save(Contribution(new_id(), table.id, 1, "nel wal", now, now))
        before = _listing(inputs)
        merge_in_order(tmp_path / "r.sqlite", [closed, open_copy])
        assert _listing(inputs) == before
    assert "nel wal" in [p.text for p in post_its(tmp_path / "r.sqlite")]


def test_a_coordinator_edit_against_a_venue_edit_is_one_conflict(tmp_path: Path) -> None:
    _, first, _ = _two_venue_files(tmp_path)
    merged = tmp_path / "r.sqlite"
    merge_in_order(merged, [first])
    for path, title, minute in (
        (merged, "Titolo del coordinamento", 30),
        (first, "Titolo della sede", 31),
    ):
        with EventStore.open(path) as store:
            event = store.event()
            store.save(
                dataclasses.replace(event, title=title, updated_at=to_iso(day_clock(minute).now()))
            )
    result = merge_in_order(merged, [first], minute=40)[0]
    assert len(result.conflicts) == 1
    with EventStore.open(merged, read_only=True) as store:
        assert store.all(Event)[0].title == "Titolo della sede"


def test_anonymised_workbooks_of_two_laptops_give_one_conflict_in_either_order(
    tmp_path: Path,
) -> None:
    base = master_with_post_its(tmp_path / "giro")
    first, second = laptop_copies(base, tmp_path / "portatili", 2)
    edit_post_it(first, 0, 20, text="Versione del primo portatile")
    edit_post_it(second, 0, 30, text="Versione del secondo portatile")
    edit_post_it(second, 2, 30, votes=3)
    books = []
    for number, laptop in enumerate((first, second)):
        with EventStore.open(laptop, read_only=True) as store:
            target = tmp_path / f"portatile-{number}.xlsx"
            books.append(export_workbook(store, target, day_clock(40), anonymise=True).path)
    one, two = tmp_path / "r1.sqlite", tmp_path / "r2.sqlite"
    forward = merge_in_order(one, [base, *books])
    backward = merge_in_order(two, [books[1], base, books[0]])
    assert sum(len(r.conflicts) for r in forward) == sum(len(r.conflicts) for r in backward) == 1
    assert state(one) == state(two)
    assert post_its(one)[2].votes == 3
    with EventStore.open(one, read_only=True) as store:  # the names stay the coordinator's
        assert {t.facilitator for t in store.all(Table)} == {
            t.facilitator for t in state(base)["Table"]
        }
    again = merge_in_order(one, books, minute=59)
    assert [r.status for r in again] == [merge.STATUS_ALREADY] * 2


def test_a_workbook_whose_versions_were_altered_is_refused(tmp_path: Path) -> None:
    import openpyxl

    base = master_with_post_its(tmp_path / "giro")
    with EventStore.open(base, read_only=True) as store:
        book = export_workbook(store, tmp_path / "x.xlsx", day_clock(40)).path
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["_Versioni"]
    assert sheet.sheet_state == "hidden"
    sheet.cell(row=2, column=6).value = str(sheet.cell(row=2, column=6).value).replace('"', "'", 1)
    altered = tmp_path / "alterato.xlsx"
    workbook.save(altered)
    (result,) = merge_in_order(tmp_path / "r.sqlite", [altered])
    assert result.refused and "_Versioni" in result.reason and "riga 2" in result.reason
