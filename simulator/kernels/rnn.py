"""Simple RNN (the notes' h_t = f(U h_{t-1} + W x_t + b)), forward and BPTT.

    z_t = W x_t + b + U h_{t-1} + c
    h_t = f(z_t)                       plain
    h_t = h_{t-1} + f(z_t)             residual: the notes' remedy h_t = h_{t-1} + g(x_t, h_{t-1})
W = weight_ih (H, D), U = weight_hh (H, H), b = bias_ih, c = bias_hh; f chosen by `activation`.
Interventions (steps.py) overwrite units of h_t at chosen slots; BPTT treats them as constants.
"""

import numpy as np
from numba import njit

from .mathfn import FUSED
from .rows import activate_of, add, copy, copy_rows, times_slope, times_slope_of_output
from .steps import (
    EDIT_HIDDEN,
    apply_edits,
    backward_operand,
    cut_edits,
    edited_position,
    forward_operand,
    input_gradient,
    input_projection,
    position,
    restore_edits,
    shared_weight_gradients,
    times,
    times_transposed,
    zero_padding,
)


@njit(cache=True, nogil=True, error_model="numpy", fastmath=FUSED)
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
    edits,
    edit_values,
    edit_offsets,
):
    """x (B, T, D) -> pre_input, pre_hidden, hidden (B, T, H); h_last (B, H).
    edits, edit_values, edit_offsets: the interventions (steps.py)."""
    B, T, D = x.shape
    H = w_hh.shape[1]
    input_projection(x, w_ih, b_ih, lengths, pre_input)  # W x_t + b for all t: one GEMM
    zero_padding(pre_hidden, lengths)
    zero_padding(hidden, lengths)
    w_hh_op = forward_operand(w_hh, B)
    h = h0.copy()
    u_h = np.empty((B, H), x.dtype)
    z = np.empty(H, x.dtype)
    for s in range(T):
        times_transposed(h, w_hh_op, u_h)  # U h_{t-1}
        for b in range(B):
            L = lengths[b]
            if s >= L:
                continue
            t = position(s, L, reverse)
            ht = hidden[b, t]
            add(u_h[b], b_hh, pre_hidden[b, t])  # U h_{t-1} + c
            add(pre_input[b, t], pre_hidden[b, t], z)  # z_t
            activate_of(activation, z, ht)  # h_t = f(z_t)
            if residual:
                add(ht, h[b], ht)  # h_t = h_{t-1} + f(z_t)
            copy(ht, h[b])
        if edit_offsets.shape[0] > 1:  # h_t set by hand (interventions)
            for b in range(B):
                t = edited_position(edit_offsets, lengths, b, s, T, reverse)
                if t >= 0:
                    apply_edits(
                        edits, edit_values, edit_offsets, b * T + t, EDIT_HIDDEN, hidden[b, t]
                    )
                    copy(hidden[b, t], h[b])
    copy_rows(h, h_last)


@njit(cache=True, nogil=True, error_model="numpy", fastmath=FUSED)
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
    edits,
    edit_offsets,
):
    """BPTT: dL/dz_t = dL/dh_t * f'(z_t); dL/dh_{t-1} = U^T dL/dz_t (+ dL/dh_t if residual).
    Where h_t was overwritten (interventions) dL/dh_t stops there: the step passes none of it
    on."""
    B, T, D = x.shape
    H = w_hh.shape[1]
    zero_padding(grad_pre, lengths)
    zero_padding(grad_hidden, lengths)
    w_hh_op = backward_operand(w_hh, B)
    dh = grad_h_last.copy()
    dz = np.zeros((B, H), x.dtype)
    dh_prev = np.empty((B, H), x.dtype)
    z = np.empty(H, x.dtype)
    has_edits = edit_offsets.shape[0] > 1
    for s in range(T - 1, -1, -1):
        for b in range(B):
            L = lengths[b]
            if s >= L:
                dz[b, :] = 0.0
                continue
            t = position(s, L, reverse)
            gh = grad_hidden[b, t]
            add(dh[b], grad_out[b, t], gh)  # dL/dh_t: from step t+1 and from above
            if residual:  # dL/dz_t = dL/dh_t f'(z_t), z_t = W x_t + b + U h_{t-1} + c
                add(pre_input[b, t], pre_hidden[b, t], z)
                times_slope(activation, z, gh, dz[b])
            else:  # the same from h_t = f(z_t), as the forward pass computed it (no exp)
                times_slope_of_output(activation, hidden[b, t], gh, dz[b])
            copy(dz[b], grad_pre[b, t])
        if has_edits:  # an h_t set by hand passes nothing back
            for b in range(B):
                t = edited_position(edit_offsets, lengths, b, s, T, reverse)
                if t >= 0:
                    cut_edits(edits, edit_offsets, b * T + t, EDIT_HIDDEN, 0, dz[b])
                    copy(dz[b], grad_pre[b, t])
        times(dz, w_hh_op, dh_prev)  # U^T dz_t
        for b in range(B):
            L = lengths[b]
            if s >= L:
                continue
            if residual:  # h_t = h_{t-1} + f(z_t) passes dL/dh_t straight back too
                add(dh_prev[b], grad_hidden[b, position(s, L, reverse)], dh[b])
            else:
                copy(dh_prev[b], dh[b])
        if has_edits and residual:  # ... not even straight back
            for b in range(B):
                t = edited_position(edit_offsets, lengths, b, s, T, reverse)
                if t >= 0:
                    restore_edits(edits, edit_offsets, b * T + t, EDIT_HIDDEN, dh_prev[b], dh[b])
    copy_rows(dh, grad_h0)
    shared_weight_gradients(
        grad_pre, x, hidden, h0, lengths, reverse, grad_w_ih, grad_w_hh, grad_b_ih, grad_b_hh
    )
    input_gradient(grad_pre, w_ih, grad_x)
