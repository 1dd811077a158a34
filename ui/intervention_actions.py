"""The intervention actions of a hidden node (layer, direction, t) of the unrolled network,
appended to a menu the inspector or the diagram owns (so other actions can be added to the same
menu): clamp f = 1 here, zero a unit, clamp a gate / set h_t / set c_t with a dialog, clear."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from simulator.interventions import ClampGate, ZeroUnit

from .intervention_dialog import InterventionDialog
from .intervention_text import short_text


def add_intervention_actions(menu, session, layer: int, direction: int, t: int, unit=None):
    """Append the actions to `menu` (nothing when the model offers no interventions).
    `unit`: the unit the person is looking at (a quick "zero unit j"), or None."""
    if not session.offers_interventions:
        return
    cell = session.spec.cell
    where = {"layer": layer, "direction": direction, "steps": t}

    def quick(intervention):
        label = short_text(intervention, cell)
        text = QCoreApplication.translate("Interventions", "Intervene: {0}").format(label)
        action = menu.addAction(label)

        def apply():
            problem = session.add_intervention(intervention, text)
            if problem:
                session.status.emit(problem)

        action.triggered.connect(apply)

    if cell == "lstm":
        quick(ClampGate(gate="f", value=1.0, **where))
    if unit is not None:
        quick(ZeroUnit(units=unit, **where))

    def dialog(what: str):
        box = InterventionDialog(session, layer, direction, t, what, menu.parentWidget())
        box.exec()

    choices = [
        ("zero", QCoreApplication.translate("Interventions", "Zero units…")),
        ("hidden", QCoreApplication.translate("Interventions", "Set h_t…")),
    ]
    if cell in ("lstm", "gru"):
        choices.insert(0, ("clamp", QCoreApplication.translate("Interventions", "Clamp a gate…")))
    if cell == "lstm":
        choices.append(("cell", QCoreApplication.translate("Interventions", "Set c_t…")))
    for what, label in choices:
        menu.addAction(label).triggered.connect(lambda _=False, w=what: dialog(w))
    menu.addSeparator()
    clear = menu.addAction(QCoreApplication.translate("Interventions", "Clear interventions"))
    clear.setEnabled(bool(session.interventions))
    clear.triggered.connect(session.clear_interventions)
