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


def _row_ranges(rows: list[int]) -> str:
    """Row numbers as short ranges: [2, 3, 4, 7] -> "2–4, 7"."""
    spans: list[list[int]] = []
    for row in sorted(set(rows)):
        if spans and row == spans[-1][1] + 1:
            spans[-1][1] = row
        else:
            spans.append([row, row])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)


def summarise_problems(problems: list[Problem]) -> list[str]:
    """The problems as lines for people, one line per kind of problem.

    The same problem on many rows (a file imported twice: 45 rows already in the event)
    becomes one line naming how many rows and which ("45 righe: 2–46"), in the order the
    problems were first met.
    """
    groups: dict[tuple[str, str | None, str | None, str], list[Problem]] = {}
    for problem in problems:
        key = (problem.file, problem.sheet, problem.column, problem.message)
        groups.setdefault(key, []).append(problem)
    lines: list[str] = []
    for (file, sheet, column, message), found in groups.items():
        rows = [p.row for p in found if p.row is not None]
        if len(found) == 1 or len(rows) < 2:
            lines.extend(str(p) for p in found)
            continue
        where = Problem(file, message, sheet=sheet, column=column)
        lines.append(f"{where}: {len(rows)} righe ({_row_ranges(rows)})")
    return lines


class InputRefusedError(FacilitatorError):
    """An input file was refused as a whole; nothing from it was stored."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = summarise_problems(problems) or ["file rifiutato"]
        more = f" (e altri {len(lines) - 1} problemi)" if len(lines) > 1 else ""
        super().__init__(lines[0] + more)

    @property
    def summary(self) -> list[str]:
        """One line per kind of problem (:func:`summarise_problems`)."""
        return summarise_problems(self.problems)


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


class EventFileLockedError(FacilitatorError):
    """Another instance of the app on this computer has the event file open."""


class StorageError(FacilitatorError):
    """The event file could not be written (disk full, read-only folder, ...)."""


class NotFoundError(FacilitatorError):
    """A record the user named (a post-it, a theme, a table, a session) does not exist.

    Services raise it instead of ``KeyError`` so that a real ``KeyError`` (a bug) is never
    mistaken for a message meant for people.
    """
