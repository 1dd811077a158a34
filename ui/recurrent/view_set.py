"""RecurrentViewSet: the recurrent network's page in the window's centre (the input and the
unrolled network), its builder and inspector for the "Network" and "Inspector" docks, and its
six plots for docks of their own (hidden state, gates, output and loss, gradients, gradient
flow, parameter gradients)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from ..builder_panel import BuilderPanel
from ..diagram.view import UnrolledView
from ..input_panel import InputPanel
from ..inspector import InspectorPanel
from ..kinds.view_set import ViewSet
from ..plots.flow_panel import FlowPanel
from ..plots.gates_panel import GatesPanel
from ..plots.gradient_panel import GradientPanel
from ..plots.hidden_panel import HiddenStatePanel
from ..plots.output_panel import OutputPanel
from ..plots.parameter_panel import ParameterPanel


class RecurrentViewSet(ViewSet):
    def __init__(self, session, window, parent=None):
        super().__init__(session, parent)
        self.window = window
        self.input_panel = InputPanel(session)
        self.diagram = UnrolledView(session)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.input_panel)
        column.addWidget(self.diagram, 1)
        self.builder = BuilderPanel(session)
        self.inspector = InspectorPanel(session)
        self.plots = {
            "hidden": HiddenStatePanel(session),
            "gates": GatesPanel(session),
            "outputs": OutputPanel(session),
            "gradients": GradientPanel(session),
            "flow": FlowPanel(session),
            "parameters": ParameterPanel(session),
        }
        self.docks.update(self.plots)

    def plot_items(self) -> dict:
        items = {}
        for panel in self.plots.values():
            if panel._shape is not None:
                items.update(panel.plot_items())
        return items

    def figures(self) -> dict:
        """Every plot built so far (each plot of a panel on its own) and the unrolled diagram.
        A plot in a lowered tab has no size to draw: its dock is raised meanwhile, and the docks
        in front before are raised again after."""
        from PySide6.QtWidgets import QApplication

        docks = [self.window.docks[name] for name in self.plots]
        in_front = [dock for dock in docks if not dock.visibleRegion().isEmpty()]
        figures = {}
        for name, panel in self.plots.items():
            self.window.docks[name].raise_()
            QApplication.processEvents()
            if panel._shape is not None:
                figures.update(panel.plot_items())
        for dock in in_front:
            dock.raise_()
        figures["unrolled"] = self.diagram.scene
        return figures

    def close_work(self) -> None:
        """The window is closing: stop the gradient flow's worker."""
        self.plots["flow"].cancel()
