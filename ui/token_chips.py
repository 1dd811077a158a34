"""TokenChips: the tokens the network reads, one chip per step (unknown tokens in red), with a
tag picker under each chip when every step has a target class (synchronous seq2seq)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

CHIP_STYLE = "QFrame#chip {{ background: {bg}; border: 1px solid {border}; border-radius: 6px; }}"


class TokenChips(QWidget):
    tag_changed = Signal(int, int)  # position, class

    def __init__(self, parent=None):
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(3)
        self.row.addStretch(1)
        self.chips: list[QFrame] = []
        self.pickers: list[QComboBox] = []

    def set_tokens(self, tokens, unknown, tags=None, targets=None) -> None:
        """Show the tokens; with `tags` (class names) a picker per chip set to `targets`."""
        while self.row.count() > 1:
            item = self.row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.chips, self.pickers = [], []
        for t, token in enumerate(tokens):
            chip = QFrame()
            chip.setObjectName("chip")
            bad = unknown[t]
            chip.setStyleSheet(
                CHIP_STYLE.format(
                    bg="#fdecea" if bad else "#eef3fb", border="#d62728" if bad else "#9db4d6"
                )
            )
            column = QVBoxLayout(chip)
            column.setContentsMargins(4, 1, 4, 2)
            column.setSpacing(1)
            label = QLabel(token)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("color: #d62728;" if bad else "")
            tip = self.tr("step {0}: '{1}'").format(t, token)
            if bad:
                tip += self.tr(" — not in the vocabulary, read as <unk>")
            chip.setToolTip(tip)
            column.addWidget(label)
            if tags is not None:
                picker = QComboBox()
                picker.addItems(list(tags))
                picker.setCurrentIndex(int(targets[t]))
                picker.setToolTip(self.tr("target at step {0}").format(t))
                picker.activated.connect(lambda index, t=t: self.tag_changed.emit(t, index))
                column.addWidget(picker)
                self.pickers.append(picker)
            self.row.insertWidget(t, chip)
            self.chips.append(chip)
