"""UnrolledView: the network unrolled over time. Nodes fill in as the forward pass computes them
and redden with the size of dL/dh_t as BPTT reaches them; the current event is outlined in
orange with the edges it uses, and clicking a node selects it for the inspector. A right click on
a hidden node offers interventions (ui.intervention_actions); the ones applied are tagged on their
nodes, the states they moved ringed (ui.diagram.marks) and the loss change is the caption."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QMenu

from ..figures import add_figure_actions
from ..figures import menu as figure_menus
from ..intervention_actions import add_intervention_actions
from ..intervention_text import effect_line
from ..kinds.graph_view import MIN_SCALE, GraphView
from ..plots.known import outputs_known
from ..selection import Selection
from ..task_words import class_names
from .items import GRADIENT_STEPS
from .layout import DX, UnrolledLayout, hidden_key
from .marks import VIOLET, InterventionMarks

DIRECTION_WORDS = ("forward", "reverse")
LONG = 20  # steps beyond which the network keeps a readable size and scrolls
READABLE_SCALE = 0.6


class UnrolledView(GraphView):
    figure_name = "unrolled"  # the file name its right-click menu offers

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.layout_ = None
        self._shape = None
        self._grad_levels = {}
        self._output_text: dict[int, str] = {}
        self._codes: dict = {}  # what each row of nodes showed last: only changes are restyled
        self._marked: tuple = ()  # the nodes last outlined as current and selected
        self.marks = InterventionMarks()
        self.caption.setStyleSheet(f"color: {VIOLET.name()}; font-weight: bold;")
        session.trace_changed.connect(self._trace_changed)
        session.cursor_moved.connect(self._moved)
        session.selection_changed.connect(self.redraw)

    # ----- building ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        super().retranslate()
        if self.session.trace is not None:
            self._label()
            self.redraw()  # the output nodes' class names in the new language
            self.caption.setText(effect_line(self.session))

    def _trace_changed(self) -> None:
        session = self.session
        if session.trace is None:
            return
        spec = session.spec
        shape = (
            spec.cell,
            spec.num_layers,
            spec.bidirectional,
            spec.mode,
            spec.pooling,
            spec.delay if spec.cell == "tdnn" else 0,
            session.trace.steps,
        )
        if shape != self._shape:
            self._build(spec, session.trace.steps)
            self._shape = shape
            self.fit()
        self._label()
        self.redraw()
        self.marks.show(self.nodes, session)
        self.caption.setText(effect_line(session))

    def _build(self, spec, steps: int) -> None:
        layout = UnrolledLayout(spec, steps)
        self.layout_ = layout
        self.add_graph(layout)
        self.marks = InterventionMarks()  # the old marks went with the scene
        font = QFont()
        font.setPointSizeF(9)
        font.setBold(True)
        for y, text in layout.rows:
            label = QGraphicsSimpleTextItem(text)
            label.setFont(font)
            label.setBrush(QColor("#555"))
            box = label.boundingRect()
            label.setPos(-DX * 0.55 - box.width(), y - box.height() / 2)
            self.scene.addItem(label)
        small = QFont()
        small.setPointSizeF(7.5)
        bottom = layout.height
        for t in range(steps):
            number = QGraphicsSimpleTextItem(str(t))
            number.setFont(small)
            number.setBrush(QColor("#888"))
            x = layout.nodes[("input", 0, 0, t)].x
            number.setPos(x - number.boundingRect().width() / 2, bottom + 3)
            self.scene.addItem(number)
        self.set_scene_rect(QRectF(-DX * 1.2, -30, layout.width + DX * 1.4, bottom + 50))

    def _label(self) -> None:
        """Captions and tooltips that depend on the example and the trace."""
        session = self.session
        example, task, trace, spec = session.example, session.task, session.trace, session.spec
        for t, token in enumerate(example.tokens):
            item = self.nodes[("input", 0, 0, t)]
            short = token if len(token) <= 6 else token[:5] + "…"
            item.set_caption(short, "#d62728" if example.unknown[t] else "#202020")
            item.set_look("input", "unknown" if example.unknown[t] else "plain")
            tip = self.tr("x_{0} = '{1}'").format(t, token)
            if example.unknown[t]:
                tip += self.tr(" (not in the vocabulary: read as <unk>)")
            item.setToolTip(tip)
        for (kind, layer, d, t), item in self.nodes.items():
            if kind == "hidden":
                tip = self.tr("h_{0}, layer {1}, {2}").format(t, layer, DIRECTION_WORDS[d])
                item.setToolTip(tip + f"  ('{example.tokens[t]}')")
        outputs = trace.outputs[0] if spec.mode == "seq2seq" else trace.outputs[:1]  # (n, O)
        self._output_text = {}
        for t, row in enumerate(outputs):
            if spec.loss == "cross_entropy" and task.labels:
                text = class_names([task.labels[int(np.argmax(row))]])[0]
            else:
                text = f"{float(row[0]):.2f}"
            self._output_text[t] = text if len(text) <= 5 else text[:4] + "…"
        self._grad_levels = self._gradient_levels(trace)
        self._codes, self._marked = {}, ()  # restyle every node on the next redraw

    def _gradient_levels(self, trace) -> dict:
        """(layer, direction) -> (T,) colour level 0..GRADIENT_STEPS-1 of log ||dL/dh_t||,
        scaled over the whole trace so colours compare across layers and steps."""
        norms = {
            (d.layer, d.direction): np.linalg.norm(d.grad_hidden[0], axis=1)
            for layer in trace.layers
            for d in layer
        }
        logs = {k: np.log10(np.where(v > 0, v, np.nan)) for k, v in norms.items()}
        every = np.concatenate(list(logs.values()))
        every = every[np.isfinite(every)]
        if not every.size:
            return {k: np.zeros(len(v), int) for k, v in norms.items()}
        low, high = every.min(), every.max()
        span = max(high - low, 1e-9)
        return {
            k: np.clip(
                np.nan_to_num((v - low) / span * (GRADIENT_STEPS - 1), nan=0.0),
                0,
                GRADIENT_STEPS - 1,
            )
            .round()
            .astype(int)
            for k, v in logs.items()
        }

    # ----- per event -----------------------------------------------------------------------------
    def _moved(self, _index: int) -> None:
        self.redraw()
        self.show_current()

    def current_key(self):
        if self.session.stepper is None:
            return None
        event = self.session.stepper.event
        if event.phase == "loss":
            return ("loss", 0, 0, -1)
        return hidden_key(event.layer, event.direction, event.position)

    def redraw(self) -> None:
        """Restyle only the nodes whose state changed since the last call (a step changes one
        or two), plus the nodes that were or are current or selected."""
        session = self.session
        if session.trace is None or self.layout_ is None:
            return
        stepper, spec = session.stepper, session.spec
        current, selected = self.current_key(), self._selected_key()
        changed = {key for key in (current, selected, *self._marked) if key in self.nodes}
        for layer in range(spec.num_layers):
            for d in range(spec.num_directions):
                forward = stepper.known_forward(layer, d)
                backward = stepper.known_backward(layer, d)
                code = np.where(backward, 2 + self._grad_levels[(layer, d)], forward.astype(int))
                changed.update(
                    hidden_key(layer, d, int(t)) for t in self._changes((layer, d), code)
                )
        outputs = outputs_known(session.trace, stepper).astype(int)
        changed.update(("output", 0, 0, int(t)) for t in self._changes("output", outputs))
        if self._changes("loss", np.array([int(stepper.loss_known)])).size:
            changed.update(key for key in self.nodes if key[0] == "loss")
        for key in changed:
            brush, pen, caption = self._base_look(key)
            self._show(key, brush, pen, current, selected)
            item = self.nodes[key]
            if caption is not None and item.caption.text() != caption:
                item.set_caption(caption)
        self._marked = (current, selected)
        self.light(current, stepper.event.phase)

    def _changes(self, name, code: np.ndarray) -> np.ndarray:
        """Positions where `code` differs from what `name` showed last time (all at first)."""
        old = self._codes.get(name)
        self._codes[name] = code
        if old is None or old.shape != code.shape:
            return np.arange(len(code))
        return np.flatnonzero(code != old)

    def _base_look(self, key) -> tuple[str, str, str | None]:
        """(fill, outline, caption or None to keep it) of a node, before highlighting."""
        kind, layer, d, t = key
        if kind == "hidden":
            code = int(self._codes[(layer, d)][t])
            if code >= 2:
                return f"grad{code - 2}", "backward", None
            return ("forward", "plain", None) if code else ("future", "future", None)
        if kind == "output":
            if self._codes["output"][t]:
                return "output", "plain", self._output_text.get(t, "")
            return "future", "future", ""
        if kind == "loss":
            if self._codes["loss"][0]:
                return "loss", "plain", f"{self.session.trace.loss:.3g}" if t == -1 else ""
            return "future", "future", ""
        return "input", "unknown" if self.session.example.unknown[t] else "plain", None

    def _show(self, key, brush, pen, current, selected) -> None:
        if key == current:
            pen = "current"
        elif key == selected:
            pen = "selected"
        self.nodes[key].set_look(brush, pen)

    def _selected_key(self):
        s = self.session.selection
        if s.kind == "hidden":
            return hidden_key(s.layer, s.direction, s.position)
        if s.kind == "loss":
            return ("loss", 0, 0, -1)
        if s.kind == "output":
            return ("output", 0, 0, s.position if self.session.spec.mode == "seq2seq" else 0)
        return ("input", 0, 0, s.position)

    # ----- the person's actions ------------------------------------------------------------------
    def clicked(self, key, _modifiers) -> None:
        kind, layer, direction, position = key
        self.session.select(Selection(kind, layer, direction, max(position, 0)))

    def node_menu(self, key) -> QMenu | None:
        """The right-click menu of a node (None: it has none); other actions may be appended."""
        kind, layer, direction, position = key
        if kind != "hidden" or not self.session.offers_interventions:
            return None
        menu = QMenu(self)
        add_intervention_actions(menu, self.session, layer, direction, position)
        return menu

    def context_menu(self, key, position) -> None:
        """A hidden node's interventions, then the figure's actions; elsewhere the figure's."""
        menu = self.node_menu(key)
        if menu is None:
            super().context_menu(key, position)
            return
        menu.addSeparator()
        add_figure_actions(menu, self.scene, self.figure_name, self)
        figure_menus.show_menu(menu, position)

    def minimum_scale(self) -> float:
        """A long sequence keeps a readable size and scrolls."""
        long = self.layout_ is not None and self.layout_.steps > LONG
        return READABLE_SCALE if long else MIN_SCALE
