"""Attention for every target step at once, forward and backward (kernels/attention.py has the
maths and the one-query version).

Used when every query is known before attention runs: the context at the output (Luong, the
queries are the decoder's states s_t) and attention on its own. Per example the steps' queries
share GEMMs: U q_t for every t, the scores, the contexts, and in the backward dL/dalpha, dL/dx
and dL/dq.

Additive attention needs tanh(k_n + U q_t) for every step, position and unit: T S A of them.
With e^(2x) of each key and of each U q_t (S A + T A exponentials),

    tanh(k + p) = 1 - 2 / (e^(2k) e^(2p) + 1)

costs a product and a division per element instead of a tanh. Its error stays within a few
units of 1e-16 (about what rounding k + p costs), and a product that overflows or underflows
gives the right +-1; only where |k| or |p| passes 350 could a clamped exponential mislead,
and in float32 an e^(2x) stored as inf or 0 (|x| past about 44) could make inf * 0, so such an
example takes the tanh itself.
"""

import numpy as np
from numba import njit

from ...kernels.mathfn import exp
from ...kernels.rows import accumulate_matrix, add, scale_rows, tanh_of
from ...kernels.steps import matvec
from .attention import ADDITIVE, SCALED_DOT, project_keys, project_keys_backward


@njit(inline="always", error_model="numpy")
def masked_softmax(scores, length, weights):
    """weights = softmax of scores[:length], 0 beyond (scores there set to 0 too)."""
    top = scores[0]
    for n in range(1, length):
        top = max(top, scores[n])
    for n in range(length):
        weights[n] = exp(scores[n] - top)  # exp(s_n), shifted by the largest for safety
    total = 0.0
    for n in range(length):
        total += weights[n]
    inverse = 1.0 / total
    for n in range(length):
        weights[n] *= inverse  # alpha_n = softmax(s)_n
    for n in range(length, scores.shape[0]):  # padding: masked out of the softmax
        scores[n] = 0.0
        weights[n] = 0.0


EXPONENT_LIMIT = 350.0  # |x| up to which e^(2x) is a normal float64, far from the clamps


@njit(inline="always", error_model="numpy")
def doubled_exponentials(rows, out):
    """out = e^(2 rows) element-wise; returns False when some |x| is past EXPONENT_LIMIT or
    some e^(2x) is out of out's range once stored (inf or 0: float32 past |x| ~ 44)."""
    past = 0
    for i in range(rows.shape[0]):
        row, e = rows[i], out[i]
        for j in range(row.shape[0]):
            e[j] = exp(2.0 * row[j])
            # counted, not a branch: the loop stays SIMD
            past += (abs(row[j]) > EXPONENT_LIMIT) | (e[j] == 0.0) | (e[j] == np.inf)
    return past == 0


@njit(inline="always", error_model="numpy")
def tanh_of_sums(keys, query_proj, exp_keys, exp_queries, hidden):
    """hidden[t, n] = tanh(k_n + p_t) for keys (N, A) and query_proj (T, A); hidden (T, >= N, A)
    is C-contiguous, so that its rows are (what lets LLVM vectorise the loop)."""
    if doubled_exponentials(keys, exp_keys) and doubled_exponentials(query_proj, exp_queries):
        for t in range(query_proj.shape[0]):
            ep = exp_queries[t]
            for n in range(keys.shape[0]):
                h, ek = hidden[t, n], exp_keys[n]
                for j in range(h.shape[0]):
                    h[j] = 1.0 - 2.0 / (ek[j] * ep[j] + 1.0)  # tanh(k + p)
        return
    pre = np.empty(keys.shape[1], keys.dtype)
    for t in range(query_proj.shape[0]):
        for n in range(keys.shape[0]):
            add(keys[n], query_proj[t], pre)
            tanh_of(pre, hidden[t, n])


@njit(cache=True, nogil=True, error_model="numpy")
def attention_forward(
    kind,
    memory,
    source_lengths,
    queries,
    query_lengths,
    w,
    u,
    v,
    scale,
    keys,
    query_proj,
    hidden,
    scores,
    weights,
    contexts,
):
    """queries (B, T, Q), the first query_lengths[b] of example b real; memory (B, S, M).
    Writes keys (B, S, P); per query scores and weights (B, T, S), contexts (B, T, M), and for
    additive query_proj (B, T, A) and hidden (B, T, S, A). Rows of padding stay as they were
    allocated (zeros)."""
    B, T, Q = queries.shape
    S = memory.shape[1]
    A = v.shape[0]
    project_keys(kind, memory, w, keys)
    exp_keys = np.empty((S, A), memory.dtype)
    exp_queries = np.empty((T, A), memory.dtype)
    for b in range(B):
        steps, length = query_lengths[b], source_lengths[b]
        q = queries[b, :steps]
        s = scores[b, :steps]
        if kind == ADDITIVE:
            qp = query_proj[b, :steps]
            np.dot(q, u.T, qp)  # U q_t for every t
            tanh_of_sums(  # tanh(W x_n + U q_t)
                keys[b, :length], qp, exp_keys[:length], exp_queries[:steps], hidden[b, :steps]
            )
            flat = hidden[b, :steps].reshape(steps * S, A)
            matvec(flat, v, s.reshape(steps * S))  # s_tn = v^T tanh(W x_n + U q_t)
        else:
            np.dot(q, keys[b].T, s)  # s_tn = k_n^T q_t
            if kind == SCALED_DOT:
                for t in range(steps):
                    for n in range(S):
                        s[t, n] *= scale  # / sqrt(M)
        for t in range(steps):
            masked_softmax(s[t], length, weights[b, t])
        np.dot(weights[b, :steps], memory[b], contexts[b, :steps])  # c_t = sum_n alpha_tn x_n


@njit(cache=True, nogil=True, error_model="numpy")
def attention_backward(
    kind,
    memory,
    source_lengths,
    queries,
    query_lengths,
    w,
    u,
    v,
    scale,
    keys,
    hidden,
    weights,
    grad_contexts,
    grad_weights,
    grad_scores,
    grad_memory,
    grad_queries,
    grad_query_proj,
    grad_w,
    grad_u,
    grad_v,
):
    """Backward of attention_forward from dL/dc (B, T, M) and, when not empty, dL/dalpha
    (B, T, S). Writes dL/ds, dL/dq (B, T, Q), dL/d(U q) (B, T, A) and the parameter
    gradients; adds dL/dx_n to grad_memory (B, S, M). Rows of padding are left as they are."""
    B, T, Q = queries.shape
    S = memory.shape[1]
    A = v.shape[0]
    grad_keys = np.zeros_like(keys)
    grad_v[:] = 0.0
    for b in range(B):
        steps, length = query_lengths[b], source_lengths[b]
        alpha = weights[b, :steps]
        ds = grad_scores[b, :steps]
        gc = grad_contexts[b, :steps]
        np.dot(gc, memory[b].T, ds)  # dL/dalpha_tn = x_n^T dL/dc_t
        if grad_weights.shape[0] > 0:
            for t in range(steps):
                add(ds[t], grad_weights[b, t], ds[t])
        for t in range(steps):  # dL/ds_tn = alpha_tn (dL/dalpha_tn - sum_j alpha_tj dL/dalpha_tj)
            mean = 0.0
            for n in range(length):
                mean += alpha[t, n] * ds[t, n]
            for n in range(length):
                ds[t, n] = alpha[t, n] * (ds[t, n] - mean)
            for n in range(length, S):
                ds[t, n] = 0.0
        accumulate_matrix(grad_memory[b], np.dot(alpha.T, gc))  # += sum_t alpha_tn dL/dc_t
        if kind == ADDITIVE:  # one pass over hidden (steps, S, A), nothing stored per (t, n)
            # dL/d(W x_n + U q_t) = dL/ds_tn v (1 - tanh^2): summed over n for dL/d(U q_t) and
            # over t for dL/dk_n, each sum taken without v, which multiplies it once at the end
            gk = grad_keys[b]
            gqp = grad_query_proj[b, :steps]
            for t in range(steps):
                h = hidden[b, t]
                gq = gqp[t]
                gq[:] = 0.0
                for n in range(length):
                    g = ds[t, n]
                    hn = h[n]
                    kn = gk[n]
                    for j in range(A):
                        gh = g * hn[j]
                        grad_v[j] += gh  # dL/dv = sum_tn dL/ds_tn tanh(.)
                        e = g - gh * hn[j]  # dL/ds_tn (1 - tanh^2)
                        gq[j] += e
                        kn[j] += e
                for j in range(A):
                    gq[j] *= v[j]  # dL/d(U q_t)
            for n in range(length):
                for j in range(A):
                    gk[n, j] *= v[j]  # dL/dk_n
            np.dot(gqp, u, grad_queries[b, :steps])  # dL/dq_t = U^T dL/d(U q_t)
        else:
            gk = grad_keys[b]  # zero until here
            accumulate_matrix(gk, np.dot(ds.T, queries[b, :steps]))  # dL/dk_n = sum_t dL/ds_tn q_t
            gq = grad_queries[b, :steps]
            np.dot(ds, keys[b], gq)  # dL/dq_t = sum_n dL/ds_tn k_n
            if kind == SCALED_DOT:  # s_tn = scale k_n^T q_t
                scale_rows(gk, scale)
                scale_rows(gq, scale)
    project_keys_backward(kind, memory, w, grad_keys, grad_memory, grad_w)
    if kind == ADDITIVE:  # dL/dU = sum_t dL/d(U q_t) q_t^T, one GEMM
        np.dot(grad_query_proj.reshape(B * T, A).T, queries.reshape(B * T, Q), grad_u)
