"""VectorGrid: vectors side by side as columns of numbers (one row per unit), NaN as blank.

Painted directly rather than through Qt's item views: the inspector changes every number on
every step, and a QTableView then asks every cell for its size hint (about 10 ms a step at
64 units); this grid draws only the rows in sight, each row's numbers as one line of a fixed-width
font (one text call per row instead of one per cell).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QFontDatabase, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

CELL_CHARS = 9  # a number of at most 8 characters, right-aligned, and a space
LABEL_W = 56  # the row labels' least width...
LABEL_CHARS = 24  # ...and most, in characters: a longer label (a tree's phrase) is elided
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
        self.text: dict[int, str] = {}  # row -> its numbers as one line
        self.selected = -1
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.numbers_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._measure()

    def _measure(self) -> None:
        """Cell width and row height from the fonts."""
        if self.font().pointSizeF() > 0:
            self.numbers_font.setPointSizeF(self.font().pointSizeF())
        numbers = QFontMetrics(self.numbers_font)
        self.cell_w = CELL_CHARS * numbers.horizontalAdvance("0")
        self.row_h = max(numbers.lineSpacing(), self.fontMetrics().lineSpacing()) + 4
        labels = self.fontMetrics()
        widest = max((labels.horizontalAdvance(row) for row in self.rows), default=0)
        most = LABEL_CHARS * labels.averageCharWidth()
        self.label_w = max(LABEL_W, min(widest, most) + 10)
        self.setFixedSize(
            self.label_w + self.cell_w * len(self.columns), self.row_h * (len(self.rows) + 1) + 2
        )

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._measure()

    def set_array(self, values: np.ndarray, columns: list[str], rows: list[str]) -> None:
        values = np.asarray(values, dtype=np.float64)
        same = values.shape == self.values.shape and columns == self.columns and rows == self.rows
        if same and np.array_equal(values, self.values, equal_nan=True):
            return
        self.values = values
        self.text = {}  # made when a row is first painted
        if not same:
            self.columns, self.rows = list(columns), list(rows)
            self._measure()
        self.update()

    def _row_text(self, row: int) -> str:
        if row not in self.text:
            cells = ("" if np.isnan(v) else compact(v) for v in self.values[row].tolist())
            self.text[row] = "".join(cell.rjust(CELL_CHARS - 1) + " " for cell in cells)
        return self.text[row]

    def select_row(self, row: int) -> None:
        if row != self.selected:
            self.selected = row
            self.update()

    def mousePressEvent(self, event) -> None:
        row = int(event.position().y() // self.row_h) - 1
        if 0 <= row < len(self.rows):
            self.row_clicked.emit(row)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        exposed, h, width = event.rect(), self.row_h, self.width()
        first = max(0, exposed.top() // h - 1)
        last = min(len(self.rows), exposed.bottom() // h + 1)
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        label_pen, number_pen = QColor("#777"), QColor("#111")
        for r in range(first, last):
            y = (r + 1) * h
            if r == self.selected:
                painter.fillRect(QRect(0, y, width, h), SELECTED)
            painter.setPen(GRID)
            painter.drawLine(0, y + h - 1, width, y + h - 1)
            painter.setPen(label_pen)
            painter.setFont(self.font())
            room = self.label_w - 8
            label = self.fontMetrics().elidedText(self.rows[r], Qt.TextElideMode.ElideRight, room)
            painter.drawText(QRect(2, y, room, h), align, label)
            painter.setPen(number_pen)
            painter.setFont(self.numbers_font)
            painter.drawText(
                QRect(self.label_w, y, width - self.label_w, h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._row_text(r),
            )
        if exposed.top() < h:  # the header
            painter.fillRect(QRect(0, 0, width, h), QColor("#eeeeee"))
            font = self.font()
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#222"))
            for c, name in enumerate(self.columns):
                box = QRect(
                    self.label_w + c * self.cell_w, 0, self.cell_w - self.cell_w // CELL_CHARS, h
                )
                painter.drawText(box, align, name)
