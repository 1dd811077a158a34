"""Decoding: the decoder writes the target itself, one token at a time (greedy here, beam search
in beam.py).

Each step reads the token chosen at the step before (<bos> first) and runs the whole decoder:

    x_t   = e(y_{t-1})                 (input feeding: [e(y_{t-1}); att(X, s_{t-1})])
    s_t   = the decoder stack on x_t and its previous states
    c_t   = att(X, s_t)                (output placement; input feeding reuses its c_t)
    logits_t = V [s_t; c_t] + b        (V s_t + b without attention)
    log p(y | y_<t, X) = logits_t[y] - log sum_v exp(logits_t[v])

<pad> and <bos> are never chosen (their probability still counts in the softmax). A hypothesis
ends when it chooses <eos>. Scores are sums of the chosen tokens' log-probabilities; beam search
ranks ended hypotheses by that sum divided by length^length_penalty (length counts the <eos>).
"""

import math

import numpy as np
from numba import njit

from ..spec import BOS, EOS, PAD
from .attention import ADDITIVE, attend_row, project_keys
from .cell_step import cell_step, rows_times_transposed

NO_CONTEXT, INPUT_CONTEXT, OUTPUT_CONTEXT = 0, 1, 2


@njit(cache=True, nogil=True, error_model="numpy")
def decode_step(
    cell,
    kind,
    placement,
    rows_source,
    tokens,
    embedding,
    keys,
    memory,
    source_lengths,
    w_ih,
    w_hh,
    b_ih,
    b_hh,
    att_u,
    att_v,
    scale,
    w_out,
    b_out,
    h,
    c,
    att_hidden,
    scores,
    weights,
    features,
    logits,
):
    """One step for K rows; row k reads token tokens[k] and attends to example rows_source[k].
    h, c (L, K, H) hold the states before the step and are replaced by those after. Writes the
    attention (scores, weights (K, S); att_hidden (K, S, A) for additive), features (K, F) =
    [s_t; c_t] and logits (K, V)."""
    L, K, H = h.shape
    E = embedding.shape[1]
    G = w_hh[0].shape[0]
    dtype = memory.dtype
    pre_input = np.empty((K, G), dtype)
    pre_hidden = np.empty((K, G), dtype)
    gates = np.zeros((K, G), dtype)
    c_new = np.zeros((K, H), dtype)
    h_new = np.empty((K, H), dtype)
    x0 = np.empty((K, w_ih[0].shape[1]), dtype)
    query_proj = np.empty((K, att_u.shape[0]), dtype)
    for k in range(K):
        x0[k, :E] = embedding[tokens[k]]  # e(y_{t-1})
    additive = kind == ADDITIVE
    if placement == INPUT_CONTEXT:
        if additive:
            rows_times_transposed(h[L - 1], att_u, query_proj)  # U s_{t-1} for every row
        for k in range(K):
            b = rows_source[k]
            context = features[k, H:]
            attend_row(
                kind,
                keys[b],
                memory[b],
                source_lengths[b],
                h[L - 1, k],
                att_u,
                att_v,
                scale,
                query_proj[k],
                att_hidden[k],
                scores[k],
                weights[k],
                context,
            )
            x0[k, E:] = context  # [e(y_{t-1}); c_t], c_t from s_{t-1}
    layer_input = x0
    for l in range(L):
        cell_step(
            cell,
            layer_input,
            h[l],
            c[l],
            w_ih[l],
            w_hh[l],
            b_ih[l],
            b_hh[l],
            pre_input,
            pre_hidden,
            gates,
            c_new,
            h_new,
        )
        h[l] = h_new
        c[l] = c_new
        layer_input = h[l]
    features[:, :H] = h[L - 1]
    if placement == OUTPUT_CONTEXT:
        if additive:
            rows_times_transposed(h[L - 1], att_u, query_proj)  # U s_t for every row
        for k in range(K):
            b = rows_source[k]
            attend_row(
                kind,
                keys[b],
                memory[b],
                source_lengths[b],
                h[L - 1, k],
                att_u,
                att_v,
                scale,
                query_proj[k],
                att_hidden[k],
                scores[k],
                weights[k],
                features[k, H:],
            )
    rows_times_transposed(features, w_out, logits)  # V [s_t; c_t]
    for k in range(K):
        logits[k] += b_out  # + b


@njit(inline="always", error_model="numpy")
def log_normaliser(row):
    """log sum_v exp(row[v])."""
    top = row[0]
    for v in range(1, row.shape[0]):
        top = max(top, row[v])
    total = 0.0
    for v in range(row.shape[0]):
        total += math.exp(row[v] - top)
    return top + math.log(total)


@njit(inline="always")
def choosable(v):
    """<pad> and <bos> are never written."""
    return v != PAD and v != BOS


@njit(cache=True, nogil=True, error_model="numpy")
def greedy_decode(
    cell,
    kind,
    placement,
    embedding,
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
    w_out,
    b_out,
    h0,
    c0,
    keys,
    tokens_out,
    log_probs_out,
    lengths_out,
    ended_out,
):
    """Every example at once: at each step choose the likeliest token, until <eos> or
    tokens_out.shape[1] steps. Writes the tokens (B, max_length), their log-probabilities, how
    many each example wrote (the <eos> included) and whether it ended with <eos>."""
    B, S, M = memory.shape
    max_length = tokens_out.shape[1]
    V, F = w_out.shape
    project_keys(kind, memory, att_w, keys)
    rows_source = np.arange(B)
    h = h0.copy()
    c = c0.copy()
    tokens = np.full(B, BOS, np.int64)
    att_hidden = np.zeros((B, S, att_u.shape[0]), memory.dtype)
    scores = np.zeros((B, S), memory.dtype)
    weights = np.zeros((B, S), memory.dtype)
    features = np.zeros((B, F), memory.dtype)
    logits = np.zeros((B, V), memory.dtype)
    done = np.zeros(B, np.bool_)
    for s in range(max_length):
        decode_step(
            cell,
            kind,
            placement,
            rows_source,
            tokens,
            embedding,
            keys,
            memory,
            source_lengths,
            w_ih,
            w_hh,
            b_ih,
            b_hh,
            att_u,
            att_v,
            scale,
            w_out,
            b_out,
            h,
            c,
            att_hidden,
            scores,
            weights,
            features,
            logits,
        )
        writing = 0
        for k in range(B):
            if done[k]:
                continue
            row = logits[k]
            best = -1
            for v in range(V):  # y_t = argmax_v p(v | y_<t, X)
                if choosable(v) and (best < 0 or row[v] > row[best]):
                    best = v
            log_probs_out[k, s] = row[best] - log_normaliser(row)  # log p(y_t | y_<t, X)
            tokens_out[k, s] = best
            lengths_out[k] = s + 1
            tokens[k] = best
            if best == EOS:
                done[k] = True
                ended_out[k] = True
            else:
                writing += 1
        if writing == 0:
            break
