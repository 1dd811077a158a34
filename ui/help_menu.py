"""HelpMenu: the keyboard shortcuts (read from the window's own actions, so the list is always
the one that works) and what rnnsim is."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox


def shortcuts(window) -> list[tuple[str, str]]:
    """(key, what it does) for every action of the window that has a shortcut, in menu order."""
    found, seen = [], set()
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            text = key.toString(QKeySequence.SequenceFormat.NativeText)
            name = action.text().replace("&", "")
            if text and (text, name) not in seen:
                seen.add((text, name))
                found.append((text, name))
    return found


def program_version() -> str:
    try:
        return version("rnnsim")
    except PackageNotFoundError:  # run from a source tree that was not installed
        return "?"


class HelpMenu(QMenu):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.keys_action = self.addAction("", self.show_shortcuts)
        self.keys_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.about_action = self.addAction("", self.show_about)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Help"))
        self.keys_action.setText(self.tr("Keyboard shortcuts"))
        self.about_action.setText(self.tr("About rnnsim"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def shortcuts_html(self) -> str:
        rows = shortcuts(self.window_)
        cells = "".join(f"<tr><td><b>{key}</b></td><td>{name}</td></tr>" for key, name in rows)
        return f"<table cellspacing='6'>{cells}</table>"

    def show_shortcuts(self) -> None:
        QMessageBox.information(self.window_, self.tr("Keyboard shortcuts"), self.shortcuts_html())

    def about_html(self) -> str:
        return self.tr(
            "<h3>rnnsim {0}</h3><p>Build recurrent, encoder–decoder and recursive neural networks "
            "for NLP, step through their forward pass and back-propagation one event at a time, "
            "and train them while watching them learn.</p><p>The engine (the <tt>simulator</tt> "
            "package) runs without the window; the README explains the window, the command line "
            "and the file formats.</p>"
        ).format(program_version())

    def show_about(self) -> None:
        QMessageBox.about(self.window_, self.tr("About rnnsim"), self.about_html())
