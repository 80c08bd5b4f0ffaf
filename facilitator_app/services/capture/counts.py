"""Participant counts per table and session; a venue's online listeners; the event's total.

Counts are numbers only (never names). Inconsistent figures are kept and flagged with a
warning, never refused: the facilitator fixes them when there is time.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from facilitator_app.domain.clock import Clock, to_iso
from facilitator_app.domain.errors import InvalidValueError, NotFoundError
from facilitator_app.domain.model import Event, ParticipantCount, Venue, new_id
from facilitator_app.domain.rules import check_session, check_zone, counts_warning
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.domain.validation import check_people
from facilitator_app.domain.vocab import CATEGORY_LABELS, StakeholderCategory
from facilitator_app.services.common.workspace import bump
from facilitator_app.storage.database import EventStore

# The limits are the domain's (domain/validation.py), shared with import and merge.
_check_value = check_people


def count_warnings(count: ParticipantCount | None) -> list[str]:
    """Warnings for a count whose breakdowns add up to more than those present."""
    if count is None:
        return []
    found = [
        counts_warning(count.present, {str(k): v for k, v in count.by_zone.items()}, "Zone"),
        counts_warning(count.present, count.by_category, "Categorie"),
    ]
    return [warning for warning in found if warning]


class CountsService:
    """Read and change the head counts of a table's sessions.

    Args:
        store: the open, writable event file.
        clock: where time stamps come from.
    """

    def __init__(self, store: EventStore, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    def get(self, table_id: str, session: int) -> ParticipantCount | None:
        """The count of exactly this table and session, if any."""
        for count in self.store.participant_counts(session):
            if count.table_ids == (table_id,):
                return count
        return None

    def _save(
        self,
        table_id: str,
        session: int,
        **fields: object,
    ) -> ParticipantCount:
        number = check_session(session)
        current = self.get(table_id, number)
        now = self.clock.now()
        if current is None:
            event = self.store.event()
            current = ParticipantCount(
                id=new_id(),
                event_id=event.id,
                table_ids=(table_id,),
                created_at=to_iso(now),
                updated_at=to_iso(now),
                session=number,
            )
        updated = dataclasses.replace(
            current,
            **fields,  # type: ignore[arg-type]
            updated_at=bump(current.updated_at, now),
        )
        self.store.save(updated)
        return updated

    def set_present(self, table_id: str, session: int, present: int | None) -> ParticipantCount:
        """Set how many people are at the table (None: not counted)."""
        value = None if present is None else _check_value(present)
        return self._save(table_id, session, present=value)

    def set_zone(self, table_id: str, session: int, zone: int, value: int) -> ParticipantCount:
        """Set how many people come from one zona omogenea."""
        current = self.get(table_id, session)
        by_zone = dict(current.by_zone) if current else {}
        by_zone[check_zone(zone)] = _check_value(value)
        cleaned = {k: v for k, v in sorted(by_zone.items()) if v}
        return self._save(table_id, session, by_zone=cleaned)

    def set_category(
        self, table_id: str, session: int, category: StakeholderCategory | str, value: int
    ) -> ParticipantCount:
        """Set how many people belong to one stakeholder category."""
        key = StakeholderCategory(category).value
        current = self.get(table_id, session)
        by_category = dict(current.by_category) if current else {}
        by_category[key] = _check_value(value)
        cleaned = {k: v for k, v in by_category.items() if v}
        return self._save(table_id, session, by_category=cleaned)

    def adjust(
        self, table_id: str, session: int, what: str, delta: int, key: str | int | None = None
    ) -> ParticipantCount:
        """Add ``delta`` (usually +1 or -1) to a counter, never going below zero.

        Args:
            table_id: the table.
            session: 1 or 2.
            what: "present", "zone" or "category".
            delta: the change.
            key: the zone number or category code for "zone" and "category".
        """
        current = self.get(table_id, session)
        if what == "present":
            base = current.present if current and current.present is not None else 0
            return self.set_present(table_id, session, max(0, base + delta))
        if what == "zone":
            zone = check_zone(key)
            base = current.by_zone.get(zone, 0) if current else 0
            return self.set_zone(table_id, session, zone, max(0, base + delta))
        if what == "category":
            category = StakeholderCategory(str(key))
            base = current.by_category.get(category.value, 0) if current else 0
            return self.set_category(table_id, session, category, max(0, base + delta))
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "contatore sconosciuto: {what}"), what=what
        )

    def set_figures(
        self,
        table_id: str,
        session: int,
        *,
        present: int | None = None,
        zones: Mapping[int, int] | None = None,
        categories: Mapping[str, int] | None = None,
    ) -> ParticipantCount:
        """Set several figures of one table session at once, in one transaction.

        Figures not given are kept; a zone or category set to 0 is removed. Every value is
        checked before anything is saved.

        Raises:
            ValueError: a session, zone, category or figure that is not valid.
        """
        number = check_session(session)
        checked_zones = {check_zone(zone): _check_value(v) for zone, v in (zones or {}).items()}
        checked_categories = {
            _category(code): _check_value(v) for code, v in (categories or {}).items()
        }
        current = self.get(table_id, number)
        fields: dict[str, object] = {}
        if present is not None:
            fields["present"] = _check_value(present)
        if checked_zones:
            by_zone = {**(current.by_zone if current else {}), **checked_zones}
            fields["by_zone"] = {k: v for k, v in sorted(by_zone.items()) if v}
        if checked_categories:
            by_category = {**(current.by_category if current else {}), **checked_categories}
            fields["by_category"] = {k: v for k, v in by_category.items() if v}
        return self._save(table_id, number, **fields)

    def set_venue_online_listeners(self, venue_id: str, value: int | None) -> Venue:
        """Set how many people followed one venue's plenary online (None: not counted).

        Raises:
            NotFoundError: no venue with this id.
        """
        venue = self.store.get(Venue, venue_id)
        if venue is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Errors", "sede {venue} non trovata"), venue=venue_id
            )
        updated = dataclasses.replace(
            venue,
            online_listeners=None if value is None else _check_value(value),
            updated_at=bump(venue.updated_at, self.clock.now()),
        )
        self.store.save(updated)
        return updated

    def set_in_presence(self, value: int | None) -> Event:
        """Set the event's total of people in presence, over every venue (None: unknown)."""
        event = self.store.event()
        updated = dataclasses.replace(
            event,
            in_presence=None if value is None else _check_value(value),
            updated_at=bump(event.updated_at, self.clock.now()),
        )
        self.store.save(updated)
        return updated


def _category(code: str) -> str:
    try:
        return StakeholderCategory(code.strip()).value
    except ValueError:
        known = ", ".join(c.value for c in StakeholderCategory)
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "categoria «{code}» sconosciuta (ammesse: {known})"),
            code=code,
            known=known,
        ) from None


CATEGORIES: tuple[tuple[str, str], ...] = tuple(
    (category.value, label) for category, label in CATEGORY_LABELS.items()
)
