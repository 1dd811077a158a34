"""NewProjectDialog: pick a task and a cell; the task fixes the rest of what the network reads
and predicts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QSpinBox,
)

from .form_dialog import lay_out
from .form_errors import error_line
from .spec_fields import CHOICES


class NewProjectDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        from simulator.tasks import PAIR_TASKS, TASKS

        self.setWindowTitle(self.tr("New project"))
        self.task = QComboBox()
        for name in [*TASKS, *PAIR_TASKS]:  # pair tasks make encoder-decoders
            if not name.endswith("_file"):  # those need a file: use `rnnsim new` for now
                self.task.addItem(name, name)
        self.tree_model = QComboBox()  # a treebank: a recursive network, or a recurrent one
        self.tree_model.addItem(self.tr("recurrent network over the sentences"), "")
        for model in ("rvnn", "su-rvnn", "mv-rnn", "rntn"):
            self.tree_model.addItem(model, model)
        self.task.setCurrentIndex(self.task.findData("sentiment"))
        self.cell = QComboBox()
        for cell in CHOICES["cell"]:
            self.cell.addItem(cell, cell)
        self.cell.setCurrentIndex(self.cell.findData("lstm"))
        self.hidden = QSpinBox()
        self.hidden.setRange(1, 512)
        self.hidden.setValue(16)
        self.message = error_line(hidden=False)
        form = QFormLayout()
        form.addRow(self.tr("task"), self.task)
        form.addRow(self.tr("tree model"), self.tree_model)
        form.addRow(self.tr("cell"), self.cell)
        form.addRow(self.tr("hidden size"), self.hidden)
        lay_out(self, form, self.message, self._accept)
        self.project = None
        self.task.currentIndexChanged.connect(self._task_changed)
        self.tree_model.currentIndexChanged.connect(self._model_changed)
        self._task_changed()

    def _task_changed(self) -> None:
        from simulator.tasks import PAIR_TASKS

        name = self.task.currentData()
        tree = name.startswith("tree_")
        self.tree_model.setEnabled(tree)
        self.tree_model.setCurrentIndex(1 if tree else 0)  # a treebank: a recursive network
        self.cell.setToolTip(
            self.tr("the encoder's and the decoder's cell") if name in PAIR_TASKS else ""
        )
        self._model_changed()

    def _model_changed(self) -> None:
        self.cell.setEnabled(not self.tree_model.currentData())

    def sets(self) -> dict:
        """What the choices set in the new project (see simulator.project.new_project)."""
        from simulator.tasks import PAIR_TASKS

        cell, size, model = (
            self.cell.currentData(),
            self.hidden.value(),
            self.tree_model.currentData(),
        )
        if self.task.currentData() in PAIR_TASKS:
            return {
                "network.encoder_cell": cell,
                "network.decoder_cell": cell,
                "network.encoder_hidden_size": size,
                "network.decoder_hidden_size": size,
            }
        if model:
            return {"network.model": model, "network.dim": size}
        return {"network.cell": cell, "network.hidden_size": size}

    def _accept(self) -> None:
        from simulator.project import ProjectError, new_project

        try:
            self.project = new_project(self.task.currentData(), self.sets())
        except (ProjectError, ValueError) as err:
            self.message.setText(str(err))
            return
        self.accept()
