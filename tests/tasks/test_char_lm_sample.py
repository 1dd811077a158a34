"""Sampling from a (tiny, untrained) network: seeded, the right length, real characters."""

import pytest

from simulator import Network, NetworkSpec
from simulator.tasks import SettingError, TaskError, make_task
from simulator.tasks.char_lm import sample


@pytest.fixture(scope="module")
def task():
    return make_task("char_lm", {"train_size": 4, "test_size": 2})


@pytest.fixture(scope="module")
def network(task):
    size = len(task.vocabulary)
    spec = NetworkSpec(
        cell="rnn",
        vocab_size=size,
        embedding_dim=4,
        hidden_size=8,
        output_size=size,
        mode="seq2seq",
    )
    return Network(spec, seed=0)


def test_sampling_is_seeded(task, network):
    first = sample(network, task, "The river", 12, 1.0, seed=3)
    assert sample(network, task, "The river", 12, 1.0, seed=3) == first
    assert len(first) == 12 and set(first) <= set(task.vocabulary.tokens)
    others = {sample(network, task, "The river", 12, 1.0, seed=s) for s in range(4, 8)}
    assert others != {first}


def test_a_low_temperature_picks_the_likeliest_character(task, network):
    trace = network.run(task.encode("The river")[None])
    likeliest = task.vocabulary.tokens[int(trace.logits[0, -1, 2:].argmax()) + 2]
    assert sample(network, task, "The river", 1, 1e-6, seed=0) == likeliest


def test_pad_and_unk_are_never_written(task, network):
    biased = Network(network.spec, seed=0)
    state = biased.state_dict()
    state["output.bias"][:2] = 50.0  # the untrained network now prefers <pad> and <unk>
    biased.load_state_dict(state)
    written = sample(biased, task, "The river", 10, 1.0, seed=0)
    assert len(written) == 10 and set(written) <= set(task.vocabulary.tokens[2:])


@pytest.mark.parametrize("temperature", [0, -1.0, float("nan")])
def test_temperature_must_be_positive(task, network, temperature):
    with pytest.raises(SettingError, match="temperature"):
        sample(network, task, "The", 3, temperature, seed=0)


def test_an_empty_prompt_is_refused(task, network):
    with pytest.raises(SettingError, match="prompt"):
        sample(network, task, "", 3, 1.0, seed=0)


def test_a_network_built_for_another_vocabulary_is_refused(task):
    spec = NetworkSpec(cell="rnn", vocab_size=5, embedding_dim=2, hidden_size=3, output_size=5)
    with pytest.raises(TaskError, match="build the network for this task"):
        sample(Network(spec, seed=0), task, "The", 3, 1.0, seed=0)
