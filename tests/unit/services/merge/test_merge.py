from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pytest

from facilitator_app.domain.clock import to_iso
from facilitator_app.domain.model import Contribution, ParticipantCount, Table, new_id
from facilitator_app.services.merge import engine as merge
from facilitator_app.services.setup.templates import bundled_templates, create_event
from facilitator_app.storage import bookkeeping
from facilitator_app.storage.database import EventStore
from tests.helpers.zones import day_clock, fill_venue_files
from tests.helpers.zones import venue_files as zone_venue_files

VENUES = [
    "Città metropolitana di Torino",
    "Comune di Pinerolo",
    "Comune di Condove",
    "Comune di Ciriè",
    "Comune di Strambino",
    "Comune di Riva presso Chieri",
]


_clock = day_clock


@pytest.fixture
def venue_files(tmp_path: Path) -> list[Path]:
    """Six venue files of a zones-format event, each with counts and post-its per zone."""
    files = zone_venue_files(tmp_path, VENUES)
    fill_venue_files(files)
    return files


def test_six_venue_files_merge_into_eleven_zones(venue_files: list[Path], tmp_path: Path) -> None:
    merged = tmp_path / "unito.sqlite"
    results = merge.merge_files(merged, venue_files, _clock(40))
    assert [r.status for r in results] == [merge.STATUS_IMPORTED] * 6
    with EventStore.open(merged, read_only=True) as store:
        tables = store.all(Table)
        assert sorted(z for t in tables for z in t.zones) == list(range(1, 12))
        assert store.count(Contribution) == 11 * 2 * 5
        counts = store.all(ParticipantCount)
        assert sum(c.present or 0 for c in counts if c.session == 1) == sum(
            10 + z for z in range(1, 12)
        )
        prov = bookkeeping.provenance(store)
        post = store.all(Contribution)[0]
        row = prov[("Contribution", post.id)]
        assert row["source_file"].startswith("sede-") and row["facilitator"].startswith(
            "Facilitatore"
        )
        assert (
            row["venue"] in VENUES
            and row["source_sha256"]
            == hashlib.sha256((tmp_path / row["source_file"]).read_bytes()).hexdigest()
        )


def test_re_merging_changes_nothing(venue_files: list[Path], tmp_path: Path) -> None:
    merged = tmp_path / "unito.sqlite"
    merge.merge_files(merged, venue_files, _clock(40))
    before = merged.read_bytes()
    again = merge.merge_files(merged, venue_files, _clock(50))
    assert {r.status for r in again} == {merge.STATUS_ALREADY}
    assert merged.read_bytes() == before


def test_bad_files_are_refused_while_the_others_go_in(
    venue_files: list[Path], tmp_path: Path
) -> None:
    text = tmp_path / "appunti.xlsx"
    text.write_text("non è un foglio")
    other = tmp_path / "altro.sqlite"
    with EventStore.create(other) as store:
        create_event(store, bundled_templates()["forum-assi"], _clock(0))
    empty = tmp_path / "vuoto.sqlite"
    empty.write_bytes(b"")
    merged = tmp_path / "unito.sqlite"
    results = merge.merge_files(
        merged, [venue_files[0], text, other, empty, venue_files[1]], _clock(40)
    )
    by_file = {r.file: r for r in results}
    assert (
        by_file["appunti.xlsx"].refused
        and "né una cartella di lavoro esportata" in by_file["appunti.xlsx"].reason
    )
    assert by_file["altro.sqlite"].refused and "altro evento" in by_file["altro.sqlite"].reason
    assert by_file["vuoto.sqlite"].refused and "vuoto" in by_file["vuoto.sqlite"].reason
    assert by_file[venue_files[1].name].status == merge.STATUS_IMPORTED
    with EventStore.open(merged, read_only=True) as store:
        assert store.count(Table) == 4 + 1  # Torino's four zones and Pinerolo


def test_newer_export_updates_and_a_double_edit_is_a_logged_conflict(
    venue_files: list[Path], tmp_path: Path
) -> None:
    merged = tmp_path / "unito.sqlite"
    venue = venue_files[1]
    merge.merge_files(merged, [venue], _clock(40))
    with EventStore.open(venue) as store:
        posts = store.all(Contribution)
        first, second, third = posts[0], posts[1], posts[2]
        store.save(
            dataclasses.replace(
                first, text="Testo corretto al tavolo", updated_at=to_iso(_clock(45).now())
            ),
            dataclasses.replace(
                third, deleted_at=to_iso(_clock(45).now()), updated_at=to_iso(_clock(45).now())
            ),
        )
    # The coordinator edits the second post-it in the merged file, later than the venue does.
    with EventStore.open(venue) as store:
        store.save(
            dataclasses.replace(
                second, text="Versione della sede", updated_at=to_iso(_clock(46).now())
            )
        )
    with EventStore.open(merged) as store:
        store.save(
            dataclasses.replace(
                second, text="Versione del coordinamento", updated_at=to_iso(_clock(47).now())
            )
        )
    result = merge.merge_files(merged, [venue], _clock(50))[0]
    assert result.status == merge.STATUS_CONFLICTS
    assert result.updated == 2 and len(result.conflicts) == 1
    with EventStore.open(merged, read_only=True) as store:
        assert store.get(Contribution, first.id).text == "Testo corretto al tavolo"  # type: ignore[union-attr]
        assert store.get(Contribution, second.id).text == "Versione del coordinamento"  # type: ignore[union-attr]
        assert store.get(Contribution, third.id).deleted  # type: ignore[union-attr]
        logged = bookkeeping.conflicts(store)
        assert len(logged) == 1 and logged[0]["record_id"] == second.id
        # Shown: the latest of the two versions, the coordinator's.
        assert logged[0]["kept_version"] == to_iso(_clock(47).now())


def test_deleted_post_its_stay_deleted(venue_files: list[Path], tmp_path: Path) -> None:
    merged = tmp_path / "unito.sqlite"
    venue = venue_files[2]
    merge.merge_files(merged, [venue], _clock(40))
    with EventStore.open(merged) as store:
        post = store.all(Contribution)[0]
        store.save(
            dataclasses.replace(
                post, deleted_at=to_iso(_clock(41).now()), updated_at=to_iso(_clock(41).now())
            )
        )
    with EventStore.open(venue) as store:  # the table edits it later, unaware of the deletion
        store.save(
            dataclasses.replace(post, text="modificato", updated_at=to_iso(_clock(42).now()))
        )
    merge.merge_files(merged, [venue], _clock(50))
    with EventStore.open(merged, read_only=True) as store:
        kept = store.get(Contribution, post.id)
        assert kept is not None and kept.deleted and kept.text == "modificato"


def test_a_damaged_reference_refuses_the_file(venue_files: list[Path], tmp_path: Path) -> None:
    venue = venue_files[3]
    with EventStore.open(venue) as store:
        post = store.all(Contribution)[0]
        store.save(dataclasses.replace(post, table_id="tavolo-inesistente"))
    result = merge.merge_files(tmp_path / "unito.sqlite", [venue], _clock(40))[0]
    assert result.refused and "tavolo inesistente" in result.reason
    assert not (tmp_path / "unito.sqlite").exists()


def test_merged_zones_event_totals_and_card_coverage(
    venue_files: list[Path], tmp_path: Path
) -> None:
    from facilitator_app.domain.model import TableCard
    from facilitator_app.services.records.event_records import load_records
    from facilitator_app.services.records.report import build_report

    with EventStore.open(venue_files[1]) as store:  # Pinerolo puts strategy 6.1 in play
        table = store.all(Table)[0]
        now = to_iso(_clock(30).now())
        store.save(TableCard(new_id(), table.id, "6.1", now, now, session=1, votes=3))
    merged = tmp_path / "unito.sqlite"
    merge.merge_files(merged, venue_files, _clock(40))
    with EventStore.open(merged, read_only=True) as store:
        result = build_report(load_records(store))
    assert [z.label for z in result.zones] == [f"Zona {n}" for n in range(1, 12)]
    assert [z.people for z in result.zones] == [10 + n for n in range(1, 12)]
    assert result.people_at_tables == sum(10 + n for n in range(1, 12))
    venue_people = {v.label: v.people for v in result.venues}
    assert venue_people["Comune di Strambino"] == (10 + 9) + (10 + 10)
    assert result.origin_by_zone == {n: 8 + n for n in range(1, 12)}
    everywhere = [c.code for c in result.discussed_everywhere]
    assert everywhere == ["3.1"]  # every zone tagged post-its with 3.1
    coverage = {c.card.code: c for c in result.coverage}
    assert coverage["6.1"].groups == ("Zona 5",) and coverage["6.1"].votes == 3
    assert "2.1" in [c.code for c in result.discussed_nowhere]


def test_demo_axis_five_is_aggregated_over_its_two_tables(demo_path: Path) -> None:
    from facilitator_app.services.records.event_records import load_records
    from facilitator_app.services.records.report import build_report

    with EventStore.open(demo_path, read_only=True) as store:
        result = build_report(load_records(store))
    axes = {a.label: a for a in result.axes}
    assert axes["Asse 5"].people == 26 and len(axes["Asse 5"].tables) == 2
    assert [axes[f"Asse {n}"].people for n in (1, 2, 3, 4, 6)] == [21, 22, 20, 17, 13]
    assert result.people_at_tables == 119 and result.in_presence == 125 and result.online == 68


def test_merged_report_has_a_section_per_venue_with_all_eleven_zones(
    venue_files: list[Path], tmp_path: Path
) -> None:
    import subprocess

    from facilitator_app.services.reports.restituzione import export_pdf

    merged = tmp_path / "unito.sqlite"
    merge.merge_files(merged, venue_files, _clock(40))
    pdf = tmp_path / "restituzione.pdf"
    with EventStore.open(merged, read_only=True) as store:
        export_pdf(store, pdf, _clock(50))
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    chapter = text[text.index("RESTITUZIONE DEI TEMI EMERSI") :]
    for venue in VENUES:
        assert f"Sede: {venue}" in chapter
    assert (
        chapter.index("Sede: Comune di Pinerolo")
        < chapter.index("Zona 5 - Pinerolese")
        < chapter.index("Sede: Comune di Condove")
    )
    assert (
        chapter.index("Sede: Comune di Strambino")
        < chapter.index("Zona 9 - Eporediese")
        < chapter.index("Zona 10 - Chivassese")
    )
    for zone in range(1, 12):
        assert f"Zona {zone}, sessione 1, post-it 0" in text
