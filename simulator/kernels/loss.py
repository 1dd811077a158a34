"""Losses on the output layer's logits, forward and gradient together.

Rows are (example, step) pairs flattened; `weight[n]` is 1/B for a row that counts and 0 for
padding, so the total is L = (1/B) sum_b sum_t L_bt (summed over time as in the notes, averaged
over the batch) and the gradient carries the same weight.
"""

import math

import numpy as np
from numba import njit

from .mathfn import exp


@njit(inline="always", error_model="numpy")
def softmax_rows(logits, probs, top, total):
    """probs[n] = softmax(logits[n]) for every row; top[n] = the row's max logit m and
    total[n] = sum_c e^(l_nc - m). probs must be C-contiguous.

    The exponentials of all rows run in one pass over probs: a row holds a few classes, too
    short a loop for SIMD lanes to pay (3200 rows of 8 classes: 2x faster than row by row)."""
    N, C = logits.shape
    for n in range(N):
        m = logits[n, 0]
        for c in range(1, C):
            m = max(m, logits[n, c])
        top[n] = m
        for c in range(C):
            probs[n, c] = logits[n, c] - m
    flat = probs.reshape(N * C)
    for i in range(N * C):
        flat[i] = exp(flat[i])
    for n in range(N):
        row_total = 0.0
        for c in range(C):
            row_total += probs[n, c]
        total[n] = row_total
        inverse = 1.0 / row_total
        for c in range(C):
            probs[n, c] *= inverse


@njit(inline="always", error_model="numpy")
def cross_entropy_row(row, p, y, top, total, weight, grad):
    """L = -log p[y] and grad = weight * (p - onehot(y)), for p = softmax(row).

    A confident right answer keeps its precision: when y holds the max logit m,
    L = log1p(s) with s = sum_{c != y} e^(l_c - m) = (total - 1), computed from p as
    (1 - p_y) total = total * sum_{c != y} p_c; and dL/dl_y = -sum_{c != y} p_c rather than
    p_y - 1."""
    C = row.shape[0]
    rest = 0.0  # sum_{c != y} p_c = 1 - p_y
    for c in range(C):
        if c != y:
            rest += p[c]
    for c in range(C):
        grad[c] = weight * p[c]
    grad[y] = -weight * rest
    if row[y] == top:
        return math.log1p(rest * total)
    return math.log(total) + top - row[y]


@njit(cache=True, nogil=True, error_model="numpy")
def softmax(logits, probs):
    """probs[n] = softmax(logits[n]) for every row (NumPy's exp, max and sum over a (T, C) array
    take 5-7 times longer)."""
    N = logits.shape[0]
    softmax_rows(logits, probs, np.empty(N, logits.dtype), np.empty(N, logits.dtype))


@njit(cache=True, nogil=True, error_model="numpy")
def softmax_cross_entropy(logits, targets, weight, probs, losses, grad):
    """p = softmax(logits); L_n = -log p[n, y_n]; dL/dlogits = weight * (p - onehot(y));
    rows with weight 0 (padding) get no loss and no gradient."""
    N = logits.shape[0]
    top, total = np.empty(N, logits.dtype), np.empty(N, logits.dtype)
    softmax_rows(logits, probs, top, total)
    for n in range(N):
        if weight[n] == 0.0:
            losses[n] = 0.0
            grad[n, :] = 0.0
        else:
            losses[n] = cross_entropy_row(
                logits[n], probs[n], targets[n], top[n], total[n], weight[n], grad[n]
            )


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
