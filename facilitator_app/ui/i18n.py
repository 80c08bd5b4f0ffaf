"""Language of the interface: Italian by default, English through Qt Linguist files."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTranslator

from facilitator_app.resources import resource_path

LANGUAGES: dict[str, str] = {"it": "Italiano", "en": "English"}
ITALIAN = QLocale(QLocale.Language.Italian, QLocale.Country.Italy)

_installed: QTranslator | None = None


def translation_file(language: str) -> str:
    """Path of the compiled translation (``.qm``) for a language."""
    return str(resource_path(f"translations/facilitator_app_{language}.qm"))


def set_language(language: str) -> bool:
    """Switch the interface language ("it" needs no file: the source strings are Italian).

    Widgets built afterwards use the new language; the main window rebuilds its
    workspace to apply it. Returns False when the translation could not be loaded.
    """
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _installed is not None:
        QCoreApplication.removeTranslator(_installed)
        _installed = None
    if language == "it":
        QLocale.setDefault(ITALIAN)
        return True
    translator = QTranslator(app)
    if not translator.load(translation_file(language)):
        return False
    QCoreApplication.installTranslator(translator)
    _installed = translator
    return True


def current_language() -> str:
    """The current language: "en" once the English translation is installed, else "it"."""
    return "en" if _installed is not None else "it"


def italian_date(iso_date: str) -> str:
    """An ISO date written the Italian way ("venerdì 10 novembre 2023")."""
    try:
        day = dt.date.fromisoformat(iso_date)
    except ValueError:
        return iso_date
    return ITALIAN.toString(QDate(day.year, day.month, day.day), "dddd d MMMM yyyy")
