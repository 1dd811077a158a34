"""The kernels' exp, expm1, tanh and sigmoid (simulator/kernels/mathfn.py) against NumPy in
float64, at both precisions: float64 arguments to a few units in the last place, float32 ones
computed in float32 to within two float32 units, out to where the results over- or underflow."""

import numpy as np
import pytest
from numba import njit

from simulator.kernels import mathfn

EXACT = {
    "exp": np.exp,
    "expm1": np.expm1,
    "tanh": np.tanh,
    "sigmoid": lambda v: 1.0 / (1.0 + np.exp(-v)),
}


NAMES = tuple(EXACT)


@njit(cache=True)
def _apply(which, v, out):
    """out[i] = the function named NAMES[which] of v[i]: one kernel per dtype, compiled once
    and cached like the engine's."""
    for i in range(v.shape[0]):
        if which == 0:
            out[i] = mathfn.exp(v[i])
        elif which == 1:
            out[i] = mathfn.expm1(v[i])
        elif which == 2:
            out[i] = mathfn.tanh(v[i])
        else:
            out[i] = mathfn.sigmoid(v[i])


def _each(name, v, out):
    _apply(NAMES.index(name), v, out)


@pytest.mark.parametrize("name", sorted(EXACT))
@pytest.mark.parametrize(("dtype", "ulps"), [("float64", 4), ("float32", 2)])
@pytest.mark.parametrize("seed", [0, 1])
def test_each_function_matches_numpy_to_a_few_units_in_the_last_place(name, dtype, ulps, seed):
    rng = np.random.default_rng(seed)
    largest = 80.0 if name in ("exp", "expm1") and dtype == "float32" else 20.0
    v = np.concatenate(
        [rng.uniform(-largest, largest, 5000), rng.standard_normal(5000) * 1e-3, [0.0, -0.0]]
    ).astype(dtype)
    out = np.empty_like(v)
    _each(name, v, out)
    assert out.dtype == np.dtype(dtype)
    exact = EXACT[name](v.astype(np.float64))
    tiny = np.finfo(dtype).tiny
    relative = np.abs(out - exact) / np.maximum(np.abs(exact), tiny)
    assert relative.max() <= ulps * np.finfo(dtype).eps


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_far_out_arguments_saturate_instead_of_overflowing(dtype):
    v = np.array([-1000.0, -100.0, 100.0, 1000.0], dtype)
    for name, expected in (("tanh", [-1, -1, 1, 1]), ("sigmoid", [0, 0, 1, 1])):
        out = np.empty_like(v)
        _each(name, v, out)
        np.testing.assert_allclose(out, expected, rtol=0, atol=1e-30)
    out = np.empty_like(v)
    _each("exp", v, out)
    assert np.isfinite(out).all()
    assert out[0] < 1e-30 and out[1] < 1e-30  # e^-1000 and e^-100: below any gate's interest
    assert out[2] > 1e30 and out[3] >= out[2]  # clamped to the largest finite power, no inf
