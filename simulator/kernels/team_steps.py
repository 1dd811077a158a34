"""What the kernels of one example with its units in two halves share (lstm_team.py,
gru_team.py): each half's rows of U, the positions' input projection by halves, BPTT's product
as two halves' shares, and the weight gradients split between the parts.

A cell's rows of U come in G gate blocks of H rows; half h of the units holds rows
[g H + lo, g H + hi) of each block g, n = hi - lo of them, gate by gate (G n rows).
"""

import numpy as np
from numba import njit

from .rows import add, copy
from .steps import (
    aligned_transpose,
    bias_gradient,
    input_gradient,
    previous_states,
    product_gradient,
    project_steps,
    unit_rows,
)
from .team import HALVES, half_units


@njit(inline="always")
def rows_of_half(w_hh, blocks, half):
    """U's rows of half `half`'s units, gate by gate: (blocks n, H), on a cache line."""
    lo, hi = half_units(w_hh.shape[1], half)
    return unit_rows(w_hh, blocks, lo, hi)


@njit(inline="always")
def columns_of_half(w_hh, blocks, half):
    """The columns of U^T that multiply half `half`'s rows of dz_t: (H, blocks n), on a cache
    line."""
    return aligned_transpose(rows_of_half(w_hh, blocks, half))


@njit(inline="always")
def own_rows(w_hh, blocks, first, last):
    """rows_of_half of this part's halves (first, last - 1): the same array twice for one."""
    rows = rows_of_half(w_hh, blocks, first)
    return rows, rows_of_half(w_hh, blocks, last - 1) if last - first > 1 else rows


@njit(inline="always")
def own_columns(w_hh, blocks, first, last):
    """columns_of_half of this part's halves (first, last - 1): the same array twice for one."""
    columns = columns_of_half(w_hh, blocks, first)
    return columns, columns_of_half(w_hh, blocks, last - 1) if last - first > 1 else columns


@njit(inline="always")
def project_own_positions(x, w_ih, b_ih, length, pre_input, first, last):
    """W x_t + b at this part's share of the positions (project_half of its halves)."""
    for half in range(first, last):
        project_half(x, w_ih, b_ih, length, pre_input, half)


@njit(inline="always")
def copy_own_units(row, out, H, first, last):
    """out = row at this part's units (its halves', together)."""
    lo, hi = half_units(H, first)[0], half_units(H, last - 1)[1]
    copy(row[lo:hi], out[lo:hi])


@njit(inline="always")
def project_half(x, w_ih, b_ih, length, pre_input, half):
    """W x_t + b at the positions of half `half` of the sequence (one GEMM), x (T, D) and
    pre_input (T, G) one example's."""
    T = x.shape[0]
    t0, t1 = half * T // HALVES, (half + 1) * T // HALVES
    if t1 > t0:
        project_steps(x[t0:t1], w_ih, b_ih, max(0, min(length, t1) - t0), pre_input[t0:t1])


@njit(inline="always")
def gather_half(row, H, lo, hi, out):
    """out = a half's units of each gate block of the trace's row (H apart), gate by gate."""
    n = hi - lo
    for g in range(out.shape[0] // n):
        copy(row[g * H + lo : g * H + hi], out[g * n : (g + 1) * n])


@njit(inline="always")
def add_shares(share, lo, hi, out):
    """out = the first half's share + the second's, at units [lo, hi): U^T dz_t, the sum over
    every gate row in two pieces (always first + second, so one thread or two give the same
    bits)."""
    add(share[0, lo:hi], share[1, lo:hi], out)


@njit(inline="always")
def split_weight_gradients(
    part,
    both,
    x,
    hidden,
    h0,
    lengths,
    reverse,
    w_ih,
    grad_pre_input,
    grad_pre_hidden,
    grad_x,
    grad_w_ih,
    grad_w_hh,
    grad_b_ih,
    grad_b_hh,
):
    """The weight gradients and dL/dx_t once every dz_t is in the trace: U's and c's on part 0,
    W's, b's and dL/dx_t on part 1, beside each other (`both`: a team of one does all).
    grad_pre_input is dL/d(W x_t + b), grad_pre_hidden dL/d(U h_{t-1} + c): one array for a
    cell whose two sums share dz_t (lstm), whose two bias gradients each part then sums alike
    (so neither waits for the other; in turn, one sum of B T x G numbers, ~10 us, twice)."""
    if part == 0:
        previous = np.empty(hidden.shape, hidden.dtype)  # h_{t-1} at every position
        previous_states(hidden, h0, lengths, reverse, previous)
        product_gradient(grad_pre_hidden, previous, grad_w_hh)  # dL/dU = sum_t du_t h_{t-1}^T
        bias_gradient(grad_pre_hidden, grad_b_hh)  # dL/dc = sum_t du_t
    if part == 1 or both:
        product_gradient(grad_pre_input, x, grad_w_ih)  # dL/dW = sum_t dz_t x_t^T
        bias_gradient(grad_pre_input, grad_b_ih)  # dL/db = sum_t dz_t
        input_gradient(grad_pre_input, w_ih, grad_x)  # dL/dx_t = W^T dz_t
