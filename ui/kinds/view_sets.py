"""ViewSets: one set of views per kind of model, built the first time a model of that kind is
shown and swapped in whenever the session's model changes kind.

A kind's set (ui.kinds.view_set.ViewSet) brings a page for the window's centre, a form for the
"Network" dock and an inspector for the "Inspector" dock, and fills any docks of its own (the
recurrent network's six plots); the window makes those docks at start, empty. Docks of another
kind close while a kind is shown and open again, as they were, when it comes back; the training
curves close with the recurrent plots (which they share a place with) and open when a run
starts.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStackedWidget

from .registry import WINDOW_KINDS, window_kind_named
from .session_view import SessionView

FIRST = WINDOW_KINDS[0].name  # the kind whose docks the window opens with (the recurrent one)


class ViewSets(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.sets: dict = {}  # kind name -> its ViewSet, once built
        self.builders = _stack_in(window.docks["builder"])
        self.inspectors = _stack_in(window.docks["inspector"])
        self.kind = FIRST
        self._closed: dict[str, bool] = {}  # docks closed for another kind: name -> was open
        window.session.project_changed.connect(self._show_kind)
        training = getattr(window, "training", None)
        if training is not None:
            training.state_changed.connect(self._training_state)

    def views(self, name: str):
        """The ViewSet of a kind, built on first use."""
        if name not in self.sets:
            self.sets[name] = self._build(name)
        return self.sets[name]

    def _build(self, name: str):
        window = self.window
        entry = window_kind_named(name)
        views = entry.views(SessionView(window.session, name), window)
        window.views.addWidget(views)
        self.builders.addWidget(views.builder)
        self.inspectors.addWidget(views.inspector)
        for dock, panel in views.docks.items():
            window.docks[dock].setWidget(panel)
        return views

    def _show_kind(self) -> None:
        name = self.window.session.kind or FIRST
        built = name in self.sets
        views = self.views(name)
        window = self.window
        window.views.setCurrentWidget(views)
        self.builders.setCurrentWidget(views.builder)
        self.inspectors.setCurrentWidget(views.inspector)
        if not built:  # its views missed the signal being delivered: they catch up now
            views.session.project_changed.emit()
        if name != self.kind:
            self._swap_docks(self.kind, name)
        self.kind = name

    def _swap_docks(self, old: str, new: str) -> None:
        """Close the docks only `old` uses (remembering which were open); open `new`'s as they
        were when it was last shown."""
        docks = self.window.docks
        for name in window_kind_named(old).shown_docks:
            if name in docks:
                self._closed[name] = docks[name].toggleViewAction().isChecked()
                docks[name].hide()
        for name in window_kind_named(new).shown_docks:
            if name in self._closed:
                docks[name].setVisible(self._closed.pop(name))

    def _training_state(self, state: str) -> None:
        running = state == "running"
        self.builders.setEnabled(not running)
        curves = self.window.docks.get("curves")
        shown = window_kind_named(self.kind).shown_docks
        if running and "curves" not in shown and curves is not None:  # closed with the plots
            curves.show()
            curves.raise_()

    def figures(self) -> dict:
        """The shown kind's figures (name -> figure, ui.figures); none before a run."""
        if self.window.session.trace is None:
            return {}
        return self.views(self.kind).figures()

    def close_work(self) -> None:
        for views in self.sets.values():
            views.close_work()


def _stack_in(dock) -> QStackedWidget:
    """A stack of one widget per kind shown so far, as the dock's widget."""
    stack = QStackedWidget()
    dock.setWidget(stack)
    return stack


def install(window) -> ViewSets:
    return ViewSets(window)
