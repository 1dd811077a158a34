"""The per-step recurrent products: BPTT's dL/dh_{t-1} = U^T dz_t by the matrix-vector product
(B = 1), by 4 x 4 blocks of dot products (a batch, deep sums), or by BLAS; all must agree. And the
transposed copy of U they read (kernels/transpose.py)."""

import numpy as np
import pytest
from numba import njit
from numba.core.errors import TypingError

from simulator import Network, NetworkSpec
from simulator.kernels import steps

from .examples import random_batch


@njit
def _times(d, w):
    out = np.empty((d.shape[0], w.shape[1]), d.dtype)
    steps.times(d, steps.backward_operand(w, d.shape[0]), out)
    return out


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize(
    "B, G, H",
    [
        (1, 512, 128),  # one example: matvec
        (32, 512, 128),  # blocks of dot products
        (18, 384, 130),  # blocks with rows and columns left over
        (32, 128, 128),  # a shallow sum: BLAS
        (4, 512, 128),  # few rows: BLAS
        (32, 2048, 512),  # U^T too big for the cache: BLAS
    ],
)
def test_every_way_of_the_product_agrees_with_numpy(B, G, H, dtype):
    for seed in (0, 1):
        rng = np.random.default_rng(seed)
        d = rng.standard_normal((B, G)).astype(dtype)
        w = rng.standard_normal((G, H)).astype(dtype)
        expected = d.astype(np.float64) @ w.astype(np.float64)
        tolerance = 1e-12 if dtype == "float64" else 2e-4
        np.testing.assert_allclose(_times(d, w), expected, rtol=tolerance, atol=tolerance * G)


@njit
def _aligned_transpose(w):
    return steps.aligned_transpose(w)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize(
    "G, K",
    [
        (512, 128),  # whole 8 x 8 blocks
        (256, 64),
        (384, 130),  # two columns short of a block
        (13, 24),  # five rows short
        (21, 11),  # both
        (5, 3),  # no whole block
        (1, 1),
    ],
)
def test_the_transposed_copy_is_exact_and_starts_on_a_cache_line(G, K, dtype):
    for seed in (0, 1):
        w = np.random.default_rng(seed).standard_normal((G, K)).astype(dtype)
        out = _aligned_transpose(w)
        assert out.shape == (K, G) and out.dtype == w.dtype and out.flags.c_contiguous
        assert np.array_equal(out, w.T)
        assert out.ctypes.data % steps.CACHE_LINE == 0


def test_the_block_transpose_refuses_an_array_not_c_contiguous():
    with pytest.raises(TypingError, match="C-contiguous"):
        _aligned_transpose(np.zeros((16, 8)).T)


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_a_batch_back_propagates_as_its_examples_one_at_a_time(cell):
    """B = 17 with 4H or 3H >= 256 rows takes the blocked product, B = 1 the matrix-vector one:
    the batch's gradient (the loss is the batch mean) is the mean of the examples' gradients."""
    spec = NetworkSpec(cell=cell, input_size=5, hidden_size=96, output_size=4, mode="seq2seq")
    network = Network(spec, seed=3)
    for seed in (0, 1):
        x, y, lengths = random_batch(spec, lengths=[6, 4, 5] * 5 + [6, 3], seed=seed)
        batch = network.run(x, y, lengths).grad_flat
        alone = [
            network.run(x[b : b + 1], y[b : b + 1], lengths[b : b + 1]).grad_flat
            for b in range(len(lengths))
        ]
        np.testing.assert_allclose(batch, np.mean(alone, axis=0), rtol=1e-9, atol=1e-12)
