"""The current event of an encoder-decoder's stepper in words (for the stepper bar).

Each string is written out in a QCoreApplication.translate call, so pyside6-lupdate finds it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

ARROWS = ("→", "←")
CONTEXT = "EncoderDecoderEvents"


def where(session, event) -> str:
    """Which part, layer and step an event is at, with its token."""
    example = session.example
    if event.part == "encoder":
        arrow = f" {ARROWS[event.direction]}" if session.spec.bidirectional else ""
        token = example.source_tokens[event.position]
        text = QCoreApplication.translate(
            "EncoderDecoderEvents", "encoder layer {0}{1} · n = {2} '{3}'"
        )
        return text.format(event.layer, arrow, event.position, token)
    if event.part == "bridge":
        return QCoreApplication.translate(
            "EncoderDecoderEvents", "bridge: the decoder's initial state s_0"
        )
    t = event.position
    reads, writes = example.decoder_tokens[t], example.target_tokens[t]
    if event.part == "attention":
        text = QCoreApplication.translate(
            "EncoderDecoderEvents", "attention · t = {0} (target '{1}'): scores, α, c_t"
        )
        return text.format(t, writes)
    text = QCoreApplication.translate(
        "EncoderDecoderEvents", "decoder layer {0} · t = {1} (reads '{2}', target '{3}')"
    )
    return text.format(event.layer, t, reads, writes)


def describe_event(session) -> str:
    event = session.stepper.event
    if event.phase == "loss":
        text = QCoreApplication.translate("EncoderDecoderEvents", "Loss: L = Σ_t L_t = {0:.4g}")
        return text.format(session.trace.loss)
    if event.phase == "forward":
        phase = QCoreApplication.translate("EncoderDecoderEvents", "Forward")
    else:
        phase = QCoreApplication.translate("EncoderDecoderEvents", "Backward")
    return f"{phase} · {where(session, event)}"
