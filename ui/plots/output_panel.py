"""What the network outputs and what it costs: class probabilities (or regression outputs) and
the per-step loss L_t, blank until the forward pass (or the loss) has reached them."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from ..task_words import class_names
from . import known
from .heatmap import Heatmap
from .panel import PlotPanel
from .style import CURVES, GATE, GATE_LEVELS, label_steps, plain, set_bars, set_curve

TARGET = pg.mkBrush("#ff3030")


class OutputPanel(PlotPanel):
    figure_name = "outputs"  # the file name its right-click menu offers

    def shape_key(self) -> tuple:
        spec = self.session.spec
        return (spec.mode, spec.loss, spec.output_size, self.session.trace.steps)

    @property
    def per_step(self) -> bool:
        return self.session.spec.mode == "seq2seq"

    @property
    def classes(self) -> bool:
        return self.session.spec.loss == "cross_entropy"

    def rebuild(self) -> None:
        spec = self.session.spec
        self.heatmap = None
        self.output_plot = None
        if self.per_step and self.classes:
            self.heatmap = Heatmap(
                self.view.ci, 0, 0, self.tr("p(class) per step"), GATE, GATE_LEVELS
            )
            self.output_plot = self.heatmap.plot
            self.targets = pg.ScatterPlotItem(
                symbol="o", size=7, brush=None, pen=pg.mkPen("#ff3030", width=2)
            )
            self.output_plot.addItem(self.targets)
        else:
            self.output_plot = self.view.ci.addPlot(row=0, col=0, enableMenu=False)
            plain(self.output_plot)
            if self.per_step:  # regression per step: one curve per output
                self.curves = [
                    self.output_plot.plot(
                        pen=pg.mkPen(CURVES[k % len(CURVES)], width=2), connect="finite"
                    )
                    for k in range(spec.output_size)
                ]
                self.targets = pg.ScatterPlotItem(symbol="x", size=8, brush=TARGET, pen=None)
            else:
                self.bars = pg.BarGraphItem(
                    x=np.arange(spec.output_size),
                    height=np.zeros(spec.output_size),
                    width=0.7,
                    brush="#4c78a8",
                )
                self.output_plot.addItem(self.bars)
                self.targets = pg.ScatterPlotItem(symbol="t1", size=12, brush=TARGET, pen=None)
            self.output_plot.addItem(self.targets)
        self.loss_plot = self.view.ci.addPlot(
            row=1, col=0, enableMenu=False, title=self.tr("per-step loss L_t")
        )
        plain(self.loss_plot)
        self.loss_bars = pg.BarGraphItem(
            x=np.arange(self.session.trace.steps),
            height=np.zeros(self.session.trace.steps),
            width=0.7,
            brush="#e45756",
        )
        self.loss_plot.addItem(self.loss_bars)
        self.loss_text = pg.TextItem(anchor=(0, 0), color="k")
        self.loss_plot.addItem(self.loss_text)
        self.view.ci.layout.setRowStretchFactor(0, 3)
        self.view.ci.layout.setRowStretchFactor(1, 2)

    def retrace(self) -> None:
        self._targets_of = None
        session = self.session
        spec, trace, example, task = session.spec, session.trace, session.example, session.task
        labels = example.tokens
        steps = trace.steps
        label_steps(self.loss_plot, labels)
        self.loss_plot.setXRange(-0.5, steps - 0.5, padding=0)
        finite = trace.step_losses[np.isfinite(trace.step_losses)]
        top = float(finite.max()) if finite.size else 1.0
        self.loss_plot.setYRange(0, max(top, 1e-6) * 1.15, padding=0)
        self.loss_text.setPos(-0.4, max(top, 1e-6) * 1.12)
        names = class_names(task.labels or []) or [f"y{k}" for k in range(spec.output_size)]
        if self.heatmap is not None:
            self.heatmap.set_shape(spec.output_size, steps, labels, "")
            label_steps(self.heatmap.plot, names, "left")
        elif self.per_step:
            self.output_plot.setTitle(self.tr("outputs per step (x: target)"))
            label_steps(self.output_plot, labels)
            self.output_plot.setXRange(-0.5, steps - 0.5, padding=0)
        else:
            title = self.tr("p(class)") if self.classes else self.tr("outputs (▲ target)")
            self.output_plot.setTitle(title + (self.tr(", ▲ target") if self.classes else ""))
            label_steps(self.output_plot, names)
            self.output_plot.setXRange(-0.6, spec.output_size - 0.4, padding=0)
            if self.classes:
                self.output_plot.setYRange(0, 1.05, padding=0)
            else:
                values = np.concatenate([trace.outputs.ravel(), np.ravel(example.target)])
                values = values[np.isfinite(values)]
                low, high = min(0.0, values.min()), max(0.0, values.max())
                self.output_plot.setYRange(low, high + 0.1 * (high - low + 1e-9), padding=0)

    def redraw(self) -> None:
        session = self.session
        trace, stepper, target = session.trace, session.stepper, session.example.target
        values = known.outputs(trace, stepper)  # (T, O) or (1, O)
        if self.heatmap is not None:
            self.heatmap.show(values.T, self.cursor_position())
        elif self.per_step:
            for k, curve in enumerate(self.curves):
                set_curve(curve, np.arange(values.shape[0]), values[:, k])
        else:
            set_bars(self.bars, height=values[0])
        if self._targets_of is not target:  # the targets change with the example, not the event
            self._targets_of = target
            self._show_targets(target)
        losses = known.step_losses(trace, stepper)
        set_bars(self.loss_bars, height=losses)
        total = self.tr("L = {0:.4g}").format(trace.loss) if stepper.loss_known else ""
        if total != self.loss_text.textItem.toPlainText():
            self.loss_text.setText(total)

    def _show_targets(self, target) -> None:
        if self.heatmap is not None:
            self.targets.setData(x=np.arange(len(target)), y=target)
        elif self.per_step:
            self.targets.setData(x=np.arange(target.shape[0]), y=target[:, 0])
        elif self.classes:
            self.targets.setData(x=[int(target)], y=[1.02])
        else:
            self.targets.setData(x=np.arange(target.shape[0]), y=target)

    def plot_items(self):
        return {"outputs": self.output_plot, "step_loss": self.loss_plot}
