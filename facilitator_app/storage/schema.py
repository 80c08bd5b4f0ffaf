"""The event file's schema, created and upgraded by sqlite-utils migrations.

Each migration is a small function, listed in :data:`MIGRATION_STEPS` in the order they
apply; a file whose applied migrations include names this version does not know was written
by a newer app and is refused, never altered.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "facilitator_app"
# "FAC1": tells our event files apart from any other SQLite database.
APPLICATION_ID = 0x46414331

_STAMPS = {"id": str, "created_at": str, "updated_at": str}


def m001_initial_schema(db: Database) -> None:
    """Create every table of the first schema."""
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("events").create(
        {
            **_STAMPS,
            "title": str,
            "date": str,
            "format": str,
            "plan_edition": str,
            "card_edition": str,
            "template": str,
            "in_presence": int,
            "online_listeners": int,
            "premessa": str,
            "temi_trasversali": str,
            "conclusioni": str,
        },
        pk="id",
        not_null={"title", "date", "format"},
    )
    db.table("venues").create(
        {**_STAMPS, "event_id": str, "name": str, "address": str, "position": int},
        pk="id",
    )
    db.table("event_tables").create(
        {
            **_STAMPS,
            "event_id": str,
            "venue_id": str,
            "key": str,
            "name": str,
            "axis": int,
            "zones": str,
            "facilitator": str,
            "position": int,
        },
        pk="id",
    )
    db.table("sessions").create(
        {
            **_STAMPS,
            "table_id": str,
            "number": int,
            "question": str,
            "planned_start": str,
            "planned_end": str,
            "planned_minutes": int,
            "extension_seconds": int,
            "actual_start": str,
            "actual_end": str,
            "pauses": str,
            "synthesis": str,
        },
        pk="id",
    )
    db.table("sessions").create_index(["table_id", "number"], unique=True)
    db.table("agenda").create(
        {
            **_STAMPS,
            "event_id": str,
            "position": int,
            "start": str,
            "end": str,
            "title": str,
            "kind": str,
            "session_number": int,
            "actual_start": str,
            "actual_end": str,
        },
        pk="id",
    )
    db.table("cards").create(
        {"edition": str, "code": str, "title": str, "description": str, "source": str},
        pk=("edition", "code"),
    )
    db.table("table_cards").create(
        {
            **_STAMPS,
            "table_id": str,
            "code": str,
            "session": int,
            "votes": int,
            "rank": int,
        },
        pk="id",
    )
    db.table("counts").create(
        {
            **_STAMPS,
            "event_id": str,
            "table_ids": str,
            "session": int,
            "present": int,
            "by_zone": str,
            "by_category": str,
            "note": str,
        },
        pk="id",
    )
    db.table("themes").create(
        {
            **_STAMPS,
            "table_id": str,
            "title": str,
            "session": int,
            "synthesis": str,
            "position": int,
            "deleted_at": str,
        },
        pk="id",
    )
    db.table("contributions").create(
        {
            **_STAMPS,
            "table_id": str,
            "session": int,
            "text": str,
            "kind": str,
            "axis": int,
            "cards": str,
            "zones": str,
            "links": str,
            "theme_id": str,
            "votes": int,
            "position": int,
            "deleted_at": str,
        },
        pk="id",
    )
    db.table("contributions").create_index(["table_id", "session"])
    db.table("themes").create_index(["table_id"])


def m002_merge_bookkeeping(db: Database) -> None:
    """Tables of a coordinator's merged event: imported files, provenance, conflicts."""
    db.table("merge_imports").create(
        {
            "sha256": str,
            "file": str,
            "origin": str,
            "status": str,
            "imported_at": str,
            "added": int,
            "updated": int,
            "unchanged": int,
            "conflicts": int,
        },
        pk="sha256",
    )
    db.table("provenance").create(
        {
            "record_id": str,
            "kind": str,
            "version": str,
            "origin": str,
            "source_file": str,
            "source_sha256": str,
            "venue": str,
            "table_name": str,
            "facilitator": str,
            "imported_at": str,
        },
        pk=("kind", "record_id"),
    )
    db.table("merge_conflicts").create(
        {
            "id": int,
            "kind": str,
            "record_id": str,
            "kept_version": str,
            "kept_origin": str,
            "lost_version": str,
            "lost_origin": str,
            "source_file": str,
            "detail": str,
            "logged_at": str,
        },
        pk="id",
    )


def m003_venue_online_listeners(db: Database) -> None:
    """Online listeners are typed per venue (``Venue.online_listeners``), not per event."""
    db.table("venues").add_column("online_listeners", int)


def m004_record_versions(db: Database) -> None:
    """Versions of every record (the three-way merge's graph, ``domain/versions.py``)."""
    db.table("record_versions").create(
        {
            "node": str,
            "kind": str,
            "record_id": str,
            "parents": str,
            "content": str,
            "updated_at": str,
        },
        pk="node",
        not_null={"kind", "record_id", "parents", "content", "updated_at"},
    )
    db.table("record_versions").create_index(["kind", "record_id"])


def m005_post_it_embeddings(db: Database) -> None:
    """Meaning vectors of the post-its (derived data: never exchanged, merged or versioned).

    One row per post-it: the model that made the vector, the SHA-256 of the exact text it
    was made from (a vector of an edited text is never used), its length and the vector
    as little-endian float32 bytes.
    """
    db.table("post_it_embeddings").create(
        {
            "contribution_id": str,
            "model_id": str,
            "text_sha256": str,
            "dimensions": int,
            "vector": bytes,
        },
        pk="contribution_id",
        not_null={"model_id", "text_sha256", "dimensions", "vector"},
    )


def m006_room_posts(db: Database) -> None:
    """What the room server received from phones: post-its (pending or on the board), dots.

    ``room_posts`` keeps every post a phone sent: ``status`` is ``board`` (it became the
    post-it ``post_id``), ``pending`` (waiting in the moderation queue, text kept here),
    ``rejected``. ``room_dots`` keeps each dot a phone spent, so the budget survives a restart.
    """
    db.table("room_posts").create(
        {
            "id": str,
            "table_id": str,
            "session": int,
            "text": str,
            "phone": str,
            "received_at": str,
            "status": str,
            "post_id": str,
            "decided_at": str,
        },
        pk="id",
        not_null={"table_id", "session", "text", "phone", "received_at", "status"},
    )
    db.table("room_posts").create_index(["table_id", "session", "status"])
    db.table("room_dots").create(
        {
            "id": str,
            "table_id": str,
            "session": int,
            "voting": str,
            "phone": str,
            "post_id": str,
            "spent_at": str,
        },
        pk="id",
        not_null={"table_id", "session", "voting", "phone", "post_id", "spent_at"},
    )
    db.table("room_dots").create_index(["voting", "phone"])


# Our own list of the steps (sqlite-utils keeps its registry private): the Migrations
# object and KNOWN_MIGRATIONS are both derived from it, so they cannot disagree.
MIGRATION_STEPS: tuple[Callable[[Database], None], ...] = (
    m001_initial_schema,
    m002_merge_bookkeeping,
    m003_venue_online_listeners,
    m004_record_versions,
    m005_post_it_embeddings,
    m006_room_posts,
)

migrations = Migrations(MIGRATION_SET)
for _step in MIGRATION_STEPS:
    migrations()(_step)  # registered under the function's name

KNOWN_MIGRATIONS = frozenset(step.__name__ for step in MIGRATION_STEPS)
