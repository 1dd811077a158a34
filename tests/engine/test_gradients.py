"""Back-propagation through time against central finite differences, over every variant."""

import itertools

import numpy as np
import pytest

from simulator import Network, NetworkSpec
from simulator.gradcheck import gradient_check

from .examples import random_batch

CELLS = [
    {"cell": "rnn", "activation": "tanh"},
    {"cell": "rnn", "activation": "relu"},
    {"cell": "rnn", "activation": "sigmoid"},
    {"cell": "rnn", "activation": "identity"},
    {"cell": "rnn", "activation": "tanh", "residual": True},
    {"cell": "rnn", "activation": "sigmoid", "residual": True},
    {"cell": "gru", "gru_variant": "pytorch"},
    {"cell": "gru", "gru_variant": "textbook"},
    {"cell": "lstm"},
    {"cell": "tdnn", "activation": "tanh", "delay": 2},
    {"cell": "tdnn", "activation": "relu", "delay": 1},
]
SHAPES = [
    {"mode": "seq2seq"},
    {"mode": "seq2class", "pooling": "last"},
    {"mode": "seq2class", "pooling": "mean"},
]
LOSSES = [{"loss": "cross_entropy", "output_size": 3}, {"loss": "mse", "output_size": 2}]
INPUTS = [{"input_size": 2}, {"vocab_size": 5, "embedding_dim": 2}]
STACKS = [
    {"num_layers": 1},
    {"num_layers": 2, "bidirectional": True},
    {"num_layers": 2},
    {"num_layers": 1, "bidirectional": True},
]


def _name(combo):
    return "-".join(f"{v}" for part in combo for v in part.values())


# Every cell variant with every mode, loss and input kind; the stacks rotate through the combos
# so each appears with each cell.
COMBOS = [
    (cell, shape, loss, inputs, STACKS[i % len(STACKS)])
    for i, (cell, shape, loss, inputs) in enumerate(
        itertools.product(CELLS, SHAPES, LOSSES, INPUTS)
    )
]


@pytest.mark.parametrize("combo", COMBOS, ids=[_name(c) for c in COMBOS])
def test_bptt_matches_finite_differences(combo):
    fields = {k: v for part in combo for k, v in part.items()}
    spec = NetworkSpec(hidden_size=3, **fields)
    network = Network(spec, seed=3)
    x, y, lengths = random_batch(spec, lengths=[4, 2, 1], seed=5)
    check = gradient_check(network, x, y, lengths)
    assert check.max_rel_error < 1e-6, check.per_parameter


@pytest.mark.parametrize("stack", STACKS, ids=[_name([s]) for s in STACKS])
@pytest.mark.parametrize("cell", ["rnn", "gru", "lstm", "tdnn"])
def test_every_stack_shape_matches_finite_differences(cell, stack):
    spec = NetworkSpec(cell=cell, input_size=2, hidden_size=3, output_size=3, **stack)
    network = Network(spec, seed=1)
    x, y, lengths = random_batch(spec, lengths=[5, 3], seed=2)
    assert gradient_check(network, x, y, lengths).max_rel_error < 1e-6


def test_gradients_are_keyed_exactly_like_the_state_dict():
    spec = NetworkSpec(cell="lstm", vocab_size=6, embedding_dim=3, num_layers=2, bidirectional=True)
    network = Network(spec)
    x, y, lengths = random_batch(spec, lengths=[3, 2])
    trace = network.run(x, y, lengths)
    state = network.state_dict()
    assert list(trace.grads) == list(state)
    assert all(trace.grads[k].shape == state[k].shape for k in state)


def test_padding_does_not_change_a_sequence_result():
    spec = NetworkSpec(
        cell="gru", input_size=2, bidirectional=True, mode="seq2class", pooling="mean"
    )
    network = Network(spec)
    x, y, lengths = random_batch(spec, lengths=[5, 3])
    both = network.run(x, y, lengths)
    alone = network.run(x[1:, :3], y[1:], [3])
    assert np.allclose(both.logits[1], alone.logits[0], atol=1e-12)
    assert np.allclose(both.layers[0][1].hidden[1, :3], alone.layers[0][1].hidden[0], atol=1e-12)


@pytest.mark.parametrize("mode", ["seq2seq", "seq2class"])
def test_the_loss_gives_the_same_probabilities_as_a_run_without_targets(mode):
    spec = NetworkSpec(cell="lstm", input_size=3, hidden_size=4, output_size=5, mode=mode)
    network = Network(spec, seed=2)
    for seed in (0, 1):
        x, y, lengths = random_batch(spec, lengths=[4, 2, 3], seed=seed)
        trained = network.run(x, y, lengths)
        predicted = network.run(x, lengths=lengths)
        assert trained.probabilities.shape == trained.logits.shape
        assert np.array_equal(trained.probabilities, predicted.probabilities)
        assert np.allclose(trained.probabilities.sum(axis=-1), 1.0, atol=1e-15)
