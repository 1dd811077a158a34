"""Time-delay network (the notes' network before recurrence): a window over past inputs.

    h_t = f(b + sum_{k=0..K} W_k x_{t-k})           (x_{t-k} = 0 before the sequence starts)
W_k is columns k*D .. (k+1)*D of weight_ih (H, (K+1) D); K = `delay`. The reverse direction
reads x_{t+k} instead (a look-ahead window). There is no recurrent matrix: a gradient reaches
only K steps back per layer.
"""

import numpy as np
from numba import njit

from .mathfn import FUSED, activate, activate_slope
from .rows import copy
from .steps import position, zero_padding


@njit(inline="always")
def _stacked(w, D):
    """W_k stacked by rows: (K+1) blocks of (H, D)."""
    H = w.shape[0]
    K1 = w.shape[1] // D
    out = np.empty((K1 * H, D), w.dtype)
    for k in range(K1):
        for i in range(H):
            copy(w[i, k * D : (k + 1) * D], out[k * H + i])
    return out


@njit(cache=True, nogil=True, error_model="numpy", fastmath=FUSED)
def tdnn_forward(x, lengths, reverse, activation, w_ih, b_ih, pre_input, hidden):
    """x (B, T, D) -> pre_input (z_t) and hidden (B, T, H)."""
    B, T, D = x.shape
    H = w_ih.shape[0]
    K1 = w_ih.shape[1] // D
    w = _stacked(w_ih, D)
    zero_padding(pre_input, lengths)
    zero_padding(hidden, lengths)
    proj = np.dot(x.reshape(B * T, D), w.T).reshape(B, T, K1 * H)  # W_k x_t for every t, k
    for b in range(B):
        L = lengths[b]
        for s in range(L):
            t = position(s, L, reverse)
            z = pre_input[b, t]
            copy(b_ih, z)
            for k in range(min(K1, s + 1)):
                src = position(s - k, L, reverse)  # x_{t-k} (x_{t+k} in reverse)
                for j in range(H):
                    z[j] += proj[b, src, k * H + j]
            for j in range(H):
                hidden[b, t, j] = activate(activation, z[j])


@njit(cache=True, nogil=True, error_model="numpy", fastmath=FUSED)
def tdnn_backward(
    x,
    lengths,
    reverse,
    activation,
    w_ih,
    pre_input,
    hidden,
    grad_out,
    grad_pre,
    grad_hidden,
    grad_x,
    grad_w_ih,
    grad_b_ih,
):
    """dL/dz_t = dL/dh_t f'(z_t); dL/dW_k = sum_t dz_t x_{t-k}^T; dL/dx_t = sum_k W_k^T dz_{t+k}."""
    B, T, D = x.shape
    H = w_ih.shape[0]
    K1 = w_ih.shape[1] // D
    w = _stacked(w_ih, D)
    d_proj = np.zeros((B, T, K1 * H), x.dtype)
    zero_padding(grad_pre, lengths)
    zero_padding(grad_hidden, lengths)
    grad_b_ih[:] = 0.0
    for b in range(B):
        L = lengths[b]
        for s in range(L):
            t = position(s, L, reverse)
            for j in range(H):
                grad_hidden[b, t, j] = grad_out[b, t, j]
                dz = grad_out[b, t, j] * activate_slope(
                    activation, pre_input[b, t, j], hidden[b, t, j]
                )
                grad_pre[b, t, j] = dz
                grad_b_ih[j] += dz
            for k in range(min(K1, s + 1)):
                src = position(s - k, L, reverse)
                for j in range(H):
                    d_proj[b, src, k * H + j] += grad_pre[b, t, j]
    flat = d_proj.reshape(B * T, K1 * H)
    grad_w = np.dot(flat.T, x.reshape(B * T, D))  # ((K+1) H, D)
    for k in range(K1):
        for i in range(H):
            copy(grad_w[k * H + i], grad_w_ih[i, k * D : (k + 1) * D])
    np.dot(flat, w, grad_x.reshape(B * T, D))
