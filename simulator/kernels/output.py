"""The output layer and the cross-entropy of every row, forward and gradient together.

    logits_n = V f_n + b               f_n: the features the output layer reads
    p_n      = softmax(logits_n)
    L_n      = -log p_n[y_n]           rows that count only; L = (1/B) sum_n L_n
    dL/dlogits_n = (1/B) (p_n - onehot(y_n))

Rows are (example, step) pairs, B*T of them with T = rows // B, and step t of example b counts
when t < lengths[b]: every step's target of a tagger (seq2seq) or a decoder, or with T = 1 one
row per example (seq2class). One call replaces a GEMM, the bias, the softmax and the loss as
separate NumPy calls: at B = 1 each of those costs more to call than to compute.
The softmax and the loss of each row are loss.py's.
"""

import numpy as np
from numba import njit

from .loss import cross_entropy_row, softmax_rows


@njit(cache=True, nogil=True, error_model="numpy")
def output_loss(features, w, b, targets, lengths, logits, probs, losses, grad_logits):
    """features (N, F), w (V, F), b (V,), targets (N,), lengths (B,) -> logits, probs,
    grad_logits (N, V) and losses (N,) (0 where a row does not count). Returns the sum of the
    losses."""
    N, V = logits.shape
    B = lengths.shape[0]
    T = N // B
    share = 1.0 / B
    loss = 0.0
    if N == 1:
        np.dot(w, features[0], logits[0])  # V f_t
    else:
        np.dot(features, w.T, logits)
    for n in range(N):
        for c in range(V):
            logits[n, c] += b[c]  # + b
    top, total = np.empty(N, logits.dtype), np.empty(N, logits.dtype)
    softmax_rows(logits, probs, top, total)  # p_t = softmax(logits_t)
    for n in range(N):
        g = grad_logits[n]
        if n % T >= lengths[n // T]:  # padding
            losses[n] = 0.0
            g[:] = 0.0
            continue
        row = logits[n]
        losses[n] = cross_entropy_row(row, probs[n], targets[n], top[n], total[n], share, g)
        loss += losses[n]  # -log p_t[y_t]
    return loss


@njit(cache=True, nogil=True, error_model="numpy")
def output_backward(features, w, grad_logits, grad_w, grad_b, grad_features):
    """dL/dV = sum_t dL/dlogits_t f_t^T, dL/db = sum_t dL/dlogits_t (written), and
    dL/df_t = V^T dL/dlogits_t (N, F)."""
    N, V = grad_logits.shape
    np.dot(grad_logits.T, features, grad_w)
    grad_b[:] = 0.0
    for n in range(N):
        g = grad_logits[n]
        for c in range(V):
            grad_b[c] += g[c]
    if N == 1:
        np.dot(w.T, grad_logits[0], grad_features[0])
    else:
        np.dot(grad_logits, w, grad_features)
