"""TreeViewSet: the recursive networks' page in the window's centre (the tree editor, the tree,
and the four models compared on it), with its builder and inspector for the "Network" and
"Inspector" docks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout

from ..kinds.focus import Focus
from ..kinds.view_set import ViewSet
from .builder import TreeBuilder
from .compare import ModelComparison
from .editor import TreeEditor
from .inspector import TreeInspector
from .tree_view import TreeView


class TreeViewSet(ViewSet):
    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.focus = Focus(session, self)
        self.editor = TreeEditor(session)
        self.tree = TreeView(session, self.focus)
        self.comparison = ModelComparison(session)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.tree)
        self.split.addWidget(self.comparison)
        self.split.setSizes([640, 360])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.editor)
        layout.addWidget(self.split, 1)
        self.builder = TreeBuilder(session)
        self.inspector = TreeInspector(session, self.focus)

    def figures(self) -> dict:
        """The tree, the inspector's chart when it shows one, and the models compared."""
        figures = {"tree": self.tree.scene}
        if self.inspector.figure.isVisible():
            figures["node_figure"] = self.inspector.plot
        figures["models_compared"] = self.comparison
        return figures
