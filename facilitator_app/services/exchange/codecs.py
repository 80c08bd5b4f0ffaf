"""How field values become workbook cells and come back: text escaping and cell codecs.

Every text cell of an exchange workbook is escaped the OOXML way (:func:`escape_text`) so
that any text survives a spreadsheet unchanged; each field type has a :class:`CellCodec`
that writes it, reads it back (refusing a cell of the wrong type) and gives the canonical
JSON value hashed by the checksum. ``docs/FILE_FORMATS.md`` names these types.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from facilitator_app.domain.errors import InvalidValueError
from facilitator_app.domain.model import Pause
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, term
from facilitator_app.domain.vocab import ContributionKind, EventFormat, parse_kind
from facilitator_app.services.common.cells import parse_integer

MAX_CELL_CHARS = 32_767  # what Excel keeps in one cell


# -- text escaping (OOXML ST_Xstring) ---------------------------------------------------------

# Characters XML 1.0 cannot carry (or would normalise away: a carriage return becomes a line
# feed), and literal "_xHHHH_" sequences that a spreadsheet would otherwise decode.
NEEDS_ESCAPE = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _escape_char(match: re.Match[str]) -> str:
    return f"_x{ord(match.group(0)):04X}_"


def escape_text(text: str) -> str:
    """Escape a string the OOXML way so that any text survives a workbook unchanged.

    Control characters (including the carriage return) become ``_xHHHH_``; the underscore
    of a literal ``_xHHHH_`` becomes ``_x005F_``, as Excel itself writes it.
    """
    return NEEDS_ESCAPE.sub(_escape_char, text) if NEEDS_ESCAPE.search(text) else text


def unescape_text(text: str) -> str:
    """Undo :func:`escape_text`."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


# -- cell codecs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CellCodec:
    """How one field's value is written to a cell and read back.

    Text is escaped with :func:`escape_text` by the writer for every text cell, and
    unescaped by ``decode``.

    Attributes:
        name: the type's name in ``docs/FILE_FORMATS.md``.
        encode: field value -> cell value (text, int, or None for an empty cell).
        decode: cell value (as openpyxl reads it) -> field value; raises ValueError.
        canon: field value -> the JSON value used by the checksum.
    """

    name: str
    encode: Callable[[Any], str | int | None]
    decode: Callable[[object], Any]
    canon: Callable[[Any], Any]


def _text_cell(value: str) -> str | None:
    # The writer escapes every text cell (escape_text) and checks its length.
    return value or None


def _read_text(raw: object) -> str:
    if raw is None:
        return ""
    if isinstance(raw, str):
        return unescape_text(raw)
    if isinstance(raw, bool):
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "atteso un testo, trovato un valore vero/falso")
        )
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    raise InvalidValueError(
        QT_TRANSLATE_NOOP("Errors", "atteso un testo, trovato «{value}»"), value=raw
    )


def _read_optional_text(raw: object) -> str | None:
    return _read_text(raw) or None


def _read_int(raw: object) -> int:
    # The one integer parser of every workbook and CSV reader (2.0 is 2; 2.9, inf, NaN,
    # 1e400 and 10^20 are refused, never an OverflowError).
    return parse_integer(raw)


def _read_optional_int(raw: object) -> int | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    return _read_int(raw)


def _split(raw: object) -> list[str]:
    text = _read_text(raw)
    return [item.strip() for item in text.split(";") if item.strip()]


def _read_int_list(raw: object) -> tuple[int, ...]:
    return tuple(_read_int(item) for item in _split(raw))


def _read_kind(raw: object) -> ContributionKind | None:
    text = _read_text(raw).strip()
    return parse_kind(text) if text else None


def _read_format(raw: object) -> EventFormat:
    text = _read_text(raw).strip()
    try:
        return EventFormat(text)
    except ValueError:
        allowed = ", ".join(f.value for f in EventFormat)
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "formato «{value}» sconosciuto (ammessi: {allowed})"),
            value=text,
            allowed=allowed,
        ) from None


def _read_bool(raw: object) -> bool:
    text = _read_text(raw).strip().lower()
    if text in ("sì", "si"):
        return True
    if text == "no":
        return False
    raise InvalidValueError(
        QT_TRANSLATE_NOOP("Errors", "atteso «sì» o «no», trovato «{value}»"), value=text
    )


def _json_cell(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _read_json(raw: object) -> Any:
    text = _read_text(raw).strip()
    if not text:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        # json's own explanation is English in every language (like SQLite's).
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "testo JSON non valido ({reason})"), reason=error.msg
        ) from None


_EXPECTED_JSON_OBJECT = QT_TRANSLATE_NOOP("Errors", "atteso un oggetto JSON {shape}")
# The shapes name their parts in words, so they are translated with the message.
_ZONE_COUNTS_SHAPE = term(QT_TRANSLATE_NOOP("Terms", "{zona: persone}"))
_CATEGORY_COUNTS_SHAPE = term(QT_TRANSLATE_NOOP("Terms", "{categoria: persone}"))
_PAUSES_SHAPE = term(QT_TRANSLATE_NOOP("Terms", '[["inizio", "fine"], ...]'))


def _read_zone_counts(raw: object) -> dict[int, int]:
    value = _read_json(raw)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InvalidValueError(_EXPECTED_JSON_OBJECT, shape=_ZONE_COUNTS_SHAPE)
    return {_read_int(key): _read_int(count) for key, count in value.items()}


def _read_category_counts(raw: object) -> dict[str, int]:
    value = _read_json(raw)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InvalidValueError(_EXPECTED_JSON_OBJECT, shape=_CATEGORY_COUNTS_SHAPE)
    return {str(key): _read_int(count) for key, count in value.items()}


def _read_pauses(raw: object) -> tuple[Pause, ...]:
    value = _read_json(raw)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(
        isinstance(item, list)
        and len(item) == 2
        and isinstance(item[0], str)
        and (item[1] is None or isinstance(item[1], str))
        for item in value
    ):
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "atteso un elenco JSON di pause {shape}"),
            shape=_PAUSES_SHAPE,
        )
    return tuple(Pause(item[0], item[1]) for item in value)


TEXT = CellCodec("testo", _text_cell, _read_text, lambda v: v or "")
OPTIONAL_TEXT = CellCodec(
    "testo o vuoto",
    lambda v: _text_cell(v) if v else None,
    _read_optional_text,
    lambda v: v or None,
)
INT = CellCodec("intero", lambda v: int(v), _read_int, int)
OPTIONAL_INT = CellCodec(
    "intero o vuoto",
    lambda v: None if v is None else int(v),
    _read_optional_int,
    lambda v: None if v is None else int(v),
)
TEXT_LIST = CellCodec(
    "elenco di testi separati da «; »",
    lambda v: _text_cell("; ".join(v)),
    lambda raw: tuple(_split(raw)),
    list,
)
INT_LIST = CellCodec(
    "elenco di interi separati da «; »",
    lambda v: "; ".join(str(item) for item in v) or None,
    _read_int_list,
    list,
)
KIND = CellCodec(
    "tipo di contributo (etichetta italiana) o vuoto",
    lambda v: v.label if v is not None else None,
    _read_kind,
    lambda v: v.value if v is not None else None,
)
FORMAT = CellCodec("formato (assi, zone)", lambda v: v.value, _read_format, lambda v: v.value)
BOOL = CellCodec("sì/no", lambda v: "sì" if v else "no", _read_bool, bool)
ZONE_COUNTS = CellCodec(
    'JSON {"zona": persone}',
    lambda v: _json_cell({str(k): n for k, n in v.items()}) if v else None,
    _read_zone_counts,
    lambda v: {str(k): n for k, n in v.items()},
)
CATEGORY_COUNTS = CellCodec(
    'JSON {"categoria": persone}',
    lambda v: _json_cell(dict(v)) if v else None,
    _read_category_counts,
    lambda v: {str(k): n for k, n in v.items()},
)
PAUSES = CellCodec(
    'JSON [["inizio", "fine"], ...]',
    lambda v: _json_cell([[p.start, p.end] for p in v]) if v else None,
    _read_pauses,
    lambda v: [[p.start, p.end] for p in v],
)
