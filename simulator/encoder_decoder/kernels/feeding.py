"""The decoder with input feeding (Bahdanau): attention inside the time loop, forward and BPTT.

At target step t, for every layer l of the decoder stack:

    q_t   = s_{t-1}                                the top layer's state before the step
    c_t   = att(X, q_t)                            (kernels/attention.py)
    x_t   = [e(y_{t-1}); c_t]                      what the first layer reads
    s^l_t = cell(s^{l-1}_t, s^l_{t-1})             s^{-1}_t = x_t; rnn, gru or lstm

The context depends on the previous state, so the steps cannot be batched over time as the
whole-sequence kernels do: one call runs every step and every layer. Per-layer arrays are stored
time-major, (L, T, B, ...), so each step's rows are contiguous for the GEMMs; attention arrays
are batch-first (B, T, ...). Rows past an example's target length are computed but not stored,
and carry their state unchanged, like the recurrent kernels' padding.
"""

import numpy as np
from numba import njit

from ...kernels.rows import add, copy, copy_rows
from ...kernels.steps import backward_operand, times, weight_gradients
from .attention import (
    ADDITIVE,
    attend_row,
    attend_row_backward,
    project_keys,
    project_keys_backward,
)
from .cell_step import cell_step, cell_step_backward, rows_times_transposed


@njit(cache=True, nogil=True, error_model="numpy")
def feeding_forward(
    cell,
    kind,
    embedded,
    target_lengths,
    memory,
    source_lengths,
    w_ih,
    w_hh,
    b_ih,
    b_hh,
    att_w,
    att_u,
    att_v,
    scale,
    h0,
    c0,
    keys,
    queries,
    query_proj,
    att_hidden,
    scores,
    weights,
    contexts,
    inputs0,
    pre_input,
    pre_hidden,
    gates,
    cell_state,
    hidden,
    h_last,
    c_last,
):
    """embedded (T, B, E) e(y_{t-1}); memory (B, S, M) the encoder outputs; w_* and b_* tuples
    of one array per layer; h0, c0 (L, B, H). Writes the attention (queries (B, T, H), scores
    and weights (B, T, S), contexts (B, T, M), keys, additive's query_proj and att_hidden),
    inputs0 (T, B, E + M), the per-layer arrays (L, T, B, G*H or H) and the final states."""
    T, B, E = embedded.shape
    L, _, H = h0.shape
    G = pre_input.shape[3]
    project_keys(kind, memory, att_w, keys)
    h = h0.copy()
    c = c0.copy()
    x0 = np.zeros((B, inputs0.shape[2]), memory.dtype)
    pi = np.zeros((B, G), memory.dtype)
    ph = np.zeros((B, G), memory.dtype)
    g = np.zeros((B, G), memory.dtype)
    cn = np.zeros((B, H), memory.dtype)
    hn = np.zeros((B, H), memory.dtype)
    qp = np.zeros((B, att_u.shape[0]), memory.dtype)
    for s in range(T):
        if kind == ADDITIVE:
            rows_times_transposed(h[L - 1], att_u, qp)  # U q_t for every row
        for b in range(B):
            if s >= target_lengths[b]:
                continue
            copy(h[L - 1, b], queries[b, s])  # q_t = s_{t-1}
            copy(qp[b], query_proj[b, s])
            attend_row(
                kind,
                keys[b],
                memory[b],
                source_lengths[b],
                queries[b, s],
                att_u,
                att_v,
                scale,
                query_proj[b, s],
                att_hidden[b, s],
                scores[b, s],
                weights[b, s],
                contexts[b, s],
            )
            copy(embedded[s, b], x0[b, :E])  # x_t = [e(y_{t-1}); c_t]
            copy(contexts[b, s], x0[b, E:])
            copy(x0[b], inputs0[s, b])
        layer_input = x0
        for l in range(L):
            cell_step(
                cell, layer_input, h[l], c[l], w_ih[l], w_hh[l], b_ih[l], b_hh[l], pi, ph, g, cn, hn
            )
            for b in range(B):
                if s >= target_lengths[b]:
                    continue
                copy(pi[b], pre_input[l, s, b])
                copy(ph[b], pre_hidden[l, s, b])
                copy(g[b], gates[l, s, b])
                copy(cn[b], cell_state[l, s, b])
                copy(hn[b], hidden[l, s, b])
                copy(hn[b], h[l, b])
                copy(cn[b], c[l, b])
            layer_input = h[l]
    for l in range(L):
        copy_rows(h[l], h_last[l])
        copy_rows(c[l], c_last[l])


@njit(cache=True, nogil=True, error_model="numpy")
def feeding_backward(
    cell,
    kind,
    target_lengths,
    memory,
    source_lengths,
    w_ih,
    w_hh,
    att_w,
    att_u,
    att_v,
    scale,
    h0,
    c0,
    keys,
    queries,
    att_hidden,
    weights,
    inputs0,
    pre_hidden,
    gates,
    cell_state,
    hidden,
    grad_out,
    grad_context_out,
    grad_pre_input,
    grad_pre_hidden,
    grad_hidden,
    grad_cell,
    grad_inputs0,
    grad_scores,
    grad_contexts,
    grad_queries,
    grad_query_proj,
    grad_memory,
    grad_h0,
    grad_c0,
    grad_w_ih,
    grad_w_hh,
    grad_b_ih,
    grad_b_hh,
    grad_att_w,
    grad_att_u,
    grad_att_v,
):
    """BPTT through feeding_forward. grad_out (T, B, H) is dL/ds_t of the top layer from the
    output layer, grad_context_out (B, T, M) dL/dc_t from the output layer. Writes every
    per-step gradient (grad_contexts is the total dL/dc_t: output layer plus first layer),
    dL/dh0 and dL/dc0 (L, B, H), the parameter gradients; adds dL/dx_n to grad_memory."""
    T, B, D0 = inputs0.shape
    L, _, H = h0.shape
    G = grad_pre_input.shape[3]
    E = D0 - memory.shape[2]
    dh = np.zeros((L, B, H), memory.dtype)  # dL/ds^l_{t-1}, carried back a step
    dc = np.zeros((L, B, H), memory.dtype)  # dL/dc^l_{t-1} (lstm)
    grad_keys = np.zeros_like(keys)
    grad_att_v[:] = 0.0
    no_weights = np.zeros(0, memory.dtype)
    valid = np.zeros(B, np.bool_)
    gh = np.zeros((B, H), memory.dtype)
    from_above = np.zeros((B, H), memory.dtype)  # dL/ds^l_t through the layer above
    gx0 = np.zeros((B, D0), memory.dtype)
    hp = np.zeros((B, H), memory.dtype)
    cp = np.zeros((B, H), memory.dtype)
    ghp = np.zeros((B, H), memory.dtype)
    gcell = np.zeros((B, H), memory.dtype)
    gpi = np.zeros((B, G), memory.dtype)
    gph = np.zeros((B, G), memory.dtype)
    A = att_u.shape[0]
    gqp = np.zeros((B, A), memory.dtype)  # dL/d(U q_t) of every row
    gq = np.zeros((B, H), memory.dtype)
    w_ih_ops = [backward_operand(w_ih[l], B) for l in range(L)]  # made once, read every step
    w_hh_ops = [backward_operand(w_hh[l], B) for l in range(L)]
    att_u_op = backward_operand(att_u, B)
    for s in range(T - 1, -1, -1):
        for b in range(B):
            valid[b] = s < target_lengths[b]
        for l in range(L - 1, -1, -1):
            for b in range(B):  # dL/ds^l_t: from step t+1 and from above (output layer on top)
                add(dh[l, b], grad_out[s, b] if l == L - 1 else from_above[b], gh[b])
                if not valid[b]:
                    continue
                copy(gh[b], grad_hidden[l, s, b])
                copy(h0[l, b] if s == 0 else hidden[l, s - 1, b], hp[b])
                copy(c0[l, b] if s == 0 else cell_state[l, s - 1, b], cp[b])
            cell_step_backward(
                cell,
                valid,
                w_ih_ops[l],
                w_hh_ops[l],
                hp,
                cp,
                pre_hidden[l, s],
                gates[l, s],
                cell_state[l, s],
                hidden[l, s],
                gh,
                dc[l],
                gpi,
                gph,
                gcell,
                gx0 if l == 0 else from_above,
                ghp,
            )
            for b in range(B):
                if valid[b]:
                    copy(gpi[b], grad_pre_input[l, s, b])
                    copy(gph[b], grad_pre_hidden[l, s, b])
                    copy(gcell[b], grad_cell[l, s, b])
                    copy(ghp[b], dh[l, b])
        for b in range(B):
            if not valid[b]:
                continue
            copy(gx0[b], grad_inputs0[s, b])
            gc = grad_contexts[b, s]
            add(grad_context_out[b, s], gx0[b, E:], gc)  # dL/dc_t: output layer + first layer
            attend_row_backward(
                kind,
                keys[b],
                memory[b],
                source_lengths[b],
                queries[b, s],
                att_u,
                att_v,
                scale,
                att_hidden[b, s],
                weights[b, s],
                gc,
                no_weights,
                grad_scores[b, s],
                grad_keys[b],
                grad_memory[b],
                grad_queries[b, s],
                grad_query_proj[b, s],
                grad_att_v,
            )
        if kind == ADDITIVE:  # dL/dq_t = U^T dL/d(U q_t), every row at once
            for b in range(B):
                copy(grad_query_proj[b, s], gqp[b])  # zero for rows past their length
            times(gqp, att_u_op, gq)
            for b in range(B):
                if valid[b]:
                    copy(gq[b], grad_queries[b, s])
        for b in range(B):
            if valid[b]:
                add(dh[L - 1, b], grad_queries[b, s], dh[L - 1, b])  # q_t = s_{t-1}
    for l in range(L):
        copy_rows(dh[l], grad_h0[l])
        copy_rows(dc[l], grad_c0[l])
    h_prev = np.zeros((T, B, H), memory.dtype)
    for l in range(L):  # dW = sum_t dz_t x_t^T, dU = sum_t dz_t h_{t-1}^T: one GEMM each
        weight_gradients(
            grad_pre_input[l], inputs0 if l == 0 else hidden[l - 1], grad_w_ih[l], grad_b_ih[l]
        )
        copy_rows(h0[l], h_prev[0])
        for t in range(1, T):
            copy_rows(hidden[l, t - 1], h_prev[t])
        weight_gradients(grad_pre_hidden[l], h_prev, grad_w_hh[l], grad_b_hh[l])
    project_keys_backward(kind, memory, att_w, grad_keys, grad_memory, grad_att_w)
    if kind == ADDITIVE:  # dL/dU = sum_t dL/d(U q_t) q_t^T
        A = att_u.shape[0]
        np.dot(grad_query_proj.reshape(B * T, A).T, queries.reshape(B * T, H), grad_att_u)
