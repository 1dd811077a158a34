"""Element-wise functions that LLVM can vectorise inside the kernels.

Numba calls the C library's exp and tanh once per element (5-15 ns each); these versions are
plain arithmetic plus one bit cast, so a loop over a row of gates compiles to SIMD code (~1 ns
per element) while staying accurate to a few units in the last place of a float64.

A float32 argument gets a float32 version (exp, expm1, tanh and sigmoid dispatch on the type):
the float64 one would widen every float32 to float64, filling half the SIMD lanes and running
a polynomial twice as long as float32 precision needs.
"""

import math

import numpy as np
from numba import njit, types
from numba.extending import intrinsic, overload

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
def _exp64(x):
    """e^x = 2^n e^r."""
    scale, r = _reduce(x)
    return scale + scale * _expm1_small(r)


@njit(inline="always", error_model="numpy")
def _expm164(x):
    """e^x - 1 = 2^n (e^r - 1) + (2^n - 1), exact near 0 where 2^n = 1."""
    scale, r = _reduce(x)
    return scale * _expm1_small(r) + (scale - 1.0)


@njit(inline="always", error_model="numpy")
def _tanh64(x):
    """tanh|x| = -u / (2 + u) with u = e^(-2|x|) - 1, sign restored."""
    u = _expm164(-2.0 * abs(x))
    return math.copysign(-u / (2.0 + u), x)


@njit(inline="always", error_model="numpy")
def _sigmoid64(x):
    """sigma(x) = 1 / (1 + e^-x)."""
    return 1.0 / (1.0 + _exp64(-x))


# ----- float32 -------------------------------------------------------------------------------
_F32 = np.float32
_LOG2E_32, _HALF_32 = _F32(_LOG2E), _F32(0.5)
_LN2_HI_32 = _F32(0.693359375)  # 9 significant bits: n * _LN2_HI_32 is exact for |n| <= 127
_LN2_LO_32 = _F32(-2.12194440e-4)
_LOWEST_32, _HIGHEST_32 = _F32(-87.0), _F32(88.0)  # 2^n stays a normal float32
_ONE_32, _TWO_32 = _F32(1.0), _F32(2.0)


@intrinsic
def _power_of_two_32(typingctx, n):
    """2^n as a float32 for a whole-valued float32 n in [-126, 127]: the exponent bits set."""
    sig = types.float32(types.float32)

    def codegen(context, builder, signature, args):
        i32 = context.get_value_type(types.int32)
        whole = builder.fptosi(args[0], i32)
        biased = builder.add(whole, i32(127))
        return builder.bitcast(builder.shl(biased, i32(23)), context.get_value_type(types.float32))

    return sig, codegen


@njit(inline="always", error_model="numpy")
def _reduce32(x):
    """x = n ln2 + r with |r| <= ln2 / 2, in float32; returns (2^n, r)."""
    x = min(max(x, _LOWEST_32), _HIGHEST_32)
    n = np.floor(x * _LOG2E_32 + _HALF_32)
    r = x - n * _LN2_HI_32 - n * _LN2_LO_32
    return _power_of_two_32(n), r


@njit(inline="always", error_model="numpy")
def _expm1_small32(r):
    """e^r - 1 for |r| <= 0.35: Taylor series to r^7 / 7! (remainder < 2e-8 relative, under
    float32's 6e-8)."""
    p = _F32(1.0 / 5040.0)
    p = p * r + _F32(1.0 / 720.0)
    p = p * r + _F32(1.0 / 120.0)
    p = p * r + _F32(1.0 / 24.0)
    p = p * r + _F32(1.0 / 6.0)
    p = p * r + _HALF_32
    p = p * r + _ONE_32
    return p * r


@njit(inline="always", error_model="numpy")
def _exp32(x):
    scale, r = _reduce32(x)
    return scale + scale * _expm1_small32(r)


@njit(inline="always", error_model="numpy")
def _expm132(x):
    scale, r = _reduce32(x)
    return scale * _expm1_small32(r) + (scale - _ONE_32)


@njit(inline="always", error_model="numpy")
def _tanh32(x):
    u = _expm132(-_TWO_32 * abs(x))
    return math.copysign(-u / (_TWO_32 + u), x)


@njit(inline="always", error_model="numpy")
def _sigmoid32(x):
    return _ONE_32 / (_ONE_32 + _exp32(-x))


# ----- the functions the kernels call: float32 in float32, anything else in float64 ----------
# The overloads are left to LLVM to inline (which it does: the row loops still vectorise); with
# Numba's own inline="always" the encoder-decoder's gradients came out wrong, depending on what
# the process had imported before.
def exp(x):
    """e^x (compiled code only)."""
    raise NotImplementedError("mathfn.exp runs inside compiled kernels")


def expm1(x):
    """e^x - 1 (compiled code only)."""
    raise NotImplementedError("mathfn.expm1 runs inside compiled kernels")


def tanh(x):
    """tanh x (compiled code only)."""
    raise NotImplementedError("mathfn.tanh runs inside compiled kernels")


def sigmoid(x):
    """sigma(x) = 1 / (1 + e^-x) (compiled code only)."""
    raise NotImplementedError("mathfn.sigmoid runs inside compiled kernels")


def _exp_32(x):
    return _exp32(x)


def _exp_64(x):
    return _exp64(x)


def _expm1_32(x):
    return _expm132(x)


def _expm1_64(x):
    return _expm164(x)


def _tanh_32(x):
    return _tanh32(x)


def _tanh_64(x):
    return _tanh64(x)


def _sigmoid_32(x):
    return _sigmoid32(x)


def _sigmoid_64(x):
    return _sigmoid64(x)


@overload(exp)
def _exp_by_type(x):
    return _exp_32 if x == types.float32 else _exp_64


@overload(expm1)
def _expm1_by_type(x):
    return _expm1_32 if x == types.float32 else _expm1_64


@overload(tanh)
def _tanh_by_type(x):
    return _tanh_32 if x == types.float32 else _tanh_64


@overload(sigmoid)
def _sigmoid_by_type(x):
    return _sigmoid_32 if x == types.float32 else _sigmoid_64


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
