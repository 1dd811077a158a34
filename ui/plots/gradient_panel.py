"""||dL/dh_t|| along time for every layer and direction (and ||dL/dc_t|| for an LSTM), on a log
scale, filled in as back-propagation through time walks back. While interventions are applied
(ui.session), the same norms of the run without them are drawn faint beside the new ones."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from . import known
from .panel import DIRECTION_ARROWS, PlotPanel
from .step_cursor import StepCursor
from .style import CURVES, label_steps, log_axis, plain, safe_log10, set_curve


class GradientPanel(PlotPanel):
    figure_name = "gradient_norms"  # the file name its right-click menu offers

    def shape_key(self) -> tuple:
        spec = self.session.spec
        return (spec.cell, spec.num_layers, spec.num_directions, self.session.trace.steps)

    def rebuild(self) -> None:
        spec = self.session.spec
        self.plot = self.view.ci.addPlot(
            row=0, col=0, enableMenu=False, title=self.tr("gradient norms along time")
        )
        plain(self.plot)
        self.plot.setLabel("left", "||dL/dh_t||")
        self.plot.addLegend(offset=(-5, 5), labelTextSize="8pt")
        self.curves, self.before_curves = {}, {}
        colour = 0
        for layer in range(spec.num_layers):
            for d in range(spec.num_directions):
                name = self.tr("h, layer {0}").format(layer)
                if spec.bidirectional:
                    name += " " + DIRECTION_ARROWS[d]
                pen = pg.mkPen(CURVES[colour % len(CURVES)], width=2)
                marks = {}  # a dot per step while they can be told apart (and are cheap)
                if self.session.trace.steps <= 40:
                    marks = {
                        "symbol": "o",
                        "symbolSize": 4,
                        "symbolBrush": pen.color(),
                        "symbolPen": None,
                    }
                self.curves[("h", layer, d)] = self.plot.plot(
                    name=name, pen=pen, connect="finite", **marks
                )
                if spec.cell == "lstm":
                    pen = pg.mkPen(
                        CURVES[colour % len(CURVES)], width=1.5, style=Qt.PenStyle.DashLine
                    )
                    self.curves[("c", layer, d)] = self.plot.plot(
                        name=name.replace("h", "c", 1), pen=pen, connect="finite"
                    )
                for key in [k for k in self.curves if k[1:] == (layer, d)]:
                    faint = QColor(CURVES[colour % len(CURVES)])
                    faint.setAlpha(90)
                    style = Qt.PenStyle.SolidLine if key[0] == "h" else Qt.PenStyle.DashLine
                    pen = pg.mkPen(faint, width=1.2, style=style)
                    self.before_curves[key] = self.plot.plot(pen=pen, connect="finite")
                colour += 1
        self.before_named = False  # the faint curves' legend entry, while there are some
        self.cursor = StepCursor(self.plot)

    def retrace(self) -> None:
        session = self.session
        steps = session.trace.steps
        label_steps(self.plot, session.example.tokens)
        self.plot.setXRange(-0.5, steps - 0.5, padding=0)
        every = []
        effect = session.effect
        traces = [session.trace] if effect is None else [effect.before, effect.after]
        for trace in traces:
            for layer in trace.layers:
                for d in layer:
                    every.append(np.linalg.norm(d.grad_hidden[0], axis=1))
                    if d.grad_cell is not None:
                        every.append(np.linalg.norm(d.grad_cell[0], axis=1))
        self._name_before(effect is not None)
        values = np.concatenate(every)
        values = values[np.isfinite(values) & (values > 0)]
        if values.size:  # a fixed range for the whole trace, log10 units
            low, high = np.log10(values.min()), np.log10(values.max())
            self.plot.setYRange(low - 0.2, high + 0.2, padding=0)
            self.cursor.set_span(low - 0.2, high + 0.2)
            log_axis(self.plot, low - 0.2, high + 0.2)

    def redraw(self) -> None:
        session = self.session
        trace, stepper = session.trace, session.stepper
        x = np.arange(trace.steps)
        for (kind, layer, d), curve in self.curves.items():
            if kind == "h":
                y = known.grad_hidden_norm(trace, stepper, layer, d)
            else:
                y = known.grad_cell_norm(trace, stepper, layer, d)
            set_curve(curve, x, safe_log10(y))  # drawn as log10 on a linear axis
        before = None if session.effect is None else session.effect.before
        for (kind, layer, d), curve in self.before_curves.items():
            y = np.full(trace.steps, np.nan)
            if before is not None and kind == "h":
                y = known.grad_hidden_norm(before, stepper, layer, d)
            elif before is not None:
                y = known.grad_cell_norm(before, stepper, layer, d)
            set_curve(curve, x, safe_log10(y))
        event = stepper.event
        self.cursor.move_to(event.position if event.phase == "backward" else None)
        if stepper.phase == "forward":
            self.tell(self.tr("Gradients appear during the backward pass (after the loss)."))
        else:
            self.tell("")

    def _name_before(self, shown: bool) -> None:
        if shown == self.before_named or not self.before_curves:
            return
        first = next(iter(self.before_curves.values()))
        if shown:
            self.plot.legend.addItem(first, self.tr("without interventions"))
        else:
            self.plot.legend.removeItem(first)
        self.before_named = shown

    def plot_items(self):
        return {"grad_hidden": self.plot}
