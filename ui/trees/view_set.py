"""TreeViewSet: the tree's page in the window's centre, with its builder and
inspector for the docks."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class TreeViewSet(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.builder = QLabel("builder")
        self.inspector = QLabel("inspector")
        QVBoxLayout(self).addWidget(QLabel("tree"))
