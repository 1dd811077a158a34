"""ModelComparison: the four recursive networks of the notes on the same tree, side by side.

A column per model (rvnn, su-rvnn, mv-rnn, rntn) gives its predicted class at every node of the
tree shown, in the class's colour, with its loss on the tree. Each model uses the weights it
last had in this session (trained ones are remembered when the builder switches away from
them), or fresh ones from the init seed; a model's button makes it the session's model with
those weights (undoable)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..figures import attach_figure_menu
from ..task_words import class_names
from ..undo import NetworkEdit, NetworkState
from .describe import node_words
from .items import class_colours, text_colour

MODELS = ("rvnn", "su-rvnn", "mv-rnn", "rntn")


class ModelComparison(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.remembered: dict[str, NetworkState] = {}  # model -> its last weights here
        self._networks: dict[str, tuple] = {}  # model -> (state, network) built from it
        self.buttons = {}
        row = QHBoxLayout()
        self.note = QLabel()
        self.note.setWordWrap(True)
        row.addWidget(self.note, 1)
        for model in MODELS:
            button = QPushButton(model)
            button.clicked.connect(lambda _c=False, m=model: self.use(m))
            self.buttons[model] = button
            row.addWidget(button)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setColumnCount(len(MODELS))
        self.table.setHorizontalHeaderLabels(list(MODELS))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.predictions: dict[str, np.ndarray] = {}
        self.losses: dict[str, float | None] = {}
        self._stale = True
        self.retranslate()
        session.project_changed.connect(self._project_changed)
        session.network_changed.connect(self._remember)
        session.trace_changed.connect(self._changed)
        attach_figure_menu(self, self, "models_compared")

    def retranslate(self) -> None:
        self.note.setText(
            self.tr(
                "The same tree through each model: predicted class at every node. A model not "
                "trained here yet starts from the init seed."
            )
        )
        for model, button in self.buttons.items():
            button.setToolTip(self.tr("Use {0} with these weights (undoable)").format(model))
        if self.predictions:
            self._show()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----- the weights of each model -----------------------------------------------------------
    def _project_changed(self) -> None:
        self.remembered, self._networks = {}, {}
        self._remember()

    def _remember(self) -> None:
        project = self.session.project
        if project is not None:
            self.remembered[project.spec.model] = NetworkState.of(project)

    def state_for(self, model: str) -> NetworkState:
        """The weights `model` compares with: remembered, or fresh from the init seed."""
        if model in self.remembered and self.remembered[model].spec.model == model:
            state = self.remembered[model]
            if state.spec == self.session.spec.replace(model=model):  # still fits the network
                return state
        current = NetworkState.of(self.session.project)
        return current.fresh(spec=self.session.spec.replace(model=model))

    def network_for(self, model: str):
        from simulator.kinds import build_model

        state = self.state_for(model)
        cached = self._networks.get(model)
        if cached is not None and cached[0] is state:
            return cached[1]
        network = build_model(state.spec, seed=state.init_seed)
        if state.parameters is not None:
            network.load_state_dict(state.parameters)
        self._networks[model] = (state, network)
        return network

    def use(self, model: str) -> None:
        session = self.session
        if session.project is None or session.spec.model == model:
            return
        before = NetworkState.of(session.project)
        text = self.tr("Use {0}").format(model)
        session.undo_stack.push(NetworkEdit(session, text, before, self.state_for(model)))

    # ----- comparing ----------------------------------------------------------------------------
    def _changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.compare()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.compare()

    def compare(self) -> None:
        session = self.session
        if session.trace is None or session.example is None:
            return
        self._stale = False
        example = session.example
        y = example.labels[None]
        for model in MODELS:
            if model == session.spec.model:
                trace = session.trace
            else:
                trace = self.network_for(model).run(example.flat, y=y)
            self.predictions[model] = trace.predictions()[: example.flat.size]
            self.losses[model] = trace.loss
        self._show()

    def _show(self) -> None:
        session = self.session
        flat = session.example.flat
        order = sorted(range(flat.size), key=lambda n: (-flat.height[n], flat.span[n, 0]))
        names = class_names(session.task.labels or []) or [
            str(k) for k in range(session.spec.output_size)
        ]
        colours = class_colours(session.spec.output_size)
        self.table.setRowCount(len(order) + 1)
        self.table.setVerticalHeaderLabels(
            [self.tr("loss")] + [f"{n} {node_words(flat, n)[:28]}" for n in order]
        )
        for c, model in enumerate(MODELS):
            state = self.state_for(model)
            trained = self.tr("{0} steps").format(state.step) if state.step else ""
            header = QTableWidgetItem(model + (f"\n{trained}" if trained else ""))
            header.setToolTip(
                self.tr("trained {0} steps").format(state.step)
                if state.step
                else self.tr("untrained: from the init seed")
            )
            if model == session.spec.model:
                font = header.font()
                font.setBold(True)
                header.setFont(font)
            self.table.setHorizontalHeaderItem(c, header)
            loss = self.losses.get(model)
            self.table.setItem(0, c, QTableWidgetItem("" if loss is None else f"{loss:.3f}"))
            for r, n in enumerate(order, start=1):
                k = int(self.predictions[model][n])
                item = QTableWidgetItem(names[k])
                item.setBackground(QBrush(QColor(colours[k])))
                item.setForeground(QBrush(QColor(text_colour(colours[k]))))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
