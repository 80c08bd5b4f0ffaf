"""The report model: what every output tells about an event, computed once.

:func:`build_report` turns the read model (:class:`EventRecords`) into tables → sessions
→ themes → post-its, the presence figures under the counting rules of
:mod:`facilitator_app.domain.counting`, the cards in play with their votes and ranks, and
the coverage of the strategies. The PDF restituzione, the workbook's sheets for people,
the plenary deck, ``aggregate`` and ``info`` all render an :class:`EventReport`, so they
cannot disagree on a figure.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from facilitator_app.domain import counting
from facilitator_app.domain.model import (
    Contribution,
    Session,
    StrategyCard,
    Table,
    TableCard,
    Theme,
)
from facilitator_app.domain.rules import card_sort_key
from facilitator_app.domain.timer import elapsed_minutes
from facilitator_app.services.records.event_records import EventRecords

SESSION_NUMBERS = (1, 2)
# The heading of the per-axis totals of zone tables, the same in every output.
AXIS_TAGS_TITLE = "Assi nei contributi dei tavoli per zona (dai tag di asse e di scheda)"


@dataclass(frozen=True)
class ThemeReport:
    """A theme of a session with the post-its grouped under it (board order)."""

    theme: Theme
    posts: tuple[Contribution, ...]


@dataclass(frozen=True)
class SessionReport:
    """One session of a table.

    Attributes:
        session: the stored session (None when the file has none for this number).
        themes: the session's themes shown (its own, or the table's with post-its here).
        loose: the post-its under no shown theme.
        posts: every live post-it of the session, in board order.
        cards_in_play: the cards the table put in play in this session, best rank first.
        minutes: how long it actually ran (None until it has ended).
    """

    number: int
    session: Session | None
    themes: tuple[ThemeReport, ...]
    loose: tuple[Contribution, ...]
    posts: tuple[Contribution, ...]
    cards_in_play: tuple[TableCard, ...]
    minutes: int | None

    @property
    def question(self) -> str:
        """The session's question ("" when none)."""
        return self.session.question if self.session else ""


@dataclass(frozen=True)
class TableReport:
    """One table: who sat there and what each session produced."""

    table: Table
    venue: str
    presence: counting.TablePresence | None
    sessions: tuple[SessionReport, ...]
    themes: int

    @property
    def people(self) -> int | None:
        """The people shown for this table (rule 3)."""
        return self.presence.people if self.presence else None

    @property
    def contributions(self) -> int:
        """Live post-its over both sessions."""
        return sum(len(s.posts) for s in self.sessions)


@dataclass(frozen=True)
class GroupTotal:
    """Figures of a group of tables (a venue, a zone, an axis).

    Attributes:
        key: the venue's id, or the zone's or axis's number as text.
    """

    key: str
    label: str
    tables: tuple[str, ...]
    people: int | None
    contributions: int
    themes: int


@dataclass(frozen=True)
class CountGroup:
    """A count group with its representative figure (rule 1), for "così suddivise"."""

    table_ids: tuple[str, ...]
    people: int


@dataclass(frozen=True)
class AxisTags:
    """Post-its of tables with no axis of their own (zone tables) that speak to one axis.

    Counted by rule 8 (``counting.contributions_per_axis``) from the post-its' axis and
    card tags.
    """

    axis: int
    label: str
    contributions: int
    votes: int


@dataclass(frozen=True)
class CardCoverage:
    """Which groups (zones, or tables) discussed one card, with its post-its and votes."""

    card: StrategyCard
    groups: tuple[str, ...]
    contributions: int
    votes: int


@dataclass(frozen=True)
class EventReport:
    """Everything the outputs tell about an event (or some of its tables)."""

    records: EventRecords
    tables: tuple[TableReport, ...]
    in_presence: int | None
    online: int | None
    people_at_tables: int | None
    count_groups: tuple[CountGroup, ...]
    origin: counting.Breakdown
    categories: counting.Breakdown
    venues: tuple[GroupTotal, ...]
    zones: tuple[GroupTotal, ...]
    axes: tuple[GroupTotal, ...]
    axis_tags: tuple[AxisTags, ...]
    coverage: tuple[CardCoverage, ...]
    coverage_groups: tuple[str, ...]
    counting_note: str = counting.COUNTING_NOTE

    @property
    def origin_by_zone(self) -> dict[int, int]:
        """People by zone of origin (rule 4a), zone number → people."""
        return {int(zone): people for zone, people in self.origin.values.items()}

    @property
    def total_contributions(self) -> int:
        """Live post-its over every table and session."""
        return sum(t.contributions for t in self.tables)

    @property
    def total_themes(self) -> int:
        """Live themes over every table."""
        return sum(t.themes for t in self.tables)

    @property
    def discussed_everywhere(self) -> list[StrategyCard]:
        """Strategies that every group discussed."""
        groups = len(self.coverage_groups)
        return [c.card for c in self._strategies() if groups and len(c.groups) == groups]

    @property
    def discussed_nowhere(self) -> list[StrategyCard]:
        """Strategies no group discussed."""
        return [c.card for c in self._strategies() if not c.groups]

    def _strategies(self) -> list[CardCoverage]:
        return [c for c in self.coverage if c.card.level == "strategia"]

    def table(self, table_id: str) -> TableReport | None:
        """One table's report."""
        for report in self.tables:
            if report.table.id == table_id:
                return report
        return None


def build_report(records: EventRecords) -> EventReport:
    """Compute the report of an event's records (single, partial or merged event)."""
    counts = counting.StandingCounts(records.counts)  # rule 1, worked out once
    posts = counting.live(records.contributions)
    themes = records.live_themes()
    presence = counting.table_presence(counts)
    venue_names = {venue.id: venue.name for venue in records.venues}
    table_reports = tuple(
        TableReport(
            table=table,
            venue=venue_names.get(table.venue_id, ""),
            presence=presence.get(table.id),
            sessions=_sessions(records, table, posts, themes),
            themes=sum(1 for t in themes if t.table_id == table.id),
        )
        for table in records.tables
    )
    by_id = {report.table.id: report for report in table_reports}

    def group(key: object, label: str, tables: Sequence[Table]) -> GroupTotal:
        ids = [t.id for t in tables]
        return GroupTotal(
            key=str(key),
            label=label,
            tables=tuple(t.name for t in tables),
            people=counting.people_at(counts, ids),
            contributions=sum(by_id[i].contributions for i in ids),
            themes=sum(by_id[i].themes for i in ids),
        )

    all_ids = [t.id for t in records.tables]
    zone_numbers = sorted({z for t in records.tables for z in t.zones})
    axis_numbers = sorted({t.axis for t in records.tables if t.axis is not None})
    coverage, coverage_groups = _coverage(records, posts)
    return EventReport(
        records=records,
        tables=table_reports,
        in_presence=records.event.in_presence,
        online=counting.online_listeners(records.event, records.venues),
        people_at_tables=counting.people_at(counts, all_ids),
        count_groups=tuple(
            CountGroup(key, count.present)
            for key, count in counts.by_group.items()
            if count.present is not None
        ),
        origin=counting.origin_by_zone(counts, all_ids),
        categories=counting.by_category(counts, all_ids),
        venues=tuple(
            group(v.id, v.name, [t for t in records.tables if t.venue_id == v.id])
            for v in records.venues
        ),
        zones=tuple(
            group(z, f"Zona {z}", [t for t in records.tables if z in t.zones]) for z in zone_numbers
        ),
        axes=tuple(
            group(a, f"Asse {a}", [t for t in records.tables if t.axis == a]) for a in axis_numbers
        ),
        axis_tags=_axis_tags(records, posts),
        coverage=coverage,
        coverage_groups=coverage_groups,
    )


def _axis_tags(records: EventRecords, posts: list[Contribution]) -> tuple[AxisTags, ...]:
    """Per axis, the post-its of the tables without an axis that speak to it (rule 8)."""
    zone_tables = {t.id for t in records.tables if t.axis is None}
    if not zone_tables:
        return ()
    totals = counting.contributions_per_axis(p for p in posts if p.table_id in zone_tables)
    return tuple(
        AxisTags(axis, f"Asse {axis}", contributions, votes)
        for axis, (contributions, votes) in totals.items()
    )


def _sessions(
    records: EventRecords, table: Table, posts: list[Contribution], themes: list[Theme]
) -> tuple[SessionReport, ...]:
    """The two sessions of a table: its themes with their post-its, the loose post-its."""
    reports = []
    for number in SESSION_NUMBERS:
        session = records.session(table.id, number)
        here = [p for p in posts if p.table_id == table.id and p.session == number]
        candidates = [t for t in themes if t.table_id == table.id and t.session in (number, None)]
        known = {t.id for t in candidates}
        grouped: dict[str, list[Contribution]] = defaultdict(list)
        loose: list[Contribution] = []
        for post in here:
            if post.theme_id in known:
                grouped[post.theme_id or ""].append(post)
            else:
                loose.append(post)
        shown = [t for t in candidates if t.session == number or grouped.get(t.id)]
        played = sorted(
            (c for c in records.table_cards if c.table_id == table.id and c.session == number),
            key=lambda c: (c.rank is None, c.rank or 0, -c.votes, card_sort_key(c.code)),
        )
        reports.append(
            SessionReport(
                number=number,
                session=session,
                themes=tuple(ThemeReport(t, tuple(grouped.get(t.id, ()))) for t in shown),
                loose=tuple(loose),
                posts=tuple(here),
                cards_in_play=tuple(played),
                minutes=elapsed_minutes(session) if session else None,
            )
        )
    return tuple(reports)


def _coverage(
    records: EventRecords, posts: list[Contribution]
) -> tuple[tuple[CardCoverage, ...], tuple[str, ...]]:
    """Per card of the event's edition, the zones (zones format) or tables that discussed it.

    A card is discussed by a group when a post-it of one of its tables is tagged with it
    (or with an action under it, rule 5) or when one of its tables put it in play.
    """
    by_zone = any(t.zones for t in records.tables)

    def groups_of(table: Table) -> list[str]:
        # A table with no zone still counts, under its own name.
        return ([f"Zona {z}" for z in table.zones] if by_zone else []) or [table.name]

    all_groups: list[str] = []
    for table in records.tables:
        for label in groups_of(table):
            if label not in all_groups:
                all_groups.append(label)
    tables = records.table_by_id
    seen: dict[str, set[str]] = defaultdict(set)
    for post in posts:
        owner = tables.get(post.table_id)
        if owner is not None:
            for code in {p for tag in post.cards for p in counting.code_and_parents(tag)}:
                seen[code].update(groups_of(owner))
    played = [c for c in records.table_cards if c.table_id in tables]
    for card in played:
        for code in counting.code_and_parents(card.code):
            seen[code].update(groups_of(tables[card.table_id]))
    tagged = counting.contributions_per_card(p for p in posts if p.table_id in tables)
    in_play_votes = counting.card_votes(played)
    order = {label: index for index, label in enumerate(all_groups)}
    cards = sorted(records.event_cards().values(), key=lambda c: card_sort_key(c.code))
    coverage = tuple(
        CardCoverage(
            card=card,
            groups=tuple(sorted(seen.get(card.code, set()), key=order.__getitem__)),
            contributions=tagged.get(card.code, (0, 0))[0],
            votes=tagged.get(card.code, (0, 0))[1] + in_play_votes.get(card.code, 0),
        )
        for card in cards
    )
    return coverage, tuple(all_groups)
