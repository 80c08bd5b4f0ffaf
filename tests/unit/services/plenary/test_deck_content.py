"""What the deck says: no filler slides, the synthesis and the cards on the table's slides,
cross-cutting themes only from several tables, every word in the chosen language."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from facilitator_app.domain.model import TableCard
from facilitator_app.services.analysis.crosscutting import CrossCuttingTheme, Origin
from facilitator_app.services.common.texts import Texts
from facilitator_app.services.plenary import build, slides
from facilitator_app.services.plenary.selection import short_table_names
from facilitator_app.services.records.event_records import EventRecords

RecordsOf = Callable[..., EventRecords]
Problems = Callable[[Sequence[slides.Slide]], list[str]]
NOW = "2023-11-10T10:00:00+00:00"


def _texts(slide: slides.Slide) -> list[str]:
    return [slide.title, *(i.text for i in slide.items), *(i.detail for i in slide.items)]


def _without_session(snapshot: EventRecords, table_key: str, number: int) -> EventRecords:
    """The records with nothing recorded in one session of one table."""
    table = next(t for t in snapshot.tables if t.key == table_key)

    def elsewhere(record: object) -> bool:
        return not (
            getattr(record, "table_id", "") == table.id and getattr(record, "session", 0) == number
        )

    sessions = tuple(
        dataclasses.replace(s, synthesis="", question=s.question)
        if s.table_id == table.id and s.number == number
        else s
        for s in snapshot.sessions
    )
    return dataclasses.replace(
        snapshot,
        sessions=sessions,
        contributions=tuple(c for c in snapshot.contributions if elsewhere(c)),
        themes=tuple(t for t in snapshot.themes if elsewhere(t)),
    )


def test_a_session_with_nothing_recorded_is_one_line_on_the_tables_slide(
    demo_path: Path, records_of: RecordsOf, layout_problems: Problems
) -> None:
    snapshot = _without_session(records_of(demo_path, ["asse-1"]), "asse-1", 2)
    deck = build.build_deck(snapshot)
    keys = [s.key for s in deck]
    assert "table:asse-1:2:themes" not in keys and "table:asse-1:2:voices" not in keys
    assert "table:asse-1:1:themes" in keys
    divider = next(s for s in deck if s.key == "table:asse-1")
    assert "Sessione 2: nessun contributo registrato" in [i.text for i in divider.items]
    assert not any("Nessun post-it" in text for s in deck for text in _texts(s))
    assert layout_problems(deck) == []


def test_a_table_with_nothing_recorded_is_a_short_deck(
    demo_path: Path, records_of: RecordsOf
) -> None:
    snapshot = _without_session(records_of(demo_path, ["asse-1"]), "asse-1", 2)
    snapshot = _without_session(snapshot, "asse-1", 1)
    snapshot = dataclasses.replace(
        snapshot,
        event=dataclasses.replace(snapshot.event, in_presence=None, online_listeners=None),
        venues=tuple(dataclasses.replace(v, online_listeners=None) for v in snapshot.venues),
    )
    deck = build.build_deck(snapshot)
    assert [s.kind for s in deck] == [slides.TITLE, slides.TABLE, slides.CLOSING]
    lines = [i.text for i in deck[1].items]
    assert "Sessione 1: nessun contributo registrato" in lines
    assert "Sessione 2: nessun contributo registrato" in lines


def test_the_session_synthesis_is_on_the_sessions_slide(
    demo_path: Path, records_of: RecordsOf, layout_problems: Problems
) -> None:
    snapshot = records_of(demo_path)
    deck = build.build_deck(snapshot)
    for table in snapshot.tables:
        for number in (1, 2):
            record = snapshot.session(table.id, number)
            assert record is not None and record.synthesis
            first = next(s for s in deck if s.key == f"table:{table.key}:{number}:themes")
            shown = [i.text for i in first.items if i.role == "synthesis"]
            assert shown == [record.synthesis.strip()]
            assert first.parts == 1  # one slide, no "(segue)": themes that do not fit...
            themes = [i.text for i in first.items if i.role == "theme"]
            ranked = [
                t.title
                for t in snapshot.themes
                if t.table_id == table.id and t.session == number and t.deleted_at is None
            ]
            assert ranked and set(themes) <= set(ranked)
            left = [t for t in ranked if t not in themes]
            assert all(t in first.notes for t in left)  # ...are in the notes
    assert layout_problems(deck) == []


def test_cards_in_play_show_titles_votes_and_shared_places(
    demo_path: Path, records_of: RecordsOf, layout_problems: Problems
) -> None:
    snapshot = records_of(demo_path, ["asse-1"])
    table = snapshot.tables[0]
    titles = snapshot.event_cards()
    played = [("2.1.1", 3), ("2.1.2", 5), ("2.1.3", 3), ("2.3.5", 0)]
    cards = tuple(
        TableCard(f"tc{n}", table.id, code, NOW, NOW, session=1, votes=votes)
        for n, (code, votes) in enumerate(played)
    )
    deck = build.build_deck(dataclasses.replace(snapshot, table_cards=cards))
    slide = next(s for s in deck if s.key == "table:asse-1:cards")
    shown = [(i.glyph, i.text, i.detail) for i in slide.items if i.role == "card"]
    assert shown == [
        ("1.", f"2.1.2 {titles['2.1.2'].title}", "5 voti"),
        ("2.", f"2.1.1 {titles['2.1.1'].title}", "3 voti"),
        ("2.", f"2.1.3 {titles['2.1.3'].title}", "3 voti"),
        ("•", f"2.3.5 {titles['2.3.5'].title}", "nessun voto"),
    ]
    assert slide.title == "Asse 1 · Sessione 1: schede in gioco"
    assert layout_problems(deck) == []


def _theme(title: str, tables: tuple[str, ...]) -> CrossCuttingTheme:
    origins = tuple(Origin(k, k, 1, "post-it", "un post-it", ("p",), ()) for k in tables)
    return CrossCuttingTheme(title, (), tables, (), origins, ("p",), 0.5)


def test_crosscutting_slide_only_from_themes_of_several_tables(
    demo_path: Path, records_of: RecordsOf, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = [
        _theme("Digitali, chiedono, imprese", ("asse-1", "asse-2")),
        _theme("Più servizi digitali per le imprese", ("asse-1", "asse-2")),
        _theme("Un tema di un solo tavolo", ("asse-3",)),
    ]
    monkeypatch.setattr(build, "crosscutting_themes", lambda *a, **k: found)
    snapshot = records_of(demo_path, ["asse-1", "asse-2", "asse-3"])
    snapshot = dataclasses.replace(
        snapshot, event=dataclasses.replace(snapshot.event, temi_trasversali="")
    )
    slide = next(s for s in build.build_deck(snapshot) if s.kind == slides.CROSSCUTTING)
    assert [i.text for i in slide.items] == ["Più servizi digitali per le imprese"]
    monkeypatch.setattr(build, "crosscutting_themes", lambda *a, **k: found[:1] + found[2:])
    assert slides.CROSSCUTTING not in {s.kind for s in build.build_deck(snapshot)}
    one = records_of(demo_path, ["asse-1"])
    one = dataclasses.replace(one, event=dataclasses.replace(one.event, temi_trasversali=""))
    monkeypatch.setattr(build, "crosscutting_themes", lambda *a, **k: found)
    assert slides.CROSSCUTTING not in {s.kind for s in build.build_deck(one)}


ITALIAN_WORDS = re.compile(
    r"\b(Sessione|segue|Zona|Zone|tavol[oi]|voti|voto|persone|persona|nessun\w*|schede?"
    r"|temi|tema|sede|sedi|presenza|collegati|Grazie|registrat\w|raggruppat\w|venerdì"
    r"|novembre|dal|in gioco|Partecipazione|Piano|Città)\b"
)


def test_the_english_deck_has_no_italian_words_outside_the_records(
    demo_path: Path, records_of: RecordsOf
) -> None:
    snapshot = _without_session(records_of(demo_path), "asse-2", 2)
    table = snapshot.tables[0]
    cards = (TableCard("tc1", table.id, "1.1", NOW, NOW, session=1, votes=2),)
    long = " ".join(["Una sintesi molto lunga e dettagliata."] * 60)
    sessions = tuple(
        dataclasses.replace(s, synthesis=long) if s.table_id == table.id and s.number == 1 else s
        for s in snapshot.sessions
    )
    snapshot = dataclasses.replace(snapshot, table_cards=cards, sessions=sessions)
    data = [snapshot.event.title, *(t.name for t in snapshot.tables)]
    data += [v.name for v in snapshot.venues] + [c.title for c in snapshot.cards]
    data += [s.question for s in snapshot.sessions] + [s.synthesis for s in snapshot.sessions]
    data += [t.title for t in snapshot.themes] + [c.text for c in snapshot.contributions]
    data += [snapshot.event.temi_trasversali, *short_table_names(snapshot.tables).values()]
    deck = build.build_deck(snapshot, texts=Texts("en"))
    found = []
    for slide in deck:
        texts = [*_texts(slide), slide.footer]
        if slide.chart is not None:
            texts += [b.label for b in slide.chart.bars]
        for text in texts:
            left = text
            for datum in sorted(data, key=len, reverse=True):
                if datum and len(datum) > 3:
                    left = left.replace(datum.strip(), "")
            left = re.sub(r"«[^»]*»", "", left)
            if ITALIAN_WORDS.search(left):
                found.append(f"{slide.key}: {text!r}")
    assert found == [], "\n".join(found)
    assert "Friday 10 November 2023" in [i.text for i in deck[0].items]
    continued = [s.title for s in deck if s.part > 1 and s.title]
    assert continued and all(t.endswith("(continued)") for t in continued)
