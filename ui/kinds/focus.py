"""Focus: the node a kind's views look at, shared by its diagram, plots and inspector.

It follows the stepper (None: the node the current event computes) until the person clicks a
node; the next step or a new trace makes it follow the stepper again. Views set it and listen
to it, never to each other (as they do with the session).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Focus(QObject):
    changed = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.key = None  # a node key of the kind's diagram, or None to follow the stepper
        session.cursor_moved.connect(self._follow)
        session.trace_changed.connect(self._follow)

    def set(self, key) -> None:
        if key != self.key:
            self.key = key
            self.changed.emit()

    def _follow(self, *_args) -> None:
        self.key = None  # the views redraw on the session's signal itself
