"""EncoderDecoderDiagram: the encoder-decoder unrolled over the source and the target. Nodes fill in
as the forward pass computes them and redden with the size of their gradient as the backward
pass reaches them; the current event is outlined in orange with the edges it uses, and at a
decoder step the attention's weights α_tn are drawn as lines from the source positions to the
context c_t, thicker where the decoder looks. Click a node to inspect it."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsSimpleTextItem

from ..diagram.items import GRADIENT_STEPS
from ..kinds.graph_view import GraphView
from . import known
from .layout import DX, NODE_H, EncoderDecoderLayout

ATTENTION = QColor("#ff8c00")
DIRECTIONS = ("→", "←")


def _short(text: str, width: int = 6) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class EncoderDecoderDiagram(GraphView):
    figure_name = "encoder_decoder"  # the file name its right-click menu offers

    def __init__(self, session, focus, parent=None):
        super().__init__(session, parent)
        self.focus = focus
        self.layout_ = None
        self._shape = None
        self.lines: list[QGraphicsLineItem] = []  # attention α_tn, one per source position
        self._levels: dict = {}
        self.attention_step = None  # the step whose α the lines show
        session.trace_changed.connect(self._trace_changed)
        session.cursor_moved.connect(self._moved)
        focus.changed.connect(self.redraw)

    # ----- building ------------------------------------------------------------------------------
    def _trace_changed(self) -> None:
        session = self.session
        if session.trace is None:
            return
        stepper = session.stepper
        shape = (session.spec, stepper.source_length, stepper.target_length)
        if shape != self._shape:
            self._build(*shape)
            self._shape = shape
            self.fit()
        self._label()
        self.redraw()

    def _build(self, spec, S: int, T: int) -> None:
        layout = EncoderDecoderLayout(spec, S, T)
        self.layout_ = layout
        self.add_graph(layout)
        self.lines = []
        for _n in range(S if spec.attends else 0):
            line = QGraphicsLineItem()
            line.setZValue(0.8)
            line.hide()
            self.scene.addItem(line)
            self.lines.append(line)
        font = QFont()
        font.setPointSizeF(9)
        font.setBold(True)
        bottom = max(node.y for node in layout.nodes.values())
        for x, text in ((0, self.tr("encoder")), (layout.decoder_x(0), self.tr("decoder"))):
            label = QGraphicsSimpleTextItem(text)
            label.setFont(font)
            label.setBrush(QColor("#555"))
            label.setPos(x - DX / 2, bottom + NODE_H)
            self.scene.addItem(label)
        right = max(node.x for node in layout.nodes.values())
        top = min(node.y for node in layout.nodes.values())
        self.set_scene_rect(QRectF(-DX, top - 30, right + 2 * DX, bottom - top + 80))

    def _label(self) -> None:
        """Captions and tooltips that depend on the example and the trace."""
        session = self.session
        example, trace, spec = session.example, session.trace, session.spec
        for n, token in enumerate(example.source_tokens):
            item = self.nodes[("source", n)]
            bad = example.source_unknown[n]
            item.set_caption(_short(token), "#d62728" if bad else "#202020")
            item.set_look("input", "unknown" if bad else "plain")
            tip = self.tr("x_{0} = '{1}'").format(n, token)
            item.setToolTip(
                tip + (self.tr(" (not in the vocabulary: read as <unk>)") if bad else "")
            )
        for t, token in enumerate(example.decoder_tokens):
            item = self.nodes[("reads", t)]
            item.set_caption(_short(token))
            item.set_look("input", "plain")
            item.setToolTip(self.tr("decoder input at step {0}: '{1}'").format(t, token))
        for key, item in self.nodes.items():
            if key[0] == "encoder":
                _, layer, d, n = key
                arrow = f" {DIRECTIONS[d]}" if spec.bidirectional else ""
                item.setToolTip(
                    self.tr("encoder h_{0}, layer {1}{2} ('{3}')").format(
                        n, layer, arrow, example.source_tokens[n]
                    )
                )
            elif key[0] == "decoder":
                _, layer, t = key
                item.setToolTip(
                    self.tr("decoder s_{0}, layer {1}: reads '{2}'").format(
                        t, layer, example.decoder_tokens[t]
                    )
                )
            elif key[0] == "attention":
                item.set_caption(f"c{key[1]}")
                item.setToolTip(
                    self.tr("attention at step {0}: α = softmax(s(x_n, q)), c = Σ α_n x_n").format(
                        key[1]
                    )
                )
            elif key[0] == "bridge":
                item.set_caption("s₀")
                item.setToolTip(self.tr("bridge: the decoder's initial state"))
        self._predicted = trace.predictions()[0]
        self._levels = self._gradient_levels(trace)
        for item in self.nodes.values():
            item._look = (None, None)  # restyle everything on the next redraw

    def _gradient_levels(self, trace) -> dict:
        """part -> colour levels 0..GRADIENT_STEPS-1 of log ||gradient||, scaled over the whole
        trace so colours compare across the encoder and the decoder."""
        norms = known.gradient_norms(trace)
        if not norms:
            return {}
        logs = {k: np.log10(np.where(v > 0, v, np.nan)) for k, v in norms.items()}
        every = np.concatenate([v.ravel() for v in logs.values()])
        every = every[np.isfinite(every)]
        low, high = (every.min(), every.max()) if every.size else (0.0, 1.0)
        span = max(high - low, 1e-9)
        return {
            k: np.clip(
                np.nan_to_num((v - low) / span * (GRADIENT_STEPS - 1)), 0, GRADIENT_STEPS - 1
            )
            .round()
            .astype(int)
            for k, v in logs.items()
        }

    # ----- per event -----------------------------------------------------------------------------
    def current_key(self):
        stepper = self.session.stepper
        if stepper is None:
            return None
        return known.event_key(stepper.event)

    def _moved(self, _index: int) -> None:
        self.redraw()
        self.show_current()

    def redraw(self) -> None:
        session = self.session
        if session.trace is None or self.layout_ is None:
            return
        stepper, trace = session.stepper, session.trace
        current, focused = self.current_key(), self.focus.key
        outputs = known.outputs_known(trace, stepper)
        for key, item in self.nodes.items():
            brush, pen, caption = self._look(key, stepper, outputs, trace)
            if key == current:
                pen = "current"
            elif key == focused:
                pen = "selected"
            item.set_look(brush, pen)
            if caption is not None and item.caption.text() != caption[0]:
                item.set_caption(*caption)
        self.light(current, stepper.event.phase)
        self._draw_attention(focused or current)

    def _look(self, key, stepper, outputs, trace):
        """(fill, outline, (caption, colour) or None) of a node."""
        part = key[0]
        if part in ("source", "reads"):
            bad = part == "source" and self.session.example.source_unknown[key[1]]
            return "input", "unknown" if bad else "plain", None
        if part == "output":
            t = key[1]
            if not outputs[t]:
                return "future", "future", ("", "#202020")
            target = int(trace.targets[0, t])
            guess = int(self._predicted[t])
            token = self.session.task.target_vocabulary.tokens[guess]
            return "output", "plain", (_short(token), "#202020" if guess == target else "#d62728")
        if part == "loss":
            if stepper.loss_known:
                return "loss", "plain", (f"{trace.loss:.3g}", "#202020")
            return "future", "future", ("", "#202020")
        index = {
            "encoder": lambda: key[1:],
            "decoder": lambda: key[1:],
            "attention": lambda: key[1:],
            "bridge": lambda: (),
        }[part]()
        state = known.node_state(stepper, part, *index)
        if state == "backward":
            levels = self._levels.get(part)
            level = int(levels[index]) if levels is not None else GRADIENT_STEPS // 2
            return f"grad{level}", "backward", None
        if state == "forward":
            return "forward", "plain", None
        return "future", "future", None

    def _draw_attention(self, key) -> None:
        """Lines from each source position to c_t, for the decoder step in focus."""
        if not self.lines:
            return
        stepper = self.session.stepper
        step = key[-1] if key is not None and key[0] in ("decoder", "attention", "output") else None
        if step is not None and not stepper.known_attention()[step]:
            step = None
        self.attention_step = step
        if step is None:
            for line in self.lines:
                line.hide()
            return
        weights = self.session.trace.attention.weights[0, step]
        target = self.layout_.nodes[("attention", step)]
        for n, line in enumerate(self.lines):
            source = self.layout_.nodes[self.layout_.memory_keys(n)[0]]
            alpha = float(weights[n])
            colour = QColor(ATTENTION)
            colour.setAlphaF(min(1.0, 0.15 + 0.85 * alpha))
            line.setPen(QPen(colour, 0.5 + 7 * alpha))
            line.setLine(QLineF(source.x, source.y, target.x, target.y))
            line.setToolTip(f"α[{step}, {n}] = {alpha:.3f}")
            line.show()

    # ----- the person's actions ------------------------------------------------------------------
    def clicked(self, key, _modifiers) -> None:
        self.focus.set(key)

    def minimum_scale(self) -> float:
        return 0.45 if self._shape and self._shape[1] + self._shape[2] > 30 else 0.2

    def retranslate(self) -> None:
        super().retranslate()
        if self.session.trace is not None:
            self._shape = None
            self._trace_changed()
