"""Put training into a MainWindow: the Training panel (tabbed with the network builder), the
curves (tabbed with the gradient plots), and their wiring. While a run trains, the example
gallery is disabled (and the builder: ui.kinds.view_sets; the network must not change under the
worker) and the curves are brought to the front."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from .controller import TrainingController
from .curves import TrainingCurves
from .panel import TrainingPanel


def dock_titles() -> dict[str, str]:
    return {
        "training": QCoreApplication.translate("TrainingDocks", "Training"),
        "curves": QCoreApplication.translate("TrainingDocks", "Training curves"),
    }


def install(window) -> TrainingController:
    session = window.session
    controller = TrainingController(session, window)
    curves = TrainingCurves()
    panel = TrainingPanel(session, controller, curves)
    titles = dock_titles()
    area = Qt.DockWidgetArea
    window.add_dock("training", titles["training"], panel, area.LeftDockWidgetArea)
    window.add_dock("curves", titles["curves"], curves, area.BottomDockWidgetArea)
    window.training_panel, window.training_curves = panel, curves

    def state_changed(state: str) -> None:
        running = state == "running"
        window.gallery.setEnabled(not running)
        if running:
            window.docks["curves"].raise_()
            width = window.width()
            window.resizeDocks([window.docks["curves"]], [int(width * 0.42)], Qt.Horizontal)

    controller.state_changed.connect(state_changed)
    return controller


def retranslate(window) -> None:
    for name, title in dock_titles().items():
        if name in window.docks:
            window.docks[name].setWindowTitle(title)
