"""The plenary deck: slides from the data, fitting rules, hidden slides, pinned post-its."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import (
    Session,
    Table,
    Theme,
    new_id,
)
from facilitator_app.services.common.pdf_style import text_width
from facilitator_app.services.merge import engine as merge
from facilitator_app.services.plenary import deck as P
from facilitator_app.services.records.event_records import EventRecords, load_records
from facilitator_app.storage.database import EventStore
from tests.helpers.zones import day_clock, fill_venue_files
from tests.helpers.zones import venue_files as zone_venue_files

VENUES = ["Città metropolitana di Torino", "Comune di Pinerolo", "Comune di Ciriè"]
LONG_POST_IT = ("Servono trasporti pubblici più frequenti nelle valli " * 20)[:1000].strip()


_clock = day_clock


def snapshot_of(path: Path, tables: list[str] | None = None) -> EventRecords:
    with EventStore.open(path, read_only=True) as store:
        return load_records(store, tables)


@pytest.fixture
def merged_zones(tmp_path: Path) -> Path:
    """A zones-format event merged from three venue files, with counts and post-its."""
    files = zone_venue_files(tmp_path, VENUES)
    fill_venue_files(
        files,
        "Zona {zone}: trasporto pubblico e servizi nelle valli, idea {n}",
        extra_by_zone={1: 1},
        themed=True,
    )
    merged = tmp_path / "unito.sqlite"
    results = merge.merge_files(merged, files, _clock(40))
    assert all(r.status == merge.STATUS_IMPORTED for r in results)
    return merged


def all_problems(deck: list[P.Slide]) -> list[str]:
    shown = P.visible(deck)
    found: list[str] = []
    for number, slide in enumerate(shown, start=1):
        layout = P.layout_slide(slide, number, len(shown))
        found += [f"{slide.key}: {p}" for p in layout.problems()]
        # Measured again, independently, with the font metrics of each run.
        for run in layout.runs:
            width = text_width(run.text, run.font, run.size)
            if run.x + width > P.WIDTH - P.MARGIN_X + 0.5 or run.size < P.MIN_FONT:
                found.append(f"{slide.key}: {run.text!r}")
    return found


def test_demo_deck_has_every_kind_and_every_table_session(demo_path: Path) -> None:
    snapshot = snapshot_of(demo_path)
    deck = P.build_deck(snapshot)
    assert {s.kind for s in deck} == set(P.KINDS)
    assert deck[0].kind == P.TITLE and deck[-1].kind == P.CLOSING
    assert deck[0].heading == snapshot.event.title
    assert "venerdì 10 novembre 2023" in [i.text for i in deck[0].items]
    for table in snapshot.tables:
        keys = [s.key for s in deck if s.table_key == table.key]
        assert keys[0] == f"table:{table.key}"
        for number in (1, 2):
            assert f"table:{table.key}:{number}:themes" in keys
            assert f"table:{table.key}:{number}:voices" in keys
    themes = next(s for s in deck if s.key == "table:asse-3:2:themes")
    assert themes.subtitle == "A quali esigenze dovrebbe rispondere il PSM 2024-26?"
    assert len([i for i in themes.items if i.role == "theme"]) == P.TOP_THEMES
    voices = next(s for s in deck if s.key == "table:asse-3:2:voices")
    assert 2 <= len(voices.items) <= 3
    assert all(i.text.startswith("«") and i.ref for i in voices.items)
    participation = deck[1]
    assert participation.chart is not None
    assert len(participation.chart.bars) == len(snapshot.tables)
    assert "125 in presenza" in participation.items[0].text
    crosscutting = next(s for s in deck if s.kind == P.CROSSCUTTING)
    assert (
        crosscutting.items[0].text
        == "Competenze di CMT e coordinamento delle politiche territoriali"
    )
    assert all_problems(deck) == []


def test_top_themes_by_votes_then_size(demo_path: Path) -> None:
    with EventStore.open(demo_path) as store:
        table = next(t for t in store.all(Table) if t.key == "asse-1")
        themes = store.all(Theme, "table_id = ? and session = 1", [table.id], order_by="position")
        posts = store.contributions(table.id, 1)
        smallest = min(themes, key=lambda t: sum(p.theme_id == t.id for p in posts))
        voted = next(p for p in posts if p.theme_id == smallest.id)
        store.save(dataclasses.replace(voted, votes=5))
    deck = P.build_deck(snapshot_of(demo_path))
    slide = next(s for s in deck if s.key == "table:asse-1:1:themes")
    ranked = [i for i in slide.items if i.role == "theme"]
    assert ranked[0].ref == smallest.id and "5 voti" in ranked[0].detail
    sizes = [int(i.detail.split()[0]) for i in ranked[1:]]
    assert sizes == sorted(sizes, reverse=True)
    voices = next(s for s in deck if s.key == "table:asse-1:1:voices")
    assert voices.items[0].ref == voted.id  # one post-it of the top theme, the most voted


def test_hidden_slides_and_pinned_post_its(demo_path: Path) -> None:
    snapshot = snapshot_of(demo_path)
    posts = [p for p in snapshot.live_contributions() if p.session == 1]
    table = snapshot.table_by_id[posts[-1].table_id]
    deck = P.build_deck(
        snapshot, hidden={"participation", f"table:{table.key}:2:voices"}, pinned={posts[-1].id}
    )
    shown = P.visible(deck)
    assert len(shown) == len(deck) - 2
    assert all(s.kind != P.PARTICIPATION for s in shown)
    voices = next(s for s in deck if s.key == f"table:{table.key}:1:voices")
    assert voices.items[0].ref == posts[-1].id and voices.pinned == (posts[-1].id,)
    assert (posts[-1].id, posts[-1].text) in voices.candidates


def test_no_text_overflows_with_the_longest_and_a_1000_character_post_it(
    demo_path: Path,
) -> None:
    snapshot = snapshot_of(demo_path)
    longest = max(snapshot.live_contributions(), key=lambda p: len(p.text))
    with EventStore.open(demo_path) as store:
        long_one = dataclasses.replace(longest, id=new_id(), text=LONG_POST_IT, position=999)
        store.save(long_one)
    snapshot = snapshot_of(demo_path)
    deck = P.build_deck(snapshot, pinned={longest.id, long_one.id})
    table = snapshot.table_by_id[longest.table_id].key
    parts = [s for s in deck if s.base_key == f"table:{table}:{longest.session}:voices"]
    assert len(parts) >= 2 and parts[1].title.endswith("(segue)")
    assert [s.part for s in parts] == list(range(1, len(parts) + 1))
    # Every word of both post-its is on the slides, in order, none cut.
    shown = " ".join(
        run.text
        for s in parts
        for run in P.layout_slide(s, 1, 1).runs
        if run.color == P.INK and run.font == P.FONT  # the post-its, not footers or kinds
    )
    assert " ".join(f"«{LONG_POST_IT}»".split()) in " ".join(shown.split())
    assert " ".join(f"«{longest.text}»".split()) in " ".join(shown.split())
    assert all(s.body_size >= P.MIN_FONT for s in deck)
    assert all_problems(deck) == []


def test_long_question_and_long_names_shrink_or_continue(demo_path: Path) -> None:
    with EventStore.open(demo_path) as store:
        table = next(t for t in store.all(Table) if t.key == "asse-2")
        session = next(s for s in store.all(Session) if s.table_id == table.id and s.number == 1)
        store.save(
            dataclasses.replace(session, question="Quali lezioni possiamo imparare? " * 30),
            dataclasses.replace(table, name="Asse 2 - " + "Transizione ecologica e verde " * 8),
        )
    deck = P.build_deck(snapshot_of(demo_path))
    themes = [s for s in deck if s.base_key == "table:asse-2:1:themes"]
    assert len(themes) >= 2
    assert all_problems(deck) == []


def test_merged_zones_event_has_venues_zones_and_eleven_tables(merged_zones: Path) -> None:
    snapshot = snapshot_of(merged_zones)
    deck = P.build_deck(snapshot)
    charts = {s.key: s.chart for s in deck if s.chart is not None}
    assert set(charts) >= {"participation", "participation:venues", "participation:zones"}
    venues = charts["participation:venues"]
    assert venues is not None and [b.label for b in venues.bars] == VENUES
    tables = [s for s in deck if s.kind == P.TABLE]
    assert [s.heading for s in tables] == [t.name for t in snapshot.tables]
    assert len(tables) == 7  # zones 1-4 (Torino), 5 (Pinerolo), 7-8 (Ciriè)
    themes = next(s for s in deck if s.key == "table:zona-5:1:themes")
    assert themes.items[-1].text == "Schede collegate: 3.1"
    assert any(s.kind == P.CROSSCUTTING for s in deck)
    assert all_problems(deck) == []


def test_one_table_file_has_no_chart_and_no_crosscutting(demo_path: Path) -> None:
    snapshot = snapshot_of(demo_path, ["asse-3"])
    deck = P.build_deck(snapshot)
    assert [s.kind for s in deck[:2]] == [P.TITLE, P.PARTICIPATION]
    assert deck[1].chart is None
    assert P.CROSSCUTTING not in {s.kind for s in deck}
    assert "Asse 3 - Mobilità sostenibile" in [i.text for i in deck[0].items]
    assert {s.table_key for s in deck} == {"", "asse-3"}
    assert all_problems(deck) == []


def test_a_chart_with_many_bars_continues() -> None:
    bars = tuple(P.Bar(f"Tavolo numero {n} con un nome lungo quanto basta", n) for n in range(30))
    slide = P.Slide(
        "participation",
        P.PARTICIPATION,
        "Persone",
        (P.Item("Totale", "figure"),),
        chart=P.Chart(bars),
    )
    parts = P.fit_slide(slide)
    assert len(parts) > 1
    assert sum(len(p.chart.bars) for p in parts if p.chart is not None) == 30
    assert all_problems(parts) == []


def test_sizes_and_colours_rules() -> None:
    assert P.contrast_ratio(P.INK, P.WHITE) > 15
    assert P.contrast_ratio(P.WHITE, P.NAVY) > 14
    assert P.contrast_ratio(P.SOFT_INK, P.WHITE) >= P.MIN_CONTRAST
    assert P.contrast_ratio(P.PALE, P.NAVY) >= P.MIN_CONTRAST
    assert P.contrast_ratio("#AAAAAA", P.WHITE) < P.MIN_CONTRAST  # light grey would fail
    assert min(P.BODY_SIZES + P.COVER_SIZES + P.TITLE_SIZES) >= P.MIN_FONT
    small = P.SlideLayout(
        P.WHITE, (), (P.TextRun(100, 200, "x", P.FONT, 20, "#AAAAAA", 10, P.WHITE),)
    )
    assert len(small.problems()) == 2


def test_settings_kept_in_a_writable_file_never_in_a_read_only_one(demo_path: Path) -> None:
    settings = P.DeckSettings(frozenset({"participation"}), frozenset({"x"}), 4)
    with EventStore.open(demo_path) as store:
        assert P.load_settings(store) == P.DeckSettings()
        assert P.save_settings(store, settings)
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    with EventStore.open(demo_path, read_only=True) as store:
        assert P.load_settings(store) == settings
        assert not P.save_settings(store, P.DeckSettings())
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before
    assert P.DeckSettings.from_json("{not json") == P.DeckSettings()
    assert P.DeckSettings.from_json('{"minutes": 999}').minutes == 30


def test_report_back_timer_counts_each_table_apart(clock: FixedClock) -> None:
    timer = P.ReportBackTimer(clock, minutes=3)
    timer.switch("asse-1")
    clock.advance(90)
    assert timer.text() == "01:30 / 03:00"
    timer.switch("asse-2")
    clock.advance(30)
    timer.switch("asse-1")  # back to the first table: its time goes on
    clock.advance(100)
    assert timer.spent() == 190 and timer.spent("asse-2") == 30
    assert timer.text() == "+00:10 oltre 03:00"
    timer.reset()
    assert timer.text() == "00:00 / 03:00"
