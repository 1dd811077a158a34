"""The layout the window's small dialogs share: a form, a line for what is wrong with it, then
OK and Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout


def lay_out(dialog: QDialog, form: QFormLayout, message: QLabel, accept) -> None:
    """Put `form`, `message` and OK / Cancel in `dialog`; OK calls `accept` (which checks the
    form and accepts the dialog, or says in `message` what to change)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    column = QVBoxLayout(dialog)
    column.addLayout(form)
    column.addWidget(message)
    column.addWidget(buttons)
