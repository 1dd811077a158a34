"""The current event of a tree's stepper in words (for the stepper bar)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("TreeEvents", text)


def node_words(flat, n: int) -> str:
    """A node in words: the word of a leaf, the phrase of an inner node (shortened)."""
    text = flat.phrase(n)
    return text if len(text) <= 40 else text[:39] + "…"


def describe_event(session) -> str:
    stepper = session.stepper
    event = stepper.event
    count = _tr("event {0} of {1}").format(stepper.index + 1, len(stepper))
    if event.phase == "loss":
        return _tr("Loss: L = Σ_n L_n = {0:.4g}    ({1})").format(session.trace.loss, count)
    flat, n = stepper.flat, event.node
    leaf = flat.left[n] < 0
    if event.phase == "forward":
        what = _tr("p = L[w]") if leaf else _tr("p = f(z)")
        phase = _tr("Forward (bottom-up)")
    else:
        what = _tr("∂L/∂p") if leaf else _tr("δ = ∂L/∂z")
        phase = _tr("Backward (top-down)")
    return f"{phase} · {_tr('node')} {n}: {what} · '{node_words(flat, n)}'    ({count})"
