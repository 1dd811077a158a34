"""Save a plot as PNG and SVG with pyqtgraph's exporters.

pyqtgraph 0.14's SVG exporter cannot read the path data Qt 6.12 writes for clipped groups (it
splits "M x,y L x,y Z" on spaces and trips on "Z"); when it fails we render the same plot
through Qt's own QSvgGenerator, which gives a faithful (if less tidy) SVG.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter


def save_png(plot, path: Path, width: int = 900) -> None:
    """At least `width` pixels wide, whatever its size on screen (for slides and notes)."""
    from pyqtgraph.exporters import ImageExporter

    exporter = ImageExporter(plot)
    shown = int(plot.sceneBoundingRect().width())
    exporter.parameters()["width"] = max(width, shown)
    exporter.export(str(path))


def save_svg(plot, path: Path) -> None:
    from pyqtgraph.exporters import SVGExporter

    try:
        SVGExporter(plot).export(str(path))
    except (ValueError, ZeroDivisionError):
        _render_svg(plot, path)


def _render_svg(plot, path: Path) -> None:
    from PySide6.QtSvg import QSvgGenerator

    source = plot.sceneBoundingRect()
    target = QRectF(0, 0, source.width(), source.height())
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(target.size().toSize())
    generator.setViewBox(target)
    generator.setTitle(path.stem)
    painter = QPainter(generator)
    try:
        plot.scene().render(painter, target, source)
    finally:
        painter.end()
