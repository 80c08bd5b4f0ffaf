"""A table's slides: its divider, then per session its top themes and its voices.

The divider names the table and its figures, and gives one line to each session with
nothing recorded (never a slide of its own). The themes slide shows the session's
question, the facilitator's synthesis and up to :data:`TOP_THEMES` themes (by votes, then
by size; those that do not fit go to the notes); the voices slide quotes two or three
representative post-its, pinned ones first; the cards slide
(:mod:`~facilitator_app.services.plenary.card_slides`) the cards the table put in play.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from facilitator_app.domain.model import Contribution, Table, TableCard, Theme
from facilitator_app.services.common.texts import ITALIAN, Texts
from facilitator_app.services.plenary.card_slides import cards_slide, cited_cards_note
from facilitator_app.services.plenary.measure import body_room, flow_height
from facilitator_app.services.plenary.selection import (
    REPRESENTATIVE,
    TOP_THEMES,
    ranked_themes,
    representative_post_its,
)
from facilitator_app.services.plenary.settings import DeckSettings
from facilitator_app.services.plenary.slides import MIN_FONT, TABLE, THEMES, VOICES, Item, Slide
from facilitator_app.services.plenary.wording import counted
from facilitator_app.services.records.event_records import EventRecords


def plural(count: int, one: str, many: str) -> str:
    """A count with its noun in Italian: "1 tema", "3 temi"."""
    return f"{count} {one if count == 1 else many}"


def _quote(post: Contribution, texts: Texts = ITALIAN) -> Item:
    """A post-it as a quote, its kind and votes on the detail line."""
    detail = []
    if post.kind is not None:
        detail.append(texts.translate("Vocab", post.kind.label))
    if post.votes:
        detail.append(counted(texts, post.votes, "voto"))
    return Item(f"«{post.text.strip()}»", "quote", " · ".join(detail), ref=post.id)


class TableSlides:
    """Makes the slides of each table of an event.

    Args:
        snapshot: the event.
        settings: the facilitator's choices (pinned post-its, minutes per table).
        posts: the event's live post-its.
        themes: the event's live themes.
        short: short table names by table id.
        people_by_table: people by table id (tables with a count).
        shared_counts: by table id, the note of a count shared with other tables.
        texts: the language of the slides (Italian by default).
    """

    def __init__(
        self,
        snapshot: EventRecords,
        settings: DeckSettings,
        posts: Sequence[Contribution],
        themes: Sequence[Theme],
        short: Mapping[str, str],
        people_by_table: Mapping[str, int],
        shared_counts: Mapping[str, str],
        texts: Texts = ITALIAN,
    ) -> None:
        self.texts = texts
        self.records = snapshot
        self.settings = settings
        self.posts = posts
        self.themes = themes
        self.short = short
        self.people_by_table = people_by_table
        self.shared_counts = shared_counts
        self.cards = snapshot.event_cards()
        self.venues = {v.id: v for v in snapshot.venues}

    def slides_of(self, table: Table) -> list[Slide]:
        """The table's divider, then each session's themes and voices slides."""
        tx = self.texts
        short = self.short[table.id]
        posts = [p for p in self.posts if p.table_id == table.id]
        themes = [t for t in self.themes if t.table_id == table.id]
        presence = self.people_by_table
        shared = self.shared_counts
        figures = []
        if table.id in presence:
            figures.append(counted(tx, presence[table.id], "persona"))
        figures += [counted(tx, len(posts), "post-it"), counted(tx, len(themes), "tema")]
        venue = self.venues.get(table.venue_id)
        kicker = venue.name if venue else tx.translate("Plenary", "Tavolo")
        notes = [
            tx.translate("Plenary", "Restituzione: {minutes} minuti per tavolo.").format(
                minutes=self.settings.minutes
            )
        ]
        if table.facilitator:
            notes.append(
                tx.translate("Plenary", "Facilitazione: {name}.").format(name=table.facilitator)
            )
        if table.id in shared:
            notes.append(
                tx.translate("Plenary", "Presenze: {count}.").format(count=shared[table.id])
            )
        numbers = sorted(
            {s.number for s in self.records.sessions if s.table_id == table.id}
            | {p.session for p in posts}
            | {t.session for t in themes if t.session is not None}
        )
        played = [c for c in self.records.table_cards if c.table_id == table.id]
        recorded = [n for n in numbers if self._recorded(table, n, posts, played)]
        items = [
            Item(kicker, "kicker"),
            Item(table.name, "cover_title"),
            Item(" · ".join(figures), "cover_sub"),
        ]
        empty = tx.translate("Plenary", "Sessione {number}: nessun contributo registrato")
        items += [Item(empty.format(number=n), "cover_sub") for n in numbers if n not in recorded]
        slides = [
            Slide(
                f"table:{table.key}",
                TABLE,
                items=tuple(items),
                notes="\n".join(notes),
                table_key=table.key,
            )
        ]
        for number in recorded:
            slides += self._session(table, short, number)
        cards = cards_slide(table, short, played, self.cards, tx)
        if cards is not None:
            slides.append(cards)
        return slides

    def _recorded(
        self, table: Table, number: int, posts: Sequence[Contribution], played: Sequence[TableCard]
    ) -> bool:
        """Whether anything was recorded in a session: post-its, themes, synthesis, cards."""
        record = self.records.session(table.id, number)
        return (
            any(p.session == number for p in posts)
            or any(t.table_id == table.id and t.session == number for t in self.themes)
            or bool(record is not None and record.synthesis.strip())
            or any(c.session == number for c in played)
        )

    def _session(self, table: Table, short: str, number: int) -> list[Slide]:
        """A session's themes slide, then its voices slide (when it has post-its)."""
        record = self.records.session(table.id, number)
        posts = [p for p in self.posts if p.table_id == table.id and p.session == number]
        ranked = ranked_themes(self.records, table, number, posts)
        tx = self.texts
        base = f"table:{table.key}:{number}"
        title = tx.translate("Plenary", "{table} · Sessione {number}").format(
            table=short, number=number
        )
        items: list[Item] = []
        if record is not None and record.question:
            items.append(Item(record.question, "question"))
        if record is not None and record.synthesis.strip():
            items.append(Item(record.synthesis.strip(), "synthesis"))
        themes: list[Item] = []
        for index, (theme, members) in enumerate(ranked[:TOP_THEMES], start=1):
            votes = sum(p.votes for p in members)
            detail = counted(tx, len(members), "post-it")
            if votes:
                detail += f" · {counted(tx, votes, 'voto')}"
            themes.append(Item(theme.title, "theme", detail, f"{index}.", theme.id))
        # The synthesis and the themes share one slide: the lowest-ranked themes go to the
        # notes rather than onto a "(segue)" slide (the synthesis already tells them).
        room = body_room(title)
        while themes and flow_height([*items, *themes], MIN_FONT) > room:
            themes.pop()
        items += themes
        loose = [p for p in posts if not p.theme_id]
        if not ranked and posts:
            items.append(
                Item(
                    tx.translate("Plenary", "{posts}, non ancora raggruppati in temi").format(
                        posts=counted(tx, len(posts), "post-it")
                    ),
                    "bullet",
                    glyph="•",
                )
            )
        notes = []
        if len(ranked) > len(themes):
            others = "; ".join(t.title for t, _ in ranked[len(themes) :])
            notes.append(tx.translate("Plenary", "Altri temi: {themes}").format(themes=others))
        if loose and ranked:
            notes.append(
                tx.translate("Plenary", "{posts} senza tema.").format(
                    posts=counted(tx, len(loose), "post-it")
                )
            )
        cited = cited_cards_note(posts, self.cards, tx)
        if cited:
            notes.append(cited)
        slides = [
            Slide(
                base + ":themes",
                THEMES,
                title,
                tuple(items),
                "\n".join(notes),
                table_key=table.key,
                session=number,
            )
        ]
        if posts:
            pinned = [p.id for p in posts if p.id in self.settings.pinned]
            chosen = representative_post_its(posts, ranked, self.settings.pinned)
            quotes = [_quote(p, tx) for p in chosen]
            voices_title = tx.translate(
                "Plenary", "{table} · Sessione {number}: dal tavolo"
            ).format(table=short, number=number)
            # Two or three: drop the third (if not pinned) when three need a second slide.
            if len(quotes) == REPRESENTATIVE and chosen[-1].id not in self.settings.pinned:
                room = body_room(voices_title)
                if flow_height(quotes, MIN_FONT) > room:
                    quotes = quotes[:-1]
            rest = [p for p in posts if p.id not in {q.ref for q in quotes}]
            voice_notes = "\n".join(f"• {p.text}" for p in rest[:8])
            slides.append(
                Slide(
                    base + ":voices",
                    VOICES,
                    voices_title,
                    tuple(quotes),
                    (tx.translate("Plenary", "Altri post-it:") + "\n" + voice_notes)
                    if voice_notes
                    else "",
                    table_key=table.key,
                    session=number,
                    pinned=tuple(pinned),
                    candidates=tuple((p.id, p.text) for p in posts),
                )
            )
        return slides
