"""The parts of the workbook written for people: the summary and the cards' tallies."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.counting import table_presence
from facilitator_app.domain.model import ParticipantCount, StrategyCard, Table, TableCard
from facilitator_app.services.exchange.sheets import SHEET_CARDS, SHEET_SUMMARY
from facilitator_app.storage.database import EventStore
from tests.helpers.rich_event import export
from tests.helpers.workbooks import rows_of


def test_cards_sheet_counts_post_its_and_votes_per_table_and_session(
    rich_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(rich_path, tmp_path / "r.xlsx", clock)
    rows = {row["codice"]: row for row in rows_of(book, SHEET_CARDS)}
    with EventStore.open(rich_path, read_only=True) as store:
        event = store.event()
        posts = store.contributions()
        tables = store.tables()
        votes = store.all(TableCard)
        codes = {c.code for c in store.all(StrategyCard)}
    assert set(rows) == codes
    assert any(post.cards for post in posts), "the event must cite some cards"
    for code, row in rows.items():
        assert row["edizione"] == event.card_edition
        cited = [p for p in posts if code in p.cards]
        assert row["contributi"] == len(cited)
        assert row["voti"] == sum(v.votes for v in votes if v.code == code)
        below = [p for p in posts if any(c == code or c.startswith(code + ".") for c in p.cards)]
        assert row["contributi_con_sottoschede"] == len(below)
        played = [v for v in votes if v.code == code or v.code.startswith(code + ".")]
        # docs/COUNTING.md: discussed when tagged (itself or a card below) or put in play
        assert row["discussa"] == ("sì" if below or played else "no")
        for table in tables:
            for session in (1, 2):
                expected = sum(1 for p in cited if p.table_id == table.id and p.session == session)
                assert row[f"{table.key} S{session} contributi"] == expected
                given = sum(
                    v.votes
                    for v in votes
                    if v.code == code and v.table_id == table.id and v.session == session
                )
                assert row[f"{table.key} S{session} voti"] == given
    assert any(row["discussa"] == "no" for row in rows.values())


def test_summary_has_tables_totals_and_two_charts(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(demo_path, tmp_path / "d.xlsx", clock)
    with zipfile.ZipFile(book) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 2
    workbook = openpyxl.load_workbook(book, read_only=True)
    values = [list(r) for r in workbook[SHEET_SUMMARY].iter_rows(values_only=True)]
    workbook.close()
    with EventStore.open(demo_path, read_only=True) as store:
        tables = store.all(Table)
        presence = {k: v.people for k, v in table_presence(store.all(ParticipantCount)).items()}
        total_posts = len(store.contributions())
    by_key = {row[0]: row for row in values if row and row[0] in {t.key for t in tables}}
    assert set(by_key) == {t.key for t in tables}
    for table in tables:
        assert by_key[table.key][4] == presence.get(table.id)
    totals = next(row for row in values if row and row[0] == "Totale")
    assert totals[5] + totals[6] == total_posts
    facts = {row[0]: row[1] for row in values if len(row) > 1 and row[0]}
    assert facts["Data"] == "venerdì 10 novembre 2023"
    assert facts["Ascolto online"] == 68
