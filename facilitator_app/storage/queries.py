"""Named reads of an event file: what services ask for, with the SQL kept here.

Services, the UI and the CLI say what they mean (``store.sessions_of_table(id)``) and
never write a where clause; :class:`EventQueries` is mixed into
:class:`~facilitator_app.storage.database.EventStore`, which provides the two primitives
every query is built on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from facilitator_app.domain.model import (
    AgendaItem,
    Contribution,
    ParticipantCount,
    Session,
    StrategyCard,
    Table,
    TableCard,
    Theme,
    Venue,
)

R = TypeVar("R")

# Board order of post-its and themes; created_at breaks ties between equal positions.
_BOARD_ORDER = "position, created_at"
_LIVE = "deleted_at is null"


class EventQueries:
    """The reads services make, by name; mixed into the event store."""

    # -- primitives (provided by EventStore) -----------------------------------------------

    def _select(
        self,
        kind: type[R],
        where: str | None = None,
        params: Sequence[Any] = (),
        order_by: str | None = None,
    ) -> list[R]:
        raise NotImplementedError  # pragma: no cover - EventStore provides it

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError  # pragma: no cover - EventStore provides it

    # -- the event's frame -----------------------------------------------------------------

    def venues(self) -> list[Venue]:
        """Every venue, in the order the event lists them (by position, then name)."""
        return self._select(Venue, order_by="position, name")

    def tables(self) -> list[Table]:
        """Every table, in the order the event lists them (by position, then name)."""
        return self._select(Table, order_by="position, name")

    def agenda(self) -> list[AgendaItem]:
        """The day's programme in order (by position, then start time)."""
        return self._select(AgendaItem, order_by="position, start")

    def sessions_of_table(self, table_id: str) -> list[Session]:
        """The sessions of one table, in number order."""
        return self._select(Session, "table_id = ?", [table_id], order_by="number")

    def session_of_table(self, table_id: str, number: int) -> Session | None:
        """Session ``number`` of one table, or None when the table has no such session."""
        found = self._select(Session, "table_id = ? and number = ?", [table_id, number])
        return found[0] if found else None

    # -- strategy cards --------------------------------------------------------------------

    def cards(self, edition: str | None = None, *, axes_only: bool = False) -> list[StrategyCard]:
        """Strategy cards by edition and code (as text), optionally of one edition.

        Args:
            edition: only the cards of this edition; None for every edition.
            axes_only: only the axis-level cards ("2", not "2.1").
        """
        if edition is None:
            found = self._select(StrategyCard, order_by="edition, code")
        else:
            found = self._select(StrategyCard, "edition = ?", [edition], order_by="edition, code")
        # An axis's code has no dot: the level follows from the code, not from a column.
        return [card for card in found if card.level == "asse"] if axes_only else found

    def card_count(self, edition: str) -> int:
        """How many strategy cards one edition has."""
        return int(self._rows("select count(*) from cards where edition = ?", [edition])[0][0])

    def cards_in_play(self, table_id: str, session: int | None = None) -> list[TableCard]:
        """The cards a table has put in play (of one session, or all), in no set order."""
        if session is None:
            return self._select(TableCard, "table_id = ?", [table_id])
        return self._select(TableCard, "table_id = ? and session = ?", [table_id, session])

    # -- participants ----------------------------------------------------------------------

    def participant_counts(self, session: int | None = None) -> list[ParticipantCount]:
        """Participant counts (of one session, or all), in no set order."""
        if session is None:
            return self._select(ParticipantCount)
        return self._select(ParticipantCount, "session = ?", [session])

    # -- themes ----------------------------------------------------------------------------

    def themes_of_table(
        self, table_id: str, session: int | None = None, *, include_deleted: bool = False
    ) -> list[Theme]:
        """The themes of one table (of one session, or all), in board order.

        Args:
            table_id: the table.
            session: only this session's themes; None for every session.
            include_deleted: also the soft-deleted themes.
        """
        clauses = ["table_id = ?"]
        params: list[Any] = [table_id]
        if session is not None:
            clauses.append("session = ?")
            params.append(session)
        if not include_deleted:
            clauses.append(_LIVE)
        return self._select(Theme, " and ".join(clauses), params, order_by=_BOARD_ORDER)

    def live_themes(self) -> list[Theme]:
        """Every theme not deleted, of every table, in storage order (no board order)."""
        return self._select(Theme, _LIVE)

    # -- post-its --------------------------------------------------------------------------

    def contributions(
        self,
        table_id: str | None = None,
        session: int | None = None,
        *,
        include_deleted: bool = False,
    ) -> list[Contribution]:
        """Post-its in board order, filtered by table and session."""
        clauses: list[str] = []
        params: list[Any] = []
        if table_id is not None:
            clauses.append("table_id = ?")
            params.append(table_id)
        if session is not None:
            clauses.append("session = ?")
            params.append(session)
        if not include_deleted:
            clauses.append(_LIVE)
        where = " and ".join(clauses) or None
        return self._select(Contribution, where, params, order_by=_BOARD_ORDER)

    def live_contributions(self) -> list[Contribution]:
        """Every post-it not deleted, of every table, in storage order (no board order).

        Text analyses are deterministic for the records *in the order given*; callers that
        always read them this way keep their results (use :meth:`contributions` for boards).
        """
        return self._select(Contribution, _LIVE)

    def live_contribution_counts(self) -> dict[tuple[str, int], int]:
        """How many post-its not deleted each (table id, session) has; absent means none."""
        rows = self._rows(
            "select table_id, session, count(*) from contributions "
            "where deleted_at is null group by table_id, session"
        )
        return {(table_id, session): int(count) for table_id, session, count in rows}

    def last_board_position(self) -> int:
        """The highest board position of any post-it (deleted ones too), 0 when none.

        New post-its go after it, so that they sort last on every board.
        """
        return int(self._rows("select coalesce(max(position), 0) from contributions")[0][0])
