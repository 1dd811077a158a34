"""AttentionHeatmap: α_tn, target step (rows, the token written) by source position (columns,
the token read), filled in one decoder step at a time as the stepper runs the attention; the
row being computed is marked. It can show the scores s(x_n, q_t) instead of the weights, to see
what the softmax does with them."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ..kinds.translated import InheritedTr
from ..plots.heatmap import Heatmap
from ..plots.panel import PlotPanel
from ..plots.style import CURSOR, DIVERGING, GATE, GATE_LEVELS, label_steps, symmetric_levels
from . import known


class AttentionHeatmap(InheritedTr, PlotPanel):
    figure_name = "attention"  # the file name its right-click menu offers

    def __init__(self, session, focus, parent=None):
        super().__init__(session, parent)
        self.focus = focus
        self.what = QComboBox()
        self.what.currentIndexChanged.connect(self._what_changed)
        self.title = QLabel()
        self.title.setStyleSheet("color: #444;")
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(4, 2, 4, 0)
        row.addWidget(self.title, 1)
        row.addWidget(self.what)
        self.layout().insertWidget(0, bar)
        self.heatmap = None
        self._levels = {}
        focus.changed.connect(self._moved)
        self._fill_choices()

    def _fill_choices(self) -> None:
        index = max(self.what.currentIndex(), 0)
        self.what.blockSignals(True)
        self.what.clear()
        self.what.addItem(self.tr("weights α_tn"), "weights")
        self.what.addItem(self.tr("scores s(x_n, q_t)"), "scores")
        self.what.setCurrentIndex(index)
        self.what.blockSignals(False)
        self.what.setToolTip(
            self.tr("α = softmax(s): the softmax turns each row of scores into weights")
        )

    def retranslate(self) -> None:
        self._fill_choices()
        super().retranslate()

    # ----- PlotPanel ---------------------------------------------------------------------------
    def shape_key(self) -> tuple:
        stepper = self.session.stepper
        return (self.session.spec.attends, stepper.source_length, stepper.target_length)

    def rebuild(self) -> None:
        self.heatmap = None
        if not self.session.spec.attends:
            return
        self.heatmap = Heatmap(self.view.ci, 0, 0, "", GATE, GATE_LEVELS)
        self.row_cursor = pg.InfiniteLine(angle=0, pen=pg.mkPen(CURSOR, width=2))
        self.row_cursor.setZValue(10)
        self.heatmap.plot.addItem(self.row_cursor)
        self.heatmap.cursor.hide()

    def retrace(self) -> None:
        session = self.session
        if self.heatmap is None:
            self.tell(self.tr("This encoder-decoder has no attention (attention = none)."))
            self.title.setText("")
            return
        stepper, example = session.stepper, session.example
        S, T = stepper.source_length, stepper.target_length
        self.heatmap.set_shape(T, S, example.source_tokens, "")
        rows = [f"{t} {token}" for t, token in enumerate(example.target_tokens)]
        label_steps(self.heatmap.plot, rows, axis="left")
        scores = np.asarray(session.trace.attention.scores[0, :T, :S], dtype=np.float64)
        self._levels = {"weights": GATE_LEVELS, "scores": symmetric_levels(scores)}
        self._what_changed()

    def _what_changed(self) -> None:
        if self.heatmap is None or not self._levels:
            return
        what = self.what.currentData()
        self.heatmap.image.setColorMap(GATE if what == "weights" else DIVERGING)
        if self.heatmap.bar is not None:
            self.heatmap.bar.setColorMap(GATE if what == "weights" else DIVERGING)
        self.heatmap.set_levels(self._levels[what])
        spec = self.session.spec
        self.title.setText(
            self.tr("{0} attention ({1}): target step × source position").format(
                spec.attention, self.tr("context at the input") if spec.input_feeding else
                self.tr("context at the output")
            )
        )  # fmt: skip
        self.redraw()

    def redraw(self) -> None:
        if self.heatmap is None:
            return
        session = self.session
        what = self.what.currentData()
        if what == "weights":
            values = known.attention_weights(session.trace, session.stepper)
        else:
            values = known.attention_scores(session.trace, session.stepper)
        self.heatmap.show(values)
        step = self._row()
        self.row_cursor.setVisible(step is not None)
        if step is not None:
            self.row_cursor.setValue(step)

    def _row(self):
        """The target step in focus: the clicked node's, else the current event's."""
        key = self.focus.key
        if key is not None and key[0] in ("decoder", "attention", "output"):
            return key[-1]
        event = self.session.stepper.event
        if event.phase != "loss" and event.part in ("decoder", "attention"):
            return event.position
        return None

    def values(self) -> np.ndarray:
        """What the heat map shows now (tests)."""
        return self.heatmap.values

    def plot_items(self):
        return {} if self.heatmap is None else {"attention": self.heatmap.plot}
