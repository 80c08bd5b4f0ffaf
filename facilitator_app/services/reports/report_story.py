"""The restituzione's story and its helpers: paragraphs, headings, tables, labels.

:class:`ReportStory` holds what every chapter of
:mod:`~facilitator_app.services.reports.chapters` needs: the snapshot and its report model,
the document being written (a :class:`~facilitator_app.services.reports.writer.ReportWriter`:
the PDF or the Word report), and the report's words in the chosen language.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitator_app.domain import counting
from facilitator_app.domain.clock import Clock
from facilitator_app.domain.counting import COUNTING_NOTE_EN
from facilitator_app.domain.model import Contribution
from facilitator_app.domain.model import Table as EventTable
from facilitator_app.domain.vocab import ZONES
from facilitator_app.services.common.dates import long_date
from facilitator_app.services.common.texts import ITALIAN, Texts
from facilitator_app.services.records.event_records import EventRecords
from facilitator_app.services.records.report import build_report
from facilitator_app.services.reports.writer import ReportWriter

#: The translation context of the restituzione's texts.
REPORT = "Report"


def short_name(table: EventTable) -> str:
    """Short table name: "Asse 1" for "Asse 1 - Digitalizzazione, ..."; else the name."""
    return table.name.split(" - ")[0].strip() if " - " in table.name else table.name


def zone_label(zone: int) -> str:
    """A zone with its number and name, e.g. "9 Eporediese"."""
    return f"{zone} {ZONES.get(zone, '')}".strip()


class ReportStory:
    """The restituzione being written, and how to write it.

    Every text of the report is an Italian source translated through ``texts`` (context
    ``"Report"``); the event's own texts are the user's and stay as written.

    Args:
        snapshot: the records of the event (or of some tables).
        clock: gives the creation date.
        anonymise: leave the facilitators' names out.
        texts: the report's language.
        out: the document the chapters write into.
    """

    def __init__(
        self,
        snapshot: EventRecords,
        clock: Clock,
        anonymise: bool,
        texts: Texts = ITALIAN,
        *,
        out: ReportWriter,
    ) -> None:
        self.tx = texts
        self.out = out
        self.depth = 0  # heading levels added under a venue's heading
        self.s = snapshot
        self.clock = clock
        self.anonymise = anonymise
        self.live = snapshot.live_contributions()
        self.themes = snapshot.live_themes()
        self.cards = snapshot.event_cards()
        self.report = build_report(snapshot)
        self.theme_by_id = {t.id: t for t in self.themes}

    # -- helpers -----------------------------------------------------------------------

    def para(self, text: str) -> None:
        """Append a paragraph of body text."""
        self.out.paragraph(text)

    def note(self, text: str) -> None:
        """Append a note in the smaller, quieter style."""
        self.out.note(text)

    def heading(self, text: str, level: int, outline: str = "") -> None:
        """Append a heading at a level under the current venue."""
        self.out.heading(text, level + self.depth, outline)

    def table(self, rows: Sequence[Sequence[str]], widths_mm: Sequence[float]) -> None:
        """Append a table (the first row is its header); widths in millimetres."""
        self.out.table(rows, widths_mm)

    def date(self, value: str, *, weekday: bool = False) -> str:
        """A date in words in the report's language."""
        return long_date(value, self.tx.language, weekday=weekday)

    def vocab(self, label: str) -> str:
        """A label of the fixed vocabularies (kind, category, format) in the report's language."""
        return self.tx.translate("Vocab", label)

    def counting_note(self) -> str:
        """The counting rule printed next to the totals, in the report's language."""
        return COUNTING_NOTE_EN if self.tx.language == "en" else self.report.counting_note

    def axis(self, number: object) -> str:
        """An axis as the report names it: "Asse 3"."""
        return self.tx.translate("Report", "Asse {axis}").format(axis=number)

    def card_label(self, code: str) -> str:
        """A card's code with its title, as the report names it."""
        card = self.cards.get(code)
        return f"{code} {card.title}" if card else code

    def meta(self, post: Contribution, *, theme: bool = False) -> str:
        """The tags of a post-it shown under its text (kind, cards, zones, votes, theme)."""
        parts: list[str] = []
        translate = self.tx.translate
        if post.kind is not None:
            parts.append(self.vocab(post.kind.label))
        if theme and post.theme_id in self.theme_by_id:
            title = self.theme_by_id[post.theme_id].title
            parts.append(translate("Report", "Tema: {theme}").format(theme=title))
        if post.cards:
            cards = ", ".join(post.cards)
            parts.append(translate("Report", "Schede: {cards}").format(cards=cards))
        if post.zones:
            zones = ", ".join(zone_label(z) for z in post.zones)
            parts.append(translate("Report", "Zone: {zones}").format(zones=zones))
        if post.links:
            links = ", ".join(self.axis(a) for a in post.links)
            parts.append(translate("Report", "Collegamenti: {links}").format(links=links))
        if post.votes:
            parts.append(translate("Report", "Voti: {votes}").format(votes=post.votes))
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
        if len(table_ids) < 2:
            return label
        shared = self.tx.translate("Report", "{label}, {count} tavoli")
        return shared.format(label=label, count=len(table_ids))

    def table_presence_text(self, table: EventTable) -> str:
        """The people of a table as the report says them (counting rule 3)."""
        translate = self.tx.translate
        shown = self.report.table(table.id)
        if shown is None or shown.presence is None:
            return translate("Report", "Persone al tavolo: non rilevate")
        note = self.presence_note(shown.presence)
        people = translate("Report", "Persone al tavolo: {people}").format(
            people=shown.presence.people
        )
        return people + (f" ({note})" if note else "")

    def presence_note(self, presence: counting.TablePresence | None) -> str:
        """The note of a table's count: the facilitator's, or the shared count's own."""
        if presence is None:
            return ""
        shared = len(presence.shared_with)
        if presence.note == f"conteggio comune a {shared} tavoli":  # counting's own note
            note = self.tx.translate("Report", "conteggio comune a {count} tavoli")
            return note.format(count=shared)
        return presence.note

    def questions(self) -> dict[int, list[str]]:
        """The sessions' questions, by session number, without repeats."""
        found: dict[int, list[str]] = {}
        for session in self.s.sessions:
            if session.question and session.question not in found.setdefault(session.number, []):
                found[session.number].append(session.question)
        return found
