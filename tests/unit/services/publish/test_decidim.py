"""Proposals for Decidim's importer and the closing report of the meeting."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest

from facilitator_app.domain.clock import FixedClock, to_iso
from facilitator_app.domain.errors import StorageError
from facilitator_app.domain.model import Theme
from facilitator_app.services.publish.closing import write_closing_report
from facilitator_app.services.publish.decidim import (
    DecidimOptions,
    Granularity,
    write_proposals,
)
from facilitator_app.services.publish.shorten import ELLIPSIS, shorten
from facilitator_app.services.records.event_records import load_records
from facilitator_app.services.records.report import EventReport, build_report
from facilitator_app.storage.database import EventStore


def _report(path: Path) -> EventReport:
    with EventStore.open(path, read_only=True) as store:
        return build_report(load_records(store))


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "a BOM hides title/it from Decidim"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline=""), delimiter=";"))
    return rows[0], rows[1:]


def test_one_proposal_per_theme_with_its_post_its(demo_path: Path, tmp_path: Path) -> None:
    report = _report(demo_path)
    out = tmp_path / "proposte.csv"
    result = write_proposals(report, out, DecidimOptions(body_max=5000))
    header, rows = _rows(out)
    assert header == ["title/it", "body/it"]
    themes = [t for table in report.tables for s in table.sessions for t in s.themes if t.posts]
    assert len(rows) == len(themes) == result.proposals
    first = themes[0]
    assert rows[0][0] == first.theme.title
    for post in first.posts:
        assert f"- {' '.join(post.text.split())}" in rows[0][1]
    assert "sessione 1" in rows[0][1]
    assert result.shortened == ()


def test_default_body_limit_is_decidims_and_every_cut_reported(
    demo_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "proposte.csv"
    result = write_proposals(_report(demo_path), out, DecidimOptions())
    _, rows = _rows(out)
    long_bodies = [n for n, row in enumerate(rows, start=1) if row[1].endswith(ELLIPSIS)]
    assert all(len(row[1]) <= 500 for row in rows)
    assert long_bodies and [s.item for s in result.shortened] == long_bodies
    assert all(s.field == "body" and s.length > 500 == s.limit for s in result.shortened)


def test_per_post_it_only_live_post_its(demo_path: Path, tmp_path: Path, clock: FixedClock) -> None:
    with EventStore.open(demo_path) as store:
        gone = store.contributions()[0]
        gone = dataclasses.replace(
            gone, text="Testo eliminato unico", deleted_at=to_iso(clock.now())
        )
        store.save_all([gone])
    report = _report(demo_path)
    out = tmp_path / "proposte.csv"
    result = write_proposals(report, out, DecidimOptions(per=Granularity.POST_IT))
    _, rows = _rows(out)
    assert len(rows) == report.total_contributions == result.proposals
    assert len(rows) == len(report.records.contributions) - 1
    assert "Testo eliminato unico" not in out.read_text(encoding="utf-8")


def test_long_title_and_body_cut_at_a_word_and_reported(demo_path: Path, tmp_path: Path) -> None:
    long_title = " ".join(["Mobilità sostenibile nelle valli alpine"] * 6)  # 239 characters
    with EventStore.open(demo_path) as store:
        theme = store.all(Theme)[0]
        store.save_all([dataclasses.replace(theme, title=long_title, synthesis="parola " * 100)])
    report = _report(demo_path)
    out = tmp_path / "proposte.csv"
    result = write_proposals(report, out, DecidimOptions(body_max=300))
    _, rows = _rows(out)
    title = next(row[0] for row in rows if row[0].startswith("Mobilità"))
    assert len(title) <= 150 and title.endswith(ELLIPSIS)
    kept = title[: -len(ELLIPSIS)]
    assert long_title.startswith(kept) and long_title[len(kept)] == " "
    assert all(len(row[1]) <= 300 for row in rows)
    titles = [s for s in result.shortened if s.field == "title"]
    assert [(s.length, s.limit) for s in titles] == [(len(long_title), 150)]
    assert "tema «Mobilità" in titles[0].source
    assert any(s.field == "body" and s.item == titles[0].item for s in result.shortened)


def test_formula_like_text_neutralised_in_csv_kept_in_json(demo_path: Path, tmp_path: Path) -> None:
    attack = "=cmd|' /C calc'!A0 e poi testo"
    with EventStore.open(demo_path) as store:
        post = store.contributions()[0]
        store.save_all([dataclasses.replace(post, text=attack)])
    report = _report(demo_path)
    options = DecidimOptions(per=Granularity.POST_IT)
    result = write_proposals(report, tmp_path / "p.csv", options)
    _, rows = _rows(tmp_path / "p.csv")
    cells = [cell for row in rows for cell in row]
    assert "'" + attack in cells and attack not in cells
    assert result.neutralised == 2  # its title and its body
    write_proposals(report, tmp_path / "p.json", options)
    items = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert any(item["title"]["it"] == attack for item in items)


def test_optional_columns_only_when_given(demo_path: Path, tmp_path: Path) -> None:
    report = _report(demo_path)
    options = DecidimOptions(categories={1: 11, 2: 12}, taxonomies={1: (4, 5)}, scope=3)
    write_proposals(report, tmp_path / "p.csv", options)
    header, rows = _rows(tmp_path / "p.csv")
    assert header == ["title/it", "body/it", "category/id", "taxonomies/ids", "scope/id"]
    by_table = {row[0]: row for row in rows}
    axis_one = next(t for t in report.tables if t.table.axis == 1)
    first_theme = axis_one.sessions[0].themes[0].theme.title
    assert by_table[first_theme][2:] == ["11", "4,5", "3"]
    assert {row[2] for row in rows} == {"11", "12", ""}
    write_proposals(report, tmp_path / "p.json", options)
    items = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert items[0] == {
        "title": {"it": first_theme},
        "body": {"it": items[0]["body"]["it"]},
        "category": {"id": 11},
        "taxonomies": {"ids": [4, 5]},
        "scope": {"id": 3},
    }


def test_unwritable_destination_leaves_nothing(demo_path: Path, tmp_path: Path) -> None:
    report = _report(demo_path)
    blocker = tmp_path / "un-file"
    blocker.write_text("non una cartella", encoding="utf-8")
    with pytest.raises(StorageError) as raised:
        write_proposals(report, blocker / "p.csv", DecidimOptions())
    assert "p.csv" in str(raised.value.params.get("target", "")) or "p.csv" in str(raised.value)
    left = [p.name for p in tmp_path.rglob("*") if not p.name.startswith("demo.sqlite")]
    assert left == ["un-file"]


def test_unknown_extension_refused(demo_path: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"csv o \.json"):
        write_proposals(_report(demo_path), tmp_path / "p.txt", DecidimOptions())
    assert not (tmp_path / "p.txt").exists()


def test_closing_report_fields_and_figures(demo_path: Path, tmp_path: Path) -> None:
    report = _report(demo_path)
    out = tmp_path / "chiusura.txt"
    result = write_closing_report(report, out, proposals=12)
    text = out.read_text(encoding="utf-8")
    for field in ("closing_report", "attendees_count", "contributions_count"):
        assert f"({field}) ==" in text
    assert "(attending_organizations) ==" in text and "compilare a mano" in text
    people = report.in_presence if report.in_presence is not None else report.people_at_tables
    assert result.attendees.people == people
    lines = text.splitlines()
    assert lines[lines.index("== Numero di partecipanti (attendees_count) ==") + 1] == str(people)
    count_at = lines.index("== Numero di contributi (contributions_count) ==") + 1
    assert lines[count_at] == str(report.total_contributions)
    for table in report.tables:
        assert f"Tavolo {table.table.key}: {table.table.name}" in text
        for theme in table.sessions[0].themes:
            assert f"- {theme.theme.title} ({len(theme.posts)} contributi)" in text
    assert "le 12 proposte" in text


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("breve", 10, "breve"),
        ("uno due tre quattro", 12, "uno due tre…"),
        ("uno due, tre", 10, "uno due…"),
        ("unasolaparolalunghissima", 10, "unasolapa…"),
    ],
)
def test_shorten_at_word_boundary(text: str, limit: int, expected: str) -> None:
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit
