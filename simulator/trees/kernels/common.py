"""Small loops the tree kernels share, written (like simulator.kernels.rows) as short passes
over one or two arrays so LLVM vectorises them."""

from numba import njit


@njit(inline="always", error_model="numpy")
def accumulate(out, a):
    """out += a, for vectors."""
    for j in range(out.shape[0]):
        out[j] += a[j]


@njit(inline="always", error_model="numpy")
def accumulate_outer(out, a, b):
    """out += a b^T."""
    for i in range(a.shape[0]):
        row, scale = out[i], a[i]
        for j in range(b.shape[0]):
            row[j] += scale * b[j]


@njit(inline="always", error_model="numpy")
def copy_transposed(a, out):
    """out = a^T, for matrices."""
    for i in range(out.shape[0]):
        row = out[i]
        for j in range(row.shape[0]):
            row[j] = a[j, i]


@njit(inline="always", error_model="numpy")
def column_sums(rows, out):
    """out = sum over the rows of `rows`."""
    out[:] = 0.0
    for n in range(rows.shape[0]):
        row = rows[n]
        for j in range(out.shape[0]):
            out[j] += row[j]
