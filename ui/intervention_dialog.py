"""InterventionDialog: what to set at a node of the unrolled network (clamp a gate, zero
units, overwrite h_t or c_t), for which units and at which steps. A value that does not parse or
does not fit the network is a message in the dialog, which stays open."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
)

from simulator.errors import InputError
from simulator.interventions import ClampGate, SetState, ZeroUnit
from simulator.trace import GATE_NAMES

from .form_dialog import lay_out
from .form_errors import error_line
from .intervention_text import gate_symbol, short_text

ALL_WORDS = ("", "all", "*")


class InterventionDialog(QDialog):
    def __init__(self, session, layer: int, direction: int, t: int, what: str, parent=None):
        """`what`: "clamp", "zero", "hidden" or "cell" (the choice it opens on)."""
        super().__init__(parent)
        self.session, self.layer, self.direction, self.t = session, layer, direction, t
        cell = session.spec.cell
        self.setWindowTitle(self.tr("Intervene at t = {0}").format(t))
        self.what = QComboBox()
        choices = [("zero", self.tr("zero units: h = 0")), ("hidden", self.tr("set h_t"))]
        if cell in GATE_NAMES:
            choices.insert(0, ("clamp", self.tr("clamp a gate")))
        if cell == "lstm":
            choices.append(("cell", self.tr("set c_t")))
        for key, label in choices:
            self.what.addItem(label, key)
        self.gate = QComboBox()
        for gate in GATE_NAMES.get(cell, ()):
            self.gate.addItem(gate_symbol(gate, cell), gate)
        if cell == "lstm":
            self.gate.setCurrentIndex(GATE_NAMES["lstm"].index("f"))
        self.value = QLineEdit("1")
        self.value.setToolTip(self.tr("A sigmoid gate takes 0 to 1; the candidate −1 to 1"))
        self.values = QLineEdit("0")
        self.values.setToolTip(self.tr("One number for every unit chosen, or one for them all"))
        self.units = QLineEdit(self.tr("all"))
        self.units.setToolTip(self.tr("'all', or unit numbers separated by commas: 0, 2"))
        self.every_step = QCheckBox(self.tr("at every step (else only at t = {0})").format(t))
        self.message = error_line(hidden=False)
        form = QFormLayout()
        form.addRow(self.tr("Intervention"), self.what)
        form.addRow(self.tr("Gate"), self.gate)
        form.addRow(self.tr("Gate value"), self.value)
        form.addRow(self.tr("Values"), self.values)
        form.addRow(self.tr("Units"), self.units)
        form.addRow("", self.every_step)
        self.form = form
        lay_out(self, form, self.message, self.accept)
        self.what.currentIndexChanged.connect(self._show_fields)
        self.what.setCurrentIndex(max(self.what.findData(what), 0))
        self._show_fields()

    def _show_fields(self) -> None:
        kind = self.what.currentData()
        for widget, shown in (
            (self.gate, kind == "clamp"),
            (self.value, kind == "clamp"),
            (self.values, kind in ("hidden", "cell")),
        ):
            self.form.setRowVisible(widget, shown)
        self.message.clear()

    def intervention(self):
        """The intervention the fields describe. Raises InputError (or ValueError) with the
        message to show."""
        where = {
            "layer": self.layer,
            "direction": self.direction,
            "steps": None if self.every_step.isChecked() else self.t,
            "units": self._units(),
        }
        kind = self.what.currentData()
        if kind == "clamp":
            return ClampGate(gate=self.gate.currentData(), value=self._number(self.value), **where)
        if kind == "zero":
            return ZeroUnit(**where)
        numbers = [self._number_text(part) for part in _parts(self.values.text())]
        state = "hidden" if kind == "hidden" else "cell"
        return SetState(values=tuple(numbers), state=state, **where)

    def _units(self):
        text = self.units.text().strip().lower()
        if text in (*ALL_WORDS, self.tr("all").lower()):
            return None
        units = []
        for part in _parts(text):
            if not part.isdigit():
                raise ValueError(self.tr("Units: '{0}' is not a unit number").format(part))
            units.append(int(part))
        return units

    def _number(self, field: QLineEdit) -> float:
        return self._number_text(field.text().strip())

    def _number_text(self, text: str) -> float:
        try:
            return float(text)
        except ValueError:
            raise ValueError(self.tr("'{0}' is not a number").format(text)) from None

    def accept(self) -> None:
        try:
            intervention = self.intervention()
        except (InputError, ValueError) as err:
            self.message.setText(str(err))
            return
        text = self.tr("Intervene: {0}").format(short_text(intervention, self.session.spec.cell))
        problem = self.session.add_intervention(intervention, text)
        if problem is not None:
            self.message.setText(problem)
            return
        super().accept()


def _parts(text: str) -> list[str]:
    return [part for part in re.split(r"[,\s;]+", text.strip()) if part]
