"""The gates of the focused layer and direction, units x time: LSTM i, f, o, candidate and cell
state; GRU r, z and candidate; for a simple RNN or TDNN, the pre-activation z_t."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from ..translation_marks import QT_TRANSLATE_NOOP  # titles: translated where drawn
from . import known
from .heatmap import Heatmap
from .panel import PlotPanel
from .style import DIVERGING, GATE, GATE_LEVELS, TANH_LEVELS, symmetric_levels

# name -> (title, colour map, fixed levels or None for the trace's own symmetric range)
SHOWN = {
    "i": (QT_TRANSLATE_NOOP("GatesPanel", "input gate i_t"), GATE, GATE_LEVELS),
    "f": (QT_TRANSLATE_NOOP("GatesPanel", "forget gate f_t"), GATE, GATE_LEVELS),
    "o": (QT_TRANSLATE_NOOP("GatesPanel", "output gate o_t"), GATE, GATE_LEVELS),
    "r": (QT_TRANSLATE_NOOP("GatesPanel", "reset gate r_t"), GATE, GATE_LEVELS),
    "z": (QT_TRANSLATE_NOOP("GatesPanel", "update gate z_t"), GATE, GATE_LEVELS),
    "candidate": (QT_TRANSLATE_NOOP("GatesPanel", "candidate"), DIVERGING, TANH_LEVELS),
    "cell": (QT_TRANSLATE_NOOP("GatesPanel", "cell state c_t"), DIVERGING, None),
    "pre_activation": (
        QT_TRANSLATE_NOOP("GatesPanel", "pre-activation z_t (no gates)"),
        DIVERGING,
        None,
    ),
}
ORDER = {
    "lstm": ("i", "f", "o", "candidate", "cell"),
    "gru": ("r", "z", "candidate"),
    "rnn": ("pre_activation",),
    "tdnn": ("pre_activation",),
}
COLUMNS = 2
GATES = QT_TRANSLATE_NOOP("GatesPanel", "gates")
BAR_GROUP = {
    "i": GATES,
    "f": GATES,
    "o": GATES,
    "r": GATES,
    "z": GATES,
    "candidate": QT_TRANSLATE_NOOP("GatesPanel", "candidate"),
    "cell": QT_TRANSLATE_NOOP("GatesPanel", "cell state"),
    "pre_activation": "z_t",
}


class GatesPanel(PlotPanel):
    figure_name = "gates"  # the file name its right-click menu offers

    def shape_key(self) -> tuple:
        spec = self.session.spec
        return (spec.cell, spec.hidden_size, self.session.trace.steps)

    def rebuild(self) -> None:
        names = ORDER[self.session.spec.cell]
        columns = COLUMNS if len(names) > 1 else 1
        self.heatmaps = {}
        for k, name in enumerate(names):
            title, colormap, levels = SHOWN[name]
            row, col = divmod(k, columns)
            self.heatmaps[name] = Heatmap(
                self.view.ci, row, col, self.tr(title), colormap, levels or TANH_LEVELS, bar=False
            )
        # one colour bar per scale, shared by the maps that use it
        groups = {}
        for name in names:
            groups.setdefault(BAR_GROUP[name], []).append(name)
        for row, (group, members) in enumerate(groups.items()):
            _title, colormap, levels = SHOWN[members[0]]
            bar = pg.ColorBarItem(
                values=levels or TANH_LEVELS,
                colorMap=colormap,
                interactive=False,
                width=10,
                label=self.tr(group),
            )
            self.view.ci.addItem(bar, row=row, col=columns)
            bar.setImageItem([self.heatmaps[n].image for n in members])
            for n in members:
                self.heatmaps[n].bar = bar

    def retrace(self) -> None:
        session = self.session
        trace = session.trace
        for name, heatmap in self.heatmaps.items():
            levels = SHOWN[name][2]
            if levels is None:
                every = [self._raw(d, name) for layer in trace.layers for d in layer]
                levels = symmetric_levels(np.concatenate([a.ravel() for a in every]))
            heatmap.set_levels(levels)
            heatmap.set_shape(session.spec.hidden_size, trace.steps, session.example.tokens)

    @staticmethod
    def _raw(direction_trace, name):
        if name == "cell":
            return direction_trace.cell_state
        return direction_trace.pre_activation

    def redraw(self) -> None:
        session = self.session
        layer, direction = session.focus
        values = known.gates(session.trace, session.stepper, layer, direction)
        cursor = self.cursor_position()
        for name, heatmap in self.heatmaps.items():
            heatmap.show(values[name], cursor)
        self.tell(self.tr("Gates of {0}").format(self.focus_text()))

    def plot_items(self):
        return {f"gate_{name}": h.plot for name, h in self.heatmaps.items()}
