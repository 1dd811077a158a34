"""GalleryPanel: the example projects shipped in resources/examples, each with its title and a
short explanation, under a heading for each kind of model (the default example first);
double-click (or Open) to load one."""

from __future__ import annotations

import json
from functools import lru_cache
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

from simulator.kinds import RECURRENT, kind_of_section
from simulator.resources import EXAMPLES, PROJECT_SUFFIX

from .i18n import current_language
from .kinds.registry import WINDOW_KINDS, window_kind_named

PATH, ABOUT, KIND = (
    Qt.ItemDataRole.UserRole,
    Qt.ItemDataRole.UserRole + 1,
    Qt.ItemDataRole.UserRole + 2,
)


def example_files(folder: Path = EXAMPLES) -> list[Path]:
    """Every example project, the default one first."""
    files = sorted(folder.glob("*" + PROJECT_SUFFIX))
    return sorted(files, key=lambda p: not p.name.startswith("default_"))


def _read(path: Path) -> dict:
    """What the gallery shows of an example's file (its `network` and `view` sections), parsed
    once per version of the file: another window does not read the training histories again."""
    try:
        return _sections(path, path.stat().st_mtime_ns)
    except OSError:
        return {}


@lru_cache(maxsize=256)
def _sections(path: Path, _version: int) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: data[key] for key in ("network", "view") if key in data}


def kind_of_example(data: dict) -> str:
    """The kind of model an example's file (as read) holds."""
    network = data.get("network")
    return kind_of_section(network).name if isinstance(network, dict) else RECURRENT.name


def describe(path: Path, data: dict, language: str = "en") -> tuple[str, str]:
    """(title, explanation) of an example from its file's `view` (as read), without loading it."""
    view = data.get("view") or {}
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
        files = example_files(folder)
        self._contents = {path: _read(path) for path in files}
        for kind in (entry.name for entry in WINDOW_KINDS):
            chosen = [path for path in files if kind_of_example(self._contents[path]) == kind]
            if not chosen:
                continue
            heading = QListWidgetItem()
            heading.setData(KIND, kind)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)  # not selectable
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.list.addItem(heading)
            for path in chosen:
                item = QListWidgetItem()
                item.setData(PATH, str(path))
                self.list.addItem(item)
        self._describe_items()
        if self.list.count() > 1:
            self.list.setCurrentRow(1)  # the default example, under the first heading

    def _describe_items(self) -> None:
        """Each example's title and explanation in the language shown."""
        language = current_language()
        for k in range(self.list.count()):
            item = self.list.item(k)
            if item.data(KIND) is not None:
                item.setText(self.tr(window_kind_named(item.data(KIND)).heading))
                continue
            path = Path(item.data(PATH))
            title, about = describe(path, self._contents[path], language)
            item.setText("  " + title)
            item.setToolTip(f"{path.name}\n{about}")
            item.setData(ABOUT, about)
        self._show_about(self.list.currentItem())

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open example"))
        self._describe_items()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_about(self, item) -> None:
        self.about.setText((item.data(ABOUT) or "") if item else "")

    def _open(self, item) -> None:
        if item is not None and item.data(PATH):
            self.open_requested.emit(item.data(PATH))

    def paths(self) -> list[str]:
        """The examples' paths, in the order shown."""
        items = (self.list.item(k) for k in range(self.list.count()))
        return [item.data(PATH) for item in items if item.data(PATH)]
