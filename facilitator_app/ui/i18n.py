"""Language of the interface: Italian by default, English through Qt Linguist files.

Three catalogues are installed for a language: the app's own (``facilitator_app_en.qm``)
and Qt's (``qtbase_<lang>.qm``, from the Qt installation or the bundle) for the standard
buttons and dialogs (Annulla/Cancel, the file dialogs). Switching sends every widget a
``LanguageChange`` event: windows that outlive the switch retranslate themselves there.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from facilitator_app.domain.errors import FacilitatorError
from facilitator_app.domain.translatable import Translate
from facilitator_app.resources import resource_path
from facilitator_app.services.common.texts import Texts

LANGUAGES: dict[str, str] = {"it": "Italiano", "en": "English"}
ITALIAN = QLocale(QLocale.Language.Italian, QLocale.Country.Italy)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
LOCALES: dict[str, QLocale] = {"it": ITALIAN, "en": ENGLISH}
#: The translation context of the fixed vocabularies (kinds, categories, formats).
VOCAB = "Vocab"


class CatalogueTranslator(QTranslator):
    """The app's compiled catalogue, with a fallback on the source text alone.

    ``lupdate`` files a string under the class it reads it in (a mixin such as
    ``PostItEdits``, or none for a module function given ``window.tr``), while ``self.tr``
    asks with the concrete class (``BoardPanel``, ``MainWindow``). When the exact context
    has no entry, the text is looked up by its Italian source in any context.
    """

    def __init__(self, language: str, parent: QCoreApplication) -> None:
        super().__init__(parent)
        self.by_source = Texts(language).by_source()

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        """The translation in ``context``, else the one of ``source`` in any context.

        None (a null string for Qt) when there is none, so that Qt asks the next
        translator (Qt's own, for its dialogs); an empty string would count as found.
        """
        found = super().translate(context, source, disambiguation, n)
        return found or self.by_source.get(source) or None


_installed: list[QTranslator] = []
_language = "it"


def translation_file(language: str) -> str:
    """Path of the compiled translation (``.qm``) for a language."""
    return str(resource_path(f"translations/facilitator_app_{language}.qm"))


def qt_translations_folder() -> str:
    """Where Qt's own catalogues (``qtbase_it.qm``, ``qtbase_en.qm``) are."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def set_language(language: str) -> bool:
    """Switch the interface language ("it" needs no app file: the source strings are Italian).

    Qt's own texts (standard buttons, file dialogs) follow in both languages. Every widget
    receives a ``LanguageChange`` event; the main window rebuilds its workspace and the
    other windows retranslate. Returns False when the translation could not be loaded.
    """
    global _language
    app = QCoreApplication.instance()
    if app is None or language not in LANGUAGES:
        return False
    translators: list[QTranslator] = []
    if language != "it":
        own = CatalogueTranslator(language, app)
        if not own.load(translation_file(language)):
            return False
        translators.append(own)
    qt_own = QTranslator(app)
    # Missing Qt catalogues (a trimmed Qt) only leave Qt's dialogs in English.
    if qt_own.load(f"qtbase_{language}", qt_translations_folder()):
        translators.append(qt_own)
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    for translator in translators:
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
    _language = language
    QLocale.setDefault(LOCALES[language])
    return True


def current_language() -> str:
    """The current language of the interface: "it" or "en"."""
    return _language


def texts() -> Texts:
    """The services' translations in the current language (for exports and slides)."""
    return Texts(_language)


def translate(context: str, source: str) -> str:
    """``source`` in the interface language, from the installed catalogues."""
    return QCoreApplication.translate(context, source)


def vocab(label: str) -> str:
    """A label of the fixed vocabularies (kind, category, format) in the current language."""
    return QCoreApplication.translate(VOCAB, label)


def error_text(error: BaseException) -> str:
    """What an error says, in the interface language (its Italian text when not translated)."""
    if isinstance(error, FacilitatorError):
        translator: Translate = translate
        return error.translated(translator)
    return str(error)


def local_date(iso_date: str, *, weekday: bool = True) -> str:
    """An ISO date written in words in the interface language ("venerdì 10 novembre 2023")."""
    try:
        day = dt.date.fromisoformat(iso_date)
    except ValueError:
        return iso_date
    pattern = "dddd d MMMM yyyy" if weekday else "d MMMM yyyy"
    return LOCALES[_language].toString(QDate(day.year, day.month, day.day), pattern)


def italian_date(iso_date: str) -> str:
    """An ISO date written the Italian way ("venerdì 10 novembre 2023")."""
    try:
        day = dt.date.fromisoformat(iso_date)
    except ValueError:
        return iso_date
    return ITALIAN.toString(QDate(day.year, day.month, day.day), "dddd d MMMM yyyy")
