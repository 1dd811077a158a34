"""File > Export trace…, Import weights…, Export weights…: the run's arrays out (.npz, or .h5
for LSTMVis) and the parameters out and in as .safetensors under PyTorch's names.

Importing weights is an undoable network edit (Ctrl+Z brings the old weights back); a file that
does not fit the network is a message in the window and changes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

TRACE_FILTER = "NumPy arrays (*.npz);;LSTMVis states (*.h5)"
WEIGHTS_FILTER = "safetensors (*.safetensors)"


class ExchangeActions(QObject):
    def __init__(self, window, session):
        super().__init__(window)
        self.window, self.session = window, session
        self.export_trace_action = window_action(window, self.export_trace)
        self.import_weights_action = window_action(window, self.import_weights)
        self.export_weights_action = window_action(window, self.export_weights)
        # Tests answer the file dialogs by replacing these: (caption, start, filter) -> path
        self.ask_save_path = self._ask_save_path
        self.ask_open_path = self._ask_open_path
        self.retranslate()

    def retranslate(self) -> None:
        self.export_trace_action.setText(self.tr("Export &trace…"))
        self.import_weights_action.setText(self.tr("&Import weights…"))
        self.export_weights_action.setText(self.tr("E&xport weights…"))

    def actions(self):
        return [self.export_trace_action, self.import_weights_action, self.export_weights_action]

    # ----- dialogs ------------------------------------------------------------------------------
    def _start(self, suffix: str) -> str:
        base = self.session.path.parent if self.session.path else Path.home()
        name = (self.session.name or "run").split(" ")[0] or "run"
        return str(base / (name.removesuffix(".rnnsim.json") + suffix))

    def _ask_save_path(self, caption: str, start: str, filters: str) -> str:
        return QFileDialog.getSaveFileName(self.window, caption, start, filters)[0]

    def _ask_open_path(self, caption: str, start: str, filters: str) -> str:
        return QFileDialog.getOpenFileName(self.window, caption, start, filters)[0]

    # ----- actions ------------------------------------------------------------------------------
    def export_trace(self) -> None:
        from simulator.errors import ProjectError
        from simulator.trace_export import export_trace

        if self.session.trace is None:
            self.session.problem.emit(self.tr("There is no run to export yet."))
            return
        path = self.ask_save_path(self.tr("Export the trace"), self._start(".npz"), TRACE_FILTER)
        if not path:
            return
        if Path(path).suffix.lower() not in (".npz", ".h5", ".hdf5"):
            path += ".npz"
        try:
            written = export_trace(path, self.session.trace, self.session.task)
        except ProjectError as err:
            self.session.problem.emit(self.tr("Could not export the trace: {0}").format(err))
            return
        self.session.status.emit(self.tr("Wrote {0}").format(", ".join(p.name for p in written)))

    def export_weights(self) -> None:
        from simulator.errors import ProjectError
        from simulator.weights_exchange import export_weights

        if self.session.network is None:
            return
        start = self._start(".safetensors")
        path = self.ask_save_path(self.tr("Export the weights"), start, WEIGHTS_FILTER)
        if not path:
            return
        if not path.endswith(".safetensors"):
            path += ".safetensors"
        try:
            export_weights(self.session.network, path)
        except ProjectError as err:
            self.session.problem.emit(self.tr("Could not export the weights: {0}").format(err))
            return
        self.session.status.emit(self.tr("Wrote {0}").format(Path(path).name))

    def import_weights(self) -> None:
        from simulator.errors import ProjectError
        from simulator.weights_exchange import import_weights

        from .undo import NetworkEdit, NetworkState

        session = self.session
        if session.project is None:
            return
        start = str(session.path.parent) if session.path else str(Path.home())
        path = self.ask_open_path(self.tr("Import weights"), start, WEIGHTS_FILTER)
        if not path:
            return
        try:
            network = session.project.make_network()
            import_weights(network, path)
        except ProjectError as err:
            session.problem.emit(self.tr("Could not import the weights: {0}").format(err))
            return
        before = NetworkState.of(session.project)
        after = NetworkState(
            before.spec,
            before.init_seed,
            network.state_dict(),
            {},  # the optimiser's moments belonged to the old weights
            before.history,
            before.step,
        )
        text = self.tr("Import weights from {0}").format(Path(path).name)
        session.undo_stack.push(NetworkEdit(session, text, before, after))
        session.status.emit(self.tr("Read the weights in {0}").format(Path(path).name))


def window_action(window, slot):
    from PySide6.QtGui import QAction

    action = QAction(window)
    action.triggered.connect(slot)
    return action
