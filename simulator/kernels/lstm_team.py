"""One example's LSTM with its units in two halves, run by a team of two threads or of one
(team.py).

At B = 1 a step is one matrix-vector product and the element-wise work of its units, and each
step needs the whole state of the step before, so a batch's halves (simulator/halves.py) do not
exist. The units split: half h of the units is computed from its rows of U (copied once per
run, gate by gate), into its gates, cell and hidden states. In a team of two, the thread of
part p computes half p, and each part waits for the other at every step (team.in_step); a team
of one computes both halves in turn, with the same numbers.

  forward: U h_{t-1} at a half's units reads the whole h_{t-1} from the trace (8 of its cache
    lines written by the other part).
  BPTT: dL/dh_{t-1} = U^T dz_t sums over every gate row; each half multiplies its own dz_t by
    its columns of U^T, giving its share of every unit, and each unit adds the two shares
    (first + second), so a part reads 8 cache lines of the other's, not the 32 of its dz_t
    (reading the whole dz_t from the trace, BPTT took 1.9x as long as one half alone).
  Before the steps the two parts project half of the positions each (W x_t + b); after them
  part 0 takes U's gradient and the biases', part 1 W's and dL/dx_t, beside each other.

The units go through the helpers of lstm.py's kernels, on views from unit lo on, so a team's
numbers are the one-thread kernels' but for the rounding of those split sums (the order of a
sum), and the same to the last bit whether one thread runs the halves or two
(tests/engine/test_team.py). These are kernels of their own (one example, no interventions:
halves.py runs a team only then) so that the one-thread kernels stay as they were: the team's
branches inside them made an LSTM at H=32 25% slower.
"""

import numpy as np
from numba import njit

from .lstm import lstm_new_state, lstm_step_backward, lstm_unit_gates
from .mathfn import FUSED
from .rows import add, copy, tanh_of
from .steps import matvec, position, previous_position, zero_padding
from .team import HALVES, half_units, in_step, own_halves
from .team_steps import (
    add_shares,
    copy_own_units,
    gather_half,
    own_columns,
    own_rows,
    project_own_positions,
    split_weight_gradients,
)


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
    """lstm_forward for one example (B = 1) without interventions, the units in two halves:
    part `part`'s halves (team.own_halves)."""
    H = w_hh.shape[1]
    L = lengths[0]
    n = H // HALVES
    first, last = own_halves(team, part)
    project_own_positions(x[0], w_ih, b_ih, L, pre_input[0], first, last)
    if part == 0:
        zero_padding(pre_hidden, lengths)
        zero_padding(gates, lengths)
        zero_padding(cell, lengths)
        zero_padding(hidden, lengths)
    w_first, w_second = own_rows(w_hh, 4, first, last)  # a team of one holds both
    u_h = np.empty(4 * n, x.dtype)
    z = np.empty(4 * n, x.dtype)
    tanh_c = np.empty(n, x.dtype)
    in_step(team, part, 1)  # W x_t + b in the trace before the other part reads it
    for s in range(L):
        t = position(s, L, reverse)
        tp = previous_position(s, L, reverse)
        h_prev = h0[0] if tp < 0 else hidden[0, tp]
        c_prev = c0[0] if tp < 0 else cell[0, tp]
        gt = gates[0, t]
        for half in range(first, last):
            lo, hi = half_units(H, half)
            matvec(w_first if half == first else w_second, h_prev, u_h)  # U h_{t-1}, its rows
            for g in range(4):  # z_t = W x_t + b + U h_{t-1} + c at the half's units of gate g
                rows, own = slice(g * H + lo, g * H + hi), slice(g * n, (g + 1) * n)
                add(u_h[own], b_hh[rows], pre_hidden[0, t, rows])
                add(pre_input[0, t, rows], pre_hidden[0, t, rows], z[own])
            lstm_unit_gates(z, gt, lo, hi)
            lstm_new_state(
                gt[lo:], c_prev[lo:hi], cell[0, t, lo:hi], hidden[0, t, lo:hi], tanh_c, H
            )
        in_step(team, part, s + 2)  # h_t whole in the trace before the next step reads it
    last_t = position(L - 1, L, reverse)
    copy_own_units(hidden[0, last_t], h_last[0], H, first, last)
    copy_own_units(cell[0, last_t], c_last[0], H, first, last)


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
    shares,
    team,
    part,
):
    """lstm_backward for one example (B = 1) without interventions, the units in two halves:
    part `part`'s halves (team.own_halves). shares (2, HALVES, H), on a cache line: each half's
    share of U^T dz_t, in two slots used in turn (a part writes a slot again only after the
    other has read it: the step between was waited for)."""
    H = w_hh.shape[1]
    L = lengths[0]
    n = H // HALVES
    first, last = own_halves(team, part)
    if part == 0:
        zero_padding(grad_pre, lengths)
        zero_padding(grad_hidden, lengths)
        zero_padding(grad_cell, lengths)
    w_first, w_second = own_columns(w_hh, 4, first, last)
    dh = np.empty((HALVES, n), x.dtype)  # dL/dh carried back from the step after, by half
    dc = np.empty((HALVES, n), x.dtype)  # dL/dc carried back through the forget gates
    for half in range(first, last):
        lo, hi = half_units(H, half)
        copy(grad_h_last[0, lo:hi], dh[half])
        copy(grad_c_last[0, lo:hi], dc[half])
    dz = np.empty(4 * n, x.dtype)  # dL/dz_t at a half's units, gate by gate
    tanh_c = np.empty(n, x.dtype)
    in_step(team, part, 1)  # the padding zeroed before the other part writes beside it
    for s in range(L - 1, -1, -1):
        t = position(s, L, reverse)
        tp = previous_position(s, L, reverse)
        c_prev = c0[0] if tp < 0 else cell[0, tp]
        share = shares[s % 2]
        for half in range(first, last):
            lo, hi = half_units(H, half)
            gh = grad_hidden[0, t, lo:hi]
            add(dh[half], grad_out[0, t, lo:hi], gh)  # dL/dh_t: from step t+1 and from above
            tanh_of(cell[0, t, lo:hi], tanh_c)
            lstm_step_backward(
                gh, gates[0, t, lo:], tanh_c, c_prev[lo:hi], dc[half], grad_cell[0, t, lo:hi],
                grad_pre[0, t, lo:], H,
            )  # fmt: skip
            gather_half(grad_pre[0, t], H, lo, hi, dz)
            # the half's share of dL/dh_{t-1} = U^T dz_t: its columns of U^T, every unit
            matvec(w_first if half == first else w_second, dz, share[half])
        in_step(team, part, L - s + 1)  # both shares written before either is read
        for half in range(first, last):
            lo, hi = half_units(H, half)
            add_shares(share, lo, hi, dh[half])  # dL/dh_{t-1}
    for half in range(first, last):
        lo, hi = half_units(H, half)
        copy(dh[half], grad_h0[0, lo:hi])
        copy(dc[half], grad_c0[0, lo:hi])
    # every dL/dz_t is in the trace (both parts published at the last step)
    split_weight_gradients(
        part, last - first > 1, x, hidden, h0, lengths, reverse, w_ih, grad_pre, grad_pre,
        grad_x, grad_w_ih, grad_w_hh, grad_b_ih, grad_b_hh,
    )  # fmt: skip
