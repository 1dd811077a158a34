"""StatusLine: the window's status text, said again in the new language when the person switches.

Whoever speaks to it (session.status) sends plain text, or a `Message`: the source text, its
translation context and its arguments, translated when shown and again after a language change
(plain text stays as it was said). The source is marked with QT_TRANSLATE_NOOP where the message
is made, so the translations file collects it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel


class Message(str):
    """Text in the language of the moment (a str, for whoever listens to the status), that
    also knows its source: str(message) translates it again."""

    def __new__(cls, context: str, source: str, args: tuple = ()):
        message = super().__new__(cls, _translated(context, source, args))
        message.context, message.source, message.args = context, source, args
        return message

    def __str__(self) -> str:
        return _translated(self.context, self.source, self.args)


def _translated(context: str, source: str, args: tuple) -> str:
    return QCoreApplication.translate(context, source).format(*args)


class StatusLine(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.said: Message | str = ""

    def say(self, message: Message | str) -> None:
        self.said = message
        self.setText(str(message))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setText(str(self.said))
        super().changeEvent(event)
