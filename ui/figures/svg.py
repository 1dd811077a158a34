"""A figure as true vector SVG through Qt's QSvgGenerator: text as <text>, lines as paths, an
image's cells as <rect>s (ui.figures.render swaps the bitmap out while painting)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtSvg import QSvgGenerator

from .render import paint, size_of


def svg_bytes(figure, title: str = "") -> bytes:
    size = size_of(figure)
    target = QRectF(0, 0, size.width(), size.height())
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(target.size().toSize())
    generator.setViewBox(target)
    generator.setTitle(title)
    # pyqtgraph's axes replay a QPicture recorded at the screen's resolution: the same here,
    # or the axes shrink by 72/96 against the data.
    generator.setResolution(round(QGuiApplication.primaryScreen().logicalDotsPerInch()))
    painter = QPainter(generator)
    try:
        paint(figure, painter, target, vector=True)
    finally:
        painter.end()
    buffer.close()
    # cells side by side without the seams antialiasing would draw between them
    return bytes(data.data()).replace(b"<rect ", b'<rect shape-rendering="crispEdges" ')


def save_svg(figure, path: Path) -> Path:
    path = Path(path)
    path.write_bytes(svg_bytes(figure, path.stem))
    return path
