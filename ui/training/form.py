"""FieldForm: a QFormLayout of named fields, each with an error line under it, so a value the
engine refuses is outlined in red with its message in place (as in the network builder)."""

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

from ..kinds.spec_form import ERROR_STYLE


class FieldForm(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
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
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet("color: #d62728;")
        error.hide()
        column.addWidget(error)
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
        self.widgets[key].setStyleSheet(ERROR_STYLE if message else "")
        self.errors[key].setText(message)
        self.errors[key].setVisible(bool(message))

    def error(self, key: str) -> str:
        return self.errors[key].text() if self.errors[key].isVisible() else ""

    def clear_flags(self) -> None:
        for key in self.widgets:
            self.flag(key, "")
