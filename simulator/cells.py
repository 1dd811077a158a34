"""One layer in one direction: allocate the arrays, call the cell's compiled kernels.

This is where Python prepares and the kernels compute: every array a kernel writes is allocated
here, uninitialised (np.empty; the per-step ones reused from runs whose traces are gone, see
buffers.py), and handed over C-contiguous in the network's dtype; the kernel writes all of it,
zeros at the padded positions included.
"""

from __future__ import annotations

import numpy as np

from . import buffers
from .interventions import Edits, no_edits
from .kernels.gru import gru_backward, gru_forward
from .kernels.lstm import lstm_backward, lstm_forward
from .kernels.mathfn import IDENTITY, RELU, SIGMOID, TANH
from .kernels.rnn import rnn_backward, rnn_forward
from .kernels.tdnn import tdnn_backward, tdnn_forward
from .spec import NetworkSpec
from .trace import DirectionTrace

ACTIVATION_CODES = {"tanh": TANH, "relu": RELU, "sigmoid": SIGMOID, "identity": IDENTITY}


def run_forward(
    spec: NetworkSpec,
    weights: dict,
    x: np.ndarray,
    lengths: np.ndarray,
    layer: int,
    direction: int,
    h0: np.ndarray,
    c0: np.ndarray,
    edits: Edits | None = None,
) -> DirectionTrace:
    """Forward pass of one layer and direction. `weights` maps role (weight_ih, ...) to array;
    `edits` are the interventions at this layer and direction (simulator/interventions.py)."""
    B, T, _ = x.shape
    H = spec.hidden_size
    rows = spec.gate_blocks * H
    dtype = x.dtype
    reverse = direction == 1
    hidden = buffers.empty((B, T, H), dtype)
    pre_input = buffers.empty((B, T, rows), dtype)
    pre_hidden = gate_values = cell_state = final_cell = initial_cell = None
    final_hidden = np.empty((B, H), dtype)
    activation = ACTIVATION_CODES[spec.activation]
    edits = edits or no_edits(spec.dtype)
    if spec.cell == "tdnn":
        tdnn_forward(
            x,
            lengths,
            reverse,
            activation,
            weights["weight_ih"],
            weights["bias_ih"],
            pre_input,
            hidden,
        )
        _final_states(hidden, lengths, reverse, final_hidden)
    else:
        pre_hidden = buffers.empty((B, T, rows), dtype)
        w_ih, w_hh, b_ih, b_hh = (
            weights[k] for k in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
        )
        if spec.cell == "rnn":
            rnn_forward(
                x,
                lengths,
                reverse,
                activation,
                spec.residual,
                w_ih,
                w_hh,
                b_ih,
                b_hh,
                h0,
                pre_input,
                pre_hidden,
                hidden,
                final_hidden,
                edits.edits,
                edits.values,
                edits.offsets,
            )
        elif spec.cell == "gru":
            gate_values = buffers.empty((B, T, rows), dtype)
            gru_forward(
                x,
                lengths,
                reverse,
                spec.gru_variant == "textbook",
                w_ih,
                w_hh,
                b_ih,
                b_hh,
                h0,
                pre_input,
                pre_hidden,
                gate_values,
                hidden,
                final_hidden,
                edits.edits,
                edits.values,
                edits.offsets,
            )
        else:
            gate_values = buffers.empty((B, T, rows), dtype)
            cell_state = buffers.empty((B, T, H), dtype)
            final_cell = np.empty((B, H), dtype)
            initial_cell = c0
            lstm_forward(
                x,
                lengths,
                reverse,
                w_ih,
                w_hh,
                b_ih,
                b_hh,
                h0,
                c0,
                pre_input,
                pre_hidden,
                gate_values,
                cell_state,
                hidden,
                final_hidden,
                final_cell,
                edits.edits,
                edits.values,
                edits.offsets,
            )
    return DirectionTrace(
        layer=layer,
        direction=direction,
        cell=spec.cell,
        gru_textbook=spec.gru_variant == "textbook",
        inputs=x,
        pre_input=pre_input,
        pre_hidden=pre_hidden,
        gate_values=gate_values,
        cell_state=cell_state,
        hidden=hidden,
        initial_hidden=h0,
        initial_cell=initial_cell,
        final_hidden=final_hidden,
        final_cell=final_cell,
        edits=None if edits.offsets.shape[0] == 1 else edits,
    )


def run_backward(
    spec: NetworkSpec,
    weights: dict,
    grads: dict,
    trace: DirectionTrace,
    lengths: np.ndarray,
    grad_out: np.ndarray,
    grad_h_last: np.ndarray,
    grad_c_last: np.ndarray,
) -> np.ndarray:
    """Back-propagation through time for one layer and direction.

    Writes the parameter gradients into `grads` (role -> array, overwritten), the per-step
    gradients into `trace`, and returns dL/dx_t (B, T, D). The forward pass's interventions
    (`trace.edits`) hold here too: a value set by hand is a constant at its step.
    """
    x = trace.inputs
    B, T, D = x.shape
    H = spec.hidden_size
    rows = spec.gate_blocks * H
    dtype = x.dtype
    reverse = trace.direction == 1
    activation = ACTIVATION_CODES[spec.activation]
    grad_x = buffers.empty((B, T, D), dtype)
    trace.grad_hidden = buffers.empty((B, T, H), dtype)
    trace.grad_pre_input = buffers.empty((B, T, rows), dtype)
    trace.grad_initial_hidden = np.zeros((B, H), dtype)  # stays zero for tdnn (no state)
    if spec.cell == "tdnn":  # the final state is the hidden state at the last position
        grad_out = grad_out.copy()
        for b, length in enumerate(lengths):
            grad_out[b, 0 if reverse else length - 1] += grad_h_last[b]
        tdnn_backward(
            x,
            lengths,
            reverse,
            activation,
            weights["weight_ih"],
            trace.pre_input,
            trace.hidden,
            grad_out,
            trace.grad_pre_input,
            trace.grad_hidden,
            grad_x,
            grads["weight_ih"],
            grads["bias_ih"],
        )
        return grad_x
    w_ih, w_hh = weights["weight_ih"], weights["weight_hh"]
    g_w_ih, g_w_hh, g_b_ih, g_b_hh = (
        grads[k] for k in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
    )
    h0 = trace.initial_hidden
    edits = trace.edits or no_edits(spec.dtype)
    if spec.cell == "rnn":
        rnn_backward(
            x,
            lengths,
            reverse,
            activation,
            spec.residual,
            w_ih,
            w_hh,
            h0,
            trace.pre_input,
            trace.pre_hidden,
            trace.hidden,
            grad_out,
            grad_h_last,
            trace.grad_pre_input,
            trace.grad_hidden,
            grad_x,
            g_w_ih,
            g_w_hh,
            g_b_ih,
            g_b_hh,
            trace.grad_initial_hidden,
            edits.edits,
            edits.offsets,
        )
    elif spec.cell == "gru":
        trace.grad_pre_hidden = buffers.empty((B, T, rows), dtype)
        gru_backward(
            x,
            lengths,
            reverse,
            trace.gru_textbook,
            w_ih,
            w_hh,
            h0,
            trace.pre_hidden,
            trace.gate_values,
            trace.hidden,
            grad_out,
            grad_h_last,
            trace.grad_pre_input,
            trace.grad_pre_hidden,
            trace.grad_hidden,
            grad_x,
            g_w_ih,
            g_w_hh,
            g_b_ih,
            g_b_hh,
            trace.grad_initial_hidden,
            edits.edits,
            edits.offsets,
        )
    else:
        trace.grad_cell = buffers.empty((B, T, H), dtype)
        trace.grad_initial_cell = np.empty((B, H), dtype)
        lstm_backward(
            x,
            lengths,
            reverse,
            w_ih,
            w_hh,
            h0,
            trace.initial_cell,
            trace.gate_values,
            trace.cell_state,
            trace.hidden,
            grad_out,
            grad_h_last,
            grad_c_last,
            trace.grad_pre_input,
            trace.grad_hidden,
            trace.grad_cell,
            grad_x,
            g_w_ih,
            g_w_hh,
            g_b_ih,
            g_b_hh,
            trace.grad_initial_hidden,
            trace.grad_initial_cell,
            edits.edits,
            edits.offsets,
        )
    return grad_x


def _final_states(hidden: np.ndarray, lengths: np.ndarray, reverse: bool, out: np.ndarray) -> None:
    """The state after each sequence's last processed step (tdnn has no carried state)."""
    for b, length in enumerate(lengths):
        out[b] = hidden[b, 0 if reverse else length - 1]
