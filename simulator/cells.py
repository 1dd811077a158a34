"""One layer in one direction: allocate the arrays, call the cell's compiled kernels.

This is where Python prepares and the kernels compute: every array a kernel writes is allocated
here, uninitialised (np.empty; the per-step ones reused from runs whose traces are gone, see
buffers.py), and handed over C-contiguous in the network's dtype; the kernel writes all of it,
zeros at the padded positions included.
"""

from __future__ import annotations

import numpy as np

from . import buffers
from .halves import Halves, run_in_halves, run_team
from .interventions import Edits, no_edits
from .kernels.gru import gru_backward, gru_forward
from .kernels.gru_team import gru_team_backward, gru_team_forward
from .kernels.lstm import lstm_backward, lstm_forward
from .kernels.lstm_team import lstm_team_backward, lstm_team_forward
from .kernels.mathfn import IDENTITY, RELU, SIGMOID, TANH
from .kernels.rnn import rnn_backward, rnn_forward
from .kernels.tdnn import tdnn_backward, tdnn_forward
from .kernels.team import HALVES
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
    halves: Halves | None = None,
) -> DirectionTrace:
    """Forward pass of one layer and direction. `weights` maps role (weight_ih, ...) to array;
    `edits` are the interventions at this layer and direction (simulator/interventions.py);
    `halves`: the batch run in two halves (simulator/halves.py)."""
    B, T, _ = x.shape
    H = spec.hidden_size
    rows = spec.gate_blocks * H
    dtype = x.dtype
    reverse = direction == 1
    edits = edits or no_edits(spec.dtype)
    halves = _without_edits(halves, edits)
    empty = _trace_arrays(halves)
    hidden = empty((B, T, H), dtype)
    pre_input = empty((B, T, rows), dtype)
    pre_hidden = gate_values = cell_state = final_cell = initial_cell = None
    final_hidden = np.empty((B, H), dtype)
    activation = ACTIVATION_CODES[spec.activation]
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
        pre_hidden = empty((B, T, rows), dtype)
        w_ih, w_hh, b_ih, b_hh = (
            weights[k] for k in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
        )
        team_call = None  # the call of each part of a team, where the cell has its kernels
        if spec.cell == "rnn":

            def call(r):
                rnn_forward(
                    x[r],
                    lengths[r],
                    reverse,
                    activation,
                    spec.residual,
                    w_ih,
                    w_hh,
                    b_ih,
                    b_hh,
                    h0[r],
                    pre_input[r],
                    pre_hidden[r],
                    hidden[r],
                    final_hidden[r],
                    edits.edits,
                    edits.values,
                    edits.offsets,
                )

        elif spec.cell == "gru":
            gate_values = empty((B, T, rows), dtype)
            if spec.gru_variant == "pytorch":
                outputs = (pre_input, pre_hidden, gate_values, hidden, final_hidden)

                def team_call(team, part):
                    gru_team_forward(
                        x, lengths, reverse, w_ih, w_hh, b_ih, b_hh, h0, *outputs, team, part
                    )

            def call(r):
                gru_forward(
                    x[r],
                    lengths[r],
                    reverse,
                    spec.gru_variant == "textbook",
                    w_ih,
                    w_hh,
                    b_ih,
                    b_hh,
                    h0[r],
                    pre_input[r],
                    pre_hidden[r],
                    gate_values[r],
                    hidden[r],
                    final_hidden[r],
                    edits.edits,
                    edits.values,
                    edits.offsets,
                )

        else:
            gate_values = empty((B, T, rows), dtype)
            cell_state = empty((B, T, H), dtype)
            final_cell = np.empty((B, H), dtype)
            initial_cell = c0
            outputs = (pre_input, pre_hidden, gate_values, cell_state, hidden)

            def team_call(team, part):
                lstm_team_forward(
                    x, lengths, reverse, w_ih, w_hh, b_ih, b_hh, h0, c0, *outputs,
                    final_hidden, final_cell, team, part,
                )  # fmt: skip

            def call(r):
                lstm_forward(
                    x[r],
                    lengths[r],
                    reverse,
                    w_ih,
                    w_hh,
                    b_ih,
                    b_hh,
                    h0[r],
                    c0[r],
                    pre_input[r],
                    pre_hidden[r],
                    gate_values[r],
                    cell_state[r],
                    hidden[r],
                    final_hidden[r],
                    final_cell[r],
                    edits.edits,
                    edits.values,
                    edits.offsets,
                )

        _run(call, team_call, halves)
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
    halves: Halves | None = None,
) -> np.ndarray:
    """Back-propagation through time for one layer and direction.

    Writes the parameter gradients into `grads` (role -> array, overwritten), the per-step
    gradients into `trace`, and returns dL/dx_t (B, T, D). The forward pass's interventions
    (`trace.edits`) hold here too: a value set by hand is a constant at its step. `halves`: the
    batch run in two halves (simulator/halves.py).
    """
    x = trace.inputs
    B, T, D = x.shape
    H = spec.hidden_size
    rows = spec.gate_blocks * H
    dtype = x.dtype
    reverse = trace.direction == 1
    activation = ACTIVATION_CODES[spec.activation]
    edits = trace.edits or no_edits(spec.dtype)
    halves = _without_edits(halves, edits)
    empty = _trace_arrays(halves)
    grad_x = empty((B, T, D), dtype)
    trace.grad_hidden = empty((B, T, H), dtype)
    trace.grad_pre_input = empty((B, T, rows), dtype)
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
    weight_grads = tuple(grads[k] for k in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"))
    h0 = trace.initial_hidden
    team_call = None  # the call of each part of a team, where the cell has its kernels
    if spec.cell == "rnn":

        def call(r, g):
            rnn_backward(
                x[r],
                lengths[r],
                reverse,
                activation,
                spec.residual,
                w_ih,
                w_hh,
                h0[r],
                trace.pre_input[r],
                trace.pre_hidden[r],
                trace.hidden[r],
                grad_out[r],
                grad_h_last[r],
                trace.grad_pre_input[r],
                trace.grad_hidden[r],
                grad_x[r],
                *g,
                trace.grad_initial_hidden[r],
                edits.edits,
                edits.offsets,
            )

    elif spec.cell == "gru":
        trace.grad_pre_hidden = empty((B, T, rows), dtype)
        if spec.gru_variant == "pytorch":
            shares = buffers.empty((2, HALVES, H), dtype, aligned=True)  # a team's U^T du_t
            grad_steps = (trace.grad_pre_input, trace.grad_pre_hidden, trace.grad_hidden, grad_x)

            def team_call(team, part):
                gru_team_backward(
                    x, lengths, reverse, w_ih, w_hh, h0, trace.pre_hidden, trace.gate_values,
                    trace.hidden, grad_out, grad_h_last, *grad_steps, *weight_grads,
                    trace.grad_initial_hidden, shares, team, part,
                )  # fmt: skip

        def call(r, g):
            gru_backward(
                x[r],
                lengths[r],
                reverse,
                trace.gru_textbook,
                w_ih,
                w_hh,
                h0[r],
                trace.pre_hidden[r],
                trace.gate_values[r],
                trace.hidden[r],
                grad_out[r],
                grad_h_last[r],
                trace.grad_pre_input[r],
                trace.grad_pre_hidden[r],
                trace.grad_hidden[r],
                grad_x[r],
                *g,
                trace.grad_initial_hidden[r],
                edits.edits,
                edits.offsets,
            )

    else:
        trace.grad_cell = empty((B, T, H), dtype)
        trace.grad_initial_cell = np.empty((B, H), dtype)
        grad_steps = (trace.grad_pre_input, trace.grad_hidden, trace.grad_cell, grad_x)
        initial = (trace.grad_initial_hidden, trace.grad_initial_cell)

        shares = buffers.empty((2, HALVES, H), dtype, aligned=True)  # a team's U^T dz_t

        def team_call(team, part):
            lstm_team_backward(
                x, lengths, reverse, w_ih, w_hh, h0, trace.initial_cell, trace.gate_values,
                trace.cell_state, trace.hidden, grad_out, grad_h_last, grad_c_last,
                *grad_steps, *weight_grads, *initial, shares, team, part,
            )  # fmt: skip

        def call(r, g):
            lstm_backward(
                x[r],
                lengths[r],
                reverse,
                w_ih,
                w_hh,
                h0[r],
                trace.initial_cell[r],
                trace.gate_values[r],
                trace.cell_state[r],
                trace.hidden[r],
                grad_out[r],
                grad_h_last[r],
                grad_c_last[r],
                trace.grad_pre_input[r],
                trace.grad_hidden[r],
                trace.grad_cell[r],
                grad_x[r],
                *g,
                trace.grad_initial_hidden[r],
                trace.grad_initial_cell[r],
                edits.edits,
                edits.offsets,
            )

    if _by_team(team_call, halves):
        run_team(team_call, halves.parallel)
    else:
        _backward_in_halves(call, weight_grads, halves)
    return grad_x


def _without_edits(halves: Halves | None, edits: Edits) -> Halves | None:
    """Interventions name their steps by row of the whole batch: such a run stays whole."""
    return halves if edits.offsets.shape[0] == 1 else None


def _run(call, team_call, halves: Halves | None) -> None:
    """call(rows) per half of a batch (or once), or team_call(team, part) by both parts of a team
    for one example's units in halves (halves.py)."""
    if _by_team(team_call, halves):
        run_team(team_call, halves.parallel)
    else:
        run_in_halves(call, halves)


def _by_team(team_call, halves: Halves | None) -> bool:
    """Whether a team runs the units in halves: asked for, and the cell has its kernels."""
    return team_call is not None and halves is not None and halves.units


def _trace_arrays(halves: Halves | None):
    """How a run's per-step arrays are allocated (buffers.py): on a cache line where two threads
    write the two halves of each row (one example's units in halves)."""
    aligned = halves is not None and halves.units
    return lambda shape, dtype: buffers.empty(shape, dtype, aligned)


def _backward_in_halves(call, weight_grads: tuple, halves: Halves | None) -> None:
    """call(rows, gradients) per half (halves.py): the first half writes the weight gradients,
    the second its own copies, added after (first + second, whichever ran first)."""
    second = weight_grads if halves is None else tuple(np.empty_like(g) for g in weight_grads)

    def call_half(rows):  # the first half's rows (and the whole batch's) start at None
        call(rows, weight_grads if rows.start is None else second)

    run_in_halves(call_half, halves)
    if halves is not None:
        for total, part in zip(weight_grads, second, strict=True):
            total += part


def _final_states(hidden: np.ndarray, lengths: np.ndarray, reverse: bool, out: np.ndarray) -> None:
    """The state after each sequence's last processed step (tdnn has no carried state)."""
    for b, length in enumerate(lengths):
        out[b] = hidden[b, 0 if reverse else length - 1]
