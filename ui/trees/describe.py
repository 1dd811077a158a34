"""The current event of a tree's stepper in words (for the stepper bar).

Each string is written out in a QCoreApplication.translate call, so pyside6-lupdate finds it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def node_words(flat, n: int, most: int = 40) -> str:
    """A node in words: the word of a leaf, the phrase of an inner node (shortened)."""
    text = flat.phrase(n)
    return text if len(text) <= most else text[: most - 1] + "…"


def describe_event(session) -> str:
    stepper = session.stepper
    event = stepper.event
    if event.phase == "loss":
        text = QCoreApplication.translate("TreeEvents", "Loss: L = Σ_n L_n = {0:.4g}")
        return text.format(session.trace.loss)
    flat, n = stepper.flat, event.node
    leaf = flat.left[n] < 0
    if event.phase == "forward":
        what = (
            QCoreApplication.translate("TreeEvents", "p = L[w]")
            if leaf
            else QCoreApplication.translate("TreeEvents", "p = f(z)")
        )
        phase = QCoreApplication.translate("TreeEvents", "Forward (bottom-up)")
    else:
        what = (
            QCoreApplication.translate("TreeEvents", "∂L/∂p")
            if leaf
            else QCoreApplication.translate("TreeEvents", "δ = ∂L/∂z")
        )
        phase = QCoreApplication.translate("TreeEvents", "Backward (top-down)")
    node = QCoreApplication.translate("TreeEvents", "node {0}").format(n)
    return f"{phase} · {node}: {what} · '{node_words(flat, n, 24)}'"
