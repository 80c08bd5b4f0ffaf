"""Totals across venues, zones and axes, and which strategies the tables discussed.

A count covering several tables (axis 5 on two tables in 2023) is taken once, never split.
A post-it tagged with an action (``3.1.2``) counts for its strategy (``3.1``) and axis too.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from facilitator_app.domain.model import ParticipantCount, StrategyCard, Table
from facilitator_app.domain.rules import card_sort_key
from facilitator_app.services.records.event_records import EventRecords


@dataclass(frozen=True)
class GroupTotal:
    """Figures of a group of tables (a venue, a zone, an axis)."""

    label: str
    tables: tuple[str, ...]
    people: int | None
    contributions: int
    themes: int


@dataclass(frozen=True)
class CardCoverage:
    """Which groups (zones, or tables) discussed one card."""

    card: StrategyCard
    groups: tuple[str, ...]
    contributions: int
    votes: int


@dataclass(frozen=True)
class Aggregation:
    """Every total of an event."""

    in_presence: int | None
    online: int | None
    people_at_tables: int | None
    venues: list[GroupTotal]
    zones: list[GroupTotal]
    axes: list[GroupTotal]
    origin_by_zone: dict[int, int]
    coverage: list[CardCoverage]
    coverage_groups: tuple[str, ...]
    discussed_everywhere: list[StrategyCard] = field(default_factory=list)
    discussed_nowhere: list[StrategyCard] = field(default_factory=list)


def _people(counts: list[ParticipantCount], table_ids: set[str]) -> int | None:
    best: dict[tuple[str, ...], int] = {}
    for count in counts:
        if count.present is not None and table_ids.intersection(count.table_ids):
            best[count.table_ids] = max(best.get(count.table_ids, 0), count.present)
    return sum(best.values()) if best else None


def _origin_by_zone(counts: list[ParticipantCount]) -> dict[int, int]:
    """People by zone of origin: per table, the session with the most people counted."""
    chosen: dict[tuple[str, ...], ParticipantCount] = {}
    for count in counts:
        if not count.by_zone:
            continue
        best = chosen.get(count.table_ids)
        if best is None or sum(count.by_zone.values()) > sum(best.by_zone.values()):
            chosen[count.table_ids] = count
    totals: dict[int, int] = defaultdict(int)
    for count in chosen.values():
        for zone, people in count.by_zone.items():
            totals[zone] += people
    return dict(sorted(totals.items()))


def aggregate(snapshot: EventRecords) -> Aggregation:
    """Compute every total of an event snapshot (single or merged event)."""
    counts = list(snapshot.counts)
    posts = snapshot.live_contributions()
    themes = snapshot.live_themes()
    posts_by_table: dict[str, int] = defaultdict(int)
    for post in posts:
        posts_by_table[post.table_id] += 1
    themes_by_table: dict[str, int] = defaultdict(int)
    for theme in themes:
        themes_by_table[theme.table_id] += 1

    def group(label: str, tables: list[Table]) -> GroupTotal:
        ids = {t.id for t in tables}
        return GroupTotal(
            label=label,
            tables=tuple(t.name for t in tables),
            people=_people(counts, ids),
            contributions=sum(posts_by_table[i] for i in ids),
            themes=sum(themes_by_table[i] for i in ids),
        )

    venues = [
        group(venue.name, [t for t in snapshot.tables if t.venue_id == venue.id])
        for venue in snapshot.venues
    ]
    zone_numbers = sorted({z for t in snapshot.tables for z in t.zones})
    zones = [
        group(f"Zona {zone}", [t for t in snapshot.tables if zone in t.zones])
        for zone in zone_numbers
    ]
    axis_numbers = sorted({t.axis for t in snapshot.tables if t.axis is not None})
    axes = [
        group(f"Asse {axis}", [t for t in snapshot.tables if t.axis == axis])
        for axis in axis_numbers
    ]
    coverage, groups = _coverage(snapshot)
    strategies = [c for c in coverage if c.card.level == "strategia"]
    return Aggregation(
        in_presence=snapshot.event.in_presence,
        online=snapshot.event.online_listeners,
        people_at_tables=snapshot.people_at_tables(),
        venues=venues,
        zones=zones,
        axes=axes,
        origin_by_zone=_origin_by_zone(counts),
        coverage=coverage,
        coverage_groups=groups,
        discussed_everywhere=[
            c.card for c in strategies if groups and len(c.groups) == len(groups)
        ],
        discussed_nowhere=[c.card for c in strategies if not c.groups],
    )


def _coverage(snapshot: EventRecords) -> tuple[list[CardCoverage], tuple[str, ...]]:
    """Per card, the zones (zones format) or tables that discussed it."""
    by_zone = any(t.zones for t in snapshot.tables)

    def groups_of(table: Table) -> list[str]:
        return [f"Zona {z}" for z in table.zones] if by_zone else [table.name]

    all_groups: list[str] = []
    for table in snapshot.tables:
        for label in groups_of(table):
            if label not in all_groups:
                all_groups.append(label)
    tables = snapshot.table_by_id
    seen: dict[str, set[str]] = defaultdict(set)
    posts: dict[str, int] = defaultdict(int)
    votes: dict[str, int] = defaultdict(int)
    for post in snapshot.live_contributions():
        owner = tables.get(post.table_id)
        if owner is None:
            continue
        codes = {prefix for code in post.cards for prefix in _prefixes(code)}
        for code in codes:
            seen[code].update(groups_of(owner))
            posts[code] += 1
            votes[code] += post.votes
    for played in snapshot.table_cards:
        holder = tables.get(played.table_id)
        if holder is None:
            continue
        for code in _prefixes(played.code):
            seen[code].update(groups_of(holder))
            votes[code] += played.votes if code == played.code else 0
    cards = sorted(snapshot.event_cards().values(), key=lambda c: card_sort_key(c.code))
    order = {label: index for index, label in enumerate(all_groups)}
    coverage = [
        CardCoverage(
            card=card,
            groups=tuple(sorted(seen.get(card.code, set()), key=order.__getitem__)),
            contributions=posts.get(card.code, 0),
            votes=votes.get(card.code, 0),
        )
        for card in cards
    ]
    return coverage, tuple(all_groups)


def _prefixes(code: str) -> list[str]:
    parts = code.split(".")
    return [".".join(parts[: n + 1]) for n in range(len(parts))]
