"""TreeInspector: the node in focus (the current event's, or the one clicked): its vector, how
it was composed (the model's equation with this tree's numbers, for the unit chosen), its class
probabilities and loss, and after the backward pass ∂L/∂p and δ. For the mv-rnn the node's
matrix P is drawn as a heat map; for the rntn the tensor term stands beside the W term, unit by
unit, to see how much of the composition the tensor does."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from .. import presentation
from ..equations import Equation, num
from ..figures import attach_figure_menu
from ..kinds.node_inspector import NodeInspector, columns
from ..plots.style import DIVERGING, plain, symmetric_levels
from ..translation_marks import QT_TRANSLATE_NOOP
from . import equations as eq
from .describe import node_words

BARS = {"W x": "#1f77b4", "xᵀ V x": "#d62728"}


PHRASE_CHARS = 18  # the grid widens its labels' column to show this much of a phrase


class TreeInspector(NodeInspector):
    def __init__(self, session, focus, parent=None):
        super().__init__(session, focus, parent)
        self.figure = pg.GraphicsLayoutWidget()
        presentation.follow(self.figure)
        self.figure.setMinimumHeight(150)
        self.plot = self.figure.addPlot()
        plain(self.plot)
        self.plot.getViewBox().setMouseEnabled(x=False, y=False)
        self.matrix = pg.ImageItem(axisOrder="row-major")
        self.matrix.setColorMap(DIVERGING)
        self.bars = {name: pg.BarGraphItem(x=[], height=[], width=0.38) for name in BARS}
        for name, bar in self.bars.items():
            bar.setOpts(brush=pg.mkBrush(BARS[name]), pen=None)
        self._mode = None
        self.split.addWidget(self.figure)
        self.split.setSizes([260, 200, 170])
        self.figure.hide()
        attach_figure_menu(self.figure, self.plot, "node_figure")

    def draw(self) -> None:
        session = self.session
        stepper = session.stepper
        key = self.focus.key
        if key is None:
            event = stepper.event
            if event.phase == "loss":
                self._loss()
                return
            key = ("node", event.node)
        self._node(key[1])

    def _node(self, n: int) -> None:
        session = self.session
        stepper, trace, example, spec = (
            session.stepper,
            session.trace,
            session.example,
            session.spec,
        )
        flat, row = example.flat, stepper.rows.start + n
        leaf = flat.left[n] < 0
        j = self.set_units(spec.dim)
        forward = bool(stepper.known_forward()[n])
        backward = bool(stepper.known_backward()[n])
        what = self.tr("word") if leaf else self.tr("phrase")
        title = f"{what} {n}: '{node_words(flat, n)}'"
        lines = []
        if not forward:
            state = self.tr("Not computed yet: the forward pass reaches it at event {0}.").format(
                int(stepper.forward_at[n]) + 1
            )
        else:
            lines = eq.compose_equations(session.network, trace, flat, n, j, row)
            label, filled = int(example.labels[n]), bool(example.filled[n])
            lines += eq.classify_equations(
                session.network, trace, session.task.labels, row, label, filled
            )
            if backward:
                lines += eq.backward_equations(trace, flat, n, j, row)
                state = self.tr("Forward and backward pass done here.")
            else:
                state = self.tr("Composed; the backward pass has not reached it yet.")
        pairs = [("p", trace.vectors[row])]
        pieces = {} if leaf else eq.parts(session.network, trace, row)
        if not leaf:
            pairs = [("z", trace.pre_activation[row])] + pairs
            pairs = [
                (name, pieces[name]) for name in ("W x", "W_ab x", "xᵀ V x") if name in pieces
            ] + pairs
        values, names = columns(pairs, forward)
        if trace.has_gradients:
            grads = [("∂L/∂p", trace.grad_vectors[row])]
            if not leaf:
                grads.append(("δ", trace.deltas[row]))
            more, more_names = columns(grads, backward)
            values, names = np.hstack([values, more]), names + more_names
        self.show_node(title, state, lines, (values, names, [str(k) for k in range(spec.dim)]))
        self._figure(row, pieces, forward)

    def _figure(self, row: int, pieces: dict, known: bool) -> None:
        trace = self.session.trace
        if known and trace.matrices is not None:
            self._show_mode("matrix")
            P = np.asarray(trace.matrices[row], dtype=np.float64)
            self.matrix.setImage(P, autoLevels=False, levels=symmetric_levels(P))
            self.matrix.setRect(QRectF(0, 0, P.shape[1], P.shape[0]))
            self.plot.getViewBox().setRange(QRectF(0, 0, P.shape[1], P.shape[0]), padding=0.02)
            self.plot.setTitle(self.tr("the node's matrix P (mv-rnn)"), size="9pt")
        elif known and "xᵀ V x" in pieces:
            self._show_mode("bars")
            units = np.arange(len(pieces["W x"]))
            self.bars["W x"].setOpts(x=units - 0.2, height=pieces["W x"])
            self.bars["xᵀ V x"].setOpts(x=units + 0.2, height=pieces["xᵀ V x"])
            tensor, linear = (float(np.linalg.norm(pieces[k])) for k in ("xᵀ V x", "W x"))
            self.plot.setTitle(
                self.tr("by unit: W term (blue), tensor term (red)<br>‖W x‖ = {0:.3f}, "
                        "‖xᵀ V x‖ = {1:.3f}").format(linear, tensor),
                size="9pt",
            )  # fmt: skip
        else:
            self._show_mode(None)

    def _show_mode(self, mode) -> None:
        if mode == self._mode:
            return
        self.plot.clear()
        if mode == "matrix":
            self.plot.addItem(self.matrix)
            self.plot.invertY(True)
            self.plot.setAspectLocked(True)
        elif mode == "bars":
            self.plot.invertY(False)
            self.plot.setAspectLocked(False)
            for bar in self.bars.values():
                self.plot.addItem(bar)
            self.plot.enableAutoRange()
        self.figure.setVisible(mode is not None)
        self._mode = mode

    def _loss(self) -> None:
        session = self.session
        stepper, trace, example = session.stepper, session.trace, session.example
        self.set_units(None)
        rows = slice(stepper.rows.start, stepper.rows.stop)
        losses = np.asarray(trace.node_losses[rows], dtype=np.float64)[:, None]
        names = [_short(n, node_words(example.flat, n)) for n in range(example.flat.size)]
        line = Equation(
            "L = Σ_n L_n",
            f"= {num(trace.loss)}",
            float(trace.loss),
            QT_TRANSLATE_NOOP("TreeEquations", "the sum over the labelled nodes"),
        )
        self.show_node(
            self.tr("loss L"),
            self.tr("Back-propagation through structure starts from here, at the root."),
            [line],
            (losses, ["L_n"], names),
        )
        self._show_mode(None)


def _short(n: int, words: str, most: int = PHRASE_CHARS) -> str:
    """A grid row's name: the node's number and its words (their start, when many)."""
    return f"{n} {words if len(words) <= most else words[: most - 1] + '…'}"
