"""The current event of a recurrent network's stepper in words (for the stepper bar).

Each string is written out in a QCoreApplication.translate call, so pyside6-lupdate finds it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

ARROWS = ("→", "←")


def describe_event(session) -> str:
    event = session.stepper.event
    if event.phase == "loss":
        text = QCoreApplication.translate("RecurrentEvents", "Loss: L = Σ_t L_t = {0:.4g}")
        return text.format(session.trace.loss)
    where = QCoreApplication.translate("RecurrentEvents", "layer {0}").format(event.layer)
    if session.spec.bidirectional:
        where += " " + ARROWS[event.direction]
    token = session.example.tokens[event.position]
    if event.phase == "forward":
        phase = QCoreApplication.translate("RecurrentEvents", "Forward")
    else:
        phase = QCoreApplication.translate("RecurrentEvents", "Backward (BPTT)")
    return f"{phase} · {where} · t = {event.position} '{token}'"
