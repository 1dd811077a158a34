"""The current event of an encoder-decoder's stepper in words (for the stepper bar)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

ARROWS = ("→", "←")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Seq2SeqEvents", text)


def where(session, event) -> str:
    """Which part, layer and step an event is at, with its token."""
    example = session.example
    bidirectional = session.spec.bidirectional
    if event.part == "encoder":
        arrow = f" {ARROWS[event.direction]}" if bidirectional else ""
        token = example.source_tokens[event.position]
        return _tr("encoder layer {0}{1} · n = {2} '{3}'").format(
            event.layer, arrow, event.position, token
        )
    if event.part == "bridge":
        return _tr("bridge: the decoder's initial state s_0")
    t = event.position
    reads, writes = example.decoder_tokens[t], example.target_tokens[t]
    if event.part == "attention":
        return _tr("attention · t = {0} (target '{1}'): scores, α, c_t").format(t, writes)
    return _tr("decoder layer {0} · t = {1} (reads '{2}', target '{3}')").format(
        event.layer, t, reads, writes
    )


def describe_event(session) -> str:
    stepper = session.stepper
    event = stepper.event
    count = _tr("event {0} of {1}").format(stepper.index + 1, len(stepper))
    if event.phase == "loss":
        return _tr("Loss: L = Σ_t L_t = {0:.4g}    ({1})").format(session.trace.loss, count)
    phase = _tr("Forward") if event.phase == "forward" else _tr("Backward")
    return f"{phase} · {where(session, event)}    ({count})"
