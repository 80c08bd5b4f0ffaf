"""Validation rules shared by capture, import and merge."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from facilitator_app.domain.errors import InvalidValueError
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, term
from facilitator_app.domain.vocab import AXES, SESSIONS, ZONES

MAX_TEXT_CHARS = 2000
MAX_TITLE_CHARS = 300
MAX_TAGS = 50
_TEXT = term(QT_TRANSLATE_NOOP("Terms", "testo"))
_BAD_SESSION = QT_TRANSLATE_NOOP("Errors", "sessione «{number}» non valida (ammesse: 1 o 2)")
CARD_CODE = re.compile(r"^[1-6](\.[1-9][0-9]?){0,2}$")


def check_text(text: str, *, what: str = _TEXT, limit: int = MAX_TEXT_CHARS) -> str:
    """Return the text stripped, or raise ValueError when empty or too long."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidValueError(QT_TRANSLATE_NOOP("Errors", "{what} vuoto"), what=what)
    if len(cleaned) > limit:
        raise InvalidValueError(
            QT_TRANSLATE_NOOP(
                "Errors", "{what} troppo lungo: {length} caratteri (massimo {limit})"
            ),
            what=what,
            length=len(cleaned),
            limit=limit,
        )
    if "\x00" in cleaned:
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "{what} contiene caratteri non validi"), what=what
        )
    return cleaned


def check_session(number: object) -> int:
    """Return a session number (1 or 2) or raise ValueError."""
    try:
        value = int(str(number).strip())
    except ValueError:
        raise InvalidValueError(_BAD_SESSION, number=number) from None
    if value not in SESSIONS:
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "sessione {number} non valida (ammesse: 1 o 2)"),
            number=value,
        )
    return value


def check_axis(number: object) -> int:
    """Return an axis number (1..6) or raise ValueError."""
    try:
        value = int(str(number).strip())
    except ValueError:
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "asse «{number}» non valido (ammessi: 1-6)"), number=number
        ) from None
    if value not in AXES:
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "asse {number} inesistente (ammessi: 1-6)"), number=value
        )
    return value


def check_zone(number: object) -> int:
    """Return a zona omogenea number (1..11) or raise ValueError."""
    try:
        value = int(str(number).strip())
    except ValueError:
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "zona «{number}» non valida (ammesse: 1-11)"), number=number
        ) from None
    if value not in ZONES:
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "zona {number} inesistente (ammesse: 1-11)"), number=value
        )
    return value


def check_card_code(code: str, known: Iterable[str] | None = None) -> str:
    """Return a well-formed card code, also checked against a card set when given."""
    cleaned = code.strip()
    if not CARD_CODE.match(cleaned):
        raise InvalidValueError(
            QT_TRANSLATE_NOOP(
                "Errors", "codice scheda «{code}» non valido (forma attesa: 2, 2.1 o 2.1.3)"
            ),
            code=code,
        )
    if known is not None and cleaned not in set(known):
        raise InvalidValueError(
            QT_TRANSLATE_NOOP(
                "Errors", "codice scheda «{code}» non presente nel set di schede dell'evento"
            ),
            code=cleaned,
        )
    return cleaned


def check_tag_count(values: Iterable[object], what: str) -> None:
    """Refuse absurd numbers of tags on one record."""
    count = sum(1 for _ in values)
    if count > MAX_TAGS:
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "troppi valori in {what}: {count} (massimo {limit})"),
            what=what,
            count=count,
            limit=MAX_TAGS,
        )


def split_list(cell: str) -> list[str]:
    """Split a cell such as ``"2.1; 2.1.3"`` or ``"1,9"`` into its items."""
    return [item.strip() for item in re.split(r"[;,|\n]", cell) if item.strip()]


def counts_warning(present: int | None, breakdown: Mapping[str, int], what: str) -> str | None:
    """Return a warning when a breakdown adds up to more people than are present."""
    total = sum(breakdown.values())
    if present is not None and total > present:
        return f"{what}: la somma ({total}) supera i presenti ({present})"
    return None


def card_sort_key(code: str) -> tuple[int, ...]:
    """Numeric order of card codes ("2.10" after "2.9")."""
    try:
        return tuple(int(part) for part in code.split("."))
    except ValueError:
        return (999,)
