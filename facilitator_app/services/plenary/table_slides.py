"""A table's slides: its divider, then per session its top themes and its voices.

The themes slide shows the session's question, its :data:`TOP_THEMES` themes (by votes,
then by size) and the cards it linked; the voices slide quotes two or three
representative post-its, pinned ones first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from facilitator_app.domain.model import Contribution, Table, Theme
from facilitator_app.services.common.texts import ITALIAN, Texts
from facilitator_app.services.plenary.measure import body_room, flow_height
from facilitator_app.services.plenary.selection import (
    CARDS_SHOWN,
    REPRESENTATIVE,
    TOP_THEMES,
    linked_cards,
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
        slides = [
            Slide(
                f"table:{table.key}",
                TABLE,
                items=(
                    Item(kicker, "kicker"),
                    Item(table.name, "cover_title"),
                    Item(" · ".join(figures), "cover_sub"),
                ),
                notes="\n".join(notes),
                table_key=table.key,
            )
        ]
        numbers = sorted(
            {s.number for s in self.records.sessions if s.table_id == table.id}
            | {p.session for p in posts}
        )
        for number in numbers:
            slides += self._session(table, short, number)
        return slides

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
        for index, (theme, members) in enumerate(ranked[:TOP_THEMES], start=1):
            votes = sum(p.votes for p in members)
            detail = counted(tx, len(members), "post-it")
            if votes:
                detail += f" · {counted(tx, votes, 'voto')}"
            items.append(Item(theme.title, "theme", detail, f"{index}.", theme.id))
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
        if not posts:
            items.append(
                Item(
                    tx.translate("Plenary", "Nessun post-it registrato per questa sessione."),
                    "bullet",
                    glyph="•",
                )
            )
        codes = linked_cards(self.records, table, number, posts)
        if codes:
            shown = ", ".join(codes[:CARDS_SHOWN])
            more = (
                tx.translate("Plenary", " e altre {n}").format(n=len(codes) - CARDS_SHOWN)
                if len(codes) > CARDS_SHOWN
                else ""
            )
            linked = tx.translate("Plenary", "Schede collegate: {cards}{more}")
            items.append(Item(linked.format(cards=shown, more=more), "card"))
        notes = []
        if record is not None and record.synthesis:
            notes.append(tx.translate("Plenary", "Sintesi: {text}").format(text=record.synthesis))
        if len(ranked) > TOP_THEMES:
            others = "; ".join(t.title for t, _ in ranked[TOP_THEMES:])
            notes.append(tx.translate("Plenary", "Altri temi: {themes}").format(themes=others))
        if loose and ranked:
            notes.append(
                tx.translate("Plenary", "{posts} senza tema.").format(
                    posts=counted(tx, len(loose), "post-it")
                )
            )
        for code in codes:
            card = self.cards.get(code)
            line = tx.translate("Plenary", "Scheda {code}: {title}")
            notes.append(line.format(code=code, title=card.title if card else "").rstrip(": "))
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
