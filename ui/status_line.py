"""StatusLine: the window's status text, said again in the new language when the person switches.

Whoever speaks to it (session.status) sends plain text, or a `Message`: the source text, its
translation context and its arguments, translated when shown and again after a language change
(plain text stays as it was said). The source is marked with QT_TRANSLATE_NOOP where the message
is made, so the translations file collects it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    args: tuple = ()

    def __str__(self) -> str:
        return QCoreApplication.translate(self.context, self.source).format(*self.args)


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
