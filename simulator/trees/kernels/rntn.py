"""The recursive neural tensor network (Socher et al. 2013): forward bottom-up, back-propagation
through structure top-down.

    leaf n, word w:      p_n = L[w]
    phrase n = (l, r):   x_n = [p_l; p_r]                                   (2d,)
                         t_n[i] = x_n^T V_i x_n                             the tensor term, i < d
                         z_n = t_n + W x_n + b
                         p_n = f(z_n)

V is (d, 2d, 2d). The forward pass reads it through S_i = V_i + V_i^T (built once per run, by
NumPy, before the kernel):
G_n = S x_n (d, 2d) gives both t_n[i] = (1/2) x_n . G_n[i] and, kept for the backward pass,
the tensor term's derivative d t_n[i] / d x_n = (V_i + V_i^T) x_n = G_n[i]. So back-propagation
never reads V again per node:

    dL/dz_n = dL/dp_n * f'(z_n)
    dL/dx_n = W^T dL/dz_n + G_n^T dL/dz_n            -> [dL/dp_l; dL/dp_r] contributions
    dL/dV_i = sum_n dL/dz_n[i] x_n x_n^T            (d GEMMs over the phrases, at the end)
    dL/dW, dL/db, dL/dL[w] as for the rvnn.
"""

import numpy as np
from numba import njit

from ...kernels.rows import activate_of, add, copy, copy_rows, times_slope
from .common import accumulate, column_sums


@njit(cache=True, nogil=True, error_model="numpy")
def rntn_forward(
    left, right, word, height, activation, embedding, w, b, symmetric, inputs, pre,
    tensor_term, slopes, vectors, scratch,
):  # fmt: skip
    """symmetric (d, 2d, 2d) = V_i + V_i^T. Fills inputs = x_n, pre = z_n, tensor_term = t_n,
    slopes (N, d, 2d) = G_n (phrases only) and vectors = p_n; scratch is (N, 2d) of any values.

    Nodes of one height (a run of rows: flatten orders them so) never depend on each other, so
    the phrases of a run share each slice S_i: G_run[:, i] = X_run S_i is one small GEMM while
    S_i sits in the cache, and the d x 2d x 2d tensor is read once per height, not per phrase."""
    N = left.shape[0]
    d = w.shape[0]
    start = 0
    while start < N:
        end = start + 1
        while end < N and height[end] == height[start]:
            end += 1
        if height[start] == 0:
            for n in range(start, end):
                copy(embedding[word[n]], vectors[n])  # p_n = L[w]
            start = end
            continue
        for n in range(start, end):
            x = inputs[n]
            copy(vectors[left[n]], x[:d])  # x_n = [p_l; p_r]
            copy(vectors[right[n]], x[d:])
        x_run = inputs[start:end]
        products = scratch[: end - start]
        for i in range(d):  # G_n[i] = (V_i + V_i^T) x_n = x_n^T S_i (S_i is symmetric)
            if end - start == 1:
                np.dot(symmetric[i], x_run[0], slopes[start, i])
                continue
            np.dot(x_run, symmetric[i], products)
            for n in range(start, end):
                copy(products[n - start], slopes[n, i])
        for n in range(start, end):
            x, g, t, z = inputs[n], slopes[n], tensor_term[n], pre[n]
            np.dot(g, x, t)  # x^T (V_i + V_i^T) x = 2 x^T V_i x
            for i in range(d):
                t[i] *= 0.5  # t_n[i] = x_n^T V_i x_n
            np.dot(w, x, z)  # W x_n
            accumulate(z, b)  # + b
            accumulate(z, t)  # + t_n
            activate_of(activation, z, vectors[n])  # p_n = f(z_n)
        start = end


@njit(cache=True, nogil=True, error_model="numpy")
def rntn_backward(
    left,
    right,
    word,
    activation,
    w,
    inputs,
    pre,
    slopes,
    grad_out,
    grad_vectors,
    grad_pre,
    grad_embedding,
    grad_w,
    grad_b,
    grad_tensor,
):
    """grad_out (N, d) = g_n from the classifiers. Fills grad_vectors = dL/dp_n, grad_pre = dL/dz_n
    and every parameter's gradient (grad_embedding starts at zero; the others are overwritten,
    so they may hold anything on entry)."""
    N = left.shape[0]
    d = w.shape[0]
    copy_rows(grad_out, grad_vectors)
    grad_x = np.empty(2 * d, grad_out.dtype)
    through_tensor = np.empty(2 * d, grad_out.dtype)
    phrases = 0
    for n in range(N - 1, -1, -1):  # top-down
        g = grad_vectors[n]
        if left[n] < 0:
            accumulate(grad_embedding[word[n]], g)  # dL/dL[w] += dL/dp_n
            continue
        phrases += 1
        dz = grad_pre[n]
        times_slope(activation, pre[n], g, dz)  # dL/dz_n = dL/dp_n * f'(z_n)
        np.dot(dz, w, grad_x)  # W^T dL/dz_n
        np.dot(dz, slopes[n], through_tensor)  # + sum_i dL/dz_n[i] (V_i + V_i^T) x_n
        accumulate(grad_x, through_tensor)
        add(grad_vectors[left[n]], grad_x[:d], grad_vectors[left[n]])
        add(grad_vectors[right[n]], grad_x[d:], grad_vectors[right[n]])
    np.dot(grad_pre.T, inputs, grad_w)  # dL/dW = sum_n dL/dz_n x_n^T
    column_sums(grad_pre, grad_b)
    # dL/dV_i = sum_n dL/dz_n[i] x_n x_n^T = X^T diag(dz[:, i]) X over the phrases
    if phrases == 0:  # a single word: the tensor was not used
        grad_tensor[:] = 0.0
        return
    x = np.empty((phrases, 2 * d), grad_out.dtype)
    scaled = np.empty((phrases, 2 * d), grad_out.dtype)
    dz_phrases = np.empty((phrases, d), grad_out.dtype)
    m = 0
    for n in range(N):
        if left[n] >= 0:
            copy(inputs[n], x[m])
            copy(grad_pre[n], dz_phrases[m])
            m += 1
    for i in range(d):
        for m in range(phrases):
            s = dz_phrases[m, i]
            for j in range(2 * d):
                scaled[m, j] = s * x[m, j]
        np.dot(x.T, scaled, grad_tensor[i])
