"""Attention, forward and backward: the notes' two steps for one query over a set of keys.

    s_n     = s(x_n, q)                               score of source position n
    alpha_n = exp(s_n) / sum_{j < N} exp(s_j)         attention distribution (n < N, the length;
                                                      padded positions get alpha_n = 0)
    c       = sum_n alpha_n x_n                       context: att(X, q), the weighted average

Score functions (x_n: an encoder output, width M; q: the query, width Q):
    additive    s = v^T tanh(W x_n + U q)             W (A, M), U (A, Q), v (A,)
    dot         s = x_n^T q                           M = Q
    scaled_dot  s = x_n^T q / sqrt(M)
    bilinear    s = x_n^T W q                         W (M, Q)

What does not depend on the query is computed once per example before the time loop: the
"keys" k_n = W x_n (additive), W^T x_n (bilinear, so s = k_n^T q) or x_n (dot, scaled_dot).
Their gradients are gathered over every query and turned into gradients of W and of the encoder
outputs with one GEMM at the end.

attend_row handles one query (input feeding and decoding, where each step's query is known only
after the step before); kernels/attention_steps.py handles every step's query at once.
"""

import numpy as np
from numba import njit

from ...kernels.mathfn import exp
from ...kernels.rows import add, copy_rows, tanh_of
from ...kernels.steps import matvec

# Score function codes (spec.ATTENTIONS order, without "none").
ADDITIVE, DOT, SCALED_DOT, BILINEAR = 0, 1, 2, 3


@njit(inline="always", error_model="numpy")
def add_scaled(alpha, a, out):
    """out += alpha a."""
    for j in range(out.shape[0]):
        out[j] += alpha * a[j]


@njit(cache=True, nogil=True, error_model="numpy")
def project_keys(kind, memory, w, keys):
    """keys (B, S, P) from the encoder outputs memory (B, S, M), one GEMM:
    additive k_n = W x_n; bilinear k_n = W^T x_n; dot, scaled_dot k_n = x_n."""
    B, S, M = memory.shape
    P = keys.shape[2]
    flat_memory = memory.reshape(B * S, M)
    flat_keys = keys.reshape(B * S, P)
    if kind == ADDITIVE:
        np.dot(flat_memory, w.T, flat_keys)  # (W x_n)^T = x_n^T W^T
    elif kind == BILINEAR:
        np.dot(flat_memory, w, flat_keys)  # (W^T x_n)^T = x_n^T W
    else:
        copy_rows(flat_memory, flat_keys)


@njit(cache=True, nogil=True, error_model="numpy")
def project_keys_backward(kind, memory, w, grad_keys, grad_memory, grad_w):
    """From dL/dk_n (B, S, P): adds dL/dx_n to grad_memory (B, S, M), writes dL/dW."""
    B, S, M = memory.shape
    P = grad_keys.shape[2]
    flat_memory = memory.reshape(B * S, M)
    flat_grad_keys = grad_keys.reshape(B * S, P)
    flat_grad_memory = grad_memory.reshape(B * S, M)
    if kind == ADDITIVE:
        np.dot(flat_grad_keys.T, flat_memory, grad_w)  # dL/dW = sum_n dk_n x_n^T  (A, M)
        flat_grad_memory += np.dot(flat_grad_keys, w)  # dL/dx_n += W^T dk_n
    elif kind == BILINEAR:
        np.dot(flat_memory.T, flat_grad_keys, grad_w)  # dL/dW = sum_n x_n dk_n^T  (M, Q)
        flat_grad_memory += np.dot(flat_grad_keys, w.T)  # dL/dx_n += W dk_n
    else:
        flat_grad_memory += flat_grad_keys


@njit(cache=True, nogil=True, error_model="numpy")
def attend_row(
    kind, keys, memory, length, query, u, v, scale, query_proj, hidden, scores, weights, context
):
    """One query q (Q,) against one example's keys (S, P) and outputs memory (S, M), of which
    the first `length` are real. Writes scores, weights (S,) (zero on padding) and the context
    (M,); additive also writes hidden (S, A) = tanh(W x_n + U q) and reads query_proj = U q
    (A,), which the caller computes for all its rows at once (one GEMM instead of one GEMV
    each)."""
    S = keys.shape[0]
    if kind == ADDITIVE:
        pre = np.empty(v.shape[0], keys.dtype)
        for n in range(length):
            add(keys[n], query_proj, pre)  # W x_n + U q
            tanh_of(pre, hidden[n])  # tanh(W x_n + U q)
        matvec(hidden[:length], v, scores[:length])  # s_n = v^T tanh(W x_n + U q)
    else:
        matvec(keys[:length], query, scores[:length])  # s_n = k_n^T q
        if kind == SCALED_DOT:
            for n in range(length):
                scores[n] *= scale  # s_n = k_n^T q / sqrt(M)
    top = scores[0]
    for n in range(1, length):
        top = max(top, scores[n])
    total = 0.0
    for n in range(length):
        weights[n] = exp(scores[n] - top)  # exp(s_n), shifted by the largest for safety
        total += weights[n]
    for n in range(length):
        weights[n] /= total  # alpha_n = softmax(s)_n
    for n in range(length, S):  # padding: masked out of the softmax
        scores[n] = 0.0
        weights[n] = 0.0
    np.dot(weights[:length], memory[:length], context)  # c = sum_n alpha_n x_n


@njit(cache=True, nogil=True, error_model="numpy")
def attend_row_backward(
    kind,
    keys,
    memory,
    length,
    query,
    u,
    v,
    scale,
    hidden,
    weights,
    grad_context,
    grad_weights_in,
    grad_scores,
    grad_keys,
    grad_memory,
    grad_query,
    grad_query_proj,
    grad_v,
):
    """Backward of attend_row. grad_context is dL/dc (M,); grad_weights_in, when not empty,
    adds a dL/dalpha that does not pass through c. Writes dL/ds (grad_scores) and dL/dq
    (grad_query), except for additive, which writes dL/d(U q) (grad_query_proj) and leaves
    dL/dq = U^T dL/d(U q) to the caller (one GEMM for all its rows); adds to dL/dk (grad_keys),
    dL/dx (grad_memory, through c) and dL/dv (grad_v)."""
    S = keys.shape[0]
    matvec(memory[:length], grad_context, grad_scores[:length])  # dL/dalpha_n = x_n^T dL/dc
    if grad_weights_in.shape[0] > 0:
        for n in range(length):
            grad_scores[n] += grad_weights_in[n]
    mean = 0.0
    for n in range(length):
        mean += weights[n] * grad_scores[n]  # sum_j alpha_j dL/dalpha_j
    for n in range(length):  # dL/ds_n = alpha_n (dL/dalpha_n - sum_j alpha_j dL/dalpha_j)
        grad_scores[n] = weights[n] * (grad_scores[n] - mean)
    for n in range(length, S):
        grad_scores[n] = 0.0
    for n in range(length):
        add_scaled(weights[n], grad_context, grad_memory[n])  # dL/dx_n += alpha_n dL/dc
    if kind == ADDITIVE:
        A = v.shape[0]
        d_pre = np.empty(A, keys.dtype)
        grad_query_proj[:] = 0.0
        for n in range(length):
            g = grad_scores[n]
            hn = hidden[n]
            kn = grad_keys[n]
            add_scaled(g, hn, grad_v)  # dL/dv += dL/ds_n tanh(.)
            for j in range(A):  # dL/d(W x_n + U q) = dL/ds_n v (1 - tanh^2)
                d_pre[j] = g * v[j] * (1.0 - hn[j] * hn[j])
            for j in range(A):
                kn[j] += d_pre[j]
            for j in range(A):
                grad_query_proj[j] += d_pre[j]
    else:
        factor = scale if kind == SCALED_DOT else 1.0
        grad_query[:] = 0.0
        for n in range(length):
            g = grad_scores[n] * factor
            add_scaled(g, query, grad_keys[n])  # dL/dk_n += dL/ds_n q
            add_scaled(g, keys[n], grad_query)  # dL/dq += dL/ds_n k_n
