"""EncoderDecoderInput: the sentence pair the encoder-decoder reads. Type a source sentence (and a
target, or leave it empty for the model to write one) or take a pair from the task's training
or test set. On a first start the model writes the target once its decoding kernels are
compiled; the panel says so meanwhile and reads the sentence then."""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..input_example import InputProblem
from ..kernels import compile_status
from ..kinds.kernels import manager
from . import example as examples
from .decoding_kernels import decoding_key, decoding_ready

SOURCES = ("typed", "train", "test")
ORIGINS = ("typed", "task", "model")


class EncoderDecoderInput(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.source = QComboBox()
        self.source.activated.connect(self._source_chosen)
        self.text = QLineEdit()
        self.text.returnPressed.connect(self._read_text)
        self.target = QLineEdit()
        self.target.returnPressed.connect(self._read_text)
        self.arrow = QLabel("→")
        self.read = QPushButton()
        self.read.clicked.connect(self._read_text)
        typed = QWidget()
        typed_row = QHBoxLayout(typed)
        typed_row.setContentsMargins(0, 0, 0, 0)
        typed_row.addWidget(self.text, 3)
        typed_row.addWidget(self.arrow)
        typed_row.addWidget(self.target, 2)
        typed_row.addWidget(self.read)
        self.index = QSpinBox()
        self.index.setKeyboardTracking(False)
        self.index.valueChanged.connect(self._take_example)
        self.shuffle = QPushButton()
        self.shuffle.clicked.connect(self._random_example)
        picked = QWidget()
        picked_row = QHBoxLayout(picked)
        picked_row.setContentsMargins(0, 0, 0, 0)
        picked_row.addWidget(self.index)
        picked_row.addWidget(self.shuffle)
        picked_row.addStretch(1)
        self.stack = QStackedWidget()
        self.stack.addWidget(typed)
        self.stack.addWidget(picked)
        top = QHBoxLayout()
        top.addWidget(self.source)
        top.addWidget(self.stack, 1)
        self.pair = QLabel()  # the tokens each side reads, unknown ones in red
        self.pair.setTextFormat(Qt.TextFormat.RichText)
        self.pair.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pair.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.pair.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 2)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.pair)
        layout.addWidget(self.message)
        self.setEnabled(False)
        self._decoding = None  # (source, target) typed while the decoding kernels compile
        self.retranslate()
        session.project_changed.connect(self._project_changed)
        session.example_changed.connect(self.refresh)
        manager().ready.connect(self._kernels_ready)
        manager().compiling.connect(self._compiling)

    def retranslate(self) -> None:
        index = max(self.source.currentIndex(), 0)
        self.source.clear()
        for key, text in zip(
            SOURCES,
            (self.tr("Type a sentence"), self.tr("Training pair"), self.tr("Test pair")),
            strict=True,
        ):
            self.source.addItem(text, key)
        self.source.setCurrentIndex(index)
        self.text.setPlaceholderText(self.tr("source sentence, then Enter"))
        self.target.setPlaceholderText(self.tr("target (empty: the model writes it)"))
        self.target.setToolTip(
            self.tr(
                "The target the loss compares with. Left empty, the model's own greedy output "
                "is used, for you to correct."
            )
        )
        self.read.setText(self.tr("Read"))
        self.index.setPrefix(self.tr("pair "))
        self.shuffle.setText(self.tr("Random"))
        if self.session.example is not None:
            self.refresh()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----- the person's actions ----------------------------------------------------------------
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
        session = self.session
        self._decoding = None
        if not self.target.text().strip() and self.text.text().strip():
            if not decoding_ready(session):  # the model writes the target once they are
                self._decoding = (self.text.text(), self.target.text())
                self._tell(self._preparing(), waiting=True)
                return
        try:
            example = examples.from_text(
                session.task, self.text.text(), self.target.text(), session.ready_network()
            )
        except (InputProblem, ValueError) as err:
            self._tell(str(err))
            return
        self._tell(None)
        session.set_example(example)

    def _take_example(self, *_args) -> None:
        self._decoding = None
        split = self.source.currentData()
        if split not in ("train", "test"):
            return
        try:
            example = examples.from_dataset(self.session.task, split, self.index.value())
        except InputProblem as err:
            self._tell(str(err))
            return
        self._tell(None)
        self.session.set_example(example)

    def _random_example(self) -> None:
        self.index.setValue(int(np.random.default_rng().integers(self.index.maximum() + 1)))

    def _tell(self, message: str | None, waiting: bool = False) -> None:
        """A problem (red), or what the panel waits for (grey); None hides it."""
        self.message.setStyleSheet(f"color: {'#555555' if waiting else '#d62728'};")
        self.message.setText(message or "")
        self.message.setVisible(bool(message))

    def _preparing(self) -> str:
        return self.tr(
            "Preparing the compiled kernels for greedy decoding (only the first start is slow): "
            "the model writes the target once they are ready…"
        )

    def _waits_for(self, key: str) -> bool:
        typed = (self.text.text(), self.target.text())
        return self._decoding == typed and key == decoding_key(self.session)

    def _kernels_ready(self, key: str) -> None:
        if self._waits_for(key):
            self._read_text()

    def _compiling(self, key: str, done: int, total: int) -> None:
        if self._waits_for(key):
            self._tell(f"{self._preparing()} {compile_status(key, done, total)}", waiting=True)

    # ----- following the session -------------------------------------------------------------
    def _project_changed(self) -> None:
        self._decoding = None
        self._tell(None)
        self.setEnabled(True)
        self.text.clear()
        self.target.clear()

    def _set_range(self) -> None:
        task = self.session.task
        data = task.train if self.source.currentData() == "train" else task.test
        self.index.blockSignals(True)
        self.index.setMaximum(len(data) - 1)
        self.index.blockSignals(False)

    def refresh(self) -> None:
        example = self.session.example
        if example is None:
            return
        self.source.setCurrentIndex(SOURCES.index(example.source))
        self.stack.setCurrentIndex(0 if example.typed else 1)
        if example.typed:
            if self.text.text() != example.text:
                self.text.setText(example.text)
            if self.target.text() != example.target_text:
                self.target.setText(example.target_text)
        else:
            self._set_range()
            self.index.blockSignals(True)
            self.index.setValue(example.index)
            self.index.blockSignals(False)
        origin = {
            "typed": self.tr("typed"),
            "task": self.tr("from the task"),
            "model": self.tr("written by the model (greedy), for you to correct"),
        }[example.target_origin]
        source, target = self.tr("source"), self.tr("target")
        self.pair.setText(
            f"<b>{source}</b> {_tokens(example.source_tokens, example.source_unknown)}"
            f" &nbsp;→&nbsp; <b>{target}</b> "
            f"{_tokens(example.target_tokens, example.target_unknown)}"
            f" <span style='color:#777'>({origin})</span>"
        )


def _tokens(tokens, unknown) -> str:
    parts = []
    for token, bad in zip(tokens, unknown, strict=True):
        text = html.escape(token)
        colour = "#d62728" if bad else "#1f3d6b"
        parts.append(f"<span style='color:{colour}; background:#eef3fb'>&nbsp;{text}&nbsp;</span>")
    return " ".join(parts)
