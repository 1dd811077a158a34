"""LessonsMenu: every lesson in the notes' order (its number and title, the notes' section
beside it), in the interface's language; picking one opens it in the Lessons dock."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QMenu
from shiboken6 import isValid

from ..i18n import current_language


class LessonsMenu(QMenu):
    def __init__(self, guide, dock, parent=None):
        super().__init__(parent)
        self.setObjectName("lessons_menu")
        self.guide, self.dock = guide, dock
        self.show_action = self.addAction("", self.show_dock)
        self.leave_action = self.addAction("", guide.leave)
        self.addSeparator()
        self.lesson_actions = {}
        from simulator.lessons import lessons

        for lesson in lessons():
            action = self.addAction("")
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, n=lesson.name: self.choose(n))
            self.lesson_actions[lesson.name] = action
        guide.changed.connect(self._mark)
        self.retranslate()

    def show_dock(self) -> None:
        self.dock.show()
        self.dock.raise_()

    def choose(self, name: str) -> None:
        self.guide.open(name)
        self.show_dock()
        self._mark()

    def retranslate(self) -> None:
        from simulator.lessons import lessons

        self.setTitle(self.tr("Less&ons"))
        self.show_action.setText(self.tr("Show the lessons"))
        self.leave_action.setText(self.tr("Leave the lesson"))
        language = current_language()
        for number, lesson in enumerate(lessons(), 1):
            action = self.lesson_actions[lesson.name]
            action.setText(f"{number}. {lesson.title[language]}\t{lesson.section[language]}")
        self._mark()

    def _mark(self) -> None:
        if not isValid(self.leave_action):  # a window taken down without being closed first
            return
        chosen = self.guide.lesson.name if self.guide.lesson is not None else None
        for name, action in self.lesson_actions.items():
            action.setChecked(name == chosen)
        self.leave_action.setEnabled(chosen is not None)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
