"""Post-it capture: add, tag, edit, delete, vote and theme, each committed at once.

Every public method writes through :class:`EventStore` (which commits durably before
returning) and stamps the changed records with a later ``updated_at``. An edit of several
post-its at once (the board's multi-selection, an accepted theme suggestion) is one
transaction: all of it is stored or none of it, and it returns an :class:`Edit` that
:meth:`CaptureService.revert` and :meth:`CaptureService.reapply` undo and redo, each again
in one transaction.

A capture line may carry tags after the text (see :mod:`.tags`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from facilitator_app.domain.clock import Clock, to_iso
from facilitator_app.domain.errors import InvalidValueError, NotFoundError
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
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, term
from facilitator_app.domain.vocab import ContributionKind
from facilitator_app.services.capture.tags import TagProblem, parse_tags, tag_problem
from facilitator_app.services.common.workspace import bump
from facilitator_app.storage.database import EventStore

R = TypeVar("R", Contribution, Theme, ParticipantCount)
BoardRecord = Contribution | Theme

# Labels of the values a message names.
_CARDS = term(QT_TRANSLATE_NOOP("Terms", "schede"))
_ZONES = term(QT_TRANSLATE_NOOP("Terms", "zone"))
_AXES = term(QT_TRANSLATE_NOOP("Terms", "assi"))
_THEME_TITLE = term(QT_TRANSLATE_NOOP("Terms", "titolo del tema"))


@dataclass(frozen=True)
class Edit:
    """What one user action changed on the board, enough to undo and redo it.

    Attributes:
        before: the records as they were; a theme the action created is here in its
            deleted state.
        after: the records as the action stored them.
    """

    before: tuple[BoardRecord, ...] = ()
    after: tuple[BoardRecord, ...] = ()

    @property
    def posts(self) -> list[Contribution]:
        """The post-its as the action stored them."""
        return [r for r in self.after if isinstance(r, Contribution)]

    @property
    def themes(self) -> list[Theme]:
        """The themes as the action stored them."""
        return [r for r in self.after if isinstance(r, Theme)]


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
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("Errors", "tavolo {table} inesistente"), table=table_id
                )
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
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Errors", "contributo {post} inesistente"), post=post_id
            )
        return post

    def _theme(self, theme_id: str) -> Theme:
        theme = self.store.get(Theme, theme_id)
        if theme is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Errors", "tema {theme} inesistente"), theme=theme_id
            )
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
        for values, what in ((card_list, _CARDS), (zone_list, _ZONES), (link_list, _AXES)):
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
            NotFoundError: unknown table.
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
        """Store a post-it typed as one line, tags included (see :func:`parse_tags`).

        Raises:
            TagRefusedError: a tag that cannot be stored (see :meth:`tag_problem`).
            ValueError: empty or over-long text.
        """
        text, tags = parse_tags(line, self.known_cards)
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

    def tag_problem(self, line: str) -> TagProblem | None:
        """The first tag of a capture line that :meth:`capture` would refuse (None: none)."""
        return tag_problem(line, self.known_cards)

    def update(self, post_id: str, **changes: Any) -> Contribution:
        """Change fields of a post-it (text, kind, axis, cards, zones, links, theme_id).

        Raises:
            ValueError: invalid values or a field that cannot be edited.
            NotFoundError: no such post-it.
        """
        allowed = {"text", "kind", "axis", "cards", "zones", "links", "theme_id"}
        unknown = set(changes) - allowed
        if unknown:
            raise InvalidValueError(
                QT_TRANSLATE_NOOP("Errors", "campi non modificabili: {fields}"),
                fields=", ".join(sorted(unknown)),
            )
        updated = self._edited(self._contribution(post_id), changes)
        self.store.save(updated)
        return updated

    def _edited(self, post: Contribution, changes: dict[str, Any]) -> Contribution:
        """The post-it with checked changes and a later ``updated_at`` (not yet stored)."""
        changes = dict(changes)
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
        return self._stamped(post, **changes)

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

    # -- edits of several post-its: one transaction each, undone as one step -------------

    def _posts(self, post_ids: Iterable[str]) -> list[Contribution]:
        return [self._contribution(i) for i in dict.fromkeys(post_ids)]

    def _edit_each(
        self, posts: Sequence[Contribution], change: Callable[[Contribution], dict[str, Any]]
    ) -> Edit:
        """Check every post-it's change first, then store them all in one transaction."""
        after = [self._edited(post, change(post)) for post in posts]
        self.store.save_all(after)
        return Edit(tuple(posts), tuple(after))

    def set_kind(self, post_ids: Iterable[str], kind: ContributionKind | None) -> Edit:
        """Give post-its one kind (None: no kind), all or none.

        Raises:
            NotFoundError: one of the post-its does not exist (nothing is changed).
        """
        return self._edit_each(self._posts(post_ids), lambda _post: {"kind": kind})

    def toggle_kind(self, post_ids: Iterable[str], kind: ContributionKind) -> Edit:
        """Give post-its a kind; when they all have it already, clear it (pressing again)."""
        posts = self._posts(post_ids)
        new = None if posts and all(p.kind is kind for p in posts) else kind
        return self._edit_each(posts, lambda _post: {"kind": new})

    def _toggle(self, post_ids: Iterable[str], field: str, value: object) -> Edit:
        """Add a tag to the post-its lacking it; when all have it, remove it from all."""
        posts = self._posts(post_ids)
        remove = bool(posts) and all(value in getattr(p, field) for p in posts)

        def change(post: Contribution) -> dict[str, Any]:
            values: tuple[object, ...] = getattr(post, field)
            if remove:
                return {field: tuple(v for v in values if v != value)}
            return {field: values if value in values else (*values, value)}

        return self._edit_each(posts, change)

    def toggle_card(self, post_ids: Iterable[str], code: str) -> Edit:
        """Link a card code to the post-its (removed from all when all have it).

        Raises:
            ValueError: an unknown or malformed card code, too many cards.
            NotFoundError: one of the post-its does not exist.
        """
        return self._toggle(post_ids, "cards", code)

    def toggle_zone(self, post_ids: Iterable[str], zone: int) -> Edit:
        """Mark a zone as mentioned by the post-its (removed from all when all have it)."""
        return self._toggle(post_ids, "zones", zone)

    def toggle_link(self, post_ids: Iterable[str], axis: int) -> Edit:
        """Link the post-its to another axis (removed from all when all have it)."""
        return self._toggle(post_ids, "links", axis)

    def add_votes(self, post_ids: Iterable[str], delta: int = 1) -> Edit:
        """Add (or remove, with a negative delta) dot votes on post-its; never below zero."""
        return self._edit_each(
            self._posts(post_ids), lambda post: {"votes": max(0, post.votes + delta)}
        )

    def delete_posts(self, post_ids: Iterable[str]) -> Edit:
        """Soft-delete post-its (kept with ``deleted_at`` for merging and undo)."""
        posts = self._posts(post_ids)
        now = to_iso(self.clock.now())
        after = [self._stamped(post, deleted_at=now) for post in posts]
        self.store.save_all(after)
        return Edit(tuple(posts), tuple(after))

    def move_to_theme(self, post_ids: Iterable[str], theme_id: str | None) -> Edit:
        """Put post-its into a theme (None: out of any theme).

        Raises:
            NotFoundError: the theme or one of the post-its does not exist.
        """
        if theme_id is not None:
            self._theme(theme_id)
        return self._edit_each(self._posts(post_ids), lambda _post: {"theme_id": theme_id})

    def accept_group(
        self, table_id: str, session: int, title: str, post_ids: Iterable[str]
    ) -> Edit:
        """Create a theme and move post-its into it, in one transaction.

        The new theme is the first record of :attr:`Edit.themes`; in :attr:`Edit.before`
        it is in its deleted state, so that :meth:`revert` takes it away again.

        Raises:
            ValueError: a blank or over-long title, a bad session.
            NotFoundError: the table or one of the post-its does not exist.
        """
        posts = self._posts(post_ids)
        with self.store.transaction():
            theme = self.create_theme(table_id, session, title)
            after = [self._stamped(post, theme_id=theme.id) for post in posts]
            self.store.save_all(after)
        absent = dataclasses.replace(theme, deleted_at=theme.created_at)
        return Edit((absent, *posts), (theme, *after))

    def revert(self, edit: Edit) -> list[BoardRecord]:
        """Undo an edit: store its records' earlier states again, in one transaction."""
        return self._put_back_records(edit.before)

    def reapply(self, edit: Edit) -> list[BoardRecord]:
        """Redo an edit: store its records' later states again, in one transaction."""
        return self._put_back_records(edit.after)

    def _put_back_records(self, records: Sequence[BoardRecord]) -> list[BoardRecord]:
        with self.store.transaction():
            themes = self.put_back([r for r in records if isinstance(r, Theme)])
            posts = self.put_back([r for r in records if isinstance(r, Contribution)])
        return [*themes, *posts]

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
            title=check_text(title, what=_THEME_TITLE, limit=300),
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
            self._theme(theme_id), title=check_text(title, what=_THEME_TITLE, limit=300)
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
            NotFoundError: no such session.
        """
        found = self.store.session_of_table(table_id, number)
        if found is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Errors", "sessione {number} del tavolo {table} inesistente"),
                number=number,
                table=table_id,
            )
        return found

    def set_synthesis(self, table_id: str, number: int, text: str) -> Session:
        """Store what the facilitator will say in plenary for a session.

        Only the synthesis changes: the timer fields are re-read and kept as they are.
        """
        if len(text) > 20000:
            raise InvalidValueError(
                QT_TRANSLATE_NOOP("Errors", "sintesi troppo lunga (massimo 20000 caratteri)")
            )
        current = self.session(table_id, number)
        updated = dataclasses.replace(
            current, synthesis=text, updated_at=bump(current.updated_at, self.clock.now())
        )
        self.store.save(updated)
        return updated
