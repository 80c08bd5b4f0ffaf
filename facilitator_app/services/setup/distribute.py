"""Per-venue or per-table event files cut from the coordinator's master file.

Every laptop must carry the same event (same UUIDs) for its file to merge back; this copies
the event, the chosen venues and tables with their sessions, the agenda and the cards into a
new file, and nothing captured yet, with every copied record's versions (its base).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator_app.domain.clock import Clock, to_iso
from facilitator_app.domain.errors import InvalidValueError, StorageError
from facilitator_app.domain.model import (
    AgendaItem,
    Event,
    Session,
    StrategyCard,
    Table,
)
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, term
from facilitator_app.domain.vocab import fold
from facilitator_app.services.common.progress import Progress, no_progress
from facilitator_app.services.records.versions import file_versions
from facilitator_app.storage.database import EventStore
from facilitator_app.storage.versions import load_versions, save_versions


def _listed(texts: Sequence[str]) -> str:
    """A choice as messages list it: its first text, and its second when it says more.

    "zona-5 (Zona 5 - Pinerolese)": keys alone do not tell people which one they meant.
    """
    first = texts[0]
    other = next((t for t in texts[1:] if t and fold(t) != fold(first)), "")
    return f"{first} ({other})" if other else first


#: Labels for :func:`match_names` messages.
VENUES = term(QT_TRANSLATE_NOOP("Terms", "le sedi"))
TABLES = term(QT_TRANSLATE_NOOP("Terms", "i tavoli"))
_OF_THE_EVENT = term(QT_TRANSLATE_NOOP("Terms", "dell'evento"))


def match_names(
    queries: Sequence[str],
    choices: Mapping[str, Sequence[str]],
    what: str,
    within: str = _OF_THE_EVENT,
) -> list[str]:
    """The choices people meant, each named by any unambiguous part of a name or key.

    Accents and case are ignored. A query equal to a name or key wins outright; otherwise it
    must be part of the names or keys of exactly one choice ("pinerolo" names "Comune di
    Pinerolo").

    Args:
        queries: what people typed.
        choices: each choice's identifier (returned) → the texts it may be called by; the
            first text is the one listed in messages.
        what: the kind of thing, plural with its article, for messages ("le sedi").
        within: whose they are, for messages ("dell'evento", "del modello").

    Raises:
        ValueError: a query matching nothing or several choices; the message lists them.
    """
    folded = {ident: [fold(text) for text in texts if text] for ident, texts in choices.items()}
    listed = ", ".join(_listed(texts) for texts in choices.values() if texts)
    found: list[str] = []
    for query in queries:
        wanted = fold(query).strip()
        exact = [i for i, texts in folded.items() if wanted in texts]
        partial = [i for i, texts in folded.items() if wanted and any(wanted in t for t in texts)]
        hits = exact or partial
        if not hits:
            raise InvalidValueError(
                QT_TRANSLATE_NOOP(
                    "Errors", "«{query}» non è tra {what} {within} (disponibili: {listed})"
                ),
                query=query,
                what=what,
                within=within,
                listed=listed,
            )
        if len(hits) > 1:
            names = ", ".join(choices[i][0] for i in hits)
            raise InvalidValueError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "«{query}» è ambiguo tra {what} {within}: {names}. Indicare un nome più preciso.",
                ),
                query=query,
                what=what,
                within=within,
                names=names,
            )
        found.append(hits[0])
    return found


def extract(
    master: EventStore,
    target: Path,
    *,
    venues: Sequence[str] = (),
    tables: Sequence[str] = (),
    facilitator: str | None = None,
    clock: Clock | None = None,
) -> tuple[Event, list[Table]]:
    """Write a new event file holding part of the master event.

    Args:
        master: the coordinator's event file.
        target: the file to create (must not exist).
        venues: venue names, or any unambiguous part of one (accents and case ignored);
            all when both filters are empty.
        tables: table keys or names, or any unambiguous part of one.
        facilitator: written on the copied tables when given (needs ``clock``).
        clock: stamps the tables whose facilitator changes.

    Raises:
        ValueError: a venue or table that the master does not have (the message lists the
            event's), an ambiguous name, or nothing selected.
        StorageError: the target exists or cannot be written.
    """
    all_venues = master.venues()
    all_tables = master.tables()
    wanted_venues = set(match_names(venues, {v.id: (v.name,) for v in all_venues}, VENUES))
    wanted_tables = set(match_names(tables, table_choices(all_tables), TABLES))
    chosen = [
        t
        for t in all_tables
        if (not venues and not tables) or t.venue_id in wanted_venues or t.id in wanted_tables
    ]
    if not chosen:
        raise InvalidValueError(QT_TRANSLATE_NOOP("Errors", "nessun tavolo scelto"))
    if facilitator is not None:
        if clock is None:
            raise InvalidValueError(
                QT_TRANSLATE_NOOP(
                    "Errors", "serve un orologio per registrare il cambio di facilitatore"
                )
            )
        now = to_iso(clock.now())
        chosen = [dataclasses.replace(t, facilitator=facilitator, updated_at=now) for t in chosen]
    table_ids = {t.id for t in chosen}
    venue_ids = {t.venue_id for t in chosen}
    records: list[Any] = [master.event()]
    records += [v for v in all_venues if v.id in venue_ids]
    records += chosen
    records += [s for s in master.all(Session) if s.table_id in table_ids]
    records += master.all(AgendaItem)
    records += master.all(StrategyCard)
    # Each record's versions go with it: the laptop's edits are then told apart from what
    # it was given (its base), and the merge is three-way (docs/FILE_FORMATS.md).
    versions = file_versions(records, load_versions(master))
    with EventStore.building(target) as store:  # appears only complete
        store.save_all(records)
        with store.transaction():
            save_versions(store, versions)
    return records[0], chosen


def table_choices(tables: Sequence[Table]) -> dict[str, tuple[str, str]]:
    """Tables by id, each called by its key or its name (for :func:`match_names`)."""
    return {t.id: (t.key, t.name) for t in tables}


@dataclass(frozen=True)
class PlannedFile:
    """One venue or table file to cut from the master event.

    Attributes:
        target: the file to create.
        venues: the venue names it holds (all their tables).
        tables: the table keys it holds.
    """

    target: Path
    venues: tuple[str, ...] = ()
    tables: tuple[str, ...] = ()


def slug(text: str) -> str:
    """A file-name-safe, accent-free form of a name ("Comune di Ciriè" -> "comune-di-cirie")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "file"


def plan_per_venue(folder: Path, venue_names: Sequence[str]) -> list[PlannedFile]:
    """One file per venue, named after it, in ``folder``."""
    return [
        PlannedFile(folder / f"sede-{slug(name)}.sqlite", venues=(name,)) for name in venue_names
    ]


def plan_per_table(folder: Path, table_keys: Sequence[str]) -> list[PlannedFile]:
    """One file per table, named after its key, in ``folder``."""
    return [PlannedFile(folder / f"tavolo-{slug(key)}.sqlite", tables=(key,)) for key in table_keys]


# Files SQLite and the writer lock may leave beside an event file.
_COMPANIONS = ("-wal", "-shm", "-journal", ".lock")


def write_files(
    master: EventStore,
    plan: Sequence[PlannedFile],
    *,
    progress: Progress = no_progress,
) -> list[tuple[Path, list[Table]]]:
    """Write every planned file, or none of them.

    Each file is first written under a temporary name beside its target; only when all are
    complete are they given their names. An existing target refuses the whole plan before
    anything is written, so no file is ever overwritten.

    Args:
        master: the coordinator's event file (open read-only is enough).
        plan: the files to write (from :func:`plan_per_venue` or :func:`plan_per_table`).
        progress: told after each file.

    Returns:
        Each file written with the tables it holds, in plan order.

    Raises:
        ValueError: nothing planned, two files with one name, or an unknown venue or table.
        StorageError: a target exists already, or the folder cannot be written; no file
            of the plan is left behind.
    """
    if not plan:
        raise InvalidValueError(QT_TRANSLATE_NOOP("Errors", "nessuna sede e nessun tavolo scelti"))
    names = [item.target for item in plan]
    if len(set(names)) != len(names):
        raise InvalidValueError(
            QT_TRANSLATE_NOOP(
                "Errors", "due file avrebbero lo stesso nome: sceglierne uno per ciascuno"
            )
        )
    existing = [item.target for item in plan if item.target.exists()]
    if existing:
        listed = ", ".join(path.name for path in existing)
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "In {folder} esistono già: {listed}. Nessun file è stato scritto: "
                "scegliere un'altra cartella o spostare quei file.",
            ),
            folder=existing[0].parent,
            listed=listed,
        )
    temporaries: list[Path] = []
    renamed: list[Path] = []
    done: list[tuple[Path, list[Table]]] = []
    try:
        for number, item in enumerate(plan, start=1):
            temporary = item.target.with_name(f".{item.target.name}.{uuid.uuid4().hex}.partial")
            temporaries.append(temporary)
            try:
                _, tables = extract(master, temporary, venues=item.venues, tables=item.tables)
            except StorageError as error:  # say which folder, not the temporary name
                cause = error.__cause__
                why = cause.strerror if isinstance(cause, OSError) else None
                raise StorageError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Impossibile scrivere nella cartella {folder}: {why}. "
                        "Nessun file è stato scritto.",
                    ),
                    folder=item.target.parent,
                    why=why or cause or error,
                ) from error
            done.append((item.target, tables))
            progress(number, len(plan), item.target.name)
        for temporary, (target, _) in zip(temporaries, done, strict=True):
            if target.exists():  # appeared meanwhile: still never overwrite
                raise StorageError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Il file {target} esiste già. Nessun file è stato scritto."
                    ),
                    target=target,
                )
            os.replace(temporary, target)
            renamed.append(target)
    except OSError as error:
        _remove_event_files([*temporaries, *renamed])
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Errors", "Impossibile scrivere in {folder}: {why}. Nessun file è stato scritto."
            ),
            folder=plan[0].target.parent,
            why=error.strerror or error,
        ) from error
    except BaseException:
        _remove_event_files([*temporaries, *renamed])
        raise
    return done


def _remove_event_files(paths: Sequence[Path]) -> None:
    """Remove event files written by a failed :func:`write_files`, with their companions."""
    for path in paths:
        for leftover in (path, *(path.with_name(path.name + end) for end in _COMPANIONS)):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
