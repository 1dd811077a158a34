"""AttentionPlayground: drag the keys x_n and the query q in the plane and watch attention's two
steps for every score function at once: the scores s(x_n, q), the distribution α = softmax(s)
(bars, one colour per score function), and the weighted average Σ α_n x_n (a star of the same
colour in the plane). The score function chosen is also written out with its numbers, and its
weights are drawn as halos round the keys."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import presentation
from ..plots import style  # noqa: F401  (applies the pyqtgraph settings)
from .model import FORMULAS, SCORES, Playground, score_numbers

COLOURS = {"additive": "#1f77b4", "dot": "#d62728", "scaled_dot": "#2ca02c", "bilinear": "#9467bd"}
KEY = "#4a6fa5"
QUERY = "#ff8c00"
LIMIT = 3.0


class AttentionPlayground(QWidget):
    def __init__(self, ready=None, parent=None):
        """`ready()` tells whether attention's compiled kernels can run now (None: always)."""
        super().__init__(parent)
        self.ready = ready or (lambda: True)
        self.playground = Playground()
        self.results = {}
        self.chosen = QComboBox()
        for score in SCORES:
            self.chosen.addItem(score, score)
        self.chosen.currentIndexChanged.connect(self.update_views)
        self.add_button, self.remove_button, self.reset_button = (QPushButton() for _ in range(3))
        self.add_button.clicked.connect(lambda: self._keys(self.playground.add_key()))
        self.remove_button.clicked.connect(lambda: self._keys(self.playground.remove_key()))
        self.reset_button.clicked.connect(self.reset)
        self.key = QLabel()  # the colour of each score function
        controls = QHBoxLayout()
        controls.addWidget(self.chosen)
        controls.addWidget(self.key, 1)
        for button in (self.add_button, self.remove_button, self.reset_button):
            controls.addWidget(button)
        self.canvas = pg.PlotWidget()
        presentation.follow(self.canvas)
        self.plane = self.canvas.getPlotItem()
        self.plane.setAspectLocked(True)
        self.plane.setRange(xRange=(-LIMIT, LIMIT), yRange=(-LIMIT, LIMIT), padding=0.05)
        self.plane.setMenuEnabled(False)
        self.plane.hideButtons()
        self.plane.getViewBox().setMouseEnabled(x=False, y=False)
        self.plane.showGrid(x=True, y=True, alpha=0.2)
        self.halos = pg.ScatterPlotItem(pxMode=True, pen=None)
        self.lines = pg.PlotDataItem(pen=pg.mkPen(QUERY, width=1, style=Qt.PenStyle.DashLine))
        self.contexts = pg.ScatterPlotItem(pxMode=True, size=16, symbol="star")
        for item in (self.halos, self.lines, self.contexts):
            self.plane.addItem(item)
        self.key_items: list[pg.TargetItem] = []
        self.query_item = pg.TargetItem(
            pos=tuple(self.playground.query),
            size=16,
            symbol="o",
            pen=pg.mkPen(QUERY, width=2),
            brush=pg.mkBrush(QUERY),
            label="q",
            labelOpts={"color": QUERY, "offset": (8, -8)},
        )
        self.query_item.sigPositionChanged.connect(self._query_moved)
        self.plane.addItem(self.query_item)
        self.bars = pg.GraphicsLayoutWidget()
        self.weight_plot = self.bars.addPlot(row=0, col=0)
        self.score_plot = self.bars.addPlot(row=1, col=0)
        for plot in (self.weight_plot, self.score_plot):
            style.plain(plot)
            plot.getViewBox().setMouseEnabled(x=False, y=False)
        self.weight_plot.setYRange(0, 1, padding=0.02)
        self.weight_bars = {s: pg.BarGraphItem(x=[], height=[], width=0.2) for s in SCORES}
        self.score_bars = {s: pg.BarGraphItem(x=[], height=[], width=0.2) for s in SCORES}
        for score in SCORES:
            brush = pg.mkBrush(COLOURS[score])
            self.weight_bars[score].setOpts(brush=brush, pen=None)
            self.score_bars[score].setOpts(brush=brush, pen=None)
            self.weight_plot.addItem(self.weight_bars[score])
            self.score_plot.addItem(self.score_bars[score])
        self.text = QTextBrowser()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.canvas)
        split.addWidget(self.bars)
        split.addWidget(self.text)
        split.setSizes([330, 330, 260])
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(split, 1)
        self._make_keys()
        self.retranslate()

    def retranslate(self) -> None:
        self.chosen.setToolTip(self.tr("The score function written out and drawn as halos"))
        self.add_button.setText(self.tr("+ key"))
        self.remove_button.setText(self.tr("− key"))
        self.reset_button.setText(self.tr("Reset"))
        self.weight_plot.setTitle(self.tr("step 1: α = softmax(s)"), size="9pt")
        self.score_plot.setTitle(self.tr("scores s(x_n, q)"), size="9pt")
        self.plane.setTitle(self.tr("drag x_n, q · ★ = Σ α_n x_n"), size="9pt")
        self.key.setText(
            "&nbsp;&nbsp;".join(f"<span style='color:{COLOURS[s]}'>■</span> {s}" for s in SCORES)
        )
        self.update_views()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.results:  # the kernels were not ready when last asked
            self.update_views()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----- the points ----------------------------------------------------------------------------
    def _make_keys(self) -> None:
        for item in self.key_items:
            self.plane.removeItem(item)
        self.key_items = []
        for n, position in enumerate(self.playground.keys):
            item = pg.TargetItem(
                pos=tuple(position),
                size=13,
                symbol="s",
                pen=pg.mkPen(KEY, width=2),
                brush=pg.mkBrush("#cfe2ff"),
                label=f"x{n + 1}",
                labelOpts={"color": KEY, "offset": (8, -8)},
            )
            item.sigPositionChanged.connect(lambda it, n=n: self._key_moved(n, it))
            self.plane.addItem(item)
            self.key_items.append(item)
        self.update_views()

    def _keys(self, changed: bool) -> None:
        if changed:
            self._make_keys()

    def reset(self) -> None:
        self.playground = Playground()
        self.query_item.setPos(tuple(self.playground.query))
        self._make_keys()

    def _clamped(self, item) -> np.ndarray:
        position = np.clip(np.array([item.pos().x(), item.pos().y()]), -LIMIT, LIMIT)
        return position

    def _key_moved(self, n: int, item) -> None:
        self.playground.move_key(n, self._clamped(item))
        self.update_views()

    def _query_moved(self, item) -> None:
        self.playground.move_query(self._clamped(item))
        self.update_views()

    def move_query(self, x: float, y: float) -> None:
        """Put the query at (x, y), as dragging it does."""
        self.query_item.setPos(x, y)

    def move_key(self, n: int, x: float, y: float) -> None:
        self.key_items[n].setPos(x, y)

    # ----- drawing -------------------------------------------------------------------------------
    def update_views(self, *_args) -> None:
        if not self.ready():
            self.text.setPlainText(self.tr("Preparing the compiled kernels…"))
            return
        self.results = self.playground.attend_all()
        keys = self.playground.keys
        N = len(keys)
        chosen = self.chosen.currentData()
        for k, score in enumerate(SCORES):
            x = np.arange(N) + (k - 1.5) * 0.2
            self.weight_bars[score].setOpts(x=x, height=self.results[score].weights)
            self.score_bars[score].setOpts(x=x, height=self.results[score].scores)
        ticks = [[(float(n), f"x{n + 1}") for n in range(N)], []]
        for plot in (self.weight_plot, self.score_plot):
            plot.getAxis("bottom").setTicks(ticks)
            plot.setXRange(-0.6, N - 0.4, padding=0)
        weights = self.results[chosen].weights
        self.halos.setData(
            x=keys[:, 0],
            y=keys[:, 1],
            size=10 + 50 * weights,
            brush=[pg.mkBrush(COLOURS[chosen] + "55")] * N,
        )
        context = self.results[chosen].context
        xs, ys = [], []
        for n in range(N):
            xs += [keys[n, 0], context[0], np.nan]
            ys += [keys[n, 1], context[1], np.nan]
        self.lines.setData(xs, ys, connect="finite")
        points = np.array([self.results[s].context for s in SCORES])
        self.contexts.setData(
            x=points[:, 0],
            y=points[:, 1],
            brush=[pg.mkBrush(COLOURS[s]) for s in SCORES],
            pen=[pg.mkPen("#ffffff" if s != chosen else "#000000", width=1.5) for s in SCORES],
        )
        self._write(chosen)

    def _write(self, score: str) -> None:
        result, playground = self.results[score], self.playground
        rows = []
        for n in range(len(playground.keys)):
            rows.append(
                f"<tr><td>x{n + 1}</td><td>s = {html.escape(score_numbers(playground, score, n))}"
                f" = <b>{result.scores[n]:.3f}</b></td><td>α = <b>{result.weights[n]:.3f}</b></td>"
                "</tr>"
            )
        context = result.context
        terms = " + ".join(
            f"{w:.2f}·x{n + 1}" for n, w in enumerate(result.weights)
        )  # the weighted average, term by term
        step1 = self.tr("step 1: the attention distribution")
        step2 = self.tr("step 2: the weighted average")
        self.text.setHtml(
            f"<p><b>{html.escape(FORMULAS[score])}</b></p>"
            f"<p style='color:#777'>{step1}</p>"
            f"<table cellspacing='3'>{''.join(rows)}</table>"
            f"<p>Σ α = {result.weights.sum():.3f}</p>"
            f"<p style='color:#777'>{step2}</p>"
            f"<p>att(X, q) = {terms}<br>= ({context[0]:.3f}, {context[1]:.3f})</p>"
        )


def main() -> int:
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    panel = AttentionPlayground()
    panel.setWindowTitle("rnnsim — attention playground")
    panel.resize(1000, 420)
    panel.show()
    return app.exec()
