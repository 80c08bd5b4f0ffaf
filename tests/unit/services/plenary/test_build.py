"""Building the deck from the data: every kind of slide, top themes, hidden and pinned."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from facilitator_app.domain.model import Table
from facilitator_app.services.analysis import embeddings
from facilitator_app.services.analysis.titles import phrase_title
from facilitator_app.services.merge import engine as merge
from facilitator_app.services.plenary import build, selection, slides
from facilitator_app.services.records.event_records import EventRecords
from facilitator_app.services.records.report import build_report
from facilitator_app.services.reports.report_texts import set_report_texts
from facilitator_app.storage.database import EventStore
from tests.helpers.meaning_vectors import store_recurring_topic
from tests.helpers.zones import day_clock, fill_venue_files, venue_files

VENUES = ["Città metropolitana di Torino", "Comune di Pinerolo", "Comune di Ciriè"]

RecordsOf = Callable[..., EventRecords]
Problems = Callable[[Sequence[slides.Slide]], list[str]]


@pytest.fixture
def merged_zones(tmp_path: Path) -> Path:
    """A zones-format event merged from three venue files, with counts and post-its."""
    files = venue_files(tmp_path, VENUES)
    fill_venue_files(
        files,
        "Zona {zone}: trasporto pubblico e servizi nelle valli, idea {n}",
        extra_by_zone={1: 1},
        themed=True,
    )
    merged = tmp_path / "unito.sqlite"
    results = merge.merge_files(merged, files, day_clock(40))
    assert all(r.status == merge.STATUS_IMPORTED for r in results)
    return merged


def test_demo_deck_has_every_kind_and_every_table_session(
    demo_path: Path, records_of: RecordsOf, layout_problems: Problems
) -> None:
    snapshot = records_of(demo_path)
    deck = build.build_deck(snapshot)
    assert {s.kind for s in deck} == set(slides.KINDS) - {slides.CARDS}  # none in play
    assert deck[0].kind == slides.TITLE and deck[-1].kind == slides.CLOSING
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
    assert [i.role for i in themes.items][:2] == ["question", "synthesis"]
    assert len([i for i in themes.items if i.role == "theme"]) <= selection.TOP_THEMES
    voices = next(s for s in deck if s.key == "table:asse-3:2:voices")
    assert 2 <= len(voices.items) <= 3
    assert all(i.text.startswith("«") and i.ref for i in voices.items)
    participation = deck[1]
    assert participation.chart is not None
    assert len(participation.chart.bars) == len(snapshot.tables)
    assert "125 in presenza" in participation.items[0].text
    crosscutting = next(s for s in deck if s.kind == slides.CROSSCUTTING)
    assert (
        crosscutting.items[0].text
        == "Competenze di CMT e coordinamento delle politiche territoriali"
    )
    assert layout_problems(deck) == []


def test_participation_figures_are_the_reports_totals_and_the_tables_presence(
    demo_path: Path, records_of: RecordsOf
) -> None:
    snapshot = records_of(demo_path)
    figures = build.participation_figures(snapshot)
    totals = build_report(snapshot)
    people_by_table = {t.table.id: t.people for t in totals.tables if t.people is not None}
    shared_counts = {
        t.table.id: t.presence.note for t in totals.tables if t.presence and t.presence.note
    }
    assert figures.in_presence == totals.in_presence == 125
    assert (figures.online, figures.people_at_tables) == (totals.online, totals.people_at_tables)
    assert figures.people_by_table == people_by_table and figures.shared_counts == shared_counts
    assert [(g.label, g.people, g.post_its) for g in figures.venues] == [
        (g.label, g.people, g.contributions) for g in totals.venues
    ]
    assert figures.origin_by_zone == totals.origin_by_zone
    chart = build.build_deck(snapshot)[1].chart
    assert chart is not None
    assert [b.value for b in chart.bars] == [people_by_table[t.id] for t in snapshot.tables]


def test_top_themes_by_votes_then_size(demo_path: Path, records_of: RecordsOf) -> None:
    with EventStore.open(demo_path) as store:
        table = next(t for t in store.all(Table) if t.key == "asse-1")
        themes = store.themes_of_table(table.id, 1, include_deleted=True)
        posts = store.contributions(table.id, 1)
        smallest = min(themes, key=lambda t: sum(p.theme_id == t.id for p in posts))
        voted = next(p for p in posts if p.theme_id == smallest.id)
        store.save(dataclasses.replace(voted, votes=5))
    snapshot = records_of(demo_path)  # without syntheses, the three top themes are shown
    sessions = tuple(dataclasses.replace(s, synthesis="") for s in snapshot.sessions)
    deck = build.build_deck(dataclasses.replace(snapshot, sessions=sessions))
    slide = next(s for s in deck if s.key == "table:asse-1:1:themes")
    ranked = [i for i in slide.items if i.role == "theme"]
    assert len(ranked) == selection.TOP_THEMES
    assert ranked[0].ref == smallest.id and "5 voti" in ranked[0].detail
    sizes = [int(i.detail.split()[0]) for i in ranked[1:]]
    assert sizes == sorted(sizes, reverse=True)
    voices = next(s for s in deck if s.key == "table:asse-1:1:voices")
    assert voices.items[0].ref == voted.id  # one post-it of the top theme, the most voted


def test_hidden_slides_and_pinned_post_its(demo_path: Path, records_of: RecordsOf) -> None:
    snapshot = records_of(demo_path)
    posts = [p for p in snapshot.live_contributions() if p.session == 1]
    table = snapshot.table_by_id[posts[-1].table_id]
    deck = build.build_deck(
        snapshot, hidden={"participation", f"table:{table.key}:2:voices"}, pinned={posts[-1].id}
    )
    shown = build.visible(deck)
    assert len(shown) == len(deck) - 2
    assert all(s.kind != slides.PARTICIPATION for s in shown)
    voices = next(s for s in deck if s.key == f"table:{table.key}:1:voices")
    assert voices.items[0].ref == posts[-1].id and voices.pinned == (posts[-1].id,)
    assert (posts[-1].id, posts[-1].text) in voices.candidates


def test_merged_zones_event_has_venues_zones_and_eleven_tables(
    merged_zones: Path, records_of: RecordsOf, layout_problems: Problems
) -> None:
    snapshot = records_of(merged_zones)
    deck = build.build_deck(snapshot)
    charts = {s.key: s.chart for s in deck if s.chart is not None}
    assert set(charts) >= {"participation", "participation:venues", "participation:zones"}
    venues = charts["participation:venues"]
    assert venues is not None and [b.label for b in venues.bars] == VENUES
    tables = [s for s in deck if s.kind == slides.TABLE]
    assert [s.heading for s in tables] == [t.name for t in snapshot.tables]
    assert len(tables) == 7  # zones 1-4 (Torino), 5 (Pinerolo), 7-8 (Ciriè)
    themes = next(s for s in deck if s.key == "table:zona-5:1:themes")
    assert "Schede citate nei post-it: 3.1 " in themes.notes
    assert any(s.kind == slides.CROSSCUTTING for s in deck)
    assert layout_problems(deck) == []


def test_one_table_file_has_no_chart_and_no_crosscutting(
    demo_path: Path, records_of: RecordsOf, layout_problems: Problems
) -> None:
    snapshot = records_of(demo_path, ["asse-3"])
    deck = build.build_deck(snapshot)
    assert [s.kind for s in deck[:2]] == [slides.TITLE, slides.PARTICIPATION]
    assert deck[1].chart is None
    assert slides.CROSSCUTTING not in {s.kind for s in deck}
    assert "Asse 3 - Mobilità sostenibile" in [i.text for i in deck[0].items]
    assert {s.table_key for s in deck} == {"", "asse-3"}
    assert layout_problems(deck) == []


def test_crosscutting_slide_uses_the_stored_meaning_vectors(
    demo_path: Path, records_of: RecordsOf
) -> None:
    # One topic said at three tables, known only from the stored vectors (no model loaded);
    # the event has no "temi trasversali" text of its own, so the slide proposes themes.
    recurring = store_recurring_topic(demo_path)
    with EventStore.open(demo_path) as store:
        set_report_texts(store, day_clock(50), temi_trasversali="")
    snapshot = records_of(demo_path)
    with EventStore.open(demo_path, read_only=True) as store:
        vectors = embeddings.stored_event_vectors(store, snapshot.live_contributions())
    assert vectors is not None and len(vectors) == len(snapshot.live_contributions())
    deck = build.build_deck(snapshot, vectors=vectors)
    crosscutting = next(s for s in deck if s.kind == slides.CROSSCUTTING)
    assert crosscutting.items[0].text in {phrase_title(post.text) for post in recurring}


def test_without_every_stored_vector_the_deck_keeps_the_word_method(
    demo_path: Path, records_of: RecordsOf
) -> None:
    snapshot = records_of(demo_path)
    with EventStore.open(demo_path, read_only=True) as store:
        assert embeddings.stored_event_vectors(store, snapshot.live_contributions()) is None
