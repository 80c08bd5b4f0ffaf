r"""What the app puts in a spreadsheet cell, and what it accepts from one.

One place for the rules every workbook and CSV writer and reader follows:

* **Text never becomes a formula.** A text cell is always a string cell; a text that starts
  like a formula (:data:`FORMULA_PREFIXES`, full-width forms included) also gets Excel's own
  quote-prefix flag, which is what Excel stores when someone types ``'=…``: the text shows
  and reads back exactly as written, and editing the cell does not turn it into a formula.
  CSV has no cell types, so there such a text is written after an apostrophe, which
  :func:`from_csv_text` removes again.
* **Sheet names** come out of :func:`sheet_title`: at most 31 characters, none of
  ``[]:*?/\``, never starting like a formula.
* **Integers** are read by :func:`parse_integer` alone: whole numbers only (``2.0`` is 2,
  ``2.9``, ``inf``, ``nan``, ``1e400`` and 10^20 are refused with a ValueError that says
  why), so no OverflowError can escape; the ranges are the domain's (domain/validation).
* **File names** are shown through :func:`shown_name`, safe to print and store even when
  the name is not valid UTF-8.
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path
from typing import Any

from facilitator_app.domain.errors import InvalidValueError
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP

# What Excel, LibreOffice or Google Sheets may take for the start of a formula (or a DDE
# call): the ASCII signs, tab and carriage return, and the full-width signs that some input
# methods and spreadsheets treat the same way.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
CSV_QUOTE = "'"
MAX_SHEET_TITLE = 31
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
# Far above any figure the event holds (people, votes, minutes, positions) and far below
# what SQLite or a float can hold exactly; field ranges are checked on top of it.
INTEGER_LIMIT = 10**9
_INTEGER_TEXT = re.compile(r"[+-]?\d{1,30}(?:[.,]0*)?")
_MISSING_INTEGER = QT_TRANSLATE_NOOP("Errors", "manca un numero intero obbligatorio")
_NOT_INTEGER = QT_TRANSLATE_NOOP("Errors", "«{value}» non è un numero intero")
_OUT_OF_BOUNDS = QT_TRANSLATE_NOOP("Errors", "{value} è fuori dai limiti (massimo {limit:,})")


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet could take the text for a formula."""
    return text.startswith(FORMULA_PREFIXES)


def text_cell(cell: Any) -> Any:
    """Make an openpyxl cell holding text a string cell that cannot become a formula.

    The text itself is left as it is (it reads back exactly); a text starting like a formula
    gets the quote-prefix flag. Returns the cell, for chaining.
    """
    value = cell.value
    if isinstance(value, str):
        cell.data_type = "s"
        if looks_like_formula(value):
            cell.quotePrefix = True
    return cell


def to_csv_text(value: object) -> object:
    """A value as written to a CSV file: text starting like a formula gets an apostrophe.

    A text that already starts with apostrophes before such a start gets one more, so that
    :func:`from_csv_text` gives back exactly the original.
    """
    if isinstance(value, str) and looks_like_formula(value.lstrip(CSV_QUOTE)):
        return CSV_QUOTE + value
    return value


def from_csv_text(text: str) -> str:
    """Undo :func:`to_csv_text` on a text read from a CSV file."""
    if text.startswith(CSV_QUOTE) and looks_like_formula(text.lstrip(CSV_QUOTE)):
        return text[1:]
    return text


def sheet_title(name: str, fallback: str = "Foglio") -> str:
    r"""A worksheet name Excel accepts and no spreadsheet reads as a formula.

    Forbidden characters (``[]:*?/\`` and controls) are dropped, as are leading formula
    signs and the apostrophes Excel refuses at either end; the result has at most 31
    characters, and ``fallback`` stands in when nothing is left.
    """
    title = _SHEET_FORBIDDEN.sub("", name).strip()
    while title and (looks_like_formula(title) or title[0] in " '"):
        title = title[1:]
    title = title[:MAX_SHEET_TITLE].rstrip(" '")
    return title or fallback


def parse_integer(raw: object) -> int:
    """The one reader of integer cells (workbook or CSV): whole numbers only.

    Accepts an int, a float with no fractional part (``2.0`` from a spreadsheet) and text
    of digits (``"2"``, ``"2.0"``). Refuses true/false, fractions, infinities, NaN and any
    magnitude beyond :data:`INTEGER_LIMIT`, without ever raising OverflowError.

    Raises:
        ValueError: in Italian, quoting the cell.
    """
    if isinstance(raw, bool):
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "atteso un numero intero, trovato un valore vero/falso")
        )
    if isinstance(raw, str):
        text = raw.strip()
        if not text:
            raise InvalidValueError(_MISSING_INTEGER)
        if not _INTEGER_TEXT.fullmatch(text):
            raise InvalidValueError(_NOT_INTEGER, value=_quoted(text))
        whole = text.replace(",", ".").split(".", 1)[0]
        if len(whole.lstrip("+-").lstrip("0")) > 10:
            raise InvalidValueError(_OUT_OF_BOUNDS, value=_quoted(text), limit=INTEGER_LIMIT)
        value = int(whole)
    elif isinstance(raw, int):
        value = raw
    elif isinstance(raw, float):
        if not math.isfinite(raw) or not raw.is_integer():
            raise InvalidValueError(_NOT_INTEGER, value=f"{raw:g}")
        if abs(raw) > INTEGER_LIMIT:
            raise InvalidValueError(_OUT_OF_BOUNDS, value=f"{raw:g}", limit=INTEGER_LIMIT)
        value = int(raw)
    elif raw is None:
        raise InvalidValueError(_MISSING_INTEGER)
    else:
        raise InvalidValueError(_NOT_INTEGER, value=_quoted(str(raw)))
    if abs(value) > INTEGER_LIMIT:
        raise InvalidValueError(_OUT_OF_BOUNDS, value=_quoted(str(value)), limit=INTEGER_LIMIT)
    return value


def _quoted(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"


def shown_name(path: Path | str) -> str:
    """A file's name as shown to people and stored: valid Unicode whatever the bytes.

    On Linux a name that is not valid UTF-8 reaches Python with lone surrogates, which
    cannot be printed or stored in SQLite; they become U+FFFD replacement characters.
    """
    name = os.path.basename(os.fspath(path)) or os.fspath(path)
    return os.fsencode(name).decode("utf-8", "replace")
