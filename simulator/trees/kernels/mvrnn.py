"""The matrix-vector recursive network (Socher et al. 2012): every word and phrase is a vector
and a matrix. Forward bottom-up, back-propagation through structure top-down.

    leaf n, word w:          p_n = L[w],   P_n = M[w]                        M (V, d, d)
    phrase n = (l, r), with (a, A) = (p_l, P_l) and (b, B) = (p_r, P_r):
                             x_n = [B a; A b]                                each child's vector
                                                                             seen through the other
                             z_n = W x_n + b_0,   p_n = f(z_n)
                             P_n = W_M [A; B]                                W_M (d, 2d)

Back-propagation, with dL/dp_n and dL/dP_n complete once the parent is done:

    dL/dz_n = dL/dp_n * f'(z_n);   u = dL/dx_n = W^T dL/dz_n = [u_1; u_2]
    from B a:  dL/dB += u_1 a^T,   dL/da += B^T u_1
    from A b:  dL/dA += u_2 b^T,   dL/db += A^T u_2
    from P_n:  [dL/dA; dL/dB] += W_M^T dL/dP_n,   dL/dW_M += dL/dP_n [A; B]^T
    leaves:    dL/dL[w] += dL/dp_n,   dL/dM[w] += dL/dP_n
"""

import numpy as np
from numba import njit

from ...kernels.rows import activate_of, times_slope
from .common import accumulate, accumulate_matrix, accumulate_outer, column_sums


@njit(cache=True, nogil=True, error_model="numpy")
def mvrnn_forward(
    left, right, word, activation, embedding, word_matrix, w, b, w_m, inputs, pre, vectors,
    matrices,
):  # fmt: skip
    """Fills inputs = x_n, pre = z_n, vectors = p_n, matrices (N, d, d) = P_n."""
    N = left.shape[0]
    d = w.shape[0]
    stacked = np.empty((2 * d, d), vectors.dtype)
    for n in range(N):
        if left[n] < 0:
            vectors[n, :] = embedding[word[n]]  # p_n = L[w]
            matrices[n, :, :] = word_matrix[word[n]]  # P_n = M[w]
            continue
        l, r = left[n], right[n]
        x = inputs[n]
        np.dot(matrices[r], vectors[l], x[:d])  # B a
        np.dot(matrices[l], vectors[r], x[d:])  # A b
        z = pre[n]
        np.dot(w, x, z)  # W x_n
        accumulate(z, b)  # + b_0
        activate_of(activation, z, vectors[n])  # p_n = f(z_n)
        stacked[:d] = matrices[l]
        stacked[d:] = matrices[r]
        np.dot(w_m, stacked, matrices[n])  # P_n = W_M [A; B]


@njit(cache=True, nogil=True, error_model="numpy")
def mvrnn_backward(
    left,
    right,
    word,
    activation,
    w,
    w_m,
    inputs,
    pre,
    vectors,
    matrices,
    grad_out,
    grad_vectors,
    grad_matrices,
    grad_pre,
    grad_embedding,
    grad_word_matrix,
    grad_w,
    grad_b,
    grad_w_m,
):
    """grad_out (N, d) = g_n from the classifiers. Fills grad_vectors = dL/dp_n, grad_matrices
    (zeros on entry) = dL/dP_n, grad_pre = dL/dz_n and every parameter's gradient (grad_embedding,
    grad_word_matrix and grad_w_m start at zero; grad_w and grad_b are overwritten)."""
    N = left.shape[0]
    d = w.shape[0]
    grad_vectors[:] = grad_out
    grad_x = np.empty(2 * d, grad_out.dtype)
    through = np.empty(d, grad_out.dtype)
    stacked = np.empty((2 * d, d), grad_out.dtype)
    grad_stacked = np.empty((2 * d, d), grad_out.dtype)
    grad_w_m_node = np.empty((d, 2 * d), grad_out.dtype)
    w_m_t = np.ascontiguousarray(w_m.T)
    for n in range(N - 1, -1, -1):  # top-down
        g, gm = grad_vectors[n], grad_matrices[n]
        if left[n] < 0:
            accumulate(grad_embedding[word[n]], g)  # dL/dL[w] += dL/dp_n
            accumulate_matrix(grad_word_matrix[word[n]], gm)  # dL/dM[w] += dL/dP_n
            continue
        l, r = left[n], right[n]
        a, b, A, B = vectors[l], vectors[r], matrices[l], matrices[r]
        dz = grad_pre[n]
        times_slope(activation, pre[n], g, dz)  # dL/dz_n = dL/dp_n * f'(z_n)
        np.dot(dz, w, grad_x)  # u = W^T dL/dz_n
        u1, u2 = grad_x[:d], grad_x[d:]
        accumulate_outer(grad_matrices[r], u1, a)  # dL/dB += u_1 a^T
        np.dot(u1, B, through)  # dL/da += B^T u_1
        accumulate(grad_vectors[l], through)
        accumulate_outer(grad_matrices[l], u2, b)  # dL/dA += u_2 b^T
        np.dot(u2, A, through)  # dL/db += A^T u_2
        accumulate(grad_vectors[r], through)
        stacked[:d] = A
        stacked[d:] = B
        np.dot(w_m_t, gm, grad_stacked)  # [dL/dA; dL/dB] += W_M^T dL/dP_n
        accumulate_matrix(grad_matrices[l], grad_stacked[:d])
        accumulate_matrix(grad_matrices[r], grad_stacked[d:])
        np.dot(gm, stacked.T, grad_w_m_node)  # dL/dW_M += dL/dP_n [A; B]^T
        accumulate_matrix(grad_w_m, grad_w_m_node)
    np.dot(grad_pre.T, inputs, grad_w)  # dL/dW = sum_n dL/dz_n x_n^T
    column_sums(grad_pre, grad_b)
