"""One question, one answer: every output gives the same figure for every total.

A zones day with uneven tallies (the case where the outputs used to disagree): a table
whose two sessions tallied different zones, a table with a day count lower than a
session's, two tables sharing one count (and one of them also counted alone), a table
with no zone tally. The expected figures are worked out by hand from the rules in
docs/COUNTING.md, then read back from `info`, `aggregate`, the PDF restituzione, the
workbook and the plenary slides, all through the command line as a coordinator would.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from facilitator_app.cli.common import EXIT_OK
from facilitator_app.domain.clock import FixedClock, to_iso
from facilitator_app.domain.model import Contribution, ParticipantCount, Table, new_id
from facilitator_app.services.setup.templates import bundled_templates, create_event
from facilitator_app.storage.database import EventStore
from tests.helpers.cli import run as run_cli


def _clock() -> FixedClock:
    return FixedClock(dt.datetime(2023, 12, 5, 9, 0, tzinfo=dt.UTC))


# Worked out by hand (docs/COUNTING.md):
#   zona-7: session 1 33 {7: 10, 8: 2}, session 2 15 {7: 13, 4: 2}  -> 33, origin {7: 10, 8: 2}
#   zona-8: day 20 {8: 20}, session 1 25 {8: 5}                     -> 20 (the day's count)
#   zona-9 + zona-10 together: session 1 30 {9: 12, 10: 18}          -> 30, once
#   zona-9 alone: session 2 14                                       -> dropped (inside the shared count)
#   zona-1: session 2 12, no zone tally                              -> 12
AT_TABLES = 33 + 20 + 30 + 12
ORIGIN = {7: 10, 8: 2 + 20, 9: 12, 10: 18}
TALLIED = sum(ORIGIN.values())
PER_TABLE = {"zona-7": 33, "zona-8": 20, "zona-9": 30, "zona-10": 30, "zona-1": 12}
PER_VENUE = {
    "Comune di Ciriè": 33 + 20,
    "Comune di Strambino": 30,
    "Città metropolitana di Torino": 12,
}
PER_ZONE = {7: 33, 8: 20, 9: 30, 10: 30, 1: 12}
POSTS = {("zona-7", 1): 3, ("zona-7", 2): 2, ("zona-9", 1): 1}
LIVE_POSTS = sum(POSTS.values())


def run(*args: str) -> str:
    code, printed = run_cli(*args)
    assert code == EXIT_OK, printed
    return printed


@pytest.fixture(scope="module")
def event_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("zones") / "giornata.sqlite"
    clock = _clock()
    now = to_iso(clock.now())
    with EventStore.create(path) as store:
        create_event(store, bundled_templates()["zone-omogenee"], clock)
        tables = {t.key: t for t in store.all(Table)}
        event_id = store.event().id

        def count(
            keys: tuple[str, ...], session: int | None, present: int | None, zones: dict[int, int]
        ) -> ParticipantCount:
            return ParticipantCount(
                new_id(),
                event_id,
                tuple(tables[k].id for k in keys),
                now,
                now,
                session=session,
                present=present,
                by_zone=zones,
            )

        records: list[object] = [
            count(("zona-7",), 1, 33, {7: 10, 8: 2}),
            count(("zona-7",), 2, 15, {7: 13, 4: 2}),
            count(("zona-8",), None, 20, {8: 20}),
            count(("zona-8",), 1, 25, {8: 5}),
            count(("zona-9", "zona-10"), 1, 30, {9: 12, 10: 18}),
            count(("zona-9",), 2, 14, {}),
            count(("zona-1",), 2, 12, {}),
        ]
        position = 0
        for (key, session), many in POSTS.items():
            for n in range(many):
                position += 1
                records.append(
                    Contribution(
                        new_id(),
                        tables[key].id,
                        session,
                        f"Proposta {key} {session} {n}",
                        now,
                        now,
                        position=position,
                    )
                )
        records.append(
            Contribution(
                new_id(),
                tables["zona-8"].id,
                1,
                "cancellato",
                now,
                now,
                position=position + 1,
                deleted_at=now,
            )
        )
        store.save_all(records)
    return path


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_info_gives_the_totals(event_file: Path) -> None:
    printed = run("info", str(event_file))
    assert f"Ai tavoli: {AT_TABLES} " in printed
    assert f"Contributi: {LIVE_POSTS}" in printed
    for key, people in PER_TABLE.items():
        number = key.removeprefix("zona-")
        line = next(x for x in printed.splitlines() if f"Zona {number} - " in x)
        assert f"presenti {people}" in line, line
    assert "conteggio comune" in next(x for x in printed.splitlines() if "Zona 9 - " in x)


def test_aggregate_gives_the_same_totals(event_file: Path) -> None:
    printed = run("aggregate", str(event_file))
    assert f"Ai tavoli: {AT_TABLES}" in printed
    for venue, people in PER_VENUE.items():
        assert f"  {venue}: {people} persone" in printed
    for zone, people in PER_ZONE.items():
        assert f"  Zona {zone}: {people} persone" in printed
    origin = ", ".join(f"Zona {z}: {n}" for z, n in ORIGIN.items())
    assert f"({TALLIED} su {AT_TABLES} presenti): {origin}" in printed
    assert "quello della giornata se c'è" in printed  # the rule is stated next to the totals


def test_the_pdf_gives_the_same_totals(event_file: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    run("export", str(event_file), "--pdf", str(pdf))
    text = _flat(
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
        ).stdout.decode()
    )
    assert f"ai tavoli {AT_TABLES} persone" in text
    assert f"Ripartite {TALLIED} persone su {AT_TABLES} presenti" in text
    for key, people in PER_TABLE.items():
        number = key.removeprefix("zona-")
        found = re.findall(rf"Zona {number} - .{{0,150}}?Persone al tavolo: (\d+)", text)
        assert found == [str(people)], key
    layout = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode()
    for zone, people in ORIGIN.items():
        assert re.search(rf"^\s*{zone} [^\n]*?\s{people}\s*$", layout, re.M), zone


def test_the_workbook_gives_the_same_totals(event_file: Path, tmp_path: Path) -> None:
    book = tmp_path / "r.xlsx"
    run("export", str(event_file), "--xlsx", str(book))
    workbook = openpyxl.load_workbook(book, read_only=True)
    rows = [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]
    workbook.close()
    facts = {row[0]: row[1] for row in rows if len(row) > 1 and row[0]}
    assert facts["Persone ai tavoli"] == AT_TABLES
    assert facts["Contributi"] == LIVE_POSTS
    by_key = {row[0]: row for row in rows if row and row[0] in PER_TABLE}
    assert {key: row[4] for key, row in by_key.items()} == PER_TABLE
    total = next(row for row in rows if row and row[0] == "Totale")
    assert total[4] == AT_TABLES
    assert total[5] + total[6] == LIVE_POSTS


def test_the_slides_give_the_same_totals(event_file: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "s.pdf"
    run("slides", str(event_file), "--pdf", str(pdf))
    pages = [_flat(page.extract_text() or "") for page in PdfReader(pdf).pages]
    deck = " ".join(pages)
    assert f"{AT_TABLES} persone ai tavoli" in deck
    origin_page = next(p for p in pages if "zona di provenienza" in p)
    for zone, people in ORIGIN.items():
        assert re.search(rf"\b{zone} [A-Z][^0-9]*?\b{people}\b", origin_page), (zone, origin_page)
