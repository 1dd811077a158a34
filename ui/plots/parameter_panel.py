"""||dL/dparameter|| for every parameter, log10: from the loss event on, each bar is the sum over
the steps BPTT has reached so far, so it grows step by step to the whole gradient."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from . import known
from .panel import PlotPanel
from .style import plain, safe_log10, set_bars


class ParameterPanel(PlotPanel):
    figure_name = "parameter_gradients"  # the file name its right-click menu offers

    def shape_key(self) -> tuple:
        return tuple(self.session.trace.grads)

    def rebuild(self) -> None:
        names = list(self.session.trace.grads)
        self.names = names
        self.plot = self.view.ci.addPlot(
            enableMenu=False, row=0, col=0, title=self.tr("parameter gradients, log10 ||dL/dW||")
        )
        plain(self.plot)
        self.plot.invertY(True)
        y = np.arange(len(names))
        self.bars = pg.BarGraphItem(
            x0=np.zeros(len(names)), y=y, height=0.7, width=np.zeros(len(names)), brush="#4c78a8"
        )
        self.plot.addItem(self.bars)
        self.plot.getAxis("left").setTicks([[(k, n) for k, n in enumerate(names)], []])
        self.plot.setYRange(-0.6, len(names) - 0.4, padding=0)

    def retrace(self) -> None:
        self.trace_norms = {
            name: float(np.linalg.norm(grad)) for name, grad in self.session.trace.grads.items()
        }
        logs = safe_log10(np.array(list(self.trace_norms.values())))
        finite = logs[np.isfinite(logs)]
        self.floor = float(np.floor(finite.min())) - 1 if finite.size else -8.0
        top = float(np.ceil(finite.max())) if finite.size else 0.0
        self.plot.setXRange(self.floor, max(top, self.floor + 1), padding=0.02)

    def redraw(self) -> None:
        norms = known.parameter_grad_norms(self.session.trace, self.session.stepper)
        logs = safe_log10(np.array([norms[n] for n in self.names]))
        widths = np.clip(logs - self.floor, 0.0, None)  # a sum still below the axis: no bar yet
        set_bars(self.bars, x0=np.full(len(logs), self.floor), width=widths)
        self.norms = norms

    def plot_items(self):
        return {"parameter_gradients": self.plot}
