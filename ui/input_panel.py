"""InputPanel: what the network reads. Type a sentence (tokenised as the task does) or take an
example from the task's training or test set; then set the target the loss compares with."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .form_errors import error_line
from .task_words import class_names, describe
from .token_chips import TokenChips

SOURCES = ("typed", "train", "test")


class InputPanel(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.source = QComboBox()
        for key, text in zip(
            SOURCES,
            (self.tr("Type a sentence"), self.tr("Training example"), self.tr("Test example")),
            strict=True,
        ):
            self.source.addItem(text, key)
        self.source.activated.connect(self._source_chosen)
        self.text = QLineEdit()
        self.text.returnPressed.connect(self._read_text)
        read = self.read_button = QPushButton()
        read.clicked.connect(self._read_text)
        typed = QWidget()
        typed_row = QHBoxLayout(typed)
        typed_row.setContentsMargins(0, 0, 0, 0)
        typed_row.addWidget(self.text, 1)
        typed_row.addWidget(read)
        self.index = QSpinBox()
        self.index.setKeyboardTracking(False)
        self.index.valueChanged.connect(self._take_example)
        shuffle = self.random_button = QPushButton()
        shuffle.clicked.connect(self._random_example)
        self.described = QLabel()
        self.described.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.described.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        picked = QWidget()
        picked_row = QHBoxLayout(picked)
        picked_row.setContentsMargins(0, 0, 0, 0)
        picked_row.addWidget(self.index)
        picked_row.addWidget(shuffle)
        picked_row.addWidget(self.described, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(typed)
        self.stack.addWidget(picked)
        top = QHBoxLayout()
        top.addWidget(self.source)
        top.addWidget(self.stack, 1)

        self.chips = TokenChips()
        self.chips.tag_changed.connect(self._tag_changed)
        scroll = QScrollArea()
        scroll.setWidget(self.chips)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.scroll = scroll
        self.chips.installEventFilter(self)
        self.target_label = QLabel()
        self.target = QComboBox()
        self.target.activated.connect(self._class_chosen)
        self.target_value = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(scroll, 1)
        bottom.addWidget(self.target_label)
        bottom.addWidget(self.target)
        bottom.addWidget(self.target_value)
        self.message = error_line()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 2)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        self.setEnabled(False)
        self.retranslate()
        session.project_changed.connect(self._project_changed)
        session.example_changed.connect(self.refresh)

    # ----- the person's actions ----------------------------------------------------------------
    def retranslate(self) -> None:
        names = (self.tr("Type a sentence"), self.tr("Training example"), self.tr("Test example"))
        for index, text in enumerate(names):
            self.source.setItemText(index, text)
        self.text.setPlaceholderText(self.tr("Type a sentence and press Enter"))
        self.read_button.setText(self.tr("Read"))
        self.index.setPrefix(self.tr("example "))
        self.random_button.setText(self.tr("Random"))
        self.target_label.setText(self.tr("target:"))
        self.target.setToolTip(self.tr("The class the loss compares the output with"))
        if self.session.task is not None:
            self._name_classes()

    def _name_classes(self) -> None:
        """The target's choices: the task's classes in the interface's language."""
        chosen = self.target.currentIndex()
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItems(class_names(self.session.task.labels or []))
        self.target.setCurrentIndex(chosen)
        self.target.blockSignals(False)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.chips and event.type() == QEvent.Type.LayoutRequest:
            self._fit_chips()  # its chips grew or shrank (a new font, ui.presentation)
        return super().eventFilter(watched, event)

    def _fit_chips(self) -> None:
        """The row of chips as tall as its chips (in the font of the moment)."""
        self.scroll.setFixedHeight(self.chips.sizeHint().height() + 16)

    def _source_chosen(self) -> None:
        key = self.source.currentData()
        self.stack.setCurrentIndex(0 if key == "typed" else 1)
        if key == "typed":
            self.text.setFocus()
            if self.text.text().strip():
                self._read_text()
        else:
            self._set_range()
            self._take_example()

    def _read_text(self) -> None:
        self._tell(self.session.example_from_text(self.text.text()))

    def _take_example(self, *_args) -> None:
        split = self.source.currentData()
        if split in ("train", "test"):
            self._tell(self.session.example_from_task(split, self.index.value()))

    def _random_example(self) -> None:
        self.index.setValue(int(np.random.default_rng().integers(self.index.maximum() + 1)))

    def _class_chosen(self, index: int) -> None:
        self.session.set_target(np.array(index))

    def _tag_changed(self, position: int, index: int) -> None:
        target = np.array(self.session.example.target)
        target[position] = index
        self.session.set_target(target)

    def _tell(self, message: str | None) -> None:
        self.message.setText(message or "")
        self.message.setVisible(bool(message))

    # ----- following the session -------------------------------------------------------------
    def _project_changed(self) -> None:
        task = self.session.task
        self.setEnabled(True)
        typed_ok = task.vocabulary is not None
        model = self.source.model()
        model.item(0).setEnabled(typed_ok)
        model.item(0).setToolTip(
            "" if typed_ok else self.tr("{0} reads numbers, not text").format(task.name)
        )
        self._name_classes()
        self.text.clear()

    def _set_range(self) -> None:
        task = self.session.task
        split = self.source.currentData()
        data = task.train if split == "train" else task.test
        self.index.blockSignals(True)
        self.index.setMaximum(len(data) - 1)
        self.index.blockSignals(False)

    def refresh(self) -> None:
        session = self.session
        example, task, spec = session.example, session.task, session.spec
        self._tell(None)
        self.source.setCurrentIndex(SOURCES.index(example.source))
        self.stack.setCurrentIndex(0 if example.typed else 1)
        if example.typed:
            if self.text.text() != example.text:
                self.text.setText(example.text)
        else:
            self._set_range()
            self.index.blockSignals(True)
            self.index.setValue(example.index)
            self.index.blockSignals(False)
            self.described.setText(describe(task, example.source, example.index))
            self.described.setToolTip(self.described.text())
        per_step_classes = spec.mode == "seq2seq" and spec.loss == "cross_entropy"
        self.chips.set_tokens(
            example.tokens,
            example.unknown,
            task.labels if per_step_classes else None,
            example.target,
        )
        self._fit_chips()
        one_class = spec.mode == "seq2class" and spec.loss == "cross_entropy"
        self.target_label.setVisible(not per_step_classes)
        self.target.setVisible(one_class)
        self.target_value.setVisible(spec.loss == "mse")
        if one_class:
            self.target.setCurrentIndex(int(example.target))
        elif spec.loss == "mse":
            values = np.ravel(example.target)
            shown = ", ".join(f"{v:.3f}" for v in values[:6]) + (" …" if values.size > 6 else "")
            self.target_value.setText(shown)
