"""What the encoder-decoder's views may show at the stepper's current event. Qt-free.

These turn an EncoderDecoderTrace and its EncoderDecoderStepper (one example, index 0) into the
numbers a view draws, NaN (or False) for what the stepper has not reached yet, so tests can
compare them with the trace directly.
"""

from __future__ import annotations

import numpy as np


def attention_weights(trace, stepper) -> np.ndarray:
    """(T, S) α_tn, a row filled in when the attention of step t has run."""
    S, T = stepper.source_length, stepper.target_length
    out = np.array(trace.attention.weights[0, :T, :S], dtype=np.float64)
    out[~stepper.known_attention()] = np.nan
    return out


def attention_scores(trace, stepper) -> np.ndarray:
    """(T, S) s(x_n, q_t), as the weights."""
    S, T = stepper.source_length, stepper.target_length
    out = np.array(trace.attention.scores[0, :T, :S], dtype=np.float64)
    out[~stepper.known_attention()] = np.nan
    return out


def outputs_known(trace, stepper) -> np.ndarray:
    """(T,) the output y_t = softmax(V [s_t; c_t] + b) can be shown once the top decoder layer
    at t and (with attention) the context c_t are computed; the stepper has no event of its own
    for it (the engine computes every output with the loss)."""
    known = stepper.known_decoder(trace.spec.decoder_layers - 1)
    if trace.spec.attends:
        known = known & stepper.known_attention()
    return known


def output_probabilities(trace, stepper) -> np.ndarray:
    """(T, V) p(y | y_<t, x), NaN rows until known."""
    T = stepper.target_length
    out = np.array(trace.probabilities[0, :T], dtype=np.float64)
    out[~outputs_known(trace, stepper)] = np.nan
    return out


def node_state(stepper, part: str, *key) -> str:
    """ "future", "forward" (computed) or "backward" (its gradient is known) for a part of the
    diagram: ("encoder", layer, direction, n), ("decoder", layer, t), ("attention", t),
    ("bridge",)."""
    if stepper.loss_at is not None and stepper.backward_at[part][key] <= stepper.index:
        return "backward"
    if stepper.forward_at[part][key] <= stepper.index:
        return "forward"
    return "future"


def gradient_norms(trace) -> dict:
    """part -> array of ||dL/dh|| per node (encoder (E, D, S), decoder (L, T), attention (T,)
    as ||dL/dc_t||), for colouring the nodes the backward pass has reached."""
    if not trace.has_gradients:
        return {}
    S, T = int(trace.source_lengths[0]), int(trace.target_lengths[0])
    encoder = np.array(
        [[np.linalg.norm(d.grad_hidden[0, :S], axis=1) for d in layer] for layer in trace.encoder]
    )
    decoder = np.array(
        [np.linalg.norm(layer[0].grad_hidden[0, :T], axis=1) for layer in trace.decoder]
    )
    out = {"encoder": encoder, "decoder": decoder}
    if trace.attention is not None and trace.attention.grad_contexts is not None:
        out["attention"] = np.linalg.norm(trace.attention.grad_contexts[0, :T], axis=1)
    return out


def event_key(event) -> tuple:
    """The diagram key of the node an event computes (or back-propagates through)."""
    if event.phase == "loss":
        return ("loss",)
    return {
        "encoder": ("encoder", event.layer, event.direction, event.position),
        "decoder": ("decoder", event.layer, event.position),
        "attention": ("attention", event.position),
        "bridge": ("bridge",),
    }[event.part]
