"""Short texts for interventions as the window shows them: "f = 1 at t = 3",
"h[2] = 0 at every t", and the loss line "loss 0.412 → 0.388 with f = 1 at t = 3"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from simulator.interventions import ClampGate, ZeroUnit


def gate_symbol(gate: str, cell: str) -> str:
    """The notes' letter for a gate: the candidate is g in an LSTM, n in a GRU."""
    if gate == "candidate":
        return "g" if cell == "lstm" else "n"
    return gate


def short_text(intervention, cell: str) -> str:
    """What an intervention sets and where, in symbols: "f = 1 at t = 3"."""
    units = "" if intervention.units is None else f"[{', '.join(map(str, intervention.units))}]"
    if isinstance(intervention, ClampGate):
        what = f"{gate_symbol(intervention.gate, cell)}{units} = {intervention.value:g}"
    elif isinstance(intervention, ZeroUnit):
        what = f"h{units} = 0"
    else:
        symbol = "h" if intervention.state == "hidden" else "c"
        values = intervention.values
        shown = f"{values[0]:g}" if len(values) == 1 else f"({', '.join(f'{v:g}' for v in values)})"
        what = f"{symbol}{units} := {shown}"
    if intervention.steps is None:
        where = QCoreApplication.translate("Interventions", "every t")
    else:
        where = "t = " + ", ".join(map(str, intervention.steps))
    text = QCoreApplication.translate("Interventions", "{0} at {1}").format(what, where)
    if intervention.layer or intervention.direction:
        text += " " + QCoreApplication.translate("Interventions", "(layer {0}, {1})").format(
            intervention.layer,
            (
                QCoreApplication.translate("Interventions", "forward"),
                QCoreApplication.translate("Interventions", "reverse"),
            )[intervention.direction],
        )
    return text


def effect_line(session) -> str:
    """The loss before and after the session's interventions ("" when there are none)."""
    effect = session.effect
    if effect is None:
        return ""
    what = "; ".join(short_text(i, session.spec.cell) for i in effect.after.interventions)
    if effect.before.loss is None:
        return QCoreApplication.translate("Interventions", "with {0}").format(what)
    return QCoreApplication.translate("Interventions", "loss {0:.3f} → {1:.3f} with {2}").format(
        effect.before.loss, effect.after.loss, what
    )
