"""The chapters of the restituzione PDF, each rendered from the report model.

Cover, premessa, structure, programme, participation (with the counting rule stated next
to the totals), cross-cutting themes, the themes of every table and session, conclusions
and the appendix of every post-it. :mod:`~facilitator_app.services.reports.restituzione`
lays them out into the PDF.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from facilitator_app import __version__
from facilitator_app.domain import counting
from facilitator_app.domain.clock import Clock
from facilitator_app.domain.model import Contribution, Theme
from facilitator_app.domain.model import Table as EventTable
from facilitator_app.domain.rules import card_sort_key
from facilitator_app.domain.timer import elapsed_minutes
from facilitator_app.domain.vocab import CATEGORY_LABELS, ZONES, StakeholderCategory
from facilitator_app.services.common.dates import italian_date, local_hhmm
from facilitator_app.services.common.pdf_style import (
    FONT,
    RULE,
    SHADE,
    Entry,
    Heading,
    Styles,
    bar_chart,
    format_int,
    make_styles,
    markup,
    paragraphs,
)
from facilitator_app.services.common.progress import Progress
from facilitator_app.services.records.event_records import EventRecords
from facilitator_app.services.records.report import AXIS_TAGS_TITLE, SessionReport, build_report

# "COMPETENZE DI CMT E COORDINAMENTO. Testo..." -> a sub-heading and its paragraph.
_CAPS_HEADING = re.compile(r"^([A-ZÀÈÉÌÍÒÓÙ0-9][A-ZÀÈÉÌÍÒÓÙ0-9 ,;:'’()\-]{4,})\.\s+(\S.*)$")
PROGRESS_EVERY = 100


def short_name(table: EventTable) -> str:
    """Short table name: "Asse 1" for "Asse 1 - Digitalizzazione, ..."; else the name."""
    return table.name.split(" - ")[0].strip() if " - " in table.name else table.name


def zone_label(zone: int) -> str:
    """A zone with its number and name, e.g. "9 Eporediese"."""
    return f"{zone} {ZONES.get(zone, '')}".strip()


class RestituzioneChapters:
    """Builds the story (flowables) of the restituzione, chapter by chapter."""

    def __init__(self, snapshot: EventRecords, clock: Clock, anonymise: bool) -> None:
        self.depth = 0  # heading levels added under a venue's heading
        self.s = snapshot
        self.clock = clock
        self.anonymise = anonymise
        self.st: Styles = make_styles()
        self.story: list[Flowable] = []
        self.live = snapshot.live_contributions()
        self.themes = snapshot.live_themes()
        self.cards = snapshot.event_cards()
        self.report = build_report(snapshot)
        self.theme_by_id = {t.id: t for t in self.themes}

    # -- helpers -----------------------------------------------------------------------

    def add(self, *flowables: Flowable) -> None:
        """Append flowables to the story."""
        self.story.extend(flowables)

    def para(self, text: str, style: Any = None) -> None:
        """Append a paragraph (text escaped for reportlab markup)."""
        self.story.append(Paragraph(markup(text), style or self.st.body))

    def note(self, text: str) -> None:
        """Append a note in the smaller, grey style."""
        self.para(text, self.st.note)

    def heading(self, text: str, level: int, outline: str = "") -> None:
        """Append a heading (and its outline entry) at a level under the current venue."""
        level += self.depth
        style = (self.st.h1, self.st.h2, self.st.h3, self.st.h4)[min(level, 3)]
        self.story.append(Heading(text, style, level, outline))

    def table(
        self, rows: list[list[Any]], widths: Sequence[float], *, header: bool = True
    ) -> Table:
        """A styled table of rows (the first one a header unless told otherwise)."""
        cells = [
            [
                value
                if isinstance(value, Flowable)
                else Paragraph(
                    markup(str(value)),
                    self.st.cell_bold if header and index == 0 else self.st.cell,
                )
                for value in row
            ]
            for index, row in enumerate(rows)
        ]
        table = Table(cells, colWidths=list(widths), repeatRows=1 if header else 0)
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if header:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
        table.setStyle(TableStyle(commands))
        return table

    def card_label(self, code: str) -> str:
        """A card's code with its title, as the report names it."""
        card = self.cards.get(code)
        return f"{code} {card.title}" if card else code

    def meta(self, post: Contribution, *, theme: bool = False) -> str:
        """The tags of a post-it shown under its text (kind, cards, zones, votes, theme)."""
        parts: list[str] = []
        if post.kind is not None:
            parts.append(post.kind.label)
        if theme and post.theme_id in self.theme_by_id:
            parts.append(f"Tema: {self.theme_by_id[post.theme_id].title}")
        if post.cards:
            parts.append(f"Schede: {', '.join(post.cards)}")
        if post.zones:
            parts.append(f"Zone: {', '.join(zone_label(z) for z in post.zones)}")
        if post.links:
            parts.append(f"Collegamenti: {', '.join(f'Asse {a}' for a in post.links)}")
        if post.votes:
            parts.append(f"Voti: {post.votes}")
        return " · ".join(parts)

    def group_label(self, table_ids: Sequence[str]) -> str:
        """Label of a count's tables: "Asse 1", or "Asse 5, 2 tavoli" when shared."""
        names: list[str] = []
        for table_id in table_ids:
            table = self.s.table_by_id.get(table_id)
            name = short_name(table) if table is not None else table_id
            name = name if len(name) <= 40 else (table.key if table is not None else name[:40])
            if name not in names:
                names.append(name)
        label = ", ".join(names)
        return f"{label}, {len(table_ids)} tavoli" if len(table_ids) > 1 else label

    def table_presence_text(self, table: EventTable) -> str:
        """The people of a table as the report says them (counting rule 3)."""
        shown = self.report.table(table.id)
        if shown is None or shown.presence is None:
            return "Persone al tavolo: non rilevate"
        note = shown.presence.note
        return f"Persone al tavolo: {shown.presence.people}" + (f" ({note})" if note else "")

    def questions(self) -> dict[int, list[str]]:
        """The sessions' questions, by session number, without repeats."""
        found: dict[int, list[str]] = {}
        for session in self.s.sessions:
            if session.question and session.question not in found.setdefault(session.number, []):
                found[session.number].append(session.question)
        return found

    # -- chapters ----------------------------------------------------------------------

    def cover(self) -> None:
        """The cover page."""
        s = self.s
        event = s.event
        st = self.st
        self.add(Spacer(1, 30 * mm))
        self.para("Città metropolitana di Torino", st.cover_kicker)
        if event.plan_edition:
            self.para(f"Piano Strategico Metropolitano {event.plan_edition}", st.cover_line)
        self.add(Spacer(1, 18 * mm))
        self.para(event.title, st.cover_title)
        if s.partial:
            names = ", ".join(t.name for t in s.tables)
            self.para(f"Restituzione del tavolo: {names}", st.cover_subtitle)
        else:
            self.para("Restituzione dei tavoli di lavoro", st.cover_subtitle)
        self.para(italian_date(event.date, weekday=True), st.cover_line)
        for venue in s.venues:
            place = f"{venue.name}, {venue.address}" if venue.address else venue.name
            self.para(place, st.cover_line)
        self.add(Spacer(1, 60 * mm))
        generated = italian_date(self.clock.now().date())
        self.note(f"Documento generato il {generated} con facilitator_app {__version__}.")
        self.add(PageBreak())

    def premessa(self, number: int) -> None:
        """Chapter: the premessa written by the coordinators."""
        self.heading(f"{number}. PREMESSA", 0)
        texts = paragraphs(self.s.event.premessa)
        if not texts:
            self.note("La premessa non è stata ancora scritta.")
        for text in texts:
            self.para(text)

    def structure(self, number: int) -> None:
        """Chapter: the tables, their sessions' questions and the event's head counts."""
        s = self.s
        event = s.event
        self.heading(f"{number}. OBIETTIVI E STRUTTURA DELL'EVENTO", 0)
        count = len(s.tables)
        kind = event.format.label.lower()
        self.para(
            f"L'incontro è stato organizzato in {count} tavol{'i' if count != 1 else 'o'} di "
            f"lavoro ({kind}), svolti simultaneamente e in presenza:"
        )
        for table in s.tables:
            details = []
            if table.zones and not _names_zones(table):
                details.append("zone " + ", ".join(zone_label(z) for z in table.zones))
            if table.facilitator and not self.anonymise:
                details.append(f"facilitato da {table.facilitator}")
            suffix = f" ({'; '.join(details)})" if details else ""
            self.add(Paragraph(markup(table.name + suffix), self.st.bullet, bulletText="•"))
        questions = self.questions()
        if questions:
            self.para("Ciascun tavolo ha previsto due sessioni di discussione facilitate:")
            for session_number in sorted(questions):
                for question in questions[session_number]:
                    self.add(
                        Paragraph(
                            f"<b>SESSIONE {session_number}.</b> {markup(question)}",
                            self.st.bullet,
                            bulletText="•",
                        )
                    )
        figures = []
        if event.in_presence is not None:
            figures.append(f"hanno preso parte in totale {event.in_presence} persone in presenza")
        if self.report.online is not None:  # the venues' figures added up (rule 9)
            figures.append(
                f"collegate online per ascoltare le plenarie sono state registrate "
                f"{self.report.online} persone"
            )
        if figures:
            self.para("All'incontro " + "; ".join(figures) + ".")

    def programme(self, number: int) -> None:
        """Chapter: the agenda and the sessions' planned and actual times."""
        s = self.s
        self.heading(f"{number}. PROGRAMMA DELLA GIORNATA", 0)
        if s.agenda:
            rows: list[list[Any]] = [["Orario", "Attività", "Orario effettivo"]]
            for item in s.agenda:
                planned = " – ".join(t for t in (item.start, item.end) if t)
                actual = " – ".join(
                    t for t in (local_hhmm(item.actual_start), local_hhmm(item.actual_end)) if t
                )
                rows.append([planned, item.title, actual])
            self.add(self.table(rows, [28 * mm, 112 * mm, 32 * mm]))
        else:
            self.note("Il programma della giornata non è stato inserito.")
        timed = [x for x in s.sessions if x.actual_start or x.actual_end]
        self.add(Spacer(1, 4 * mm))
        self.heading("Orari delle sessioni ai tavoli", 1)
        if not timed:
            self.note("Gli orari effettivi delle sessioni non sono stati registrati.")
            return
        rows = [["Tavolo", "Sessione", "Prevista", "Effettiva", "Durata"]]
        names = {t.id: short_name(t) for t in s.tables}
        for session in s.sessions:
            planned = " – ".join(t for t in (session.planned_start, session.planned_end) if t)
            actual = " – ".join(
                t for t in (local_hhmm(session.actual_start), local_hhmm(session.actual_end)) if t
            )
            minutes = elapsed_minutes(session)
            rows.append(
                [
                    names.get(session.table_id, ""),
                    str(session.number),
                    planned,
                    actual or "—",
                    f"{minutes} min" if minutes is not None else "—",
                ]
            )
        self.add(self.table(rows, [52 * mm, 20 * mm, 34 * mm, 34 * mm, 32 * mm]))

    def participation(self, number: int) -> None:
        """Chapter: people at the tables and their breakdowns, with the counting rule."""
        s = self.s
        self.heading(f"{number}. PARTECIPAZIONE", 0)
        event = s.event
        report = self.report
        totals = []
        if event.in_presence is not None:
            totals.append(f"{event.in_presence} persone in presenza")
        if report.online is not None:
            totals.append(f"{report.online} collegate online alle plenarie")
        if totals and not s.partial:
            self.para("Partecipanti all'evento: " + " e ".join(totals) + ".")
        people = report.people_at_tables
        names = {t.id: short_name(t) for t in s.tables}
        groups = [(self.group_label(g.table_ids), g.people) for g in report.count_groups]
        if people is not None:
            split = "; ".join(f"{present} ({label})" for label, present in groups)
            self.para(
                f"Hanno partecipato alla discussione ai tavoli {people} persone, così "
                f"suddivise: {split}."
            )
            self.note(report.counting_note)
        else:
            self.note("Le presenze ai tavoli non sono state registrate.")
        rows: list[list[Any]] = [["Tavolo", "Persone", "Nota"]]
        for shown in report.tables:
            rows.append(
                [
                    shown.table.name,
                    "—" if shown.people is None else str(shown.people),
                    shown.presence.note if shown.presence else "",
                ]
            )
        labels = [label for label, _ in groups]
        values = [present for _, present in groups]
        self.add(self.table(rows, [95 * mm, 20 * mm, 59 * mm]))
        if values:
            self.add(Spacer(1, 3 * mm), bar_chart(labels, values, "Persone per tavolo"))
        by_session = [c for c in s.counts if c.session is not None and c.present is not None]
        if by_session:
            self.heading("Presenze per sessione", 1)
            rows = [["Tavolo", "Sessione", "Persone"]]
            for count in by_session:
                label = ", ".join(names.get(t, "") for t in count.table_ids)
                rows.append([label, str(count.session), str(count.present)])
            self.add(self.table(rows, [95 * mm, 25 * mm, 25 * mm]))
        self.breakdown(
            "Persone per zona omogenea",
            {zone_label(int(z)): n for z, n in report.origin.values.items()},
            report.origin,
            "La ripartizione per zona omogenea non è stata rilevata.",
        )
        categories: dict[str, int] = {}
        for key, value in report.categories.values.items():
            try:
                label = CATEGORY_LABELS[StakeholderCategory(str(key))]
            except ValueError:
                label = str(key)
            categories[label] = categories.get(label, 0) + value
        self.breakdown(
            "Persone per categoria",
            categories,
            report.categories,
            "La ripartizione per categoria di attori non è stata rilevata.",
        )
        self.axis_tags()

    def axis_tags(self) -> None:
        """Per axis, the post-its of the zone tables that speak to it (rule 8)."""
        tallies = self.report.axis_tags
        if not tallies:
            return
        self.heading(AXIS_TAGS_TITLE, 1)
        rows: list[list[Any]] = [["Asse", "Contributi", "Voti"]]
        rows += [[t.label, str(t.contributions), str(t.votes)] for t in tallies]
        self.add(self.table(rows, [95 * mm, 25 * mm, 25 * mm]))
        self.note(
            "Un contributo conta per l'asse del suo tag (#a3) e per gli assi delle schede "
            "citate, una volta per asse."
        )

    def breakdown(
        self, title: str, values: dict[str, int], tally: counting.Breakdown, missing: str
    ) -> None:
        """A breakdown of people (table, chart, how complete the tally is, the rule)."""
        self.heading(title, 1)
        shown = {label: value for label, value in values.items() if value}
        if not shown:
            self.note(missing)
            return
        rows: list[list[Any]] = [["Voce", "Persone"]]
        rows += [[label, str(value)] for label, value in shown.items()]
        self.add(
            self.table(rows, [95 * mm, 25 * mm]),
            Spacer(1, 3 * mm),
            bar_chart(list(shown), list(shown.values()), title),
        )
        if tally.present is not None and tally.tallied_of_present != tally.present:
            self.note(f"Ripartite {tally.tallied_of_present} persone su {tally.present} presenti.")
        if tally.unmatched:
            self.note(
                f"Altre {tally.unmatched} persone ripartite in conteggi senza il numero "
                "dei presenti."
            )
        self.note(self.report.counting_note)

    def cross_cutting(self) -> None:
        """The cross-cutting themes written by the coordinators."""
        texts = paragraphs(self.s.event.temi_trasversali)
        self.heading("Temi trasversali agli assi", 1)
        if not texts:
            self.note("I temi trasversali non sono stati ancora scritti.")
            return
        for text in texts:
            match = _CAPS_HEADING.match(text)
            if match:
                self.heading(match.group(1), 3)
                self.para(match.group(2))
            else:
                self.para(text)

    def themes_chapter(self, number: int, progress: Progress, total: int, done: int) -> int:
        """Chapter: every table's sessions, themes and post-its; returns progress done."""
        s = self.s
        self.heading(f"{number}. RESTITUZIONE DEI TEMI EMERSI", 0)
        if not s.partial:
            self.cross_cutting()
        # Several venues (a merged zones day): each venue's tables under its own heading.
        venues = {venue.id: venue for venue in s.venues}
        by_venue = len({table.venue_id for table in s.tables}) > 1
        current_venue: str | None = None
        for shown in self.report.tables:
            table = shown.table
            if by_venue and table.venue_id != current_venue:
                current_venue = table.venue_id
                self.depth = 0
                self.add(CondPageBreak(80 * mm))
                venue = venues.get(table.venue_id)
                self.heading(f"Sede: {venue.name if venue else '—'}", 1)
                self.depth = 1
            self.add(CondPageBreak(60 * mm))
            self.heading(table.name, 1)
            if table.axis is not None and str(table.axis) in self.cards:
                axis = self.cards[str(table.axis)]
                self.note(f"Asse {axis.code} del PSM {s.event.card_edition}: {axis.title}")
            if table.zones and not _names_zones(table):
                self.note("Zone omogenee: " + ", ".join(zone_label(z) for z in table.zones))
            self.para(self.table_presence_text(table))
            for session in shown.sessions:
                self.session_section(session)
            done += 1
            progress(done, total, table.key)
        self.depth = 0
        return done

    def session_section(self, shown: SessionReport) -> None:
        """One session of a table: question, synthesis, themes, other post-its."""
        number, session = shown.number, shown.session
        title = f"Sessione {number}. {shown.question}" if shown.question else f"Sessione {number}"
        self.heading(title, 2, f"Sessione {number}")
        if session and session.synthesis:
            for text in paragraphs(session.synthesis):
                self.para(text)
        if not shown.themes and not shown.loose:
            self.note("Nessun contributo registrato in questa sessione.")
            return
        for theme in shown.themes:
            self.theme_block(theme.theme, list(theme.posts))
        if shown.loose:
            self.heading("Altri contributi", 3)
            for post in shown.loose:
                self.add(Entry("•", post.text, self.meta(post), indent=12))

    def theme_block(self, theme: Theme, posts: list[Contribution]) -> None:
        """One theme: title, synthesis, its post-its and the cards they cite."""
        self.heading(theme.title, 3)
        if theme.synthesis:
            for text in paragraphs(theme.synthesis):
                self.para(text)
        for post in posts:
            self.add(Entry("•", post.text, self.meta(post), indent=12))
        codes: list[str] = []
        for post in posts:
            for code in post.cards:
                if code not in codes:
                    codes.append(code)
        if codes:
            linked = "; ".join(self.card_label(code) for code in sorted(codes, key=card_sort_key))
            self.note(f"Schede collegate: {linked}")

    def conclusions(self, number: int) -> None:
        """Chapter: the conclusions written by the coordinators."""
        self.heading(f"{number}. CONCLUSIONI", 0)
        texts = paragraphs(self.s.event.conclusioni)
        if not texts:
            self.note("Le conclusioni non sono state ancora scritte.")
        for text in texts:
            self.para(text)

    def appendix(self) -> None:
        """Appendix: every post-it in board order, numbered, with its tags."""
        self.add(PageBreak())
        self.heading("APPENDICE – ELENCO DEI CONTRIBUTI", 0)
        self.para(
            f"Tutti i {format_int(len(self.live))} contributi registrati ai tavoli, nell'ordine "
            "della lavagna, con tipo, tema, schede, zone e voti."
        )
        counter = 0
        for shown in self.report.tables:
            self.heading(shown.table.name, 1)
            for session in shown.sessions:
                number, listed = session.number, session.posts
                self.heading(
                    f"Sessione {number} ({len(listed)} contributi)", 2, f"Sessione {number}"
                )
                if not listed:
                    self.note("Nessun contributo.")
                for post in listed:
                    counter += 1
                    self.add(
                        Entry(f"{counter}.", post.text, self.meta(post, theme=True), indent=30)
                    )


def _names_zones(table: EventTable) -> bool:
    """Whether the table's name already says which zones it covers."""
    return all(ZONES.get(zone, "?") in table.name for zone in table.zones)
