"""GalleryPanel: the example projects shipped in resources/examples, each with its title and a
short explanation; double-click (or Open) to load one."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .i18n import current_language
from .paths import EXAMPLES, PROJECT_SUFFIX


def example_files(folder: Path = EXAMPLES) -> list[Path]:
    """Every example project, the default one first."""
    files = sorted(folder.glob("*" + PROJECT_SUFFIX))
    return sorted(files, key=lambda p: not p.name.startswith("default_"))


def describe(path: Path, language: str = "en") -> tuple[str, str]:
    """(title, explanation) of an example, read from its file's `view` without loading it."""
    try:
        view = json.loads(path.read_text(encoding="utf-8")).get("view") or {}
    except (OSError, ValueError):
        return path.name, ""
    title = view.get("title") or {}
    about = view.get("about") or {}
    name = path.name[: -len(PROJECT_SUFFIX)]
    return title.get(language) or title.get("en") or name, about.get(language) or about.get(
        "en", ""
    )


class GalleryPanel(QWidget):
    open_requested = Signal(str)  # the path of the example to open

    def __init__(self, folder: Path = EXAMPLES, parent=None):
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemDoubleClicked.connect(self._open)
        self.list.currentItemChanged.connect(self._show_about)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.about.setMinimumHeight(60)
        button = self.open_button = QPushButton(self.tr("Open example"))
        button.clicked.connect(lambda: self._open(self.list.currentItem()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.about)
        layout.addWidget(button)
        for path in example_files(folder):
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.list.addItem(item)
        self._describe_items()
        if self.list.count():
            self.list.setCurrentRow(0)

    def _describe_items(self) -> None:
        """Each example's title and explanation in the language shown."""
        language = current_language()
        for k in range(self.list.count()):
            item = self.list.item(k)
            path = Path(item.data(Qt.ItemDataRole.UserRole))
            title, about = describe(path, language)
            item.setText(title)
            item.setToolTip(f"{path.name}\n{about}")
            item.setData(Qt.ItemDataRole.UserRole + 1, about)
        self._show_about(self.list.currentItem())

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open example"))
        self._describe_items()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_about(self, item) -> None:
        self.about.setText(item.data(Qt.ItemDataRole.UserRole + 1) if item else "")

    def _open(self, item) -> None:
        if item is not None:
            self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def paths(self) -> list[str]:
        return [self.list.item(k).data(Qt.ItemDataRole.UserRole) for k in range(self.list.count())]
