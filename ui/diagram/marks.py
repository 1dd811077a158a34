"""Interventions drawn on the unrolled network: a violet tag over each node a person set by hand
("f=1", "h=0", "h:=", "c:="), and a dashed violet ring round each hidden node whose state
(h_t or c_t) differs from the run without the interventions, with how far it moved."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSimpleTextItem

from simulator.interventions import ClampGate, ZeroUnit

from ..intervention_text import gate_symbol
from .layout import hidden_key

VIOLET = QColor("#7b2cbf")


def tag(intervention, cell: str) -> str:
    """A few characters for the node: f=1, h=0, h:=, c:=."""
    if isinstance(intervention, ClampGate):
        return f"{gate_symbol(intervention.gate, cell)}={intervention.value:g}"
    if isinstance(intervention, ZeroUnit):
        return "h=0"
    return ("h" if intervention.state == "hidden" else "c") + ":="


def state_change(before, after) -> np.ndarray:
    """(T,) the largest |after - before| of h_t and c_t over the units, first example."""
    change = np.abs(after.hidden[0] - before.hidden[0]).max(axis=1)
    if after.cell_state is not None:
        change = np.maximum(change, np.abs(after.cell_state[0] - before.cell_state[0]).max(axis=1))
    return change


class InterventionMarks:
    def __init__(self):
        self.items: list = []
        self.tags: dict = {}  # node key -> its tag text
        self.moved: dict = {}  # node key -> how far its state moved

    def show(self, nodes: dict, session) -> None:
        """Redraw the marks on the view's `nodes` for the session's effect (none: cleared)."""
        for item in self.items:
            item.setParentItem(None)
            if item.scene() is not None:
                item.scene().removeItem(item)
        self.items, self.tags, self.moved = [], {}, {}
        effect = session.effect
        if effect is None:
            return
        steps = effect.after.steps
        for intervention in effect.after.interventions:
            for t in intervention.steps or range(steps):
                key = hidden_key(intervention.layer, intervention.direction, t)
                text = tag(intervention, session.spec.cell)
                self.tags[key] = f"{self.tags[key]} {text}" if key in self.tags else text
        for layer, (before, after) in enumerate(
            zip(effect.before.layers, effect.after.layers, strict=True)
        ):
            for old, new in zip(before, after, strict=True):
                for t, change in enumerate(state_change(old, new)):
                    if change > 0:
                        self.moved[hidden_key(layer, new.direction, t)] = float(change)
        for key, change in self.moved.items():
            if key in nodes:
                self._ring(nodes[key], change)
        for key, text in self.tags.items():
            if key in nodes:
                self._tag(nodes[key], text)

    def _ring(self, item, change: float) -> None:
        node = item.node
        ring = QGraphicsRectItem(
            QRectF(-node.width / 2 - 4, -node.height / 2 - 4, node.width + 8, node.height + 8),
            item,
        )
        pen = QPen(VIOLET, 1.6, Qt.PenStyle.DashLine)
        ring.setPen(pen)
        ring.setToolTip(
            QCoreApplication.translate(
                "Interventions", "moved by up to {0:.3g} from the run without interventions"
            ).format(change)
        )
        self.items.append(ring)

    def _tag(self, item, text: str) -> None:
        node = item.node
        label = QGraphicsSimpleTextItem(text, item)
        font = QFont()
        font.setPointSizeF(8)
        font.setBold(True)
        label.setFont(font)
        label.setBrush(VIOLET)
        box = label.boundingRect()
        label.setPos(-box.width() / 2, -node.height / 2 - box.height() - 3)
        label.setZValue(5)
        self.items.append(label)
