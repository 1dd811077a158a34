"""The graphics items of the unrolled network: rounded nodes with a caption, arrowed edges."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsSimpleTextItem

from .layout import Node

CURSOR = QColor("#ff8c00")

BRUSHES = {
    "future": QBrush(QColor("#ffffff")),
    "input": QBrush(QColor("#f3f3f3")),
    "forward": QBrush(QColor("#cfe2ff")),
    "output": QBrush(QColor("#dff0d8")),
    "loss": QBrush(QColor("#ffe0b2")),
}
# Backward-known nodes: pale to deep red with the size of the gradient (log scale).
GRADIENT_STEPS = 8
for level in range(GRADIENT_STEPS):
    share = level / (GRADIENT_STEPS - 1)
    pale, deep = QColor("#fde0dd"), QColor("#cb181d")
    BRUSHES[f"grad{level}"] = QBrush(
        QColor(
            round(pale.red() + share * (deep.red() - pale.red())),
            round(pale.green() + share * (deep.green() - pale.green())),
            round(pale.blue() + share * (deep.blue() - pale.blue())),
        )
    )


def _pen(colour: str, width: float, style=Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour), width, style)
    pen.setCosmetic(False)
    return pen


PENS = {
    "future": _pen("#b0b0b0", 1.2, Qt.PenStyle.DashLine),
    "plain": _pen("#5a6f8c", 1.2),
    "unknown": _pen("#d62728", 2.0),
    "backward": _pen("#99000d", 1.4),
    "current": QPen(CURSOR, 4.0),
    "selected": _pen("#000000", 2.6),
}
EDGE_PEN = _pen("#9aa5b4", 1.0)
EDGE_LIT = QPen(CURSOR, 2.4)


class NodeItem(QGraphicsPathItem):
    def __init__(self, node: Node, caption: str = "", tooltip: str = ""):
        super().__init__()
        self.node = node
        path = QPainterPath()
        path.addRoundedRect(
            QRectF(-node.width / 2, -node.height / 2, node.width, node.height), 7, 7
        )
        self.setPath(path)
        self.setPos(node.x, node.y)
        self.setZValue(2)
        self.caption = QGraphicsSimpleTextItem(self)
        font = QFont()
        font.setPointSizeF(8.5)
        self.caption.setFont(font)
        self.set_caption(caption)
        if tooltip:
            self.setToolTip(tooltip)
        self._look = (None, None)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_caption(self, text: str, colour: str = "#202020") -> None:
        self.caption.setText(text)
        self.caption.setBrush(QColor(colour))
        box = self.caption.boundingRect()
        self.caption.setPos(-box.width() / 2, -box.height() / 2)

    def set_look(self, brush: str, pen: str) -> None:
        """Change the fill and outline (only when they differ: this runs on every step)."""
        if self._look == (brush, pen):
            return
        if self._look[0] != brush:
            self.setBrush(BRUSHES[brush])
        if self._look[1] != pen:
            self.setPen(PENS[pen])
        self._look = (brush, pen)

    @property
    def look(self) -> tuple[str, str]:
        return self._look


class EdgeItem(QGraphicsPathItem):
    def __init__(self, source: Node, target: Node, kind: str):
        super().__init__()
        self.kind = kind
        self.setZValue(1 if kind != "window" else 0.5)
        start, end = _border(source, target), _border(target, source)
        path = QPainterPath(start)
        path.lineTo(end)
        dx, dy = end.x() - start.x(), end.y() - start.y()
        length = math.hypot(dx, dy) or 1.0
        ux, uy = dx / length, dy / length
        size = 6.0
        left = QPointF(end.x() - size * ux + size * 0.5 * uy, end.y() - size * uy - size * 0.5 * ux)
        right = QPointF(
            end.x() - size * ux - size * 0.5 * uy, end.y() - size * uy + size * 0.5 * ux
        )
        path.moveTo(end)
        path.lineTo(left)
        path.lineTo(right)
        path.closeSubpath()
        self.setPath(path)
        self.lit = None
        self.set_lit(False)

    def set_lit(self, lit: bool) -> None:
        if lit == self.lit:
            return
        pen = EDGE_LIT if lit else EDGE_PEN
        if self.kind == "window" and not lit:
            pen = QPen(pen)
            pen.setStyle(Qt.PenStyle.DotLine)
        self.setPen(pen)
        self.setBrush(QBrush(pen.color()))
        self.setZValue(3 if lit else (1 if self.kind != "window" else 0.5))
        self.lit = lit


def _border(node: Node, towards: Node) -> QPointF:
    """Where the line from `node`'s centre towards `towards` leaves `node`'s box."""
    dx, dy = towards.x - node.x, towards.y - node.y
    if dx == 0 and dy == 0:
        return QPointF(node.x, node.y)
    sx = (node.width / 2) / abs(dx) if dx else math.inf
    sy = (node.height / 2) / abs(dy) if dy else math.inf
    s = min(sx, sy)
    return QPointF(node.x + dx * s, node.y + dy * s)
