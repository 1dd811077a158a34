"""The standard recursive network and its syntactically untied variant: forward bottom-up,
back-propagation through structure top-down.

Nodes come children first (simulator.trees.flatten). With d the vector size:

    leaf n, word w:      p_n = L[w]                                    L = embedding (V, d)
    phrase n = (l, r):   x_n = [p_l; p_r]                              (2d,)
                         z_n = W x_n + b                               W (d, 2d), b (d,)
                             (+ W_k x_n + b_k  when pair[n] = k >= 0:  su-rvnn's untied pair k)
                         p_n = f(z_n)

Back-propagation through structure, given g_n = dL/dp_n from node n's own classifier:

    dL/dp_n  = g_n + the slice of dL/dx_parent that n fills          (complete once the parent,
                                                                       which comes later, is done)
    dL/dz_n  = dL/dp_n * f'(z_n)                                      the node's delta
    dL/dx_n  = (W + W_k)^T dL/dz_n  ->  [dL/dp_l; dL/dp_r] contributions
    dL/dW    = sum_n dL/dz_n x_n^T,   dL/db = sum_n dL/dz_n            (leaves' rows are zero)
    dL/dW_k  = sum_{n of pair k} dL/dz_n x_n^T,  dL/db_k likewise
    dL/dL[w] = sum over the leaves n reading w of dL/dp_n
"""

import numpy as np
from numba import njit

from ...kernels.rows import activate_of, add, copy, copy_rows, times_slope
from .common import accumulate, accumulate_outer, column_sums


@njit(cache=True, nogil=True, error_model="numpy")
def rvnn_forward(
    left, right, word, pair, activation, embedding, w, b, w_untied, b_untied, inputs, pre, vectors
):
    """Fills inputs (N, 2d) = x_n, pre (N, d) = z_n, vectors (N, d) = p_n; leaves' x, z stay 0."""
    N = left.shape[0]
    d = w.shape[0]
    untied = np.empty(d, vectors.dtype)
    for n in range(N):
        if left[n] < 0:
            copy(embedding[word[n]], vectors[n])  # p_n = L[w]
            continue
        x = inputs[n]
        copy(vectors[left[n]], x[:d])  # x_n = [p_l; p_r]
        copy(vectors[right[n]], x[d:])
        z = pre[n]
        np.dot(w, x, z)  # W x_n
        accumulate(z, b)  # + b
        k = pair[n]
        if k >= 0:  # su-rvnn: + W_k x_n + b_k
            np.dot(w_untied[k], x, untied)
            accumulate(z, untied)
            accumulate(z, b_untied[k])
        activate_of(activation, z, vectors[n])  # p_n = f(z_n)


@njit(cache=True, nogil=True, error_model="numpy")
def rvnn_backward(
    left,
    right,
    word,
    pair,
    activation,
    w,
    w_untied,
    inputs,
    pre,
    grad_out,
    grad_vectors,
    grad_pre,
    grad_embedding,
    grad_w,
    grad_b,
    grad_w_untied,
    grad_b_untied,
):
    """grad_out (N, d) = g_n from the classifiers. Fills grad_vectors = dL/dp_n and grad_pre =
    dL/dz_n (zeros on entry; they stay zero at leaves) for every node, and every parameter's
    gradient: grad_embedding and the untied ones start at zero and are added to, grad_w and
    grad_b are overwritten."""
    N = left.shape[0]
    d = w.shape[0]
    copy_rows(grad_out, grad_vectors)  # each node's own classifier; parents add the rest
    grad_x = np.empty(2 * d, grad_out.dtype)
    untied = np.empty(2 * d, grad_out.dtype)
    for n in range(N - 1, -1, -1):  # top-down: every parent comes after its children
        g = grad_vectors[n]
        if left[n] < 0:
            accumulate(grad_embedding[word[n]], g)  # dL/dL[w] += dL/dp_n
            continue
        dz = grad_pre[n]
        times_slope(activation, pre[n], g, dz)  # dL/dz_n = dL/dp_n * f'(z_n)
        np.dot(dz, w, grad_x)  # dL/dx_n = W^T dL/dz_n
        k = pair[n]
        if k >= 0:  # + W_k^T dL/dz_n; dL/dW_k += dz x^T, dL/db_k += dz
            np.dot(dz, w_untied[k], untied)
            accumulate(grad_x, untied)
            accumulate_outer(grad_w_untied[k], dz, inputs[n])
            accumulate(grad_b_untied[k], dz)
        add(grad_vectors[left[n]], grad_x[:d], grad_vectors[left[n]])  # into dL/dp_l
        add(grad_vectors[right[n]], grad_x[d:], grad_vectors[right[n]])  # into dL/dp_r
    np.dot(grad_pre.T, inputs, grad_w)  # dL/dW = sum_n dL/dz_n x_n^T (one GEMM)
    column_sums(grad_pre, grad_b)  # dL/db = sum_n dL/dz_n
