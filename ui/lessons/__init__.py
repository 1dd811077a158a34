"""Lessons in the window: the Lessons dock (tabbed with the Network, Examples and Training
docks), the Lessons menu, and the guide that performs a lesson's steps.

    window.lessons = ui.lessons.install(window)   # the LessonGuide; window.docks["lessons"]
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from .guide import LessonGuide
from .menu import LessonsMenu
from .view import LessonView


def dock_title() -> str:
    return QCoreApplication.translate("LessonDocks", "Lessons")


def install(window) -> LessonGuide:
    guide = LessonGuide(window)
    view = LessonView(guide)
    dock = window.add_dock("lessons", dock_title(), view, Qt.DockWidgetArea.LeftDockWidgetArea)
    window.lesson_view = view
    window.lessons_menu = LessonsMenu(guide, dock, window)
    guide.changed.connect(lambda: _widen(window) if guide.lesson is not None else None)
    # closing the dock (not lowering its tab) leaves the lesson: nothing runs out of sight
    dock.toggleViewAction().toggled.connect(lambda shown: shown or guide.leave())
    return guide


def _widen(window) -> None:
    """A lesson's text and steps need more room than the Network form: at least a quarter of
    the window for the left docks while one is open."""
    dock = window.docks["lessons"]
    wanted = int(window.width() * 0.25)
    if dock.isVisible() and dock.width() < wanted:
        window.resizeDocks([dock], [wanted], Qt.Orientation.Horizontal)


def retranslate(window) -> None:
    window.docks["lessons"].setWindowTitle(dock_title())
