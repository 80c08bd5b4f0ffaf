"""Fitting: text shrinks to the minimum size, then continues on "(segue)" slides, never cut."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path

from facilitator_app.domain.model import Session, Table, new_id
from facilitator_app.services.common.pdf_style import FONT
from facilitator_app.services.plenary.build import build_deck
from facilitator_app.services.plenary.colours import INK
from facilitator_app.services.plenary.fitting import fit_slide
from facilitator_app.services.plenary.layout import layout_slide
from facilitator_app.services.plenary.slides import (
    MIN_FONT,
    PARTICIPATION,
    Bar,
    Chart,
    Item,
    Slide,
)
from facilitator_app.services.records.event_records import EventRecords
from facilitator_app.storage.database import EventStore

LONG_POST_IT = ("Servono trasporti pubblici più frequenti nelle valli " * 20)[:1000].strip()

RecordsOf = Callable[..., EventRecords]
Problems = Callable[[Sequence[Slide]], list[str]]


def test_no_text_overflows_with_the_longest_and_a_1000_character_post_it(
    demo_path: Path, records_of: RecordsOf, layout_problems: Problems
) -> None:
    snapshot = records_of(demo_path)
    longest = max(snapshot.live_contributions(), key=lambda p: len(p.text))
    with EventStore.open(demo_path) as store:
        long_one = dataclasses.replace(longest, id=new_id(), text=LONG_POST_IT, position=999)
        store.save(long_one)
    snapshot = records_of(demo_path)
    deck = build_deck(snapshot, pinned={longest.id, long_one.id})
    table = snapshot.table_by_id[longest.table_id].key
    parts = [s for s in deck if s.base_key == f"table:{table}:{longest.session}:voices"]
    assert len(parts) >= 2 and parts[1].title.endswith("(segue)")
    assert [s.part for s in parts] == list(range(1, len(parts) + 1))
    # Every word of both post-its is on the slides, in order, none cut.
    shown = " ".join(
        run.text
        for s in parts
        for run in layout_slide(s, 1, 1).runs
        if run.color == INK and run.font == FONT  # the post-its, not footers or kinds
    )
    assert " ".join(f"«{LONG_POST_IT}»".split()) in " ".join(shown.split())
    assert " ".join(f"«{longest.text}»".split()) in " ".join(shown.split())
    assert all(s.body_size >= MIN_FONT for s in deck)
    assert layout_problems(deck) == []


def test_long_question_and_long_names_shrink_or_continue(
    demo_path: Path, records_of: RecordsOf, layout_problems: Problems
) -> None:
    with EventStore.open(demo_path) as store:
        table = next(t for t in store.all(Table) if t.key == "asse-2")
        session = next(s for s in store.all(Session) if s.table_id == table.id and s.number == 1)
        store.save(
            dataclasses.replace(session, question="Quali lezioni possiamo imparare? " * 30),
            dataclasses.replace(table, name="Asse 2 - " + "Transizione ecologica e verde " * 8),
        )
    deck = build_deck(records_of(demo_path))
    themes = [s for s in deck if s.base_key == "table:asse-2:1:themes"]
    assert len(themes) >= 2
    assert layout_problems(deck) == []


def test_a_chart_with_many_bars_continues(layout_problems: Problems) -> None:
    bars = tuple(Bar(f"Tavolo numero {n} con un nome lungo quanto basta", n) for n in range(30))
    slide = Slide(
        "participation",
        PARTICIPATION,
        "Persone",
        (Item("Totale", "figure"),),
        chart=Chart(bars),
    )
    parts = fit_slide(slide)
    assert len(parts) > 1
    assert sum(len(p.chart.bars) for p in parts if p.chart is not None) == 30
    assert layout_problems(parts) == []
