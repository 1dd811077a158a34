"""InspectorPanel: the selected node's vectors and the equations of its cell with the numbers of
this example put in. What the stepper has not reached yet stays blank."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from . import equations as eq
from .dock_tabs import on_screen
from .equation_view import EquationView
from .plots.known import outputs_known
from .vector_grid import VectorGrid

DIRECTIONS = ("→", "←")


class InspectorPanel(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        # Labels of a fixed size: text that changes on every step must not relayout the window.
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.state.setFixedHeight(2 * self.state.fontMetrics().lineSpacing() + 4)
        self.unit = QSpinBox()
        self.unit.valueChanged.connect(self.redraw)
        self.text = EquationView()
        self.model = VectorGrid()  # the selected node's vectors, one row per unit
        self.model.row_clicked.connect(self._row_clicked)
        self.table = QScrollArea()
        self.table.setWidget(self.model)
        self.table.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        head = QHBoxLayout()
        head.addWidget(self.state, 1)
        head.addWidget(self.unit)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.text)
        split.addWidget(self.table)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 260])
        self.table.setMinimumHeight(110)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addLayout(head)
        layout.addWidget(split, 1)
        self._stale = False
        for signal in (session.trace_changed, session.selection_changed):
            signal.connect(self.redraw)
        session.cursor_moved.connect(self.redraw)
        self.retranslate()

    def retranslate(self) -> None:
        self.unit.setPrefix(self.tr("unit j = "))
        self.unit.setToolTip(self.tr("The unit whose equations are shown (or click a row)"))
        self.redraw()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _row_clicked(self, row: int) -> None:
        if self.session.selection.kind == "hidden":
            self.unit.setValue(row)

    # ----- drawing -----------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.catch_up()

    def catch_up(self) -> None:
        if self._stale:
            self.redraw()

    def redraw(self, *_args) -> None:
        session = self.session
        self._stale = not on_screen(self)
        if self._stale:  # closed, or a lowered tab: catch up when shown
            return
        if session.trace is None:
            self.title.setText(self.tr("Inspector"))
            self.state.setText(self.tr("Select a node in the unrolled network."))
            self.text.set_equations([])
            self.model.set_array(np.zeros((0, 0)), [], [])
            return
        s = session.selection
        self.unit.setVisible(s.kind == "hidden")
        if s.kind == "hidden":
            self._hidden(s)
        elif s.kind == "input":
            self._input(s.position)
        elif s.kind == "output":
            self._output(s.position)
        else:
            self._loss()

    def _where(self, layer: int, direction: int, t: int) -> str:
        text = self.tr("layer {0}").format(layer)
        if self.session.spec.bidirectional:
            text += " " + DIRECTIONS[direction]
        return text + f" · t = {t} '{self.session.example.tokens[t]}'"

    def _hidden(self, s) -> None:
        session = self.session
        trace, stepper, spec = session.trace, session.stepper, session.spec
        H = spec.hidden_size
        if self.unit.maximum() != H - 1:
            self.unit.setMaximum(H - 1)
        j = self.unit.value()
        layer, direction, t = s.layer, s.direction, s.position
        self.title.setText(self.tr("h_t, {0}").format(self._where(layer, direction, t)))
        forward = bool(stepper.known_forward(layer, direction)[t])
        backward = bool(stepper.known_backward(layer, direction)[t])
        if not forward:
            when = int(stepper.forward_at[layer, direction, t]) + 1
            self.state.setText(
                self.tr("Not computed yet: the forward pass reaches it at event {0}.").format(when)
            )
            self.text.set_equations([])
        else:
            lines = eq.hidden_equations(session.network, trace, layer, direction, t, j)
            if backward:
                lines += eq.backward_equations(trace, layer, direction, t, j)
                self.state.setText(self.tr("Forward and backward pass done here."))
            else:
                self.state.setText(self.tr("Forward pass done; BPTT has not reached it yet."))
            self.text.set_equations(lines)
        self.model.set_array(*self._hidden_table(layer, direction, t, forward, backward))
        self.model.select_row(j)

    def _hidden_table(self, layer, direction, t, forward, backward):
        """Units x (h_prev, gates, c, h, dL/dh, dL/dc), blank where not computed yet."""
        stepper = self.session.stepper
        d = self.session.trace.layers[layer][direction]
        prev = eq.previous_position(direction, t, self.session.trace.steps)
        if prev is None:
            columns = [(self.tr("h prev"), d.initial_hidden[0], True)]
        else:
            known = bool(stepper.known_forward(layer, direction)[prev])
            columns = [(self.tr("h prev"), d.hidden[0, prev], known)]
        names = {"candidate": "g" if d.cell == "lstm" else "n"}
        for name, values in d.gates.items():
            columns.append((names.get(name, name), values[0, t], forward))
        if d.cell_state is not None:
            columns.append(("c", d.cell_state[0, t], forward))
        columns.append(("h", d.hidden[0, t], forward))
        if d.grad_hidden is not None:
            columns.append(("∂L/∂h", d.grad_hidden[0, t], backward))
        if d.grad_cell is not None:
            columns.append(("∂L/∂c", d.grad_cell[0, t], backward))
        array = np.stack([values for _, values, _ in columns], axis=1).astype(np.float64)
        array[:, [not known for _, _, known in columns]] = np.nan
        return array, [name for name, _, _ in columns], [str(j) for j in range(len(array))]

    def _input(self, t: int) -> None:
        session = self.session
        example, trace = session.example, session.trace
        token = example.tokens[t]
        self.title.setText(self.tr("input x_t · t = {0} '{1}'").format(t, token))
        lines = []
        if session.spec.tokens:
            token_id = int(example.inputs[t])
            note = self.tr("not in the vocabulary: read as <unk>") if example.unknown[t] else ""
            vector = trace.embedded[0, t]
            lines.append(
                eq.Equation(
                    f"x_t = E[{token_id}]",
                    self.tr("row {0} of the embedding table ('{1}')").format(token_id, token),
                    0.0,
                    note,
                )
            )
            columns = [self.tr("embedding")]
        else:
            vector = np.asarray(example.inputs[t], dtype=np.float64)
            columns = [self.tr("value")]
        self.state.setText(self.tr("Inputs are known from the start."))
        self.text.set_equations(lines)
        self.model.set_array(vector[:, None], columns, [str(k) for k in range(len(vector))])

    def _output(self, t: int) -> None:
        session = self.session
        trace, stepper, spec, task = session.trace, session.stepper, session.spec, session.task
        known = outputs_known(trace, stepper)
        position = t if spec.mode == "seq2seq" else 0
        label = f"t = {t}" if spec.mode == "seq2seq" else self.tr("the sequence")
        self.title.setText(self.tr("output ŷ, {0}").format(label))
        names = task.labels or [f"y{k}" for k in range(spec.output_size)]
        ok = bool(known[position])
        if ok:
            self.state.setText(self.tr("The forward pass has reached this output."))
            self.text.set_equations(
                eq.output_equations(session.network, trace, task.labels, position)
            )
        else:
            self.state.setText(self.tr("Not computed yet: the top layer has not reached it."))
            self.text.set_equations([])
        logits = trace.logits[0, position] if spec.mode == "seq2seq" else trace.logits[0]
        table = [logits]
        columns = [self.tr("o (logit)")]
        if trace.probabilities is not None:
            table.append(
                trace.probabilities[0, position]
                if spec.mode == "seq2seq"
                else trace.probabilities[0]
            )
            columns.append("p")
        array = np.stack(table, axis=1).astype(np.float64)
        if not ok:
            array[:] = np.nan
        self.model.set_array(array, columns, names)

    def _loss(self) -> None:
        session = self.session
        trace, stepper = session.trace, session.stepper
        self.title.setText(self.tr("loss L"))
        losses = trace.step_losses[0].astype(np.float64)[:, None]
        if stepper.loss_known:
            self.state.setText(self.tr("L = Σ_t L_t; BPTT starts from here."))
            position = None
            if session.spec.mode == "seq2seq" and session.selection.kind == "output":
                position = session.selection.position
            self.text.set_equations(eq.loss_equations(trace, session.task.labels, position))
        else:
            self.state.setText(self.tr("Not computed yet: the loss comes after the forward pass."))
            self.text.set_equations([])
            losses[:] = np.nan
        self.model.set_array(
            losses, ["L_t"], [f"{t} {tok}" for t, tok in enumerate(session.example.tokens)]
        )
