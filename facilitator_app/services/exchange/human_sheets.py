"""What the workbook says to people: the ``Riepilogo`` sheet and the cards' tallies.

The record sheets carry the data; these parts only summarise it for the people reading
the workbook (they are not read back on import, see ``docs/FILE_FORMATS.md``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from facilitator_app.domain.clock import Clock
from facilitator_app.domain.model import StrategyCard, Table
from facilitator_app.services.common.dates import italian_date, rome_time
from facilitator_app.services.exchange.sheets import CARDS, SHEET_SUMMARY
from facilitator_app.services.exchange.styled_sheet import Cell, StyledSheet, Styles
from facilitator_app.services.records.event_records import EventRecords

# A derived column inserted into a record sheet: (position, header, value of a record, width).
ExtraColumn = tuple[int, str, Callable[[Any], Cell], float]


def card_columns(
    records: EventRecords,
) -> tuple[dict[str, Callable[[Any], Cell]], list[ExtraColumn]]:
    """The derived columns of the ``Schede`` sheet: tallies per card, per table and session.

    Cards of another edition than the event's get empty tallies.

    Returns:
        The values of the derived columns by header, and the per-table, per-session
        columns (post-its and votes) to add at the end of the sheet.
    """
    tables = records.tables
    # [post-its citing the card, votes given to the card] by (code, table, session)
    direct: dict[tuple[str, str, int | None], list[int]] = {}
    totals: dict[str, list[int]] = {}
    with_children: dict[str, int] = {}
    for post in records.live_contributions():
        if not post.cards:
            continue
        codes = set(post.cards)
        for code in codes:
            direct.setdefault((code, post.table_id, post.session), [0, 0])[0] += 1
            totals.setdefault(code, [0, 0])[0] += 1
        lineage: set[str] = set()
        for code in codes:
            parts = code.split(".")
            lineage.update(".".join(parts[:n]) for n in range(1, len(parts) + 1))
        for code in lineage:
            with_children[code] = with_children.get(code, 0) + 1
    for card in records.table_cards:
        direct.setdefault((card.code, card.table_id, card.session), [0, 0])[1] += card.votes
        totals.setdefault(card.code, [0, 0])[1] += card.votes
    edition = records.event.card_edition

    def in_edition(card: StrategyCard) -> bool:
        return card.edition == edition

    def matrix(table: Table, session: int, index: int) -> Callable[[Any], Cell]:
        def value(card: StrategyCard) -> Cell:
            if not in_edition(card):
                return None
            return direct.get((card.code, table.id, session), [0, 0])[index]

        return value

    base = len(CARDS.columns)
    extra: list[ExtraColumn] = []
    for table in tables:
        for session in (1, 2):
            for index, what in ((0, "contributi"), (1, "voti")):
                header = f"{table.key} S{session} {what}"
                extra.append((base, header, matrix(table, session, index), 11.0))
    derived: dict[str, Callable[[Any], Cell]] = {
        "livello": lambda c: c.level,
        "discussa": lambda c: (
            ("sì" if with_children.get(c.code) else "no") if in_edition(c) else None
        ),
        "contributi": lambda c: totals.get(c.code, [0, 0])[0] if in_edition(c) else None,
        "voti": lambda c: totals.get(c.code, [0, 0])[1] if in_edition(c) else None,
        "contributi_con_sottoschede": lambda c: (
            with_children.get(c.code, 0) if in_edition(c) else None
        ),
    }
    return derived, extra


def write_summary(
    workbook: Any,
    styles: Styles,
    records: EventRecords,
    clock: Clock,
    *,
    anonymise: bool,
) -> None:
    """Write the ``Riepilogo`` sheet: the event's facts, venues, tables, totals and two charts.

    Args:
        workbook: the write-only openpyxl workbook.
        styles: the workbook's styles.
        records: what is exported (already anonymised when asked).
        clock: gives the export time shown.
        anonymise: leave the facilitators' names out.
    """
    from openpyxl.chart import BarChart, Reference

    presence, shared_notes = records.presence()
    cards = records.event_cards()
    s = records
    event = s.event
    sheet = StyledSheet(
        workbook,
        styles,
        SHEET_SUMMARY,
        [
            ("", 34, True, False),
            ("", 46, True, False),
            ("", 30, True, False),
            ("", 22, False, False),
            ("", 10, False, False),
            ("", 12, False, False),
            ("", 12, False, False),
            ("", 9, False, False),
            ("", 9, False, False),
            ("", 9, False, False),
            ("", 40, True, False),
        ],
        table=False,
    )
    themes = s.live_themes()
    live = s.live_contributions()
    discussed = {code for post in live for code in post.cards}
    sheet.append([sheet.cell(event.title, font=styles.title_font)])
    subtitle = "Restituzione dei tavoli" + (" (solo alcuni tavoli)" if s.partial else "")
    sheet.append([subtitle])
    sheet.blank()
    exported = rome_time(clock.now())
    facts: list[tuple[str, Cell]] = [
        ("Data", italian_date(event.date, weekday=True)),
        ("Formato", event.format.label),
        ("Piano", f"PSM {event.plan_edition} (schede {event.card_edition})"),
        ("Persone in presenza", event.in_presence),
        ("Ascolto online", event.online_listeners),
        ("Persone ai tavoli", s.people_at_tables()),
        ("Tavoli", len(s.tables)),
        ("Contributi", len(live)),
        ("Temi", len(themes)),
        ("Voti ai contributi", sum(p.votes for p in live)),
        ("Schede citate", f"{len(discussed & set(cards))} su {len(cards)}"),
        ("Esportato il", f"{italian_date(exported)}, ore {exported:%H:%M}"),
    ]
    for label, value in facts:
        sheet.append([sheet.cell(label, font=styles.header_font), value])
    sheet.blank()
    sheet.append([sheet.cell("Sedi", font=styles.section_font)])
    _header_row(sheet, styles, ["Sede", "Indirizzo", "Tavoli"])
    for venue in s.venues:
        names = ", ".join(t.key for t in s.tables if t.venue_id == venue.id)
        sheet.append([venue.name, venue.address, names])
    sheet.blank()
    sheet.append([sheet.cell("Tavoli", font=styles.section_font)])
    _header_row(
        sheet,
        styles,
        [
            "Tavolo",
            "Nome",
            "Sede",
            "Facilitatore",
            "Presenti",
            "Contributi S1",
            "Contributi S2",
            "Temi S1",
            "Temi S2",
            "Voti",
            "Nota",
        ],
    )
    first = sheet.rows + 1
    venues = {v.id: v.name for v in s.venues}
    per_session: dict[tuple[str, int], int] = {}
    votes: dict[str, int] = {}
    for post in live:
        key = (post.table_id, post.session)
        per_session[key] = per_session.get(key, 0) + 1
        votes[post.table_id] = votes.get(post.table_id, 0) + post.votes
    theme_counts: dict[tuple[str, int], int] = {}
    for theme in themes:
        key = (theme.table_id, theme.session or 0)
        theme_counts[key] = theme_counts.get(key, 0) + 1
    for table in s.tables:
        sheet.append(
            [
                table.key,
                table.name,
                venues.get(table.venue_id, ""),
                "" if anonymise else table.facilitator,
                presence.get(table.id),
                per_session.get((table.id, 1), 0),
                per_session.get((table.id, 2), 0),
                theme_counts.get((table.id, 1), 0),
                theme_counts.get((table.id, 2), 0),
                votes.get(table.id, 0),
                shared_notes.get(table.id, ""),
            ]
        )
    last = sheet.rows
    sheet.append(
        [
            sheet.cell("Totale", font=styles.header_font),
            None,
            None,
            None,
            s.people_at_tables(),
            sum(v for (_, n), v in per_session.items() if n == 1),
            sum(v for (_, n), v in per_session.items() if n == 2),
            sum(v for (_, n), v in theme_counts.items() if n == 1),
            sum(v for (_, n), v in theme_counts.items() if n == 2),
            sum(votes.values()),
            "conteggi comuni a più tavoli presi una volta" if shared_notes else "",
        ]
    )
    if s.tables:
        ws = sheet.ws
        people = BarChart()
        people.type = "bar"
        people.title = "Persone per tavolo"
        people.legend = None
        people.add_data(Reference(ws, min_col=5, min_row=first, max_row=last))
        people.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
        people.height, people.width = 9, 16
        ws.add_chart(people, "M3")
        posts = BarChart()
        posts.type = "col"
        posts.title = "Contributi per tavolo e sessione"
        posts.add_data(
            Reference(ws, min_col=6, max_col=7, min_row=first - 1, max_row=last),
            titles_from_data=True,
        )
        posts.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
        posts.height, posts.width = 9, 16
        ws.add_chart(posts, "M22")


def _header_row(sheet: StyledSheet, styles: Styles, names: Sequence[str]) -> None:
    sheet.append([sheet.cell(n, font=styles.header_font, fill=styles.header_fill) for n in names])
