import numpy as np
import pytest

from simulator import InputError, Network, NetworkSpec

from .examples import random_batch


@pytest.mark.parametrize("cell", ["rnn", "gru", "lstm"])
def test_two_halves_with_the_carried_state_equal_one_whole_run(cell):
    spec = NetworkSpec(cell=cell, input_size=2, hidden_size=4, num_layers=2)
    network = Network(spec, seed=1)
    x, _, _ = random_batch(spec, lengths=[8, 8])
    whole = network.run(x)
    first = network.run(x[:, :5])
    second = network.run(x[:, 5:], initial=first.final_state())
    assert np.allclose(second.logits, whole.logits[:, 5:], atol=1e-13)
    h_n, c_n = second.final_state()
    assert h_n.shape == (2, 2, 4) and (c_n is None) == (cell != "lstm")


def test_final_state_of_padded_sequences_is_taken_at_their_own_end():
    spec = NetworkSpec(cell="lstm", input_size=2, hidden_size=3)
    network = Network(spec)
    x, _, lengths = random_batch(spec, lengths=[5, 2])
    h_n, c_n = network.run(x, lengths=lengths).final_state()
    alone = network.run(x[1:, :2])
    assert np.allclose(h_n[0, 1], alone.layers[0][0].hidden[0, 1], atol=1e-14)


def test_gradient_reaches_the_initial_state():
    spec = NetworkSpec(cell="gru", input_size=2, hidden_size=3)
    network = Network(spec)
    x, y, _ = random_batch(spec, lengths=[4])
    h0 = np.full((1, 1, 3), 0.3)
    trace = network.run(x, y, initial=h0)
    step = 1e-6
    numeric = []
    for j in range(3):
        up, down = h0.copy(), h0.copy()
        up[0, 0, j] += step
        down[0, 0, j] -= step
        numeric.append(
            (network.run(x, y, initial=up).loss - network.run(x, y, initial=down).loss) / (2 * step)
        )
    assert np.allclose(trace.layers[0][0].grad_initial_hidden[0], numeric, rtol=1e-6)


def test_wrong_initial_state_shape():
    network = Network(NetworkSpec(cell="rnn", input_size=2, hidden_size=3))
    with pytest.raises(InputError, match="h0"):
        network.run(np.zeros((1, 4, 2)), initial=np.zeros((2, 1, 3)))
