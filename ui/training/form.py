"""FieldForm: a QFormLayout of named fields, each with an error line under it, so a value the
engine refuses is outlined in red with its message in place (as in the network builder). With
`messages_apart` the messages go instead into one line, `message`, that the owner places where
it moves nothing the person is about to click (below the Start button). A field's message goes
as soon as the person edits it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..form_errors import ERROR_STYLE, error_line


class FieldForm(QWidget):
    def __init__(self, parent=None, messages_apart: bool = False):
        super().__init__(parent)
        self.messages_apart = messages_apart
        self.message = error_line()  # every field's message, when they are kept apart
        self.messages: dict[str, str] = {}
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}

    def add(self, key: str, label: str, widget: QWidget, tip: str = "") -> QWidget:
        widget.setObjectName(key)
        # the field takes the width the dock has: a narrow dock never needs to scroll sideways
        widget.setMinimumWidth(40)
        widget.setSizePolicy(QSizePolicy.Policy.Ignored, widget.sizePolicy().verticalPolicy())
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        error = error_line()
        if not self.messages_apart:
            column.addWidget(error)
        if isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _index, k=key: self.flag(k, ""))
        elif isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _text, k=key: self.flag(k, ""))
            # the red outline's style sheet makes a field 2 px lower: keep its height
            widget.setMinimumHeight(widget.sizeHint().height())
        title = QLabel(label)
        self.form.addRow(title, box)
        self.widgets[key], self.labels[key], self.errors[key] = widget, title, error
        self.set_tip(key, tip)
        return widget

    def line(self, key: str, label: str, text: str = "", tip: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        return self.add(key, label, edit, tip)

    def choice(self, key: str, label: str, options, tip: str = "") -> QComboBox:
        combo = QComboBox()
        for option in options:
            combo.addItem(str(option), option)
        return self.add(key, label, combo, tip)

    def set_label(self, key: str, label: str, tip: str = "") -> None:
        self.labels[key].setText(label)
        self.set_tip(key, tip)

    def set_tip(self, key: str, tip: str) -> None:
        self.labels[key].setToolTip(tip)
        self.widgets[key].setToolTip(tip)

    def set_visible(self, key: str, visible: bool) -> None:
        self.form.setRowVisible(self.labels[key], visible)

    def text(self, key: str) -> str:
        widget = self.widgets[key]
        if isinstance(widget, QComboBox):
            return widget.currentData()
        return widget.text().strip()

    def set_value(self, key: str, value) -> None:
        widget = self.widgets[key]
        if isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(max(index, 0))
        else:
            widget.setText("" if value is None else str(value))

    def flag(self, key: str, message: str) -> None:
        """Outline the field in red with the message under it (empty: clear)."""
        if not message and key not in self.messages:
            return  # nothing shown to clear (every keystroke in a field asks)
        self.widgets[key].setStyleSheet(ERROR_STYLE if message else "")
        self.errors[key].setText(message)
        self.errors[key].setVisible(bool(message) and not self.messages_apart)
        if message:
            self.messages[key] = message
        else:
            self.messages.pop(key, None)
        if self.messages_apart:
            self.message.setText("\n".join(self.messages.values()))
            self.message.setVisible(bool(self.messages))

    def error(self, key: str) -> str:
        return self.messages.get(key, "")

    def clear_flags(self) -> None:
        for key in self.widgets:
            self.flag(key, "")
