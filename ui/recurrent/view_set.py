"""RecurrentViewSet: the recurrent network's page in the window's centre (the input and the
unrolled network), its builder and inspector for the "Network" and "Inspector" docks, and its
six plots for docks of their own (hidden state, gates, output and loss, gradients, gradient
flow, parameter gradients)."""

from __future__ import annotations

from pathlib import Path

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

    def export_plots(self, folder: Path) -> list[Path]:
        """Every plot as PNG and SVG in `folder`."""
        from PySide6.QtWidgets import QApplication

        from ..figures import save_plots

        written = []
        for name, panel in self.plots.items():
            self.window.docks[name].raise_()  # a plot in a hidden tab has no size to export
            QApplication.processEvents()
            if panel._shape is not None:
                written += save_plots(panel.plot_items(), folder)
        self.window.docks["gradients"].raise_()
        return written

    def close_work(self) -> None:
        """The window is closing: stop the gradient flow's worker."""
        self.plots["flow"].cancel()
