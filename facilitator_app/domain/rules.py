"""Validation rules shared by capture, import and merge."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from facilitator_app.domain.vocab import AXES, SESSIONS, ZONES

MAX_TEXT_CHARS = 2000
MAX_TITLE_CHARS = 300
MAX_TAGS = 50
CARD_CODE = re.compile(r"^[1-6](\.[1-9][0-9]?){0,2}$")


def check_text(text: str, *, what: str = "testo", limit: int = MAX_TEXT_CHARS) -> str:
    """Return the text stripped, or raise ValueError when empty or too long."""
    cleaned = text.strip()
    if not cleaned:
        raise ValueError(f"{what} vuoto")
    if len(cleaned) > limit:
        raise ValueError(f"{what} troppo lungo: {len(cleaned)} caratteri (massimo {limit})")
    if "\x00" in cleaned:
        raise ValueError(f"{what} contiene caratteri non validi")
    return cleaned


def check_session(number: object) -> int:
    """Return a session number (1 or 2) or raise ValueError."""
    try:
        value = int(str(number).strip())
    except ValueError:
        raise ValueError(f"sessione «{number}» non valida (ammesse: 1 o 2)") from None
    if value not in SESSIONS:
        raise ValueError(f"sessione {value} non valida (ammesse: 1 o 2)")
    return value


def check_axis(number: object) -> int:
    """Return an axis number (1..6) or raise ValueError."""
    try:
        value = int(str(number).strip())
    except ValueError:
        raise ValueError(f"asse «{number}» non valido (ammessi: 1-6)") from None
    if value not in AXES:
        raise ValueError(f"asse {value} inesistente (ammessi: 1-6)")
    return value


def check_zone(number: object) -> int:
    """Return a zona omogenea number (1..11) or raise ValueError."""
    try:
        value = int(str(number).strip())
    except ValueError:
        raise ValueError(f"zona «{number}» non valida (ammesse: 1-11)") from None
    if value not in ZONES:
        raise ValueError(f"zona {value} inesistente (ammesse: 1-11)")
    return value


def check_card_code(code: str, known: Iterable[str] | None = None) -> str:
    """Return a well-formed card code, also checked against a card set when given."""
    cleaned = code.strip()
    if not CARD_CODE.match(cleaned):
        raise ValueError(f"codice scheda «{code}» non valido (forma attesa: 2, 2.1 o 2.1.3)")
    if known is not None and cleaned not in set(known):
        raise ValueError(f"codice scheda «{cleaned}» non presente nel set di schede dell'evento")
    return cleaned


def check_tag_count(values: Iterable[object], what: str) -> None:
    """Refuse absurd numbers of tags on one record."""
    count = sum(1 for _ in values)
    if count > MAX_TAGS:
        raise ValueError(f"troppi valori in {what}: {count} (massimo {MAX_TAGS})")


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
