"""The readable NumPy reference (simulator/reference/recurrent.py) and the compiled kernels
compute the same loss and the same gradients, for every cell and both GRU variants."""

import numpy as np
import pytest

from simulator import Network, NetworkSpec
from simulator.reference import recurrent

CELLS = [("rnn", "pytorch"), ("gru", "pytorch"), ("gru", "textbook"), ("lstm", "pytorch")]


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize(("cell", "variant"), CELLS, ids=["rnn", "gru", "gru-textbook", "lstm"])
def test_the_reference_and_the_kernels_agree_on_loss_and_every_gradient(cell, variant, seed):
    spec = NetworkSpec(
        cell=cell, gru_variant=variant, input_size=3, hidden_size=5, output_size=4, mode="seq2seq"
    )
    net = Network(spec, seed=seed)
    rng = np.random.default_rng(seed)
    x, y = rng.standard_normal((3, 7, 3)), rng.integers(0, 4, (3, 7))
    trace = net.run(x, y)
    loss, grads = recurrent.run(cell, net.state_dict(), x, y, gru_variant=variant)
    assert set(grads) == set(trace.grads)
    assert abs(loss - trace.loss) < 1e-10
    for name, grad in grads.items():
        assert np.abs(grad).max() > 1e-6, name  # every parameter is reached
        np.testing.assert_allclose(trace.grads[name], grad, rtol=0, atol=1e-10, err_msg=name)


def test_the_two_gru_variants_differ():
    spec = NetworkSpec(cell="gru", input_size=3, hidden_size=5, output_size=4)
    params = Network(spec, seed=0).state_dict()
    rng = np.random.default_rng(0)
    x, y = rng.standard_normal((2, 5, 3)), rng.integers(0, 4, (2, 5))
    pytorch, _ = recurrent.run("gru", params, x, y, gru_variant="pytorch")
    textbook, _ = recurrent.run("gru", params, x, y, gru_variant="textbook")
    assert abs(pytorch - textbook) > 1e-6
