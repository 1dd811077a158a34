"""InspectorPanel: the recurrent network's selected node (ui.kinds.node_inspector.NodeInspector):
its vectors and the equations of its cell with the numbers of this example put in. What the
stepper has not reached yet stays blank. On a hidden node, "Intervene" offers the interventions
(ui.intervention_actions); while some are applied, a line gives the loss before and after and
the table shows h (and c) of the run without them beside the new ones."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton

from . import equations as eq
from .intervention_actions import add_intervention_actions
from .intervention_text import effect_line
from .kinds.node_inspector import NodeInspector
from .plots.known import outputs_known

DIRECTIONS = ("→", "←")


class InspectorPanel(NodeInspector):
    def __init__(self, session, parent=None):
        super().__init__(session, None, parent)
        self.effect_text = QLabel()
        self.effect_text.setWordWrap(True)
        self.effect_text.setStyleSheet("color: #7b2cbf; font-weight: bold;")
        self.column.insertWidget(1, self.effect_text)
        self.intervene_menu = QMenu(self)
        self.intervene_menu.aboutToShow.connect(self._fill_intervene_menu)
        self.intervene = QToolButton()
        self.intervene.setMenu(self.intervene_menu)
        self.intervene.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.intervene.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        title_row = QHBoxLayout()  # the button beside the title, where the line has room
        self.column.removeWidget(self.title)
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.intervene)
        self.column.insertLayout(0, title_row)
        self.retranslate()
        session.selection_changed.connect(self.redraw)

    def retranslate(self) -> None:
        self.intervene.setText(self.tr("Intervene") + " ▾")
        self.intervene.setToolTip(
            self.tr("Clamp a gate, zero a unit or set h_t / c_t at this step (undo: Ctrl+Z)")
        )

    def retranslate_base(self) -> None:
        super().retranslate_base()
        if hasattr(self, "intervene"):
            self.retranslate()

    def _fill_intervene_menu(self) -> None:
        s, menu = self.session.selection, self.intervene_menu
        menu.clear()
        add_intervention_actions(
            menu, self.session, s.layer, s.direction, s.position, self.unit.value()
        )

    def draw(self) -> None:
        s = self.session.selection
        line = effect_line(self.session)
        self.effect_text.setVisible(bool(line))
        if self.effect_text.text() != line:
            self.effect_text.setText(line)
        self.intervene.setVisible(s.kind == "hidden" and self.session.offers_interventions)
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
        trace, stepper = session.trace, session.stepper
        j = self.set_units(session.spec.hidden_size)
        layer, direction, t = s.layer, s.direction, s.position
        title = self.tr("h_t, {0}").format(self._where(layer, direction, t))
        forward = bool(stepper.known_forward(layer, direction)[t])
        backward = bool(stepper.known_backward(layer, direction)[t])
        lines = []
        if not forward:
            when = int(stepper.forward_at[layer, direction, t]) + 1
            state = self.tr("Not computed yet: the forward pass reaches it at event {0}.")
            state = state.format(when)
        else:
            lines = eq.hidden_equations(session.network, trace, layer, direction, t, j)
            if backward:
                lines += eq.backward_equations(trace, layer, direction, t, j)
                state = self.tr("Forward and backward pass done here.")
            else:
                state = self.tr("Forward pass done; BPTT has not reached it yet.")
        table = self._hidden_table(layer, direction, t, forward, backward)
        self.show_node(title, state, lines, table)

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
        effect = self.session.effect
        if effect is not None:  # the run without the interventions, beside
            old = effect.before.layers[layer][direction]
            if old.cell_state is not None:
                columns.append((self.tr("c before"), old.cell_state[0, t], forward))
            columns.append((self.tr("h before"), old.hidden[0, t], forward))
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
        self.set_units(None)
        token = example.tokens[t]
        title = self.tr("input x_t · t = {0} '{1}'").format(t, token)
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
        state = self.tr("Inputs are known from the start.")
        table = (vector[:, None], columns, [str(k) for k in range(len(vector))])
        self.show_node(title, state, lines, table)

    def _output(self, t: int) -> None:
        session = self.session
        trace, stepper, spec, task = session.trace, session.stepper, session.spec, session.task
        self.set_units(None)
        known = outputs_known(trace, stepper)
        position = t if spec.mode == "seq2seq" else 0
        label = f"t = {t}" if spec.mode == "seq2seq" else self.tr("the sequence")
        title = self.tr("output ŷ, {0}").format(label)
        names = task.labels or [f"y{k}" for k in range(spec.output_size)]
        ok = bool(known[position])
        lines = []
        if ok:
            state = self.tr("The forward pass has reached this output.")
            lines = eq.output_equations(session.network, trace, task.labels, position)
        else:
            state = self.tr("Not computed yet: the top layer has not reached it.")
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
        self.show_node(title, state, lines, (array, columns, names))

    def _loss(self) -> None:
        session = self.session
        trace, stepper = session.trace, session.stepper
        self.set_units(None)
        losses = trace.step_losses[0].astype(np.float64)[:, None]
        lines = []
        if stepper.loss_known:
            state = self.tr("L = Σ_t L_t; BPTT starts from here.")
            position = None
            if session.spec.mode == "seq2seq" and session.selection.kind == "output":
                position = session.selection.position
            lines = eq.loss_equations(trace, session.task.labels, position)
        else:
            state = self.tr("Not computed yet: the loss comes after the forward pass.")
            losses[:] = np.nan
        rows = [f"{t} {tok}" for t, tok in enumerate(session.example.tokens)]
        self.show_node(self.tr("loss L"), state, lines, (losses, ["L_t"], rows))
