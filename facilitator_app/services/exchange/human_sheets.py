"""What the workbook says to people: the ``Riepilogo`` sheet and the cards' tallies.

The record sheets carry the data; these parts only summarise it for the people reading
the workbook (they are not read back on import, see ``docs/FILE_FORMATS.md``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from facilitator_app.domain import counting
from facilitator_app.domain.clock import Clock
from facilitator_app.domain.model import StrategyCard, Table
from facilitator_app.services.common.dates import italian_date, rome_time
from facilitator_app.services.exchange.sheets import CARDS, SHEET_SUMMARY
from facilitator_app.services.exchange.styled_sheet import Cell, StyledSheet, Styles
from facilitator_app.services.records.report import AXIS_TAGS_TITLE, EventReport

# A derived column inserted into a record sheet: (position, header, value of a record, width).
ExtraColumn = tuple[int, str, Callable[[Any], Cell], float]


def card_columns(
    report: EventReport,
) -> tuple[dict[str, Callable[[Any], Cell]], list[ExtraColumn]]:
    """The derived columns of the ``Schede`` sheet: tallies per card, per table and session.

    Cards of another edition than the event's get empty tallies. "discussa" and
    "contributi_con_sottoschede" follow the counting rules (docs/COUNTING.md): a card is
    discussed when a post-it is tagged with it or with a card under it, or a table put it
    in play; "voti" are the votes given to the card in play.

    Returns:
        The values of the derived columns by header, and the per-table, per-session
        columns (post-its and votes) to add at the end of the sheet.
    """
    records = report.records
    tables = records.tables
    # [post-its citing the card, votes given to the card] by (code, table, session)
    direct: dict[tuple[str, str, int | None], list[int]] = {}
    exact: dict[str, int] = {}  # post-its citing the card itself
    for post in records.live_contributions():
        for code in set(post.cards):
            direct.setdefault((code, post.table_id, post.session), [0, 0])[0] += 1
            exact[code] = exact.get(code, 0) + 1
    for card in records.table_cards:
        direct.setdefault((card.code, card.table_id, card.session), [0, 0])[1] += card.votes
    tagged = counting.contributions_per_card(records.contributions)
    votes = counting.card_votes(records.table_cards)
    discussed = {c.card.code for c in report.coverage if c.groups}
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
        "discussa": lambda c: ("sì" if c.code in discussed else "no") if in_edition(c) else None,
        "contributi": lambda c: exact.get(c.code, 0) if in_edition(c) else None,
        "voti": lambda c: votes.get(c.code, 0) if in_edition(c) else None,
        "contributi_con_sottoschede": lambda c: (
            tagged.get(c.code, (0, 0))[0] if in_edition(c) else None
        ),
    }
    return derived, extra


def write_summary(
    workbook: Any,
    styles: Styles,
    report: EventReport,
    clock: Clock,
    *,
    anonymise: bool,
) -> None:
    """Write the ``Riepilogo`` sheet: the event's facts, venues, tables, totals and two charts.

    Args:
        workbook: the write-only openpyxl workbook.
        styles: the workbook's styles.
        report: the report of what is exported (already anonymised when asked).
        clock: gives the export time shown.
        anonymise: leave the facilitators' names out.
    """
    from openpyxl.chart import BarChart, Reference

    s = report.records
    cards = s.event_cards()
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
        ("Ascolto online", report.online),
        ("Persone ai tavoli", report.people_at_tables),
        ("Regola di conteggio", report.counting_note),
        ("Tavoli", len(s.tables)),
        ("Contributi", report.total_contributions),
        ("Temi", report.total_themes),
        ("Voti ai contributi", sum(p.votes for p in live)),
        ("Schede citate", f"{len(discussed & set(cards))} su {len(cards)}"),
        ("Esportato il", f"{italian_date(exported)}, ore {exported:%H:%M}"),
    ]
    for label, value in facts:
        sheet.append([sheet.cell(label, font=styles.header_font), value])
    sheet.blank()
    sheet.append([sheet.cell("Sedi", font=styles.section_font)])
    _header_row(sheet, styles, ["Sede", "Indirizzo", "Tavoli", "Ascolto online"])
    for venue in s.venues:
        names = ", ".join(t.key for t in s.tables if t.venue_id == venue.id)
        sheet.append([venue.name, venue.address, names, venue.online_listeners])
    if report.axis_tags:
        sheet.blank()
        sheet.append([sheet.cell(AXIS_TAGS_TITLE, font=styles.section_font)])
        _header_row(sheet, styles, ["Asse", "Contributi", "Voti"])
        for tally in report.axis_tags:
            sheet.append([tally.label, tally.contributions, tally.votes])
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
    totals = [0, 0, 0, 0, 0]  # post-its S1, S2, themes S1, S2, votes
    for shown in report.tables:
        figures = [
            *(len(session.posts) for session in shown.sessions),
            *(len(session.themes) for session in shown.sessions),
            sum(post.votes for session in shown.sessions for post in session.posts),
        ]
        totals = [total + figure for total, figure in zip(totals, figures, strict=True)]
        sheet.append(
            [
                shown.table.key,
                shown.table.name,
                shown.venue,
                "" if anonymise else shown.table.facilitator,
                shown.people,
                *figures,
                shown.presence.note if shown.presence else "",
            ]
        )
    last = sheet.rows
    shared = any(shown.presence and shown.presence.note for shown in report.tables)
    sheet.append(
        [
            sheet.cell("Totale", font=styles.header_font),
            None,
            None,
            None,
            report.people_at_tables,
            *totals,
            "conteggi comuni a più tavoli presi una volta" if shared else "",
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
