"""Simple RNN (the notes' h_t = f(U h_{t-1} + W x_t + b)), forward and BPTT.

    z_t = W x_t + b + U h_{t-1} + c
    h_t = f(z_t)                       plain
    h_t = h_{t-1} + f(z_t)             residual: the notes' remedy h_t = h_{t-1} + g(x_t, h_{t-1})
W = weight_ih (H, D), U = weight_hh (H, H), b = bias_ih, c = bias_hh; f chosen by `activation`.
"""

import numpy as np
from numba import njit

from .mathfn import activate, activate_slope
from .steps import (
    input_gradient,
    input_projection,
    position,
    previous_states,
    times,
    times_transposed,
    weight_gradients,
)


@njit(cache=True, nogil=True, error_model="numpy")
def rnn_forward(
    x,
    lengths,
    reverse,
    activation,
    residual,
    w_ih,
    w_hh,
    b_ih,
    b_hh,
    h0,
    pre_input,
    pre_hidden,
    hidden,
    h_last,
):
    """x (B, T, D) -> pre_input, pre_hidden, hidden (B, T, H); h_last (B, H)."""
    B, T, D = x.shape
    H = w_hh.shape[1]
    input_projection(x, w_ih, b_ih, lengths, pre_input)  # W x_t + b for all t: one GEMM
    w_hh_t = np.ascontiguousarray(w_hh.T)
    h = h0.copy()
    a = np.empty((B, H), x.dtype)
    for s in range(T):
        times_transposed(h, w_hh, w_hh_t, a)  # U h_{t-1}
        for b in range(B):
            L = lengths[b]
            if s >= L:
                continue
            t = position(s, L, reverse)
            pi = pre_input[b, t]
            ph = pre_hidden[b, t]
            hb = h[b]
            for j in range(H):
                ph[j] = a[b, j] + b_hh[j]
                v = activate(activation, pi[j] + ph[j])  # f(z_t)
                hb[j] = hb[j] + v if residual else v
            hidden[b, t, :] = hb
    h_last[:] = h


@njit(cache=True, nogil=True, error_model="numpy")
def rnn_backward(
    x,
    lengths,
    reverse,
    activation,
    residual,
    w_ih,
    w_hh,
    h0,
    pre_input,
    pre_hidden,
    hidden,
    grad_out,
    grad_h_last,
    grad_pre,
    grad_hidden,
    grad_x,
    grad_w_ih,
    grad_w_hh,
    grad_b_ih,
    grad_b_hh,
    grad_h0,
):
    """BPTT: dL/dz_t = dL/dh_t * f'(z_t); dL/dh_{t-1} = U^T dL/dz_t (+ dL/dh_t if residual)."""
    B, T, D = x.shape
    H = w_hh.shape[1]
    w_hh_t = np.ascontiguousarray(w_hh.T)
    dh = grad_h_last.copy()
    dz = np.zeros((B, H), x.dtype)
    dh_prev = np.empty((B, H), x.dtype)
    for s in range(T - 1, -1, -1):
        for b in range(B):
            L = lengths[b]
            if s >= L:
                dz[b, :] = 0.0
                continue
            t = position(s, L, reverse)
            pi = pre_input[b, t]
            ph = pre_hidden[b, t]
            go = grad_out[b, t]
            gh = grad_hidden[b, t]
            for j in range(H):
                dh_t = dh[b, j] + go[j]  # dL/dh_t
                gh[j] = dh_t
                z = pi[j] + ph[j]
                dz[b, j] = dh_t * activate_slope(activation, z, activate(activation, z))
            grad_pre[b, t, :] = dz[b]
        times(dz, w_hh, w_hh_t, dh_prev)  # U^T dz_t
        for b in range(B):
            if s < lengths[b]:
                t = position(s, lengths[b], reverse)
                for j in range(H):
                    dh[b, j] = dh_prev[b, j] + grad_hidden[b, t, j] if residual else dh_prev[b, j]
    grad_h0[:] = dh
    weight_gradients(grad_pre, x, grad_w_ih, grad_b_ih)
    h_prev = np.zeros_like(hidden)
    previous_states(hidden, h0, lengths, reverse, h_prev)
    weight_gradients(grad_pre, h_prev, grad_w_hh, grad_b_hh)
    input_gradient(grad_pre, w_ih, grad_x)
