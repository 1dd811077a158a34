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

No classifier reads a matrix, so dL/dP_n is built only from the ancestors' outer products:
one u v^T per ancestor, carried down through W_M. Kept as factors, dL/dP_n = U_n V_n^T with
k_n = depth(n) columns (0 at a root), the d x d x d products become d x d x k ones:

    child c of n, on side s (A: W_s = W_M[:, :d], u = u_2, v = b;  B: W_s = W_M[:, d:], u = u_1,
    v = a):          U_c = [W_s^T U_n, u],   V_c = [V_n, v]
    dL/dW_M = sum_n dL/dP_n [A; B]^T = sum_n U_n ([A; B] V_n)^T          one GEMM at the end
    dL/dP_n = U_n V_n^T                                                  for the trace and leaves

Past depth d/2 the factors cost more than the matrix (about 7 d^2 k against 4 d^3 a phrase):
there dL/dP_c = W_s^T dL/dP_n + u v^T is carried dense, and enters the GEMM for dL/dW_M as
U = dL/dP_n, V = I.
"""

import numpy as np
from numba import njit

from ...kernels.rows import accumulate_matrix, activate_of, copy, copy_rows, times_slope
from .common import (
    accumulate,
    accumulate_outer,
    column_sums,
    copy_transposed,
)


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
            copy(embedding[word[n]], vectors[n])  # p_n = L[w]
            copy_rows(word_matrix[word[n]], matrices[n])  # P_n = M[w]
            continue
        l, r = left[n], right[n]
        x = inputs[n]
        np.dot(matrices[r], vectors[l], x[:d])  # B a
        np.dot(matrices[l], vectors[r], x[d:])  # A b
        z = pre[n]
        np.dot(w, x, z)  # W x_n
        accumulate(z, b)  # + b_0
        activate_of(activation, z, vectors[n])  # p_n = f(z_n)
        copy_rows(matrices[l], stacked[:d])
        copy_rows(matrices[r], stacked[d:])
        np.dot(w_m, stacked, matrices[n])  # P_n = W_M [A; B]


DENSE = -1  # a node whose dL/dP_n is carried as the matrix, not as factors


@njit(inline="always", error_model="numpy")
def pass_down(u_n, v_n, grad_matrix, w_side, u, v, u_child, v_child, grad_child, dense):
    """A child's dL/dP_c = W_s^T dL/dP_n + u v^T: written to grad_child when `dense`, else as
    factors u_child, v_child (k + 1, d) from the parent's u_n, v_n (k, d) (rows hold the
    columns of U and V)."""
    if dense:
        np.dot(w_side.T, grad_matrix, grad_child)  # W_s^T dL/dP_n
        accumulate_outer(grad_child, u, v)  # + u v^T
        return
    k = u_n.shape[0]
    if k > 0:  # U_c = [W_s^T U_n, u],  V_c = [V_n, v]
        np.dot(u_n, w_side, u_child[:k])  # (W_s^T U_n)^T = U_n^T W_s
        copy_rows(v_n, v_child[:k])
    copy(u, u_child[k])
    copy(v, v_child[k])


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
    = dL/dP_n, grad_pre = dL/dz_n and every parameter's gradient (grad_embedding and
    grad_word_matrix start at zero; the others are overwritten)."""
    N = left.shape[0]
    d = w.shape[0]
    dtype = grad_out.dtype
    copy_rows(grad_out, grad_vectors)
    # rank[n] = k_n factor columns (the depth) up to d/2, DENSE below that
    widest = max(d // 2, 1)
    rank = np.zeros(N, np.int64)
    for n in range(N - 1, -1, -1):
        if left[n] >= 0:
            k = rank[n]
            rank[left[n]] = rank[right[n]] = DENSE if k == DENSE or k == widest else k + 1
    # rows of the factors: the phrases' first (a dense phrase's d rows are dL/dP_n^T), so that
    # dL/dW_M reads one block of them; then the leaves'
    first = np.empty(N, np.int64)
    rows = 0
    for n in range(N):
        if left[n] >= 0:
            first[n] = rows
            rows += d if rank[n] == DENSE else rank[n]
    phrase_rows = rows
    for n in range(N):
        if left[n] < 0:
            first[n] = rows
            rows += max(rank[n], 0)
    factor_u = np.empty((rows, d), dtype)  # row j of U_n^T: column j of U_n
    factor_v = np.empty((rows, d), dtype)
    width = np.maximum(rank, 0)  # node n's factors: rows first[n] to first[n] + width[n]
    seen_a = np.empty((phrase_rows, d), dtype)  # rows of ([A; B] V_n)^T: V_n^T A^T | V_n^T B^T
    seen_b = np.empty((phrase_rows, d), dtype)
    w_a = np.ascontiguousarray(w_m[:, :d])
    w_b = np.ascontiguousarray(w_m[:, d:])
    grad_x = np.empty(2 * d, dtype)
    through = np.empty(d, dtype)
    for n in range(N - 1, -1, -1):  # top-down
        k, o = rank[n], first[n]
        g, gm = grad_vectors[n], grad_matrices[n]
        u_n, v_n = factor_u[o : o + width[n]], factor_v[o : o + width[n]]
        if k > 0:
            np.dot(u_n.T, v_n, gm)  # dL/dP_n = U_n V_n^T
        elif k == 0:
            gm[:] = 0.0  # a root: no parent (DENSE: the parent wrote dL/dP_n)
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
        np.dot(u1, B, through)  # dL/da += B^T u_1
        accumulate(grad_vectors[l], through)
        np.dot(u2, A, through)  # dL/db += A^T u_2
        accumulate(grad_vectors[r], through)
        if k == DENSE:  # U_n = dL/dP_n, V_n = I
            copy_transposed(gm, factor_u[o : o + d])
            copy_transposed(A, seen_a[o : o + d])
            copy_transposed(B, seen_b[o : o + d])
        elif k > 0:
            np.dot(v_n, A.T, seen_a[o : o + k])
            np.dot(v_n, B.T, seen_b[o : o + k])
        dense = rank[l] == DENSE  # (and rank[r]: the same depth)
        ol, o_r = first[l], first[r]
        u_l, v_l = factor_u[ol : ol + width[l]], factor_v[ol : ol + width[l]]
        u_r, v_r = factor_u[o_r : o_r + width[r]], factor_v[o_r : o_r + width[r]]
        # dL/dA = W_a^T dL/dP_n + u_2 b^T,   dL/dB = W_b^T dL/dP_n + u_1 a^T
        pass_down(u_n, v_n, gm, w_a, u2, b, u_l, v_l, grad_matrices[l], dense)
        pass_down(u_n, v_n, gm, w_b, u1, a, u_r, v_r, grad_matrices[r], dense)
    # dL/dW_M = sum_n U_n ([A; B] V_n)^T over the phrases
    if phrase_rows > 0:
        from_a = np.dot(factor_u[:phrase_rows].T, seen_a)
        from_b = np.dot(factor_u[:phrase_rows].T, seen_b)
        for i in range(grad_w_m.shape[0]):
            copy(from_a[i], grad_w_m[i, :d])
            copy(from_b[i], grad_w_m[i, d:])
    else:
        grad_w_m[:] = 0.0
    np.dot(grad_pre.T, inputs, grad_w)  # dL/dW = sum_n dL/dz_n x_n^T
    column_sums(grad_pre, grad_b)
