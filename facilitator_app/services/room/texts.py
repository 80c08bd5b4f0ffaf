"""A phone's post-it text: the rules of what the room server accepts."""

from __future__ import annotations

import re

from facilitator_app.domain.errors import InvalidValueError
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP

MAX_PHONE_TEXT_CHARS = 500
# Control characters other than tab and newline have no place in a post-it.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def phone_text(raw: str) -> str:
    """The post-it text a phone sent, newlines made plain and stripped.

    Raises:
        InvalidValueError: empty, longer than 500 characters, or with control characters.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise InvalidValueError(QT_TRANSLATE_NOOP("Errors", "il post-it è vuoto"))
    if len(text) > MAX_PHONE_TEXT_CHARS:
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "il post-it è lungo {count} caratteri (massimo {limit})"),
            count=len(text),
            limit=MAX_PHONE_TEXT_CHARS,
        )
    if _CONTROL.search(text):
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "il post-it contiene caratteri di controllo")
        )
    return text
