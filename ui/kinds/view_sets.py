"""One set of views per kind of model, swapped in when the session's model changes kind.

The recurrent network's views are the window's own (the input and the unrolled network in the
centre, the builder and the inspector docks, the plot docks). An encoder-decoder or a tree model
brings its own page for the centre and its own builder and inspector, shown in the same
"Network" and "Inspector" docks; the plot docks (recurrent only) close while another kind is
shown and open again, as they were, when a recurrent network comes back. The training curves
close with them and open when a run starts.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStackedWidget

from . import ENCODER_DECODER, RECURRENT, TREE
from .session_view import SessionView

RECURRENT_DOCKS = ("hidden", "gates", "outputs", "gradients", "flow", "parameters", "curves")


class ViewSets(QObject):
    def __init__(self, window):
        super().__init__(window)
        from ..encoder_decoder.view_set import EncoderDecoderViewSet
        from ..trees.view_set import TreeViewSet

        self.window = window
        session = window.session
        self.sets = {
            ENCODER_DECODER: EncoderDecoderViewSet(SessionView(session, ENCODER_DECODER)),
            TREE: TreeViewSet(SessionView(session, TREE)),
        }
        self.pages = {RECURRENT: window.views.widget(0)}
        builders, inspectors = {RECURRENT: window.builder}, {RECURRENT: window.inspector}
        for kind, views in self.sets.items():
            self.pages[kind] = views
            window.views.addWidget(views)
            builders[kind], inspectors[kind] = views.builder, views.inspector
        self.builders = _stack_in(window.docks["builder"], builders)
        self.inspectors = _stack_in(window.docks["inspector"], inspectors)
        self.kind = RECURRENT
        self._closed: dict[str, bool] = {}  # docks closed for another kind: name -> was open
        session.project_changed.connect(self._show_kind)
        training = getattr(window, "training", None)
        if training is not None:
            training.state_changed.connect(self._training_state)

    def _show_kind(self) -> None:
        kind = self.window.session.kind or RECURRENT
        if kind == self.kind:
            return
        window = self.window
        window.views.setCurrentWidget(self.pages[kind])
        self.builders.setCurrentWidget(self.builders.pages[kind])
        self.inspectors.setCurrentWidget(self.inspectors.pages[kind])
        if self.kind == RECURRENT:  # leaving the recurrent views: close their docks
            for name in RECURRENT_DOCKS:
                dock = window.docks.get(name)
                if dock is not None:
                    self._closed[name] = dock.toggleViewAction().isChecked()
                    dock.hide()
        elif kind == RECURRENT:  # back: open them as they were
            for name, was_open in self._closed.items():
                window.docks[name].setVisible(was_open)
            self._closed = {}
        self.kind = kind

    def _training_state(self, state: str) -> None:
        running = state == "running"
        self.builders.setEnabled(not running)
        curves = self.window.docks.get("curves")
        if running and self.kind != RECURRENT and curves is not None:
            curves.show()
            curves.raise_()

    def export_plots(self, folder) -> list:
        """The shown kind's pictures: its diagram or tree (PNG) and its plots (PNG and SVG)."""
        from pathlib import Path

        from PySide6.QtWidgets import QApplication

        from ..figures import save_png, save_svg

        views = self.sets.get(self.kind)
        if views is None or self.window.session.trace is None:
            return []
        folder, written = Path(folder), []
        scene = views.diagram.scene if self.kind == ENCODER_DECODER else views.tree.scene
        name = "encoder_decoder" if self.kind == ENCODER_DECODER else "tree"
        written.append(_save_scene(scene, folder / f"{name}.png"))
        if self.kind == ENCODER_DECODER:
            views.tabs.setCurrentWidget(views.heatmap)  # a hidden tab has no size to export
            QApplication.processEvents()
            plots = views.heatmap.plot_items()
        else:
            plots = (
                {"node_figure": views.inspector.plot} if views.inspector.figure.isVisible() else {}
            )
        for plot_name, plot in plots.items():
            for save, suffix in ((save_png, ".png"), (save_svg, ".svg")):
                save(plot, folder / (plot_name + suffix))
                written.append(folder / (plot_name + suffix))
        return written


def _save_scene(scene, path, width: int = 1600):
    """A QGraphicsScene as a PNG `width` pixels wide, on white."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

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


def _stack_in(dock, pages: dict) -> QStackedWidget:
    """Put a stack of one widget per kind into a dock, in place of its recurrent widget."""
    stack = QStackedWidget()
    stack.pages = pages
    for widget in pages.values():
        stack.addWidget(widget)
    dock.setWidget(stack)
    return stack


def install(window) -> ViewSets:
    return ViewSets(window)
