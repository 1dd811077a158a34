"""One time step of a decoder layer on K rows (examples, or beam hypotheses), forward and backward.

The same maths as simulator/kernels/rnn.py, gru.py and lstm.py (PyTorch's nn.RNN with tanh,
nn.GRU, nn.LSTM; gate rows r, z, n and i, f, g, o), through the step functions those kernels
use (gru_*, lstm_*), for decoders that must run one step at a time: input feeding (the context
computed from s_{t-1} enters step t) and decoding (step t reads the token chosen at step t - 1).
Arrays hold what the whole-sequence kernels store per step:
    pre_input  = W x_t + b            (K, G*H)
    pre_hidden = U h_{t-1} + c        (K, G*H)
    gates      (gru: r, z, n; lstm: i, f, g, o) after their activations
"""

import numpy as np
from numba import njit

from ...kernels.gru import (
    gru_candidate_and_update_backward,
    gru_candidate_pre,
    gru_new_state,
    gru_reset_backward,
)
from ...kernels.lstm import lstm_gates, lstm_new_state, lstm_step_backward
from ...kernels.rows import add, copy, sigmoid_of, tanh_of
from ...kernels.steps import matvec, times

RNN, GRU, LSTM = 0, 1, 2


@njit(inline="always")
def rows_times_transposed(a, w, out):
    """out = a @ w.T for a (K, D) and w (G, D), C-contiguous. One row by steps.matvec (BLAS's
    dgemv costs 1.2-2x as much at these sizes: 256 x 64 float64 1.74 -> 1.41 us)."""
    if a.shape[0] == 1:
        matvec(w, a[0], out[0])
    else:
        np.dot(a, w.T, out)


@njit(cache=True, nogil=True, error_model="numpy")
def cell_step(
    cell, x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh, pre_input, pre_hidden, gates, c_new, h_new
):
    """x (K, D), h_prev and c_prev (K, H) -> pre_input, pre_hidden, gates (K, G*H); c_new
    (lstm) and h_new (K, H)."""
    K = x.shape[0]
    H = h_prev.shape[1]
    rows_times_transposed(x, w_ih, pre_input)  # W x_t
    rows_times_transposed(h_prev, w_hh, pre_hidden)  # U h_{t-1}
    for k in range(K):
        pi = pre_input[k]
        ph = pre_hidden[k]
        add(pi, b_ih, pi)  # W x_t + b
        add(ph, b_hh, ph)  # U h_{t-1} + c
        hk = h_new[k]
        if cell == RNN:
            add(pi, ph, hk)  # z_t = W x_t + b + U h_{t-1} + c
            tanh_of(hk, hk)  # h_t = tanh(z_t)
        elif cell == GRU:
            g = gates[k]
            add(pi[: 2 * H], ph[: 2 * H], g[: 2 * H])
            sigmoid_of(g[: 2 * H], g[: 2 * H])  # r, z
            gru_candidate_pre(pi[2 * H :], g[:H], ph[2 * H :], g[2 * H :])  # W_n x + b_n + r ...
            tanh_of(g[2 * H :], g[2 * H :])  # n
            gru_new_state(g, h_prev[k], hk, H)  # h_t = (1 - z) n + z h_{t-1}
        else:
            g = gates[k]
            add(pi, ph, g)  # z_t = W x_t + b + U h_{t-1} + c
            lstm_gates(g, g)  # i, f, g, o
            lstm_new_state(
                g, c_prev[k], c_new[k], hk, hk, H
            )  # c_t = f c_{t-1} + i g, h_t = o tanh(c_t)


@njit(cache=True, nogil=True, error_model="numpy")
def cell_step_backward(
    cell,
    valid,
    w_ih_op,
    w_hh_op,
    h_prev,
    c_prev,
    pre_hidden,
    gates,
    cell_state,
    hidden,
    grad_h,
    grad_c,
    grad_pre_input,
    grad_pre_hidden,
    grad_cell,
    grad_x,
    grad_h_prev,
):
    """Back through one step, rows with valid[k] only (the others get zero gradients).

    hidden (K, H) is h_t; grad_h (K, H) the total dL/dh_t; grad_c (K, H) is dL/dc_t arriving
    from step t + 1 (lstm) and is replaced by dL/dc_{t-1}. Writes dL/d(pre_input) and
    dL/d(pre_hidden) (K, G*H), the total dL/dc_t (grad_cell), dL/dx_t (K, D) and dL/dh_{t-1}.
    w_ih_op and w_hh_op are W and U as steps.times reads them (steps.backward_operand)."""
    K, H = grad_h.shape
    direct = np.empty((K, H), grad_h.dtype)  # tanh(c_t) (lstm); dL/dh_{t-1} through z (gru)
    for k in range(K):
        gi = grad_pre_input[k]
        gp = grad_pre_hidden[k]
        if not valid[k]:
            gi[:] = 0.0
            gp[:] = 0.0
            continue
        gh = grad_h[k]
        if cell == RNN:
            hk = hidden[k]
            for j in range(H):  # dL/dz_t = dL/dh_t (1 - h_t^2)
                gi[j] = gh[j] * (1.0 - hk[j] * hk[j])
            copy(gi, gp)
        elif cell == GRU:  # dL/d[r, z, n]_pre, dL/d(U h_{t-1} + c) and dL/dh_t z
            gru_candidate_and_update_backward(H, gh, gates[k], h_prev[k], gi, direct[k])
            gru_reset_backward(H, H, gates[k], pre_hidden[k], gi, gp)
        else:  # dL/dc_t, dL/dz_t and dL/dc_{t-1}
            tanh_of(cell_state[k], direct[k])
            lstm_step_backward(gh, gates[k], direct[k], c_prev[k], grad_c[k], grad_cell[k], gi, H)
            copy(gi, gp)
    times(grad_pre_hidden, w_hh_op, grad_h_prev)  # dL/dh_{t-1} = U^T dL/d(pre_hidden)
    times(grad_pre_input, w_ih_op, grad_x)  # dL/dx_t = W^T dL/d(pre_input)
    if cell == GRU:
        for k in range(K):
            if valid[k]:
                add(grad_h_prev[k], direct[k], grad_h_prev[k])  # h_t = ... + z h_{t-1}
