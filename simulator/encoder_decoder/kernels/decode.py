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
from collections import namedtuple

import numpy as np
from numba import njit

from ...kernels.rows import add, copy, copy_rows
from ..spec import BOS, EOS, PAD
from .attention import ADDITIVE, attend_row, project_keys
from .cell_step import cell_step, rows_times_transposed

NO_CONTEXT, INPUT_CONTEXT, OUTPUT_CONTEXT = 0, 1, 2

# What the decoding kernels read (a namedtuple of arrays: Numba passes it as one argument):
# the decoder's cell (cell_step.RNN, GRU, LSTM), the attention's score (attention.DOT, ...) and
# placement (NO_CONTEXT, ...); the target embedding; the encoder's memory (B, S, M) and source
# lengths; the decoder stack's weights, one array per layer in each of w_ih, w_hh, b_ih, b_hh;
# the attention's parameters; the output layer V, b; and keys (B, S, A), the projected memory
# that greedy_decode and beam_decode fill first.
Decoder = namedtuple(
    "Decoder",
    "cell kind placement embedding memory source_lengths w_ih w_hh b_ih b_hh "
    "att_w att_u att_v scale w_out b_out keys",
)

# What one step writes for K rows: the attention (att_hidden (K, S, A) for additive, scores and
# weights (K, S)), features (K, F) = [s_t; c_t] and logits (K, V).
StepOutputs = namedtuple("StepOutputs", "att_hidden scores weights features logits")


@njit(inline="always")
def step_outputs(decoder, K):
    """StepOutputs for K rows."""
    S = decoder.memory.shape[1]
    V, F = decoder.w_out.shape
    dtype = decoder.memory.dtype
    return StepOutputs(
        np.zeros((K, S, decoder.att_u.shape[0]), dtype),
        np.zeros((K, S), dtype),
        np.zeros((K, S), dtype),
        np.zeros((K, F), dtype),
        np.zeros((K, V), dtype),
    )


@njit(cache=True, nogil=True, error_model="numpy")
def decode_step(decoder, rows_source, tokens, h, c, out):
    """One step for K rows; row k reads token tokens[k] and attends to example rows_source[k].
    h, c (L, K, H) hold the states before the step and are replaced by those after; `out`
    (StepOutputs) receives the attention, the features and the logits."""
    d = decoder
    L, K, H = h.shape
    E = d.embedding.shape[1]
    G = d.w_hh[0].shape[0]
    dtype = d.memory.dtype
    pre_input = np.empty((K, G), dtype)
    pre_hidden = np.empty((K, G), dtype)
    gates = np.zeros((K, G), dtype)
    c_new = np.zeros((K, H), dtype)
    h_new = np.empty((K, H), dtype)
    x0 = np.empty((K, d.w_ih[0].shape[1]), dtype)
    query_proj = np.empty((K, d.att_u.shape[0]), dtype)
    for k in range(K):
        copy(d.embedding[tokens[k]], x0[k, :E])  # e(y_{t-1})
    if d.placement == INPUT_CONTEXT:
        _attend_rows(d, rows_source, h[L - 1], query_proj, out)  # c_t from s_{t-1}
        for k in range(K):
            copy(out.features[k, H:], x0[k, E:])  # [e(y_{t-1}); c_t]
    layer_input = x0
    for l in range(L):
        cell_step(
            d.cell,
            layer_input,
            h[l],
            c[l],
            d.w_ih[l],
            d.w_hh[l],
            d.b_ih[l],
            d.b_hh[l],
            pre_input,
            pre_hidden,
            gates,
            c_new,
            h_new,
        )
        copy_rows(h_new, h[l])
        copy_rows(c_new, c[l])
        layer_input = h[l]
    for k in range(K):
        copy(h[L - 1, k], out.features[k, :H])
    if d.placement == OUTPUT_CONTEXT:
        _attend_rows(d, rows_source, h[L - 1], query_proj, out)  # c_t from s_t
    rows_times_transposed(out.features, d.w_out, out.logits)  # V [s_t; c_t]
    for k in range(K):
        add(out.logits[k], d.b_out, out.logits[k])  # + b


@njit(inline="always")
def _attend_rows(d, rows_source, queries, query_proj, out):
    """c_t = att(X, q) for every row k (q = queries[k], X = the memory of example
    rows_source[k]) into out.features[k, H:], its scores and weights into `out`."""
    H = queries.shape[1]
    if d.kind == ADDITIVE:
        rows_times_transposed(queries, d.att_u, query_proj)  # U q for every row
    for k in range(queries.shape[0]):
        b = rows_source[k]
        attend_row(
            d.kind,
            d.keys[b],
            d.memory[b],
            d.source_lengths[b],
            queries[k],
            d.att_u,
            d.att_v,
            d.scale,
            query_proj[k],
            out.att_hidden[k],
            out.scores[k],
            out.weights[k],
            out.features[k, H:],
        )


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
def greedy_decode(decoder, h0, c0, tokens_out, log_probs_out, lengths_out, ended_out):
    """Every example at once, from the decoder's initial states h0, c0 (L, B, H): at each step
    choose the likeliest token, until <eos> or tokens_out.shape[1] steps. Writes the tokens
    (B, max_length), their log-probabilities, how many each example wrote (the <eos> included)
    and whether it ended with <eos>."""
    d = decoder
    B = d.memory.shape[0]
    max_length = tokens_out.shape[1]
    V = d.w_out.shape[0]
    project_keys(d.kind, d.memory, d.att_w, d.keys)
    rows_source = np.arange(B)
    h = h0.copy()
    c = c0.copy()
    tokens = np.full(B, BOS, np.int64)
    out = step_outputs(d, B)
    done = np.zeros(B, np.bool_)
    for s in range(max_length):
        decode_step(d, rows_source, tokens, h, c, out)
        writing = 0
        for k in range(B):
            if done[k]:
                continue
            row = out.logits[k]
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
