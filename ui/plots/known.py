"""What a plot may show at the stepper's current event, as arrays with NaN for the future.

Qt-free: these functions turn a Trace and a Stepper (one example, index 0) into the numbers a
plot draws, so tests can compare them with the trace directly.
"""

from __future__ import annotations

import numpy as np


def blank_future(values: np.ndarray, known: np.ndarray) -> np.ndarray:
    """(T, ...) values as floats with NaN at every step t where known[t] is False."""
    out = np.array(values, dtype=np.float64)
    out[~np.asarray(known, bool)] = np.nan
    return out


def finite_or_nan(values: np.ndarray) -> np.ndarray:
    """inf (an exploding network) is drawn as blank rather than breaking the colour scale."""
    out = np.array(values, dtype=np.float64)
    out[~np.isfinite(out)] = np.nan
    return out


def hidden(trace, stepper, layer: int, direction: int) -> np.ndarray:
    """(H, T) h_t of one layer and direction, blank where not yet computed."""
    d = trace.layers[layer][direction]
    return finite_or_nan(blank_future(d.hidden[0], stepper.known_forward(layer, direction)).T)


def gates(trace, stepper, layer: int, direction: int) -> dict[str, np.ndarray]:
    """name -> (H, T): the cell's gates and candidate, the LSTM cell state, or (rnn, tdnn) the
    pre-activation z_t."""
    d = trace.layers[layer][direction]
    known = stepper.known_forward(layer, direction)
    arrays = dict(d.gates)
    if d.cell_state is not None:
        arrays["cell"] = d.cell_state
    if not arrays:
        arrays = {"pre_activation": d.pre_activation}
    return {name: finite_or_nan(blank_future(a[0], known).T) for name, a in arrays.items()}


def outputs_known(trace, stepper) -> np.ndarray:
    """(T,) for seq2seq: the output at t needs every direction of the top layer at t.
    (1,) for seq2class: the one output needs the whole top layer."""
    top = trace.spec.num_layers - 1
    known = np.logical_and.reduce(
        [stepper.known_forward(top, d) for d in range(trace.spec.num_directions)]
    )
    if trace.spec.mode == "seq2seq":
        return known
    return np.array([bool(known.all())])


def outputs(trace, stepper) -> np.ndarray:
    """(T, O) seq2seq or (1, O) seq2class: probabilities (or regression outputs)."""
    values = trace.outputs[0]
    if values.ndim == 1:
        values = values[None]
    return finite_or_nan(blank_future(values, outputs_known(trace, stepper)))


def step_losses(trace, stepper) -> np.ndarray:
    """(T,) L_t, known from the loss event on."""
    losses = np.array(trace.step_losses[0], dtype=np.float64)
    if not stepper.loss_known:
        losses[:] = np.nan
    return finite_or_nan(losses)


def grad_hidden_norm(trace, stepper, layer: int, direction: int) -> np.ndarray:
    """(T,) ||dL/dh_t||, known once BPTT has reached t in this layer and direction."""
    d = trace.layers[layer][direction]
    norms = np.linalg.norm(d.grad_hidden[0], axis=1)
    return finite_or_nan(blank_future(norms, stepper.known_backward(layer, direction)))


def grad_cell_norm(trace, stepper, layer: int, direction: int) -> np.ndarray | None:
    d = trace.layers[layer][direction]
    if d.grad_cell is None:
        return None
    norms = np.linalg.norm(d.grad_cell[0], axis=1)
    return finite_or_nan(blank_future(norms, stepper.known_backward(layer, direction)))


def parameter_grad_norms(trace, stepper) -> dict[str, float]:
    """name -> ||dL/dparameter|| summed over the steps BPTT has reached (the notes' sum over t,
    growing step by step; the whole gradient at the last event); NaN before the loss."""
    from simulator.accumulated import accumulated_gradients

    if not stepper.loss_known:
        return {name: np.nan for name in trace.grads}
    grads = accumulated_gradients(trace, stepper)
    return {name: float(np.linalg.norm(grad)) for name, grad in grads.items()}


def flow_matrix(matrix: np.ndarray, stepper, layer: int, direction: int) -> np.ndarray:
    """G[t, k] = ||dL_t/dh_k||, with column k blank until BPTT has reached h_k (and everything
    blank before the loss)."""
    out = np.array(matrix, dtype=np.float64)
    if not stepper.loss_known:
        out[:] = np.nan
        return out
    out[:, ~stepper.known_backward(layer, direction)] = np.nan
    return finite_or_nan(out)
