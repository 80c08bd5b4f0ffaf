"""The counting rules: how head counts and tags become the totals people read.

Each rule is one function, used by every output (the PDF, the workbook, the slides,
``aggregate`` and ``info``) through the report model, so that a coordinator never gets
two answers to one question. ``docs/COUNTING.md`` states the same rules in words.

Vocabulary: a *count* (:class:`ParticipantCount`) covers a set of tables (usually one; a
published figure for two tables together covers both) and either one session or the
whole day (``session`` is None). The counts that cover the same set of tables form a
*count group*.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from facilitator_app.domain.model import Contribution, Event, ParticipantCount, TableCard, Venue

COUNTING_NOTE = (
    "Per ogni tavolo (o gruppo di tavoli con un conteggio comune) vale un solo conteggio: "
    "quello della giornata se c'è, altrimenti quello della sessione con più presenti; "
    "un conteggio comune a più tavoli è preso una volta, mai diviso."
)
COUNTING_NOTE_EN = (
    "One count stands for each table (or group of tables counted together): the whole "
    "day's count if there is one, else the session with the most people present; a count "
    "shared by several tables is taken once, never split."
)


def group_key(count: ParticipantCount) -> tuple[str, ...]:
    """The set of tables a count covers, as a sorted tuple (its count group)."""
    return tuple(sorted(set(count.table_ids)))


def _tallied(values: Iterable[int]) -> int:
    return sum(value for value in values if value > 0)


def representative_rank(count: ParticipantCount) -> tuple[bool, bool, int, int, int]:
    """How strongly a count stands for its group: larger ranks win (rule 1).

    In order: a figure of people present beats none; the whole day's count beats a
    session's; more people present beats fewer; then more people tallied by zone of
    origin; then the earlier session.
    """
    return (
        count.present is not None,
        count.session is None,
        count.present or 0,
        _tallied(count.by_zone.values()),
        -(count.session or 0),
    )


def representative_counts(
    counts: Iterable[ParticipantCount],
) -> dict[tuple[str, ...], ParticipantCount]:
    """Rule 1: one count stands for each count group.

    A count with a figure of people present beats one without; among those, the whole
    day's count beats a session's; then the session with the most people present (ties:
    the one with more people tallied by zone, then the earlier session). Counts that carry
    no figure at all (no people present, nothing tallied) are ignored. When a counted group
    lies wholly inside a larger counted group, only one side is kept, the one with more
    people, so that nobody is counted twice (see :func:`_without_double_counting`).
    """
    best: dict[tuple[str, ...], ParticipantCount] = {}
    for count in counts:
        key = group_key(count)
        if not key:
            continue
        tallied = _tallied(count.by_zone.values()) + _tallied(count.by_category.values())
        if count.present is None and not tallied:
            continue
        current = best.get(key)
        if current is None or representative_rank(count) > representative_rank(current):
            best[key] = count
    return _without_double_counting(best)


def _without_double_counting(
    best: dict[tuple[str, ...], ParticipantCount],
) -> dict[tuple[str, ...], ParticipantCount]:
    """Resolve groups lying wholly inside a larger group that has a figure of people.

    The larger group's figure is compared with the sum of the groups inside it: the side
    with more people stays (the inner groups that have no figure go with the larger group).
    A larger group without a figure of people never removes anything.
    """
    kept = dict(best)
    by_table: dict[str, list[tuple[str, ...]]] = {}
    for key in best:
        for table_id in key:
            by_table.setdefault(table_id, []).append(key)
    outers = sorted(
        (key for key, count in best.items() if len(key) > 1 and count.present is not None),
        key=lambda key: (-len(key), key),
    )
    for outer in outers:
        if outer not in kept:
            continue
        members = set(outer)
        inner = {
            key
            for table_id in outer
            for key in by_table[table_id]
            if key in kept and key != outer and set(key) < members
        }
        if not inner:
            continue
        inner_people = sum(kept[key].present or 0 for key in inner)
        if inner_people > (kept[outer].present or 0):
            del kept[outer]
            continue
        for key in inner:
            del kept[key]
    return kept


class StandingCounts:
    """The counts that stand for their groups (rule 1), worked out once for many totals.

    Args:
        counts: every head count of the event (or of the tables reported on).
    """

    def __init__(self, counts: Iterable[ParticipantCount]) -> None:
        self.by_group = representative_counts(counts)


Counts = Iterable[ParticipantCount] | StandingCounts


def _standing(counts: Counts) -> dict[tuple[str, ...], ParticipantCount]:
    if isinstance(counts, StandingCounts):
        return counts.by_group
    return representative_counts(counts)


def people_at(counts: Counts, table_ids: Iterable[str]) -> int | None:
    """Rule 2: people over a group of tables (a venue, a zone, an axis, the event).

    The representative figure of every count group touching these tables, summed; a count
    shared with a table outside the group is taken whole and once, never split. None
    when no count of these tables has a figure of people present.
    """
    wanted = set(table_ids)
    figures = [
        count.present
        for key, count in _standing(counts).items()
        if count.present is not None and wanted.intersection(key)
    ]
    return sum(figures) if figures else None


@dataclass(frozen=True)
class TablePresence:
    """The people shown for one table (rule 3).

    Attributes:
        people: the representative figure of the table's count group (None: not counted).
        shared_with: every table of that group (more than one for a shared count).
        note: said next to the figure when the count is shared.
    """

    people: int | None
    shared_with: tuple[str, ...]
    note: str


def table_presence(counts: Counts) -> dict[str, TablePresence]:
    """Rule 3: the figure shown for each table, by table id.

    A table in a shared count shows the whole shared figure with a note naming how many
    tables it covers: the published figures do not say how people divided.
    """
    found: dict[str, TablePresence] = {}
    for key, count in _standing(counts).items():
        if count.present is None:
            continue
        note = ""
        if len(key) > 1:
            note = count.note or f"conteggio comune a {len(key)} tavoli"
        for table_id in key:
            shown = found.get(table_id)
            # In two partly overlapping groups, the table shows the larger figure.
            if shown is None or (count.present, key) > (shown.people or 0, shown.shared_with):
                found[table_id] = TablePresence(count.present, key, note)
    return found


@dataclass(frozen=True)
class Breakdown:
    """People by zone of origin or by category over some tables (rule 4).

    Attributes:
        values: people per zone number or category key (only non-zero values).
        tallied: people tallied in the breakdown.
        present: people present in the counts the breakdown comes from that have a figure
            of people (None if none has).
        tallied_of_present: the part of ``tallied`` that comes from those counts, so that an
            incomplete tally can be said ("12 su 33") without mixing in counts that have a
            tally but no figure of people.
    """

    values: dict[int, int] | dict[str, int]
    tallied: int
    present: int | None
    tallied_of_present: int = 0

    @property
    def unmatched(self) -> int:
        """People tallied in counts that carry no figure of people present."""
        return self.tallied - self.tallied_of_present


def origin_by_zone(counts: Counts, table_ids: Iterable[str]) -> Breakdown:
    """Rule 4a: people by zone of origin, from the same standing counts as rule 2."""
    return _breakdown(counts, table_ids, lambda count: count.by_zone, ordered=True)


def by_category(counts: Counts, table_ids: Iterable[str]) -> Breakdown:
    """Rule 4b: people by category of actor, from the same standing counts."""
    return _breakdown(counts, table_ids, lambda count: count.by_category, ordered=False)


def _breakdown(
    counts: Counts,
    table_ids: Iterable[str],
    tally: Callable[[ParticipantCount], Mapping[Any, int]],
    *,
    ordered: bool,
) -> Breakdown:
    wanted = set(table_ids)
    chosen = [c for key, c in _standing(counts).items() if wanted.intersection(key)]
    totals: dict[Any, int] = {}
    of_present = 0
    for count in chosen:
        for key, people in tally(count).items():
            if people > 0:
                totals[key] = totals.get(key, 0) + people
                if count.present is not None:
                    of_present += people
    figures = [c.present for c in chosen if c.present is not None]
    values = dict(sorted(totals.items())) if ordered else totals
    return Breakdown(values, sum(totals.values()), sum(figures) if figures else None, of_present)


def code_and_parents(code: str) -> list[str]:
    """Rule 5: a card code with the codes above it ("3.1.2" -> "3", "3.1", "3.1.2").

    A post-it tagged with an action counts for its strategy and its axis too.
    """
    parts = [part for part in code.split(".") if part]
    return [".".join(parts[: n + 1]) for n in range(len(parts))]


def contributions_per_card(posts: Iterable[Contribution]) -> dict[str, tuple[int, int]]:
    """Rule 5, applied: post-its and their dot votes per card code, parents included.

    A post-it tagged with two actions of one strategy counts once for that strategy.
    """
    totals: dict[str, tuple[int, int]] = {}
    for post in posts:
        if post.deleted_at is not None:
            continue
        for code in {parent for tag in post.cards for parent in code_and_parents(tag)}:
            seen, votes = totals.get(code, (0, 0))
            totals[code] = (seen + 1, votes + post.votes)
    return totals


def axes_of_post(post: Contribution) -> set[int]:
    """The axes a post-it speaks to: its axis tag (``#a3``) and the axes of its card tags.

    A post-it tagged ``#a3`` and ``3.1.2`` speaks to axis 3 once (rule 5).
    """
    axes = {post.axis} if post.axis is not None else set()
    for tag in post.cards:
        head = tag.split(".", 1)[0]
        if head.isdigit():
            axes.add(int(head))
    return axes


def contributions_per_axis(posts: Iterable[Contribution]) -> dict[int, tuple[int, int]]:
    """Rule 8: live post-its and their dot votes per axis, by the axes each speaks to.

    Used for days whose tables are not one axis each (zone tables): the axis comes from
    the post-its' tags. A post-it speaking to two axes counts once for each; one with no
    axis counts for none.
    """
    totals: dict[int, tuple[int, int]] = {}
    for post in posts:
        if post.deleted_at is not None:
            continue
        for axis in axes_of_post(post):
            seen, votes = totals.get(axis, (0, 0))
            totals[axis] = (seen + 1, votes + post.votes)
    return dict(sorted(totals.items()))


def online_listeners(event: Event, venues: Iterable[Venue]) -> int | None:
    """Rule 9: the event's online listeners, the sum of the venues' own figures.

    Each venue types its own figure (``Venue.online_listeners``). A figure typed for the
    whole event by an older version (``Event.online_listeners``) stands only while no venue
    has a figure of its own, so that it is never added to them twice. None: nobody typed one.
    """
    figures = [venue.online_listeners for venue in venues if venue.online_listeners is not None]
    if figures:
        return sum(figures)
    return event.online_listeners


def card_votes(played: Iterable[TableCard]) -> dict[str, int]:
    """Rule 6: votes a card received where tables put it in play (its own code only).

    A vote on a card in play is a vote for that card, not for its strategy or axis.
    """
    totals: dict[str, int] = {}
    for card in played:
        totals[card.code] = totals.get(card.code, 0) + card.votes
    return totals


def card_places(votes: Mapping[str, int]) -> dict[str, int]:
    """Rule 6, the standing: a card's place among the cards in play, by their votes.

    More votes come first; equal votes share a place and the next place skips
    (3, 2, 2, 1 votes -> places 1, 2, 2, 4). A card without votes has no place.
    """
    voted = sorted({count for count in votes.values() if count > 0}, reverse=True)
    place_of: dict[int, int] = {}
    ahead = 0
    for count in voted:
        place_of[count] = ahead + 1
        ahead += sum(1 for value in votes.values() if value == count)
    return {code: place_of[count] for code, count in votes.items() if count > 0}


def live(posts: Iterable[Contribution]) -> list[Contribution]:
    """Rule 7: what is counted and shown is the post-its not deleted."""
    return [post for post in posts if post.deleted_at is None]
