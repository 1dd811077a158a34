"""The parameter gradients as BPTT builds them: summed over the steps back-propagated so far.

The notes' gradient is a sum over time, dL/dW = sum_t dL/dz_t x_t^T and dL/dU = sum_t dL/dz_t
h_{t-1}^T (dL/db = sum_t dL/dz_t); the trace stores every dL/dz_t, so the partial sum at any
backward event of the stepper is these terms over the positions BPTT has reached, and at the
last event it is the whole gradient (trace.grads). Nothing is run again.

    grads = accumulated_gradients(trace, stepper)     name -> array, like trace.grads

The output layer's gradient is whole at the loss event (it is computed there); the embedding
table's row of a token gets its term once every direction of layer 0 has reached the token's
position. Before the loss every gradient is 0.
"""

from __future__ import annotations

import numpy as np

from .spec import layer_names
from .stepper import Stepper
from .trace import DirectionTrace, Trace


def accumulated_gradients(trace: Trace, stepper: Stepper) -> dict[str, np.ndarray]:
    """name -> the gradient summed over the steps back-propagated at the stepper's event,
    over every example of the batch at the positions the stepper's example has reached
    (the window's batch is that one example)."""
    out = {name: np.zeros_like(grad) for name, grad in trace.grads.items()}
    if not stepper.loss_known:
        return out
    for name in ("output.weight", "output.bias"):
        out[name][...] = trace.grads[name]
    spec = trace.spec
    for layer, directions in enumerate(trace.layers):
        for d, direction in enumerate(directions):
            reached = _reached(trace, stepper.known_backward(layer, d))
            if reached.any():
                names = layer_names(layer, d)
                terms = _layer_terms(spec, direction, trace.lengths, reached)
                for role, value in terms.items():
                    out[names[role]][...] = value
    if spec.tokens:
        known = np.logical_and.reduce(
            [stepper.known_backward(0, d) for d in range(spec.num_directions)]
        )
        reached = _reached(trace, known)
        np.add.at(out["embedding.weight"], trace.inputs[reached], trace.grad_inputs[reached])
    return out


def _reached(trace: Trace, known: np.ndarray) -> np.ndarray:
    """(B, T) bool: the valid positions of every example that BPTT has reached."""
    mask = np.zeros((trace.batch_size, trace.steps), bool)
    mask[:, : known.shape[0]] = known[None, :]
    return mask & (np.arange(trace.steps)[None, :] < trace.lengths[:, None])


def _layer_terms(spec, d: DirectionTrace, lengths, reached) -> dict[str, np.ndarray]:
    """role -> sum over the reached positions of one layer and direction's per-step terms."""
    dz = d.grad_pre_input * reached[..., None]  # dL/dz_t, 0 where not reached
    if spec.cell == "tdnn":  # h_t reads x_t, x_{t-1}, ..., x_{t-K}: dW_k = sum_t dz_t x_{t-k}^T
        return {
            "weight_ih": _window_term(dz, d.inputs, lengths, d.direction == 1, spec.delay),
            "bias_ih": dz.sum(axis=(0, 1)),
        }
    previous = _previous_states(d, lengths)
    terms = {
        "weight_ih": np.einsum("btg,btd->gd", dz, d.inputs),  # sum_t dz_t x_t^T
        "bias_ih": dz.sum(axis=(0, 1)),
    }
    if spec.cell == "gru":  # the hidden side has its own dz (the reset gate scales the n rows)
        dz_hidden = d.grad_pre_hidden * reached[..., None]
        terms["weight_hh"] = np.einsum("btg,bth->gh", dz_hidden, previous)
        if d.gru_textbook:  # U_n reads r_t * h_{t-1}
            H = d.hidden_size
            reset = d.gate_values[:, :, :H]
            terms["weight_hh"][2 * H :] = np.einsum(
                "btg,bth->gh", dz_hidden[:, :, 2 * H :], reset * previous
            )
        terms["bias_hh"] = dz_hidden.sum(axis=(0, 1))
    else:  # rnn, lstm: dU = sum_t dz_t h_{t-1}^T, dc = db
        terms["weight_hh"] = np.einsum("btg,bth->gh", dz, previous)
        terms["bias_hh"] = terms["bias_ih"].copy()
    return terms


def _previous_states(d: DirectionTrace, lengths) -> np.ndarray:
    """(B, T, H) the state each position read: h_{t-1} (h_{t+1} in reverse), h_0 first."""
    out = np.zeros_like(d.hidden)
    for b, length in enumerate(lengths):
        if d.direction == 0:
            out[b, 0] = d.initial_hidden[b]
            out[b, 1:length] = d.hidden[b, : length - 1]
        else:
            out[b, length - 1] = d.initial_hidden[b]
            out[b, : length - 1] = d.hidden[b, 1:length]
    return out


def _window_term(dz, x, lengths, reverse: bool, delay: int) -> np.ndarray:
    B, T, H = dz.shape
    D = x.shape[2]
    out = np.zeros((H, (delay + 1) * D))
    for k in range(delay + 1):
        shifted = np.zeros_like(x)  # x_{t-k} (x_{t+k} in reverse), 0 outside the sequence
        for b, length in enumerate(lengths):
            if reverse:
                shifted[b, : length - k] = x[b, k:length]
            else:
                shifted[b, k:length] = x[b, : length - k]
        out[:, k * D : (k + 1) * D] = np.einsum("bth,btd->hd", dz, shifted)
    return out
