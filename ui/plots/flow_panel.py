"""The gradient-flow matrix G[t, k] = ||dL_t/dh_k|| of the focused layer and direction, and its
decay with the distance t - k against the notes' gamma^(t-k), with the top singular value of
the recurrent matrix compared to 1/gamma.

G needs one backward pass per step, so for longer sequences it is computed in a worker thread
while a progress bar runs; columns appear as BPTT reaches them.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar

from ..worker import Worker
from . import known
from .heatmap import Heatmap
from .panel import PlotPanel
from .style import GRADIENT, label_steps, log_axis, log_levels, plain, safe_log10, set_curve

SYNC_STEPS = 12  # shorter sequences are computed at once, in the GUI thread


class FlowPanel(PlotPanel):
    figure_name = "gradient_flow"  # the file name its right-click menu offers

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.progress = QProgressBar()
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("computing G[t, k]: %v of %m rows"))
        self.progress.hide()
        self.layout().insertWidget(1, self.progress)
        self.flow = None  # GradientFlow of (trace, layer, direction) in self._flow_key
        self._flow_key = None
        self._flows = {}  # every G computed for this trace, by key
        self._worker = None
        self._progress_shown = 0.0

    def shape_key(self) -> tuple:
        return (self.session.trace.steps,)

    def rebuild(self) -> None:
        self.heatmap = Heatmap(
            self.view.ci,
            0,
            0,
            self.tr("log10 G[t, k] = log10 ||dL_t/dh_k||"),
            GRADIENT,
            (-6.0, 0.0),
        )
        self.heatmap.plot.setLabel("left", self.tr("loss at t"))
        self.heatmap.plot.setLabel("bottom", self.tr("hidden state k"))
        self.decay = self.view.ci.addPlot(
            row=1, col=0, enableMenu=False, title=self.tr("decay: G[t, t-d] / G[t, t]")
        )
        plain(self.decay)
        self.decay.setLabel("bottom", self.tr("distance d = t - k (steps back)"))
        self.decay.addLegend(offset=(-5, 5), labelTextSize="8pt")
        marks = {"symbol": "o", "symbolSize": 4} if self.session.trace.steps <= 40 else {}
        self.decay_curve = self.decay.plot(
            pen=pg.mkPen("#1f77b4", width=2), connect="finite", name=self.tr("measured"), **marks
        )
        self.bound_curve = self.decay.plot(
            pen=pg.mkPen("#d62728", width=1.5, style=Qt.PenStyle.DashLine),
            name=self.tr("(σ_max·γ)^d"),
        )
        self.verdict = ""
        self._bound_drawn = None  # the GradientFlow whose bound and range are drawn
        self.view.ci.layout.setRowStretchFactor(0, 3)
        self.view.ci.layout.setRowStretchFactor(1, 2)

    def retrace(self) -> None:
        session = self.session
        steps = session.trace.steps
        labels = session.example.tokens
        self.heatmap.set_shape(steps, steps, labels)
        label_steps(self.heatmap.plot, labels, "left")
        self.decay.setXRange(0, max(steps - 1, 1), padding=0.02)
        self.flow, self._flow_key, self._flows = None, None, {}
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None
            self.progress.hide()

    # ----- computing -------------------------------------------------------------------------
    def _key(self):
        return (id(self.session.trace), *self.session.focus)

    def _start(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None
        session = self.session
        if session.trace is None or not session.trace.has_gradients:
            return
        from simulator.gradient_flow import gradient_flow

        network, trace, key = session.network, session.trace, self._key()
        layer, direction = session.focus

        def compute(report):
            return gradient_flow(network, trace, layer, direction, progress=report)

        self._flow_key = key
        if key in self._flows:
            self._finished(key, self._flows[key], draw=False)
            return
        if trace.steps <= SYNC_STEPS:
            self._finished(key, compute(lambda done, total: True), draw=False)
            return
        worker = Worker(compute, self)
        worker.progress.connect(self._progress)
        worker.done.connect(lambda flow, key=key: self._finished(key, flow))
        worker.failed.connect(lambda message: self.tell(message))
        self.progress.setRange(0, trace.steps)
        self.progress.setValue(0)
        self.progress.show()
        self._worker = worker
        worker.start()

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()  # a repaint per row would cost more than the row
        if done < total and now - self._progress_shown < 0.1:
            return
        self._progress_shown = now
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _finished(self, key, flow, draw: bool = True) -> None:
        if key != self._flow_key:
            return
        self._worker = None
        self.progress.hide()
        self.flow = self._flows[key] = flow
        self.heatmap.set_levels(log_levels(flow.matrix))
        if draw and self.session.trace is not None:
            self.redraw()

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None

    @property
    def computing(self) -> bool:
        return self._worker is not None

    # ----- drawing ---------------------------------------------------------------------------
    def redraw(self) -> None:
        session = self.session
        # G is computed when it can first be shown (at the loss), for the layer in focus
        if self._key() != self._flow_key and session.stepper.loss_known:
            self.flow = None
            self._start()
        if self._key() != self._flow_key:
            self.flow = None
        layer, direction = session.focus
        if self.flow is None:
            self.heatmap.show(np.full((session.trace.steps,) * 2, np.nan), None)
            self.decay_curve.setData([], [])
            self.bound_curve.setData([], [])
            self._bound_drawn = None
            self.verdict = ""
            return
        flow = self.flow
        shown = known.flow_matrix(flow.matrix, session.stepper, layer, direction)
        event = session.stepper.event
        at = (
            event.position
            if event.phase == "backward" and (event.layer, event.direction) == (layer, direction)
            else None
        )
        self.heatmap.show(safe_log10(shown), at)
        from simulator.gradient_flow import decay  # loaded with the flow it draws

        distances, ratio = decay(shown, direction)
        set_curve(self.decay_curve, distances, safe_log10(ratio))  # log10, linear axis
        self._draw_bound(flow, distances)
        note = ""
        if session.spec.mode == "seq2class" and session.spec.pooling == "last":
            note = self.tr(" One loss, at the last step: G has one row.")
        self.tell(self.tr("Gradient flow, {0}. {1}").format(self.focus_text(), self.verdict) + note)

    def _draw_bound(self, flow, distances) -> None:
        """The bound (σ_max·γ)^d and the plot's range: once per G (they do not move with the
        stepper); the verdict in words on every redraw (the language may have changed)."""
        sigma = flow.top_singular_value
        if self._bound_drawn is not flow:
            self._bound_drawn = flow
            if sigma is None:
                self.bound_curve.setData([], [])
            else:
                # log10 of (sigma gamma)^d, in log space: the power overflows for large d
                log_rate = safe_log10(np.array([sigma * flow.gamma]))[0]
                self.bound_curve.setData(distances, distances * log_rate)
            # the range fits the whole curve, so it stays put while BPTT reveals it
            whole = flow.decay()[1]
            whole = whole[np.isfinite(whole) & (whole > 0)]
            low = min(float(np.log10(whole.min())) if whole.size else -6.0, -1.0) - 0.3
            self.decay.setYRange(low, 0.5, padding=0)
            log_axis(self.decay, low, 0.5)
        if sigma is None:  # tdnn: no recurrent matrix
            self.verdict = self.tr(
                "TDNN: no recurrent matrix, the gradient reaches only `delay` steps back per layer"
            )
        elif sigma < flow.threshold:
            self.verdict = self.tr(
                "σ_max(U) = {0:.3f} < 1/γ = {1:.2f}: gradients must vanish."
            ).format(sigma, flow.threshold)
        else:
            self.verdict = self.tr(
                "σ_max(U) = {0:.3f} ≥ 1/γ = {1:.2f}: gradients can explode (not certain)."
            ).format(sigma, flow.threshold)

    def plot_items(self):
        return {"gradient_flow": self.heatmap.plot, "gradient_decay": self.decay}
