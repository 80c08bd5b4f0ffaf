"""The event-level texts of the restituzione: premessa, temi trasversali, conclusioni."""

from __future__ import annotations

import dataclasses
from typing import Any

from facilitator_app.domain.clock import Clock, to_iso
from facilitator_app.domain.errors import InvalidValueError
from facilitator_app.domain.model import Event
from facilitator_app.domain.rules import check_text
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, term
from facilitator_app.services.analysis.crosscutting import crosscutting_themes
from facilitator_app.services.analysis.embeddings import stored_event_vectors
from facilitator_app.storage.database import EventStore

MAX_REPORT_CHARS = 60_000
FIELDS = ("premessa", "temi_trasversali", "conclusioni")
# The fields as people call them, for messages.
_NAMES = {
    "premessa": term(QT_TRANSLATE_NOOP("Terms", "premessa")),
    "temi_trasversali": term(QT_TRANSLATE_NOOP("Terms", "temi trasversali")),
    "conclusioni": term(QT_TRANSLATE_NOOP("Terms", "conclusioni")),
}


def set_report_texts(store: EventStore, clock: Clock, **texts: str) -> Event:
    """Store some of the three texts (committed before returning); the others are kept.

    Raises:
        ValueError: an unknown field, or a text over 60,000 characters.
    """
    unknown = sorted(set(texts) - set(FIELDS))
    if unknown:
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "testi sconosciuti: {names}"), names=", ".join(unknown)
        )
    cleaned: dict[str, Any] = {
        name: check_text(text, what=_NAMES[name], limit=MAX_REPORT_CHARS) if text.strip() else ""
        for name, text in texts.items()
    }
    event = store.event()
    if all(getattr(event, name) == value for name, value in cleaned.items()):
        return event
    updated = dataclasses.replace(event, updated_at=to_iso(clock.now()), **cleaned)
    store.save(updated)
    return updated


def draft_crosscutting(store: EventStore, limit: int = 8) -> str:
    """A first draft of the "temi trasversali" from the post-its of every table.

    With every post-it's meaning vector stored in the file, the themes come from the
    meaning method (:mod:`~facilitator_app.services.analysis.crosscutting_meaning`);
    otherwise from the word method.

    One paragraph per recurring topic, its title in capitals (as the published report writes
    them) followed by where it came from; the coordinator rewrites it before publishing.
    """
    tables = store.tables()
    posts = store.live_contributions()
    # The meaning method when the file holds every post-it's vector (no model is loaded).
    vectors = stored_event_vectors(store, posts)
    found = crosscutting_themes(posts, tables, store.live_themes(), vectors=vectors)
    names = {table.key: table.name for table in tables}
    paragraphs = []
    for theme in found[:limit]:
        where = ", ".join(names.get(key, key) for key in theme.tables)
        words = ", ".join(theme.keywords[:5])
        paragraphs.append(
            f"{theme.title.upper()}\n"
            f"Emerso ai tavoli: {where} ({len(theme.contribution_ids)} contributi; "
            f"parole ricorrenti: {words})."
        )
    return "\n\n".join(paragraphs)
