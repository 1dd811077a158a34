"""Open one panel on its own, on the default example (or a project file), for a quick look:

    python -m ui.quick_look hidden [FILE] [--goto EVENT]

Panels: builder, input, diagram, stepper, inspector, hidden, gates, outputs, gradients, flow,
parameters. Each panel only needs a Session, so any of them can be used alone in a script.
"""

from __future__ import annotations

import argparse
import importlib
import sys

PANELS = {
    "builder": "ui.builder_panel:BuilderPanel",
    "input": "ui.input_panel:InputPanel",
    "diagram": "ui.diagram.view:UnrolledView",
    "stepper": "ui.stepper_bar:StepperBar",
    "inspector": "ui.inspector:InspectorPanel",
    "hidden": "ui.plots.hidden_panel:HiddenStatePanel",
    "gates": "ui.plots.gates_panel:GatesPanel",
    "outputs": "ui.plots.output_panel:OutputPanel",
    "gradients": "ui.plots.gradient_panel:GradientPanel",
    "flow": "ui.plots.flow_panel:FlowPanel",
    "parameters": "ui.plots.parameter_panel:ParameterPanel",
}


def panel_class(name: str):
    module, cls = PANELS[name].split(":")
    return getattr(importlib.import_module(module), cls)


def open_panel(name: str, project=None, event: str = "loss"):
    """(session, panel): the panel alone, shown, on `project` (default: the default example)."""
    from simulator.project import Project
    from simulator.resources import DEFAULT_EXAMPLE

    from .session import Session

    session = Session(kernels=None)
    panel = panel_class(name)(session)
    panel.setWindowTitle(f"rnnsim — {name}")
    panel.resize(700, 450)
    panel.show()
    session.open_project(project or Project.load(DEFAULT_EXAMPLE), None, event=event)
    return session, panel


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.quick_look")
    parser.add_argument("panel", choices=sorted(PANELS))
    parser.add_argument("file", nargs="?")
    parser.add_argument("--goto", default="loss")
    args = parser.parse_args(argv)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    project = None
    if args.file:
        from simulator.project import Project

        project = Project.load(args.file)
    _session, _panel = open_panel(args.panel, project, args.goto)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
