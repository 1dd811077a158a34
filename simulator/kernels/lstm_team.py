"""One example's LSTM run by a team of two threads, each computing half of the units (team.py).

At B = 1 a step is one matrix-vector product and the element-wise work of its units, and each
step needs the whole state of the step before, so a batch's halves (simulator/halves.py) do not
exist. The units split: the thread of part p computes units [lo, hi) of every step, with its
rows of U (copied once per run, gate by gate), its gates, cell and hidden states. The state a
step's product reads, and the whole dL/dz_t that BPTT's product reads, come from the trace,
which both parts write, so each part waits for the other at every step (team.in_step). Part 0
alone does what precedes the steps (the input projection, zeroing the padding) and the weight
gradients after them, while part 1 computes dL/dx_t.

Each unit is computed by the helpers of lstm.py's kernels, on views from unit lo on, so a team
gives their numbers to the last bit (tests/engine/test_team.py). These are kernels of their own
(one example, no interventions: halves.py runs a team only then) so that the one-thread kernels
stay as they were: the team's branches inside them made an LSTM at H=32 25% slower.
"""

import numpy as np
from numba import njit

from .lstm import lstm_new_state, lstm_step_backward, lstm_unit_gates
from .mathfn import FUSED
from .rows import add, copy, tanh_of
from .steps import (
    backward_operand,
    input_gradient,
    input_projection,
    matvec,
    position,
    previous_position,
    shared_weight_gradients,
    unit_rows,
    zero_padding,
)
from .team import in_step, units_of


@njit(cache=True, nogil=True, error_model="numpy", fastmath=FUSED)
def lstm_team_forward(
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
    gates,
    cell,
    hidden,
    h_last,
    c_last,
    team,
    part,
):
    """lstm_forward's part `part` for one example (B = 1) without interventions."""
    H = w_hh.shape[1]
    L = lengths[0]
    lo, hi = units_of(H, team, part)
    n = hi - lo
    if part == 0:
        input_projection(x, w_ih, b_ih, lengths, pre_input)  # W x_t + b for all t: one GEMM
        zero_padding(pre_hidden, lengths)
        zero_padding(gates, lengths)
        zero_padding(cell, lengths)
        zero_padding(hidden, lengths)
    w_own = unit_rows(w_hh, 4, lo, hi)  # this part's rows of U, gate by gate (4n, H)
    u_h = np.empty(4 * n, x.dtype)
    z = np.empty(4 * n, x.dtype)
    tanh_c = np.empty(n, x.dtype)
    in_step(team, part, 1)  # W x_t + b in the trace before the other part reads it
    for s in range(L):
        t = position(s, L, reverse)
        tp = previous_position(s, L, reverse)
        matvec(w_own, h0[0] if tp < 0 else hidden[0, tp], u_h)  # U h_{t-1}, this part's rows
        for g in range(4):  # z_t = W x_t + b + U h_{t-1} + c at this part's units of gate g
            rows, own = slice(g * H + lo, g * H + hi), slice(g * n, (g + 1) * n)
            add(u_h[own], b_hh[rows], pre_hidden[0, t, rows])
            add(pre_input[0, t, rows], pre_hidden[0, t, rows], z[own])
        gt = gates[0, t]
        lstm_unit_gates(z, gt, lo, hi)
        c_prev = c0[0] if tp < 0 else cell[0, tp]
        lstm_new_state(gt[lo:], c_prev[lo:hi], cell[0, t, lo:hi], hidden[0, t, lo:hi], tanh_c, H)
        in_step(team, part, s + 2)  # h_t whole in the trace before the next step reads it
    last = position(L - 1, L, reverse)
    copy(hidden[0, last, lo:hi], h_last[0, lo:hi])
    copy(cell[0, last, lo:hi], c_last[0, lo:hi])


@njit(cache=True, nogil=True, error_model="numpy", fastmath=FUSED)
def lstm_team_backward(
    x,
    lengths,
    reverse,
    w_ih,
    w_hh,
    h0,
    c0,
    gates,
    cell,
    hidden,
    grad_out,
    grad_h_last,
    grad_c_last,
    grad_pre,
    grad_hidden,
    grad_cell,
    grad_x,
    grad_w_ih,
    grad_w_hh,
    grad_b_ih,
    grad_b_hh,
    grad_h0,
    grad_c0,
    team,
    part,
):
    """lstm_backward's part `part` for one example (B = 1) without interventions."""
    H = w_hh.shape[1]
    L = lengths[0]
    lo, hi = units_of(H, team, part)
    if part == 0:
        zero_padding(grad_pre, lengths)
        zero_padding(grad_hidden, lengths)
        zero_padding(grad_cell, lengths)
    w_own = backward_operand(w_hh, 1)[lo:hi]  # U^T's rows of this part's units (n, 4H)
    dh = grad_h_last[0, lo:hi].copy()  # dL/dh carried back from the step after
    dc = grad_c_last[0, lo:hi].copy()  # dL/dc carried back through the forget gates
    dz = np.empty(4 * H, x.dtype)  # dL/dz_t, this part's units of each gate
    tanh_c = np.empty(hi - lo, x.dtype)
    in_step(team, part, 1)  # the padding zeroed before the other part writes beside it
    for s in range(L - 1, -1, -1):
        t = position(s, L, reverse)
        tp = previous_position(s, L, reverse)
        c_prev = c0[0] if tp < 0 else cell[0, tp]
        gh = grad_hidden[0, t, lo:hi]
        add(dh, grad_out[0, t, lo:hi], gh)  # dL/dh_t: from step t+1 and from above
        tanh_of(cell[0, t, lo:hi], tanh_c)
        lstm_step_backward(
            gh, gates[0, t, lo:], tanh_c, c_prev[lo:hi], dc, grad_cell[0, t, lo:hi], dz[lo:], H
        )
        for g in range(4):
            copy(dz[g * H + lo : g * H + hi], grad_pre[0, t, g * H + lo : g * H + hi])
        in_step(team, part, L - s + 1)  # dL/dz_t whole in the trace before the product reads it
        matvec(w_own, grad_pre[0, t], dh)  # dL/dh_{t-1} = U^T dz_t at this part's units
    copy(dh, grad_h0[0, lo:hi])
    copy(dc, grad_c0[0, lo:hi])
    # every dL/dz_t is in the trace (both parts published at the last step): part 0 takes the
    # weight gradients while part 1 computes dL/dx_t
    if part == 0:
        shared_weight_gradients(
            grad_pre, x, hidden, h0, lengths, reverse, grad_w_ih, grad_w_hh, grad_b_ih, grad_b_hh
        )
    else:
        input_gradient(grad_pre, w_ih, grad_x)
