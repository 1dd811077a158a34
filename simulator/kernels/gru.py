"""GRU, forward and back-propagation through time, in PyTorch's gate order r, z, n.

    r_t = sigma(W_r x_t + b_r + U_r h_{t-1} + c_r)            reset gate
    z_t = sigma(W_z x_t + b_z + U_z h_{t-1} + c_z)            update gate
    pytorch variant:  n_t = tanh(W_n x_t + b_n + r_t * (U_n h_{t-1} + c_n))
    textbook variant: n_t = tanh(W_n x_t + b_n + U_n (r_t * h_{t-1}) + c_n)
    h_t = (1 - z_t) * n_t + z_t * h_{t-1}
W = weight_ih (3H, D), U = weight_hh (3H, H), b = bias_ih, c = bias_hh.
pre_hidden holds U h_{t-1} + c for r and z, and the hidden-side term of n as the variant defines it.
"""

import numpy as np
from numba import njit

from .mathfn import sigmoid, tanh
from .steps import (
    input_gradient,
    input_projection,
    position,
    previous_position,
    previous_states,
    times,
    times_transposed,
    weight_gradients,
)


@njit(cache=True, nogil=True, error_model="numpy")
def gru_forward(
    x,
    lengths,
    reverse,
    textbook,
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
):
    """x (B, T, D) -> pre_input, pre_hidden, gates (B, T, 3H) holding r, z, n;
    hidden (B, T, H); h_last (B, H)."""
    B, T, D = x.shape
    H = w_hh.shape[1]
    input_projection(x, w_ih, b_ih, lengths, pre_input)  # W x_t + b for all t: one GEMM
    w_hh_t = np.ascontiguousarray(w_hh.T)
    w_rz = np.ascontiguousarray(w_hh[: 2 * H])
    w_rz_t = np.ascontiguousarray(w_rz.T)
    w_n = np.ascontiguousarray(w_hh[2 * H :])
    w_n_t = np.ascontiguousarray(w_n.T)
    h = h0.copy()
    a = np.zeros((B, 3 * H), x.dtype)  # hidden-side terms of r, z, n
    a_rz = np.zeros((B, 2 * H), x.dtype)
    reset_h = np.zeros((B, H), x.dtype)  # r_t * h_{t-1} (textbook)
    a_n = np.empty((B, H), x.dtype)
    for s in range(T):
        if textbook:
            times_transposed(h, w_rz, w_rz_t, a_rz)  # U_rz h_{t-1}
            a[:, : 2 * H] = a_rz
        else:
            times_transposed(h, w_hh, w_hh_t, a)  # U h_{t-1}
        for b in range(B):
            L = lengths[b]
            if s >= L:
                continue
            t = position(s, L, reverse)
            pi = pre_input[b, t]
            ph = pre_hidden[b, t]
            gt = gates[b, t]
            for j in range(2 * H):
                ph[j] = a[b, j] + b_hh[j]
            for j in range(H):
                r = sigmoid(pi[j] + ph[j])
                gt[j] = r
                gt[H + j] = sigmoid(pi[H + j] + ph[H + j])
                reset_h[b, j] = r * h[b, j]
        if textbook:
            times_transposed(reset_h, w_n, w_n_t, a_n)  # U_n (r * h_{t-1})
        for b in range(B):
            L = lengths[b]
            if s >= L:
                continue
            t = position(s, L, reverse)
            pi = pre_input[b, t]
            ph = pre_hidden[b, t]
            gt = gates[b, t]
            hb = h[b]
            for j in range(H):
                if textbook:
                    ph[2 * H + j] = a_n[b, j] + b_hh[2 * H + j]
                    n = tanh(pi[2 * H + j] + ph[2 * H + j])
                else:
                    ph[2 * H + j] = a[b, 2 * H + j] + b_hh[2 * H + j]
                    n = tanh(pi[2 * H + j] + gt[j] * ph[2 * H + j])
                z = gt[H + j]
                gt[2 * H + j] = n
                hb[j] = (1.0 - z) * n + z * hb[j]  # h_t = (1 - z) n + z h_{t-1}
            hidden[b, t, :] = hb
    h_last[:] = h


@njit(cache=True, nogil=True, error_model="numpy")
def gru_backward(
    x,
    lengths,
    reverse,
    textbook,
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
):
    """BPTT. grad_pre_input is dL/d(W x_t + b), grad_pre_hidden dL/d(pre_hidden); the rest as
    in lstm_backward."""
    B, T, D = x.shape
    H = w_hh.shape[1]
    w_hh_t = np.ascontiguousarray(w_hh.T)
    w_rz = np.ascontiguousarray(w_hh[: 2 * H])
    w_rz_t = np.ascontiguousarray(w_rz.T)
    w_n = np.ascontiguousarray(w_hh[2 * H :])
    w_n_t = np.ascontiguousarray(w_n.T)
    dh = grad_h_last.copy()
    dh_direct = np.zeros((B, H), x.dtype)  # dL/dh_{t-1} through z_t * h_{t-1} (and r for textbook)
    d_a = np.zeros((B, 3 * H), x.dtype)  # dL/d(pre_hidden) for this step
    d_rz = np.zeros((B, 2 * H), x.dtype)
    d_n = np.zeros((B, H), x.dtype)
    d_reset_h = np.zeros((B, H), x.dtype)
    dh_prev = np.empty((B, H), x.dtype)
    for s in range(T - 1, -1, -1):
        for b in range(B):
            L = lengths[b]
            if s >= L:
                d_a[b, :] = 0.0
                continue
            t = position(s, L, reverse)
            tp = previous_position(s, L, reverse)
            h_prev = h0[b] if tp < 0 else hidden[b, tp]
            gt = gates[b, t]
            ph = pre_hidden[b, t]
            gi = grad_pre_input[b, t]
            go = grad_out[b, t]
            gh = grad_hidden[b, t]
            for j in range(H):
                r = gt[j]
                z = gt[H + j]
                n = gt[2 * H + j]
                dh_t = dh[b, j] + go[j]  # dL/dh_t
                gh[j] = dh_t
                dn_pre = dh_t * (1.0 - z) * (1.0 - n * n)  # dL/d(pre-activation of n)
                gi[H + j] = dh_t * (h_prev[j] - n) * z * (1.0 - z)  # dL/dz_pre
                gi[2 * H + j] = dn_pre
                dh_direct[b, j] = dh_t * z
                if textbook:
                    d_a[b, 2 * H + j] = dn_pre
                else:
                    gi[j] = dn_pre * ph[2 * H + j] * r * (1.0 - r)  # dL/dr_pre
                    d_a[b, j] = gi[j]
                    d_a[b, H + j] = gi[H + j]
                    d_a[b, 2 * H + j] = dn_pre * r
        if textbook:
            d_n[:] = d_a[:, 2 * H :]
            times(d_n, w_n, w_n_t, d_reset_h)  # dL/d(r * h_{t-1}) = U_n^T dn_pre
            for b in range(B):
                L = lengths[b]
                if s >= L:
                    continue
                t = position(s, L, reverse)
                tp = previous_position(s, L, reverse)
                h_prev = h0[b] if tp < 0 else hidden[b, tp]
                gi = grad_pre_input[b, t]
                for j in range(H):
                    r = gates[b, t, j]
                    gi[j] = d_reset_h[b, j] * h_prev[j] * r * (1.0 - r)  # dL/dr_pre
                    d_a[b, j] = gi[j]
                    d_a[b, H + j] = gi[H + j]
                    dh_direct[b, j] += d_reset_h[b, j] * r
            d_rz[:] = d_a[:, : 2 * H]
            times(d_rz, w_rz, w_rz_t, dh_prev)  # U_rz^T d[r, z]_pre
        else:
            times(d_a, w_hh, w_hh_t, dh_prev)  # U^T d(pre_hidden)
        for b in range(B):
            L = lengths[b]
            if s >= L:
                continue
            t = position(s, L, reverse)
            grad_pre_hidden[b, t, :] = d_a[b]
            for j in range(H):
                dh[b, j] = dh_prev[b, j] + dh_direct[b, j]
    grad_h0[:] = dh
    weight_gradients(grad_pre_input, x, grad_w_ih, grad_b_ih)
    h_prev_all = np.zeros_like(hidden)
    previous_states(hidden, h0, lengths, reverse, h_prev_all)
    weight_gradients(grad_pre_hidden, h_prev_all, grad_w_hh, grad_b_hh)
    if textbook:  # the n rows of U multiply r_t * h_{t-1}, not h_{t-1}
        for b in range(B):
            for t in range(lengths[b]):
                for j in range(H):
                    h_prev_all[b, t, j] *= gates[b, t, j]
        gn = np.ascontiguousarray(grad_pre_hidden[:, :, 2 * H :])
        np.dot(gn.reshape(B * T, H).T, h_prev_all.reshape(B * T, H), grad_w_hh[2 * H :])
    input_gradient(grad_pre_input, w_ih, grad_x)
