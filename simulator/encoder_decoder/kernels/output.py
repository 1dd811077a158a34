"""The output layer and the loss of every target step, forward and gradient together.

    logits_t = V f_t + b               f_t = s_t, or [s_t; c_t] with attention
    p_t      = softmax(logits_t)
    L_t      = -log p_t[y_t]           real steps only; L = (1/B) sum_b sum_t L_bt
    dL/dlogits_t = (1/B) (p_t - onehot(y_t))

The softmax and the loss of each row are simulator/kernels/loss.py's.
"""

import numpy as np
from numba import njit

from ...kernels.loss import cross_entropy_row, softmax_rows


@njit(cache=True, nogil=True, error_model="numpy")
def output_loss(features, w, b, targets, lengths, logits, probs, losses, grad_logits):
    """features (B*T, F), w (V, F), b (V,), targets (B*T,), lengths (B,) -> logits, probs,
    grad_logits (B*T, V) and losses (B*T,) (0 on padding). Returns sum of the losses."""
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
    dL/df_t = V^T dL/dlogits_t (B*T, F)."""
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
