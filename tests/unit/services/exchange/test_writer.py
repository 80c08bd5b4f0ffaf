"""The plenary workbook: sheets, contents checked against the event file, safety, LibreOffice."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from facilitator_app.domain.clock import FixedClock, to_iso
from facilitator_app.domain.model import (
    AgendaItem,
    Event,
    ParticipantCount,
    Session,
    Table,
    Theme,
    new_id,
)
from facilitator_app.domain.vocab import EventFormat
from facilitator_app.services.common.dates import local_hhmm
from facilitator_app.services.exchange.codecs import unescape_text
from facilitator_app.services.exchange.reader import read_workbook
from facilitator_app.services.exchange.sheets import (
    SHEET_AGENDA,
    SHEET_CONTRIBUTIONS,
    SHEET_COUNTS,
    SHEET_DELETED_CONTRIBUTIONS,
    SHEET_META,
    SHEET_ORDER,
    SHEET_SESSIONS,
    SHEET_TABLES,
)
from facilitator_app.services.exchange.styled_sheet import ExportError
from facilitator_app.services.exchange.versions_sheet import SHEET_VERSIONS
from facilitator_app.services.exchange.writer import export_workbook
from facilitator_app.storage.database import EventStore
from tests.helpers.rich_event import NASTY_TEXTS, export
from tests.helpers.workbooks import INJECTION, rows_of, sheet_texts


def test_sheets_come_in_the_documented_order(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(demo_path, tmp_path / "d.xlsx", clock)
    workbook = openpyxl.load_workbook(book, read_only=True)
    # The hidden sheet of the record versions comes last (for the merge, not for people).
    assert workbook.sheetnames == [*SHEET_ORDER, SHEET_VERSIONS]
    workbook.close()


def test_contributions_sheet_has_one_row_per_post_it_with_every_tag(
    rich_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(rich_path, tmp_path / "r.xlsx", clock)
    live = {row["id"]: row for row in rows_of(book, SHEET_CONTRIBUTIONS)}
    gone = {row["id"]: row for row in rows_of(book, SHEET_DELETED_CONTRIBUTIONS)}
    with EventStore.open(rich_path, read_only=True) as store:
        posts = store.contributions(include_deleted=True)
        keys = {t.id: t.key for t in store.all(Table)}
        titles = {t.id: t.title for t in store.all(Theme)}
    # People read only live post-its; the deleted ones are kept apart, for the merge.
    assert set(live) == {post.id for post in posts if post.deleted_at is None}
    assert set(gone) == {post.id for post in posts if post.deleted_at is not None} != set()
    assert not any(row["eliminato_il"] for row in live.values())
    rows = live | gone
    for post in posts:
        row = rows[post.id]
        assert unescape_text(row["testo"]) == post.text
        assert row["tavolo"] == keys[post.table_id]
        assert row["sessione"] == post.session
        assert row["tipo"] == (post.kind.label if post.kind else None)
        assert (row["schede"] or "") == "; ".join(post.cards)
        assert (row["zone"] or "") == "; ".join(str(z) for z in post.zones)
        assert (row["collegamenti"] or "") == "; ".join(str(a) for a in post.links)
        assert row["voti"] == post.votes
        theme = titles.get(post.theme_id) if post.theme_id else None
        assert (unescape_text(row["tema"]) if row["tema"] else None) == theme
        assert row["eliminato_il"] == post.deleted_at


def test_participants_sheet_has_counts_by_zone_and_category_and_online_listeners(
    rich_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(rich_path, tmp_path / "r.xlsx", clock)
    rows = {row["id"]: row for row in rows_of(book, SHEET_COUNTS)}
    with EventStore.open(rich_path, read_only=True) as store:
        counts = store.all(ParticipantCount)
        event = store.event()
    assert set(rows) == {c.id for c in counts}
    for count in counts:
        row = rows[count.id]
        assert row["presenti"] == count.present
        assert row["sessione"] == count.session
        for zone, people in count.by_zone.items():
            matching = [h for h in row if h.startswith(f"Z{zone} ")]
            assert row[matching[0]] == people
    workbook = openpyxl.load_workbook(book, read_only=True)
    values = [list(r) for r in workbook[SHEET_COUNTS].iter_rows(values_only=True)]
    workbook.close()
    footer = {r[0]: (r + [None] * 3)[2] for r in values[len(counts) + 2 :] if r and r[0]}
    assert footer["Ascolto online delle plenarie"] == event.online_listeners
    header = values[0]
    assert "Cittadini" in header and "Z9 Eporediese" in header


def test_agenda_and_sessions_show_planned_and_actual_times(
    rich_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(rich_path, tmp_path / "r.xlsx", clock)
    with EventStore.open(rich_path, read_only=True) as store:
        agenda = {a.id: a for a in store.all(AgendaItem)}
        sessions = {s.id: s for s in store.all(Session)}
    for row in rows_of(book, SHEET_AGENDA):
        item = agenda[row["id"]]
        assert (row["inizio"], row["fine"]) == (item.start, item.end)
        if item.actual_start:
            assert row["inizio_effettivo_ora"] == local_hhmm(item.actual_start)
    timed = 0
    for row in rows_of(book, SHEET_SESSIONS):
        session = sessions[row["id"]]
        assert row["inizio_previsto"] == session.planned_start
        if session.actual_start:
            timed += 1
            # 09:23 UTC on 10 November is 10:23 in Turin (CET).
            assert row["inizio_effettivo_ora"] == "10:23"
            assert row["minuti_effettivi"] == 60  # 64 minutes less a closed 4-minute pause
    assert timed == 4


def test_anonymise_blanks_facilitators_and_device(
    rich_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    plain = sheet_texts(export(rich_path, tmp_path / "p.xlsx", clock))
    hidden = sheet_texts(export(rich_path, tmp_path / "a.xlsx", clock, anonymise=True))
    assert any("Łukasz" in text for text in plain.values())
    assert any("pc-prova" in text for text in plain.values())
    assert not any("Łukasz" in text or "Müller-Çelik" in text for text in hidden.values())
    assert not any("pc-prova" in text for text in hidden.values())
    data = read_workbook(tmp_path / "a.xlsx")
    assert data.meta.anonymised and data.meta.device == ""
    assert all(table.facilitator == "" for table in data.records.tables)


def test_table_selection_exports_those_tables_only(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(demo_path, tmp_path / "d.xlsx", clock, table_keys=["asse-5a", "asse-2"])
    data = read_workbook(book)
    assert {t.key for t in data.records.tables} == {"asse-5a", "asse-2"}
    assert data.meta.partial
    with EventStore.open(demo_path, read_only=True) as store:
        ids = {t.id for t in store.all(Table) if t.key in {"asse-5a", "asse-2"}}
        expected = {c.id for c in store.contributions() if c.table_id in ids}
        shared = [c for c in store.all(ParticipantCount) if len(c.table_ids) > 1]
    assert {c.id for c in data.records.contributions} == expected
    # The count shared by tables 5a and 5b cannot be split: it is left out.
    assert shared and all(c.id not in {x.id for x in data.records.counts} for c in shared)
    assert len(data.records.counts) == 1


def test_unknown_table_is_refused(demo_path: Path, tmp_path: Path, clock: FixedClock) -> None:
    with pytest.raises(ValueError, match="nope"):
        export(demo_path, tmp_path / "d.xlsx", clock, table_keys=["nope"])
    assert not (tmp_path / "d.xlsx").exists()


def test_a_text_too_long_for_a_cell_leaves_the_previous_file_intact(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    target = export(demo_path, tmp_path / "d.xlsx", clock)
    before = target.read_bytes()
    with EventStore.open(demo_path) as store:
        store.save(dataclasses.replace(store.event(), premessa="x" * 40_000))
    with pytest.raises(ExportError, match="32767"):
        export(demo_path, target, clock)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_failure_while_writing_leaves_no_file_and_no_open_stream(
    demo_path: Path, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from facilitator_app.services.exchange import writer

    def broken(self: object) -> None:
        raise RuntimeError("disco staccato")

    monkeypatch.setattr(writer._Writer, "themes", broken)
    # A temporary folder of this test's own: other processes' openpyxl files in the shared
    # /tmp (parallel test runs) are not this export's leaks.
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    with pytest.raises(RuntimeError, match="disco staccato"):
        export(demo_path, tmp_path / "d.xlsx", clock)
    assert [p.name for p in tmp_path.iterdir() if "xlsx" in p.name] == []
    assert not [p for p in private_tmp.iterdir() if p.name.startswith("openpyxl.")]


def test_progress_goes_from_zero_to_total(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    calls: list[tuple[int, int, str]] = []
    with EventStore.open(demo_path, read_only=True) as store:
        export_workbook(
            store,
            tmp_path / "d.xlsx",
            clock,
            progress=lambda d, t, label="": calls.append((d, t, label)),
        )
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1]
    assert [d for d, _, _ in calls] == sorted(d for d, _, _ in calls)
    assert {label for _, _, label in calls} >= set(SHEET_ORDER)


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(_soffice() is None, reason="LibreOffice non installato")
def test_libreoffice_opens_the_workbook_and_reads_the_same_values(
    rich_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    with EventStore.open(rich_path) as store:
        posts = store.contributions()
        store.save_all(
            [dataclasses.replace(p, text=t) for p, t in zip(posts[30:], INJECTION, strict=False)]
        )
    book = export(rich_path, tmp_path / "forum.xlsx", clock)
    version = subprocess.run(
        [str(_soffice()), "--version"], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    major, minor = (int(n) for n in re.findall(r"(\d+)\.(\d+)", version)[0])
    assert (major, minor) >= (7, 2), "serve LibreOffice 7.2 o successivo (esporta ogni foglio)"
    out = tmp_path / "csv"
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            str(_soffice()),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(out),
            str(book),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    files = {p.name for p in out.iterdir()}
    assert files == {f"forum-{name}.csv" for name in (*SHEET_ORDER, SHEET_VERSIONS)}

    def table(name: str) -> list[dict[str, str]]:
        with (out / f"forum-{name}.csv").open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    with EventStore.open(rich_path, read_only=True) as store:
        stored = {p.id: p for p in store.contributions(include_deleted=True)}
        event = store.event()
        tables = {t.id: t for t in store.all(Table)}
    seen = {row["id"]: row for row in table(SHEET_CONTRIBUTIONS) if row["id"]}
    gone = {row["id"]: row for row in table(SHEET_DELETED_CONTRIBUTIONS) if row["id"]}
    assert set(seen) == {key for key, post in stored.items() if post.deleted_at is None}
    assert set(gone) == {key for key, post in stored.items() if post.deleted_at is not None}
    seen |= gone
    for key, post in stored.items():
        row = seen[key]
        # LibreOffice writes an embedded CR LF as LF in CSV; everything else is exact.
        assert row["testo"] == post.text.replace("\r\n", "\n"), post.text
        assert row["voti"] == str(post.votes)
        assert row["sessione"] == str(post.session)
        assert row["schede"] == "; ".join(post.cards)
    texts = {row["testo"] for row in seen.values()}
    assert set(INJECTION) <= texts, "a formula was evaluated"
    assert {t for t in NASTY_TEXTS if "\r\n" not in t} <= texts
    meta = {row["chiave"]: row["valore"] for row in table(SHEET_META)}
    assert meta["evento.titolo"] == event.title
    assert meta["sha256"] == read_workbook(book).meta.sha256
    assert {row["id"]: row["facilitatore"] for row in table(SHEET_TABLES)} == {
        k: t.facilitator for k, t in tables.items()
    }


def test_export_time_comes_from_the_clock(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    clock.set(dt.datetime(2024, 3, 31, 1, 30, tzinfo=dt.UTC))
    data = read_workbook(export(demo_path, tmp_path / "d.xlsx", clock))
    assert data.meta.exported_at == to_iso(clock.now())


def test_an_event_without_tables_or_posts_still_exports(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "empty.sqlite"
    now = to_iso(clock.now())
    with EventStore.create(path) as store:
        store.save(Event(new_id(), "Vuoto", "2024-01-01", EventFormat.ZONE, "", "", now, now))
    data = read_workbook(export(path, tmp_path / "e.xlsx", clock))
    assert data.records.event.title == "Vuoto"
    assert data.records.contributions == () and data.records.tables == ()


def test_unwritable_folder_is_a_storage_error_and_leaves_nothing(
    demo_path: Path, tmp_path: Path
) -> None:
    import datetime as dt

    from facilitator_app.domain.clock import FixedClock
    from facilitator_app.domain.errors import StorageError
    from facilitator_app.services.exchange.writer import export_workbook
    from facilitator_app.services.reports.restituzione import export_pdf
    from facilitator_app.storage.database import EventStore

    folder = tmp_path / "uscita"
    folder.mkdir()
    blocker = folder / "un-file"
    blocker.write_text("non una cartella")
    clock = FixedClock(dt.datetime(2023, 11, 10, 12, 0, tzinfo=dt.UTC))
    with EventStore.open(demo_path, read_only=True) as store:
        with pytest.raises(StorageError, match="Impossibile scrivere"):
            export_workbook(store, blocker / "out.xlsx", clock)
        with pytest.raises(StorageError, match="Impossibile scrivere"):
            export_pdf(store, blocker / "out.pdf", clock)
    assert sorted(p.name for p in folder.iterdir()) == ["un-file"]
