"""The interface's language: Simplified Chinese or English, switchable while the window is open.

Every visible string goes through Qt's translation system (`self.tr`, `translate`, and
`QT_TRANSLATE_NOOP` for strings written outside Qt classes). `set_language` installs (or
removes) a QTranslator with resources/translations/rnnsim_zh_CN.qm and Qt's own translations
(the standard buttons); Qt then sends every widget a LanguageChange event and each panel sets
its texts again in `changeEvent`. The first start follows the system locale; the choice is
remembered in QSettings. The engine's error messages (SpecError, TaskError, ...) stay English.

    .venv/bin/python resources/translations/build.py   # after changing strings: .ts and .qm
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from .paths import RESOURCES

TRANSLATIONS = RESOURCES / "translations"
LANGUAGES = {"en": "English", "zh_CN": "中文 (简体)"}
SETTINGS_KEY = "language"

_state = {"code": "en", "translators": []}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark `text` for translation in `context` (lupdate finds it); translate it where shown."""
    return text


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def current_code() -> str:
    """ "en" or "zh_CN": the language installed now."""
    return _state["code"]


def current_language() -> str:
    """ "en" or "zh": the key of the engine's {"en", "zh"} descriptions for the language now."""
    return "zh" if _state["code"].startswith("zh") else "en"


def system_code() -> str:
    """The system locale's language, if the app has it (Chinese of any script: zh_CN)."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def saved_code() -> str:
    value = QSettings().value(SETTINGS_KEY)
    return value if value in LANGUAGES else system_code()


def set_language(code: str, remember: bool = True) -> bool:
    """Show the interface in `code` ("en" or "zh_CN") from now on. Returns False (and changes
    nothing) when the translation file cannot be loaded."""
    if code not in LANGUAGES:
        return False
    app = QCoreApplication.instance()
    translators = []
    if code != "en":
        own = QTranslator(app)
        if not own.load(f"rnnsim_{code}", str(TRANSLATIONS)):
            return False
        translators.append(own)
        qt = QTranslator(app)  # the standard buttons and dialogs (Save, Cancel, ...)
        if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt)
        elif qt.load(f"qt_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt)
    for old in _state["translators"]:
        QCoreApplication.removeTranslator(old)
    for new in translators:
        QCoreApplication.installTranslator(new)
    _state["code"], _state["translators"] = code, translators
    if remember:
        QSettings().setValue(SETTINGS_KEY, code)
    return True
