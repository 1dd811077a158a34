"""Losses on the output layer's logits, forward and gradient together.

Rows are (example, step) pairs flattened; `weight[n]` is 1/B for a row that counts and 0 for
padding, so the total is L = (1/B) sum_b sum_t L_bt (summed over time as in the notes, averaged
over the batch) and the gradient carries the same weight.
"""

import math

from numba import njit

from .mathfn import exp


@njit(inline="always", error_model="numpy")
def softmax_row(row, p):
    """p = softmax(row), in row passes so the exponentials vectorise (see kernels/rows.py).
    Returns (m, total): the max logit and sum_c e^(l_c - m)."""
    C = row.shape[0]
    top = row[0]
    for c in range(1, C):
        top = max(top, row[c])
    for c in range(C):
        p[c] = row[c] - top
    for c in range(C):
        p[c] = exp(p[c])
    total = 0.0
    for c in range(C):
        total += p[c]
    inverse = 1.0 / total
    for c in range(C):
        p[c] *= inverse
    return top, total


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
    for n in range(logits.shape[0]):
        softmax_row(logits[n], probs[n])


@njit(cache=True, nogil=True, error_model="numpy")
def softmax_cross_entropy(logits, targets, weight, probs, losses, grad):
    """p = softmax(logits); L_n = -log p[n, y_n]; dL/dlogits = weight * (p - onehot(y));
    rows with weight 0 (padding) get no loss and no gradient."""
    N = logits.shape[0]
    for n in range(N):
        top, total = softmax_row(logits[n], probs[n])
        if weight[n] == 0.0:
            losses[n] = 0.0
            grad[n, :] = 0.0
        else:
            losses[n] = cross_entropy_row(
                logits[n], probs[n], targets[n], top, total, weight[n], grad[n]
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
