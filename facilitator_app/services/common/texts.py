"""Translations for the services: the interface's catalogue, read without Qt.

Services may not import PySide6, yet the exports (restituzione, slides, paper kit) and the
error messages must speak the language the user chose. :class:`Texts` reads the same
Qt Linguist file the interface uses, ``resources/translations/facilitator_app_<lang>.ts``,
so there is one source of translations. Italian is the source language: it needs no file.
"""

from __future__ import annotations

import functools
from pathlib import Path

from defusedxml import ElementTree

from facilitator_app.resources import resource_path

#: The languages the app speaks; Italian is the language of the source texts.
LANGUAGES: tuple[str, ...] = ("it", "en")
SOURCE_LANGUAGE = "it"


def catalogue_path(language: str) -> Path:
    """The Qt Linguist source file of ``language`` (``translations/facilitator_app_en.ts``)."""
    return resource_path(f"translations/facilitator_app_{language}.ts")


@functools.cache
def _catalogue(language: str) -> dict[tuple[str, str], str]:
    """(context, Italian source) -> finished translation, for one language (read once)."""
    root = ElementTree.parse(catalogue_path(language)).getroot()
    entries: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or not translation.text:
                continue
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            entries[(name, source)] = translation.text
    return entries


class Texts:
    """The texts of one language, for services that write what people read.

    Args:
        language: ``"it"`` (the source texts, returned unchanged) or ``"en"``.

    Raises:
        ValueError: for a language the app does not speak.
    """

    def __init__(self, language: str = SOURCE_LANGUAGE) -> None:
        if language not in LANGUAGES:
            raise ValueError(
                f"lingua «{language}» non disponibile (ammesse: {', '.join(LANGUAGES)})"
            )
        self.language = language
        self._entries = {} if language == SOURCE_LANGUAGE else _catalogue(language)

    def translate(self, context: str, source: str) -> str:
        """``source`` (Italian) in this language; unchanged for Italian or a missing entry."""
        return self._entries.get((context, source), source)

    def by_source(self) -> dict[str, str]:
        """Italian source -> translation, whatever the context (the first one found)."""
        found: dict[str, str] = {}
        for (_context, source), text in self._entries.items():
            found.setdefault(source, text)
        return found

    __call__ = translate

    def __repr__(self) -> str:
        return f"Texts({self.language!r})"


#: The Italian texts: what every export writes unless told otherwise.
ITALIAN = Texts(SOURCE_LANGUAGE)
