"""Save a plot as PNG and SVG with pyqtgraph's exporters, and a diagram (a QGraphicsScene) as PNG.

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


def save_scene(scene, path: Path, width: int = 1600) -> Path:
    """A QGraphicsScene (a diagram, a tree) as a PNG `width` pixels wide, on white."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    rect = scene.sceneRect()
    height = max(int(width * rect.height() / max(rect.width(), 1)), 1)
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter)
    painter.end()
    image.save(str(path))
    return path


def save_plots(plots: dict, folder: Path) -> list[Path]:
    """Each named plot as NAME.png and NAME.svg in `folder`; returns the files written."""
    written = []
    for name, plot in plots.items():
        for save, suffix in ((save_png, ".png"), (save_svg, ".svg")):
            save(plot, folder / (name + suffix))
            written.append(folder / (name + suffix))
    return written
