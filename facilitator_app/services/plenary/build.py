"""Building the plenary deck from an event's data, with no manual layout.

At 12:30 each facilitator tells the room what their table said. :func:`build_deck` turns
an :class:`~facilitator_app.services.records.event_records.EventRecords` (one table's
file, a venue's file or a merged event) into slides: a title slide, participation charts,
for each table a divider and, per session, its question with its top themes (by votes,
then by size) and the cards it linked, then two or three representative post-its;
cross-cutting themes and a closing slide. Every slide is fitted
(:func:`~facilitator_app.services.plenary.fitting.fit_slide`) before it is returned.

The head counts the deck shows all come from :func:`participation_figures`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace

import numpy.typing as npt

from facilitator_app.domain.vocab import ZONES
from facilitator_app.services.analysis.crosscutting import crosscutting_themes
from facilitator_app.services.common.dates import long_date
from facilitator_app.services.common.texts import ITALIAN, Texts
from facilitator_app.services.plenary.fitting import fit_slide
from facilitator_app.services.plenary.selection import (
    CROSSCUTTING_SHOWN,
    crosscutting_headings,
    sentence_case,
    short_table_names,
    shown_crosscutting,
)
from facilitator_app.services.plenary.settings import DeckSettings
from facilitator_app.services.plenary.slides import (
    CLOSING,
    CROSSCUTTING,
    PARTICIPATION,
    TITLE,
    Bar,
    Chart,
    Item,
    Slide,
)
from facilitator_app.services.plenary.table_slides import TableSlides
from facilitator_app.services.plenary.wording import counted, counting_note
from facilitator_app.services.records.event_records import EventRecords
from facilitator_app.services.records.report import build_report

# -- participation figures -----------------------------------------------------------------


@dataclass(frozen=True)
class GroupPeople:
    """People and post-its of a group of tables (a venue or a homogeneous zone).

    Attributes:
        label: the group's name ("Comune di Pinerolo", "Zona 5").
        people: people counted there; None when nobody was counted.
        post_its: post-its written there.
    """

    label: str
    people: int | None
    post_its: int


@dataclass(frozen=True)
class ParticipationFigures:
    """Every head count the deck shows.

    Attributes:
        in_presence: people in the room(s), when registered.
        online: people connected online, when registered.
        people_at_tables: people over the tables, a shared count taken once.
        people_by_table: people by table id (only tables with a count).
        shared_counts: by table id, the note of a count shared with other tables.
        venues: people and post-its by venue.
        zones: people and post-its by homogeneous zone.
        origin_by_zone: participants by zone of origin.
    """

    in_presence: int | None
    online: int | None
    people_at_tables: int | None
    people_by_table: Mapping[str, int]
    shared_counts: Mapping[str, str]
    venues: tuple[GroupPeople, ...]
    zones: tuple[GroupPeople, ...]
    origin_by_zone: Mapping[int, int]


def participation_figures(snapshot: EventRecords) -> ParticipationFigures:
    """The head counts of an event as the deck shows them: the one place they are computed.

    Every figure comes from the report model, under the counting rules of
    docs/COUNTING.md (a count shared by several tables is noted, not split).
    """
    totals = build_report(snapshot)
    people_by_table = {t.table.id: t.people for t in totals.tables if t.people is not None}
    shared_counts = {
        t.table.id: t.presence.note for t in totals.tables if t.presence and t.presence.note
    }
    return ParticipationFigures(
        in_presence=totals.in_presence,
        online=totals.online,
        people_at_tables=totals.people_at_tables,
        people_by_table=people_by_table,
        shared_counts=shared_counts,
        venues=tuple(GroupPeople(g.label, g.people, g.contributions) for g in totals.venues),
        zones=tuple(GroupPeople(g.label, g.people, g.contributions) for g in totals.zones),
        origin_by_zone=totals.origin_by_zone,
    )


# -- the deck ------------------------------------------------------------------------------


def build_deck(
    snapshot: EventRecords,
    *,
    hidden: Collection[str] = frozenset(),
    pinned: Collection[str] = frozenset(),
    settings: DeckSettings | None = None,
    crosscutting: bool = True,
    texts: Texts = ITALIAN,
    vectors: Mapping[str, npt.ArrayLike] | None = None,
) -> list[Slide]:
    """Every slide of the plenary deck, fitted, hidden ones included (and marked).

    Args:
        snapshot: the event (one table, a venue or a merged event).
        hidden: base keys of slides to hide (added to ``settings.hidden``).
        pinned: post-it ids to show first on their session's slide (added to
            ``settings.pinned``).
        settings: saved choices; defaults when None.
        crosscutting: add the cross-cutting themes slide (when there are two tables or more).
        texts: the language of the slides and notes (Italian by default).
        vectors: post-it id -> meaning vector (the vectors stored in the file, see
            :func:`~facilitator_app.services.analysis.embeddings.stored_event_vectors`):
            the cross-cutting themes then come from the meaning method; None: words.

    Returns:
        The slides in order; :func:`visible` keeps those to show.
    """
    base = settings or DeckSettings()
    chosen = replace(
        base, hidden=base.hidden | frozenset(hidden), pinned=base.pinned | frozenset(pinned)
    )
    builder = _DeckBuilder(
        snapshot, chosen, crosscutting and len(snapshot.tables) > 1, texts, vectors
    )
    deck: list[Slide] = []
    short = {t.key: builder.short[t.id] for t in snapshot.tables}
    continued = texts.translate("Plenary", "(segue)")
    for slide in builder.build():
        slide = replace(slide, footer=short.get(slide.table_key, ""))
        for part in fit_slide(slide, continued):
            deck.append(replace(part, hidden=part.base_key in chosen.hidden))
    return deck


def visible(deck: Iterable[Slide]) -> list[Slide]:
    """The slides to show, in order."""
    return [slide for slide in deck if not slide.hidden]


def table_titles(snapshot: EventRecords) -> list[str]:
    """The names of the tables, as their divider slides show them."""
    return [table.name for table in snapshot.tables]


def _zone_name(label: str) -> str:
    """The zone's name after its label ("Zona 5" -> " Pinerolese"), "" when unknown."""
    number = label.rsplit(" ", 1)[-1]
    return f" {ZONES[int(number)]}" if number.isdigit() and int(number) in ZONES else ""


class _DeckBuilder:
    """The slides of one event, unfitted, in order (one method per event-wide part)."""

    def __init__(
        self,
        snapshot: EventRecords,
        settings: DeckSettings,
        crosscutting: bool,
        texts: Texts = ITALIAN,
        vectors: Mapping[str, npt.ArrayLike] | None = None,
    ) -> None:
        self.texts = texts
        self.vectors = vectors
        self.records = snapshot
        self.settings = settings
        self.crosscutting = crosscutting
        self.posts = snapshot.live_contributions()
        self.themes = snapshot.live_themes()
        self.short = short_table_names(snapshot.tables)
        self.figures = participation_figures(snapshot)
        self.tables = TableSlides(
            snapshot,
            settings,
            self.posts,
            self.themes,
            self.short,
            self.figures.people_by_table,
            self.figures.shared_counts,
            texts,
        )

    def build(self) -> list[Slide]:
        slides = [self.title(), *self.participation()]
        for table in self.records.tables:
            slides += self.tables.slides_of(table)
        if self.crosscutting:
            slides += self.crosscutting_slides()
        slides.append(self.closing())
        return slides

    def title(self) -> Slide:
        event = self.records.event
        where = [v.name for v in self.records.venues]
        tx = self.texts
        parts = [long_date(event.date, tx.language, weekday=True)]
        if len(self.records.tables) == 1:
            parts.append(self.records.tables[0].name)
        elif len(where) == 1:
            parts.append(where[0])
        elif where:
            parts.append(counted(tx, len(where), "sede"))
        kicker = tx.translate(
            "Plenary", "Piano Strategico Metropolitano · Città metropolitana di Torino"
        )
        items = [
            Item(kicker, "kicker"),
            Item(event.title, "cover_title"),
            *(Item(text, "cover_sub") for text in parts),
        ]
        notes = (
            f"{tx.translate('Vocab', event.format.label)}. "
            f"{counted(tx, len(self.records.tables), 'tavolo')}, "
            f"{counted(tx, len(self.posts), 'post-it')}, "
            f"{counted(tx, len(self.themes), 'tema')}."
        )
        return Slide("title", TITLE, items=tuple(items), notes=notes)

    def participation(self) -> list[Slide]:
        tx = self.texts
        totals = self.figures
        figures: list[str] = []
        if totals.in_presence is not None:
            figures.append(tx.translate("Plenary", "{n} in presenza").format(n=totals.in_presence))
        if totals.online is not None:
            figures.append(tx.translate("Plenary", "{n} collegati online").format(n=totals.online))
        if totals.people_at_tables is not None:
            figures.append(
                tx.translate("Plenary", "{n} persone ai tavoli").format(n=totals.people_at_tables)
            )
        figures.append(counted(tx, len(self.posts), "post-it"))
        intro = (Item(" · ".join(figures), "figure"),)
        venue_line = tx.translate("Plenary", "{venue}: {people} persone, {posts} post-it")
        unknown = tx.translate("Plenary", "n.d.")
        notes = [
            venue_line.format(
                venue=group.label, people=group.people or unknown, posts=group.post_its
            )
            for group in totals.venues
        ]
        shared = totals.shared_counts
        notes += [
            f"{self.short[t.id]}: {shared[t.id]}" for t in self.records.tables if t.id in shared
        ]
        slides: list[Slide] = []
        if len(self.records.tables) == 1 and totals.in_presence is None and totals.online is None:
            # The table's own slide already says its people and post-its.
            return slides
        thousands = "," if tx.language == "en" else "."
        presence = totals.people_by_table
        people = [
            Bar(self.short[t.id], presence[t.id]) for t in self.records.tables if t.id in presence
        ]
        if len(self.records.tables) > 1 and people:
            chart = Chart(tuple(people), thousands=thousands)
            slides.append(
                Slide(
                    "participation",
                    PARTICIPATION,
                    tx.translate("Plenary", "Partecipazione: persone per tavolo"),
                    intro,
                    "\n".join(notes),
                    chart,
                )
            )
        elif len(self.records.tables) > 1:
            chart = Chart(
                tuple(
                    Bar(self.short[t.id], sum(1 for p in self.posts if p.table_id == t.id))
                    for t in self.records.tables
                ),
                thousands=thousands,
            )
            slides.append(
                Slide(
                    "participation",
                    PARTICIPATION,
                    tx.translate("Plenary", "Partecipazione: post-it per tavolo"),
                    intro,
                    tx.translate("Plenary", "Presenze non ancora registrate.")
                    + "\n"
                    + "\n".join(notes),
                    chart,
                )
            )
        else:
            slides.append(
                Slide(
                    "participation",
                    PARTICIPATION,
                    tx.translate("Plenary", "Partecipazione"),
                    intro,
                    "\n".join(notes),
                )
            )
        venues = [Bar(g.label, g.people) for g in totals.venues if g.people is not None]
        if len(venues) > 1:
            slides.append(
                Slide(
                    "participation:venues",
                    PARTICIPATION,
                    tx.translate("Plenary", "Persone per sede"),
                    (),
                    "",
                    Chart(tuple(venues), thousands=thousands),
                )
            )
        origin = totals.origin_by_zone
        zones = [
            Bar(self.zone_label(g.label), g.people) for g in totals.zones if g.people is not None
        ]
        if origin and len(origin) > 1:
            bars = tuple(Bar(f"{z} {ZONES.get(z, '')}".strip(), n) for z, n in origin.items())
            slides.append(
                Slide(
                    "participation:zones",
                    PARTICIPATION,
                    tx.translate("Plenary", "Partecipanti per zona di provenienza"),
                    (),
                    counting_note(tx),
                    Chart(bars, thousands=thousands),
                )
            )
        elif len(zones) > 1 and len(zones) != len(people):
            slides.append(
                Slide(
                    "participation:zones",
                    PARTICIPATION,
                    tx.translate("Plenary", "Persone per zona omogenea"),
                    (),
                    "",
                    Chart(tuple(zones), thousands=thousands),
                )
            )
        return slides

    def zone_label(self, label: str) -> str:
        """A homogeneous zone's label ("Zona 5") in the deck's language, with its name."""
        number = label.rsplit(" ", 1)[-1]
        if not number.isdigit():
            return label
        return self.texts.translate("Plenary", "Zona {n}").format(n=number) + _zone_name(label)

    def crosscutting_slides(self) -> list[Slide]:
        tx = self.texts
        text = self.records.event.temi_trasversali
        headings = crosscutting_headings(text)
        if headings:
            items = tuple(
                Item(sentence_case(h), "theme", glyph="•") for h in headings[:CROSSCUTTING_SHOWN]
            )
            return [
                Slide(
                    "crosscutting",
                    CROSSCUTTING,
                    tx.translate("Plenary", "Temi trasversali"),
                    items,
                    tx.translate("Plenary", "Dal testo dei temi trasversali dell'evento.")
                    + "\n"
                    + text,
                )
            ]
        found = shown_crosscutting(
            crosscutting_themes(self.posts, self.records.tables, self.themes, vectors=self.vectors)
        )
        if not found:
            return []
        by_key = {t.key: self.short[t.id] for t in self.records.tables}
        items = tuple(
            Item(title, "theme", " · ".join(by_key.get(k, k) for k in theme.tables), "•")
            for title, theme in found[:CROSSCUTTING_SHOWN]
        )
        notes = tx.translate(
            "Plenary",
            "Proposta automatica dai contenuti dei tavoli: verificare prima di presentare.",
        )
        notes += "\n" + "\n".join(f"{title}: {', '.join(t.tables)}" for title, t in found)
        heading = tx.translate("Plenary", "Temi emersi in più tavoli")
        return [Slide("crosscutting", CROSSCUTTING, heading, items, notes)]

    def closing(self) -> Slide:
        tx = self.texts
        event = self.records.event
        figures = [
            counted(tx, len(self.records.tables), "tavolo"),
            counted(tx, len(self.posts), "post-it"),
            counted(tx, len(self.themes), "tema"),
        ]
        items = (
            Item(event.title, "kicker"),
            Item(tx.translate("Plenary", "Grazie per la partecipazione"), "cover_title"),
            Item(" · ".join(figures), "cover_sub"),
        )
        return Slide("closing", CLOSING, items=items, notes=event.conclusioni)
