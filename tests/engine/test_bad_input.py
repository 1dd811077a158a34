"""Wrong inputs give one clear InputError, never a wrong answer or a crash inside a kernel."""

import numpy as np
import pytest

from simulator import InputError, Network, NetworkSpec

DENSE = NetworkSpec(cell="lstm", input_size=3, hidden_size=4, output_size=3)
TOKENS = NetworkSpec(cell="gru", vocab_size=5, embedding_dim=2, output_size=3, mode="seq2class")


@pytest.fixture(scope="module")
def dense():
    return Network(DENSE)


@pytest.fixture(scope="module")
def tokens():
    return Network(TOKENS)


@pytest.mark.parametrize("shape", [(2, 4, 2), (4,), (2, 3, 4, 3), (0, 3, 3), (2, 0, 3)])
def test_wrong_input_shape(dense, shape):
    with pytest.raises(InputError, match="shape"):
        dense.run(np.zeros(shape))


def test_nan_input_is_reported_with_its_place(dense):
    x = np.zeros((2, 4, 3))
    x[1, 2, 0] = np.nan
    with pytest.raises(InputError, match="example 1, step 2"):
        dense.run(x)


def test_text_input_is_refused(dense):
    with pytest.raises(InputError, match="real numbers"):
        dense.run(np.array([[["a", "b", "c"]]]))


def test_token_out_of_vocabulary(tokens):
    with pytest.raises(InputError, match="token id 5 at example 0, step 1"):
        tokens.run(np.array([[1, 5, 2]]))
    with pytest.raises(InputError, match="token id -1"):
        tokens.run(np.array([[1, -1, 2]]))


def test_fractional_token_ids_are_refused(tokens):
    with pytest.raises(InputError, match="whole-number"):
        tokens.run(np.array([[1.5, 2.0]]))


def test_padding_may_hold_any_token(tokens):
    trace = tokens.run(np.array([[1, 2, -1], [3, 99, 99]]), lengths=[2, 1])
    assert np.isfinite(trace.logits).all()


@pytest.mark.parametrize("lengths", [[5, 2], [0, 2], [2], [[1, 2]], [1.0, 2.0]])
def test_bad_lengths(dense, lengths):
    with pytest.raises(InputError, match="lengths"):
        dense.run(np.zeros((2, 4, 3)), lengths=lengths)


def test_wrong_target_shape_and_class(dense, tokens):
    with pytest.raises(InputError, match="y has shape"):
        dense.run(np.zeros((2, 4, 3)), y=np.zeros((2, 3), int))
    with pytest.raises(InputError, match="target class 3"):
        dense.run(np.zeros((2, 4, 3)), y=np.full((2, 4), 3))
    with pytest.raises(InputError, match="y has shape"):
        tokens.run(np.zeros((2, 4), int), y=np.zeros((2, 4), int))


def test_targets_on_padding_are_ignored(dense):
    y = np.zeros((2, 4), int)
    y[1, 2:] = -100  # PyTorch's ignore index on padding
    trace = dense.run(np.zeros((2, 4, 3)), y=y, lengths=[4, 2])
    assert np.isfinite(trace.loss)


def test_nan_regression_target():
    net = Network(
        NetworkSpec(cell="rnn", input_size=2, loss="mse", output_size=1, mode="seq2class")
    )
    with pytest.raises(InputError, match="finite"):
        net.run(np.zeros((1, 3, 2)), y=np.array([[np.nan]]))


@pytest.mark.parametrize("lengths", [[3, 2], [3, 3]])
def test_regression_targets_on_padding_are_ignored_and_kept_as_a_copy(lengths):
    net = Network(NetworkSpec(cell="rnn", input_size=2, loss="mse", output_size=1, mode="seq2seq"))
    y = np.ones((2, 3, 1))
    if lengths[1] == 2:
        y[1, 2] = np.nan  # on padding
    trace = net.run(np.zeros((2, 3, 2)), y=y, lengths=lengths)
    assert np.isfinite(trace.loss)
    assert trace.targets[1, 2, 0] == (0.0 if lengths[1] == 2 else 1.0)
    y[0, 0, 0] = 5.0  # the person's array changes after the run: the trace's does not
    assert trace.targets[0, 0, 0] == 1.0


def test_single_example_without_batch_axis(dense):
    x = np.random.default_rng(0).standard_normal((4, 3))
    one = dense.run(x, y=np.array([0, 1, 2, 0]))
    batched = dense.run(x[None], y=np.array([[0, 1, 2, 0]]))
    assert one.loss == batched.loss
    assert one.logits.shape == (1, 4, 3)


def test_load_state_dict_checks_names_and_shapes(dense):
    state = dense.state_dict()
    with pytest.raises(InputError, match="missing weight_hh_l0"):
        dense.load_state_dict({k: v for k, v in state.items() if k != "weight_hh_l0"})
    with pytest.raises(InputError, match="unknown weight_hh_l7"):
        dense.load_state_dict({**state, "weight_hh_l7": state["weight_hh_l0"]})
    with pytest.raises(InputError, match="shape"):
        dense.load_state_dict({**state, "output.bias": np.zeros(5)})
    bad = {**state, "output.bias": np.array([1.0, np.inf, 0.0])}
    with pytest.raises(InputError, match="finite"):
        dense.load_state_dict(bad)
    assert np.isfinite(dense.params["output.bias"]).all()  # nothing changed


def test_state_dict_round_trip_reproduces_outputs(dense):
    x = np.random.default_rng(1).standard_normal((2, 5, 3))
    other = Network(DENSE, seed=9)
    other.load_state_dict(dense.state_dict())
    assert np.array_equal(other.run(x).logits, dense.run(x).logits)
