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

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from facilitator_app.domain.model import Contribution, ParticipantCount, TableCard

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

    The whole day's count if there is one, else the session count with the most people
    present (ties: the one with more people tallied by zone, then the earlier session).
    Counts that carry no figure at all (no people present, nothing tallied) are ignored.
    A group whose tables are all covered by a larger group is dropped, so that a table
    counted both alone and together with another is never counted twice.
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
    # Only a group of several tables can hold another group wholly inside it.
    shared = [set(key) for key in best if len(key) > 1]
    return {
        key: count for key, count in best.items() if not any(set(key) < other for other in shared)
    }


def people_at(counts: Iterable[ParticipantCount], table_ids: Iterable[str]) -> int | None:
    """Rule 2: people over a group of tables (a venue, a zone, an axis, the event).

    The representative figure of every count group touching these tables, summed; a count
    shared with a table outside the group is taken whole and once, never split. None
    when no count of these tables has a figure of people present.
    """
    wanted = set(table_ids)
    figures = [
        count.present
        for key, count in representative_counts(counts).items()
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


def table_presence(counts: Iterable[ParticipantCount]) -> dict[str, TablePresence]:
    """Rule 3: the figure shown for each table, by table id.

    A table in a shared count shows the whole shared figure with a note naming how many
    tables it covers: the published figures do not say how people divided.
    """
    found: dict[str, TablePresence] = {}
    for key, count in representative_counts(counts).items():
        if count.present is None:
            continue
        note = ""
        if len(key) > 1:
            note = count.note or f"conteggio comune a {len(key)} tavoli"
        for table_id in key:
            found[table_id] = TablePresence(count.present, key, note)
    return found


@dataclass(frozen=True)
class Breakdown:
    """People by zone of origin or by category over some tables (rule 4).

    Attributes:
        values: people per zone number or category key (only non-zero values).
        tallied: people tallied in the breakdown.
        present: people present in the counts the breakdown comes from (None if unknown),
            so that an incomplete tally can be said ("12 su 33").
    """

    values: dict[int, int] | dict[str, int]
    tallied: int
    present: int | None


def origin_by_zone(counts: Iterable[ParticipantCount], table_ids: Iterable[str]) -> Breakdown:
    """Rule 4a: people by zone of origin, from the same representative counts as rule 2."""
    return _breakdown(counts, table_ids, lambda count: count.by_zone, ordered=True)


def by_category(counts: Iterable[ParticipantCount], table_ids: Iterable[str]) -> Breakdown:
    """Rule 4b: people by category of actor, from the same representative counts."""
    return _breakdown(counts, table_ids, lambda count: count.by_category, ordered=False)


def _breakdown(
    counts: Iterable[ParticipantCount],
    table_ids: Iterable[str],
    tally: Callable[[ParticipantCount], Mapping[Any, int]],
    *,
    ordered: bool,
) -> Breakdown:
    chosen = _chosen(counts, table_ids)
    totals: dict[Any, int] = {}
    for count in chosen:
        for key, people in tally(count).items():
            if people > 0:
                totals[key] = totals.get(key, 0) + people
    values = dict(sorted(totals.items())) if ordered else totals
    return Breakdown(values, sum(totals.values()), _present(chosen))


def _chosen(counts: Iterable[ParticipantCount], table_ids: Iterable[str]) -> list[ParticipantCount]:
    wanted = set(table_ids)
    return [c for key, c in representative_counts(counts).items() if wanted.intersection(key)]


def _present(chosen: Sequence[ParticipantCount]) -> int | None:
    figures = [c.present for c in chosen if c.present is not None]
    return sum(figures) if figures else None


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


def card_votes(played: Iterable[TableCard]) -> dict[str, int]:
    """Rule 6: votes a card received where tables put it in play (its own code only).

    A vote on a card in play is a vote for that card, not for its strategy or axis.
    """
    totals: dict[str, int] = {}
    for card in played:
        totals[card.code] = totals.get(card.code, 0) + card.votes
    return totals


def live(posts: Iterable[Contribution]) -> list[Contribution]:
    """Rule 7: what is counted and shown is the post-its not deleted."""
    return [post for post in posts if post.deleted_at is None]
