"""A figure as a picture: a PNG at least MIN_WIDTH pixels wide (for slides and notes), and the
clipboard (the picture, and its SVG for programs that take vectors)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QRectF
from PySide6.QtGui import QGuiApplication, QImage, QPainter

from .render import paint, size_of
from .svg import svg_bytes

MIN_WIDTH = 1200


def image_of(figure, width: int = MIN_WIDTH) -> QImage:
    size = size_of(figure)
    scale = max(width / max(size.width(), 1.0), 1.0)
    image = QImage(
        max(int(size.width() * scale), 1),
        max(int(size.height() * scale), 1),
        QImage.Format.Format_ARGB32,
    )
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        paint(figure, painter, QRectF(0, 0, image.width(), image.height()))
    finally:
        painter.end()
    return image


def save_png(figure, path: Path) -> Path:
    path = Path(path)
    if not image_of(figure).save(str(path), "PNG"):
        raise OSError(f"cannot write {path}")
    return path


def copy_figure(figure) -> None:
    data = QMimeData()
    data.setImageData(image_of(figure))
    data.setData("image/svg+xml", svg_bytes(figure))
    QGuiApplication.clipboard().setMimeData(data)
