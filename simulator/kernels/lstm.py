"""LSTM, forward and back-propagation through time, in PyTorch's gate order i, f, g, o.

    i_t = sigma(W_i x_t + b_i + U_i h_{t-1} + c_i)      input gate
    f_t = sigma(W_f x_t + b_f + U_f h_{t-1} + c_f)      forget gate
    g_t = tanh (W_g x_t + b_g + U_g h_{t-1} + c_g)      candidate
    o_t = sigma(W_o x_t + b_o + U_o h_{t-1} + c_o)      output gate
    c_t = f_t * c_{t-1} + i_t * g_t                     cell state
    h_t = o_t * tanh(c_t)
W = weight_ih (4H, D), U = weight_hh (4H, H), b = bias_ih, c = bias_hh.
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
def lstm_forward(
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
):
    """x (B, T, D) -> pre_input, pre_hidden, gates (B, T, 4H); cell, hidden (B, T, H);
    h_last, c_last (B, H): the state after each sequence's last step (PyTorch's h_n, c_n)."""
    B, T, D = x.shape
    H = w_hh.shape[1]
    input_projection(x, w_ih, b_ih, lengths, pre_input)  # W x_t + b for all t: one GEMM
    w_hh_t = np.ascontiguousarray(w_hh.T)
    h = h0.copy()
    c = c0.copy()
    z = np.empty((B, 4 * H), x.dtype)
    for s in range(T):
        times_transposed(h, w_hh, w_hh_t, z)  # U h_{t-1}  (B, 4H)
        for b in range(B):
            L = lengths[b]
            if s >= L:
                continue
            t = position(s, L, reverse)
            zb = z[b]
            ph = pre_hidden[b, t]
            pi = pre_input[b, t]
            gt = gates[b, t]
            for j in range(4 * H):
                ph[j] = zb[j] + b_hh[j]
                zb[j] = pi[j] + ph[j]  # z_t = W x_t + b + U h_{t-1} + c
            cb = c[b]
            hb = h[b]
            for j in range(H):
                i = sigmoid(zb[j])
                f = sigmoid(zb[H + j])
                g = tanh(zb[2 * H + j])
                o = sigmoid(zb[3 * H + j])
                cb[j] = f * cb[j] + i * g  # c_t = f * c_{t-1} + i * g
                hb[j] = o * tanh(cb[j])  # h_t = o * tanh(c_t)
                gt[j] = i
                gt[H + j] = f
                gt[2 * H + j] = g
                gt[3 * H + j] = o
            cell[b, t, :] = cb
            hidden[b, t, :] = hb
    h_last[:] = h
    c_last[:] = c


@njit(cache=True, nogil=True, error_model="numpy")
def lstm_backward(
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
):
    """BPTT. grad_out (B, T, H) is dL/dh_t arriving from outside the layer; grad_h_last and
    grad_c_last arrive at the final state. Writes dL/dz_t (grad_pre), the total dL/dh_t and
    dL/dc_t, dL/dx_t, the parameter gradients and dL/dh_0, dL/dc_0."""
    B, T, D = x.shape
    H = w_hh.shape[1]
    w_hh_t = np.ascontiguousarray(w_hh.T)
    dh = grad_h_last.copy()  # dL/dh carried back from the step after
    dc = grad_c_last.copy()  # dL/dc carried back through the forget gates
    dz = np.zeros((B, 4 * H), x.dtype)
    dh_prev = np.empty((B, H), x.dtype)
    for s in range(T - 1, -1, -1):
        for b in range(B):
            L = lengths[b]
            if s >= L:
                dz[b, :] = 0.0
                continue
            t = position(s, L, reverse)
            tp = previous_position(s, L, reverse)
            c_prev = c0[b] if tp < 0 else cell[b, tp]
            gt = gates[b, t]
            ct = cell[b, t]
            go = grad_out[b, t]
            zb = dz[b]
            dhb = dh[b]
            dcb = dc[b]
            gh = grad_hidden[b, t]
            gc = grad_cell[b, t]
            for j in range(H):
                i = gt[j]
                f = gt[H + j]
                g = gt[2 * H + j]
                o = gt[3 * H + j]
                dh_t = dhb[j] + go[j]  # dL/dh_t: from step t+1 and from above
                tc = tanh(ct[j])
                dc_t = dcb[j] + dh_t * o * (1.0 - tc * tc)  # dL/dc_t
                gh[j] = dh_t
                gc[j] = dc_t
                zb[j] = dc_t * g * i * (1.0 - i)  # dL/dz_i
                zb[H + j] = dc_t * c_prev[j] * f * (1.0 - f)  # dL/dz_f
                zb[2 * H + j] = dc_t * i * (1.0 - g * g)  # dL/dz_g
                zb[3 * H + j] = dh_t * tc * o * (1.0 - o)  # dL/dz_o
                dcb[j] = dc_t * f  # dL/dc_{t-1} through the forget gate
            grad_pre[b, t, :] = zb
        times(dz, w_hh, w_hh_t, dh_prev)  # dL/dh_{t-1} = U^T dz_t
        for b in range(B):
            if s < lengths[b]:
                dh[b, :] = dh_prev[b]
    grad_h0[:] = dh
    grad_c0[:] = dc
    weight_gradients(grad_pre, x, grad_w_ih, grad_b_ih)
    h_prev = np.zeros_like(hidden)
    previous_states(hidden, h0, lengths, reverse, h_prev)
    weight_gradients(grad_pre, h_prev, grad_w_hh, grad_b_hh)
    input_gradient(grad_pre, w_ih, grad_x)
