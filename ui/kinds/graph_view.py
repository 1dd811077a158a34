"""GraphView: a zoomable picture of nodes and edges (the unrolled recurrent network, the
unrolled encoder-decoder, a parse tree) with a caption line, zoom buttons and clickable nodes.
Subclasses build the items (`add_graph` makes them for a layout's nodes and edges) and restyle
them per event; this class keeps the view fitted, zoomed and scrolled to the current node, and
lights the edges the current event uses. A click on a node calls `clicked(key, modifiers)`, a
right click `context_menu(key, position)`; a right click elsewhere offers the picture as a
figure (ui.figures)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..figures import attach_figure_menu
from ..figures import menu as figure_menus

MIN_SCALE = 0.2
MAX_SCALE = 2.5


class _View(QGraphicsView):
    def __init__(self, panel):
        super().__init__()
        self.panel = panel
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(QColor("#fbfbfb"))

    def wheelEvent(self, event):
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.panel.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.panel.view_resized()

    def _node_at(self, point):
        item = self.itemAt(point)
        while item is not None and not hasattr(item, "node"):  # a node item, or inside one
            item = item.parentItem()
        return item

    def mousePressEvent(self, event):
        item = self._node_at(event.position().toPoint())
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            self.panel.clicked(item.node.key, event.modifiers())
            event.accept()
            return
        if item is not None and event.button() == Qt.MouseButton.RightButton:
            self.panel.context_menu(item.node.key, event.globalPosition().toPoint())
            event.accept()
            return
        super().mousePressEvent(event)

    def contextMenuEvent(self, event):
        if self._node_at(event.pos()) is not None:
            event.accept()  # the node's own menu, opened on the press
            return
        event.ignore()  # up to the GraphView: the figure menu


class GraphView(QWidget):
    figure_name = "diagram"  # the file name its right-click menu offers

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.scene = QGraphicsScene(self)
        self.view = _View(self)
        self.view.setScene(self.scene)
        self.caption = QLabel()
        self.caption.setStyleSheet("color: #444;")
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.header = QHBoxLayout()
        self.header.setContentsMargins(4, 2, 4, 0)
        self.header.addWidget(self.caption, 1)
        self.zoom_buttons = []
        for slot in (lambda: self.zoom(1 / 1.25), lambda: self.zoom(1.25), self.fit):
            button = QToolButton()
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            self.header.addWidget(button)
            self.zoom_buttons.append(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self.header)
        layout.addWidget(self.view, 1)
        self.nodes: dict = {}
        self.edges: list = []
        self.incoming: dict = {}  # node key -> the edges into it
        self.outgoing: dict = {}  # node key -> the edges out of it
        self._lit: list = []
        self._auto_fit = True  # refit when the view is resized, until the person zooms
        self.retranslate_zoom()
        attach_figure_menu(self, self.scene, self.figure_name)

    # ----- for subclasses ------------------------------------------------------------------------
    def current_key(self):
        """The key of the node the current event computes (None: none)."""
        return None

    def clicked(self, key, modifiers) -> None:
        """A node was clicked."""

    def context_menu(self, key, position) -> None:
        """A node was right-clicked at `position` (global): here the figure menu; a view with
        node menus of its own adds the figure's actions to them (add_figure_actions)."""
        figure_menus.show_menu(
            figure_menus.figure_menu(self, self.scene, self.figure_name), position
        )

    def minimum_scale(self) -> float:
        """The smallest scale `fit` may choose (a big graph then scrolls)."""
        return MIN_SCALE

    # ----- shared --------------------------------------------------------------------------------
    def retranslate_zoom(self) -> None:
        texts = ("−", "+", self.tr("Fit"))
        tips = (self.tr("Zoom out (Ctrl+wheel)"), self.tr("Zoom in (Ctrl+wheel)"), self.tr("Fit"))
        for button, text, tip in zip(self.zoom_buttons, texts, tips, strict=True):
            button.setText(text)
            button.setToolTip(tip)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange and self._auto_fit:
            self.fit()  # the presentation scale changed (ui.presentation sets the font)
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.retranslate_zoom()

    def view_resized(self) -> None:
        if self._auto_fit:
            self.fit()

    def zoom(self, factor: float) -> None:
        self._auto_fit = False
        scale = self.view.transform().m11()
        factor = min(max(scale * factor, MIN_SCALE), MAX_SCALE) / scale
        self.view.scale(factor, factor)

    def set_scene_rect(self, rect: QRectF) -> None:
        self.scene.setSceneRect(rect)

    def fit(self) -> None:
        """Fit the whole picture in the view; a big one keeps a readable size and scrolls to
        the current node. At a presentation scale above 1 (ui.presentation) the picture is that
        much larger than fitted, and scrolls to the current node."""
        from ..presentation import scale as presentation_scale

        self._auto_fit = True
        rect = self.scene.sceneRect()
        viewport = self.view.viewport().size()
        if rect.isEmpty() or viewport.isEmpty():
            return
        scale = min(viewport.width() / rect.width(), viewport.height() / rect.height())
        scale = min(max(scale, self.minimum_scale()), 1.4) * max(presentation_scale(), 1.0)
        scale = min(scale, MAX_SCALE)
        self.view.resetTransform()
        self.view.scale(scale, scale)
        self.show_current()

    def show_current(self) -> None:
        key = self.current_key()
        if key in self.nodes:
            self.view.ensureVisible(self.nodes[key], 40, 30)

    def add_graph(self, layout) -> None:
        """Clear the scene and add a node item for each of the layout's nodes and an edge item
        for each edge (ui.diagram.items); `layout.nodes` maps keys to nodes, `layout.edges`
        lists edges with a source, a target and a kind."""
        from ..diagram.items import EdgeItem, NodeItem

        self.scene.clear()
        self._lit = []
        self.nodes = {key: NodeItem(node) for key, node in layout.nodes.items()}
        for item in self.nodes.values():
            self.scene.addItem(item)
        self.edges, self.incoming, self.outgoing = [], {}, {}
        for edge in layout.edges:
            item = EdgeItem(layout.nodes[edge.source], layout.nodes[edge.target], edge.kind)
            self.scene.addItem(item)
            self.edges.append(item)
            self.incoming.setdefault(edge.target, []).append(item)
            self.outgoing.setdefault(edge.source, []).append(item)

    def light(self, current, phase: str) -> None:
        """Light the edges the current event uses: into the node going forward, out of it
        going backward (the gradient arrives along them)."""
        edges = (
            self.outgoing.get(current, [])
            if phase == "backward"
            else self.incoming.get(current, [])
        )
        if edges == self._lit:
            return
        for edge in self._lit:
            edge.set_lit(False)
        for edge in edges:
            edge.set_lit(True)
        self._lit = list(edges)

    def node_look(self, key) -> tuple[str, str]:
        """(fill, outline) of a node, for tests."""
        return self.nodes[key].look
