"""LSTM, forward and back-propagation through time, in PyTorch's gate order i, f, g, o.

    i_t = sigma(W_i x_t + b_i + U_i h_{t-1} + c_i)      input gate
    f_t = sigma(W_f x_t + b_f + U_f h_{t-1} + c_f)      forget gate
    g_t = tanh (W_g x_t + b_g + U_g h_{t-1} + c_g)      candidate
    o_t = sigma(W_o x_t + b_o + U_o h_{t-1} + c_o)      output gate
    c_t = f_t * c_{t-1} + i_t * g_t                     cell state
    h_t = o_t * tanh(c_t)
W = weight_ih (4H, D), U = weight_hh (4H, H), b = bias_ih, c = bias_hh.

Interventions (steps.py) set a gate after its activation, c_t, or h_t at chosen slots; BPTT
treats each set value as a constant at that step.
"""

import numpy as np
from numba import njit

from .mathfn import FUSED
from .rows import add, copy, copy_rows, sigmoid_of, tanh_of
from .steps import (
    EDIT_CELL,
    EDIT_GATE,
    EDIT_HIDDEN,
    apply_edits,
    backward_operand,
    cut_edits,
    edited_position,
    forward_operand,
    input_gradient,
    input_projection,
    position,
    previous_position,
    shared_weight_gradients,
    times,
    times_transposed,
    zero_padding,
)


@njit(cache=True, nogil=True, error_model="numpy", fastmath=FUSED)
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
    edits,
    edit_values,
    edit_offsets,
):
    """x (B, T, D) -> pre_input, pre_hidden, gates (B, T, 4H); cell, hidden (B, T, H);
    h_last, c_last (B, H): the state after each sequence's last step (PyTorch's h_n, c_n).
    edits, edit_values, edit_offsets: the interventions (steps.py)."""
    B, T, D = x.shape
    H = w_hh.shape[1]
    input_projection(x, w_ih, b_ih, lengths, pre_input)  # W x_t + b for all t: one GEMM
    zero_padding(pre_hidden, lengths)
    zero_padding(gates, lengths)
    zero_padding(cell, lengths)
    zero_padding(hidden, lengths)
    w_hh_op = forward_operand(w_hh, B)
    h = h0.copy()
    c = c0.copy()
    u_h = np.empty((B, 4 * H), x.dtype)
    z = np.empty(4 * H, x.dtype)
    tanh_c = np.empty(H, x.dtype)
    has_edits = edit_offsets.shape[0] > 1
    for s in range(T):
        times_transposed(h, w_hh_op, u_h)  # U h_{t-1}  (B, 4H)
        for b in range(B):
            L = lengths[b]
            if s >= L:
                continue
            t = position(s, L, reverse)
            gt = gates[b, t]
            ct = cell[b, t]
            ht = hidden[b, t]
            add(u_h[b], b_hh, pre_hidden[b, t])  # U h_{t-1} + c
            add(pre_input[b, t], pre_hidden[b, t], z)  # z_t = W x_t + b + U h_{t-1} + c
            lstm_gates(z, gt)
            lstm_new_state(gt, c[b], ct, ht, tanh_c, H)
            copy(ct, c[b])
            copy(ht, h[b])
        if has_edits:  # the steps with interventions again, with the values set by hand
            for b in range(B):
                t = edited_position(edit_offsets, lengths, b, s, T, reverse)
                if t < 0:
                    continue
                slot, tp = b * T + t, previous_position(s, lengths[b], reverse)
                c_prev = c0[b] if tp < 0 else cell[b, tp]
                gt, ct, ht = gates[b, t], cell[b, t], hidden[b, t]
                apply_edits(edits, edit_values, edit_offsets, slot, EDIT_GATE, gt)
                lstm_new_state(gt, c_prev, ct, ht, tanh_c, H)
                apply_edits(edits, edit_values, edit_offsets, slot, EDIT_CELL, ct)
                _new_state_from_cell(gt, ct, ht, tanh_c, H)
                apply_edits(edits, edit_values, edit_offsets, slot, EDIT_HIDDEN, ht)
                copy(ct, c[b])
                copy(ht, h[b])
    copy_rows(h, h_last)
    copy_rows(c, c_last)


# One step of the cell, shared with the encoder-decoder's step-at-a-time decoder
# (encoder_decoder/kernels/cell_step.py): inlined, so each kernel compiles them with its own flags.


@njit(inline="always")
def lstm_gates(z, gt):
    """The gates (i, f, g, o) from their pre-activations z_t (4H); z may be gt itself."""
    lstm_unit_gates(z, gt, 0, gt.shape[0] // 4)


@njit(inline="always")
def lstm_unit_gates(z, gt, lo, hi):
    """The gates of units [lo, hi) (all of them, or a team's half: lstm_team.py): z (4n) holds
    their pre-activations gate by gate, gt (4H) is the step's whole row."""
    H, n = gt.shape[0] // 4, hi - lo
    sigmoid_of(z[:n], gt[lo:hi])  # i
    sigmoid_of(z[n : 2 * n], gt[H + lo : H + hi])  # f
    tanh_of(z[2 * n : 3 * n], gt[2 * H + lo : 2 * H + hi])  # g
    sigmoid_of(z[3 * n :], gt[3 * H + lo : 3 * H + hi])  # o


# The helpers below compute the units their arrays hold: every unit, or (lstm_team.py) half of
# them, as views from unit lo on (c_prev[lo:hi], the gates gt[lo:], ...). `H` is the distance
# between two gates' rows in gt and dz. Their loops run from j = 0 to the length of the arrays:
# with j from lo, of unknown sign, Numba keeps its negative-index wraparound in every access and
# the loops do not vectorise (BPTT at H=32 ran 40% longer).


@njit(inline="always")
def lstm_new_state(gt, c_prev, ct, ht, tanh_c, H):
    """c_t = f c_{t-1} + i g and h_t = o tanh(c_t) from the step's gates gt (i, f, g, o);
    tanh_c receives tanh(c_t) and may be ht itself."""
    for j in range(ct.shape[0]):
        ct[j] = gt[H + j] * c_prev[j] + gt[j] * gt[2 * H + j]  # c_t = f c_{t-1} + i g
    _new_state_from_cell(gt, ct, ht, tanh_c, H)


@njit(inline="always")
def _new_state_from_cell(gt, ct, ht, tanh_c, H):
    """h_t = o tanh(c_t)."""
    tanh_of(ct, tanh_c)
    for j in range(ct.shape[0]):
        ht[j] = gt[3 * H + j] * tanh_c[j]


@njit(inline="always")
def lstm_step_backward(gh, gt, tanh_c, c_prev, dc, gc, dz, H):
    """One step of BPTT from dL/dh_t (gh) and the dL/dc_t carried back (dc): writes the total
    dL/dc_t (gc) and dL/dz_t (dz, gate by gate as gt), and leaves dL/dc_{t-1} in dc. gt: the
    step's gates."""
    for j in range(gh.shape[0]):  # dL/dc_t = dL/dc (from t+1) + dL/dh_t o (1 - tanh^2 c_t)
        gc[j] = dc[j] + gh[j] * gt[3 * H + j] * (1.0 - tanh_c[j] * tanh_c[j])
    for j in range(gh.shape[0]):  # dL/dz_i = dL/dc_t g i (1 - i)
        dz[j] = gc[j] * gt[2 * H + j] * gt[j] * (1.0 - gt[j])
    for j in range(gh.shape[0]):  # dL/dz_f = dL/dc_t c_{t-1} f (1 - f)
        dz[H + j] = gc[j] * c_prev[j] * gt[H + j] * (1.0 - gt[H + j])
    for j in range(gh.shape[0]):  # dL/dz_g = dL/dc_t i (1 - g^2)
        dz[2 * H + j] = gc[j] * gt[j] * (1.0 - gt[2 * H + j] * gt[2 * H + j])
    for j in range(gh.shape[0]):  # dL/dz_o = dL/dh_t tanh(c_t) o (1 - o)
        dz[3 * H + j] = gh[j] * tanh_c[j] * gt[3 * H + j] * (1.0 - gt[3 * H + j])
    for j in range(gh.shape[0]):  # dL/dc_{t-1} = dL/dc_t f
        dc[j] = gc[j] * gt[H + j]


@njit(inline="always")
def _cut_cell_edits(edits, edit_offsets, slot, H, dz, dc_prev):
    """Where c_t[j] was set by hand nothing flows on from it: dz_i, dz_f, dz_g and
    dL/dc_{t-1} are 0 at unit j (dz_o stays: h_t = o tanh(c_t) reads the value set)."""
    for k in range(edit_offsets[slot], edit_offsets[slot + 1]):
        if edits[k, 0] == EDIT_CELL:
            j = edits[k, 1]
            dz[j] = 0.0
            dz[H + j] = 0.0
            dz[2 * H + j] = 0.0
            dc_prev[j] = 0.0


@njit(cache=True, nogil=True, error_model="numpy", fastmath=FUSED)
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
    edits,
    edit_offsets,
):
    """BPTT. grad_out (B, T, H) is dL/dh_t arriving from outside the layer; grad_h_last and
    grad_c_last arrive at the final state. Writes dL/dz_t (grad_pre), the total dL/dh_t and
    dL/dc_t, dL/dx_t, the parameter gradients and dL/dh_0, dL/dc_0. Under the forward pass's
    interventions a value set by hand passes no gradient into what it replaced."""
    B, T, D = x.shape
    H = w_hh.shape[1]
    zero_padding(grad_pre, lengths)
    zero_padding(grad_hidden, lengths)
    zero_padding(grad_cell, lengths)
    w_hh_op = backward_operand(w_hh, B)
    dh = grad_h_last.copy()  # dL/dh carried back from the step after
    dc = grad_c_last.copy()  # dL/dc carried back through the forget gates
    dz = np.zeros((B, 4 * H), x.dtype)
    dh_prev = np.empty((B, H), x.dtype)
    tanh_cell = np.empty((B, T, H), x.dtype)  # tanh(c_t): one pass over all steps, not per step
    tanh_of(cell.reshape(B * T * H), tanh_cell.reshape(B * T * H))
    has_edits = edit_offsets.shape[0] > 1
    dc_in = np.empty((B, H), x.dtype)  # dL/dc_t as it came in (steps with interventions)
    gh_in = np.empty(H, x.dtype)
    for s in range(T - 1, -1, -1):
        if has_edits:
            copy_rows(dc, dc_in)
        for b in range(B):
            L = lengths[b]
            if s >= L:
                dz[b, :] = 0.0
                continue
            t = position(s, L, reverse)
            tp = previous_position(s, L, reverse)
            c_prev = c0[b] if tp < 0 else cell[b, tp]
            gh = grad_hidden[b, t]
            add(dh[b], grad_out[b, t], gh)  # dL/dh_t: from step t+1 and from above
            lstm_step_backward(
                gh, gates[b, t], tanh_cell[b, t], c_prev, dc[b], grad_cell[b, t], dz[b], H
            )
            copy(dz[b], grad_pre[b, t])
        if has_edits:  # the steps with interventions again, each value set a constant
            for b in range(B):
                t = edited_position(edit_offsets, lengths, b, s, T, reverse)
                if t < 0:
                    continue
                slot, tp = b * T + t, previous_position(s, lengths[b], reverse)
                c_prev = c0[b] if tp < 0 else cell[b, tp]
                copy(grad_hidden[b, t], gh_in)  # an h_t set by hand passes nothing into the step
                cut_edits(edits, edit_offsets, slot, EDIT_HIDDEN, 0, gh_in)
                copy(dc_in[b], dc[b])
                zb = dz[b]
                lstm_step_backward(
                    gh_in, gates[b, t], tanh_cell[b, t], c_prev, dc[b], grad_cell[b, t], zb, H
                )
                cut_edits(edits, edit_offsets, slot, EDIT_GATE, 0, zb)  # nor a clamped gate
                _cut_cell_edits(edits, edit_offsets, slot, H, zb, dc[b])  # nor a c_t set by hand
                copy(zb, grad_pre[b, t])
        times(dz, w_hh_op, dh_prev)  # dL/dh_{t-1} = U^T dz_t
        for b in range(B):
            if s < lengths[b]:
                copy(dh_prev[b], dh[b])
    copy_rows(dh, grad_h0)
    copy_rows(dc, grad_c0)
    shared_weight_gradients(
        grad_pre, x, hidden, h0, lengths, reverse, grad_w_ih, grad_w_hh, grad_b_ih, grad_b_hh
    )
    input_gradient(grad_pre, w_ih, grad_x)
