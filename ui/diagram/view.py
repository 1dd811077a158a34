"""UnrolledView: the network unrolled over time. Nodes fill in as the forward pass computes them
and redden with the size of dL/dh_t as BPTT reaches them; the current event is outlined in
orange with the edges it uses, and clicking a node selects it for the inspector."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..plots.known import outputs_known
from ..selection import Selection
from .items import GRADIENT_STEPS, EdgeItem, NodeItem
from .layout import DX, UnrolledLayout, hidden_key

MIN_SCALE = 0.25
MAX_SCALE = 2.5
DIRECTION_WORDS = ("forward", "reverse")


class _GraphicsView(QGraphicsView):
    def __init__(self, panel):
        super().__init__()
        self.panel = panel
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(QColor("#fbfbfb"))

    def wheelEvent(self, event):
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.panel.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.panel.view_resized()

    def mousePressEvent(self, event):
        item = self.itemAt(event.position().toPoint())
        while item is not None and not isinstance(item, NodeItem):
            item = item.parentItem()
        if isinstance(item, NodeItem) and event.button() == Qt.MouseButton.LeftButton:
            self.panel.clicked(item.node.key)
            event.accept()
            return
        super().mousePressEvent(event)


class UnrolledView(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.scene = QGraphicsScene(self)
        self.view = _GraphicsView(self)
        self.view.setScene(self.scene)
        self.caption = QLabel()
        self.caption.setStyleSheet("color: #444;")
        header = QHBoxLayout()
        header.setContentsMargins(4, 2, 4, 0)
        header.addWidget(self.caption, 1)
        self.zoom_buttons = []
        for slot in (lambda: self.zoom(1 / 1.25), lambda: self.zoom(1.25), self.fit):
            button = QToolButton()
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            header.addWidget(button)
            self.zoom_buttons.append(button)
        self.retranslate()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)
        self.layout_ = None
        self.nodes: dict = {}
        self.edges: list[EdgeItem] = []
        self.incoming: dict = {}
        self.outgoing: dict = {}
        self._lit: list[EdgeItem] = []
        self._shape = None
        self._grad_levels = {}
        self._output_text: dict[int, str] = {}
        self._codes: dict = {}  # what each row of nodes showed last: only changes are restyled
        self._marked: tuple = ()  # the nodes last outlined as current and selected
        self._auto_fit = True  # refit when the view is resized, until the person zooms
        session.trace_changed.connect(self._trace_changed)
        session.cursor_moved.connect(self._moved)
        session.selection_changed.connect(self.redraw)

    # ----- building ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        for button, text, tip in zip(
            self.zoom_buttons,
            ("−", "+", self.tr("Fit")),
            (self.tr("Zoom out (Ctrl+wheel)"), self.tr("Zoom in (Ctrl+wheel)"),
             self.tr("Fit the whole network")),
            strict=True,
        ):  # fmt: skip
            button.setText(text)
            button.setToolTip(tip)
        if self.session.trace is not None:
            self._label()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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

    def _build(self, spec, steps: int) -> None:
        self.scene.clear()
        self._lit = []
        layout = UnrolledLayout(spec, steps)
        self.layout_ = layout
        self.nodes = {key: NodeItem(node) for key, node in layout.nodes.items()}
        for item in self.nodes.values():
            self.scene.addItem(item)
        self.edges, self.incoming, self.outgoing = [], {}, {}
        for edge in layout.edges:
            item = EdgeItem(layout.nodes[edge.source], layout.nodes[edge.target], edge.kind)
            self.scene.addItem(item)
            self.edges.append(item)
            self.incoming.setdefault(edge.target, []).append(item)
            self.outgoing.setdefault(edge.source, []).append(item)
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
        self.scene.setSceneRect(QRectF(-DX * 1.2, -30, layout.width + DX * 1.4, bottom + 50))

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
                text = task.labels[int(np.argmax(row))]
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
        key = self._current_key()
        if key is not None and key in self.nodes:
            self.view.ensureVisible(self.nodes[key], 40, 30)

    def _current_key(self):
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
        current, selected = self._current_key(), self._selected_key()
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
        self._light(current, stepper.event.phase)

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

    def _light(self, current, phase: str) -> None:
        """Light the edges the current event uses: into the node going forward, out of it
        going backward (the gradient arrives along them)."""
        edges = (
            self.outgoing.get(current, [])
            if phase == "backward"
            else self.incoming.get(current, [])
        )
        if edges == self._lit:
            return
        for edge in self._lit:
            edge.set_lit(False)
        for edge in edges:
            edge.set_lit(True)
        self._lit = list(edges)

    # ----- the person's actions ------------------------------------------------------------------
    def clicked(self, key) -> None:
        kind, layer, direction, position = key
        self.session.select(Selection(kind, layer, direction, max(position, 0)))

    def view_resized(self) -> None:
        if self._auto_fit:
            self.fit()

    def zoom(self, factor: float) -> None:
        self._auto_fit = False
        scale = self.view.transform().m11()
        factor = min(max(scale * factor, MIN_SCALE), MAX_SCALE) / scale
        self.view.scale(factor, factor)

    def fit(self) -> None:
        """Fit the network in the view; a long sequence keeps a readable size and scrolls."""
        self._auto_fit = True
        if self.layout_ is None:
            return
        rect = self.scene.sceneRect()
        viewport = self.view.viewport().size()
        scale = min(viewport.width() / rect.width(), viewport.height() / rect.height())
        scale = min(max(scale, 0.6 if self.layout_.steps > 20 else MIN_SCALE), 1.4)
        self.view.resetTransform()
        self.view.scale(scale, scale)
        key = self._current_key() if self.session.stepper is not None else None
        if key in self.nodes:
            self.view.centerOn(self.nodes[key])

    def node_look(self, key) -> tuple[str, str]:
        """(fill, outline) of a node, for tests."""
        return self.nodes[key].look
