"""VectorGrid: vectors side by side as columns of numbers (one row per unit), NaN as blank.

Painted directly rather than through Qt's item views: the inspector changes every number on
every step, and a QTableView then asks every cell for its size hint (about 10 ms a step at
64 units); this grid draws only the rows in sight.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

CELL_W = 60
LABEL_W = 56
ROW_H = 18
SELECTED = QColor("#d7e6fb")
GRID = QColor("#e3e3e3")


def compact(value: float) -> str:
    """A number in at most 7 characters, for narrow columns."""
    if not np.isfinite(value):
        return str(value)
    if value == 0 or 1e-3 <= abs(value) < 100:
        return f"{value:.3f}"
    return f"{value:.1e}"


class VectorGrid(QWidget):
    row_clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.values = np.zeros((0, 0))
        self.columns: list[str] = []
        self.rows: list[str] = []
        self.text: dict[int, list[str]] = {}
        self.selected = -1
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_array(self, values: np.ndarray, columns: list[str], rows: list[str]) -> None:
        values = np.asarray(values, dtype=np.float64)
        same = values.shape == self.values.shape and columns == self.columns and rows == self.rows
        if same and np.array_equal(values, self.values, equal_nan=True):
            return
        self.values = values
        self.text = {}  # row -> its cells as text, made when the row is first painted
        if not same:
            self.columns, self.rows = list(columns), list(rows)
            self.setFixedSize(LABEL_W + CELL_W * len(columns), ROW_H * (len(rows) + 1) + 2)
        self.update()

    def _row_text(self, row: int) -> list[str]:
        if row not in self.text:
            self.text[row] = ["" if np.isnan(v) else compact(v) for v in self.values[row].tolist()]
        return self.text[row]

    def select_row(self, row: int) -> None:
        if row != self.selected:
            self.selected = row
            self.update()

    def mousePressEvent(self, event) -> None:
        row = int(event.position().y() // ROW_H) - 1
        if 0 <= row < len(self.rows):
            self.row_clicked.emit(row)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        exposed = event.rect()
        first = max(0, exposed.top() // ROW_H - 1)
        last = min(len(self.rows), exposed.bottom() // ROW_H + 1)
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r in range(first, last):
            y = (r + 1) * ROW_H
            if r == self.selected:
                painter.fillRect(QRect(0, y, self.width(), ROW_H), SELECTED)
            painter.setPen(GRID)
            painter.drawLine(0, y + ROW_H - 1, self.width(), y + ROW_H - 1)
            painter.setPen(QColor("#777"))
            painter.drawText(QRect(2, y, LABEL_W - 8, ROW_H), align, self.rows[r])
            painter.setPen(QColor("#111"))
            for c, text in enumerate(self._row_text(r)):
                painter.drawText(QRect(LABEL_W + c * CELL_W, y, CELL_W - 6, ROW_H), align, text)
        if exposed.top() < ROW_H:  # the header
            painter.fillRect(QRect(0, 0, self.width(), ROW_H), QColor("#eeeeee"))
            font = painter.font()
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#222"))
            for c, name in enumerate(self.columns):
                painter.drawText(QRect(LABEL_W + c * CELL_W, 0, CELL_W - 6, ROW_H), align, name)
