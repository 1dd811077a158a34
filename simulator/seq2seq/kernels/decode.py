"""Decoding: the decoder writes the target itself, one token at a time, greedily or by beam search.

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


@njit(inline="always")
def insert_candidate(total, row, token, count, limit, best_total, best_row, best_token):
    """Keep the `limit` best (total, row, token) sorted best first; an equal total goes after
    those already held (the first found wins, as in greedy decoding). Returns the new count."""
    if count == limit and total <= best_total[count - 1]:
        return count
    i = count if count < limit else limit - 1
    while i > 0 and total > best_total[i - 1]:
        best_total[i] = best_total[i - 1]
        best_row[i] = best_row[i - 1]
        best_token[i] = best_token[i - 1]
        i -= 1
    best_total[i] = total
    best_row[i] = row
    best_token[i] = token
    return min(count + 1, limit)


@njit(cache=True, nogil=True, error_model="numpy")
def beam_decode(
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
    length_penalty,
    tokens_out,
    log_probs_out,
    lengths_out,
    totals_out,
    scores_out,
    ended_out,
):
    """Beam search, one example at a time, K = tokens_out.shape[1] hypotheses.

    Each step extends every live hypothesis by every token and keeps the 2K best by summed
    log-probability; walking them best first, one ending in <eos> among the first K is set
    aside as ended (until K have ended), the others continue (at most K). The search stops when
    K hypotheses have ended or after max_length steps (live ones are then kept, unended).
    Writes per example the K hypotheses best first by score = total / length^length_penalty:
    tokens (B, K, max_length), their log-probabilities, lengths, totals, scores, ended."""
    B, S, M = memory.shape
    K, max_length = tokens_out.shape[1], tokens_out.shape[2]
    V, F = w_out.shape
    L, _, H = h0.shape
    dtype = memory.dtype
    project_keys(kind, memory, att_w, keys)
    att_hidden = np.zeros((K, S, att_u.shape[0]), dtype)
    scores = np.zeros((K, S), dtype)
    weights = np.zeros((K, S), dtype)
    features = np.zeros((K, F), dtype)
    logits = np.zeros((K, V), dtype)
    log_p = np.zeros((K, V), dtype)
    cand_total = np.zeros(2 * K)
    cand_row = np.zeros(2 * K, np.int64)
    cand_token = np.zeros(2 * K, np.int64)
    for b in range(B):
        rows_source = np.full(K, b, np.int64)
        h = np.empty((L, K, H), dtype)
        c = np.empty((L, K, H), dtype)
        for k in range(K):
            h[:, k] = h0[:, b]
            c[:, k] = c0[:, b]
        tokens = np.full(K, BOS, np.int64)
        live_tokens = np.zeros((K, max_length), np.int64)
        live_log_p = np.zeros((K, max_length))
        live_total = np.zeros(K)
        next_tokens = np.zeros((K, max_length), np.int64)
        next_log_p = np.zeros((K, max_length))
        next_total = np.zeros(K)
        parents = np.zeros(K, np.int64)
        live = 1
        ended = 0
        steps = 0
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
            count = 0
            for k in range(live):
                norm = log_normaliser(logits[k])
                for v in range(V):  # log p(v | y_<t, X)
                    log_p[k, v] = logits[k, v] - norm
                for v in range(V):
                    if choosable(v):
                        count = insert_candidate(
                            live_total[k] + log_p[k, v],
                            k,
                            v,
                            count,
                            2 * K,
                            cand_total,
                            cand_row,
                            cand_token,
                        )
            following = 0
            for i in range(count):
                k, v, total = cand_row[i], cand_token[i], cand_total[i]
                if v == EOS:
                    if i < K and ended < K:  # an ended hypothesis: y_1 .. y_{t-1}, <eos>
                        tokens_out[b, ended, :s] = live_tokens[k, :s]
                        log_probs_out[b, ended, :s] = live_log_p[k, :s]
                        tokens_out[b, ended, s] = EOS
                        log_probs_out[b, ended, s] = log_p[k, v]
                        lengths_out[b, ended] = s + 1
                        totals_out[b, ended] = total
                        scores_out[b, ended] = total / (s + 1.0) ** length_penalty
                        ended_out[b, ended] = True
                        ended += 1
                elif following < K:
                    parents[following] = k
                    next_tokens[following, :s] = live_tokens[k, :s]
                    next_log_p[following, :s] = live_log_p[k, :s]
                    next_tokens[following, s] = v
                    next_log_p[following, s] = log_p[k, v]
                    next_total[following] = total
                    following += 1
            if ended >= K:
                live = 0
                break
            for j in range(following):  # the survivors' states, reordered by parent
                tokens[j] = next_tokens[j, s]
            h_prev = h.copy()
            c_prev = c.copy()
            for j in range(following):
                h[:, j] = h_prev[:, parents[j]]
                c[:, j] = c_prev[:, parents[j]]
            live_tokens[:] = next_tokens
            live_log_p[:] = next_log_p
            live_total[:] = next_total
            live = following
            steps = s + 1
            if live == 0:
                break
        for j in range(live):  # max_length reached: keep the best live ones, unended
            if ended >= K:
                break
            tokens_out[b, ended, :steps] = live_tokens[j, :steps]
            log_probs_out[b, ended, :steps] = live_log_p[j, :steps]
            lengths_out[b, ended] = steps
            totals_out[b, ended] = live_total[j]
            scores_out[b, ended] = live_total[j] / steps**length_penalty
            ended_out[b, ended] = False
            ended += 1
        sort_hypotheses(
            b, ended, tokens_out, log_probs_out, lengths_out, totals_out, scores_out, ended_out
        )


@njit(inline="always")
def sort_hypotheses(b, count, tokens, log_probs, lengths, totals, scores, ended):
    """Order example b's first `count` hypotheses by score, best first (stable)."""
    for i in range(1, count):
        j = i
        while j > 0 and scores[b, j] > scores[b, j - 1]:
            row = tokens[b, j].copy()
            tokens[b, j] = tokens[b, j - 1]
            tokens[b, j - 1] = row
            row_p = log_probs[b, j].copy()
            log_probs[b, j] = log_probs[b, j - 1]
            log_probs[b, j - 1] = row_p
            lengths[b, j], lengths[b, j - 1] = lengths[b, j - 1], lengths[b, j]
            totals[b, j], totals[b, j - 1] = totals[b, j - 1], totals[b, j]
            scores[b, j], scores[b, j - 1] = scores[b, j - 1], scores[b, j]
            ended[b, j], ended[b, j - 1] = ended[b, j - 1], ended[b, j]
            j -= 1
