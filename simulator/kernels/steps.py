"""Helpers shared by the recurrent kernels: where a step lands in time, and the per-step products.

A direction processes each sequence from its first valid step (forward) or from its last valid
step back to position 0 (reverse). Arrays are stored by position in the sentence, batch first
(B, T, ...), so both directions of a bidirectional layer line up at each position t.
Sequences shorter than T stop early: their state is carried unchanged over the padding and their
padded positions stay zero.
"""

import numpy as np
from numba import njit

from .rows import copy, copy_rows
from .transpose import transpose_into

TRANSPOSED_GEMM_ROWS = 1000  # from this many rows (B T) on, weight_gradients runs inputs^T dz
CACHE_LINE = 64  # bytes


@njit(inline="always")
def position(step, length, reverse):
    """Position in the sentence of processing step `step` of a sequence of `length` tokens."""
    return length - 1 - step if reverse else step


@njit(inline="always")
def previous_position(step, length, reverse):
    """Position of the step before `step`, or -1 at the first step (the initial state)."""
    if step == 0:
        return -1
    return length - step if reverse else step - 1


@njit(error_model="numpy", fastmath={"contract", "reassoc"})
def matvec(w, v, out):
    """out = w @ v for w (G, K), C-contiguous. Eight rows at a time, each a dot product over K
    that LLVM splits into SIMD lanes (reassoc: the order of the sum changes, as in BLAS), so
    each v[k] loaded serves eight rows; faster than BLAS's dgemv on the recurrent matrices here
    (4H x H, H = 64 to 128), and than four rows at a time by 5-10% in float64 (5.76 -> 5.40 us
    for 512 x 128)."""
    G, K = w.shape
    zero = w.dtype.type(0)  # sums in the arrays' precision, as BLAS (a float 0.0 would widen them)
    eights = G - G % 8
    for r in range(0, eights, 8):
        s0 = s1 = s2 = s3 = s4 = s5 = s6 = s7 = zero
        for k in range(K):
            vk = v[k]
            s0 += w[r, k] * vk
            s1 += w[r + 1, k] * vk
            s2 += w[r + 2, k] * vk
            s3 += w[r + 3, k] * vk
            s4 += w[r + 4, k] * vk
            s5 += w[r + 5, k] * vk
            s6 += w[r + 6, k] * vk
            s7 += w[r + 7, k] * vk
        out[r] = s0
        out[r + 1] = s1
        out[r + 2] = s2
        out[r + 3] = s3
        out[r + 4] = s4
        out[r + 5] = s5
        out[r + 6] = s6
        out[r + 7] = s7
    for r in range(eights, G):
        out[r] = _dot(w[r], v)


# BPTT's per-step product dL/dh_{t-1} = U^T dz_t at B = 32 sums over G = 3H or 4H (384, 512):
# there dot_blocks ran 1.5-1.6x as fast as OpenBLAS (float64 (32, 512) x (512, 128): 45 -> 61-71
# GFLOP/s; float32 74 -> 111), where BLAS won for shallow sums (G = H = 128 in float32), few rows,
# or a w too big to stay in L2 (re-read for every 4 rows).
BLOCKS_LEAST_DEPTH = 256
BLOCKS_LEAST_ROWS = 16
BLOCKS_MOST_BYTES = 1 << 20


@njit(error_model="numpy", fastmath={"contract", "reassoc"})
def dot_blocks(a, bt, out):
    """out = a @ bt.T for a (M, K) and bt (N, K), C-contiguous: 4 x 4 blocks of out at a time,
    each entry a dot product over K that LLVM splits into SIMD lanes (as matvec), so each a[i, k]
    and bt[j, k] loaded serves four entries."""
    M, K = a.shape
    N = bt.shape[0]
    zero = a.dtype.type(0)
    M4, N4 = M - M % 4, N - N % 4
    for i in range(0, M4, 4):
        for j in range(0, N4, 4):
            s00 = s01 = s02 = s03 = s10 = s11 = s12 = s13 = zero
            s20 = s21 = s22 = s23 = s30 = s31 = s32 = s33 = zero
            for k in range(K):
                a0, a1, a2, a3 = a[i, k], a[i + 1, k], a[i + 2, k], a[i + 3, k]
                b0, b1, b2, b3 = bt[j, k], bt[j + 1, k], bt[j + 2, k], bt[j + 3, k]
                s00 += a0 * b0
                s01 += a0 * b1
                s02 += a0 * b2
                s03 += a0 * b3
                s10 += a1 * b0
                s11 += a1 * b1
                s12 += a1 * b2
                s13 += a1 * b3
                s20 += a2 * b0
                s21 += a2 * b1
                s22 += a2 * b2
                s23 += a2 * b3
                s30 += a3 * b0
                s31 += a3 * b1
                s32 += a3 * b2
                s33 += a3 * b3
            _put4(out[i], j, s00, s01, s02, s03)
            _put4(out[i + 1], j, s10, s11, s12, s13)
            _put4(out[i + 2], j, s20, s21, s22, s23)
            _put4(out[i + 3], j, s30, s31, s32, s33)
        for j in range(N4, N):
            for i2 in range(i, i + 4):
                out[i2, j] = _dot(a[i2], bt[j])
    for i in range(M4, M):
        for j in range(N):
            out[i, j] = _dot(a[i], bt[j])


@njit(inline="always")
def _put4(row, j, a, b, c, d):
    row[j], row[j + 1], row[j + 2], row[j + 3] = a, b, c, d


@njit(inline="always", error_model="numpy", fastmath={"contract", "reassoc"})
def _dot(u, v):
    total = u.dtype.type(0)
    for k in range(u.shape[0]):
        total += u[k] * v[k]
    return total


@njit(inline="always")
def _aligned_empty(G, K, like):
    """An uninitialised C-contiguous (G, K) array of like's dtype that starts on a cache line.
    The matvec streams the recurrent matrix from L2 at every step; SIMD loads that straddle two
    cache lines make it ~20% slower (1.96 -> 1.57 us per step for 4H x H = 256 x 64)."""
    buf = np.empty(G * K + CACHE_LINE // like.itemsize, like.dtype)
    skip = (CACHE_LINE - buf.ctypes.data % CACHE_LINE) % CACHE_LINE // like.itemsize
    return buf[skip : skip + G * K].reshape(G, K)


@njit(inline="always")
def aligned_copy(w):
    """A copy of the C-contiguous 2-D array w, starting on a cache line."""
    G, K = w.shape
    out = _aligned_empty(G, K, w)
    copy_rows(w, out)
    return out


@njit
def aligned_transpose(w):
    """w.T as a C-contiguous array starting on a cache line (w C-contiguous). A function of its
    own, not inlined into each kernel: inlined, its unrolled blocks made the cold compile of the
    kernels 8-11% longer."""
    G, K = w.shape
    out = _aligned_empty(K, G, w)
    transpose_into(w, out)
    return out


@njit(inline="always")
def unit_rows(w, blocks, lo, hi):
    """The rows of units [lo, hi) of each of w's `blocks` blocks of H rows (a gate's), block by
    block, as an aligned C-contiguous (blocks n, K) copy (n = hi - lo): the part of U a team's
    part multiplies (lstm_team.py)."""
    H, K = w.shape[0] // blocks, w.shape[1]
    n = hi - lo
    out = _aligned_empty(blocks * n, K, w)
    for g in range(blocks):
        copy_rows(w[g * H + lo : g * H + hi], out[g * n : (g + 1) * n])
    return out


@njit(inline="always")
def forward_operand(w, B):
    """w (G, H) as `times_transposed` reads it: for one example w itself (aligned), for a batch
    w.T stored contiguously."""
    if B == 1:
        return aligned_copy(w)
    return aligned_transpose(w)


@njit(inline="always")
def backward_operand(w, B):
    """w (G, H) as `times` reads it: w.T (aligned) for one example or for blocks of dot
    products, else w itself (BLAS reads w.T as a transposed operand 1.2-1.5x slower)."""
    if B == 1 or _blocked(B, w.shape[0], w.nbytes):
        return aligned_transpose(w)
    return np.ascontiguousarray(w)


@njit(inline="always")
def times_transposed(h, w_op, out):
    """out = h @ w.T for h (B, H) and w (G, H); w_op = forward_operand(w, B)."""
    if h.shape[0] == 1:
        matvec(w_op, h[0], out[0])
    else:
        np.dot(h, w_op, out)


@njit(inline="always")
def times(d, w_op, out):
    """out = d @ w for d (B, G) and w (G, H); w_op = backward_operand(w, B)."""
    B, G = d.shape
    if B == 1:
        matvec(w_op, d[0], out[0])
    elif _blocked(B, G, w_op.nbytes):
        dot_blocks(d, w_op, out)
    else:
        np.dot(d, w_op, out)


@njit(inline="always")
def _blocked(B, G, nbytes):
    """Where `times` runs dot_blocks: a batch, a deep sum, and w small enough to stay in L2."""
    return B >= BLOCKS_LEAST_ROWS and G >= BLOCKS_LEAST_DEPTH and nbytes <= BLOCKS_MOST_BYTES


@njit(inline="always")
def zero_padding(a, lengths):
    """a[b, t] = 0 at the padded positions t >= lengths[b]. The arrays a kernel fills come
    uninitialised (np.empty): zeroing all of them first would be one more pass over memory."""
    for b in range(a.shape[0]):
        a[b, lengths[b] :] = 0.0


@njit(inline="always")
def previous_states(hidden, h0, lengths, reverse, out):
    """out[b, t] = the state the step at position t read: h_{t-1} (h_{t+1} in reverse), or h0;
    zero on padding."""
    B, T, H = hidden.shape
    zero_padding(out, lengths)
    for b in range(B):
        L = lengths[b]
        for s in range(L):
            t = position(s, L, reverse)
            tp = previous_position(s, L, reverse)
            if tp < 0:
                copy(h0[b], out[b, t])
            else:
                copy(hidden[b, tp], out[b, t])


@njit(inline="always")
def input_projection(x, w_ih, b_ih, lengths, out):
    """out[b, t] = W_ih x_t + b_ih for every valid step at once (one GEMM); zero on padding."""
    B, T, D = x.shape
    G = w_ih.shape[0]
    np.dot(x.reshape(B * T, D), w_ih.T, out.reshape(B * T, G))
    for b in range(B):
        _bias_on_valid_steps(out[b], b_ih, lengths[b])


@njit(inline="always")
def project_steps(x, w_ih, b_ih, valid, out):
    """out[t] = W_ih x_t + b_ih for some steps of one example (x (S, D), one GEMM), the first
    `valid` of them before its end; zero on the others (padding)."""
    np.dot(x, w_ih.T, out)
    _bias_on_valid_steps(out, b_ih, valid)


@njit(inline="always")
def _bias_on_valid_steps(out, b_ih, valid):
    """out[t] += b_ih for t < valid, out[t] = 0 after (padding)."""
    for t in range(out.shape[0]):
        if t < valid:
            for j in range(out.shape[1]):
                out[t, j] += b_ih[j]
        else:
            out[t, :] = 0.0


@njit(inline="always")
def weight_gradients(grad_pre, inputs, grad_w, grad_b):
    """grad_w = sum_t dz_t inputs_t^T (one GEMM) and grad_b = sum_t dz_t."""
    product_gradient(grad_pre, inputs, grad_w)
    bias_gradient(grad_pre, grad_b)


@njit(inline="always")
def product_gradient(grad_pre, inputs, grad_w):
    """grad_w = sum_t dz_t inputs_t^T over every example and step (one GEMM).

    Over many rows (a batch) the GEMM runs as inputs^T dz, giving grad_w^T (D, G): OpenBLAS
    does that 20-30% faster than dz^T inputs at B T = 3200 (9.6 against 12.1 ms for 512x128),
    which pays for the transposed copy; over one sequence of 100 steps the copy costs more
    than the GEMM saves."""
    B, T, G = grad_pre.shape
    D = inputs.shape[2]
    flat = grad_pre.reshape(B * T, G)
    rows = inputs.reshape(B * T, D)
    if B * T < TRANSPOSED_GEMM_ROWS:
        np.dot(flat.T, rows, grad_w)
    else:
        grad_w_t = np.empty((D, G), grad_w.dtype)
        np.dot(rows.T, flat, grad_w_t)
        for g in range(G):
            for d in range(D):
                grad_w[g, d] = grad_w_t[d, g]


@njit(inline="always")
def bias_gradient(grad_pre, grad_b):
    """grad_b = sum_t dz_t over every example and step."""
    B, T, G = grad_pre.shape
    flat = grad_pre.reshape(B * T, G)
    grad_b[:] = 0.0
    for n in range(B * T):
        for j in range(G):
            grad_b[j] += flat[n, j]


@njit(inline="always")
def shared_weight_gradients(
    grad_pre, x, hidden, h0, lengths, reverse, grad_w_ih, grad_w_hh, grad_b_ih, grad_b_hh
):
    """Weight gradients of a cell whose two products share dz_t (rnn, lstm): one GEMM gives
    [dW dU] = sum_t dz_t [x_t; h_{t-1}]^T, and db = dc = sum_t dz_t. Over a batch (B T = 3200)
    that is 2-3 ms faster than a GEMM and a pass over dz for each."""
    B, T, D = x.shape
    H = hidden.shape[2]
    inputs = np.empty((B, T, D + H), x.dtype)  # [x_t, h_{t-1}]
    for b in range(B):
        for t in range(T):
            copy(x[b, t], inputs[b, t, :D])
    previous_states(hidden, h0, lengths, reverse, inputs[:, :, D:])
    grad_w = np.empty((grad_w_ih.shape[0], D + H), x.dtype)
    weight_gradients(grad_pre, inputs, grad_w, grad_b_ih)
    for g in range(grad_w.shape[0]):  # loops: 3x faster than the slice assignments here
        copy(grad_w[g, :D], grad_w_ih[g])
        copy(grad_w[g, D:], grad_w_hh[g])
    copy(grad_b_ih, grad_b_hh)


@njit(inline="always")
def input_gradient(grad_pre, w_ih, grad_x):
    """grad_x[b, t] = W_ih^T dz_t (one GEMM)."""
    B, T, G = grad_pre.shape
    D = w_ih.shape[1]
    np.dot(grad_pre.reshape(B * T, G), w_ih, grad_x.reshape(B * T, D))


# ----- interventions: values set by hand at some (example, position) slots ---------------------
# A run's interventions reach a kernel as three arrays (simulator/interventions.py builds them):
#   edits (K, 2) int64: what each edit sets, [target, index], sorted by slot (slot = b * T + t)
#   edit_values (K,): the value each edit sets
#   edit_offsets (B * T + 1,): the edits of slot s are edits[edit_offsets[s] : edit_offsets[s + 1]]
# Without interventions edit_offsets has one element and every check below is one comparison.
EDIT_GATE = 0  # index = a row of the gates, k * H + j: the gate's value after its activation
EDIT_CELL = 1  # index = unit j of c_t (lstm)
EDIT_HIDDEN = 2  # index = unit j of h_t


@njit(inline="always")
def edited(edit_offsets, slot):
    """True when some intervention sets a value at `slot` (example b, position t: b * T + t)."""
    return edit_offsets.shape[0] > 1 and edit_offsets[slot + 1] > edit_offsets[slot]


@njit(inline="always")
def edited_position(edit_offsets, lengths, b, step, T, reverse):
    """Position t of processing step `step` of example b when an intervention sets a value
    there (slot b * T + t), else -1 (none there, or the example is shorter)."""
    if step >= lengths[b]:
        return -1
    t = position(step, lengths[b], reverse)
    return t if edited(edit_offsets, b * T + t) else -1


@njit(inline="always")
def apply_edits(edits, edit_values, edit_offsets, slot, target, row):
    """row[index] = value for each edit of `target` at `slot`, in order (a later one wins)."""
    for k in range(edit_offsets[slot], edit_offsets[slot + 1]):
        if edits[k, 0] == target:
            row[edits[k, 1]] = edit_values[k]


@njit(inline="always")
def cut_edits(edits, edit_offsets, slot, target, shift, row):
    """row[shift + index] = 0 for each edit of `target` at `slot`. A value set by hand is a
    constant: the gradient that reaches it does not flow on into what computed the value it
    replaced. BPTT computes a step as without interventions, then cuts these entries (and
    `restore_edits` others), so a run without them runs exactly the code it ran before."""
    for k in range(edit_offsets[slot], edit_offsets[slot + 1]):
        if edits[k, 0] == target:
            row[shift + edits[k, 1]] = 0.0


@njit(inline="always")
def restore_edits(edits, edit_offsets, slot, target, source, row):
    """row[index] = source[index] for each edit of `target` at `slot`: a sum put back to what
    it was before a term that a value set by hand must not pass on was added."""
    for k in range(edit_offsets[slot], edit_offsets[slot + 1]):
        if edits[k, 0] == target:
            row[edits[k, 1]] = source[edits[k, 1]]
