"""Beam search: the decoder keeps the K likeliest partial outputs at every step (decode.py has
the step and the scoring rules).

Each step extends every live hypothesis by every token and keeps the 2K best by summed
log-probability; walking them best first, one ending in <eos> among the first K is set aside as
ended (until K have ended), the others live on (at most K), their states reordered by parent.
With K = 1 this is exactly greedy decoding.

Every step's 2K candidates are recorded with what became of them (FATE: live on, ended, or
dropped), so the search can be shown step by step without running it again.
"""

import numpy as np
from numba import njit

from ...kernels.rows import copy, copy_rows
from ..spec import BOS, EOS
from .attention import project_keys
from .decode import choosable, decode_step, log_normaliser, step_outputs

# What became of a step's candidate: not one (fewer than 2K exist), kept to extend, set aside
# as ended with <eos>, or dropped (ranked below the K kept or after K had ended).
NONE, LIVE, ENDED, DROPPED = 0, 1, 2, 3


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


@njit(inline="always")
def _swap(a, b):
    """Exchange the contents of two rows."""
    for j in range(a.shape[0]):
        a[j], b[j] = b[j], a[j]


@njit(cache=True, nogil=True, error_model="numpy")
def beam_decode(
    decoder,
    h0,
    c0,
    length_penalty,
    tokens_out,
    log_probs_out,
    lengths_out,
    totals_out,
    scores_out,
    ended_out,
    step_parent,
    step_token,
    step_total,
    step_fate,
):
    """Beam search, one example at a time, K = tokens_out.shape[1] hypotheses, from the
    decoder's initial states h0, c0 (L, B, H).

    Each step extends every live hypothesis by every token and keeps the 2K best by summed
    log-probability; walking them best first, one ending in <eos> among the first K is set
    aside as ended (until K have ended), the others continue (at most K). The search stops when
    K hypotheses have ended or after max_length steps (live ones are then kept, unended).
    Writes per example the K hypotheses best first by score = total / length^length_penalty:
    tokens (B, K, max_length), their log-probabilities, lengths, totals, scores, ended.
    Records each step's candidates best first in step_* (B, max_length, 2K): the live
    hypothesis of the step before it extends, its token, its summed log-probability and its
    fate (NONE for steps not taken)."""
    d = decoder
    B = d.memory.shape[0]
    K, max_length = tokens_out.shape[1], tokens_out.shape[2]
    V = d.w_out.shape[0]
    L, _, H = h0.shape
    dtype = d.memory.dtype
    project_keys(d.kind, d.memory, d.att_w, d.keys)
    out = step_outputs(d, K)
    logits = out.logits
    log_p = np.zeros((K, V), dtype)
    cand_total = np.zeros(2 * K)
    cand_row = np.zeros(2 * K, np.int64)
    cand_token = np.zeros(2 * K, np.int64)
    for b in range(B):
        rows_source = np.full(K, b, np.int64)
        h = np.empty((L, K, H), dtype)
        c = np.empty((L, K, H), dtype)
        for k in range(K):
            for l in range(L):
                copy(h0[l, b], h[l, k])
                copy(c0[l, b], c[l, k])
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
            decode_step(d, rows_source, tokens, h, c, out)
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
                step_parent[b, s, i] = k
                step_token[b, s, i] = v
                step_total[b, s, i] = total
                step_fate[b, s, i] = DROPPED
                if v == EOS:
                    if i < K and ended < K:  # an ended hypothesis: y_1 .. y_{t-1}, <eos>
                        step_fate[b, s, i] = ENDED
                        copy(live_tokens[k, :s], tokens_out[b, ended, :s])
                        copy(live_log_p[k, :s], log_probs_out[b, ended, :s])
                        tokens_out[b, ended, s] = EOS
                        log_probs_out[b, ended, s] = log_p[k, v]
                        lengths_out[b, ended] = s + 1
                        totals_out[b, ended] = total
                        scores_out[b, ended] = total / (s + 1.0) ** length_penalty
                        ended_out[b, ended] = True
                        ended += 1
                elif following < K:
                    step_fate[b, s, i] = LIVE
                    parents[following] = k
                    copy(live_tokens[k, :s], next_tokens[following, :s])
                    copy(live_log_p[k, :s], next_log_p[following, :s])
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
                for l in range(L):
                    copy(h_prev[l, parents[j]], h[l, j])
                    copy(c_prev[l, parents[j]], c[l, j])
            copy_rows(next_tokens, live_tokens)
            copy_rows(next_log_p, live_log_p)
            copy(next_total, live_total)
            live = following
            steps = s + 1
            if live == 0:
                break
        for j in range(live):  # max_length reached: keep the best live ones, unended
            if ended >= K:
                break
            copy(live_tokens[j, :steps], tokens_out[b, ended, :steps])
            copy(live_log_p[j, :steps], log_probs_out[b, ended, :steps])
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
            _swap(tokens[b, j], tokens[b, j - 1])
            _swap(log_probs[b, j], log_probs[b, j - 1])
            lengths[b, j], lengths[b, j - 1] = lengths[b, j - 1], lengths[b, j]
            totals[b, j], totals[b, j - 1] = totals[b, j - 1], totals[b, j]
            scores[b, j], scores[b, j - 1] = scores[b, j - 1], scores[b, j]
            ended[b, j], ended[b, j - 1] = ended[b, j - 1], ended[b, j]
            j -= 1
