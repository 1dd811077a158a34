"""One time step of a decoder layer on K rows (examples, or beam hypotheses), forward and backward.

The same maths as simulator/kernels/rnn.py, gru.py and lstm.py (PyTorch's nn.RNN with tanh,
nn.GRU, nn.LSTM; gate rows r, z, n and i, f, g, o), for decoders that must run one step at a
time: input feeding (the context computed from s_{t-1} enters step t) and decoding (step t reads
the token chosen at step t - 1). Arrays hold what the whole-sequence kernels store per step:
    pre_input  = W x_t + b            (K, G*H)
    pre_hidden = U h_{t-1} + c        (K, G*H)
    gates      (gru: r, z, n; lstm: i, f, g, o) after their activations
"""

import numpy as np
from numba import njit

from ...kernels.rows import add, sigmoid_of, tanh_of

RNN, GRU, LSTM = 0, 1, 2


@njit(inline="always")
def rows_times_transposed(a, w, out):
    """out = a @ w.T for a (K, D) and w (G, D)."""
    if a.shape[0] == 1:
        np.dot(w, a[0], out[0])
    else:
        np.dot(a, w.T, out)


@njit(inline="always")
def rows_times(d, w, out):
    """out = d @ w for d (K, G) and w (G, D)."""
    if d.shape[0] == 1:
        np.dot(w.T, d[0], out[0])
    else:
        np.dot(d, w, out)


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
            for j in range(H):  # W_n x + b_n + r (U_n h + c_n)
                g[2 * H + j] = pi[2 * H + j] + g[j] * ph[2 * H + j]
            tanh_of(g[2 * H :], g[2 * H :])  # n
            hp = h_prev[k]
            for j in range(H):  # h_t = (1 - z) n + z h_{t-1}
                hk[j] = (1.0 - g[H + j]) * g[2 * H + j] + g[H + j] * hp[j]
        else:
            g = gates[k]
            ck = c_new[k]
            add(pi, ph, g)  # z_t = W x_t + b + U h_{t-1} + c
            sigmoid_of(g[: 2 * H], g[: 2 * H])  # i, f
            tanh_of(g[2 * H : 3 * H], g[2 * H : 3 * H])  # g
            sigmoid_of(g[3 * H :], g[3 * H :])  # o
            cp = c_prev[k]
            for j in range(H):  # c_t = f c_{t-1} + i g
                ck[j] = g[H + j] * cp[j] + g[j] * g[2 * H + j]
            tanh_of(ck, hk)
            for j in range(H):  # h_t = o tanh(c_t)
                hk[j] *= g[3 * H + j]


@njit(cache=True, nogil=True, error_model="numpy")
def cell_step_backward(
    cell,
    valid,
    w_ih,
    w_hh,
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
    dL/d(pre_hidden) (K, G*H), the total dL/dc_t (grad_cell), dL/dx_t (K, D) and dL/dh_{t-1}."""
    K, H = grad_h.shape
    tanh_c = np.empty(H, grad_h.dtype)
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
            gp[:] = gi
        elif cell == GRU:
            g = gates[k]
            hp = h_prev[k]
            ph = pre_hidden[k]
            for j in range(H):  # dL/dn_pre = dL/dh_t (1 - z) (1 - n^2)
                gi[2 * H + j] = gh[j] * (1.0 - g[H + j]) * (1.0 - g[2 * H + j] * g[2 * H + j])
            for j in range(H):  # dL/dz_pre = dL/dh_t (h_{t-1} - n) z (1 - z)
                gi[H + j] = gh[j] * (hp[j] - g[2 * H + j]) * g[H + j] * (1.0 - g[H + j])
            for j in range(H):  # dL/dr_pre = dL/dn_pre (U_n h + c_n) r (1 - r)
                gi[j] = gi[2 * H + j] * ph[2 * H + j] * g[j] * (1.0 - g[j])
            gp[: 2 * H] = gi[: 2 * H]
            for j in range(H):  # dL/d(U_n h + c_n) = dL/dn_pre r
                gp[2 * H + j] = gi[2 * H + j] * g[j]
        else:
            g = gates[k]
            gc = grad_cell[k]
            dc = grad_c[k]
            cp = c_prev[k]
            tanh_of(cell_state[k], tanh_c)
            for j in range(H):  # dL/dc_t = dL/dc (from t+1) + dL/dh_t o (1 - tanh^2 c_t)
                gc[j] = dc[j] + gh[j] * g[3 * H + j] * (1.0 - tanh_c[j] * tanh_c[j])
            for j in range(H):  # dL/dz_i = dL/dc_t g i (1 - i)
                gi[j] = gc[j] * g[2 * H + j] * g[j] * (1.0 - g[j])
            for j in range(H):  # dL/dz_f = dL/dc_t c_{t-1} f (1 - f)
                gi[H + j] = gc[j] * cp[j] * g[H + j] * (1.0 - g[H + j])
            for j in range(H):  # dL/dz_g = dL/dc_t i (1 - g^2)
                gi[2 * H + j] = gc[j] * g[j] * (1.0 - g[2 * H + j] * g[2 * H + j])
            for j in range(H):  # dL/dz_o = dL/dh_t tanh(c_t) o (1 - o)
                gi[3 * H + j] = gh[j] * tanh_c[j] * g[3 * H + j] * (1.0 - g[3 * H + j])
            for j in range(H):  # dL/dc_{t-1} = dL/dc_t f
                dc[j] = gc[j] * g[H + j]
            gp[:] = gi
    rows_times(grad_pre_hidden, w_hh, grad_h_prev)  # dL/dh_{t-1} = U^T dL/d(pre_hidden)
    rows_times(grad_pre_input, w_ih, grad_x)  # dL/dx_t = W^T dL/d(pre_input)
    if cell == GRU:
        for k in range(K):
            if valid[k]:
                g = gates[k]
                for j in range(H):  # h_t = ... + z h_{t-1}: dL/dh_{t-1} += dL/dh_t z
                    grad_h_prev[k, j] += grad_h[k, j] * g[H + j]
