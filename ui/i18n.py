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

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from simulator.resources import TRANSLATIONS

from .translation_marks import QT_TRANSLATE_NOOP

__all__ = [
    "LanguageMenu",
    "QT_TRANSLATE_NOOP",
    "current_code",
    "current_language",
    "set_language",
    "translate",
]

LANGUAGES = {"en": "English", "zh_CN": "中文 (简体)"}
SETTINGS_KEY = "language"

_state = {"code": "en", "translators": []}


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


def chinese_font_problem() -> str | None:
    """None when a font can show Chinese, else what to install (in English: without such a
    font the Chinese words would be boxes)."""
    from PySide6.QtGui import QFontDatabase

    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return None
    return (
        "No font that can show Chinese is installed, so the Chinese interface would show empty "
        "boxes. Install one, e.g. on Debian or Ubuntu: sudo apt install fonts-noto-cjk "
        "(Fedora: google-noto-sans-cjk-fonts), then restart rnnsim."
    )


def start_language() -> str | None:
    """At start: the remembered language, or the system's. Chinese without a font to show it
    falls back to English; returns the message saying which font to install (or None)."""
    code = saved_code()
    problem = chinese_font_problem() if code != "en" else None
    set_language("en" if problem else code, remember=False)
    return problem


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
    # Qt posts LanguageChange to every window: deliver it now, so all texts change together
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    if remember:
        QSettings().setValue(SETTINGS_KEY, code)
    return True


class LanguageMenu(QMenu):
    """Language: English or 中文, switched at once (no restart), remembered for next time."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("language_menu")
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.choices = {}
        for code, name in LANGUAGES.items():
            action = self.addAction(name)  # each language in its own words: never translated
            action.setCheckable(True)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.choose(c))
            self.group.addAction(action)
            self.choices[code] = action
        self.retranslate()

    def choose(self, code: str) -> None:
        if code != "en" and chinese_font_problem():
            window = self.parentWidget()
            while window is not None and not hasattr(window, "show_problem"):
                window = window.parentWidget()
            if window is not None:
                window.show_problem(chinese_font_problem())
        if not set_language(code):
            self.choices[current_code()].setChecked(True)

    def retranslate(self) -> None:
        other = " / 语言" if current_language() == "en" else " / Language"
        self.setTitle(self.tr("&Language") + other)
        self.choices[current_code()].setChecked(True)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
