"""Timeline: every event of the trace as a strip (forward pass blue, loss orange, backward pass
red, a tick between layers and directions), with the cursor; click or drag to move it."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PHASE_COLOURS = {"forward": "#8fb3e0", "loss": "#ff8c00", "backward": "#e58b8b"}
CURSOR = QColor("#202020")


class TimelineEvent(NamedTuple):
    """What the timeline reads of an event: its phase, and a group (layer, direction); a
    kind whose events are not grouped by layer and direction makes these from its own."""

    phase: str
    layer: int
    direction: int


class Timeline(QWidget):
    moved = Signal(int)  # the event the person dragged to (at most every 15 ms)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumHeight(26)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.events = []
        self.runs: list[tuple[int, int, str]] = []  # (first, end, phase) per layer and direction
        self.index = 0
        self._pending = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(15)
        self._timer.timeout.connect(self._emit)
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(self.tr("All events: forward pass, loss, backward pass. Click or drag."))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_events(self, events) -> None:
        self.events = list(events)
        self.runs = _runs(self.events)
        self.index = min(self.index, max(len(self.events) - 1, 0))
        self.update()

    def set_index(self, index: int) -> None:
        if index != self.index:
            self.index = index
            self.update()

    # ----- drawing -----------------------------------------------------------------------------
    def _x(self, index: float) -> float:
        n = max(len(self.events), 1)
        return 4 + (self.width() - 8) * index / n

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        h = self.height()
        if not self.events:
            painter.fillRect(self.rect(), QColor("#eeeeee"))
            return
        for start, end, phase in self.runs:
            rect = QRectF(self._x(start), 5, self._x(end) - self._x(start), h - 10)
            colour = QColor(PHASE_COLOURS[phase])
            if end <= self.index:
                colour = colour.darker(125)
            painter.fillRect(rect, colour)
            painter.setPen(QPen(QColor("#ffffff"), 1))
            painter.drawLine(rect.topLeft(), rect.bottomLeft())
        x = self._x(self.index + 0.5)
        painter.setPen(QPen(CURSOR, 3))
        painter.drawLine(int(x), 1, int(x), h - 1)

    # ----- moving --------------------------------------------------------------------------------
    def _index_at(self, x: float) -> int:
        n = len(self.events)
        share = (x - 4) / max(self.width() - 8, 1)
        return min(max(int(share * n), 0), n - 1)

    def mousePressEvent(self, event) -> None:
        if self.events:
            self._request(self._index_at(event.position().x()))

    def mouseMoveEvent(self, event) -> None:
        if self.events and event.buttons() & Qt.MouseButton.LeftButton:
            self._request(self._index_at(event.position().x()))

    def mouseReleaseEvent(self, event) -> None:
        if self._pending is not None:
            self._timer.stop()
            self._emit()

    def _request(self, index: int) -> None:
        self._pending = index
        if not self._timer.isActive():
            self._timer.start()

    def _emit(self) -> None:
        if self._pending is not None:
            index, self._pending = self._pending, None
            self.moved.emit(index)


def _runs(events) -> list[tuple[int, int, str]]:
    """(first, end, phase) of each run of events in the same phase, layer and direction."""
    runs, start = [], 0
    for k in range(1, len(events) + 1):
        if k == len(events) or _group(events[k]) != _group(events[start]):
            runs.append((start, k, events[start].phase))
            start = k
    return runs


def _group(event) -> tuple:
    return (event.phase, event.layer, event.direction)
