"""The chapters of the restituzione (PDF and Word), each rendered from the report model.

Cover, premessa, structure, programme, participation (with the counting rule stated next
to the totals), cross-cutting themes, the themes of every table and session, conclusions
and the appendix of every post-it. They write through a
:class:`~facilitator_app.services.reports.writer.ReportWriter`:
:mod:`~facilitator_app.services.reports.restituzione` lays them out into the PDF,
:mod:`~facilitator_app.services.reports.word_report` into the Word document.
"""

from __future__ import annotations

import re

from facilitator_app import __version__
from facilitator_app.domain import counting
from facilitator_app.domain.model import Contribution, Theme
from facilitator_app.domain.model import Table as EventTable
from facilitator_app.domain.rules import card_sort_key
from facilitator_app.domain.timer import elapsed_minutes
from facilitator_app.domain.vocab import (
    CATEGORY_LABELS,
    ZONES,
    EventFormat,
    StakeholderCategory,
)
from facilitator_app.services.common.dates import local_hhmm
from facilitator_app.services.common.pdf_style import format_int, paragraphs
from facilitator_app.services.common.progress import Progress
from facilitator_app.services.records.report import SessionReport
from facilitator_app.services.reports.report_story import ReportStory, short_name, zone_label

# "COMPETENZE DI CMT E COORDINAMENTO. Testo..." -> a sub-heading and its paragraph.
_CAPS_HEADING = re.compile(r"^([A-ZÀÈÉÌÍÒÓÙ0-9][A-ZÀÈÉÌÍÒÓÙ0-9 ,;:'’()\-]{4,})\.\s+(\S.*)$")
PROGRESS_EVERY = 100


class RestituzioneChapters(ReportStory):
    """Writes the restituzione, chapter by chapter."""

    def write_all(self, progress: Progress, *, extra_steps: int = 0) -> tuple[int, int]:
        """Write every chapter in order; return the progress steps done and in all.

        Args:
            progress: ``progress(done, total, label)``, one step per table and chapter.
            extra_steps: steps the caller still has to do after the chapters (laying out,
                saving), counted in the total so the bar never goes back.
        """
        prepare = len(self.s.tables) + 6
        total = prepare + extra_steps
        progress(0, total, self.tx.translate("Report", "preparazione"))
        self.cover()
        self.premessa(1)
        self.structure(2)
        self.programme(3)
        self.participation(4)
        done = self.themes_chapter(5, progress, total, 4)
        self.conclusions(6)
        self.appendix()
        return done + 1, total

    # -- chapters ----------------------------------------------------------------------

    def cover(self) -> None:
        """The cover page."""
        s = self.s
        event = s.event
        out = self.out
        translate = self.tx.translate
        out.space(30)
        out.cover(translate("Report", "Città metropolitana di Torino"), "kicker")
        if event.plan_edition:
            plan = translate("Report", "Piano Strategico Metropolitano {edition}")
            out.cover(plan.format(edition=event.plan_edition), "line")
        out.space(18)
        out.cover(event.title, "title")
        if s.partial:
            names = ", ".join(t.name for t in s.tables)
            of_table = translate("Report", "Restituzione del tavolo: {names}")
            out.cover(of_table.format(names=names), "subtitle")
        else:
            out.cover(translate("Report", "Restituzione dei tavoli di lavoro"), "subtitle")
        out.cover(self.date(event.date, weekday=True), "line")
        for venue in s.venues:
            place = f"{venue.name}, {venue.address}" if venue.address else venue.name
            out.cover(place, "line")
        out.space(60)
        generated = self.date(self.clock.now().date().isoformat())
        made = translate("Report", "Documento generato il {date} con facilitator_app {version}.")
        self.note(made.format(date=generated, version=__version__))
        out.page_break()

    def premessa(self, number: int) -> None:
        """Chapter: the premessa written by the coordinators."""
        self.heading(f"{number}. " + self.tx.translate("Report", "PREMESSA"), 0)
        texts = paragraphs(self.s.event.premessa)
        if not texts:
            self.note(self.tx.translate("Report", "La premessa non è stata ancora scritta."))
        for text in texts:
            self.para(text)

    def structure(self, number: int) -> None:
        """Chapter: the tables, their sessions' questions and the event's head counts."""
        s = self.s
        event = s.event
        translate = self.tx.translate
        self.heading(f"{number}. " + translate("Report", "OBIETTIVI E STRUTTURA DELL'EVENTO"), 0)
        count = len(s.tables)
        kind = self.vocab(event.format.label).lower()
        organised = (
            translate(
                "Report",
                "L'incontro è stato organizzato in {count} tavoli di lavoro ({kind}), "
                "svolti simultaneamente e in presenza:",
            )
            if count != 1
            else translate(
                "Report",
                "L'incontro è stato organizzato in {count} tavolo di lavoro ({kind}), "
                "svolti simultaneamente e in presenza:",
            )
        )
        self.para(organised.format(count=count, kind=kind))
        for table in s.tables:
            details = []
            if table.zones and not _names_zones(table):
                zones = ", ".join(zone_label(z) for z in table.zones)
                details.append(translate("Report", "zone {zones}").format(zones=zones))
            if table.facilitator and not self.anonymise:
                by = translate("Report", "facilitato da {name}")
                details.append(by.format(name=table.facilitator))
            suffix = f" ({'; '.join(details)})" if details else ""
            self.out.bullet(table.name + suffix)
        questions = self.questions()
        if questions:
            self.para(
                translate(
                    "Report", "Ciascun tavolo ha previsto due sessioni di discussione facilitate:"
                )
            )
            for session_number in sorted(questions):
                label = translate("Report", "SESSIONE {number}.").format(number=session_number)
                for question in questions[session_number]:
                    self.out.bullet(question, lead=label)
        figures = []
        if event.in_presence is not None:
            took_part = translate(
                "Report", "hanno preso parte in totale {people} persone in presenza"
            )
            figures.append(took_part.format(people=event.in_presence))
        if self.report.online is not None:  # the venues' figures added up (rule 9)
            online = translate(
                "Report",
                "collegate online per ascoltare le plenarie sono state registrate {people} persone",
            )
            figures.append(online.format(people=self.report.online))
        if figures:
            meeting = translate("Report", "All'incontro {figures}.")
            self.para(meeting.format(figures="; ".join(figures)))

    def programme(self, number: int) -> None:
        """Chapter: the agenda and the sessions' planned and actual times."""
        s = self.s
        translate = self.tx.translate
        self.heading(f"{number}. " + translate("Report", "PROGRAMMA DELLA GIORNATA"), 0)
        if s.agenda:
            rows: list[list[str]] = [
                [
                    translate("Report", "Orario"),
                    translate("Report", "Attività"),
                    translate("Report", "Orario effettivo"),
                ]
            ]
            for item in s.agenda:
                planned = " – ".join(t for t in (item.start, item.end) if t)
                actual = " – ".join(
                    t for t in (local_hhmm(item.actual_start), local_hhmm(item.actual_end)) if t
                )
                rows.append([planned, item.title, actual])
            self.table(rows, [28, 112, 32])
        else:
            self.note(translate("Report", "Il programma della giornata non è stato inserito."))
        timed = [x for x in s.sessions if x.actual_start or x.actual_end]
        self.out.space(4)
        self.heading(translate("Report", "Orari delle sessioni ai tavoli"), 1)
        if not timed:
            self.note(
                translate("Report", "Gli orari effettivi delle sessioni non sono stati registrati.")
            )
            return
        rows = [
            [
                translate("Report", "Tavolo"),
                translate("Report", "Sessione"),
                translate("Report", "Prevista"),
                translate("Report", "Effettiva"),
                translate("Report", "Durata"),
            ]
        ]
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
                    translate("Report", "{minutes} min").format(minutes=minutes)
                    if minutes is not None
                    else "—",
                ]
            )
        self.table(rows, [52, 20, 34, 34, 32])

    def participation(self, number: int) -> None:
        """Chapter: people at the tables and their breakdowns, with the counting rule."""
        s = self.s
        translate = self.tx.translate
        self.heading(f"{number}. " + translate("Report", "PARTECIPAZIONE"), 0)
        event = s.event
        report = self.report
        totals = []
        if event.in_presence is not None:
            present = translate("Report", "{people} persone in presenza")
            totals.append(present.format(people=event.in_presence))
        if report.online is not None:
            online = translate("Report", "{people} collegate online alle plenarie")
            totals.append(online.format(people=report.online))
        if totals and not s.partial:
            joined = translate("Report", " e ").join(totals)
            self.para(
                translate("Report", "Partecipanti all'evento: {totals}.").format(totals=joined)
            )
            if report.online is not None:
                self.note(
                    translate(
                        "Report",
                        "Regola di conteggio: le persone online sono la somma delle cifre "
                        "delle sedi; quelle in presenza, il totale dell'evento.",
                    )
                )
        people = report.people_at_tables
        names = {t.id: short_name(t) for t in s.tables}
        groups = [(self.group_label(g.table_ids), g.people) for g in report.count_groups]
        if people is not None:
            split = "; ".join(f"{present} ({label})" for label, present in groups)
            took_part = translate(
                "Report",
                "Hanno partecipato alla discussione ai tavoli {people} persone, così "
                "suddivise: {split}.",
            )
            self.para(took_part.format(people=people, split=split))
            self.note(self.counting_note())
        else:
            self.note(translate("Report", "Le presenze ai tavoli non sono state registrate."))
        rows: list[list[str]] = [
            [
                translate("Report", "Tavolo"),
                translate("Report", "Persone"),
                translate("Report", "Nota"),
            ]
        ]
        for shown in report.tables:
            rows.append(
                [
                    shown.table.name,
                    "—" if shown.people is None else str(shown.people),
                    self.presence_note(shown.presence),
                ]
            )
        labels = [label for label, _ in groups]
        values = [present for _, present in groups]
        self.table(rows, [95, 20, 59])
        if values:
            self.out.chart(labels, values, translate("Report", "Persone per tavolo"))
        by_session = [c for c in s.counts if c.session is not None and c.present is not None]
        if by_session:
            self.heading(translate("Report", "Presenze per sessione"), 1)
            rows = [
                [
                    translate("Report", "Tavolo"),
                    translate("Report", "Sessione"),
                    translate("Report", "Persone"),
                ]
            ]
            for count in by_session:
                label = ", ".join(names.get(t, "") for t in count.table_ids)
                rows.append([label, str(count.session), str(count.present)])
            self.table(rows, [95, 25, 25])
        self.breakdown(
            translate("Report", "Persone per zona omogenea"),
            {zone_label(int(z)): n for z, n in report.origin.values.items()},
            report.origin,
            translate("Report", "La ripartizione per zona omogenea non è stata rilevata."),
        )
        categories: dict[str, int] = {}
        for key, value in report.categories.values.items():
            try:
                label = self.vocab(CATEGORY_LABELS[StakeholderCategory(str(key))])
            except ValueError:
                label = str(key)
            categories[label] = categories.get(label, 0) + value
        self.breakdown(
            translate("Report", "Persone per categoria"),
            categories,
            report.categories,
            translate("Report", "La ripartizione per categoria di attori non è stata rilevata."),
        )
        self.axis_tags()

    def axis_tags(self) -> None:
        """Per axis, the post-its of the zone tables that speak to it (rule 8)."""
        tallies = self.report.axis_tags
        if not tallies:
            return
        translate = self.tx.translate
        # The same title as records.report.AXIS_TAGS_TITLE, written here for lupdate.
        self.heading(
            translate(
                "Report", "Assi nei contributi dei tavoli per zona (dai tag di asse e di scheda)"
            ),
            1,
        )
        rows: list[list[str]] = [
            [
                translate("Report", "Asse"),
                translate("Report", "Contributi"),
                translate("Report", "Voti"),
            ]
        ]
        rows += [[self.axis(t.axis), str(t.contributions), str(t.votes)] for t in tallies]
        self.table(rows, [95, 25, 25])
        self.note(
            translate(
                "Report",
                "Un contributo conta per l'asse del suo tag (#a3) e per gli assi delle schede "
                "citate, una volta per asse.",
            )
        )

    def breakdown(
        self, title: str, values: dict[str, int], tally: counting.Breakdown, missing: str
    ) -> None:
        """A breakdown of people (table, chart, how complete the tally is, the rule)."""
        translate = self.tx.translate
        self.heading(title, 1)
        shown = {label: value for label, value in values.items() if value}
        if not shown:
            self.note(missing)
            return
        rows: list[list[str]] = [[translate("Report", "Voce"), translate("Report", "Persone")]]
        rows += [[label, str(value)] for label, value in shown.items()]
        self.table(rows, [95, 25])
        self.out.chart(list(shown), list(shown.values()), title)
        if tally.present is not None and tally.tallied_of_present != tally.present:
            tallied = translate("Report", "Ripartite {tallied} persone su {present} presenti.")
            self.note(tallied.format(tallied=tally.tallied_of_present, present=tally.present))
        if tally.unmatched:
            unmatched = translate(
                "Report",
                "Altre {people} persone ripartite in conteggi senza il numero dei presenti.",
            )
            self.note(unmatched.format(people=tally.unmatched))
        self.note(self.counting_note())

    def cross_cutting(self) -> None:
        """The cross-cutting themes written by the coordinators."""
        texts = paragraphs(self.s.event.temi_trasversali)
        self.heading(self.tx.translate("Report", "Temi trasversali agli assi"), 1)
        if not texts:
            self.note(
                self.tx.translate("Report", "I temi trasversali non sono stati ancora scritti.")
            )
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
        translate = self.tx.translate
        self.heading(f"{number}. " + translate("Report", "RESTITUZIONE DEI TEMI EMERSI"), 0)
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
                self.out.keep_room(80)
                venue = venues.get(table.venue_id)
                place = venue.name if venue else "—"
                self.heading(translate("Report", "Sede: {venue}").format(venue=place), 1)
                self.depth = 1
            self.out.keep_room(60)
            self.heading(table.name, 1)
            if table.axis is not None and str(table.axis) in self.cards:
                axis = self.cards[str(table.axis)]
                of_plan = translate("Report", "Asse {code} del PSM {edition}: {title}")
                self.note(
                    of_plan.format(code=axis.code, edition=s.event.card_edition, title=axis.title)
                )
            if table.zones and not _names_zones(table):
                zones = ", ".join(zone_label(z) for z in table.zones)
                self.note(translate("Report", "Zone omogenee: {zones}").format(zones=zones))
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
        translate = self.tx.translate
        short = translate("Report", "Sessione {number}").format(number=number)
        title = f"{short}. {shown.question}" if shown.question else short
        self.heading(title, 2, short)
        if session and session.synthesis:
            for text in paragraphs(session.synthesis):
                self.para(text)
        self.cards_in_play(shown)
        if not shown.themes and not shown.loose:
            self.note(translate("Report", "Nessun contributo registrato in questa sessione."))
            return
        for theme in shown.themes:
            self.theme_block(theme.theme, list(theme.posts))
        if shown.loose:
            self.heading(translate("Report", "Altri contributi"), 3)
            for post in shown.loose:
                self.out.entry("•", post.text, self.meta(post), indent=12)

    def cards_in_play(self, shown: SessionReport) -> None:
        """The cards a session put in play: place, code, title, votes (counting rule 6).

        A session without cards says so only where cards are the point: the first session
        of a zones day ("which strategies matter most for the zone").
        """
        translate = self.tx.translate
        played = shown.cards_in_play
        if not played:
            if self.s.event.format is EventFormat.ZONE and shown.number == 1:
                self.note(translate("Report", "Nessuna scheda in gioco."))
            return
        self.heading(translate("Report", "Schede in gioco"), 3)
        places = counting.card_places(counting.card_votes(played))
        rows = [
            [
                translate("Report", "Posto"),
                translate("Report", "Scheda"),
                translate("Report", "Titolo"),
                translate("Report", "Voti"),
            ]
        ]
        for card in played:
            strategy = self.cards.get(card.code)
            place = places.get(card.code)
            rows.append(
                [
                    "—" if place is None else str(place),
                    card.code,
                    strategy.title if strategy else "",
                    str(card.votes),
                ]
            )
        self.table(rows, [14, 18, 122, 18])
        self.note(
            translate(
                "Report",
                "Regola di conteggio: un voto vale per quella scheda, non per la sua strategia "
                "o il suo asse; a pari voti, pari posto.",
            )
        )

    def theme_block(self, theme: Theme, posts: list[Contribution]) -> None:
        """One theme: title, synthesis, its post-its and the cards they cite."""
        self.heading(theme.title, 3)
        if theme.synthesis:
            for text in paragraphs(theme.synthesis):
                self.para(text)
        for post in posts:
            self.out.entry("•", post.text, self.meta(post), indent=12)
        codes: list[str] = []
        for post in posts:
            for code in post.cards:
                if code not in codes:
                    codes.append(code)
        if codes:
            linked = "; ".join(self.card_label(code) for code in sorted(codes, key=card_sort_key))
            self.note(self.tx.translate("Report", "Schede collegate: {cards}").format(cards=linked))

    def conclusions(self, number: int) -> None:
        """Chapter: the conclusions written by the coordinators."""
        self.heading(f"{number}. " + self.tx.translate("Report", "CONCLUSIONI"), 0)
        texts = paragraphs(self.s.event.conclusioni)
        if not texts:
            self.note(self.tx.translate("Report", "Le conclusioni non sono state ancora scritte."))
        for text in texts:
            self.para(text)

    def appendix(self) -> None:
        """Appendix: every post-it in board order, numbered, with its tags."""
        translate = self.tx.translate
        self.out.page_break()
        self.heading(translate("Report", "APPENDICE – ELENCO DEI CONTRIBUTI"), 0)
        every = translate(
            "Report",
            "Tutti i {count} contributi registrati ai tavoli, nell'ordine della lavagna, con "
            "tipo, tema, schede, zone e voti.",
        )
        self.para(every.format(count=format_int(len(self.live))))
        self.note(
            translate(
                "Report",
                "Regola di conteggio: contano i post-it sulla lavagna; quelli eliminati restano "
                "nel file per l'unione, ma non sono contati né mostrati.",
            )
        )
        counter = 0
        for shown in self.report.tables:
            self.heading(shown.table.name, 1)
            for session in shown.sessions:
                number, listed = session.number, session.posts
                short = translate("Report", "Sessione {number}").format(number=number)
                heading = translate("Report", "Sessione {number} ({count} contributi)")
                self.heading(heading.format(number=number, count=len(listed)), 2, short)
                if not listed:
                    self.note(translate("Report", "Nessun contributo."))
                for post in listed:
                    counter += 1
                    self.out.entry(f"{counter}.", post.text, self.meta(post, theme=True), indent=30)


def _names_zones(table: EventTable) -> bool:
    """Whether the table's name already says which zones it covers."""
    return all(ZONES.get(zone, "?") in table.name for zone in table.zones)
