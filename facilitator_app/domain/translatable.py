"""Texts that people read, kept Italian in the code and translated at the edge.

The interface and the exports translate through one catalogue,
``resources/translations/facilitator_app_en.ts``. Qt's ``lupdate`` collects a text when it
sees ``QT_TRANSLATE_NOOP("Context", "text")`` or ``translate("Context", "text")`` in any
Python file, so tables of labels and error templates mark their Italian texts with
:func:`QT_TRANSLATE_NOOP`, which changes nothing at run time.

A message is filled with values, and some values are words of the interface themselves
("premessa", "voti", "il disco è pieno"): a :class:`Term` (a label, context ``Terms``) or a
:class:`Message` (a filled template, context ``Errors``) is translated with the message
that carries it. Any other value (a table's name, a file name: the user's data) is shown
as it is, in every language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

#: A translation function: (context, Italian source) -> text in the chosen language.
Translate = Callable[[str, str], str]
#: The translation context of error templates (and of :class:`Message`).
ERRORS = "Errors"
#: The translation context of the labels passed as values (:class:`Term`).
TERMS = "Terms"


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


class Term(str):
    """A word of the interface passed as a value ("premessa", "voti", "tabella").

    It reads as its Italian text; a message translates it (context ``Terms``) when it is
    shown in another language. Make one with :func:`term`.
    """

    __slots__ = ()

    def translated(self, translate: Translate = italian) -> str:
        """The label in the language of ``translate``."""
        return translate(TERMS, str(self))


def term(label: str) -> Term:
    """Mark ``label`` (written ``QT_TRANSLATE_NOOP("Terms", ...)``) as a word to translate."""
    return Term(label)


class Message(str):
    """An Italian message already filled, which remembers its template and values.

    It is the Italian text wherever a plain string is expected (comparisons, f-strings,
    logs), and it can still be shown in another language by :meth:`translated`: for rules
    that report a problem as text, which callers wrap in their own messages.

    Args:
        template: the Italian template (marked ``QT_TRANSLATE_NOOP("Errors", ...)``).
        **params: the values of its ``{placeholders}``.
    """

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, /, **params: object) -> Message:  # noqa: D102 - see class
        message = super().__new__(cls, fill(template, params))
        message.template = template
        message.params = params
        return message

    def translated(self, translate: Translate = italian) -> str:
        """The message in the language of ``translate``."""
        return fill(translate(ERRORS, self.template), translated_params(self.params, translate))


def joined(items: Sequence[str], separator: str = "; ") -> Message:
    """Several messages (or terms) as one, each translated on its own when shown."""
    template = separator.join(f"{{item{index}}}" for index in range(len(items)))
    return Message(template, **{f"item{index}": item for index, item in enumerate(items)})


def translated_value(value: object, translate: Translate) -> object:
    """``value`` as shown in the language of ``translate``: terms and messages translated."""
    if isinstance(value, Term | Message):
        return value.translated(translate)
    return value


def translated_params(params: Mapping[str, object], translate: Translate) -> dict[str, object]:
    """The values of a message, their terms and messages translated (the user's data not)."""
    return {name: translated_value(value, translate) for name, value in params.items()}
