"""One example's GRU (PyTorch's variant) with its units in two halves, run by a team of two
threads or of one (team.py), as lstm_team.py runs the LSTM.

In PyTorch's variant every gate of a unit reads only that unit's rows of U h_{t-1} + c
(n_t = tanh(W_n x_t + b_n + r_t (U_n h_{t-1} + c_n))), so a half of the units needs the whole
h_{t-1} and nothing else of the other half; BPTT's U^T dL/d(U h_{t-1} + c) is summed as two
halves' shares (team_steps.add_shares). The textbook variant multiplies U_n by r_t h_{t-1}, the
whole of it, and runs in the one-thread kernels.
"""

import numpy as np
from numba import njit

from .gru import (
    gru_candidate_and_update_backward,
    gru_candidate_pre,
    gru_new_state,
    gru_reset_backward,
)
from .mathfn import FUSED
from .rows import add, copy, sigmoid_of, tanh_of
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
def gru_team_forward(
    x,
    lengths,
    reverse,
    w_ih,
    w_hh,
    b_ih,
    b_hh,
    h0,
    pre_input,
    pre_hidden,
    gates,
    hidden,
    h_last,
    team,
    part,
):
    """gru_forward (PyTorch's variant) for one example (B = 1) without interventions, the units
    in two halves: part `part`'s halves (team.own_halves)."""
    H = w_hh.shape[1]
    L = lengths[0]
    n = H // HALVES
    first, last = own_halves(team, part)
    project_own_positions(x[0], w_ih, b_ih, L, pre_input[0], first, last)
    if part == 0:
        zero_padding(pre_hidden, lengths)
        zero_padding(gates, lengths)
        zero_padding(hidden, lengths)
    w_first, w_second = own_rows(w_hh, 3, first, last)  # a team of one holds both
    u_h = np.empty(3 * n, x.dtype)
    z = np.empty(3 * n, x.dtype)
    in_step(team, part, 1)  # W x_t + b in the trace before the other part reads it
    for s in range(L):
        t = position(s, L, reverse)
        tp = previous_position(s, L, reverse)
        h_prev = h0[0] if tp < 0 else hidden[0, tp]
        pi, ph, gt = pre_input[0, t], pre_hidden[0, t], gates[0, t]
        for half in range(first, last):
            lo, hi = half_units(H, half)
            matvec(w_first if half == first else w_second, h_prev, u_h)  # U h_{t-1}, its rows
            for g in range(3):  # U h_{t-1} + c at the half's units of gate g
                rows = slice(g * H + lo, g * H + hi)
                add(u_h[g * n : (g + 1) * n], b_hh[rows], ph[rows])
            for g in range(2):  # r, z
                rows = slice(g * H + lo, g * H + hi)
                add(pi[rows], ph[rows], z[g * n : (g + 1) * n])
                sigmoid_of(z[g * n : (g + 1) * n], gt[rows])
            gru_candidate_pre(pi[2 * H + lo :], gt[lo:hi], ph[2 * H + lo :], z[2 * n :])
            tanh_of(z[2 * n :], gt[2 * H + lo : 2 * H + hi])  # n
            gru_new_state(gt[lo:], h_prev[lo:hi], hidden[0, t, lo:hi], H)
        in_step(team, part, s + 2)  # h_t whole in the trace before the next step reads it
    copy_own_units(hidden[0, position(L - 1, L, reverse)], h_last[0], H, first, last)


@njit(cache=True, nogil=True, error_model="numpy", fastmath=FUSED)
def gru_team_backward(
    x,
    lengths,
    reverse,
    w_ih,
    w_hh,
    h0,
    pre_hidden,
    gates,
    hidden,
    grad_out,
    grad_h_last,
    grad_pre_input,
    grad_pre_hidden,
    grad_hidden,
    grad_x,
    grad_w_ih,
    grad_w_hh,
    grad_b_ih,
    grad_b_hh,
    grad_h0,
    shares,
    team,
    part,
):
    """gru_backward (PyTorch's variant) for one example (B = 1) without interventions, the
    units in two halves: part `part`'s halves; shares as lstm_team_backward's."""
    H = w_hh.shape[1]
    L = lengths[0]
    n = H // HALVES
    first, last = own_halves(team, part)
    if part == 0:
        zero_padding(grad_pre_input, lengths)
        zero_padding(grad_pre_hidden, lengths)
        zero_padding(grad_hidden, lengths)
    w_first, w_second = own_columns(w_hh, 3, first, last)
    dh = np.empty((HALVES, n), x.dtype)  # dL/dh carried back from the step after, by half
    dh_direct = np.empty((HALVES, n), x.dtype)  # dL/dh_{t-1} not through U: z h_{t-1}
    for half in range(first, last):
        lo, hi = half_units(H, half)
        copy(grad_h_last[0, lo:hi], dh[half])
    d_u = np.empty(3 * n, x.dtype)  # dL/d(U h_{t-1} + c) at a half's units, gate by gate
    in_step(team, part, 1)  # the padding zeroed before the other part writes beside it
    for s in range(L - 1, -1, -1):
        t = position(s, L, reverse)
        tp = previous_position(s, L, reverse)
        h_prev = h0[0] if tp < 0 else hidden[0, tp]
        gt, gi, gp = gates[0, t], grad_pre_input[0, t], grad_pre_hidden[0, t]
        share = shares[s % 2]
        for half in range(first, last):
            lo, hi = half_units(H, half)
            gh = grad_hidden[0, t, lo:hi]
            add(dh[half], grad_out[0, t, lo:hi], gh)  # dL/dh_t: from step t+1 and from above
            gru_candidate_and_update_backward(
                H, gh, gt[lo:], h_prev[lo:hi], gi[lo:], dh_direct[half]
            )
            gru_reset_backward(H, n, gt[lo:], pre_hidden[0, t, lo:], gi[lo:], gp[lo:])
            gather_half(gp, H, lo, hi, d_u)
            # the half's share of U^T dL/d(U h_{t-1} + c): its columns of U^T, every unit
            matvec(w_first if half == first else w_second, d_u, share[half])
        in_step(team, part, L - s + 1)  # both shares written before either is read
        for half in range(first, last):
            lo, hi = half_units(H, half)
            add_shares(share, lo, hi, dh[half])
            add(dh[half], dh_direct[half], dh[half])  # dL/dh_{t-1}
    for half in range(first, last):
        lo, hi = half_units(H, half)
        copy(dh[half], grad_h0[0, lo:hi])
    # every dL/dz_t is in the trace (both parts published at the last step)
    split_weight_gradients(
        part, last - first > 1, x, hidden, h0, lengths, reverse, w_ih, grad_pre_input,
        grad_pre_hidden, grad_x, grad_w_ih, grad_w_hh, grad_b_ih, grad_b_hh,
    )  # fmt: skip
