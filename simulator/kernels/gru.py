"""GRU, forward and back-propagation through time, in PyTorch's gate order r, z, n.

    r_t = sigma(W_r x_t + b_r + U_r h_{t-1} + c_r)            reset gate
    z_t = sigma(W_z x_t + b_z + U_z h_{t-1} + c_z)            update gate
    pytorch variant:  n_t = tanh(W_n x_t + b_n + r_t * (U_n h_{t-1} + c_n))
    textbook variant: n_t = tanh(W_n x_t + b_n + U_n (r_t * h_{t-1}) + c_n)
    h_t = (1 - z_t) * n_t + z_t * h_{t-1}
W = weight_ih (3H, D), U = weight_hh (3H, H), b = bias_ih, c = bias_hh.
pre_hidden holds U h_{t-1} + c for r and z, and the hidden-side term of n as the variant defines it.
Interventions (steps.py) set a gate after its activation or h_t at chosen slots; BPTT treats
each set value as a constant at that step.
"""

import numpy as np
from numba import njit

from .mathfn import FUSED
from .rows import add, copy, copy_rows, sigmoid_of, tanh_of
from .steps import (
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
    previous_states,
    times,
    times_transposed,
    weight_gradients,
    zero_padding,
)


@njit(inline="always")
def _variant_operands(w_hh, B, textbook, operand):
    """(U, U_rz, U_n) as the products read them, each made by `operand` (steps.forward_operand
    or backward_operand: a copy of part of U). Only those the variant reads are made: the
    textbook GRU multiplies U_rz and U_n apart, PyTorch's all of U at once (all three cost ~50 us
    a call at B=1 H=128); the ones it does not read are the same array again."""
    H = w_hh.shape[1]
    if textbook:
        w_rz_op = operand(w_hh[: 2 * H], B)
        return w_rz_op, w_rz_op, operand(w_hh[2 * H :], B)
    w_hh_op = operand(w_hh, B)
    return w_hh_op, w_hh_op, w_hh_op


@njit(cache=True, nogil=True, error_model="numpy", fastmath=FUSED)
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
    edits,
    edit_values,
    edit_offsets,
):
    """x (B, T, D) -> pre_input, pre_hidden, gates (B, T, 3H) holding r, z, n;
    hidden (B, T, H); h_last (B, H). edits, edit_values, edit_offsets: the interventions
    (steps.py)."""
    B, T, D = x.shape
    H = w_hh.shape[1]
    input_projection(x, w_ih, b_ih, lengths, pre_input)  # W x_t + b for all t: one GEMM
    zero_padding(pre_hidden, lengths)
    zero_padding(gates, lengths)
    zero_padding(hidden, lengths)
    w_hh_op, w_rz_op, w_n_op = _variant_operands(w_hh, B, textbook, forward_operand)
    h = h0.copy()
    u_h = np.zeros((B, 3 * H), x.dtype)  # U h_{t-1}
    u_rz = np.zeros((B, 2 * H), x.dtype)  # U_rz h_{t-1} (textbook)
    reset_h = np.zeros((B, H), x.dtype)  # r_t * h_{t-1} (textbook)
    u_n = np.zeros((B, H), x.dtype)  # U_n (r_t * h_{t-1}) (textbook)
    z = np.empty(3 * H, x.dtype)
    has_edits = edit_offsets.shape[0] > 1
    for s in range(T):
        if textbook:
            times_transposed(h, w_rz_op, u_rz)
        else:
            times_transposed(h, w_hh_op, u_h)
        for b in range(B):  # the reset and update gates
            L = lengths[b]
            if s >= L:
                continue
            t = position(s, L, reverse)
            ph = pre_hidden[b, t]
            gt = gates[b, t]
            if textbook:
                add(u_rz[b], b_hh[: 2 * H], ph[: 2 * H])
            else:
                add(u_h[b], b_hh, ph)
            add(pre_input[b, t, : 2 * H], ph[: 2 * H], z[: 2 * H])
            sigmoid_of(z[: 2 * H], gt[: 2 * H])  # r, z
            if textbook:
                for j in range(H):
                    reset_h[b, j] = gt[j] * h[b, j]
        if has_edits:  # r and z clamped by hand, before the candidate reads them
            for b in range(B):
                t = edited_position(edit_offsets, lengths, b, s, T, reverse)
                if t < 0:
                    continue
                gt = gates[b, t]
                apply_edits(edits, edit_values, edit_offsets, b * T + t, EDIT_GATE, gt)
                if textbook:
                    for j in range(H):
                        reset_h[b, j] = gt[j] * h[b, j]
        if textbook:
            times_transposed(reset_h, w_n_op, u_n)  # U_n (r * h_{t-1})
        for b in range(B):  # the candidate and the new state
            L = lengths[b]
            if s >= L:
                continue
            t = position(s, L, reverse)
            pi = pre_input[b, t]
            ph = pre_hidden[b, t]
            gt = gates[b, t]
            ht = hidden[b, t]
            if textbook:  # n = tanh(W_n x + b_n + U_n (r h) + c_n)
                add(u_n[b], b_hh[2 * H :], ph[2 * H :])
                add(pi[2 * H :], ph[2 * H :], z[2 * H :])
            else:  # n = tanh(W_n x + b_n + r (U_n h + c_n)); ph holds U_n h + c_n already
                gru_candidate_pre(pi[2 * H :], gt[:H], ph[2 * H :], z[2 * H :])
            tanh_of(z[2 * H :], gt[2 * H :])
            gru_new_state(gt, h[b], ht, H)
            copy(ht, h[b])
        if has_edits:  # the candidate clamped, h_t set by hand
            for b in range(B):
                t = edited_position(edit_offsets, lengths, b, s, T, reverse)
                if t < 0:
                    continue
                slot, tp = b * T + t, previous_position(s, lengths[b], reverse)
                gt, ht = gates[b, t], hidden[b, t]
                apply_edits(edits, edit_values, edit_offsets, slot, EDIT_GATE, gt)
                gru_new_state(gt, h0[b] if tp < 0 else hidden[b, tp], ht, H)
                apply_edits(edits, edit_values, edit_offsets, slot, EDIT_HIDDEN, ht)
                copy(ht, h[b])
    copy_rows(h, h_last)


# One step of the cell, shared with the encoder-decoder's step-at-a-time decoder
# (encoder_decoder/kernels/cell_step.py): inlined, so each kernel compiles them with its own flags.


# The helpers below compute the units their arrays hold: every unit, or (gru_team.py) half of
# them, as views from unit lo on (h_prev[lo:hi], the gates gt[lo:], ...). `H` is the distance
# between two gates' rows in gt, gi and d_u (as lstm.py's helpers).


@njit(inline="always")
def gru_candidate_pre(pi_n, r, ph_n, out):
    """PyTorch's variant: out = W_n x + b_n + r (U_n h_{t-1} + c_n), the candidate's
    pre-activation, from pi_n = W_n x + b_n and ph_n = U_n h_{t-1} + c_n; out may be pi_n."""
    for j in range(out.shape[0]):
        out[j] = pi_n[j] + r[j] * ph_n[j]


@njit(inline="always")
def gru_new_state(gt, h_prev, ht, H):
    """h_t = (1 - z) n + z h_{t-1} from the step's gates gt (r, z, n)."""
    for j in range(ht.shape[0]):
        ht[j] = (1.0 - gt[H + j]) * gt[2 * H + j] + gt[H + j] * h_prev[j]


@njit(inline="always")
def gru_candidate_and_update_backward(H, gh, gt, h_prev, gi, dh_direct):
    """From dL/dh_t (gh): dL/dn_pre and dL/dz_pre into gi, and dL/dh_{t-1} through z."""
    for j in range(gh.shape[0]):  # dL/dn_pre = dL/dh_t (1 - z) (1 - n^2)
        gi[2 * H + j] = gh[j] * (1.0 - gt[H + j]) * (1.0 - gt[2 * H + j] * gt[2 * H + j])
    for j in range(gh.shape[0]):  # dL/dz_pre = dL/dh_t (h_{t-1} - n) z (1 - z)
        gi[H + j] = gh[j] * (h_prev[j] - gt[2 * H + j]) * gt[H + j] * (1.0 - gt[H + j])
    for j in range(gh.shape[0]):
        dh_direct[j] = gh[j] * gt[H + j]


@njit(inline="always")
def gru_reset_backward(H, units, gt, ph, gi, d_u):
    """PyTorch's variant, at `units` units: dL/dr_pre from dL/dn_pre (into gi), and
    dL/d(U h_{t-1} + c) (into d_u, gate by gate as gi)."""
    for j in range(units):  # dL/dr_pre = dL/dn_pre (U_n h + c_n) r (1 - r)
        gi[j] = gi[2 * H + j] * ph[2 * H + j] * gt[j] * (1.0 - gt[j])
    for j in range(units):
        d_u[j] = gi[j]
    for j in range(units):
        d_u[H + j] = gi[H + j]
    for j in range(units):
        d_u[2 * H + j] = gi[2 * H + j] * gt[j]


@njit(inline="always")
def _cut_reset(edits, edit_offsets, slot, gi, d_hidden, grad_pre_hidden):
    """A clamped r passes nothing to its pre-activation: its rows of gi, of the hidden side's
    gradient (d_hidden: r and z rows first) and of grad_pre_hidden at 0."""
    cut_edits(edits, edit_offsets, slot, EDIT_GATE, 0, gi)
    H = gi.shape[0] // 3
    copy(gi[: 2 * H], d_hidden[: 2 * H])
    copy(gi[: 2 * H], grad_pre_hidden[: 2 * H])


@njit(cache=True, nogil=True, error_model="numpy", fastmath=FUSED)
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
    edits,
    edit_offsets,
):
    """BPTT. grad_pre_input is dL/d(W x_t + b), grad_pre_hidden dL/d(pre_hidden); the rest
    (and the interventions) as in lstm_backward."""
    B, T, D = x.shape
    H = w_hh.shape[1]
    zero_padding(grad_pre_input, lengths)
    zero_padding(grad_pre_hidden, lengths)
    zero_padding(grad_hidden, lengths)
    w_hh_op, w_rz_op, w_n_op = _variant_operands(w_hh, B, textbook, backward_operand)
    dh = grad_h_last.copy()
    dh_direct = np.zeros((B, H), x.dtype)  # dL/dh_{t-1} not through U: z h_{t-1} (and r h_{t-1})
    d_u = np.zeros((B, 3 * H), x.dtype)  # dL/d(U h_{t-1}) (pytorch)
    d_rz = np.zeros((B, 2 * H), x.dtype)  # dL/d(U_rz h_{t-1}) (textbook)
    d_n = np.zeros((B, H), x.dtype)  # dL/d(pre-activation of n) (textbook)
    d_reset_h = np.zeros((B, H), x.dtype)  # dL/d(r h_{t-1}) (textbook)
    dh_prev = np.empty((B, H), x.dtype)
    has_edits = edit_offsets.shape[0] > 1
    gh_in = np.empty(H, x.dtype)
    for s in range(T - 1, -1, -1):
        for b in range(B):
            L = lengths[b]
            if s >= L:
                d_u[b, :] = 0.0
                d_n[b, :] = 0.0
                continue
            t = position(s, L, reverse)
            tp = previous_position(s, L, reverse)
            h_prev = h0[b] if tp < 0 else hidden[b, tp]
            gt = gates[b, t]
            gi = grad_pre_input[b, t]
            gh = grad_hidden[b, t]
            add(dh[b], grad_out[b, t], gh)  # dL/dh_t
            gru_candidate_and_update_backward(H, gh, gt, h_prev, gi, dh_direct[b])
            if textbook:
                copy(gi[2 * H :], d_n[b])
            else:
                gru_reset_backward(H, H, gt, pre_hidden[b, t], gi, d_u[b])
                copy(d_u[b], grad_pre_hidden[b, t])
        if has_edits:  # the steps with interventions again, each value set a constant
            for b in range(B):
                t = edited_position(edit_offsets, lengths, b, s, T, reverse)
                if t < 0:
                    continue
                slot, tp = b * T + t, previous_position(s, lengths[b], reverse)
                gt, gi = gates[b, t], grad_pre_input[b, t]
                copy(grad_hidden[b, t], gh_in)  # an h_t set by hand passes nothing into the step
                cut_edits(edits, edit_offsets, slot, EDIT_HIDDEN, 0, gh_in)
                h_prev = h0[b] if tp < 0 else hidden[b, tp]
                gru_candidate_and_update_backward(H, gh_in, gt, h_prev, gi, dh_direct[b])
                cut_edits(edits, edit_offsets, slot, EDIT_GATE, 0, gi)  # a clamped z or n
                if textbook:
                    copy(gi[2 * H :], d_n[b])
                else:
                    gru_reset_backward(H, H, gt, pre_hidden[b, t], gi, d_u[b])
                    copy(d_u[b], grad_pre_hidden[b, t])
                    _cut_reset(edits, edit_offsets, slot, gi, d_u[b], grad_pre_hidden[b, t])
        if textbook:
            times(d_n, w_n_op, d_reset_h)  # dL/d(r h_{t-1}) = U_n^T dn_pre
            for b in range(B):
                L = lengths[b]
                if s >= L:
                    d_rz[b, :] = 0.0
                    continue
                t = position(s, L, reverse)
                tp = previous_position(s, L, reverse)
                h_prev = h0[b] if tp < 0 else hidden[b, tp]
                gt = gates[b, t]
                gi = grad_pre_input[b, t]
                for j in range(H):  # dL/dr_pre = dL/d(r h) h_{t-1} r (1 - r)
                    gi[j] = d_reset_h[b, j] * h_prev[j] * gt[j] * (1.0 - gt[j])
                for j in range(H):
                    dh_direct[b, j] += d_reset_h[b, j] * gt[j]
                copy(gi[: 2 * H], d_rz[b])
                copy(gi, grad_pre_hidden[b, t])
            if has_edits:  # a clamped r
                for b in range(B):
                    t = edited_position(edit_offsets, lengths, b, s, T, reverse)
                    if t >= 0:
                        gi = grad_pre_input[b, t]
                        _cut_reset(
                            edits, edit_offsets, b * T + t, gi, d_rz[b], grad_pre_hidden[b, t]
                        )
            times(d_rz, w_rz_op, dh_prev)  # U_rz^T d[r, z]_pre
        else:
            times(d_u, w_hh_op, dh_prev)  # U^T dL/d(U h_{t-1})
        for b in range(B):
            if s < lengths[b]:
                add(dh_prev[b], dh_direct[b], dh[b])
    copy_rows(dh, grad_h0)
    weight_gradients(grad_pre_input, x, grad_w_ih, grad_b_ih)
    h_prev_all = np.empty_like(hidden)
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
