"""Element-wise functions that LLVM can vectorise inside the kernels.

Numba calls the C library's exp and tanh once per element (5-15 ns each); these versions are
plain arithmetic plus one bit cast, so a loop over a row of gates compiles to SIMD code (~1 ns
per element) while staying accurate to a few units in the last place of a float64.
"""

import math

import numpy as np
from numba import njit, types
from numba.extending import intrinsic

# The kernels' fastmath flag: a * b + c as one fused multiply-add, rounded once (so no less
# accurate). The polynomials below are chains of them; the LSTM forward pass runs ~5% faster.
FUSED = {"contract"}

# Activation codes shared by the kernels and the Python side (spec.ACTIVATIONS order).
TANH, RELU, SIGMOID, IDENTITY = 0, 1, 2, 3

_LOG2E = 1.4426950408889634
_LN2_HI = 0.693145751953125  # ln 2 split in two so n * _LN2_HI is exact
_LN2_LO = 1.42860682030941723212e-6


@intrinsic
def _float_from_bits(typingctx, bits):
    """Reinterpret the 64 bits of an int64 as a float64 (what a C union would do)."""
    sig = types.float64(types.int64)

    def codegen(context, builder, signature, args):
        return builder.bitcast(args[0], context.get_value_type(types.float64))

    return sig, codegen


@njit(inline="always", error_model="numpy")
def _reduce(x):
    """x = n ln2 + r with |r| <= ln2 / 2; returns (2^n, r)."""
    x = min(max(x, -708.0), 709.0)
    n = math.floor(x * _LOG2E + 0.5)
    r = x - n * _LN2_HI - n * _LN2_LO
    scale = _float_from_bits((np.int64(n) + 1023) << 52)
    return scale, r


@njit(inline="always", error_model="numpy")
def _expm1_small(r):
    """e^r - 1 for |r| <= 0.35: Taylor series sum_{k=1..13} r^k / k! (remainder < 1e-17),
    evaluated by Horner's rule from the highest power down."""
    p = 1.0 / 6227020800.0  # 1/13!
    p = p * r + 1.0 / 479001600.0
    p = p * r + 1.0 / 39916800.0
    p = p * r + 1.0 / 3628800.0
    p = p * r + 1.0 / 362880.0
    p = p * r + 1.0 / 40320.0
    p = p * r + 1.0 / 5040.0
    p = p * r + 1.0 / 720.0
    p = p * r + 1.0 / 120.0
    p = p * r + 1.0 / 24.0
    p = p * r + 1.0 / 6.0
    p = p * r + 0.5
    p = p * r + 1.0
    return p * r


@njit(inline="always", error_model="numpy")
def exp(x):
    """e^x = 2^n e^r."""
    scale, r = _reduce(x)
    return scale + scale * _expm1_small(r)


@njit(inline="always", error_model="numpy")
def expm1(x):
    """e^x - 1 = 2^n (e^r - 1) + (2^n - 1), exact near 0 where 2^n = 1."""
    scale, r = _reduce(x)
    return scale * _expm1_small(r) + (scale - 1.0)


@njit(inline="always", error_model="numpy")
def tanh(x):
    """tanh|x| = -u / (2 + u) with u = e^(-2|x|) - 1, sign restored."""
    u = expm1(-2.0 * abs(x))
    return math.copysign(-u / (2.0 + u), x)


@njit(inline="always", error_model="numpy")
def sigmoid(x):
    """sigma(x) = 1 / (1 + e^-x)."""
    return 1.0 / (1.0 + exp(-x))


@njit(inline="always", error_model="numpy")
def activate(code, z):
    """f(z) for the activation `code`."""
    if code == TANH:
        return tanh(z)
    if code == RELU:
        return max(z, 0.0)
    if code == SIGMOID:
        return sigmoid(z)
    return z


@njit(inline="always", error_model="numpy")
def activate_slope(code, z, a):
    """f'(z), given z and a = f(z)."""
    if code == TANH:
        return 1.0 - a * a
    if code == RELU:
        return 1.0 if z > 0.0 else 0.0
    if code == SIGMOID:
        return a * (1.0 - a)
    return 1.0
