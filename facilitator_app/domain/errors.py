"""Errors the application reports to people, with enough detail to act on."""

from __future__ import annotations

from dataclasses import dataclass


class FacilitatorError(Exception):
    """Base class of every error the app explains to its user."""


@dataclass(frozen=True)
class Problem:
    """One specific thing wrong with an input file.

    Attributes:
        file: the file name as the user knows it.
        message: what is wrong, in Italian, for a person.
        row: 1-based row (or line) number, when it applies.
        column: column name or letter, when it applies.
        sheet: worksheet name, when it applies.
    """

    file: str
    message: str
    row: int | None = None
    column: str | None = None
    sheet: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.sheet:
            where.append(f"foglio «{self.sheet}»")
        if self.row is not None:
            where.append(f"riga {self.row}")
        if self.column:
            where.append(f"colonna «{self.column}»")
        return f"{', '.join(where)}: {self.message}"


class InputRefusedError(FacilitatorError):
    """An input file was refused as a whole; nothing from it was stored."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "file rifiutato"
        more = f" (e altri {len(problems) - 1} problemi)" if len(problems) > 1 else ""
        super().__init__(first + more)


def refuse(
    file: str,
    message: str,
    *,
    row: int | None = None,
    column: str | None = None,
    sheet: str | None = None,
) -> InputRefusedError:
    """Build the error for a single problem, ready to raise."""
    return InputRefusedError([Problem(file, message, row=row, column=column, sheet=sheet)])


class SchemaTooNewError(FacilitatorError):
    """The event file was written by a newer version of the app; it is left untouched."""


class NotAnEventFileError(FacilitatorError):
    """The file is not an event file of this app (or is damaged)."""


class DamagedRecordError(NotAnEventFileError):
    """A record of an event file cannot be read back (a column of the wrong type or shape).

    Attributes:
        table: the database table.
        record_id: the record's id (as far as it could be read).
        column: the column that could not be read.
    """

    def __init__(self, message: str, *, table: str, record_id: str, column: str) -> None:
        super().__init__(message)
        self.table = table
        self.record_id = record_id
        self.column = column


class EventFileLockedError(FacilitatorError):
    """Another instance of the app on this computer has the event file open."""


class StorageError(FacilitatorError):
    """The event file could not be written (disk full, read-only folder, ...)."""


class NotFoundError(FacilitatorError):
    """A record the user named (a post-it, a theme, a table, a session) does not exist.

    Services raise it instead of ``KeyError`` so that a real ``KeyError`` (a bug) is never
    mistaken for a message meant for people.
    """
