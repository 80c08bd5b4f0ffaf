"""An event as open data: an anonymised Frictionless Data Package (CSV + Table Schemas).

``datapackage.json`` describes six CSV resources (tables, sessions, themes, contributions,
counts, cards_in_play) with a Table Schema each: field types, constraints, primary and
foreign keys. Only live post-its and themes are published (deleted ones stay in the
event file, for the merge); no facilitator, device or author appears. Figures come from
the report model, so they agree with the PDF, the workbook and ``aggregate``.

The folder appears complete or not at all: the package is written in a temporary folder
beside it and renamed into place; a folder that exists is replaced only when it is empty
or holds an earlier package of ours (see :func:`write_open_data`).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator_app import __version__
from facilitator_app.domain import counting
from facilitator_app.domain.clock import Clock, to_iso
from facilitator_app.domain.errors import InvalidValueError, StorageError
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.domain.vocab import ZONES, ContributionKind, StakeholderCategory
from facilitator_app.services.common.files import check_output
from facilitator_app.services.common.progress import Progress, no_progress
from facilitator_app.services.records.report import EventReport
from facilitator_app.storage.file_errors import os_reason

# Known licences: name -> (title, path). CC-BY-4.0 is the default of Italian open data.
LICENCES: dict[str, tuple[str, str]] = {
    "CC-BY-4.0": (
        "Creative Commons Attribution 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    "CC-BY-SA-4.0": (
        "Creative Commons Attribution Share-Alike 4.0",
        "https://creativecommons.org/licenses/by-sa/4.0/",
    ),
    "CC0-1.0": (
        "CC0 1.0 Universal",
        "https://creativecommons.org/publicdomain/zero/1.0/",
    ),
    "IODL-2.0": (
        "Italian Open Data License 2.0",
        "https://www.dati.gov.it/iodl/2.0/",
    ),
    "ODbL-1.0": (
        "Open Data Commons Open Database License 1.0",
        "https://opendatacommons.org/licenses/odbl/1-0/",
    ),
}
DEFAULT_LICENCE = "CC-BY-4.0"
DEFAULT_ORGANISER = "Città metropolitana di Torino"
# Written in datapackage.json: tells an earlier package of ours from someone's folder.
PROFILE_MARK = "facilitator_app-dati-aperti"
RESOURCES = ("tables", "sessions", "themes", "contributions", "counts", "cards_in_play")

Row = list[Any]
FieldSpec = tuple[str, str, str, dict[str, Any]]  # name, type, description, constraints


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once at import: os.umask can only be read by setting it.
_FOLDER_MODE = 0o777 & ~_read_umask()
_REQUIRED = {"required": True}
_SESSION = {"minimum": 1, "maximum": 2}
_COUNT = {"minimum": 0}


@dataclass(frozen=True)
class OpenDataResult:
    """What :func:`write_open_data` wrote.

    Attributes:
        path: the package's folder.
        rows: rows written per resource name.
        contributions: live post-its published.
    """

    path: Path
    rows: dict[str, int]
    contributions: int


@dataclass(frozen=True)
class _Resource:
    name: str
    title: str
    fields: tuple[FieldSpec, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...]  # field, resource, field there
    rows: Callable[[EventReport], list[Row]]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _table_rows(report: EventReport) -> list[Row]:
    return [
        [
            t.table.id,
            t.table.key,
            t.table.name,
            t.venue,
            t.table.axis,
            " ".join(str(z) for z in t.table.zones),
            t.people,
            t.contributions,
            t.themes,
        ]
        for t in report.tables
    ]


def _session_rows(report: EventReport) -> list[Row]:
    return [
        [
            s.session.id,
            t.table.id,
            s.number,
            s.question,
            s.session.synthesis,
            s.session.planned_minutes,
            s.minutes,
            len(s.posts),
        ]
        for t in report.tables
        for s in t.sessions
        if s.session is not None
    ]


def _theme_rows(report: EventReport) -> list[Row]:
    posts = [p for t in report.tables for s in t.sessions for p in s.posts]
    tallies: dict[str, tuple[int, int]] = {}
    for post in posts:
        if post.theme_id:
            n, votes = tallies.get(post.theme_id, (0, 0))
            tallies[post.theme_id] = (n + 1, votes + post.votes)
    tables = {t.table.id for t in report.tables}
    return [
        [
            theme.id,
            theme.table_id,
            theme.session,
            theme.title,
            theme.synthesis,
            *tallies.get(theme.id, (0, 0)),
        ]
        for theme in report.records.live_themes()
        if theme.table_id in tables
    ]


def _contribution_rows(report: EventReport) -> list[Row]:
    themes = {theme.id for theme in report.records.live_themes()}
    return [
        [
            post.id,
            table.table.id,
            table.table.key,
            post.session,
            post.kind.value if post.kind else None,
            post.text,
            post.theme_id if post.theme_id in themes else None,
            " ".join(post.cards),
            " ".join(str(z) for z in post.zones),
            post.axis,
            post.votes,
        ]
        for table in report.tables
        for session in table.sessions
        for post in session.posts
    ]


def _count_rows(report: EventReport) -> list[Row]:
    records = report.records
    keys = {t.id: t.key for t in records.tables}
    standing = {c.id for c in counting.representative_counts(records.counts).values()}
    return [
        [
            count.id,
            " ".join(keys.get(t, t) for t in count.table_ids),
            count.session,
            count.id in standing,
            count.present,
            *(count.by_category.get(category.value) for category in StakeholderCategory),
            *(count.by_zone.get(zone) for zone in ZONES),
        ]
        for count in records.counts
    ]


def _card_rows(report: EventReport) -> list[Row]:
    cards = report.records.event_cards()
    tables = {t.table.id for t in report.tables}
    return [
        [
            card.id,
            card.table_id,
            card.session,
            card.code,
            cards[card.code].title if card.code in cards else None,
            card.votes,
            card.rank,
        ]
        for card in report.records.table_cards
        if card.table_id in tables
    ]


_ID = ("id", "string", "Identificativo stabile (UUID) del record", _REQUIRED | {"unique": True})
_TABLE_ID = ("table_id", "string", "Tavolo (tables.id)", _REQUIRED)

_RESOURCE_SPECS = (
    _Resource(
        "tables",
        "Tavoli",
        (
            _ID,
            ("key", "string", "Chiave breve del tavolo", _REQUIRED | {"unique": True}),
            ("name", "string", "Nome del tavolo", _REQUIRED),
            ("venue", "string", "Sede", {}),
            ("axis", "integer", "Asse del Piano (vuoto: tavolo per zona)", {"minimum": 1}),
            ("zones", "string", "Zone omogenee del tavolo, separate da spazi", {}),
            ("people", "integer", "Persone al tavolo (regole di conteggio)", _COUNT),
            ("contributions", "integer", "Post-it (non eliminati)", _REQUIRED | _COUNT),
            ("themes", "integer", "Temi (non eliminati)", _REQUIRED | _COUNT),
        ),
        ("id",),
        (),
        _table_rows,
    ),
    _Resource(
        "sessions",
        "Sessioni",
        (
            _ID,
            _TABLE_ID,
            ("number", "integer", "Numero della sessione", _REQUIRED | _SESSION),
            ("question", "string", "Domanda della sessione", {}),
            ("synthesis", "string", "Sintesi del facilitatore", {}),
            ("planned_minutes", "integer", "Minuti previsti", _COUNT),
            ("minutes", "integer", "Minuti effettivi (vuoto: non conclusa)", _COUNT),
            ("contributions", "integer", "Post-it (non eliminati)", _REQUIRED | _COUNT),
        ),
        ("id",),
        (("table_id", "tables", "id"),),
        _session_rows,
    ),
    _Resource(
        "themes",
        "Temi",
        (
            _ID,
            _TABLE_ID,
            ("session", "integer", "Sessione (vuoto: entrambe)", _SESSION),
            ("title", "string", "Titolo del tema", _REQUIRED),
            ("synthesis", "string", "Sintesi del tema", {}),
            ("contributions", "integer", "Post-it sotto il tema", _REQUIRED | _COUNT),
            ("votes", "integer", "Voti dei post-it sotto il tema", _REQUIRED | _COUNT),
        ),
        ("id",),
        (("table_id", "tables", "id"),),
        _theme_rows,
    ),
    _Resource(
        "contributions",
        "Contributi (post-it)",
        (
            _ID,
            _TABLE_ID,
            ("table", "string", "Chiave del tavolo", _REQUIRED),
            ("session", "integer", "Sessione", _REQUIRED | _SESSION),
            (
                "kind",
                "string",
                "Tipo di contributo",
                {"enum": [kind.value for kind in ContributionKind]},
            ),
            ("text", "string", "Testo del post-it", _REQUIRED),
            ("theme_id", "string", "Tema (themes.id; vuoto: senza tema)", {}),
            ("cards", "string", "Codici delle schede citate, separati da spazi", {}),
            ("zones", "string", "Zone omogenee citate, separate da spazi", {}),
            ("axis", "integer", "Asse citato", {"minimum": 1}),
            ("votes", "integer", "Voti (bollini)", _REQUIRED | _COUNT),
        ),
        ("id",),
        (("table_id", "tables", "id"), ("theme_id", "themes", "id")),
        _contribution_rows,
    ),
    _Resource(
        "counts",
        "Conteggi dei partecipanti",
        (
            _ID,
            ("tables", "string", "Chiavi dei tavoli contati insieme, separate da spazi", {}),
            ("session", "integer", "Sessione (vuoto: tutta la giornata)", _SESSION),
            (
                "standing",
                "boolean",
                "Il conteggio che vale per il suo gruppo di tavoli (regola 1)",
                _REQUIRED,
            ),
            ("present", "integer", "Persone presenti", _COUNT),
            *(
                (f"category_{category.value}", "integer", f"Persone: {category.value}", _COUNT)
                for category in StakeholderCategory
            ),
            *(
                (f"zone_{zone}", "integer", f"Persone dalla zona {zone} ({name})", _COUNT)
                for zone, name in ZONES.items()
            ),
        ),
        ("id",),
        (),
        _count_rows,
    ),
    _Resource(
        "cards_in_play",
        "Schede in gioco ai tavoli",
        (
            _ID,
            _TABLE_ID,
            ("session", "integer", "Sessione (vuoto: tutta la giornata)", _SESSION),
            ("code", "string", "Codice della scheda", _REQUIRED),
            ("title", "string", "Titolo della scheda", {}),
            ("votes", "integer", "Voti dati alla scheda", _REQUIRED | _COUNT),
            ("rank", "integer", "Posto in classifica", {"minimum": 1}),
        ),
        ("id",),
        (("table_id", "tables", "id"),),
        _card_rows,
    ),
)


def _schema(resource: _Resource) -> dict[str, Any]:
    fields = []
    for name, kind, description, constraints in resource.fields:
        spec: dict[str, Any] = {"name": name, "type": kind, "description": description}
        if constraints:
            spec["constraints"] = dict(constraints)
        fields.append(spec)
    schema: dict[str, Any] = {
        "fields": fields,
        "missingValues": [""],
        "primaryKey": list(resource.primary_key),
    }
    if resource.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": here, "reference": {"resource": there, "fields": field}}
            for here, there, field in resource.foreign_keys
        ]
    return schema


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "evento"


def _csv_text(resource: _Resource, rows: Sequence[Row]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([spec[0] for spec in resource.fields])
    writer.writerows([_cell(value) for value in row] for row in rows)
    return buffer.getvalue()


def _descriptor(
    report: EventReport, clock: Clock, licence: str, organiser: str, rows: dict[str, int]
) -> dict[str, Any]:
    event = report.records.event
    title, path = LICENCES[licence]
    return {
        "profile": "data-package",
        "name": _slug(f"{event.title}-{event.date}"),
        "title": f"{event.title} ({event.date})",
        "description": (
            f"Contributi dei tavoli partecipativi «{event.title}» del {event.date}, "
            f"organizzati da {organiser}: {rows['contributions']} post-it, "
            f"{rows['themes']} temi, {rows['tables']} tavoli. Dati anonimi: nessun nome "
            "di facilitatori o partecipanti; i post-it eliminati non sono pubblicati."
            + (" Solo alcuni tavoli dell'evento." if report.records.partial else "")
        ),
        "created": to_iso(clock.now()),
        "version": "1.0.0",
        "licenses": [{"name": licence, "title": title, "path": path}],
        "sources": [{"title": f"{event.title} ({event.date}), {organiser}"}],
        "contributors": [{"title": organiser, "role": "publisher"}],
        "keywords": ["partecipazione", "Piano Strategico Metropolitano", event.format.value],
        "facilitator_app": {"format": PROFILE_MARK, "app_version": __version__},
        "resources": [
            {
                "name": resource.name,
                "title": resource.title,
                "path": f"{resource.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": _schema(resource),
            }
            for resource in _RESOURCE_SPECS
        ],
    }


def _is_own_package(folder: Path) -> bool:
    """True when ``folder`` holds only a package this app wrote (safe to replace)."""
    names = {p.name for p in folder.iterdir()}
    if not names <= {"datapackage.json", *(f"{name}.csv" for name in RESOURCES)}:
        return False
    try:
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # not ours: never replaced
        return False
    mark = descriptor.get("facilitator_app") if isinstance(descriptor, dict) else None
    return isinstance(mark, dict) and mark.get("format") == PROFILE_MARK


def _check_target(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Impossibile scrivere i dati aperti in {target}: è un file, non una cartella. "
                "Nulla è stato scritto.",
            ),
            target=folder,
        )
    if folder.is_dir() and any(folder.iterdir()) and not _is_own_package(folder):
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Impossibile scrivere i dati aperti in {target}: la cartella non è vuota e non "
                "contiene un pacchetto di dati aperti di questa app. Scegliere una cartella "
                "nuova o vuota: nulla è stato scritto.",
            ),
            target=folder,
        )


def _write_files(staging: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        with open(staging / name, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())


def _move_into_place(staging: Path, folder: Path) -> None:
    """Rename the finished package over ``folder`` (missing, empty, or our old package)."""
    old: Path | None = None
    if folder.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old.", dir=folder.parent))
        os.replace(folder, old / folder.name)
    try:
        os.replace(staging, folder)
    except OSError:
        if old is not None:  # put the previous package back
            os.replace(old / folder.name, folder)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def write_open_data(
    report: EventReport,
    folder: Path,
    clock: Clock,
    *,
    licence: str = DEFAULT_LICENCE,
    organiser: str = DEFAULT_ORGANISER,
    progress: Progress = no_progress,
) -> OpenDataResult:
    """Write the event's open-data package into ``folder``, whole or not at all.

    Args:
        report: the event's report (live records only, by construction).
        folder: the package's folder: missing, empty, or an earlier package of ours.
        clock: gives the package's ``created`` time.
        licence: one of :data:`LICENCES`.
        organiser: who organised the event (``sources``, ``contributors``).
        progress: one step per resource.

    Raises:
        InvalidValueError: the licence is not one of :data:`LICENCES`.
        StorageError: the folder holds other files, or cannot be written; nothing changed.
    """
    if licence not in LICENCES:
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "licenza «{licence}» sconosciuta: usare una di {known}"),
            licence=licence,
            known=", ".join(LICENCES),
        )
    folder = Path(folder)
    check_output(folder)
    _check_target(folder)
    total = len(_RESOURCE_SPECS) + 1
    files: dict[str, str] = {}
    rows: dict[str, int] = {}
    for done, resource in enumerate(_RESOURCE_SPECS):
        progress(done, total, resource.name)
        table = resource.rows(report)
        rows[resource.name] = len(table)
        files[f"{resource.name}.csv"] = _csv_text(resource, table)
    descriptor = _descriptor(report, clock, licence, organiser, rows)
    files["datapackage.json"] = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    staging: Path | None = None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
        _write_files(staging, files)
        os.chmod(staging, _FOLDER_MODE)  # mkdtemp's 0700 is for secrets, not open data
        _move_into_place(staging, folder)
    except OSError as error:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Errors", "Impossibile scrivere i dati aperti in {target}: {why}. Nulla è cambiato."
            ),
            target=folder,
            why=os_reason(error),
        ) from error
    with contextlib.suppress(OSError):
        fd = os.open(folder.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    progress(total, total, "fatto")
    return OpenDataResult(path=folder, rows=rows, contributions=rows["contributions"])
