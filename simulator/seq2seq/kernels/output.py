"""The output layer and the loss of every target step, forward and gradient together.

    logits_t = V f_t + b               f_t = s_t, or [s_t; c_t] with attention
    p_t      = softmax(logits_t)
    L_t      = -log p_t[y_t]           real steps only; L = (1/B) sum_b sum_t L_bt
    dL/dlogits_t = (1/B) (p_t - onehot(y_t))

The same maths as simulator/kernels/loss.py's softmax_cross_entropy, written in row passes (see
kernels/rows.py): there the exponentials share a loop with their running sum, which keeps them
from being vectorised, and they cost 20-30 ns each instead of about 1.
"""

import math

import numpy as np
from numba import njit

from ...kernels.mathfn import exp


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
        row = logits[n]
        p = probs[n]
        for c in range(V):
            row[c] += b[c]  # + b
        top = row[0]
        for c in range(1, V):
            top = max(top, row[c])
        for c in range(V):
            p[c] = row[c] - top
        for c in range(V):
            p[c] = exp(p[c])  # exp(logit - max): one vectorised pass
        total = 0.0
        for c in range(V):
            total += p[c]
        inverse = 1.0 / total
        for c in range(V):
            p[c] *= inverse  # p_t = softmax(logits_t)
        g = grad_logits[n]
        if n % T >= lengths[n // T]:  # padding
            losses[n] = 0.0
            g[:] = 0.0
            continue
        y = targets[n]
        losses[n] = math.log(total) + top - row[y]  # -log p_t[y_t]
        loss += losses[n]
        for c in range(V):
            g[c] = share * p[c]
        g[y] -= share  # (1/B) (p_t - onehot(y_t))
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
