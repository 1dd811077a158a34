"""The output layer and the loss of every target step, forward and gradient together.

    logits_t = V f_t + b               f_t = s_t, or [s_t; c_t] with attention
    p_t      = softmax(logits_t)
    L_t      = -log p_t[y_t]           weight 1/B for a real step, 0 for padding
    dL/dlogits_t = weight (p_t - onehot(y_t))

The same maths as simulator/kernels/loss.py's softmax_cross_entropy, written in row passes (see
kernels/rows.py): there the exponentials share a loop with their running sum, which keeps them
from being vectorised, and they cost 20-30 ns each instead of about 1.
"""

import math

import numpy as np
from numba import njit

from ...kernels.mathfn import exp


@njit(cache=True, nogil=True, error_model="numpy")
def output_loss(features, w, b, targets, weight, logits, probs, losses, grad_logits):
    """features (N, F), w (V, F), b (V,), targets and weight (N,) -> logits, probs,
    grad_logits (N, V) and losses (N,) (0 where weight is 0)."""
    N, V = logits.shape
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
        if weight[n] == 0.0:
            losses[n] = 0.0
            g[:] = 0.0
            continue
        y = targets[n]
        losses[n] = math.log(total) + top - row[y]  # -log p_t[y_t]
        for c in range(V):
            g[c] = weight[n] * p[c]
        g[y] -= weight[n]  # weight (p_t - onehot(y_t))
