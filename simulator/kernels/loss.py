"""Losses on the output layer's logits, forward and gradient together.

Rows are (example, step) pairs flattened; `weight[n]` is 1/B for a row that counts and 0 for
padding, so the total is L = (1/B) sum_b sum_t L_bt (summed over time as in the notes, averaged
over the batch) and the gradient carries the same weight.
"""

import math

from numba import njit

from .mathfn import exp


@njit(cache=True, nogil=True, error_model="numpy")
def softmax_cross_entropy(logits, targets, weight, probs, losses, grad):
    """p = softmax(logits); L_n = -log p[n, y_n]; dL/dlogits = weight * (p - onehot(y)).

    Computed so that a confident right answer keeps its precision: with m = max logit and
    s = sum_{c != y} e^(l_c - m), L = log1p(s) when y holds the max (else log(sum) + m - l_y),
    and dL/dl_y = -sum_{c != y} p_c rather than p_y - 1."""
    N, C = logits.shape
    for n in range(N):
        row = logits[n]
        top = row[0]
        for c in range(1, C):
            top = max(top, row[c])
        total = 0.0
        for c in range(C):
            probs[n, c] = exp(row[c] - top)
            total += probs[n, c]
        for c in range(C):
            probs[n, c] /= total
        if weight[n] == 0.0:
            losses[n] = 0.0
            grad[n, :] = 0.0
            continue
        y = targets[n]
        others = 0.0  # sum of e^(l_c - m) over c != y
        rest = 0.0  # sum of p_c over c != y = 1 - p_y
        for c in range(C):
            if c != y:
                others += exp(row[c] - top)
                rest += probs[n, c]
        if row[y] == top:  # L = log(1 + s): precise however small s is
            losses[n] = math.log1p(others)
        else:
            losses[n] = math.log(total) + top - row[y]
        for c in range(C):
            grad[n, c] = weight[n] * probs[n, c]
        grad[n, y] = -weight[n] * rest


@njit(cache=True, nogil=True, error_model="numpy")
def squared_error(outputs, targets, weight, losses, grad):
    """L_n = 1/2 ||y_hat_n - y_n||^2; dL/dy_hat = weight * (y_hat - y)."""
    N, C = outputs.shape
    for n in range(N):
        if weight[n] == 0.0:
            losses[n] = 0.0
            grad[n, :] = 0.0
            continue
        total = 0.0
        for c in range(C):
            diff = outputs[n, c] - targets[n, c]
            total += diff * diff
            grad[n, c] = weight[n] * diff
        losses[n] = 0.5 * total
