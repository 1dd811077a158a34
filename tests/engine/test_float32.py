import numpy as np
import pytest

from simulator import Network, NetworkSpec

from .examples import random_batch


@pytest.mark.parametrize("cell", ["rnn", "gru", "lstm", "tdnn"])
def test_float32_runs_in_float32_and_agrees_with_float64(cell):
    spec64 = NetworkSpec(cell=cell, input_size=3, hidden_size=8, bidirectional=True)
    spec32 = spec64.replace(dtype="float32")
    net64, net32 = Network(spec64, seed=2), Network(spec32, seed=2)
    assert net32.flat.dtype == np.float32
    assert np.allclose(net32.flat, net64.flat, rtol=1e-6)
    x, y, lengths = random_batch(spec64, lengths=[7, 4])
    t64, t32 = net64.run(x, y, lengths), net32.run(x, y, lengths)
    assert t32.layers[0][1].hidden.dtype == np.float32 and t32.grad_flat.dtype == np.float32
    assert t32.loss == pytest.approx(t64.loss, rel=1e-5)
    assert np.allclose(t32.grad_flat, t64.grad_flat, rtol=1e-3, atol=1e-5)
