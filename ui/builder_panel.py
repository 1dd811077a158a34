"""BuilderPanel: the recurrent network's spec as a form (ui.kinds.spec_form.SpecForm, with the
fields of ui.spec_fields), and below it the fields the task's data fixes, read-only, each with
the reason (the vocabulary's size, the number of classes, one output per step or per
sequence)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel

from .i18n import translate
from .kinds.spec_form import SpecForm
from .spec_fields import FIELDS, FIXED, fixed_reason


class BuilderPanel(SpecForm):
    def __init__(self, session, parent=None):
        super().__init__(session, FIELDS, parent)

    def more_boxes(self) -> list:
        self.fixed_box = QGroupBox()
        fixed_form = QFormLayout(self.fixed_box)
        fixed_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow dock
        self.fixed = {}
        for name in FIXED:
            label = QLabel()
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fixed[name] = label
            fixed_form.addRow(name, label)
        return [self.fixed_box]

    def retranslate(self) -> None:
        self.fixed_box.setTitle(self.tr("Fixed by the task"))
        super().retranslate()

    def refresh(self) -> None:
        super().refresh()
        spec, task = self.session.spec, self.session.task
        if spec is None:
            return
        for name, label in self.fixed.items():
            value = getattr(spec, name)
            shown = value is not None
            label.setText(
                f"<b>{value}</b> <span style='color:#777'>— "
                f"{fixed_reason(name, spec, task, translate)}</span>"
                if shown
                else ""
            )
            label.setVisible(shown)
            self.fixed_box.layout().labelForField(label).setVisible(shown)
