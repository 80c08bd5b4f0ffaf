"""Post-it capture: add, tag, edit, delete, vote and theme, each committed at once.

Every public method writes through :class:`EventStore` (which commits durably before
returning) and stamps the changed records with a later ``updated_at``. The undo stack of
the board calls :meth:`CaptureService.put_back` with the earlier record states.

A capture line may carry tags after the text: ``#P`` (kind, by its letter or label),
``@2.1`` (card), ``#z5`` (zona omogenea), ``#a3`` (link to another axis). The same tokens
filter the board.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from facilitator_app.domain.clock import Clock, to_iso
from facilitator_app.domain.model import (
    Contribution,
    ParticipantCount,
    Session,
    Table,
    Theme,
    new_id,
)
from facilitator_app.domain.rules import (
    check_axis,
    check_card_code,
    check_session,
    check_tag_count,
    check_text,
    check_zone,
)
from facilitator_app.domain.vocab import ContributionKind, fold, parse_kind
from facilitator_app.services.common.workspace import bump
from facilitator_app.storage.database import EventStore

R = TypeVar("R", Contribution, Theme, ParticipantCount)

_TOKEN = re.compile(r"(?<!\S)([#@])([^\s#@]+)")
_ZONE = re.compile(r"^z(?:ona)?(\d+)$", re.IGNORECASE)
_AXIS = re.compile(r"^a(?:sse)?(\d+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Tags:
    """The tags read from a capture line or a filter query."""

    kind: ContributionKind | None = None
    cards: tuple[str, ...] = ()
    zones: tuple[int, ...] = ()
    links: tuple[int, ...] = ()


def _add(values: tuple[Any, ...], value: Any) -> tuple[Any, ...]:
    return values if value in values else (*values, value)


def parse_tags(line: str) -> tuple[str, Tags]:
    """Split a capture line into its text and its tag tokens.

    Unknown ``#`` words stay in the text (a post-it may well say "#hashtag").

    Raises:
        ValueError: a malformed card code or a zone/axis out of range.
    """
    kind: ContributionKind | None = None
    cards: tuple[str, ...] = ()
    zones: tuple[int, ...] = ()
    links: tuple[int, ...] = ()
    kept: list[str] = []
    position = 0
    for match in _TOKEN.finditer(line):
        sigil, word = match.group(1), match.group(2)
        consumed = True
        if sigil == "@":
            cards = _add(cards, check_card_code(word))
        elif zone := _ZONE.match(word):
            zones = _add(zones, check_zone(zone.group(1)))
        elif axis := _AXIS.match(word):
            links = _add(links, check_axis(axis.group(1)))
        else:
            try:
                kind = parse_kind(word)
            except ValueError:
                consumed = False
        if consumed:
            kept.append(line[position : match.start()])
            position = match.end()
    kept.append(line[position:])
    text = " ".join("".join(kept).split())
    return text, Tags(kind, cards, zones, links)


UNTHEMED = ""  # the theme filter value meaning "post-its in no theme"


@dataclass(frozen=True)
class BoardFilter:
    """What the board shows: words and tags that must all match.

    Attributes:
        words: folded words that must all appear in the text.
        tags: kind, cards (prefix match: ``@2`` matches 2.1.3), zones and links.
        theme: a theme id, :data:`UNTHEMED`, or None for any.
        live_themes: ids of the themes that exist (a post-it in a deleted theme counts as
            unthemed); None when not checked.
    """

    words: tuple[str, ...] = ()
    tags: Tags = Tags()
    theme: str | None = None
    live_themes: frozenset[str] | None = None

    @property
    def empty(self) -> bool:
        """True when the filter lets everything through."""
        return not self.words and self.tags == Tags() and self.theme is None


def parse_filter(query: str, theme: str | None = None) -> BoardFilter:
    """Read a search box: free words plus the capture tag tokens.

    Malformed tokens are treated as words rather than refused.
    """
    try:
        text, tags = parse_tags(query)
    except ValueError:
        text, tags = query, Tags()
    return BoardFilter(tuple(fold(text).split()), tags, theme)


def matches(post: Contribution, flt: BoardFilter, folded_text: str | None = None) -> bool:
    """True when a post-it passes a filter.

    Args:
        post: the post-it.
        flt: the filter.
        folded_text: ``fold(post.text)`` when the caller has it cached.
    """
    tags = flt.tags
    if tags.kind is not None and post.kind is not tags.kind:
        return False
    if tags.zones and not set(tags.zones) <= set(post.zones):
        return False
    if tags.links and not set(tags.links) <= set(post.links):
        return False
    for wanted in tags.cards:
        if not any(code == wanted or code.startswith(wanted + ".") for code in post.cards):
            return False
    if flt.theme is not None:
        theme = post.theme_id
        if theme is not None and flt.live_themes is not None and theme not in flt.live_themes:
            theme = None
        if (theme or UNTHEMED) != flt.theme:
            return False
    if flt.words:
        haystack = folded_text if folded_text is not None else fold(post.text)
        return all(word in haystack for word in flt.words)
    return True


class CaptureService:
    """The board's operations on post-its, themes and session syntheses.

    Args:
        store: the open, writable event file.
        clock: where time stamps come from.
        known_cards: card codes of the event's set, to refuse unknown codes (None: any
            well-formed code).
    """

    def __init__(
        self, store: EventStore, clock: Clock, known_cards: Iterable[str] | None = None
    ) -> None:
        self.store = store
        self.clock = clock
        self.known_cards = frozenset(known_cards) if known_cards is not None else None
        self._next_position: int | None = None
        self._tables: dict[str, Table] = {}

    # -- helpers ---------------------------------------------------------------------------

    def _table(self, table_id: str) -> Table:
        if table_id not in self._tables:
            table = self.store.get(Table, table_id)
            if table is None:
                raise KeyError(f"tavolo {table_id} inesistente")
            self._tables[table_id] = table
        return self._tables[table_id]

    def _position(self) -> int:
        if self._next_position is None:
            self._next_position = self.store.last_board_position() + 1
        position = self._next_position
        self._next_position += 1
        return position

    def _contribution(self, post_id: str) -> Contribution:
        post = self.store.get(Contribution, post_id)
        if post is None:
            raise KeyError(f"contributo {post_id} inesistente")
        return post

    def _theme(self, theme_id: str) -> Theme:
        theme = self.store.get(Theme, theme_id)
        if theme is None:
            raise KeyError(f"tema {theme_id} inesistente")
        return theme

    def _stamped(self, record: R, **changes: Any) -> R:
        return dataclasses.replace(
            record, **changes, updated_at=bump(record.updated_at, self.clock.now())
        )

    def _check_tags(
        self,
        cards: Iterable[str],
        zones: Iterable[int],
        links: Iterable[int],
    ) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
        card_list = tuple(dict.fromkeys(check_card_code(c, self.known_cards) for c in cards))
        zone_list = tuple(dict.fromkeys(check_zone(z) for z in zones))
        link_list = tuple(dict.fromkeys(check_axis(a) for a in links))
        for values, what in ((card_list, "schede"), (zone_list, "zone"), (link_list, "assi")):
            check_tag_count(values, what)
        return card_list, zone_list, link_list

    # -- post-its --------------------------------------------------------------------------

    def add(
        self,
        table_id: str,
        session: int,
        text: str,
        *,
        kind: ContributionKind | None = None,
        axis: int | None = None,
        cards: Iterable[str] = (),
        zones: Iterable[int] = (),
        links: Iterable[int] = (),
        theme_id: str | None = None,
    ) -> Contribution:
        """Store a new post-it (the table's axis is used when ``axis`` is None).

        Raises:
            ValueError: empty or over-long text, a bad tag.
            KeyError: unknown table.
        """
        table = self._table(table_id)
        card_list, zone_list, link_list = self._check_tags(cards, zones, links)
        now = to_iso(self.clock.now())
        post = Contribution(
            id=new_id(),
            table_id=table.id,
            session=check_session(session),
            text=check_text(text),
            created_at=now,
            updated_at=now,
            kind=kind,
            axis=check_axis(axis) if axis is not None else table.axis,
            cards=card_list,
            zones=zone_list,
            links=link_list,
            theme_id=theme_id,
            position=self._position(),
        )
        self.store.save(post)
        return post

    def capture(
        self, table_id: str, session: int, line: str, *, theme_id: str | None = None
    ) -> Contribution:
        """Store a post-it typed as one line, tags included (see :func:`parse_tags`)."""
        text, tags = parse_tags(line)
        return self.add(
            table_id,
            session,
            text,
            kind=tags.kind,
            cards=tags.cards,
            zones=tags.zones,
            links=tags.links,
            theme_id=theme_id,
        )

    def update(self, post_id: str, **changes: Any) -> Contribution:
        """Change fields of a post-it (text, kind, axis, cards, zones, links, theme_id).

        Raises:
            ValueError: invalid values or a field that cannot be edited.
        """
        allowed = {"text", "kind", "axis", "cards", "zones", "links", "theme_id"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"campi non modificabili: {', '.join(sorted(unknown))}")
        post = self._contribution(post_id)
        if "text" in changes:
            changes["text"] = check_text(str(changes["text"]))
        if "axis" in changes and changes["axis"] is not None:
            changes["axis"] = check_axis(changes["axis"])
        if "kind" in changes and changes["kind"] is not None:
            changes["kind"] = ContributionKind(changes["kind"])
        cards, zones, links = self._check_tags(
            changes.get("cards", post.cards),
            changes.get("zones", post.zones),
            changes.get("links", post.links),
        )
        for name, value in (("cards", cards), ("zones", zones), ("links", links)):
            if name in changes:
                changes[name] = value
        updated = self._stamped(post, **changes)
        self.store.save(updated)
        return updated

    def delete(self, post_id: str) -> Contribution:
        """Soft-delete a post-it (kept with ``deleted_at`` for merging and undo)."""
        post = self._contribution(post_id)
        updated = self._stamped(post, deleted_at=to_iso(self.clock.now()))
        self.store.save(updated)
        return updated

    def restore(self, post_id: str) -> Contribution:
        """Bring back a deleted post-it."""
        updated = self._stamped(self._contribution(post_id), deleted_at=None)
        self.store.save(updated)
        return updated

    def vote(self, post_id: str, delta: int = 1) -> Contribution:
        """Add (or remove, with a negative delta) dot votes; never below zero."""
        post = self._contribution(post_id)
        updated = self._stamped(post, votes=max(0, post.votes + delta))
        self.store.save(updated)
        return updated

    def assign_theme(self, post_ids: Sequence[str], theme_id: str | None) -> list[Contribution]:
        """Put post-its into a theme (None: out of any theme), in one commit."""
        if theme_id is not None:
            self._theme(theme_id)
        updated = [self._stamped(self._contribution(i), theme_id=theme_id) for i in post_ids]
        self.store.save_all(updated)
        return updated

    def put_back(self, records: Sequence[R]) -> list[R]:
        """Write earlier (or later) states of post-its, themes or counts: undo and redo.

        The records keep their content but get a fresh ``updated_at`` so that the undo
        wins over the undone edit when files are merged.
        """
        now = self.clock.now()
        stored: list[R] = []
        for record in records:
            current = self.store.get(type(record), record.id)
            previous = current.updated_at if current is not None else record.updated_at
            stored.append(dataclasses.replace(record, updated_at=bump(previous, now)))
        self.store.save_all(stored)
        return stored

    # -- themes ----------------------------------------------------------------------------

    def themes(self, table_id: str, session: int | None = None) -> list[Theme]:
        """Live themes of a table (of one session, or all), in board order."""
        return self.store.themes_of_table(table_id, session)

    def create_theme(self, table_id: str, session: int, title: str) -> Theme:
        """Create a named theme (affinity group) for a table's session."""
        self._table(table_id)
        existing = self.store.themes_of_table(table_id, include_deleted=True)
        now = to_iso(self.clock.now())
        theme = Theme(
            id=new_id(),
            table_id=table_id,
            title=check_text(title, what="titolo del tema", limit=300),
            created_at=now,
            updated_at=now,
            session=check_session(session),
            position=max((t.position for t in existing), default=-1) + 1,
        )
        self.store.save(theme)
        return theme

    def rename_theme(self, theme_id: str, title: str) -> Theme:
        """Change a theme's title."""
        theme = self._stamped(
            self._theme(theme_id), title=check_text(title, what="titolo del tema", limit=300)
        )
        self.store.save(theme)
        return theme

    def set_theme_synthesis(self, theme_id: str, synthesis: str) -> Theme:
        """Change a theme's own synthesis."""
        theme = self._stamped(self._theme(theme_id), synthesis=synthesis.strip())
        self.store.save(theme)
        return theme

    def delete_theme(self, theme_id: str) -> Theme:
        """Soft-delete a theme; its post-its show as unthemed until it is restored."""
        theme = self._stamped(self._theme(theme_id), deleted_at=to_iso(self.clock.now()))
        self.store.save(theme)
        return theme

    def restore_theme(self, theme_id: str) -> Theme:
        """Bring back a deleted theme."""
        theme = self._stamped(self._theme(theme_id), deleted_at=None)
        self.store.save(theme)
        return theme

    # -- synthesis -------------------------------------------------------------------------

    def session(self, table_id: str, number: int) -> Session:
        """One session of a table.

        Raises:
            KeyError: no such session.
        """
        found = self.store.session_of_table(table_id, number)
        if found is None:
            raise KeyError(f"sessione {number} del tavolo {table_id} inesistente")
        return found

    def set_synthesis(self, table_id: str, number: int, text: str) -> Session:
        """Store what the facilitator will say in plenary for a session.

        Only the synthesis changes: the timer fields are re-read and kept as they are.
        """
        if len(text) > 20000:
            raise ValueError("sintesi troppo lunga (massimo 20000 caratteri)")
        current = self.session(table_id, number)
        updated = dataclasses.replace(
            current, synthesis=text, updated_at=bump(current.updated_at, self.clock.now())
        )
        self.store.save(updated)
        return updated
