"""TreeEditor: the tree the recursive network reads, as text. Type bracketed text (SST
`(3 (2 not) (4 good))` or PTB `(S (NP ...) (VP ...))`) or a plain sentence (it gets a
right-branching tree to start from), or take a tree from the task. Text that is not a tree is
marked where it goes wrong: the place is underlined in red and the parser's message (what it
expected, with a caret under the spot) appears under the text, in place of a dialog."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..input_example import InputProblem
from . import example as examples

SOURCES = ("typed", "train", "test")


class TreeEditor(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.source = QComboBox()
        self.source.activated.connect(self._source_chosen)
        self.index = QSpinBox()
        self.index.setKeyboardTracking(False)
        self.index.valueChanged.connect(self._take_example)
        self.shuffle = QPushButton()
        self.shuffle.clicked.connect(self._random_example)
        self.read = QPushButton()
        self.read.clicked.connect(self.read_text)
        self.text = QPlainTextEdit()
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        lines = self.text.fontMetrics().lineSpacing()
        self.text.setFixedHeight(int(2.6 * lines) + 10)
        QShortcut(QKeySequence("Ctrl+Return"), self.text, self.read_text)
        self.error = QLabel()  # the parser's message, with a caret under the place
        self.error.setStyleSheet("color: #d62728; font-family: monospace;")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.error.hide()
        top = QHBoxLayout()
        top.addWidget(self.source)
        top.addWidget(self.index)
        top.addWidget(self.shuffle)
        top.addStretch(1)
        top.addWidget(self.read)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 2)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.text)
        layout.addWidget(self.error)
        self.setEnabled(False)
        self.retranslate()
        session.project_changed.connect(self._project_changed)
        session.example_changed.connect(self.refresh)

    def retranslate(self) -> None:
        index = max(self.source.currentIndex(), 0)
        self.source.clear()
        for key, text in zip(
            SOURCES,
            (self.tr("Type a tree or a sentence"), self.tr("Training tree"), self.tr("Test tree")),
            strict=True,
        ):
            self.source.addItem(text, key)
        self.source.setCurrentIndex(index)
        self.index.setPrefix(self.tr("tree "))
        self.shuffle.setText(self.tr("Random"))
        self.read.setText(self.tr("Read (Ctrl+Enter)"))
        self.text.setPlaceholderText(
            self.tr("(3 (2 not) (4 good))  or  (S (NP the film) (VP is good))  or a sentence")
        )

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----- the person's actions ----------------------------------------------------------------
    def _source_chosen(self) -> None:
        typed = self.source.currentData() == "typed"
        self._show_picker(not typed)
        if typed:
            self.text.setFocus()
        else:
            self._set_range()
            self._take_example()

    def read_text(self) -> None:
        """Read the text as a tree (or a sentence); mark it in place when it is not one."""
        from simulator.trees import TreeSyntaxError

        session = self.session
        text = self.text.toPlainText()
        try:
            example = examples.from_text(session.task, text, session.ready_network())
        except TreeSyntaxError as err:
            self.show_error(str(err), err.offset)
            return
        except (InputProblem, ValueError) as err:
            self.show_error(str(err), None)
            return
        self.show_error("", None)
        session.set_example(example)

    def _take_example(self, *_args) -> None:
        split = self.source.currentData()
        if split not in ("train", "test"):
            return
        session = self.session
        try:
            example = examples.from_dataset(
                session.task, split, self.index.value(), session.ready_network()
            )
        except InputProblem as err:
            self.show_error(str(err), None)
            return
        self.show_error("", None)
        session.set_example(example)

    def _random_example(self) -> None:
        self.index.setValue(int(np.random.default_rng().integers(self.index.maximum() + 1)))

    def show_error(self, message: str, offset: int | None) -> None:
        """The message under the text and, at `offset`, the place underlined ("" clears)."""
        self.error.setText(message)
        self.error.setVisible(bool(message))
        selections = []
        if message and offset is not None:
            selection = QTextEdit.ExtraSelection()
            mark = QTextCharFormat()
            mark.setBackground(QColor("#fdd9d7"))
            mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            mark.setUnderlineColor(QColor("#d62728"))
            selection.format = mark
            cursor = QTextCursor(self.text.document())
            length = len(self.text.toPlainText())
            start = min(offset, max(length - 1, 0))
            cursor.setPosition(start)
            cursor.setPosition(min(start + 1, length), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.text.setExtraSelections(selections)

    @property
    def error_text(self) -> str:
        return self.error.text() if self.error.isVisible() else ""

    def marked(self) -> list[tuple[int, int]]:
        """(start, end) of each place marked in the text (tests)."""
        return [
            (s.cursor.selectionStart(), s.cursor.selectionEnd())
            for s in self.text.extraSelections()
        ]

    # ----- following the session -------------------------------------------------------------
    def _project_changed(self) -> None:
        self.setEnabled(True)

    def _show_picker(self, shown: bool) -> None:
        self.index.setVisible(shown)
        self.shuffle.setVisible(shown)

    def _set_range(self) -> None:
        task = self.session.task
        data = task.tree_train if self.source.currentData() == "train" else task.tree_test
        self.index.blockSignals(True)
        self.index.setMaximum(len(data) - 1)
        self.index.blockSignals(False)

    def refresh(self) -> None:
        example = self.session.example
        if example is None:
            return
        self.source.setCurrentIndex(SOURCES.index(example.source))
        self._show_picker(not example.typed)
        if not example.typed:
            self._set_range()
            self.index.blockSignals(True)
            self.index.setValue(example.index)
            self.index.blockSignals(False)
        if self.text.toPlainText().strip() != example.text:
            self.text.setPlainText(example.text)
        self.show_error("", None)
