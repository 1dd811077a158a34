"""NewProjectDialog: pick a task and a cell; the task fixes the rest of what the network reads
and predicts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from .spec_fields import CHOICES


class NewProjectDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        from simulator.tasks import TASKS

        self.setWindowTitle(self.tr("New project"))
        self.task = QComboBox()
        for name in TASKS:
            if not name.endswith("_file"):  # those need a file: use `rnnsim new` for now
                self.task.addItem(name, name)
        self.task.setCurrentIndex(self.task.findData("sentiment"))
        self.cell = QComboBox()
        for cell in CHOICES["cell"]:
            self.cell.addItem(cell, cell)
        self.cell.setCurrentIndex(self.cell.findData("lstm"))
        self.hidden = QSpinBox()
        self.hidden.setRange(1, 512)
        self.hidden.setValue(16)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #d62728;")
        form = QFormLayout()
        form.addRow(self.tr("task"), self.task)
        form.addRow(self.tr("cell"), self.cell)
        form.addRow(self.tr("hidden size"), self.hidden)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.project = None

    def _accept(self) -> None:
        from simulator.project import ProjectError, new_project

        try:
            self.project = new_project(
                self.task.currentData(),
                {
                    "network.cell": self.cell.currentData(),
                    "network.hidden_size": self.hidden.value(),
                },
            )
        except (ProjectError, ValueError) as err:
            self.message.setText(str(err))
            return
        from simulator.spec import NetworkSpec

        if not isinstance(self.project.spec, NetworkSpec):
            self.message.setText(
                self.tr("This task makes a model this window cannot step through yet.")
            )
            self.project = None
            return
        self.accept()
