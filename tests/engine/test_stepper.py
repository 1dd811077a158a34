import numpy as np
import pytest

from simulator import Network, NetworkSpec
from simulator.stepper import Stepper

from .examples import random_batch


@pytest.fixture
def stepper():
    spec = NetworkSpec(cell="lstm", input_size=2, hidden_size=3, num_layers=2, bidirectional=True)
    network = Network(spec)
    x, y, lengths = random_batch(spec, lengths=[4, 3])
    return Stepper(network.run(x, y, lengths), example=1)


def test_events_follow_the_engines_order(stepper):
    names = [e.name for e in stepper.events]
    assert len(names) == 2 * (2 * 2 * 3) + 1  # forward and backward of 2 layers x 2 directions
    assert names[:6] == [
        "forward:0:forward:0",
        "forward:0:forward:1",
        "forward:0:forward:2",
        "forward:0:reverse:2",
        "forward:0:reverse:1",
        "forward:0:reverse:0",
    ]
    assert names[12] == "loss"
    assert names[13:16] == ["backward:1:forward:2", "backward:1:forward:1", "backward:1:forward:0"]
    assert names[-1] == "backward:0:reverse:2"


def test_known_grows_with_the_cursor_and_hides_the_future(stepper):
    assert stepper.known_forward(0).tolist() == [True, False, False]
    stepper.step(3)  # forward direction done, reverse has read position 2
    assert stepper.known_forward(0).all()
    assert stepper.known_forward(0, 1).tolist() == [False, False, True]
    assert not stepper.known_forward(1).any()
    assert not stepper.loss_known
    stepper.to_loss()
    assert stepper.loss_known and not stepper.known_backward(1).any()
    stepper.step()
    assert stepper.known_backward(1).tolist() == [False, False, True]


def test_moves_are_clamped(stepper):
    stepper.step(-5)
    assert stepper.index == 0
    stepper.end()
    stepper.step(3)
    assert stepper.index == len(stepper) - 1


@pytest.mark.parametrize(
    "name, index",
    [
        ("0", 0),
        ("loss", 12),
        ("forward:2", 2),
        ("backward:0", 21),
        ("forward:1:reverse:0", 11),
        ("backward:1:1:1", 17),
        ("FORWARD:1", 1),
    ],
)
def test_find_by_name(stepper, name, index):
    assert stepper.find(name) == index


@pytest.mark.parametrize(
    "name",
    ["25", "-1", "forward:3", "forward:2:0:0", "sideways:1", "", "forward:x", "backward:0:up:1"],
)
def test_unknown_names_say_what_exists(stepper, name):
    with pytest.raises(ValueError, match="no event|does not exist"):
        stepper.find(name)


def test_without_targets_there_is_no_backward():
    network = Network(NetworkSpec(cell="rnn", input_size=2))
    stepper = Stepper(network.run(np.zeros((3, 2))))
    assert [e.phase for e in stepper.events] == ["forward"] * 3
    with pytest.raises(ValueError, match="no loss"):
        stepper.find("loss")
