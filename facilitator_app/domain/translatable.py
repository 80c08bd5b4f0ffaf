"""Texts that people read, kept Italian in the code and translated at the edge.

The interface and the exports translate through one catalogue,
``resources/translations/facilitator_app_en.ts``. Qt's ``lupdate`` collects a text when it
sees ``QT_TRANSLATE_NOOP("Context", "text")`` or ``translate("Context", "text")`` in any
Python file, so tables of labels and error templates mark their Italian texts with
:func:`QT_TRANSLATE_NOOP`, which changes nothing at run time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

#: A translation function: (context, Italian source) -> text in the chosen language.
Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; return it unchanged."""
    del context
    return text


def italian(context: str, text: str) -> str:
    """The identity translation: the Italian source texts, as the code holds them."""
    del context
    return text


def fill(template: str, params: Mapping[str, object]) -> str:
    """``template`` with its ``{named}`` placeholders filled (unchanged without params)."""
    return template.format(**params) if params else template
