"""Paint a figure (a QGraphicsItem, a QGraphicsScene or a QWidget) with any QPainter, on white.

A widget is painted at the size that shows its tables whole: every row and column, where the
screen shows a scrolled part of them. For vector output every pyqtgraph ImageItem is swapped,
for the duration of the paint, for an item drawing one rectangle per cell (`CellsItem`), and
cached items (axes kept as pixmaps while the window steps) paint themselves afresh, so text
stays text and lines stay lines."""

from __future__ import annotations

from contextlib import contextmanager

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QTableView,
    QWidget,
)


def size_of(figure) -> QSizeF:
    """The figure's size in scene units (pixels on screen at scale 1)."""
    if isinstance(figure, QWidget):
        return QSizeF(_whole_size(figure))
    return _region(figure)[1].size()


def paint(figure, painter: QPainter, target: QRectF, vector: bool = False) -> None:
    """Paint the figure into `target` on white; `vector`: pictures as cells, symbols as paths."""
    painter.fillRect(target, Qt.GlobalColor.white)
    if isinstance(figure, QWidget):
        size = _whole_size(figure)
        painter.save()
        try:
            painter.translate(target.topLeft())
            painter.scale(
                target.width() / max(size.width(), 1), target.height() / max(size.height(), 1)
            )
            with _resized(figure, size):
                figure.render(painter, QPoint(0, 0))
        finally:
            painter.restore()
        return
    scene, source = _region(figure)
    with _only(figure), _fresh(scene, vector):
        scene.render(painter, target, source)


def _whole_size(widget: QWidget) -> QSize:
    """The widget's size grown by what its tables hide behind their scroll bars."""
    size = QWidget.size(widget)  # a view may name a child `width`
    grow = QSize(0, 0)
    for table in _tables(widget):
        if not table.isVisibleTo(widget.window()):
            continue
        rows, columns = table.verticalHeader(), table.horizontalHeader()
        frame = 2 * table.frameWidth()
        whole = QSize(
            (0 if rows.isHidden() else rows.width()) + columns.length() + frame,
            (0 if columns.isHidden() else columns.height()) + rows.length() + frame,
        )
        grow = grow.expandedTo(whole - table.size())
    return size + grow


def _tables(widget: QWidget) -> list[QTableView]:
    """The widget if it is a table, and every table inside it."""
    inside = widget.findChildren(QTableView)
    return [widget, *inside] if isinstance(widget, QTableView) else inside


@contextmanager
def _resized(widget: QWidget, size: QSize):
    """The widget at `size`, its tables' scroll bars off, while painting; then as it was (its
    tables scrolled where they were)."""
    if size == QWidget.size(widget):
        yield
        return
    tables = _tables(widget)
    kept = [
        (t, t.verticalScrollBarPolicy(), t.horizontalScrollBarPolicy(),
         t.verticalScrollBar().value(), t.horizontalScrollBar().value())
        for t in tables
    ]  # fmt: skip
    off = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    original = QWidget.size(widget)
    for table in tables:
        table.setVerticalScrollBarPolicy(off)
        table.setHorizontalScrollBarPolicy(off)
    widget.resize(size)
    try:
        yield
    finally:
        widget.resize(original)
        for table, vertical, horizontal, down, across in kept:
            table.setVerticalScrollBarPolicy(vertical)
            table.setHorizontalScrollBarPolicy(horizontal)
            table.verticalScrollBar().setValue(down)
            table.horizontalScrollBar().setValue(across)


def _region(figure) -> tuple[QGraphicsScene, QRectF]:
    if isinstance(figure, QGraphicsScene):
        rect = figure.sceneRect()
        return figure, rect if not rect.isEmpty() else figure.itemsBoundingRect()
    if isinstance(figure, QGraphicsItem):
        return figure.scene(), figure.sceneBoundingRect()
    raise TypeError(f"not a figure: {type(figure).__name__}")


@contextmanager
def _only(figure):
    """An item's figure holds that item alone: the items beside it and beside each of its
    ancestors (the other plots of a layout) are hidden meanwhile."""
    hidden = []
    if isinstance(figure, QGraphicsItem):
        chain, item = [], figure
        while item is not None:
            chain.append(item)
            item = item.parentItem()
        for keep in chain:
            parent = keep.parentItem()
            siblings = parent.childItems() if parent is not None else _top_items(keep.scene())
            hidden += [s for s in siblings if s is not keep and s.isVisible()]
    for item in hidden:
        item.setVisible(False)
    try:
        yield
    finally:
        for item in hidden:
            item.setVisible(True)


def _top_items(scene: QGraphicsScene) -> list:
    return [item for item in scene.items() if item.parentItem() is None]


@contextmanager
def _fresh(scene: QGraphicsScene, vector: bool):
    """No item cache while painting; with `vector`, pictures drawn as cells and pyqtgraph's
    items in export mode (scatter symbols as paths, not copies of a pixmap)."""
    cached = [
        (item, item.cacheMode())
        for item in scene.items()
        if item.cacheMode() != QGraphicsItem.CacheMode.NoCache
    ]
    for item, _mode in cached:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    swapped, exporting = [], []
    if vector:
        for item in scene.items():
            if item.isVisible() and isinstance(item, (pg.ImageItem, QGraphicsPixmapItem)):
                cells = CellsItem.of(item)
                if cells is not None:
                    swapped.append((item, cells))
                    item.setVisible(False)
            elif hasattr(item, "setExportMode"):
                item.setExportMode(True, {"antialias": True})
                exporting.append(item)
    try:
        yield
    finally:
        for item in exporting:
            item.setExportMode(False)
        for item, cells in swapped:
            scene.removeItem(cells)
            item.setVisible(True)
        for item, mode in cached:
            item.setCacheMode(mode)


class CellsItem(QGraphicsItem):
    """A picture (an ImageItem's rendered image, a colour bar's pixmap) as one filled rectangle
    per pixel, where the picture is drawn: with the picture's W x H pixels stretched over the
    local rect `area`, pixel (x, y) covers [ax + x w, ax + (x + 1) w] x [ay + y h, ...], w =
    area width / W, h = area height / H (1 x 1 for an image at full resolution). Transparent
    pixels (nothing known: NaN) are left out, so the background shows as on screen."""

    def __init__(self, item, picture, area: QRectF):
        super().__init__(item.parentItem())
        self.picture, self.area = picture, area
        self.setTransform(item.transform())
        self.setPos(item.pos())
        self.setZValue(item.zValue())
        self.setOpacity(item.opacity())

    @classmethod
    def of(cls, item):
        """The cells standing in for `item`, or None when it shows nothing."""
        if isinstance(item, pg.ImageItem):
            if item.image is None:
                return None
            if item.qimage is None:
                item.render()
            picture = item.qimage
            rows, columns = item.image.shape[:2]
            if item.axisOrder == "col-major":
                rows, columns = columns, rows
            area = QRectF(0, 0, columns, rows)  # as ImageItem.paint draws it
        else:
            picture = item.pixmap().toImage()
            area = QRectF(item.offset(), QSizeF(picture.size()))
        if picture is None or picture.isNull():
            return None
        return cls(item, picture, area)

    def boundingRect(self) -> QRectF:
        return self.area

    def paint(self, painter: QPainter, *_args) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        w = self.area.width() / self.picture.width()
        h = self.area.height() / self.picture.height()
        left, top = self.area.left(), self.area.top()
        for y in range(self.picture.height()):
            for x in range(self.picture.width()):
                colour = QColor.fromRgba(self.picture.pixel(x, y))
                if colour.alpha() > 0:
                    painter.fillRect(QRectF(left + x * w, top + y * h, w, h), colour)
