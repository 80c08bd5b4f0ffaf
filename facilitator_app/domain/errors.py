"""Errors the application reports to people, with enough detail to act on.

Each error carries its message as an Italian *template* with named ``{placeholders}`` and
the values that fill them. ``str(error)`` is the Italian text (the CLI and the logs); the
interface shows :meth:`FacilitatorError.translated` in the chosen language. A raise site
marks its template for the translators with ``QT_TRANSLATE_NOOP("Errors", ...)``::

    raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "sessione {session} inesistente"),
                        session=session_id)

A value that is itself a word of the interface is a :class:`~facilitator_app.domain.
translatable.Term` (or a filled :class:`~facilitator_app.domain.translatable.Message`):
it is translated with the message; every other value (the user's data) never is.

A message built before this mechanism (a plain, already-filled text) still works: it is
shown as it is where no translation exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from facilitator_app.domain.translatable import ERRORS as ERRORS  # the context, re-exported
from facilitator_app.domain.translatable import (
    QT_TRANSLATE_NOOP,
    Message,
    Translate,
    fill,
    italian,
    translated_params,
    translated_value,
)


class FacilitatorError(Exception):
    """Base class of every error the app explains to its user.

    Args:
        template: the Italian message, with ``{named}`` placeholders when ``params`` fill it.
        **params: the values of the placeholders (file names, numbers, codes...).
    """

    def __init__(self, template: str = "", /, **params: Any) -> None:
        self.template = template
        self.params: dict[str, Any] = params
        super().__init__(fill(template, params))

    def translated(self, translate: Translate = italian) -> str:
        """The message in the language of ``translate`` (Italian by default)."""
        if not self.template:
            return str(self)
        return fill(translate(ERRORS, self.template), translated_params(self.params, translate))


class InvalidValueError(FacilitatorError, ValueError):
    """A value people typed or a file holds is refused (also a ``ValueError``)."""


@dataclass(frozen=True)
class Problem:
    """One specific thing wrong with an input file.

    Attributes:
        file: the file name as the user knows it.
        message: what is wrong, in Italian, for a person (a template when ``params`` fill it).
        row: 1-based row (or line) number, when it applies.
        column: column name or letter, when it applies.
        sheet: worksheet name, when it applies.
        params: the values of the ``{placeholders}`` of ``message``.
    """

    file: str
    message: str
    row: int | None = None
    column: str | None = None
    sheet: str | None = None
    params: tuple[tuple[str, Any], ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        return self.translated()

    def translated(self, translate: Translate = italian) -> str:
        """Where and what, in the language of ``translate`` (Italian by default)."""
        where = [str(translated_value(self.file, translate))]  # a Term when the file has no name
        if self.sheet:
            where.append(fill(translate(ERRORS, _SHEET), {"sheet": self.sheet}))
        if self.row is not None:
            where.append(fill(translate(ERRORS, _ROW), {"row": self.row}))
        if self.column:
            where.append(fill(translate(ERRORS, _COLUMN), {"column": self.column}))
        if isinstance(self.message, Message) and not self.params:
            what = self.message.translated(translate)  # a rule's message, already filled
        else:
            what = fill(
                translate(ERRORS, self.message), translated_params(dict(self.params), translate)
            )
        return f"{', '.join(where)}: {what}"


_SHEET = QT_TRANSLATE_NOOP("Errors", "foglio «{sheet}»")
_ROW = QT_TRANSLATE_NOOP("Errors", "riga {row}")
_COLUMN = QT_TRANSLATE_NOOP("Errors", "colonna «{column}»")
_REFUSED = QT_TRANSLATE_NOOP("Errors", "file rifiutato")
_MORE = QT_TRANSLATE_NOOP("Errors", " (e altri {count} problemi)")
_ROWS = QT_TRANSLATE_NOOP("Errors", "{where}: {count} righe ({rows})")


def _row_ranges(rows: list[int]) -> str:
    """Row numbers as short ranges: [2, 3, 4, 7] -> "2–4, 7"."""
    spans: list[list[int]] = []
    for row in sorted(set(rows)):
        if spans and row == spans[-1][1] + 1:
            spans[-1][1] = row
        else:
            spans.append([row, row])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)


def summarise_problems(problems: list[Problem], translate: Translate = italian) -> list[str]:
    """The problems as lines for people, one line per kind of problem.

    The same problem on many rows (a file imported twice: 45 rows already in the event)
    becomes one line naming how many rows and which ("45 righe: 2–46"), in the order the
    problems were first met, in the language of ``translate`` (Italian by default).
    """
    groups: dict[tuple[str, str | None, str | None, str, str], list[Problem]] = {}
    for problem in problems:
        # The same template with other values ("zona 12", "zona 13") is another problem.
        said = repr(problem.params)
        key = (problem.file, problem.sheet, problem.column, problem.message, said)
        groups.setdefault(key, []).append(problem)
    lines: list[str] = []
    for (file, sheet, column, message, _said), found in groups.items():
        rows = [p.row for p in found if p.row is not None]
        if len(found) == 1 or len(rows) < 2:
            lines.extend(p.translated(translate) for p in found)
            continue
        where = Problem(file, message, sheet=sheet, column=column, params=found[0].params)
        lines.append(
            fill(
                translate(ERRORS, _ROWS),
                {
                    "where": where.translated(translate),
                    "count": len(rows),
                    "rows": _row_ranges(rows),
                },
            )
        )
    return lines


class InputRefusedError(FacilitatorError):
    """An input file was refused as a whole; nothing from it was stored."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(self.translated())

    def translated(self, translate: Translate = italian) -> str:
        """The first kind of problem (and how many more) in the language of ``translate``."""
        lines = summarise_problems(self.problems, translate) or [translate(ERRORS, _REFUSED)]
        if len(lines) <= 1:
            return lines[0]
        return lines[0] + fill(translate(ERRORS, _MORE), {"count": len(lines) - 1})

    @property
    def summary(self) -> list[str]:
        """One line per kind of problem (:func:`summarise_problems`), in Italian."""
        return summarise_problems(self.problems)


def refuse(
    file: str,
    message: str,
    *,
    row: int | None = None,
    column: str | None = None,
    sheet: str | None = None,
    **params: Any,
) -> InputRefusedError:
    """Build the error for a single problem, ready to raise.

    ``message`` is an Italian template whose ``{placeholders}`` the keyword ``params`` fill.
    """
    problem = Problem(
        file, message, row=row, column=column, sheet=sheet, params=tuple(params.items())
    )
    return InputRefusedError([problem])


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

    def __init__(
        self, template: str, /, *, table: str, record_id: str, column: str, **params: Any
    ) -> None:
        super().__init__(template, table=table, record_id=record_id, column=column, **params)
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


def problem_from(
    error: BaseException,
    file: str,
    *,
    row: int | None = None,
    column: str | None = None,
    sheet: str | None = None,
) -> Problem:
    """The :class:`Problem` of a refused value: the error's template and params, so it translates.

    A plain error (no template) gives its text as it is.
    """
    if isinstance(error, FacilitatorError) and error.template:
        params = tuple(error.params.items())
        return Problem(file, error.template, row=row, column=column, sheet=sheet, params=params)
    return Problem(file, str(error), row=row, column=column, sheet=sheet)


def message_of(error: BaseException) -> str:
    """What ``error`` says, to put inside another message: translatable when it is ours.

    A :class:`FacilitatorError` gives a :class:`~facilitator_app.domain.translatable.Message`
    (its template and values); any other error its own text (SQLite's, Python's).
    """
    if isinstance(error, FacilitatorError) and error.template:
        return Message(error.template, **error.params)
    return str(error)
