"""The hidden state h_t of the focused layer and direction, units x time."""

from __future__ import annotations

import numpy as np

from . import known
from .heatmap import Heatmap
from .panel import PlotPanel
from .style import DIVERGING, TANH_LEVELS, hidden_levels


class HiddenStatePanel(PlotPanel):
    figure_name = "hidden_state"  # the file name its right-click menu offers

    def shape_key(self) -> tuple:
        return (self.session.spec.hidden_size, self.session.trace.steps)

    def rebuild(self) -> None:
        self.heatmap = Heatmap(self.view.ci, 0, 0, "", DIVERGING, TANH_LEVELS)
        self._title = None

    def retrace(self) -> None:
        trace, spec = self.session.trace, self.session.spec
        values = [d.hidden for layer in trace.layers for d in layer]
        self.heatmap.set_levels(hidden_levels(spec, np.concatenate([v.ravel() for v in values])))
        self.heatmap.set_shape(
            spec.hidden_size, trace.steps, self.session.example.tokens, self.tr("unit")
        )
        self._title = None

    def redraw(self) -> None:
        session = self.session
        layer, direction = session.focus
        title = self.tr("hidden state h_t, {0}").format(self.focus_text())
        if title != self._title:
            self.heatmap.plot.setTitle(title)
            self._title = title
        values = known.hidden(session.trace, session.stepper, layer, direction)
        self.heatmap.show(values, self.cursor_position())

    def plot_items(self):
        return {"hidden_state": self.heatmap.plot}
