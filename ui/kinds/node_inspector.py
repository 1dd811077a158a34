"""NodeInspector: what every kind's inspector shares (the recurrent network's, the
encoder-decoder's, the tree's). A title, a line saying what is known, the node's equations with
this example's numbers (for the unit chosen), and its vectors side by side as columns
(VectorGrid). Subclasses decide what a node shows and call `show_node`; the texts are only
replaced when they change, so stepping stays quick, and a hidden inspector catches up when it is
shown."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..dock_tabs import on_screen
from ..equation_view import EquationView
from ..vector_grid import VectorGrid


class NodeInspector(QWidget):
    def __init__(self, session, focus=None, parent=None):
        """`focus`: the kind's Focus (ui.kinds.focus), or None when the kind's views follow the
        session's selection instead (the recurrent network's)."""
        super().__init__(parent)
        self.session, self.focus = session, focus
        self.title = QLabel()
        bold = self.title.font()
        bold.setBold(True)  # only the weight: the size follows the window's (ui.presentation)
        self.title.setFont(bold)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._fit_state_height()
        self.unit = QSpinBox()
        self.unit.valueChanged.connect(self.redraw)
        self.text = EquationView()
        self.grid = VectorGrid()
        self.grid.row_clicked.connect(self.row_clicked)
        self.table = QScrollArea()
        self.table.setWidget(self.grid)
        self.table.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.table.setMinimumHeight(90)
        head = QHBoxLayout()
        head.addWidget(self.state, 1)
        head.addWidget(self.unit)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.text)
        self.split.addWidget(self.table)
        self.split.setSizes([300, 260])
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(4, 4, 4, 4)
        self.column.addWidget(self.title)
        self.column.addLayout(head)
        self.column.addWidget(self.split, 1)
        self._stale = False
        self.retranslate_base()
        session.trace_changed.connect(self.redraw)
        session.cursor_moved.connect(self.redraw)
        if focus is not None:
            focus.changed.connect(self.redraw)

    def retranslate_base(self) -> None:
        self.unit.setPrefix(self.tr("unit j = "))
        self.unit.setToolTip(self.tr("The unit whose equations are shown (or click a row)"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_base()
            self.redraw()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_state_height()
        super().changeEvent(event)

    def _fit_state_height(self) -> None:
        """Two lines of the state text, in the font of the moment."""
        self.state.setFixedHeight(2 * self.state.fontMetrics().lineSpacing() + 4)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.catch_up()

    def catch_up(self) -> None:
        if self._stale:
            self.redraw()

    # ----- for subclasses ------------------------------------------------------------------------
    def row_clicked(self, row: int) -> None:
        """A row of the grid was clicked (by default: show that unit's equations)."""
        if self.unit.isVisible() and row <= self.unit.maximum():
            self.unit.setValue(row)

    def draw(self) -> None:
        """Show the focused node (the session has a trace)."""
        raise NotImplementedError

    # ----- shared --------------------------------------------------------------------------------
    def redraw(self, *_args) -> None:
        self._stale = not on_screen(self)
        if self._stale:  # closed, or a lowered tab: catch up when shown
            return
        if self.session.trace is None:
            self.show_node(self.tr("Inspector"), self.tr("Nothing has run yet."), [], None)
            return
        self.draw()

    def set_units(self, count: int | None) -> int:
        """Show the unit picker for `count` units (None: hide it); returns the unit chosen."""
        self.unit.setVisible(count is not None)
        if count is None:
            return 0
        if self.unit.maximum() != count - 1:
            self.unit.setMaximum(max(count - 1, 0))
        return self.unit.value()

    def show_node(self, title: str, state: str, lines, table) -> None:
        """table: (values (rows, columns), column names, row names) or None."""
        if self.title.text() != title:
            self.title.setText(title)
        if self.state.text() != state:
            self.state.setText(state)
        self.text.set_equations(lines)
        if table is None:
            table = (np.zeros((0, 0)), [], [])
        self.grid.set_array(*table)
        self.grid.select_row(self.unit.value() if self.unit.isVisible() else -1)


def columns(pairs, known: bool = True) -> tuple[np.ndarray, list[str]]:
    """(name, vector) pairs as a (rows, columns) array, blank (NaN) when not known."""
    width = max((len(v) for _, v in pairs), default=0)
    array = np.full((width, len(pairs)), np.nan)
    for k, (_, values) in enumerate(pairs):
        values = np.asarray(values, dtype=np.float64)
        array[: len(values), k] = values
    if not known:
        array[:] = np.nan
    return array, [name for name, _ in pairs]
