"""StepCursor: the vertical line at the current step in a plot.

A QGraphicsLineItem, drawn and bounded by Qt itself: pyqtgraph's InfiniteLine recomputes its
bounds in Python whenever it moves or the scene asks (about 30 calls a step over the window's
plots), for a line that only ever spans the plot from bottom to top.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsLineItem

from .style import CURSOR


class StepCursor(QGraphicsLineItem):
    def __init__(self, plot: pg.PlotItem, low: float = 0.0, high: float = 1.0):
        super().__init__()
        pen = pg.mkPen(CURSOR, width=2)
        pen.setCosmetic(True)  # 2 pixels wide at any zoom
        self.setPen(pen)
        self.setZValue(10)
        self.span = (low, high)
        self.step: float | None = None
        plot.addItem(self, ignoreBounds=True)
        self.hide()

    def set_span(self, low: float, high: float) -> None:
        """The plot's vertical extent, in its data coordinates."""
        self.span = (low, high)
        self._place()

    def move_to(self, step: float | None) -> None:
        """Stand at `step` (None: hide)."""
        if step != self.step:
            self.step = step
            self._place()
        if (step is not None) != self.isVisible():
            self.setVisible(step is not None)

    def _place(self) -> None:
        if self.step is not None:
            self.setLine(self.step, self.span[0], self.step, self.span[1])
