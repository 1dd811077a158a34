"""SessionView: the session as the views of one kind of model see it.

While the session holds a model of that kind, a SessionView is the session: every attribute and
method is the session's, and its signals are passed on. While it holds another kind, the model's
attributes (project, task, network, example, trace, stepper, spec) read as None and the signals
about them are held back, so views written for one kind never meet a trace of another; when a
model of their kind comes back, the session's signals bring them up to date.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

# What a view of another kind must not see (the session then looks empty to it).
MODEL_ATTRIBUTES = frozenset(
    ("project", "task", "network", "example", "trace", "stepper", "spec", "runner")
)
# Signals about the model: passed on only while the model is of this kind.
MODEL_SIGNALS = (
    "project_changed",
    "network_changed",
    "example_changed",
    "trace_changed",
    "cursor_moved",
    "selection_changed",
)
# Signals for everyone (messages, the file's name).
COMMON_SIGNALS = ("problem", "status", "file_changed")


class SessionView(QObject):
    project_changed = Signal()
    network_changed = Signal()
    example_changed = Signal()
    trace_changed = Signal()
    cursor_moved = Signal(int)
    selection_changed = Signal()
    problem = Signal(str)
    status = Signal(str)
    file_changed = Signal()

    def __init__(self, session, kind: str, parent=None):
        super().__init__(parent or session)
        self.session = session
        self.kind = kind
        for name in MODEL_SIGNALS:
            getattr(session, name).connect(self._passer(getattr(self, name), True))
        for name in COMMON_SIGNALS:
            getattr(session, name).connect(self._passer(getattr(self, name), False))

    def _passer(self, signal, only_when_active: bool):
        def passed(*args) -> None:
            if not only_when_active or self.active:
                signal.emit(*args)

        return passed

    @property
    def active(self) -> bool:
        """True while the session holds a model of this view's kind."""
        return self.session.kind == self.kind

    def __getattr__(self, name: str):
        # Only called for what the SessionView itself lacks: the session's attributes.
        session = self.__dict__.get("session")
        if session is None:
            raise AttributeError(name)
        if name in MODEL_ATTRIBUTES and not self.active:
            return None
        return getattr(session, name)
