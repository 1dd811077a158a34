"""Element-wise loops over one row (one example at one step), written so LLVM vectorises them.

A loop that reads and writes many arrays at once is not vectorised (Numba cannot tell LLVM that
the arrays do not overlap, and past a few arrays LLVM stops checking at run time); the same work
as several loops over one to four arrays each runs 5-6x faster. So the kernels compute a row in
short passes: add the two halves of the pre-activation, apply the activation, combine.
"""

from numba import njit

from .mathfn import RELU, SIGMOID, TANH, sigmoid, tanh


@njit(inline="always", error_model="numpy")
def add(a, b, out):
    """out = a + b."""
    for j in range(out.shape[0]):
        out[j] = a[j] + b[j]


@njit(inline="always", error_model="numpy")
def accumulate_matrix(out, a):
    """out += a, for matrices of the same shape (Numba's out += a on arrays compiles its
    broadcasting and shape-error code into each kernel: seconds of compile time)."""
    for i in range(out.shape[0]):
        row, add_row = out[i], a[i]
        for j in range(row.shape[0]):
            row[j] += add_row[j]


@njit(inline="always", error_model="numpy")
def scale_rows(out, factor):
    """out *= factor for a 2-D array, row by row."""
    for i in range(out.shape[0]):
        row = out[i]
        for j in range(row.shape[0]):
            row[j] *= factor


@njit(inline="always", error_model="numpy")
def copy(a, out):
    """out = a. A loop: Numba's slice assignment out[:] = a takes 4-5 times longer on a row."""
    for j in range(out.shape[0]):
        out[j] = a[j]


@njit(inline="always", error_model="numpy")
def copy_rows(a, out):
    """out = a for 2-D arrays, row by row: Numba's out[...] = a compiles its shape checks and
    their error message into each kernel, seconds of compile time per set (see copy)."""
    for i in range(out.shape[0]):
        copy(a[i], out[i])


@njit(inline="always", error_model="numpy")
def sigmoid_of(z, out):
    for j in range(out.shape[0]):
        out[j] = sigmoid(z[j])


@njit(inline="always", error_model="numpy")
def tanh_of(z, out):
    for j in range(out.shape[0]):
        out[j] = tanh(z[j])


@njit(inline="always", error_model="numpy")
def activate_of(code, z, out):
    """out = f(z) for the activation `code` (chosen once, outside the loop)."""
    n = out.shape[0]
    if code == TANH:
        tanh_of(z, out)
    elif code == SIGMOID:
        sigmoid_of(z, out)
    elif code == RELU:
        for j in range(n):
            out[j] = max(z[j], 0.0)
    else:  # identity
        for j in range(n):
            out[j] = z[j]


@njit(inline="always", error_model="numpy")
def times_slope(code, z, dh, out):
    """out = dh * f'(z)."""
    n = out.shape[0]
    if code == TANH:
        for j in range(n):
            a = tanh(z[j])
            out[j] = dh[j] * (1.0 - a * a)
    elif code == SIGMOID:
        for j in range(n):
            a = sigmoid(z[j])
            out[j] = dh[j] * a * (1.0 - a)
    elif code == RELU:
        for j in range(n):
            out[j] = dh[j] if z[j] > 0.0 else 0.0
    else:  # identity
        for j in range(n):
            out[j] = dh[j]


@njit(inline="always", error_model="numpy")
def times_slope_of_output(code, a, dh, out):
    """out = dh * f'(z) from the activation's output a = f(z), with no exp: tanh' = 1 - a^2,
    sigma' = a (1 - a), relu' = [a > 0] (a > 0 exactly where z > 0), identity' = 1."""
    n = out.shape[0]
    if code == TANH:
        for j in range(n):
            out[j] = dh[j] * (1.0 - a[j] * a[j])
    elif code == SIGMOID:
        for j in range(n):
            out[j] = dh[j] * a[j] * (1.0 - a[j])
    elif code == RELU:
        for j in range(n):
            out[j] = dh[j] if a[j] > 0.0 else 0.0
    else:  # identity
        for j in range(n):
            out[j] = dh[j]
