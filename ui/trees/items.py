"""The graphics items of a parse tree: round nodes filled with their predicted class's colour,
a small dot for the label the node is trained towards, the words under the leaves, a node's
syntactic category at its left (NP, VP: a treebank's) and, under a phrase, the matrix su-rvnn
composes it with (W_ab of its children's categories, or the shared W)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsPathItem, QGraphicsSimpleTextItem

from ..diagram.items import CURSOR
from ..diagram.layout import Node

# Five sentiment classes, very negative to very positive; other class counts cycle the rest.
CATEGORY_COLOUR = "#4a5a78"
UNTIED_COLOUR, SHARED_COLOUR = "#7a3db8", "#8a8a8a"  # su-rvnn: a pair's own W_ab; the shared W
SENTIMENT = ("#ca0020", "#f4a582", "#d9d9d9", "#92c5de", "#0571b0")
OTHER = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22")
FUTURE = QColor("#ffffff")

PENS = {
    "future": QPen(QColor("#b0b0b0"), 1.2, Qt.PenStyle.DashLine),
    "plain": QPen(QColor("#5a6f8c"), 1.2),
    "backward": QPen(QColor("#99000d"), 2.4),
    "current": QPen(CURSOR, 4.0),
    "selected": QPen(QColor("#000000"), 2.6),
}


def class_colours(count: int) -> tuple[str, ...]:
    if count == len(SENTIMENT):
        return SENTIMENT
    return tuple(OTHER[k % len(OTHER)] for k in range(count))


def text_colour(fill: str) -> str:
    colour = QColor(fill)
    return "#ffffff" if colour.lightnessF() < 0.45 else "#202020"


class TreeNodeItem(QGraphicsPathItem):
    """A round node: `node.key` is ("node", n)."""

    def __init__(self, node: Node, word: str = ""):
        super().__init__()
        self.node = node
        path = QPainterPath()
        r = node.width / 2
        path.addEllipse(QRectF(-r, -r, 2 * r, 2 * r))
        self.setPath(path)
        self.setPos(node.x, node.y)
        self.setZValue(2)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        font = QFont()
        font.setPointSizeF(8.5)
        self.caption = QGraphicsSimpleTextItem(self)
        self.caption.setFont(font)
        self.label_dot = QGraphicsEllipseItem(r * 0.45, -r * 1.05, 10, 10, self)
        self.label_dot.setZValue(3)
        self.word = None
        if word:
            self.word = QGraphicsSimpleTextItem(word, self)
            big = QFont()
            big.setPointSizeF(10)
            self.word.setFont(big)
            box = self.word.boundingRect()
            self.word.setPos(-box.width() / 2, r + 4)
        self.category = self.matrix = None
        self._look = (None, None, None, None)

    def set_category(self, text: str) -> None:
        """The node's syntactic category, at its left."""
        self.category = _small_text(self, self.category, text, CATEGORY_COLOUR)
        box = self.category.boundingRect()
        self.category.setPos(-self.node.width / 2 - box.width() - 3, -box.height() / 2)

    def set_matrix(self, text: str, untied: bool) -> None:
        """The matrix a phrase is composed with, under it ("" hides it)."""
        colour = UNTIED_COLOUR if untied else SHARED_COLOUR
        self.matrix = _small_text(self, self.matrix, text, colour)
        box = self.matrix.boundingRect()
        self.matrix.setPos(-box.width() / 2, self.node.width / 2 + 2)

    def set_caption(self, text: str, colour: str) -> None:
        self.caption.setText(text)
        self.caption.setBrush(QColor(colour))
        box = self.caption.boundingRect()
        self.caption.setPos(-box.width() / 2, -box.height() / 2)

    def set_look(self, fill: str | None, pen: str, label: str | None, hollow: bool) -> None:
        """fill: a colour (None: not computed yet); pen: a PENS key; label: the colour of the
        label the node is trained towards (None: no label), hollow when it was filled in."""
        look = (fill, pen, label, hollow)
        if look == self._look:
            return
        self.setBrush(QBrush(QColor(fill) if fill else FUTURE))
        self.setPen(PENS[pen])
        self.label_dot.setVisible(label is not None)
        if label is not None:
            self.label_dot.setPen(QPen(QColor(label).darker(140), 1.5))
            self.label_dot.setBrush(QBrush(QColor("#ffffff") if hollow else QColor(label)))
        self._look = look

    @property
    def look(self) -> tuple:
        return self._look

    def set_word_colour(self, colour: str) -> None:
        if self.word is not None:
            self.word.setBrush(QColor(colour))


def _small_text(parent, item, text: str, colour: str) -> QGraphicsSimpleTextItem:
    if item is None:
        item = QGraphicsSimpleTextItem(parent)
        font = QFont()
        font.setPointSizeF(8)
        item.setFont(font)
    item.setText(text)
    item.setBrush(QColor(colour))
    item.setVisible(bool(text))
    return item
