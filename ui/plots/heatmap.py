"""Heatmap: rows x steps as an image in a PlotItem, with a fixed colour scale and colour bar."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from .step_cursor import StepCursor
from .style import FUTURE, label_steps, plain


class Heatmap:
    def __init__(
        self,
        layout: pg.GraphicsLayout,
        row: int,
        col: int,
        title: str,
        colormap,
        levels: tuple[float, float],
        bar: bool = True,
    ):
        self.plot = layout.addPlot(row=row, col=col, enableMenu=False, title=title)
        plain(self.plot)
        self.plot.invertY(True)  # row 0 (unit 0, class 0) at the top
        self.plot.getViewBox().setBackgroundColor(FUTURE)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(colormap)
        self.image.setLevels(levels)
        self.plot.addItem(self.image)
        self.cursor = StepCursor(self.plot)
        self.bar = None
        if bar:
            self.bar = pg.ColorBarItem(
                values=levels, colorMap=colormap, interactive=False, width=10
            )
            self.bar.setImageItem(self.image, insert_in=self.plot)
        self.shape = (0, 0)

    def set_shape(self, rows: int, steps: int, labels, y_label: str = "") -> None:
        """Size the image for rows x steps and label the steps (tokens)."""
        self.shape = (rows, steps)
        self.image.setImage(np.full((rows, steps), np.nan), autoLevels=False)
        self.image.setRect(QRectF(-0.5, -0.5, steps, rows))
        self.plot.setXRange(-0.5, steps - 0.5, padding=0)
        self.plot.setYRange(-0.5, rows - 0.5, padding=0)
        self.cursor.set_span(-0.5, rows - 0.5)
        label_steps(self.plot, labels)
        self.plot.setLabel("left", y_label)

    def set_levels(self, levels: tuple[float, float]) -> None:
        if self.bar is not None:
            self.bar.setLevels(levels)
        self.image.setLevels(levels)

    def show(self, values: np.ndarray, cursor: float | None = None) -> None:
        """values (rows, steps), NaN where nothing is known yet. Nothing is redrawn when the
        numbers and the cursor are what is already shown."""
        shown = self.image.image
        if (
            shown is None
            or shown.shape != values.shape
            or not np.array_equal(shown, values, equal_nan=True)
        ):
            self.image.setImage(values, autoLevels=False)
        self.cursor.move_to(cursor)

    @property
    def values(self) -> np.ndarray:
        return self.image.image
