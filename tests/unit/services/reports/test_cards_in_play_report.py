"""The cards a table put in play, in the restituzione: code, title, votes and place.

And the counting rules stated beside the totals (people, online listeners, post-its).

The place follows counting rule 6 (equal votes share a place); a zones day's first
session, which is about the cards, says so when a table put none in play.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.counting import COUNTING_NOTE_EN, card_places
from facilitator_app.services.capture.cards_in_play import TableCardsService
from facilitator_app.services.common.pdf_style import format_int
from facilitator_app.services.common.texts import Texts
from facilitator_app.services.records.event_records import load_records
from facilitator_app.services.records.report import build_report
from facilitator_app.services.reports.restituzione import export_pdf
from facilitator_app.services.setup.templates import bundled_templates, create_event
from facilitator_app.storage.database import EventStore

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler mancante")


def pdf_text(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, timeout=60, check=True
    )
    return " ".join(done.stdout.decode("utf-8").split())


def vote(store: EventStore, clock: FixedClock, table_key: str, votes: dict[str, int]) -> None:
    """Put cards in play at a table's first session, each with these many votes."""
    service = TableCardsService(store, clock)
    table = next(t for t in store.tables() if t.key == table_key)
    for code, count in votes.items():
        service.put_in_play(table.id, code, 1)
        for _ in range(count):
            service.vote(table.id, code, 1)


def section(text: str, start: str, end: str) -> str:
    """The text between the last ``start`` before the appendix and the next ``end``."""
    body = text[: text.index("APPENDICE")]
    first = body.rindex(start)
    return body[first : body.index(end, first + len(start))]


@pytest.mark.parametrize("language", ["it", "en"])
def test_each_card_in_play_with_title_votes_and_shared_places(
    demo_path: Path, tmp_path: Path, clock: FixedClock, language: str
) -> None:
    with EventStore.open(demo_path) as store:
        edition = store.event().card_edition
        titles = {c.code: c.title for c in store.cards(edition)}
        codes = [c for c in sorted(titles) if c.count(".") == 1][:4]
        votes = dict(zip(codes, [2, 3, 2, 0], strict=True))
        vote(store, clock, "asse-2", votes)
        table = next(t for t in store.tables() if t.key == "asse-2")
        pdf = tmp_path / "r.pdf"
        export_pdf(store, pdf, clock, texts=Texts(language))
    text = pdf_text(pdf)
    if language == "en":
        text = text.replace("Session", "Sessione").replace("APPENDIX", "APPENDICE")
    cards = section(text, table.name, "Sessione 2")
    places = card_places(votes)
    assert places == {codes[1]: 1, codes[0]: 2, codes[2]: 2}  # the tie shares place 2
    for code in codes:
        assert code in cards
        assert " ".join(titles[code].split()) in cards, code
    # best first: 3 votes, then the two with 2, then the card without votes (no place)
    shown = [cards.index(f" {code} ") for code in (codes[1], codes[0], codes[2], codes[3])]
    assert shown == sorted(shown)
    assert f"1 {codes[1]} " in cards and f"2 {codes[0]} " in cards and f"2 {codes[2]} " in cards
    assert f"— {codes[3]} " in cards
    rule = "un voto vale per quella scheda" if language == "it" else "a vote counts for that card"
    assert rule in cards


def test_a_zones_day_says_when_a_table_put_no_card_in_play(
    tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "zone.sqlite"
    with EventStore.create(path) as store:
        create_event(store, bundled_templates()["zone-omogenee"], clock)
    with EventStore.open(path) as store:
        tables = store.tables()
        edition = store.event().card_edition
        code = sorted(c.code for c in store.cards(edition) if c.code.count(".") == 1)[0]
        vote(store, clock, tables[0].key, {code: 1})
        export_pdf(store, tmp_path / "z.pdf", clock)
    text = pdf_text(tmp_path / "z.pdf")
    # session 1 of every other table; never session 2, which is not about the cards
    assert text.count("Nessuna scheda in gioco") == len(tables) - 1
    assert code in section(text, tables[0].name, "Sessione 2")


def test_an_event_without_cards_in_play_has_no_cards_line(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    with EventStore.open(demo_path, read_only=True) as store:
        export_pdf(store, tmp_path / "r.pdf", clock)
    text = pdf_text(tmp_path / "r.pdf")
    assert "Nessuna scheda in gioco" not in text
    assert "Schede in gioco" not in text


@pytest.mark.parametrize("language", ["it", "en"])
def test_counting_rules_stand_beside_the_totals(
    demo_path: Path, tmp_path: Path, clock: FixedClock, language: str
) -> None:
    with EventStore.open(demo_path, read_only=True) as store:
        report = build_report(load_records(store))
        export_pdf(store, tmp_path / "r.pdf", clock, texts=Texts(language))
    text = pdf_text(tmp_path / "r.pdf")
    posts = format_int(report.total_contributions)
    if language == "it":
        lines = [
            (
                f"{report.online} collegate online alle plenarie.",
                "Regola di conteggio: le persone online",
            ),
            (f"Tutti i {posts} contributi", "Regola di conteggio: contano i post-it sulla lavagna"),
            (f"ai tavoli {report.people_at_tables} persone", report.counting_note),
        ]
    else:
        lines = [
            (f"{report.online} online", "Counting rule: the people online"),
            (f"All the {posts} contributions", "Counting rule: the post-its on the board count"),
            (f"{report.people_at_tables} people took part", COUNTING_NOTE_EN),
        ]
    for total, rule in lines:  # the rule is the next thing after the total's paragraph
        after = text.index(total)
        assert text.index(rule, after) - after < 300, (total, rule)
